"""备份 / 从备份恢复 dialogs: the real core underneath, offscreen, with dialogs that never block."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kami_desktop.core.backup import create_backup, verify_backup
from kami_desktop.core.profile import Profile
from kami_desktop.core.tasks import Cancelled
from kami_desktop.gui import backup_dialog
from kami_desktop.gui.backup_dialog import BackupDialog, RestoreDialog
from tests.fixtures.evidence import populate, profile_state

WAIT = 15_000


@pytest.fixture
def filled(profile, tmp_path):
    populate(profile, tmp_path / "src", shots=2)
    return profile


def test_backup_dialog_writes_a_verified_backup_with_progress(qtbot, filled, tmp_path, dialogs):
    dlg = BackupDialog(filled)
    qtbot.addWidget(dlg)
    assert dlg.path_edit.text().endswith(".zip") and "kami-备份-" in dlg.path_edit.text()
    out = tmp_path / "我的备份.zip"
    with qtbot.waitSignal(dlg.backed_up, timeout=WAIT) as sig:
        assert dlg.start(out)
        assert dlg.running and not dlg.start_button.isEnabled()
    report = sig.args[0]
    assert report.ok and Path(report.path) == out and verify_backup(out).ok
    assert not dlg.running and dlg.bar.value() == dlg.bar.maximum()
    assert "备份完成" in dlg.status.text() and dialogs == []


def test_backup_dialog_asks_before_overwriting(qtbot, filled, tmp_path, dialogs, monkeypatch):
    out = tmp_path / "old.zip"
    out.write_bytes(b"older backup")
    dlg = BackupDialog(filled)
    qtbot.addWidget(dlg)
    monkeypatch.setattr(backup_dialog.messages, "ask", lambda *a: False)
    assert dlg.start(out) is False and out.read_bytes() == b"older backup"
    monkeypatch.setattr(backup_dialog.messages, "ask", lambda *a: True)
    with qtbot.waitSignal(dlg.backed_up, timeout=WAIT):
        assert dlg.start(out)
    assert verify_backup(out).ok


def test_cancelling_a_backup_leaves_no_file(qtbot, filled, tmp_path, monkeypatch, dialogs):
    def slow_backup(profile, out, *, overwrite, progress, cancel):
        while not cancel.cancelled:
            progress(1, 10, "")
            time.sleep(0.01)
        raise Cancelled()

    monkeypatch.setattr(backup_dialog, "create_backup", slow_backup)
    dlg = BackupDialog(filled)
    qtbot.addWidget(dlg)
    dlg.start(tmp_path / "b.zip")
    qtbot.waitUntil(lambda: dlg.bar.maximum() == 10, timeout=WAIT)
    dlg.cancel_button.click()
    qtbot.waitUntil(lambda: not dlg.running, timeout=WAIT)
    assert "已取消" in dlg.status.text() and dialogs == []
    assert not (tmp_path / "b.zip").exists()


def test_a_real_cancel_through_the_core_cleans_up(qtbot, filled, tmp_path, dialogs):
    dlg = BackupDialog(filled)
    qtbot.addWidget(dlg)
    dlg.start(tmp_path / "b.zip")
    dlg.cancel()
    qtbot.waitUntil(lambda: not dlg.running, timeout=WAIT)
    assert not (tmp_path / "b.zip.part").exists()
    assert (tmp_path / "b.zip").exists() == (dlg.report is not None)


def test_restore_into_an_empty_folder(qtbot, filled, tmp_path, dialogs):
    src = tmp_path / "b.zip"
    create_backup(filled, src)
    target = tmp_path / "新电脑"
    released = []
    dlg = RestoreDialog(target, release_profile=lambda: released.append(True))
    qtbot.addWidget(dlg)
    assert not dlg.start_button.isEnabled()
    assert dlg.load(src) and dlg.start_button.isEnabled()
    assert "案件 2 个" in dlg.status.text()
    with qtbot.waitSignal(dlg.restored, timeout=WAIT) as sig:
        assert dlg.start()
    assert sig.args[0].verify_ok and released == [True] and dialogs == []
    assert profile_state(target) == profile_state(filled.data_dir)


def test_restore_over_data_asks_then_moves_the_old_profile_aside(
    qtbot, filled, tmp_path, dialogs, monkeypatch
):
    src = tmp_path / "b.zip"
    create_backup(filled, src)
    target = tmp_path / "kami"
    with Profile.open(target) as p:
        populate(p, tmp_path / "src2", shots=1, seed=6)
    old = profile_state(target)
    events = []
    dlg = RestoreDialog(target, release_profile=lambda: events.append("released"))
    qtbot.addWidget(dlg)
    dlg.load(src)
    monkeypatch.setattr(backup_dialog.messages, "ask", lambda *a: events.append("asked") or False)
    assert dlg.start() is False and events == ["asked"] and profile_state(target) == old
    monkeypatch.setattr(backup_dialog.messages, "ask", lambda *a: events.append("asked") or True)
    with qtbot.waitSignal(dlg.restored, timeout=WAIT) as sig:
        dlg.start()
    assert events == ["asked", "asked", "released"]
    report = sig.args[0]
    assert profile_state(Path(report.moved_aside)) == old and "未删除" in dlg.status.text()


def test_a_hostile_backup_is_refused_before_anything_starts(qtbot, tmp_path, dialogs):
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    released = []
    dlg = RestoreDialog(tmp_path / "t", release_profile=lambda: released.append(True))
    qtbot.addWidget(dlg)
    assert dlg.load(bad) is False
    assert not dlg.start_button.isEnabled() and released == []
    assert dialogs and dialogs[0][0] == "warn" and "不是有效的备份" in dialogs[0][2]


def test_a_failed_restore_after_release_says_abandoned(qtbot, filled, tmp_path, dialogs, monkeypatch):
    src = tmp_path / "b.zip"
    create_backup(filled, src)

    def failing_restore(*args, **kwargs):
        from kami_desktop.core.backup import BackupError

        raise BackupError("备份中的 kami.sqlite3 哈希不符")

    monkeypatch.setattr(backup_dialog, "restore_backup", failing_restore)
    dlg = RestoreDialog(tmp_path / "t", release_profile=lambda: None)
    qtbot.addWidget(dlg)
    dlg.load(src)
    with qtbot.waitSignal(dlg.abandoned, timeout=WAIT):
        dlg.start()
    assert dialogs and "哈希不符" in dialogs[-1][2] and not (tmp_path / "t").exists()
