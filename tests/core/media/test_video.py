"""Videos (screen recordings, phone videos): the container's facts, a keyframe contact sheet chosen by
scene change, frames cached in the profile (never the vault), damaged files named and kept."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from PIL import Image

from kami_desktop.core.evidence import video, video_sheet
from kami_desktop.core.evidence.frames import cached_frame, cached_sheet, frames_dir
from kami_desktop.core.evidence.video import VideoError, offset_text, parse_offset, probe
from kami_desktop.core.evidence.video_sheet import frame_at, sheet

from .video_samples import audio_only, make_video, no_keyframes, truncated


def _colour(jpeg: bytes) -> tuple[int, int, int]:
    """The colour of a frame's flat background (a point away from the moving bar and the page mark)."""
    with Image.open(io.BytesIO(jpeg)) as im:
        return im.convert("RGB").getpixel((im.width - 8, im.height - 8))  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("name", "codec", "container"),
    [
        ("录屏.mp4", "H.264/AVC", "MP4"),
        ("clip.mov", "H.264/AVC", "QuickTime / MOV"),
        ("clip.webm", "VP8", "Matroska / WebM"),
    ],
)
def test_container_facts(tmp_path, name, codec, container):
    src = make_video(tmp_path / name, seconds=3.0, size=(320, 240), fps=10)
    facts = probe(src, src.name)
    assert abs(facts.duration - 3.0) < 0.15 and (facts.width, facts.height) == (320, 240)
    assert facts.codec == codec and facts.container == container and facts.fps == 10
    assert facts.created == datetime(2025, 3, 12, 12, 30, 45, tzinfo=UTC)
    assert facts.audio == ""


def test_apple_creation_date_keeps_its_offset_and_unset_times_are_none():
    apple = {"com.apple.quicktime.creationdate": "2025-03-12T20:30:45+0800", "creation_time": "x"}
    assert video.creation_time(apple) == datetime.fromisoformat("2025-03-12T20:30:45+08:00")
    assert video.creation_time({"creation_time": "1970-01-01T00:00:00.000000Z"}) is None
    assert video.creation_time({}) is None


def test_offsets_parse_and_print():
    assert [parse_offset(t) for t in ("83", "83.5", "1:23", "00:01:23", "01:00:00.250")] == [
        83000,
        83500,
        83000,
        83000,
        3600250,
    ]
    assert offset_text(83500) == "00:01:23" and offset_text(83500, precise=True) == "00:01:23.500"
    assert offset_text(83000, precise=True) == "00:01:23"
    for bad in ("abc", "1:75", "-3", "1:2:3:4"):
        with pytest.raises(VideoError):
            parse_offset(bad)


