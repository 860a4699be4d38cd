import json
import os
import sys
import tracemalloc
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from kami_desktop.core.evidence.importer import (
    ImportInputError,
    collect_files,
    import_bytes,
    import_paths,
    time_from_name,
)
from kami_desktop.core.store.model import Blob, Exhibit, ExhibitFile, LedgerEntry
from kami_desktop.core.tasks import CancelToken
from tests.helpers import jpeg_with_exif, screenshot, symlink_or_skip


def test_import_files_and_a_folder_records_everything(profile, case_id, tmp_path):
    a = screenshot(tmp_path / "in" / "Screenshot_20250312_203011.png", 1)
    b = screenshot(tmp_path / "in" / "sub" / "聊天记录 2.png", 2)
    photo = jpeg_with_exif(tmp_path / "photo.jpg", "2025:03:01 09:15:00", offset="+08:00")
    seen = []
    report = import_paths(
        profile,
        case_id,
        [tmp_path / "in", photo],
        category="平台交互",
        progress=lambda d, t, n: seen.append((d, t)),
    )
    assert report.errors == [] and len(report.imported) == 3
    assert seen[-1] == (3, 3)
    with profile.session() as s:
        exhibits = s.scalars(select(Exhibit).order_by(Exhibit.position)).all()
        assert [e.position for e in exhibits] == [1, 2, 3]
        assert {e.category for e in exhibits} == {"interaction"}
        files = {f.original_name: f for f in s.scalars(select(ExhibitFile))}
        assert files[a.name].width == 360 and files[a.name].height == 780
        assert files[a.name].blob.media_type == "image/png"
        assert files[a.name].original_path == str(a)
        assert files[a.name].file_mtime.utcoffset() == timedelta(hours=8)
        assert abs(files[a.name].file_mtime.timestamp() - a.stat().st_mtime) < 1
        assert files[photo.name].exif_time == datetime.fromisoformat("2025-03-01T09:15:00+08:00")
        by_title = {e.title: e for e in exhibits}
        assert by_title["Screenshot_20250312_203011"].captured_at == datetime.fromisoformat(
            "2025-03-12T20:30:11+08:00"
        )
        assert by_title["photo"].captured_at == files[photo.name].exif_time
        assert files[b.name].imported_at.utcoffset() == timedelta(hours=8)
        entries = s.scalars(select(LedgerEntry).where(LedgerEntry.action == "import")).all()
        assert {json.loads(e.payload)["sha256"] for e in entries} == {i.sha256 for i in report.imported}


def test_media_type_is_sniffed_from_content_not_extension(profile, case_id, tmp_path):
    png_named_txt = screenshot(tmp_path / "actually_png.txt", 3, fmt="PNG")
    text_named_jpg = tmp_path / "notes.jpg"
    text_named_jpg.write_text("客服说余额不退。\n", encoding="utf-8")
    blob = tmp_path / "random.dat"
    blob.write_bytes(bytes(range(256)) * 40)
    report = import_paths(profile, case_id, [png_named_txt, text_named_jpg, blob])
    types = {i.original_name: i.media_type for i in report.imported}
    assert types == {
        "actually_png.txt": "image/png",
        "notes.jpg": "text/plain",
        "random.dat": "application/octet-stream",
    }
    problems = {i.original_name: i.problem for i in report.imported}
    assert problems["notes.jpg"] == ""  # not an image, so not judged as one


def test_same_bytes_twice_are_stored_once_and_reported_duplicate(profile, case_id, tmp_path):
    a = screenshot(tmp_path / "a.png", 5)
    copy = tmp_path / "copy of a.png"
    copy.write_bytes(a.read_bytes())
    first = import_paths(profile, case_id, [a])
    second = import_paths(profile, case_id, [copy])
    assert first.imported[0].duplicate is False
    assert second.imported[0].duplicate is True
    assert second.imported[0].exhibit_id == first.imported[0].exhibit_id
    with profile.session() as s:
        assert s.scalar(select(func.count()).select_from(Blob)) == 1
        assert s.scalar(select(func.count()).select_from(Exhibit)) == 1
    assert len(list(profile.vault.iter_blob_paths())) == 1


