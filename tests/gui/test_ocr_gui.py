"""Screenshots are read in the background after an import and when a case opens: a status-bar strip
with 停止识别, one job at a time, and the detail panel shows the machine-read text, marked as such."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox

from tests.core.ocr.samples import order_shot
from tests.gui.conftest import import_and_wait


def _window(qtbot, profile, tmp_path, auto=True):
    from kami_desktop.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "ocr-settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ocr/auto", auto)
    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    return win


def test_an_import_is_read_in_the_background_and_its_text_shown_as_machine_read(
    qtbot, profile, case_id, dialogs, tmp_path
):
    win = _window(qtbot, profile, tmp_path)
    qtbot.waitUntil(lambda: win.current_case_id() == case_id and not win.ocr.busy, timeout=10000)
    seen: list[tuple[int, int]] = []
    labels: list[str] = []

    def progress(done, total, _name):
        seen.append((done, total))
        labels.append(win.ocr.strip.label.text())

    win.ocr.progress.connect(progress)
    with qtbot.waitSignal(win.ocr.finished, timeout=120000) as done:
        report = import_and_wait(qtbot, win, [order_shot(tmp_path / "订单.png")])
    summary = done.args[0]
    assert (summary.read, summary.failed) == (1, 0)
    assert (1, 1) in seen and any(text.startswith("正在识别截图文字 0/1") for text in labels)
    with profile.session() as s:
        from kami_desktop.core.case.cases import get_case

        name = get_case(s, case_id).title
    assert all(name in text for text in labels)  # whichever case is open, the strip says whose screenshots
    assert not win.ocr.strip.isVisible() and not win.ocr.busy
    assert "识别完成" in win.statusBar().currentMessage()
    # read in a child process, which ends once the runner has been idle for a while
    reader = win.ocr.reader
    assert reader.running and reader.pid != os.getpid() and reader.started == 1
    assert reader.child_log.path == profile.logs_dir / "ocr-reader.log"  # its stderr, kept
    assert win.ocr.idle.isActive()
    win.ocr.idle.setInterval(50)
    qtbot.waitUntil(lambda: not reader.running, timeout=10000)

    win.evidence.detail.set_exhibit(report.imported[0].exhibit_id)
    view = win.evidence.detail.ocr_text
    assert view.isVisible() and view.text.isReadOnly()
    assert "不是证据" in view.label.text() and "软件识别" in view.label.text()
    assert "KM2026052821140311" in view.text.toPlainText().replace(" ", "")
    win.close()


def test_one_job_at_a_time_a_request_queues_and_stop_keeps_what_was_read(
    qtbot, profile, case_id, dialogs, tmp_path
):
    from kami_desktop.core.evidence.importer import import_paths

    import_paths(profile, case_id, [order_shot(tmp_path / f"{i}.png", seed=i) for i in range(2)])
    win = _window(qtbot, profile, tmp_path, auto=False)  # opens the case without reading it
    assert not win.ocr.busy
    win.settings.setValue("ocr/auto", True)
    finished = []
    win.ocr.finished.connect(finished.append)
    win.ocr.request(case_id)
    assert win.ocr.busy
    win.ocr.request(case_id)  # a new import while running: queued, not a second job
    assert win.ocr._queue == [case_id] and win.ocr.pool.activeThreadCount() == 1
    win.ocr.cancel()  # 停止识别: the queue goes, the job stops between pages
    assert win.ocr._queue == []
    qtbot.waitUntil(lambda: not win.ocr.busy, timeout=60000)
    [first] = finished
    assert first.cancelled and first.read < 2 and not first.failed  # the page being read is not a failure
    assert not win.ocr.reader.running  # 停止 ends the reading process too
    with qtbot.waitSignal(win.ocr.finished, timeout=120000) as again:
        win.ocr.request(case_id)
    assert again.args[0].read + first.read == 2 and not again.args[0].cancelled
    reader = win.ocr.reader
    win.close()  # shutdown ends the reading process
    assert not reader.running


def test_the_exhibit_shown_gets_its_suggestions_when_the_reading_finishes(
    qtbot, profile, case_id, dialogs, tmp_path
):
    from kami_desktop.core.evidence.importer import import_paths

    report = import_paths(profile, case_id, [order_shot(tmp_path / "订单.png")])
    win = _window(qtbot, profile, tmp_path, auto=False)
    qtbot.waitUntil(lambda: win.current_case_id() == case_id, timeout=10000)
    panel = win.evidence.detail.suggestions
    shown = report.imported[0].exhibit_id
    qtbot.waitUntil(lambda: shown in win.evidence.model.visible_ids(), timeout=10000)
    win.evidence.select_ids([shown])  # the detail follows the selection (the rows reload after the reading)
    assert win.evidence.detail.exhibit_id == shown
    qtbot.waitUntil(lambda: panel.triage is not None, timeout=10000)
    assert not panel.triage.suggestions.fields  # nothing read yet, nothing to suggest
    win.ocr.request(case_id)  # what opening the case asks: nothing, reading on its own is off
    assert not win.ocr.busy
    # not read and not being read: the text box says how to have it read, not that it is under way
    assert "识别截图文字" in win.evidence.detail.ocr_text.text.toPlainText()
    with qtbot.waitSignal(win.ocr.finished, timeout=120000):
        win.findChild(QAction, "ocrAction").trigger()  # 证据 → 识别截图文字
    qtbot.waitUntil(lambda: panel.triage is not None and bool(panel.triage.suggestions.fields), timeout=10000)
    assert "KM2026052821140311" in win.evidence.detail.ocr_text.text.toPlainText().replace(" ", "")
    win.close()


def test_asking_when_everything_is_read_says_so(qtbot, profile, case_id, dialogs, tmp_path):
    """证据 → 识别截图文字 with nothing left to read answers in the status bar instead of doing nothing."""
    win = _window(qtbot, profile, tmp_path, auto=False)
    qtbot.waitUntil(lambda: win.current_case_id() == case_id, timeout=10000)
    action = win.findChild(QAction, "ocrAction")
    with qtbot.waitSignal(win.ocr.finished, timeout=60000):
        action.trigger()
    assert "都已识别" in win.statusBar().currentMessage()
    win.statusBar().clearMessage()
    win.ocr.settings.setValue("ocr/auto", True)
    with qtbot.waitSignal(win.ocr.finished, timeout=60000):
        win.ocr.request(case_id)  # nothing asked: a background run with nothing to do stays quiet
    assert win.statusBar().currentMessage() == ""


def test_the_settings_checkbox_turns_reading_after_an_import_off_and_on(
    qtbot, profile, case_id, dialogs, tmp_path
):
    from sqlalchemy import func, select

    from kami_desktop.core.store.model import OcrText
    from kami_desktop.gui.main_window import MainWindow
    from kami_desktop.gui.settings_dialog import SettingsDialog

    def rows() -> int:
        with profile.session() as s:
            return s.scalar(select(func.count()).select_from(OcrText))

    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)  # never set: the default
    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.current_case_id() == case_id and not win.ocr.busy, timeout=10000)
    dlg = SettingsDialog(win.settings, win)
    box = dlg.findChild(QCheckBox, "ocrAutoCheck")
    assert box.text() == "导入截图后自动识别文字" and box.isChecked()  # on, as it always was
    box.setChecked(False)
    dlg.accept()
    assert settings.value("ocr/auto", type=bool) is False
    import_and_wait(qtbot, win, [order_shot(tmp_path / "一.png")])
    assert not win.ocr.busy and win.ocr.reader.started == 0 and rows() == 0  # not read
    # and the user is told so, with the way to have it read
    assert "自动识别文字已关闭" in win.statusBar().currentMessage()
    assert "证据 → 识别截图文字" in win.statusBar().currentMessage()
    dlg = SettingsDialog(win.settings, win)
    box = dlg.findChild(QCheckBox, "ocrAutoCheck")
    assert not box.isChecked()  # the dialog shows the setting as it is
    box.setChecked(True)
    dlg.accept()
    assert settings.value("ocr/auto", type=bool) is True
    with qtbot.waitSignal(win.ocr.finished, timeout=120000) as done:
        import_and_wait(qtbot, win, [order_shot(tmp_path / "二.png", seed=1)])
        assert "自动识别文字已关闭" not in win.statusBar().currentMessage()
    assert done.args[0].read == 2 and rows() == 2  # the new screenshot, and the one imported while off
    win.close()


def test_the_settings_menu_entry_names_the_reading_switch_it_opens(
    qtbot, profile, case_id, dialogs, tmp_path
):
    """The only way to 「导入截图后自动识别文字」 is the 设置 menu's one entry: its name says so, not only
    the language."""
    win = _window(qtbot, profile, tmp_path)
    menu = next(a.menu() for a in win.menuBar().actions() if a.text() == "设置(&S)")
    entries = [a for a in menu.actions() if not a.isSeparator()]
    assert len(entries) == 1 and "文字识别" in entries[0].text() and "界面语言" in entries[0].text()
    win.close()
