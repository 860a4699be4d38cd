"""A video exhibit in the binder: the contact sheet with time stamps, the facts and both hashes, the
frames the user picked printed large after it (a ledger-recorded edit that verify replays), and a
damaged video's page saying why; the cache is cleaned when the exhibit is purged."""

from __future__ import annotations

import hashlib

import pymupdf
import pytest
from sqlalchemy import select, text

from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.exhibits import ExhibitError
from kami_desktop.core.evidence.frames import frames_dir, pick_frames, video_file
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.store.model import ExhibitFile, LedgerEntry
from kami_desktop.core.util.hashing import sm3_file
from tests.core.dossier.cases import options

from .video_samples import make_video, no_keyframes


def _pages(result, title):
    doc = pymupdf.open(result.pdf)
    x = next(e for e in result.exhibits if e.title == title)
    pages = [doc[p - 1] for p in range(x.first_page, x.last_page + 1)]
    return doc, pages, "".join(p.get_text() for p in pages)


def _import(profile, case_id, src) -> int:
    report = import_paths(profile, case_id, [src])
    assert report.errors == []
    return report.imported[0].exhibit_id


def test_binder_prints_contact_sheet_with_stamps_facts_and_hashes(profile, case_id, tmp_path):
    src = make_video(tmp_path / "余额录屏.mp4", seconds=3.0, gop=5)
    _import(profile, case_id, src)
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, pages, txt = _pages(result, "余额录屏")
    assert sum(len(p.get_images(full=True)) for p in pages) == 6
    for stamp in ("00:00:00", "00:00:01", "00:00:02"):
        assert txt.count(stamp) >= 2  # on the picture and under it
    data = src.read_bytes()
    assert hashlib.sha256(data).hexdigest() in txt and sm3_file(src) in txt
    assert "320×240" in txt and "H.264/AVC" in txt and "00:00:03" in txt
    assert "2025-03-12 20:30:45（北京时间）" in txt  # the container's creation_time, in China time
    assert "随附存储介质" in txt and "纸面无法呈现" not in txt
    assert "重点画面" not in txt
    # the frames were derived into the profile's cache, never into the vault
    with profile.session() as s:
        sha = s.scalars(select(ExhibitFile)).one().blob_sha256
    assert len(list(frames_dir(profile.cache_dir, sha).glob("sheet-*.jpg"))) == 6
    assert not [p for p in profile.vault.root.rglob("*.jpg")]


def test_picked_frames_are_a_ledger_edit_and_print_large_after_the_sheet(profile, case_id, tmp_path):
    src = make_video(tmp_path / "余额录屏.mp4", seconds=3.0, gop=5)
    ex_id = _import(profile, case_id, src)
    with profile.session() as s:
        assert pick_frames(profile, s, ex_id, pick=["00:00:02", "1.7"]) == ["00:00:01.700", "00:00:02"]
    with profile.session() as s:
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.action == "exhibit.edit")).one()
        assert '"key_frames"' in entry.payload and "00:00:01.700" in entry.payload
        assert video_file(s, ex_id).picked == ("00:00:01.700", "00:00:02")
    assert verify(profile).ok
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc, pages, txt = _pages(result, "余额录屏")
    assert "重点画面 1：00:00:01.700" in txt and "重点画面 2：00:00:02" in txt
    assert sum(len(p.get_images(full=True)) for p in pages) == 6 + 2
    big = [p for p in pages if "重点画面 1" in p.get_text()][0]
    assert big.number > pages[0].number  # after the contact sheet, on a page of its own
    rects = [big.get_image_rects(img[0])[0] for img in big.get_images(full=True)]
    sheet_rect = pages[0].get_image_rects(pages[0].get_images(full=True)[0][0])[0]
    assert min(r.width for r in rects) > 2 * sheet_rect.width  # printed large


def test_unpick_and_bad_picks(profile, case_id, tmp_path):
    src = make_video(tmp_path / "录屏.mp4", seconds=3.0, gop=5)
    ex_id = _import(profile, case_id, src)
    with profile.session() as s:
        pick_frames(profile, s, ex_id, pick=["00:00:01.400", "00:00:02"])
    with profile.session() as s:
        assert pick_frames(profile, s, ex_id, unpick=["00:00:01"]) == ["00:00:02"]  # the whole second
        with pytest.raises(ExhibitError, match="超出了视频长度"):
            pick_frames(profile, s, ex_id, pick=["00:00:09"])
        with pytest.raises(ExhibitError, match="没有选过"):
            pick_frames(profile, s, ex_id, unpick=["00:00:01"])
        with pytest.raises(ExhibitError, match="格式不正确"):
            pick_frames(profile, s, ex_id, pick=["1:99"])
    note = tmp_path / "说明.txt"
    note.write_text("客服说退款。", encoding="utf-8")
    other = _import(profile, case_id, note)
    with profile.session() as s, pytest.raises(ExhibitError, match="没有视频文件"):
        pick_frames(profile, s, other, pick=["1"])
    with profile.session() as s:
        edits = s.scalars(select(LedgerEntry).where(LedgerEntry.action == "exhibit.edit")).all()
        assert len(edits) == 2  # the failed picks recorded nothing
    assert verify(profile).ok


def test_verify_notices_key_frames_changed_behind_the_ledger(profile, case_id, tmp_path):
    ex_id = _import(profile, case_id, make_video(tmp_path / "录屏.mp4", seconds=3.0, gop=5))
    with profile.session() as s:
        pick_frames(profile, s, ex_id, pick=["1"])
    with profile.session() as s:
        s.execute(text("UPDATE exhibits SET key_frames = '[\"00:00:02\"]' WHERE id = :i"), {"i": ex_id})
    report = verify(profile)
    assert not report.ok
    assert any("key_frames" in p.detail and "00:00:01" in p.detail for p in report.problems)


