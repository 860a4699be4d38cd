"""What the video and voice pages of the binder say, read back as the court reads them: every sentence
true of the exhibit (keyframes only called keyframes, no "picture decoded" line under a failure), the
time stamps beside the pictures rather than over them (a phone's status-bar clock is in that corner),
the user's transcript printed for a video with sound, and an MP4 holding only sound printed as the
recording it is."""

from __future__ import annotations

import re

import pymupdf

from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.frames import pick_frames
from kami_desktop.core.evidence.importer import import_paths
from tests.core.dossier.cases import options

from .video_samples import audio_only, make_video
from .voice_samples import silk_file

STAMP = re.compile(r"^\d\d:\d\d:\d\d(\.\d{3})?$")


def _import(profile, case_id, *paths) -> list[int]:
    report = import_paths(profile, case_id, list(paths))
    assert report.errors == []
    return [x.exhibit_id for x in report.imported]


def _pages(result, title):
    doc = pymupdf.open(result.pdf)
    x = next(e for e in result.exhibits if e.title == title)
    pages = [doc[p - 1] for p in range(x.first_page, x.last_page + 1)]
    return doc, pages, "".join(p.get_text() for p in pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_frames_decoded_between_keyframes_are_not_called_keyframes(profile, case_id, tmp_path):
    # one keyframe in three seconds: the sheet is sampled by decoding, its frames are not keyframes
    few = make_video(tmp_path / "少关键帧.mp4", seconds=3.0)
    every = make_video(tmp_path / "多关键帧.mp4", seconds=3.0, gop=5)
    _import(profile, case_id, few, every)
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, _, txt = _pages(result, "少关键帧")
    flat = _flat(txt)
    assert "（非关键帧）" in txt
    assert "关键帧中选取" not in flat and "截取的关键帧" not in flat
    assert "均匀分布于全片" not in flat  # frames are chosen by change, not spread evenly
    assert "关键帧之间解码" in flat
    _, _, txt = _pages(result, "多关键帧")
    flat = _flat(txt)
    assert "（非关键帧）" not in txt and "从关键帧中按画面变化选取" in flat


def test_time_stamps_sit_beside_the_pictures_never_over_them(profile, case_id, tmp_path):
    # a phone's screen recording shows its clock in the top-left corner: a stamp there would hide it
    (ex_id,) = _import(profile, case_id, make_video(tmp_path / "余额录屏.mp4", seconds=3.0, gop=5))
    with profile.session() as s:
        pick_frames(profile, s, ex_id, pick=["00:00:02"])
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, pages, _ = _pages(result, "余额录屏")
    stamps = 0
    for page in pages:
        pictures = [page.get_image_rects(img[0])[0] for img in page.get_images(full=True)]
        assert pictures
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if not STAMP.match(span["text"].strip()):
                        continue
                    stamps += 1
                    box = pymupdf.Rect(span["bbox"])
                    for pic in pictures:
                        inside = box & pic
                        assert inside.is_empty or inside.get_area() < 0.5, (span["text"], box, pic)
        # nothing is painted over a picture either (the dark label behind a stamp)
        for drawing in page.get_drawings():
            if drawing.get("fill") and drawing["fill"] != (1.0, 1.0, 1.0):
                for pic in pictures:
                    inside = pymupdf.Rect(drawing["rect"]) & pic
                    assert inside.is_empty or inside.get_area() < 0.5
    assert stamps >= 6 + 1  # each frame of the sheet and the picked one carry their time


def test_a_page_without_pictures_or_waveform_does_not_say_it_printed_them(profile, case_id, tmp_path):
    garbage = tmp_path / "乱码录屏.mp4"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)
    bad = tmp_path / "坏语音.silk"
    bad.write_bytes(b"\x02#!SILK_V3" + bytes(range(200)) * 3)
    _import(profile, case_id, garbage, bad)
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, _, txt = _pages(result, "乱码录屏")
    flat = _flat(txt)
    assert "未能截取画面" in flat and "本页画面由原件解码截取" not in flat
    assert "随附存储介质" in flat and "原件未作任何改动" in flat
    _, _, txt = _pages(result, "坏语音")
    flat = _flat(txt)
    assert "未能生成波形" in flat and "本页波形由原件解码生成" not in flat
    assert "随附存储介质" in flat and "原件未作任何改动" in flat


def test_a_videos_transcript_is_printed_on_its_page(profile, case_id, tmp_path):
    (ex_id,) = _import(profile, case_id, make_video(tmp_path / "客服通话录屏.mp4", seconds=2.0, gop=5))
    with profile.session() as s:
        exhibits.edit_exhibit(s, ex_id, transcript="客服：余额七个工作日内退回。")
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, _, txt = _pages(result, "客服通话录屏")
    flat = _flat(txt)
    assert "客服：余额七个工作日内退回。" in flat and "当事人自行整理" in flat


