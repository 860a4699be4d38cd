"""Masked copies as stored: proposed from the OCR rows, written apart from the vault, recorded in the
ledger with both hashes and the boxes, checked by verify, following the exhibit's life cycle."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from sqlalchemy import func, select

from kami_desktop.core.case.parties import add_party
from kami_desktop.core.errors import UserError
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.redact import copies, ocr_source
from kami_desktop.core.redact.box import Box
from kami_desktop.core.redact.copies import RedactError, make_copy, suggest
from kami_desktop.core.store.model import LedgerEntry, MaskedCopy
from kami_desktop.core.util.hashing import sha256_file
from tests.core.redact.shots import ADDRESS, CARD, ID_NUMBER, NAME, PHONE, page, shot

ROWS = (
    "订单详情",
    f"收货人：{NAME}",
    f"手机号：{PHONE}",
    f"地址：{ADDRESS}",
    f"银行卡：{CARD}",
    "商品：点卡充值100元",
)


@pytest.fixture
def imported(profile, case_id, tmp_path):
    path, lines = shot(tmp_path / "订单截图.png", ROWS)
    item = import_paths(profile, case_id, [path]).imported[0]
    with profile.session() as s:
        save_page(s, page(item.sha256, lines))
    return item, path


def me(profile, case_id):
    with profile.session() as s:
        add_party(s, case_id, "self", NAME, address=ADDRESS, phone="13900001111", id_number=ID_NUMBER)


def test_suggestions_come_from_the_ocr_rows_and_the_self_party(profile, case_id, imported):
    item, _ = imported
    [sg] = suggest(profile, item.exhibit_id)
    assert sg.ocr == "ok" and (sg.width, sg.height) == (720, 520)
    assert [b.kind for b in sg.boxes] == ["phone", "card"]  # no 本人 party: name and address not looked for
    assert any("没有登记“本人”信息" in n for n in sg.notes)
    me(profile, case_id)
    [sg] = suggest(profile, item.exhibit_id)
    assert [b.reason for b in sg.boxes] == ["本人姓名", "手机号", "本人住址", "银行卡号"] and sg.notes == []


def test_a_copy_is_a_new_file_recorded_in_the_ledger_and_the_original_is_untouched(
    profile, case_id, imported
):
    item, path = imported
    me(profile, case_id)
    original = profile.blob_path(item.sha256).read_bytes()
    [sg] = suggest(profile, item.exhibit_id)
    info = make_copy(profile, item.exhibit_id, sg.boxes + [Box(600, 10, 500, 30)], "mosaic")
    copy_file = profile.masked_dir / info.file_name
    assert copy_file.is_file() and copy_file.parent != profile.vault.root
    assert info.file_name == f"{info.copy_sha256}.png" and sha256_file(copy_file)[0] == info.copy_sha256
    assert profile.blob_path(item.sha256).read_bytes() == original == path.read_bytes()
    assert info.boxes[-1] == Box(600, 10, 120, 30)  # clamped to the 720 px width
    with profile.session() as s:
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.action == "redact.copy")).one()
    payload = json.loads(entry.payload)
    assert entry.exhibit_id == item.exhibit_id and entry.case_id == case_id
    assert payload["sha256"] == item.sha256 and payload["copy_sha256"] == info.copy_sha256
    assert payload["style"] == "mosaic" and payload["original_name"] == "订单截图.png"
    assert [b["reason"] for b in payload["boxes"]] == [
        "本人姓名",
        "手机号",
        "本人住址",
        "银行卡号",
        "手动添加",
    ]
    assert payload["boxes"][0].keys() >= {"x", "y", "w", "h"}
    assert PHONE not in entry.payload and CARD not in entry.payload  # the ledger never repeats the data
    report = verify(profile, full=True)
    assert report.ok, report.problems  # a copy is no tampering


def test_verify_names_an_altered_copy_but_not_a_missing_one(profile, case_id, imported):
    item, _ = imported
    info = make_copy(profile, item.exhibit_id, [Box(0, 0, 10, 10)])
    copy_file = profile.masked_dir / info.file_name
    copy_file.write_bytes(copy_file.read_bytes() + b"x")
    problems = verify(profile).problems
    assert [(p.kind, p.exhibit_id) for p in problems] == [("copy_mismatch", item.exhibit_id)]
    assert "与制作时登记的不符" in problems[0].detail
    copy_file.unlink()
    assert verify(profile).ok  # derived: can be made again


def test_non_images_trashed_exhibits_and_boxes_outside_are_refused(profile, case_id, imported, tmp_path):
    item, _ = imported
    note = tmp_path / "说明.txt"
    note.write_text("手机号 13812345678", encoding="utf-8")
    text_item = import_paths(profile, case_id, [note]).imported[0]
    with pytest.raises(RedactError, match="不是图片（text/plain）"):
        make_copy(profile, text_item.exhibit_id, [Box(0, 0, 5, 5)])
    with pytest.raises(RedactError, match="不是图片"):
        suggest(profile, text_item.exhibit_id)
    with pytest.raises(RedactError, match=r"没有落在图片内的遮盖框（图片为 720×520 像素）"):
        make_copy(profile, item.exhibit_id, [Box(800, 600, 10, 10)])
    with profile.session() as s:
        exhibits.trash(s, item.exhibit_id)
    with pytest.raises(RedactError, match="在回收站中"):
        make_copy(profile, item.exhibit_id, [Box(0, 0, 5, 5)])
    with profile.session() as s:
        assert s.scalar(select(func.count()).select_from(MaskedCopy)) == 0


def test_purging_the_exhibit_removes_its_copies(profile, case_id, imported):
    item, _ = imported
    a = make_copy(profile, item.exhibit_id, [Box(0, 0, 10, 10)])
    b = make_copy(profile, item.exhibit_id, [Box(0, 0, 20, 20)], "mosaic")
    assert (profile.masked_dir / a.file_name).is_file() and (profile.masked_dir / b.file_name).is_file()
    with profile.session() as s:
        exhibits.trash(s, item.exhibit_id)
    assert (profile.masked_dir / a.file_name).is_file()  # trash keeps them (restore brings them back)
    exhibits.purge(profile, case_id)
    assert not (profile.masked_dir / a.file_name).exists() and not (profile.masked_dir / b.file_name).exists()
    with profile.session() as s:
        assert s.scalar(select(func.count()).select_from(MaskedCopy)) == 0
    assert verify(profile).ok


def test_an_image_without_ocr_offers_to_read_it(profile, case_id, tmp_path, monkeypatch):
    path, lines = shot(tmp_path / "新截图.png", ROWS)
    item = import_paths(profile, case_id, [path]).imported[0]
    [sg] = suggest(profile, item.exhibit_id)
    assert sg.ocr == "none" and sg.boxes == [] and "还没有识别文字" in sg.notes[0]
    calls = []

    def reader(prof, exhibit_id):  # the OCR job's reader, as the adapter calls it
        calls.append(exhibit_id)
        with prof.session() as s:
            save_page(s, page(item.sha256, lines))

    monkeypatch.setattr(ocr_source, "read_exhibit", reader)
    copies.read_text(profile, item.exhibit_id)
    [sg] = suggest(profile, item.exhibit_id)
    assert calls == [item.exhibit_id] and [b.kind for b in sg.boxes] == ["phone", "card"]


def test_the_ocr_adapter_reads_the_exhibit_with_the_real_job(profile, case_id, tmp_path):
    path, _ = shot(tmp_path / "截图.png", ROWS)
    item = import_paths(profile, case_id, [path]).imported[0]
    copies.read_text(profile, item.exhibit_id)
    [sg] = suggest(profile, item.exhibit_id)
    assert sg.ocr != "none" and "phone" in {b.kind for b in sg.boxes}


def test_the_ocr_adapter_says_plainly_when_a_file_cannot_be_read(profile, case_id, tmp_path):
    bad = tmp_path / "坏图.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    item = import_paths(profile, case_id, [bad]).imported[0]
    with pytest.raises(UserError, match="手动框选"):
        ocr_source.read_exhibit(profile, item.exhibit_id)


def test_a_jpeg_original_gives_a_jpeg_copy(profile, case_id, tmp_path):
    path, _ = shot(tmp_path / "photo.jpg", ROWS, fmt="JPEG", quality=95)
    item = import_paths(profile, case_id, [path]).imported[0]
    info = make_copy(profile, item.exhibit_id, [Box(0, 0, 100, 100)])
    assert info.media_type == "image/jpeg" and info.file_name.endswith(".jpg")
    with Image.open(io.BytesIO((profile.masked_dir / info.file_name).read_bytes())) as im:
        assert im.format == "JPEG" and im.size == (720, 520)


def test_the_binder_holds_the_original_never_the_copy(profile, case_id, imported, tmp_path):
    from kami_desktop.core.dossier.build import build_dossier
    from tests.core.dossier.cases import options

    item, path = imported
    info = make_copy(profile, item.exhibit_id, [Box(0, 0, 300, 300)])
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    files = [p for p in result.bundle.rglob("*") if p.is_file()]
    hashes = {sha256_file(p)[0] for p in files}
    assert item.sha256 in hashes and info.copy_sha256 not in hashes
    manifest = (result.bundle / "manifest.json").read_text(encoding="utf-8")
    assert item.sha256 in manifest and info.copy_sha256 not in manifest
    assert verify(profile).ok
