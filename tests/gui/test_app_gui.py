import sys
import threading
import time
import types

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool

from kami_desktop.gui import crash_handler
from kami_desktop.gui.main_window import MainWindow
from kami_desktop.gui.single_instance import SingleInstance
from kami_desktop.gui.workers import TaskWorker, start_task
from tests.gui.conftest import import_and_wait
from tests.helpers import screenshot


def test_worker_throttles_progress_and_delivers_result(qtbot):
    def job(n, progress, cancel):
        for i in range(1, n + 1):
            progress(i, n, f"f{i}")
            time.sleep(0.0005)
        return "done"

    seen = []
    with qtbot.waitSignal(
        start_task(job, 2000, on_progress=lambda *a: seen.append(a)).signals.finished, timeout=10000
    ):
        pass
    qtbot.wait(50)
    assert seen[-1] == (2000, 2000, "f2000")
    assert len(seen) < 200  # ≈1 s of work → at most ~20 updates a second, not 2000


def test_worker_reports_errors_and_cancel(qtbot):
    def failing(progress, cancel):
        raise RuntimeError("坏了")

    errors = []
    w = start_task(failing, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0].exception, RuntimeError) and "坏了" in errors[0].traceback

    started = threading.Event()

    def endless(progress, cancel):
        started.set()
        while not cancel():
            time.sleep(0.005)
        return "cancelled"

    results = []
    w = TaskWorker(endless)
    w.signals.result.connect(results.append)
    QThreadPool.globalInstance().start(w)
    assert started.wait(5)
    w.cancel()
    qtbot.waitUntil(lambda: results == ["cancelled"], timeout=5000)


def test_second_instance_on_the_same_profile_is_refused_and_raises_the_first(qtbot, tmp_path):
    first = SingleInstance(tmp_path / "p")
    assert first.acquire()
    second = SingleInstance(tmp_path / "p")
    other = SingleInstance(tmp_path / "other")
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert second.notify_running()
        assert other.acquire()  # a different data folder is independent
    finally:
        first.release()
        other.release()
    assert second.acquire()
    second.release()


def test_a_second_launch_hands_its_foreground_right_to_the_first_on_windows(qtbot, tmp_path, monkeypatch):
    """Windows only lets the process the user just started take the foreground: before asking the
    first instance to come forward, the second calls AllowSetForegroundWindow(ASFW_ANY)."""
    from kami_desktop.gui import single_instance

    calls: list[tuple[str, int]] = []

    class User32:
        class AllowSetForegroundWindow:  # noqa: N801 - the Win32 name
            argtypes: list = []
            restype = None

            def __new__(cls, pid):
                calls.append(("allow", pid))
                return 1

    monkeypatch.setattr(single_instance, "_user32", lambda: User32)
    first = SingleInstance(tmp_path / "p")
    assert first.acquire()
    first.activated.connect(lambda: calls.append(("activated", 0)))
    second = SingleInstance(tmp_path / "p")
    try:
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert second.notify_running()
    finally:
        first.release()
    assert calls == [("allow", single_instance.ASFW_ANY), ("activated", 0)]
    assert single_instance.ASFW_ANY == 0xFFFFFFFF  # (DWORD)-1


def test_allow_set_foreground_does_nothing_off_windows():
    from kami_desktop.gui import single_instance

    if sys.platform != "win32":
        assert single_instance._user32() is None
        assert single_instance.allow_set_foreground() is False


def test_dossier_action_opens_the_dialog_for_the_case(qtbot, case_window, case_id, monkeypatch):
    calls = []

    class DossierDialog:
        def __init__(self, profile, cid, parent):
            calls.append((profile, cid, parent))

        def exec(self):
            calls.append("exec")

    monkeypatch.setitem(
        sys.modules, "kami_desktop.gui.dossier_dialog", types.SimpleNamespace(DossierDialog=DossierDialog)
    )
    assert case_window.dossier_action.shortcut().toString() == "Ctrl+P"
    case_window.dossier_action.trigger()
    assert calls == [(case_window.profile, case_id, case_window), "exec"]


