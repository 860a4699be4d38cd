"""Restore from backup inside the running main window: the profile is released, replaced and reopened."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from kami_desktop.core.backup import create_backup
from kami_desktop.core.evidence.exhibits import list_exhibits
from kami_desktop.gui import backup_dialog
from tests.gui.conftest import import_and_wait
from tests.helpers import screenshot


def test_restore_from_the_file_menu_replaces_and_reopens_the_profile(
    qtbot, case_window, case_id, tmp_path, monkeypatch
):
    win = case_window
    import_and_wait(qtbot, win, [screenshot(tmp_path / "kept.png", 1)])
    backup = tmp_path / "backup.zip"
    create_backup(win.profile, backup)
    import_and_wait(qtbot, win, [screenshot(tmp_path / "after_backup.png", 2)])
    assert win.evidence.model.rowCount() == 2
    actions = {a.objectName() for a in win.actions()}
    assert {"backupAction", "restoreAction"} <= actions

    opened = []

    def fake_exec(dlg):  # drive the real dialog instead of blocking on exec()
        opened.append(dlg)
        dlg.load(str(backup))
        with qtbot.waitSignal(dlg.restored, timeout=60000):
            assert dlg.start()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(backup_dialog.RestoreDialog, "exec", fake_exec)
    win.open_restore()
    assert opened
    with win.profile.session() as s:
        titles = [e.title for e in list_exhibits(s, case_id)]
    assert titles == ["kept"]  # the state of the backup, read through the reopened profile
    qtbot.waitUntil(lambda: win.evidence.model.rowCount() == 1, timeout=5000)
    moved_aside = list(win.profile.data_dir.parent.glob(win.profile.data_dir.name + ".old-*"))
    assert len(moved_aside) == 1  # the replaced data was kept, not deleted
    import_and_wait(qtbot, win, [screenshot(tmp_path / "after_restore.png", 3)])  # the window still works
    assert win.evidence.model.rowCount() == 2
