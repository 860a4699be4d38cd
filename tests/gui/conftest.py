"""GUI fixtures: offscreen Qt, a clean clipboard after every test, dialogs that never block."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

import kami_desktop.gui  # noqa: E402,F401  (protects None from a PySide6 6.12 refcount bug first)


@pytest.fixture(autouse=True, scope="session")
def _own_settings_folder(tmp_path_factory):
    """A window or dialog made without the test's settings falls back to the app's QSettings: keep that in
    a folder of the test run, never the user's own configuration."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def _clear_clipboard(qapp):
    yield
    qapp.clipboard().clear()  # a Python-made QMimeData left on the clipboard segfaults offscreen at exit


@pytest.fixture
def dialogs(monkeypatch):
    """Record messages instead of showing modal boxes; questions are answered 'yes'."""
    from kami_desktop.gui import messages

    seen: list[tuple[str, str, str]] = []
    monkeypatch.setattr(messages, "info", lambda _p, title, text: seen.append(("info", title, text)))
    monkeypatch.setattr(messages, "warn", lambda _p, title, text: seen.append(("warn", title, text)))
    monkeypatch.setattr(messages, "ask", lambda _p, title, text: seen.append(("ask", title, text)) or True)
    return seen


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    s.setValue("ocr/auto", False)  # screenshots are read in the background only where a test asks for it
    return s


@pytest.fixture
def window(qtbot, profile, settings, dialogs):
    from kami_desktop.gui.main_window import MainWindow

    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    yield win
    win.close()


@pytest.fixture
def case_window(qtbot, window, case_id):
    """The main window showing the fixture case on its 证据 tab (a case opens on its 案件首页), rows loaded."""
    with qtbot.waitSignal(window.evidence.loaded, timeout=5000):
        window.sidebar.refresh(select=case_id)
    assert window.current_case_id() == case_id
    window.workspace.setCurrentWidget(window.evidence)
    return window


@pytest.fixture
def home_window(qtbot, window, case_id):
    """The main window showing the fixture case as it opens: on its 案件首页, the page loaded."""
    with qtbot.waitSignal(window.workspace.home.loaded, timeout=10000):
        window.sidebar.refresh(select=case_id)
    assert window.current_case_id() == case_id
    return window


def import_and_wait(qtbot, win, paths):
    """Start an import through the window, wait for its report and for the new rows in the model."""
    with qtbot.waitSignal(win.imports.finished, timeout=20000) as blocker:
        win.import_paths([str(p) for p in paths])
    report = blocker.args[0]
    wait_for_ids(qtbot, win, [i.exhibit_id for i in report.imported])
    if win.summary_dialog is not None:
        win.summary_dialog.close()
    return report


def wait_for_ids(qtbot, win, ids):
    model = win.evidence.model
    qtbot.waitUntil(lambda: set(ids) <= set(model.visible_ids()), timeout=5000)
