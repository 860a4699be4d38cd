"""What the window remembers and says: 关于, the folders of the file dialogs, the last case, the court and
the 提交人 shared by the documents and the binder, the print preview's busy indicator, the party
dialog's check lines; and the two-phase start (the window paints before the data layer loads)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog

from kami_desktop import __version__
from kami_desktop.core.case.cases import create_case
from kami_desktop.gui import remembered
from kami_desktop.gui.main_window import MainWindow
from tests.core.dossier.cases import make_case
from tests.helpers import screenshot


def test_about_names_the_version_and_the_data_folder(case_window, dialogs, profile):
    about = next(a for a in case_window.actions() if a.text() == "关于")
    about.trigger()
    kind, title, text = dialogs[-1]
    assert kind == "info" and title == "关于"
    assert __version__ in text and str(profile.data_dir) in text


def test_file_dialogs_start_in_pictures_then_remember_the_folder_per_kind(
    qtbot, case_window, monkeypatch, tmp_path
):
    asked: list[str] = []
    folder = tmp_path / "手机截图"
    shot = screenshot(folder / "a.png", 1)

    def fake_open(_parent, _title, start, _filters=""):
        asked.append(start)
        return [str(shot)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    assert case_window.choose_files() == [str(shot)]
    assert asked[0] in (pictures, str(Path.home()))  # never the working directory
    assert case_window.choose_files() == [str(shot)]
    assert asked[1] == str(folder)  # the folder last used for screenshots
    settings = case_window.settings
    assert remembered.start_folder(settings, remembered.BILLS) != str(folder)  # bills keep their own
    assert remembered.start_folder(settings, remembered.IMAGES) == str(folder)


def test_the_last_case_reopens_and_the_window_keeps_its_size(qtbot, profile, settings, dialogs):
    with profile.session() as s:
        first = create_case(s, "第一个案件").id
        second = create_case(s, "第二个案件").id
    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    win.resize(900, 640)
    win.show()
    win.sidebar.refresh(select=second)
    assert win.current_case_id() == second
    win.close()
    again = MainWindow(profile, settings)
    qtbot.addWidget(again)
    assert again.current_case_id() == second != first
    assert again.size().height() == 640 and "第二个案件" in again.windowTitle()
    again.close()


def test_the_shell_paints_first_and_the_data_side_attaches_on_the_next_turn(qtbot, profile, settings):
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert not win.is_ready() and not win.grab().isNull()
    menus = [a.text() for a in win.menuBar().actions()]
    assert menus[0] == "文件(&F)" and not any(a.isEnabled() for a in win.menuBar().actions())
    assert win.statusBar().currentMessage() == "正在打开资料…"
    win.attach(profile)
    assert win.is_ready()
    qtbot.waitUntil(win.sidebar.isVisible, timeout=3000)
    assert [a.text() for a in win.menuBar().actions()] == menus  # the same menus, now filled
    assert all(a.isEnabled() for a in win.menuBar().actions())
    win.close()


def test_closing_the_window_before_the_profile_opens_is_clean(qtbot, settings):
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    win.show()
    win.close()
    assert settings.value("main/geometry") is not None


def test_the_window_shell_needs_no_database_layer():
    code = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from kami_desktop.gui.app import create_application\n"
        "app = create_application([])\n"
        "from kami_desktop.gui.main_window import MainWindow\n"
        "w = MainWindow(None, QSettings(sys.argv[1], QSettings.Format.IniFormat))\n"
        "w.show()\n"
        "assert not w.grab().isNull()\n"
        "bad = [m for m in ('sqlalchemy', 'kami_desktop.gui.case_tabs', 'pymupdf') if m in sys.modules]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent / "unused.ini")],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        cwd=root,
        env={**__import__("os").environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_court_and_submitter_are_carried_between_documents_and_binder(
    qtbot, case_window, profile, tmp_path, dialogs
):
    from kami_desktop.gui.documents_dialog import DocumentsDialog
    from kami_desktop.gui.dossier_dialog import DossierDialog

    case = make_case(profile, tmp_path / "src", keys=["chat_png"])
    docs = DocumentsDialog(profile, case.case_id, case_window)
    qtbot.addWidget(docs)
    qtbot.keyClicks(docs.court, "A")  # (QTest types ASCII only)
    docs.court.setText("杭州市西湖区人民法院")
    docs.close()

    binder = DossierDialog(profile, case.case_id, case_window)
    qtbot.addWidget(binder)
    assert binder.court.text() == "杭州市西湖区人民法院"
    binder.submitter.setText("原告 张三")
    binder.court.setText("杭州互联网法院")
    binder.close()

    again = DocumentsDialog(profile, case.case_id, case_window)
    qtbot.addWidget(again)
    assert again.court.text() == "杭州互联网法院"
    again.close()
    binder2 = DossierDialog(profile, case.case_id, case_window)
    qtbot.addWidget(binder2)
    assert binder2.submitter.text() == "原告 张三"
    binder2.close()
    other = DossierDialog(profile, case_window.current_case_id(), case_window)  # another case: its own
    qtbot.addWidget(other)
    assert other.submitter.text() == "" and other.court.text() == ""
    other.close()


def test_print_preview_says_pages_times_copies_and_shows_it_is_busy(
    qtbot, profile, tmp_path, dialogs, monkeypatch
):
    from kami_desktop.gui import binder_printer
    from kami_desktop.gui.dossier_dialog import DossierDialog

    case = make_case(profile, tmp_path / "src", keys=["chat_png", "note"])
    dlg = DossierDialog(profile, case.case_id)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.checked, timeout=10000):
        pass
    dlg.out_dir.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dlg.built, timeout=30000) as blocker:
        qtbot.mouseClick(dlg.build_button, Qt.MouseButton.LeftButton)
    pages = blocker.args[0].pages
    preview = binder_printer.preview(dlg, blocker.args[0].pdf, 3, run=False)
    qtbot.addWidget(preview)
    caption = f"共 {pages} 页 × 3 份"
    assert caption in preview.windowTitle()
    assert caption in preview.busy.labelText()
    seen = []
    paint = binder_printer.BinderPrinter.paint

    def paint_and_look(self, printer, dpi=binder_printer.PRINT_DPI, progress=None, cancel=None):
        busy = [w for w in QApplication.topLevelWidgets() if w is preview.busy and w.isVisible()]
        seen.append((bool(busy), QApplication.overrideCursor() is not None))
        return paint(self, printer, dpi, progress, cancel)

    monkeypatch.setattr(binder_printer.BinderPrinter, "paint", paint_and_look)
    preview.show()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == pages * 3, timeout=30000)
    assert seen and seen[0] == (True, True)  # the busy window and the wait cursor, while the pages render
    assert preview.busy.maximum() == pages * 3 and preview.busy.value() == pages * 3
    assert not preview.busy.isVisible() and QApplication.overrideCursor() is None
    preview.close()
    dlg.close()


def test_party_dialog_icp_hint_is_true_and_a_long_warning_is_not_cut_off(qtbot, profile, case_id):
    from kami_desktop.gui.party_dialog import PartyDialog

    dialog = PartyDialog(profile, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.edits["icp"], "ICP12345678-1")
    dialog.edits["icp"].setText("浙ICP备12345678号-1")
    icp = dialog.status["icp"].text()
    assert icp.startswith("✓") and "校验位正确" not in icp and "没有校验位" in icp
    qtbot.keyClicks(dialog.edits["uscc"], "91330100MA2CFXXXX1")  # a wrong check character
    label = dialog.status["uscc"]
    QApplication.processEvents()
    assert label.text().startswith("⚠") and label.height() >= label.heightForWidth(label.width())
    below = dialog.edits["address"]
    bottom = label.mapTo(dialog, QPoint(0, label.height())).y()
    assert bottom <= below.mapTo(dialog, QPoint(0, 0)).y()  # the next row starts below the whole warning
    icp_label = dialog.status["icp"]
    assert icp_label.height() >= icp_label.heightForWidth(icp_label.width())


def test_the_first_window_fits_a_small_screen(qtbot, settings):
    """No remembered size yet: 1280×820 ran off the bottom of a 1366×768 laptop screen."""
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    free = win.screen().availableGeometry()
    assert win.width() <= free.width() and win.height() + 40 <= free.height()
    assert free.contains(win.geometry().topLeft())
    win.close()
