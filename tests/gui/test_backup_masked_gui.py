"""The backup, restore and verify windows speak of the masked copies: what a backup holds, what a restore put
back, made again or left out, and a verify notice (not an alarm) with a button that makes them again."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt

from kami_desktop.core.backup import create_backup, restore_backup
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.profile import Profile
from kami_desktop.core.redact.box import Box
from kami_desktop.core.redact.copies import make_copy
from kami_desktop.gui.backup_dialog import BackupDialog, RestoreDialog
from kami_desktop.gui.verify_dialog import VerifyDialog
from tests.core.redact.shots import shot
from tests.core.test_backup_masked import _old_backup, _rewrite

WAIT = 15_000


@pytest.fixture
def masked(profile, case_id, tmp_path):
    png, _ = shot(tmp_path / "src" / "订单截图.png")
    jpg, _ = shot(tmp_path / "src" / "聊天照片.jpg", fmt="JPEG", quality=90)
    items = sorted(
        import_paths(profile, case_id, [png, jpg]).imported, key=lambda i: i.media_type != "image/png"
    )
    infos = [
        make_copy(profile, items[0].exhibit_id, [Box(30, 95, 400, 50)], "solid"),
        make_copy(profile, items[1].exhibit_id, [Box(30, 225, 600, 50)], "mosaic"),
    ]
    return profile, infos


def test_the_backup_dialog_says_the_masked_copies_go_in(qtbot, masked, tmp_path, dialogs):
    profile, _ = masked
    dlg = BackupDialog(profile)
    qtbot.addWidget(dlg)
    assert "打码副本" in dlg.intro.text()
    with qtbot.waitSignal(dlg.backed_up, timeout=WAIT) as sig:
        assert dlg.start(tmp_path / "b.zip")
    assert sig.args[0].masked == 2 and "打码副本 2 个也已备份" in dlg.status.text() and dialogs == []


def test_restoring_an_old_backup_in_the_window_makes_the_copies_again(qtbot, masked, tmp_path, dialogs):
    profile, infos = masked
    old = _old_backup(profile, tmp_path)
    target = tmp_path / "新电脑"
    dlg = RestoreDialog(target)
    qtbot.addWidget(dlg)
    assert dlg.load(old) and "不含打码副本" in dlg.status.text()
    with qtbot.waitSignal(dlg.restored, timeout=WAIT) as sig:
        assert dlg.start()
    report = sig.args[0]
    assert report.verify_ok and report.masked_remade == 2 and report.notices == [] and dialogs == []
    assert "重新制作了 2 个打码副本" in dlg.status.text()
    for info in infos:
        assert (target / "masked" / info.file_name).read_bytes() == (
            profile.masked_dir / info.file_name
        ).read_bytes()


def test_a_copy_left_out_of_a_restore_is_named_in_the_window(qtbot, masked, tmp_path, dialogs):
    profile, (_, bad) = masked
    out = tmp_path / "b.zip"
    create_backup(profile, out)
    member = f"masked/{bad.file_name}"
    with zipfile.ZipFile(out) as zf:
        data = bytearray(zf.read(member))
    data[len(data) // 2] ^= 0xFF
    _rewrite(out, tmp_path / "damaged.zip", change={member: bytes(data)})
    dlg = RestoreDialog(tmp_path / "r")
    qtbot.addWidget(dlg)
    assert dlg.load(tmp_path / "damaged.zip") and "打码副本 2 个" in dlg.status.text()
    with qtbot.waitSignal(dlg.restored, timeout=WAIT) as sig:
        dlg.start()
    assert sig.args[0].masked_restored == 1
    assert "打码副本 1 个已恢复" in dlg.status.text() and bad.file_name in dlg.status.text()
    assert [d[0] for d in dialogs] == ["warn"] and bad.file_name in dialogs[0][2]


def test_verify_notes_absent_copies_without_alarm_and_makes_them_again(qtbot, masked, tmp_path, dialogs):
    profile, infos = masked
    target = tmp_path / "r"
    restore_backup(_old_backup(profile, tmp_path), target)  # the core restore alone: copies not made yet
    with Profile.open(target) as p:
        dlg = VerifyDialog(p)
        qtbot.addWidget(dlg)
        with qtbot.waitSignal(dlg.finished_report, timeout=WAIT) as sig:
            pass
        report = sig.args[0]
        assert report.ok and report.copies_absent == 2
        text = dlg.status.text()
        assert "校验通过" in text and "不是篡改" in text and "重新制作打码副本" in text
        # the user is in that window already, with the button right below: no way round through the CLI
        assert "点下面的“重新制作打码副本”" in text
        assert "kami redact remake" not in text and "在“校验完整性”窗口" not in text
        assert dlg.table.isHidden() and not dlg.remake_button.isHidden()
        qtbot.mouseClick(dlg.remake_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: "已按存证日志登记的遮盖框重新制作 2 个打码副本" in dlg.status.text(), timeout=WAIT
        )
        assert dlg.remake_button.isHidden()
        for info in infos:
            assert (p.masked_dir / info.file_name).read_bytes() == (
                profile.masked_dir / info.file_name
            ).read_bytes()
    assert dialogs == []


@pytest.mark.parametrize("remake_first", [True, False])
def test_the_export_window_offers_to_make_absent_copies_again(
    qtbot, masked, tmp_path, dialogs, monkeypatch, remake_first
):
    from kami_desktop.gui import messages
    from kami_desktop.gui.redact_dialog import RedactDialog

    profile, infos = masked
    target = tmp_path / "r"
    restore_backup(_old_backup(profile, tmp_path), target)  # the core restore alone: copies not made yet
    asked = []
    monkeypatch.setattr(messages, "ask", lambda _p, _t, text: asked.append(text) or remake_first)
    with Profile.open(target) as p:
        dlg = RedactDialog(p, [i.exhibit_id for i in infos], case_id=1)
        qtbot.addWidget(dlg)
        dlg.choose_folder = lambda: str(tmp_path / "out")
        dlg.export_button.click()
        qtbot.waitUntil(lambda: bool(dialogs), timeout=WAIT)
        [question] = asked
        assert "2 个打码副本不在本机" in question and "重新制作" in question
        kind, _title, text = dialogs[-1]
        folder = tmp_path / "out" / "黑猫投诉上传图片"
        if remake_first:
            assert kind == "info" and "已导出 2 个打码副本" in text
            assert sorted(x.name for x in folder.iterdir()) == [
                "文件清单.txt",
                "证据1_打码.png",
                "证据2_打码.jpg",
            ]
        else:
            assert kind == "warn" and "2 个打码副本不在本机" in text and "重新制作打码副本" in text
            assert [x.name for x in folder.iterdir()] == ["文件清单.txt"]