def test_a_file_dropped_again_after_its_exhibit_was_trashed_names_the_trashed_exhibit(
    profile, case_id, tmp_path
):
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.exhibits import trash

    a = screenshot(tmp_path / "a.png", 11)
    first = import_paths(profile, case_id, [a]).imported[0]
    assert first.trashed_exhibit_id is None
    with profile.session() as s:
        trash(s, first.exhibit_id)
    again = import_paths(profile, case_id, [a]).imported[0]
    assert again.exhibit_id != first.exhibit_id and not again.already_in_case  # a new exhibit, as before
    assert again.trashed_exhibit_id == first.exhibit_id  # …and the report says the trash holds it
    assert import_paths(profile, case_id, [a]).to_json()["imported"][0]["already_in_case"] is True
    with profile.session() as s:
        other = create_case(s, "另一个案件").id
    assert import_paths(profile, other, [a]).imported[0].trashed_exhibit_id is None  # another case's trash


def test_duplicate_may_still_be_attached_to_another_exhibit_and_case(profile, case_id, tmp_path):
    from kami_desktop.core.case.cases import create_case

    a = screenshot(tmp_path / "a.png", 6)
    b = screenshot(tmp_path / "b.png", 7)
    first = import_paths(profile, case_id, [a, b])
    target = first.imported[1].exhibit_id
    attached = import_paths(profile, case_id, [a], exhibit_id=target)
    assert attached.imported[0].duplicate is True and attached.imported[0].exhibit_id == target
    with profile.session() as s:
        other = create_case(s, "另一个案件").id
    elsewhere = import_paths(profile, other, [a])
    assert elsewhere.imported[0].duplicate is True
    assert elsewhere.imported[0].exhibit_id not in {i.exhibit_id for i in first.imported}
    with profile.session() as s:
        assert s.scalar(select(func.count()).select_from(Blob)) == 2
        assert [f.original_name for f in s.get(Exhibit, target).files] == ["b.png", "a.png"]


def test_bad_files_are_named_and_never_lose_the_good_ones(profile, case_id, tmp_path):
    good = screenshot(tmp_path / "good.png", 8)
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(screenshot(tmp_path / "full.png", 9).read_bytes()[:200])
    (tmp_path / "full.png").unlink()
    garbage_jpeg = tmp_path / "bad.jpg"
    garbage_jpeg.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00garbage" * 50)
    unreadable = tmp_path / "secret.png"
    unreadable.write_bytes(b"x")
    os.chmod(unreadable, 0)
    missing = tmp_path / "gone.png"
    report = import_paths(profile, case_id, [good, empty, truncated, garbage_jpeg, unreadable, missing])
    errors = {os.path.basename(e.path): e.reason for e in report.errors}
    assert "0 字节" in errors["empty.png"]
    assert "不存在" in errors["gone.png"]
    # chmod 0 only makes a file unreadable on POSIX (Windows: read-only flag), and root reads anything
    if sys.platform != "win32" and os.geteuid() != 0:
        assert "权限" in errors["secret.png"]
    kept = {i.original_name: i for i in report.imported}
    assert kept["good.png"].problem == ""
    assert "损坏" in kept["truncated.png"].problem  # kept as a file, problem noted
    assert "损坏" in kept["bad.jpg"].problem or "无法识别" in kept["bad.jpg"].problem
    with profile.session() as s:
        names = set(s.scalars(select(ExhibitFile.original_name)))
    assert {"good.png", "truncated.png", "bad.jpg"} <= names


def test_decompression_bomb_is_kept_without_decoding(profile, case_id, tmp_path):
    from PIL import Image

    bomb = tmp_path / "bomb.png"
    Image.new("1", (20000, 20000)).save(bomb)  # 400 Mpx, tiny file
    report = import_paths(profile, case_id, [bomb])
    assert report.imported[0].problem  # noted, not decoded
    assert report.imported[0].media_type == "image/png"


def test_symlink_loops_are_safe(profile, case_id, tmp_path):
    root = tmp_path / "shots"
    screenshot(root / "a.png", 10)
    symlink_or_skip(root / "loop", root)
    files, failures = collect_files([root])
    assert [f.name for f in files] == ["a.png"]
    report = import_paths(profile, case_id, [root])
    assert len(report.imported) == 1 and report.errors == []