def test_an_mp4_holding_only_sound_prints_as_a_recording(profile, case_id, tmp_path):
    src = audio_only(tmp_path / "通话录音.mp4", seconds=2.0)
    (ex_id,) = _import(profile, case_id, src)
    with profile.session() as s:
        exhibits.edit_exhibit(s, ex_id, transcript="我：请退款。")
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, pages, txt = _pages(result, "通话录音")
    flat = _flat(txt)
    assert len([img for p in pages for img in p.get_images(full=True)]) == 1  # the waveform
    assert "波形" in flat and "AAC" in flat and "00:02.0（2.0秒）" in flat
    assert "未能截取画面" not in flat and "没有画面" not in flat.replace("只有声音、没有画面", "")
    assert "只有声音、没有画面" in flat  # said once, plainly
    assert "我：请退款。" in flat


def test_voice_and_video_pages_keep_saying_the_original_is_stored(profile, case_id, tmp_path):
    _import(profile, case_id, silk_file(tmp_path / "语音.silk", 1.0))
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, _, txt = _pages(result, "语音")
    flat = _flat(txt)
    assert "本页波形由原件解码生成" in flat and "随附存储介质" in flat


def test_a_durations_two_halves_never_disagree():
    from kami_desktop.core.chats.voice import duration_text

    assert duration_text(1.98) == "00:02.0（2.0 秒）"  # was "00:01.9（2.0 秒）"
    assert duration_text(65.34) == "01:05.3（65.3 秒）"
    assert duration_text(59.96) == "01:00.0（60.0 秒）"
    assert duration_text(0) == "00:00.0（0.0 秒）"


def test_the_check_before_the_binder_names_a_damaged_file_once(profile, case_id, tmp_path):
    from kami_desktop.core.dossier.precheck import preflight

    sound = audio_only(tmp_path / "通话录音.mp4")
    video = tmp_path / "乱码录屏.mp4"
    video.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 300)
    garbage = tmp_path / "乱码.heic"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(range(256)) * 8)
    _import(profile, case_id, sound, video, garbage)
    damaged = {p.original_name: p.detail for p in preflight(profile, case_id).warnings if p.kind == "damaged"}
    assert damaged["乱码录屏.mp4"].count("乱码录屏.mp4") == 1  # the note names it already
    assert damaged["乱码.heic"].startswith("乱码.heic：")  # a note that does not: named in front
    assert "通话录音.mp4" not in damaged  # sound without picture is a recording, not a damaged video


def test_the_appendix_lists_each_time_of_a_file_once(profile, case_id, tmp_path):
    import os
    from datetime import datetime

    from tests.core.media.heic import heic_photo

    video = make_video(tmp_path / "录屏.mp4")
    stamp = datetime.fromisoformat("2025-01-05T10:00:00+08:00").timestamp()
    os.utime(video, (stamp, stamp))  # its file time, the exhibit's time too (no EXIF in a video)
    _import(profile, case_id, heic_photo(tmp_path / "IMG_1.HEIC"), video)
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    appendix = _flat("".join(p.get_text() for p in doc if "电子数据哈希校验清单" in p.get_text()))
    assert appendix.count("2025-03-1220:30:11") == 1  # the photo's EXIF time, not again as 拍摄时间
    assert "拍摄(EXIF)2025-03-1220:30:11" in appendix
    assert appendix.count("2025-01-0510:00:00") == 1  # the video's file time, once
    assert "文件修改2025-01-0510:00:00" in appendix


def test_an_mp4_is_not_called_a_quicktime_file(profile, case_id, tmp_path):
    # FFmpeg's demuxer for MP4, 3GP and MOV is called "QuickTime / MOV": an .mp4 called that looks renamed
    _import(profile, case_id, make_video(tmp_path / "录屏.mp4"), make_video(tmp_path / "IMG_0001.MOV"))
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    flat = _flat(_pages(result, "录屏")[2])
    assert "容器MP4" in flat and "QuickTime" not in flat
    assert "容器QuickTime/MOV" in _flat(_pages(result, "IMG_0001")[2])


def test_two_picked_times_showing_one_frame_print_it_once(profile, case_id, tmp_path):
    # 10 frames a second: 00:00:02.950 and 00:00:03 both show the frame at 00:00:02.900
    (ex_id,) = _import(profile, case_id, make_video(tmp_path / "录屏.mp4", seconds=3.0, gop=5))
    with profile.session() as s:
        pick_frames(profile, s, ex_id, pick=["00:00:01", "2.95", "00:00:03"])
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    _, pages, txt = _pages(result, "录屏")
    after_sheet = [p for p in pages if "重点画面" in p.get_text()]
    assert after_sheet and after_sheet[0].number > pages[0].number
    assert sum(len(p.get_images(full=True)) for p in after_sheet) == 2  # 00:00:01, 00:00:02.900: once
    flat = _flat(txt)
    assert "重点画面2：00:00:02.900（所选时间00:00:02.950处显示的画面）" in flat
    assert "重点画面3：所选时间00:00:03处显示的画面即重点画面2，不重复打印" in flat