def test_a_damaged_video_prints_a_page_saying_why_and_is_kept(profile, case_id, tmp_path):
    garbage = tmp_path / "乱码录屏.mp4"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)
    nokey = no_keyframes(tmp_path / "无关键帧.mp4")
    report = import_paths(profile, case_id, [garbage, nokey])
    assert report.errors == [] and len(report.imported) == 2
    with profile.session() as s:
        files = {f.original_name: f for f in s.scalars(select(ExhibitFile))}
        assert "无法打开" in files["乱码录屏.mp4"].problem  # noted at import: the app shows it
        assert profile.vault.path_for(files["乱码录屏.mp4"].blob_sha256).read_bytes() == garbage.read_bytes()
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, pages, txt = _pages(result, "乱码录屏")
    assert not [img for p in pages for img in p.get_images(full=True)]
    assert "未能截取画面" in txt and "乱码录屏.mp4" in txt and "无法打开" in txt
    assert hashlib.sha256(garbage.read_bytes()).hexdigest() in txt and "随附存储介质" in txt
    _, pages, txt = _pages(result, "无关键帧")
    assert "找不到关键帧" in txt and "320×240" in txt  # the container's facts still printed
    assert verify(profile).ok


def test_purging_media_exhibits_removes_their_cached_frames_and_wav(profile, case_id, tmp_path):
    from kami_desktop.core.evidence.voice import playable_wav

    from .voice_samples import amr_file

    ex_id = _import(profile, case_id, make_video(tmp_path / "录屏.mp4", seconds=3.0, gop=5))
    voice_id = _import(profile, case_id, amr_file(tmp_path / "客服来电.amr", 1.0))
    build_dossier(profile, case_id, options(tmp_path / "out"))
    with profile.session() as s:
        sha = video_file(s, ex_id).sha256
        voice_sha = exhibits.get_exhibit(s, voice_id).files[0].blob_sha256
    wav = playable_wav(profile, voice_sha, "客服来电.amr")
    assert frames_dir(profile.cache_dir, sha).is_dir() and wav.is_file()
    with profile.session() as s:
        exhibits.trash(s, ex_id)
    exhibits.purge(profile, case_id)
    assert not frames_dir(profile.cache_dir, sha).exists() and wav.is_file()  # only what was purged
    with profile.session() as s:
        exhibits.trash(s, voice_id)
    exhibits.purge(profile, case_id)
    assert not wav.exists()


def test_the_recording_time_in_the_container_is_the_exhibits_time_and_says_where_it_came_from(
    profile, case_id, tmp_path
):
    src = make_video(tmp_path / "录屏.mp4", seconds=2.0, gop=5)  # creation_time 2025-03-12T12:30:45Z
    eid = _import(profile, case_id, src)
    with profile.session() as s:
        ex = exhibits.get_exhibit(s, eid)
        assert ex.captured_at is not None and ex.captured_at.isoformat() == "2025-03-12T20:30:45+08:00"
        assert ex.files[0].exif_time == ex.captured_at
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, pages, txt = _pages(result, "录屏")
    assert "创建时间（视频信息）：2025-03-12 20:30:45" in txt.replace("\n", " ")
    assert "EXIF" not in txt and "照片信息" not in txt and "取证时间" not in txt
    doc = pymupdf.open(result.pdf)
    appendix = "".join(p.get_text() for p in doc if "SHA-256" in p.get_text() and "导入" in p.get_text())
    assert "创建(视频信息)" in appendix and "拍摄(EXIF)" not in appendix
    assert verify(profile).ok


def test_a_video_without_a_recording_time_keeps_the_file_time(profile, case_id, tmp_path):
    import av

    src = tmp_path / "无时间.mp4"
    with av.open(str(src), "w") as c:  # no creation_time written
        s = c.add_stream("libx264", rate=10)
        s.width, s.height, s.pix_fmt = 64, 48, "yuv420p"
        for i in range(10):
            frame = av.VideoFrame(64, 48, "yuv420p")
            frame.pts = i
            for p in s.encode(frame):
                c.mux(p)
        for p in s.encode():
            c.mux(p)
    eid = _import(profile, case_id, src)
    with profile.session() as s:
        ex = exhibits.get_exhibit(s, eid)
        assert ex.files[0].exif_time is None and ex.captured_at == ex.files[0].file_mtime


def test_import_notes_a_video_that_gives_no_picture_and_not_one_that_is_only_sound(
    profile, case_id, tmp_path
):
    from .video_samples import audio_only

    keyless = no_keyframes(tmp_path / "无关键帧.mp4")
    sound = audio_only(tmp_path / "通话录音.mp4")
    garbage = tmp_path / "乱码.mp4"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 300)
    report = import_paths(profile, case_id, [keyless, sound, garbage])
    assert report.errors == [] and len(report.imported) == 3  # every original kept
    with profile.session() as s:
        problems = {f.original_name: f.problem for f in s.scalars(select(ExhibitFile))}
    assert "找不到关键帧" in problems["无关键帧.mp4"] and "无关键帧.mp4" in problems["无关键帧.mp4"]
    assert problems["通话录音.mp4"] == ""
    assert "数据无效" in problems["乱码.mp4"]  # FFmpeg's reason in Chinese, never its English text

    # a good recording's sheet is made at import: the panel and the binder read it from the cache
    good = make_video(tmp_path / "录屏.mp4", seconds=2.0, gop=5)
    import_paths(profile, case_id, [good])
    sha = hashlib.sha256(good.read_bytes()).hexdigest()
    assert (frames_dir(profile.cache_dir, sha) / "sheet.json").is_file()