def test_contact_sheet_takes_one_keyframe_per_scene(tmp_path):
    # a keyframe every half second, a new "page" every half second: six scenes, six keyframes
    src = make_video(tmp_path / "录屏.mp4", seconds=3.0, gop=5)
    made = sheet(src, src.name)
    assert [f.ms for f in made.frames] == [0, 500, 1000, 1500, 2000, 2500]
    assert all(f.key for f in made.frames) and made.note == ""
    colours = [_colour(f.jpeg) for f in made.frames]
    assert len({tuple(c // 32 for c in col) for col in colours}) == 6  # six different pages


def test_repeats_of_a_scene_are_left_out_beyond_the_minimum(tmp_path):
    # 12 keyframes but only 3 distinct pages (each shown for 4 keyframes): at least 6 frames, spread out
    src = make_video(tmp_path / "录屏.mp4", seconds=6.0, gop=5, scenes=3, scrolling=False)
    made = sheet(src, src.name)
    assert len(made.frames) == video_sheet.SHEET_MIN
    ms = [f.ms for f in made.frames]
    assert ms[0] == 0 and ms[-1] >= 4000  # spread over the whole recording
    assert len({tuple(c // 32 for c in _colour(f.jpeg)) for f in made.frames}) == 3
    # the same pages scrolling: every keyframe shows something new, so more are shown, never over 12
    moving = sheet(make_video(tmp_path / "滚动.mp4", seconds=6.0, gop=5, scenes=3), "滚动.mp4")
    assert video_sheet.SHEET_MIN < len(moving.frames) <= video_sheet.SHEET_MAX


def test_few_keyframes_are_made_up_by_frames_decoded_between_them(tmp_path):
    src = make_video(tmp_path / "长GOP.mp4", seconds=3.0)  # one keyframe (x264's default GOP)
    made = sheet(src, src.name)
    assert video_sheet.SHEET_MIN <= len(made.frames) <= video_sheet.SHEET_MAX
    assert made.frames[0].key and not all(f.key for f in made.frames)
    assert made.frames[-1].ms >= 2000


def test_frame_at_shows_the_frame_at_that_time(tmp_path):
    src = make_video(tmp_path / "录屏.mp4", seconds=3.0, gop=5)
    f = frame_at(src, src.name, 1730)
    assert f.ms == 1700 and not f.key  # 10 fps: the frame shown at 1.73 s
    with Image.open(io.BytesIO(f.jpeg)) as im:
        assert im.size == (320, 240)
    assert _colour(f.jpeg) == pytest.approx(_colour(sheet(src, src.name).frames[3].jpeg), abs=24)


def test_frames_are_cached_by_hash_outside_the_vault_and_made_again_when_missing(tmp_path):
    src = make_video(tmp_path / "录屏.mp4", seconds=3.0, gop=5)
    cache = tmp_path / "cache"
    sha = "ab" * 32
    first = cached_sheet(cache, src, sha, src.name)
    folder = frames_dir(cache, sha)
    assert folder == cache / "video" / "ab" / sha
    assert {p.name for p in folder.iterdir()} == {"sheet.json", *(f"sheet-{i:02d}.jpg" for i in range(6))}
    src_gone = tmp_path / "gone.mp4"  # a cache hit never opens the original
    assert [f.ms for f in cached_sheet(cache, src_gone, sha, "x").frames] == [f.ms for f in first.frames]
    (folder / "sheet-03.jpg").unlink()
    again = cached_sheet(cache, src, sha, src.name)
    assert (folder / "sheet-03.jpg").read_bytes() == again.frames[3].jpeg
    one = cached_frame(cache, src, sha, src.name, 1730)
    assert one.ms == 1700 and list(folder.glob("at-000001730-000001700-p.jpg"))
    assert cached_frame(cache, src_gone, sha, "x", 1730).jpeg == one.jpeg


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: (p.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 300), p)[1], "无法打开"),
        (lambda p: truncated(p, 0.5), "无法打开"),  # the index (moov) was at the end: cut off
        (audio_only, "没有画面"),
        (no_keyframes, "找不到关键帧"),
        (lambda p: (p.write_bytes(b""), p)[1], "为空"),
    ],
)
def test_bad_videos_are_a_clear_error_naming_the_file(tmp_path, make, says):
    bad = make(tmp_path / "坏视频.mp4")
    with pytest.raises(VideoError) as err:
        sheet(bad, bad.name)
    assert "坏视频.mp4" in str(err.value) and says in str(err.value)


def test_a_recording_cut_short_after_its_index_gives_what_is_there_and_says_so(tmp_path):
    import av

    full = make_video(tmp_path / "full.mp4", seconds=6.0, gop=10)
    faststart = tmp_path / "未传完.mp4"
    with av.open(str(full)) as inp, av.open(str(faststart), "w", options={"movflags": "faststart"}) as out:
        stream = out.add_stream_from_template(inp.streams.video[0])
        for packet in inp.demux(inp.streams.video[0]):
            if packet.dts is not None:
                packet.stream = stream
                out.mux(packet)
    data = faststart.read_bytes()
    faststart.write_bytes(data[: len(data) // 2])
    made = sheet(faststart, faststart.name)
    assert made.frames and made.frames[-1].ms < 4000
    assert "文件不完整" in made.note and "00:00:06" in made.note
    with pytest.raises(VideoError, match="00:00:05"):
        frame_at(faststart, faststart.name, 5000)


def test_a_phone_video_filmed_upright_is_turned_as_a_player_turns_it(tmp_path):
    # an iPhone stores a portrait video as landscape pictures with a display matrix of -90° (turn clockwise)
    import av
    from PIL import ImageDraw

    src = tmp_path / "IMG_0002.MOV"
    with av.open(str(src), "w", format="mov") as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 320, 240, "yuv420p"
        stream.set_display_rotation(-90)
        for i in range(20):
            im = Image.new("RGB", (320, 240), (200, 200, 200))
            ImageDraw.Draw(im).rectangle((0, 0, 60, 40), fill=(255, 0, 0))  # a mark in the top-left corner
            frame = av.VideoFrame.from_image(im)
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    made = sheet(src, src.name)
    assert made.facts.rotation == 270 and (made.facts.width, made.facts.height) == (320, 240)
    for jpeg in (made.frames[0].jpeg, frame_at(src, src.name, 1000).jpeg):
        with Image.open(io.BytesIO(jpeg)) as im:
            assert im.size == (240, 320)  # upright
            assert im.getpixel((im.width - 5, 5))[0] > 230 > im.getpixel((5, 5))[0]  # the mark: top-right


def test_fact_lines_say_how_a_turned_video_is_shown():
    from dataclasses import replace

    from kami_desktop.core.dossier.video import fact_lines

    facts = video.VideoFacts(
        61.5, 1920, 1080, "H.265/HEVC", "QuickTime / MOV", 30.0, None, 270, "AAC，44100 Hz"
    )
    lines = fact_lines(facts, 8)
    assert "时长：00:01:01（61.5 秒）" in lines
    assert (
        "分辨率：1920×1080 像素（带旋转标记：播放时顺时针旋转 90°，显示为 1080×1920），帧率 30 帧/秒" in lines
    )
    assert "创建时间：视频信息中没有记录" in lines and "本页画面：8 幅" in lines[-1]
    assert "分辨率：1920×1080 像素，帧率 30 帧/秒" in fact_lines(replace(facts, rotation=0), 8)