def test_every_tab_follows_the_selected_case(qtbot, profile, settings, case_id, dialogs, tmp_path):
    from kami_desktop.core.bills.store import import_bill
    from kami_desktop.core.case.cases import create_case
    from tests.core.bills import bill_fixtures as bf

    bill = tmp_path / "alipay.csv"
    bill.write_bytes(bf.alipay_app_csv())
    import_bill(profile, case_id, bill)
    with profile.session() as s:
        other = create_case(s, "另一个平台").id
    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    tabs = win.workspace
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "案件首页",
        "证据",
        "账单",
        "主张项",
        "聊天记录",
        "维权进度",
    ]
    assert [tabs.widget(i) for i in range(tabs.count())] == [tabs.home, *tabs.views]

    with qtbot.waitSignal(tabs.bills.loaded, timeout=10000):
        win.sidebar.refresh(select=case_id)
    assert [v.case_id for v in (tabs.home, *tabs.views)] == [case_id] * 6
    assert tabs.currentWidget() is tabs.home  # a case opens on its home page
    assert tabs.bills.model.rowCount() == 9  # the case's bill
    tabs.setCurrentWidget(tabs.ladder)
    assert tabs.ladder.documents_button.isEnabled()

    with qtbot.waitSignal(tabs.bills.loaded, timeout=10000):
        win.sidebar.refresh(select=other)
    assert [v.case_id for v in (tabs.home, *tabs.views)] == [other] * 6
    assert tabs.bills.model.rowCount() == 0  # the other case has no bill
    win.close()


def test_unexpected_errors_are_logged_and_named(qtbot, profile, monkeypatch):
    shown = []
    monkeypatch.setattr(crash_handler.QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = crash_handler.install(profile.logs_dir)
    try:
        raise KeyError("内部错误示例 13812345678 110101199003070011")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert path.parent == profile.logs_dir
    for h in __import__("logging").getLogger("kami_desktop").handlers:
        h.flush()
    logged = path.read_text(encoding="utf-8")
    assert "内部错误示例" in logged
    assert "13812345678" not in logged and "110101199003070011" not in logged  # privacy: redacted
    assert shown and str(path) in shown[0] and "Traceback" not in shown[0]


def test_expected_errors_are_plain_messages(qtbot, dialogs, monkeypatch):
    from kami_desktop.core.evidence.exhibits import ExhibitError
    from kami_desktop.core.store.vault import VaultError
    from kami_desktop.gui import messages

    reported = []
    monkeypatch.setattr(crash_handler, "report", lambda exc, tb, parent: reported.append(exc))
    messages.show_error(None, ExhibitError("证据名称不能为空"))
    messages.show_error(None, VaultError("证据库文件无法写入：a.png"))
    assert dialogs == [
        ("warn", "无法完成", "证据名称不能为空"),
        ("warn", "无法完成", "证据库文件无法写入：a.png"),
    ]
    bug = KeyError("x")
    messages.show_error(None, bug)  # not a user error: logged and reported with the log file named
    assert reported == [bug] and len(dialogs) == 2


def test_verify_names_the_damaged_exhibit(qtbot, case_window, profile, tmp_path):
    report = import_and_wait(
        qtbot, case_window, [screenshot(tmp_path / "付款.png", 3), screenshot(tmp_path / "b.png", 4)]
    )
    bad = report.imported[0]
    path = profile.blob_path(bad.sha256)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"tampered")
    dlg = case_window.verify()
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.finished_report, timeout=10000) as blocker:
        pass
    result = blocker.args[0]
    assert not result.ok
    assert "发现" in dlg.status.text()
    rows = [(dlg.table.item(r, 0).text(), dlg.table.item(r, 1).text()) for r in range(dlg.table.rowCount())]
    assert (f"付款（ID {bad.exhibit_id}）", "内容被改动") in rows
    dlg.close()


