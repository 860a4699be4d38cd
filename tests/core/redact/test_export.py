"""The folder for a public site: masked copies by default, originals only when asked, trashed exhibits
never; 文件清单.txt names each file's exhibit (binder number), original and both hashes."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.redact.box import Box
from kami_desktop.core.redact.copies import RedactError, make_copy
from kami_desktop.core.redact.export import LIST_NAME, export_for_site, free_folder
from kami_desktop.core.store.model import LedgerEntry
from kami_desktop.core.util.hashing import sha256_file
from tests.core.redact.shots import shot


@pytest.fixture
def three(profile, case_id, tmp_path):
    a, _ = shot(tmp_path / "in" / "a_订单.png", ("订单 13812345678",))
    b, _ = shot(tmp_path / "in" / "b_聊天.png", ("聊天 13912345678",))
    c = tmp_path / "in" / "c_说明.txt"
    c.write_text("说明", encoding="utf-8")
    items = [import_paths(profile, case_id, [p]).imported[0] for p in (a, b, c)]
    return items


def test_export_takes_the_masked_copies_and_lists_the_rest(profile, case_id, three, tmp_path):
    a, b, c = three
    info = make_copy(profile, a.exhibit_id, [Box(90, 25, 250, 45, "phone", "手机号")])
    out = tmp_path / "黑猫上传"
    rep = export_for_site(profile, case_id, "heimao", out)
    assert sorted(p.name for p in out.iterdir()) == sorted(["证据1_打码.png", LIST_NAME])
    assert sha256_file(out / "证据1_打码.png")[0] == info.copy_sha256
    assert [(k.number, k.reason) for k in rep.skipped] == [(2, "尚未制作打码副本"), (3, "不是图片，未导出")]
    listing = (out / LIST_NAME).read_text(encoding="utf-8")
    assert listing.startswith("黑猫投诉 上传文件清单")
    block = listing[listing.index("证据1《") :]
    assert "原始文件：a_订单.png" in block and f"原件 SHA-256：{a.sha256}" in block
    assert f"副本 SHA-256：{info.copy_sha256}" in block and "遮盖内容：手机号 ×1（纯色遮盖）" in block
    assert "证据2《" in listing and "b_聊天.png：尚未制作打码副本" in listing
    assert "13812345678" not in listing
    with profile.session() as s:
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.action == "redact.export")).one()
    payload = json.loads(entry.payload)
    assert payload["site"] == "heimao" and payload["files"][0]["copy_sha256"] == info.copy_sha256


def test_unmasked_files_only_when_asked_and_trashed_exhibits_never(profile, case_id, three, tmp_path):
    a, b, c = three
    make_copy(profile, b.exhibit_id, [Box(0, 0, 50, 50)])
    with profile.session() as s:
        exhibits.trash(s, a.exhibit_id)  # evidence 1 goes: b is now 证据1, the note 证据2
    rep = export_for_site(profile, case_id, "12315", tmp_path / "o", include_unmasked=True)
    names = sorted(p.name for p in (tmp_path / "o").iterdir())
    assert names == sorted(["证据1_打码.png", "证据2_未打码.txt", LIST_NAME])
    assert rep.trashed == 1 and rep.skipped == []
    assert (tmp_path / "o" / "证据2_未打码.txt").read_bytes() == profile.blob_path(c.sha256).read_bytes()
    listing = (tmp_path / "o" / LIST_NAME).read_text(encoding="utf-8")
    assert listing.startswith("全国12315平台") and "回收站中的 1 件证据不导出" in listing
    assert "副本：无（本文件即原件，未打码）" in listing and "a_订单.png" not in listing


def test_a_copy_whose_file_changed_is_not_exported(profile, case_id, three, tmp_path):
    a, _, _ = three
    info = make_copy(profile, a.exhibit_id, [Box(0, 0, 50, 50)])
    (profile.masked_dir / info.file_name).write_bytes(b"changed")
    rep = export_for_site(profile, case_id, "jutousu", tmp_path / "o")
    assert rep.files == [] and "已被改动" in rep.skipped[0].reason


def test_a_folder_in_use_or_an_unknown_site_is_refused(profile, case_id, three, tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "x").write_text("x")
    with pytest.raises(RedactError, match="已存在且不是空的"):
        export_for_site(profile, case_id, "heimao", busy)
    with pytest.raises(RedactError, match="可选：heimao"):
        export_for_site(profile, case_id, "weibo", tmp_path / "new")


def test_the_list_masks_private_data_in_titles_and_file_names(profile, case_id, tmp_path):
    from kami_desktop.core.case.parties import add_party

    with profile.session() as s:
        add_party(s, case_id, "self", "李明")
    path, _ = shot(tmp_path / "李明_13812345678.png", ("订单",))
    item = import_paths(profile, case_id, [path]).imported[0]
    make_copy(profile, item.exhibit_id, [Box(0, 0, 10, 10)])
    export_for_site(profile, case_id, "heimao", tmp_path / "o")
    listing = (tmp_path / "o" / LIST_NAME).read_text(encoding="utf-8")
    assert "13812345678" not in listing and "李明" not in listing
    assert "原始文件：本人_138****5678.png" in listing and f"原件 SHA-256：{item.sha256}" in listing


def test_free_folder_next_to_an_earlier_export(tmp_path):
    assert free_folder(tmp_path, "黑猫投诉上传图片") == tmp_path / "黑猫投诉上传图片"
    (tmp_path / "黑猫投诉上传图片").mkdir()
    assert free_folder(tmp_path, "黑猫投诉上传图片") == tmp_path / "黑猫投诉上传图片"  # empty: used
    (tmp_path / "黑猫投诉上传图片" / "文件清单.txt").write_text("x", encoding="utf-8")
    assert free_folder(tmp_path, "黑猫投诉上传图片") == tmp_path / "黑猫投诉上传图片（2）"
    (tmp_path / "黑猫投诉上传图片（2）").write_text("a file, not a folder", encoding="utf-8")
    assert free_folder(tmp_path, "黑猫投诉上传图片") == tmp_path / "黑猫投诉上传图片（3）"
