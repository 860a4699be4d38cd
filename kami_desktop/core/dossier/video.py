"""Videos on binder pages: a contact sheet of frames, each stamped with its time offset just above the
picture (never over it: a phone's status-bar clock is in that corner), the container's facts, both
hashes, where the original is and the user's transcript of its sound; then the frames the user picked,
large. A file that holds only sound is printed as the recording it is (a waveform page).

The frames come from ``evidence/frames.py`` (cached in the profile, made from the original when
missing); the original goes into the bundle untouched. A file that does not decode still gets its page:
the reason, the facts known, both hashes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pymupdf
from PIL import Image

from kami_desktop.core.dossier.layout import CONTENT, GREY, RED, PageFlow
from kami_desktop.core.dossier.render_base import FileContext
from kami_desktop.core.dossier.snapshot import FileSnap
from kami_desktop.core.dossier.voice import print_original, print_transcript, render_voice
from kami_desktop.core.evidence.frames import cached_frame, cached_sheet
from kami_desktop.core.evidence.video import (
    VideoError,
    VideoFacts,
    duration_label,
    is_video,
    offset_text,
    parse_offset,
    probe,
    sound_only,
)
from kami_desktop.core.evidence.video_sheet import Frame, Sheet, frame_at, sheet
from kami_desktop.core.util.timeutil import CHINA_TZ

GAP = 8.0  # between frames on the sheet
CAPTION = 12.0  # the line under each frame
STAMP = 8.0  # font size of a frame's time stamp on the sheet
STORED = (
    "原始视频已收入随附存储介质（光盘／U 盘），可当庭播放核对；本页画面由原件解码截取，原件未作任何改动。"
)
NOT_DECODED = "原始视频已收入随附存储介质（光盘／U 盘），可当庭出示核对；原件未作任何改动。"


def accepts(f: FileSnap) -> bool:
    return is_video(f.media_type)


def render_video(ctx: FileContext) -> None:
    if sound_only(ctx.path):
        render_voice(ctx, f"此文件为视频格式（{ctx.file.media_type}），但只有声音、没有画面，按录音打印。")
        return
    flow, f = ctx.flow, ctx.file
    made: Sheet | None = None
    reason = ""
    try:
        made = _sheet(ctx)
    except VideoError as exc:
        reason = str(exc)
    flow.ensure(160)
    flow.skip(4)
    flow.text(
        "视频证据（动态画面不能印在纸上：下列画面为从视频中截取的静止画面，内容以原始视频为准）", size=11
    )
    flow.skip(4)
    if made is None:
        flow.text(f"未能截取画面：{reason}", size=9, color=RED, width=CONTENT.width)
        flow.skip(2)
        ctx.notes.append("视频无法解码，未印画面")
        facts = [f"文件类型：{f.media_type}"]
        try:  # the container may still say what it holds
            facts += fact_lines(probe(ctx.path, f.original_name), 0, media_type=f.media_type)[:-1]
        except VideoError:
            pass
    else:
        _contact_sheet(flow, made.frames, _aspect(made.frames[0]))
        flow.text("各画面上方标注的是它在视频中的时间位置（时:分:秒）", size=7, color=GREY)
        flow.skip(4)
        if made.note:
            flow.text(f"说明：{made.note}", size=9, color=RED, width=CONTENT.width)
            ctx.notes.append(made.note)
        keys = sum(1 for fr in made.frames if fr.key)
        facts = fact_lines(made.facts, len(made.frames), keys, media_type=f.media_type)
    print_original(ctx, facts, STORED if made is not None else NOT_DECODED)  # no pictures: none claimed
    print_transcript(ctx, "原始视频")
    if made is not None and ctx.exhibit.key_frames:
        _picked(ctx, ctx.exhibit.key_frames)


def _sheet(ctx: FileContext) -> Sheet:
    cache = ctx.case.cache_dir
    if cache is None:
        return sheet(ctx.path, ctx.file.original_name)
    return cached_sheet(cache, ctx.path, ctx.file.sha256, ctx.file.original_name)


# FFmpeg reads MP4, 3GP and MOV with one demuxer named "QuickTime / MOV": the file's own format is named
CONTAINERS = {
    "video/mp4": "MP4",
    "video/3gpp": "3GP",
    "video/3gpp2": "3G2",
    "video/quicktime": "QuickTime / MOV",
}


def fact_lines(facts: VideoFacts, shown: int, keys: int | None = None, *, media_type: str = "") -> list[str]:
    """The container's facts; ``keys``: how many of the ``shown`` frames are keyframes (None: all);
    ``media_type``: the file's type as sniffed from its content, which names the container."""
    container = facts.container
    if container == "QuickTime / MOV" and media_type in CONTAINERS:
        container = CONTAINERS[media_type]
    size = f"{facts.width}×{facts.height} 像素"
    if facts.rotation:
        w, h = (facts.height, facts.width) if facts.rotation in (90, 270) else (facts.width, facts.height)
        size += f"（带旋转标记：播放时顺时针旋转 {(360 - facts.rotation) % 360}°，显示为 {w}×{h}）"
    lines = [
        f"时长：{duration_label(facts.duration)}",
        f"分辨率：{size}" + (f"，帧率 {facts.fps:g} 帧/秒" if facts.fps else ""),
        f"编码：{facts.codec}"
        + (f"；音频 {facts.audio}" if facts.audio else "；无音频")
        + f"；容器 {container}",
    ]
    if facts.created is not None:
        local = facts.created.astimezone(CHINA_TZ)
        lines.append(f"创建时间（视频信息）：{local:%Y-%m-%d %H:%M:%S}（北京时间）")
    else:
        lines.append("创建时间：视频信息中没有记录")
    if keys is None or keys >= shown:
        lines.append(f"本页画面：{shown} 幅（从关键帧中按画面变化选取）")
    else:
        lines.append(
            f"本页画面：{shown} 幅（按画面变化选取；其中关键帧 {keys} 幅，"
            f"其余 {shown - keys} 幅为关键帧之间解码的画面，注明“非关键帧”）"
        )
    return lines