def test_geometry_and_view_are_remembered(qtbot, profile, settings, dialogs):
    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    win.resize(720, 520)
    win.show()
    win.evidence.table_button.click()
    size = win.size()
    win.close()
    again = MainWindow(profile, settings)
    qtbot.addWidget(again)
    assert (
        settings.value("main/geometry") is not None
        and again.size().height() == size.height()
        and again.evidence.table_button.isChecked()
    )
    again.close()


@pytest.fixture
def english(qapp, tmp_path):
    from kami_desktop.gui import i18n, i18n_build

    built = i18n_build.build(out_dir=tmp_path / "qm")
    qm = next(p for p in built if p.name == "kami_desktop_en.qm")
    from PySide6.QtCore import QTranslator

    t = QTranslator()
    assert t.load(str(qm))
    qapp.installTranslator(t)
    yield i18n
    qapp.removeTranslator(t)


def test_english_translation_is_real(qtbot, english, profile, settings, dialogs):
    assert QCoreApplication.translate("MainWindow", "导入文件…") == "Import files…"
    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    menus = [a.text() for a in win.menuBar().actions()]
    assert "&File" in menus and "Binder" in menus
    assert win.windowTitle() == "Kami Claim Helper"
    win.close()


def test_language_switch_is_remembered(qtbot, settings):
    from kami_desktop.gui.i18n import current_language
    from kami_desktop.gui.settings_dialog import SettingsDialog

    assert current_language(settings) == "zh_CN"
    dlg = SettingsDialog(settings)
    qtbot.addWidget(dlg)
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    dlg.accept()
    assert current_language(settings) == "en"


def test_pyside_void_calls_keep_none_reference_count(qtbot):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None per void call (the interpreter then
    aborts with none_dealloc after a minute of scrolling); pyproject keeps the pin below it on Python
    3.11. From 3.12 on None is immortal (PEP 683): its count never moves, and 6.12 is allowed there."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QComboBox, QWidget

    w = QWidget()
    combo = QComboBox()
    qtbot.addWidget(w)
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        w.setEnabled(True)
        QModelIndex().data()
        combo.currentData()
    assert abs(sys.getrefcount(None) - before) < 100


def test_splash_paints_before_the_database_layer_is_loaded(qtbot):
    """kami-desktop shows its splash first; it must not need SQLAlchemy or the main window."""
    import subprocess

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kami_desktop.gui.splash import show_splash\n"
        "s = show_splash()\n"
        "assert s.isVisible() and s.pixmap().width() > 0\n"
        "bad = [m for m in ('sqlalchemy', 'kami_desktop.gui.main_window', 'pymupdf') if m in sys.modules]\n"
        "s.finish(None)\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


HOLD = r"""
import sys
from kami_desktop.core.store.lock import set_program
from kami_desktop.core.profile import Profile
set_program("kami import")
prof = Profile.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""
APP = r"""
import sys
from PySide6.QtWidgets import QMessageBox
QMessageBox.critical = staticmethod(lambda parent, title, text, *a: print("CRITICAL", text, flush=True))
from kami_desktop.gui.app import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_window_will_not_open_a_profile_a_command_is_writing_and_says_who(tmp_path):
    import os
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    data = tmp_path / "profile"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        encoding="utf-8",
        env=env,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        app = subprocess.run(
            [sys.executable, "-c", APP, "--data-dir", str(data)],
            capture_output=True,
            encoding="utf-8",
            timeout=120,
            env=env,
        )
    finally:
        holder.communicate("", timeout=30)
    assert app.returncode == 2, app.stderr
    message = next(line for line in app.stdout.splitlines() if line.startswith("CRITICAL"))
    assert "正被另一个程序使用：kami import" in message and f"进程 {holder.pid}" in message