def test_cancel_stops_the_batch_and_keeps_what_was_committed(profile, case_id, tmp_path):
    paths = [screenshot(tmp_path / f"s{i}.png", 100 + i) for i in range(12)]
    token = CancelToken()

    def progress(done, total, name):
        if done == 3:
            token.cancel()

    report = import_paths(profile, case_id, paths, progress=progress, cancel=token)
    assert report.cancelled
    assert 3 <= len(report.imported) < 12
    with profile.session() as s:
        n_blobs = s.scalar(select(func.count()).select_from(Blob))
    assert n_blobs == len(report.imported)
    assert len(list(profile.vault.iter_blob_paths())) == n_blobs  # nothing half-imported left in the vault


def test_join_existing_exhibit_and_unknown_targets(profile, case_id, tmp_path):
    a = screenshot(tmp_path / "1.png", 11)
    b = screenshot(tmp_path / "2.png", 12)
    ex = import_paths(profile, case_id, [a]).imported[0].exhibit_id
    import_paths(profile, case_id, [b], exhibit_id=ex)
    with profile.session() as s:
        assert [(f.position, f.original_name) for f in s.get(Exhibit, ex).files] == [
            (1, "1.png"),
            (2, "2.png"),
        ]
    with pytest.raises(ImportInputError):
        import_paths(profile, 999, [a])
    with pytest.raises(ImportInputError):
        import_paths(profile, case_id, [a], exhibit_id=999)


def test_pasted_bytes_become_an_exhibit_with_paste_source_and_time(profile, case_id, tmp_path):
    data = screenshot(tmp_path / "clip.png", 13).read_bytes()
    before = datetime.now().astimezone()
    report = import_bytes(profile, case_id, data, "粘贴的截图.png")
    item = report.imported[0]
    with profile.session() as s:
        ex = s.get(Exhibit, item.exhibit_id)
        assert ex.source == "剪贴板粘贴"
        assert ex.captured_at >= before.replace(microsecond=0) - timedelta(seconds=1)
        assert ex.files[0].original_path == "" and ex.files[0].file_mtime is None  # a paste has no file
    assert item.path == ""
    assert list(profile.vault.tmp.iterdir()) == []


def test_large_file_is_streamed_not_read_whole(profile, case_id, tmp_path):
    big = tmp_path / "video.mp4"
    with open(big, "wb") as fh:
        fh.write(b"\x00\x00\x00\x18ftypmp42")
        fh.seek(96 * (1 << 20))
        fh.write(b"end")
    tracemalloc.start()
    report = import_paths(profile, case_id, [big])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.imported[0].size == big.stat().st_size
    assert report.imported[0].media_type == "video/mp4"
    assert peak < 24 * (1 << 20)


def test_time_from_screenshot_names():
    assert time_from_name("Screenshot_20250312_203011.png").isoformat() == "2025-03-12T20:30:11+08:00"
    assert time_from_name("微信图片_20250312203011.jpg").isoformat() == "2025-03-12T20:30:11+08:00"
    assert time_from_name("IMG_2025-03-12-20-30-11.png").isoformat() == "2025-03-12T20:30:11+08:00"
    assert time_from_name("20251399999999.png") is None
    assert time_from_name("照片.png") is None


def test_encrypted_and_damaged_pdfs_are_kept_with_a_note(profile, case_id, tmp_path):
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "hello")
    doc.save(tmp_path / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="pw")
    doc.save(tmp_path / "fine.pdf")
    doc.close()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage" + b"\x00" * 50)
    report = import_paths(profile, case_id, [tmp_path / "locked.pdf", tmp_path / "fine.pdf", broken])
    notes = {i.original_name: i.problem for i in report.imported}
    assert "加密" in notes["locked.pdf"]
    assert notes["fine.pdf"] == ""
    assert "损坏" in notes["broken.pdf"] or "没有页面" in notes["broken.pdf"]
    assert {i.media_type for i in report.imported} == {"application/pdf"}