def _aspect(frame: Frame) -> float:
    with Image.open(io.BytesIO(frame.jpeg)) as im:
        return im.height / im.width if im.width else 0.5625


def _contact_sheet(flow: PageFlow, frames: Sequence[Frame], aspect: float) -> None:
    cols = 3 if aspect <= 1 else 4 if aspect <= 1.6 else 5
    seconds = [fr.ms // 1000 for fr in frames]
    precise = len(set(seconds)) < len(seconds)  # two frames in one second: stamps show the milliseconds
    w = (CONTENT.width - GAP * (cols - 1)) / cols
    h = w * aspect
    above = STAMP + 5  # the stamp's label, just above the picture
    for row in range(0, len(frames), cols):
        flow.ensure(above + h + CAPTION + GAP)
        top = flow.y + above
        for i, fr in enumerate(frames[row : row + cols]):
            x = CONTENT.x0 + i * (w + GAP)
            rect = pymupdf.Rect(x, top, x + w, top + h)
            flow.page().insert_image(rect, stream=fr.jpeg, keep_proportion=True)
            flow.box(rect, color=GREY, width=0.4)
            at = offset_text(fr.ms, precise)
            _stamp(flow, x, top, at, STAMP)
            flow.put(x, top + h + 9, at + ("" if fr.key else "（非关键帧）"), 7.5, GREY)
        flow.y = top + h + CAPTION + GAP / 2


def _stamp(flow: PageFlow, x: float, top: float, text: str, size: float = STAMP) -> None:
    """The time offset in a dark label just above the top-left corner of the picture whose top is
    ``top``: beside the picture, never over it."""
    width = len(text) * size * 0.55 + 6
    y = top - size - 5
    flow.box((x, y, x + width, top), color=None, width=0, fill=(0.1, 0.1, 0.1))
    flow.put(x + 3, y + size + 1.5, text, size, (1, 1, 1))


def _picked(ctx: FileContext, times: Sequence[str]) -> None:
    """Each picked frame as large as the page allows, on the pages after the sheet."""
    flow = ctx.flow
    flow.new_page()
    flow.text(f"{ctx.exhibit.label(ctx.file)} 重点画面（当事人选定的时间点，共 {len(times)} 幅）", size=11)
    flow.skip(4)
    printed: dict[int, int] = {}  # the time of each frame printed: the number it was printed as
    for n, text in enumerate(times, start=1):
        try:
            fr = _frame(ctx, parse_offset(text))
        except VideoError as exc:
            flow.text(f"重点画面 {n}（{text}）：无法截取（{exc}）", size=9, color=RED, width=CONTENT.width)
            ctx.notes.append(f"重点画面 {text} 无法截取")
            continue
        if fr.ms in printed:  # two picked times within one frame: the same picture, printed once
            flow.text(
                f"重点画面 {n}：所选时间 {text} 处显示的画面即重点画面 {printed[fr.ms]}，不重复打印", size=10
            )
            flow.skip(6)
            continue
        printed[fr.ms] = n
        aspect = _aspect(fr)
        h = min(CONTENT.width * aspect, flow.page_room() - 45)  # a tall (portrait) frame: a page high
        here = flow.space_left() - 45
        if h > here:
            if here >= 0.75 * h:
                h = here  # a little smaller rather than a page turned for it
            else:
                flow.new_page()
        w = h / aspect
        at = offset_text(fr.ms, precise=True)
        note = "" if at == text else f"（所选时间 {text} 处显示的画面）"
        flow.text(f"重点画面 {n}：{at}{note}", size=10)
        flow.skip(2 + 10 + 5)  # room for the stamp above the picture
        x = CONTENT.x0 + (CONTENT.width - w) / 2
        rect = pymupdf.Rect(x, flow.y, x + w, flow.y + h)
        flow.page().insert_image(rect, stream=fr.jpeg, keep_proportion=True)
        flow.box(rect, color=GREY, width=0.5)
        _stamp(flow, x, flow.y, offset_text(fr.ms, precise=True), 10)
        flow.y += h + 10


def _frame(ctx: FileContext, ms: int) -> Frame:
    cache = ctx.case.cache_dir
    if cache is None:
        return frame_at(ctx.path, ctx.file.original_name, ms)
    return cached_frame(cache, ctx.path, ctx.file.sha256, ctx.file.original_name, ms)
