"""Frames of a video for paper: the contact sheet (``sheet``) and the frame at a time (``frame_at``).

The file is streamed: frames come from seeking to keyframes (the demuxer reads only around each one, the
decoder skips every other frame), so a recording of several gigabytes takes the same memory as a short
one. ``sheet`` picks 6–12 frames: keyframes spread over the duration, compared as small grayscale
thumbnails, the most distinct kept (``video_pick``). A video whose keyframes are too few (or none) is
sampled by decoding from the start within a fixed budget. On a machine with two cores or more the file is
read by two readers at once, each with its own decoder (FFmpeg decodes and scales outside Python's lock):
one takes the first half of the seeks and of the chosen frames, the other the second half. Plain data out;
``evidence/frames.py`` caches it.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from kami_desktop.core.evidence.video import (
    VideoError,
    VideoFacts,
    container_facts,
    failure_reason,
    offset_text,
    open_video,
)
from kami_desktop.core.evidence.video_pick import SHEET_MAX, SHEET_MIN, choose, gray
from kami_desktop.core.tasks import CancelToken

__all__ = ["SHEET_MAX", "SHEET_MIN", "Frame", "Sheet", "choose", "frame_at", "sheet"]

MAX_SEEKS = 48  # keyframes looked at for a contact sheet, whatever the length
SHEET_SIDE = 640  # the longer side of a contact-sheet frame, in pixels (≈ 300 dpi as printed)
PICK_SIDE = 1600  # the longer side of a frame the user picked (printed large)
FALLBACK_PIXELS = 600 * 1920 * 1080  # pixels decoded from the start when keyframes are too few
TWO_READERS_FROM = 4  # seeks (or chosen frames) from which a second reader is worth opening

T = TypeVar("T")


@dataclass(frozen=True)
class Frame:
    ms: int  # time offset from the start
    jpeg: bytes
    key: bool = True  # a keyframe (else a frame decoded between keyframes)


@dataclass
class Sheet:
    facts: VideoFacts
    frames: list[Frame] = field(default_factory=list)
    note: str = ""  # what could not be done (few keyframes, damage): said on the page and in the app


_LOCAL = threading.local()


def _reformatter(purpose: str) -> Any:
    """A PyAV reformatter kept per thread and purpose: it keeps its scaler between frames of one size,
    which costs a quarter of making one for every frame."""
    from av.video.reformatter import VideoReformatter

    cache = _LOCAL.__dict__.setdefault("reformatters", {})
    if purpose not in cache:
        cache[purpose] = VideoReformatter()
    return cache[purpose]


def _small(frame: Any, side: int) -> Any:
    """The frame scaled so its longer side is at most ``side`` pixels (area-averaged, still YUV: cheap)."""
    w, h = frame.width, frame.height
    scale = min(1.0, side / max(w, h, 1))
    tw, th = max(2, round(w * scale) // 2 * 2), max(2, round(h * scale) // 2 * 2)
    fmt = "yuv420p" if frame.format.name in ("yuv420p", "yuvj420p", "nv12") else "rgb24"
    return _reformatter(f"small-{side}").reformat(
        frame, width=tw, height=th, format=fmt, interpolation="AREA"
    )


def _upright(small: Any, rotation: int) -> Any:
    """An RGB picture of a (scaled) frame, turned as the player would turn it. The frame is converted to
    RGB with a padding byte, which Pillow takes as it is (no copy): an RGB frame Pillow would unpack."""
    from PIL import Image

    rgb = _reformatter("rgb").reformat(small, format="rgb0")
    plane = rgb.planes[0]
    im = Image.frombuffer("RGBX", (rgb.width, rgb.height), plane, "raw", "RGBX", plane.line_size, 1)
    if rotation:
        im = im.rotate(rotation, expand=True)  # the display matrix turns counter-clockwise
    return im


def _jpeg(im: Any, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=quality)
    return buf.getvalue()


def _picture(small: Any, rotation: int, quality: int = 85) -> bytes:
    return _jpeg(_upright(small, rotation), quality)


def _gray(frame: Any) -> Any:
    def to_gray(f: Any, w: int, h: int) -> Any:
        return _reformatter("gray").reformat(f, width=w, height=h, format="gray", interpolation="POINT")

    return gray(frame, to_gray)


def _ms(frame: Any, time_base: Any) -> int:
    """The frame's time offset (by the stream's time base: a frame drained from a decoder may lack its own)."""
    if frame.pts is None:
        return 0
    return max(0, round(float(frame.pts * time_base) * 1000))


@dataclass
class _Candidate:
    ms: int
    gray: Any  # GRAY_H × GRAY_W array (video_pick.gray)
    small: Any  # the frame scaled to SHEET_SIDE (a PyAV frame); None: a keyframe, decoded again if chosen
    key: bool
    rotation: int = 0
    pts: int | None = None


def _candidate(frame: Any, time_base: Any, keep: bool = True) -> _Candidate:
    turn = int(getattr(frame, "rotation", 0) or 0) % 360
    small = _small(frame, SHEET_SIDE) if keep else None
    return _Candidate(_ms(frame, time_base), _gray(frame), small, bool(frame.key_frame), turn, frame.pts)


class _Reader:
    """One opening of the video with its own decoder. ``problem`` says what could not be read."""

    def __init__(self, path: Path, label: str) -> None:
        self._opened = open_video(path, label)
        self.c = self._opened.__enter__()
        self.problem = ""

    def close(self) -> None:
        self._opened.__exit__(None, None, None)

    def keyframes(self, targets: Sequence[int], cancel: CancelToken | None) -> list[_Candidate]:
        """One decoded keyframe per seek target; a keyframe already given is skipped undecoded."""
        v = self.c.streams.video[0]
        v.codec_context.skip_frame = "NONKEY"
        out: list[_Candidate] = []
        seen: set[int] = set()
        try:
            for target in targets:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                try:
                    self.c.seek(target, stream=v, backward=True, any_frame=False)
                    cand = self._first_key(v, seen)
                except Exception as exc:  # noqa: BLE001 - a damaged stretch: what was read so far stands
                    self.problem = f"部分画面无法解码（{failure_reason(exc)}），文件可能损坏或不完整"
                    continue
                if cand is not None:
                    out.append(cand)
        finally:
            v.codec_context.skip_frame = "DEFAULT"
        return out

    def _first_key(self, v: Any, seen: set[int]) -> _Candidate | None:
        """The keyframe the last seek landed on; None when an earlier seek already gave it."""
        for packet in self.c.demux(v):
            if not packet.is_keyframe or packet.pts is None:
                continue
            if packet.pts in seen:
                return None
            seen.add(packet.pts)
            # drain: a decoder that holds frames back for reordering gives this one now, not a GOP later
            frames = packet.decode() or v.codec_context.decode(None)
            return _candidate(frames[0], v.time_base, keep=False) if frames else None
        return None

    def pictures(self, chosen: Sequence[_Candidate], cancel: CancelToken | None) -> list[Frame]:
        """The chosen frames as JPEG pictures for the sheet; a keyframe that does not decode again is left out."""
        out = []
        for x in chosen:
            if cancel is not None:
                cancel.raise_if_cancelled()
            small = x.small if x.small is not None else self._again(x)
            if small is not None:
                out.append(Frame(x.ms, _picture(small, x.rotation), x.key))
        return out

    def _again(self, x: _Candidate) -> Any:
        """The chosen keyframe ``x`` again, scaled for the sheet (a seek to its own time lands on it): only
        the 6–12 keyframes chosen are scaled."""
        v = self.c.streams.video[0]
        v.codec_context.skip_frame = "NONKEY"
        try:
            self.c.seek(x.pts, stream=v, backward=True, any_frame=False)
            for packet in self.c.demux(v):
                if not packet.is_keyframe or packet.pts is None or packet.pts < (x.pts or 0):
                    continue
                if packet.pts > (x.pts or 0):
                    return None  # not found again where it was
                frames = packet.decode() or v.codec_context.decode(None)
                return _small(frames[0], SHEET_SIDE) if frames else None
        except Exception:  # noqa: BLE001 - read once already: a second read failing leaves it out
            return None
        finally:
            v.codec_context.skip_frame = "DEFAULT"
        return None


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _one_thread(reader: _Reader) -> _Reader:
    """The reader's decoder on one thread (set before it first decodes)."""
    reader.c.streams.video[0].codec_context.thread_count = 1
    return reader


class _Readers:
    """The main reader and, on a machine with two cores or more, a second one on a thread of its own
    (opened there, on first use). ``split`` runs work over a list in two halves at once."""

    def __init__(self, path: Path, label: str, main: _Reader, stack: ExitStack) -> None:
        self.path, self.label, self.main = path, label, main
        self.other: _Reader | None = None
        self.pool: ThreadPoolExecutor | None = None
        if _cores() >= 2:
            self.pool = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="video-sheet"))
            stack.callback(self._close_other)  # runs after the pool has finished (exit order)
            _one_thread(main)  # the two readers are the two threads: FFmpeg's own would only contend

    def _close_other(self) -> None:
        if self.other is not None:
            self.other.close()

    def _on_other(self, work: Callable[[_Reader, Sequence[Any]], list[T]], part: Sequence[Any]) -> list[T]:
        if self.other is None:
            self.other = _one_thread(_Reader(self.path, self.label))
        return work(self.other, part)

    def split(self, work: Callable[[_Reader, Sequence[Any]], list[T]], items: Sequence[Any]) -> list[T]:
        if self.pool is None or len(items) < TWO_READERS_FROM:
            return work(self.main, items)
        half = (len(items) + 1) // 2
        later = self.pool.submit(self._on_other, work, items[half:])
        try:
            first = work(self.main, items[:half])
        except BaseException:
            wait([later])  # the other reader stops at its next cancel check; never left reading
            raise
        try:
            return first + later.result()
        except VideoError:  # the second opening failed (the file went away?): this reader does it
            return first + work(self.main, items[half:])


def _targets(c: Any, facts: VideoFacts) -> list[int]:
    """Seek targets: the very first keyframe (the recording's opening), then one per even stretch."""
    v = c.streams.video[0]
    seeks = MAX_SEEKS if facts.keyframes is None else min(MAX_SEEKS, max(1, 2 * facts.keyframes))
    if facts.duration <= 0:
        seeks = 0  # no duration: the first keyframe only
    start = int(v.start_time or 0)
    step = facts.duration / seeks / float(v.time_base) if seeks else 0.0
    return [start] + [start + int(step * (i + 0.5)) for i in range(seeks)]


def _unique(cands: list[_Candidate]) -> list[_Candidate]:
    """In time order, one per keyframe (the two readers may both land on the one at their boundary)."""
    seen: set[int | None] = set()
    out = []
    for x in sorted(cands, key=lambda x: x.ms):
        if x.pts is None or x.pts not in seen:
            seen.add(x.pts)
            out.append(x)
    return out


def _sampled(
    c: Any, facts: VideoFacts, count: int, cancel: CancelToken | None
) -> tuple[list[_Candidate], bool]:
    """Frames at ``count`` even times, decoded from the start (for too few keyframes); True if cut short."""
    v = c.streams.video[0]
    span = facts.duration * 1000
    targets = [round(span * (i + 0.5) / count) for i in range(count)] if span else [0]
    out: list[_Candidate] = []
    budget = FALLBACK_PIXELS
    try:
        c.seek(int(v.start_time or 0), stream=v, backward=True, any_frame=True)
        for frame in c.decode(v):
            if cancel is not None:
                cancel.raise_if_cancelled()
            budget -= frame.width * frame.height
            ms = _ms(frame, v.time_base)
            if targets and ms >= targets[0]:
                out.append(_candidate(frame, v.time_base))
                while targets and targets[0] <= ms:
                    targets.pop(0)
            if not targets:
                return out, False
            if budget <= 0:
                return out, True
    except Exception:  # noqa: BLE001 - damaged data: keep what was decoded before it
        return out, True
    return out, bool(targets) and bool(span)


def sheet(path: Path, label: str, cancel: CancelToken | None = None) -> Sheet:
    """Container facts and 6–12 distinct frames for the contact sheet (fewer if the video has fewer)."""
    with ExitStack() as stack:
        main = _Reader(path, label)
        stack.callback(main.close)
        c = main.c
        facts = container_facts(c, path.stat().st_size)
        readers = _Readers(path, label, main, stack)
        cands = _unique(readers.split(lambda r, part: r.keyframes(part, cancel), _targets(c, facts)))
        problem = main.problem or (readers.other.problem if readers.other else "")
        notes = [problem] if problem else []
        if facts.cut_at is not None:
            notes.append(
                f"文件不完整（可能未传输完）：容器记录的时长为 {offset_text(round(facts.duration * 1000))}，"
                f"画面数据只到约 {offset_text(round(facts.cut_at * 1000))}"
            )
        distinct = choose(cands, round(facts.duration * 1000))
        if len(distinct) < SHEET_MIN and facts.duration > 0:
            extra, cut = _sampled(c, facts, 2 * SHEET_MAX, cancel)
            if not cands:
                notes.append("视频中找不到关键帧，画面为从头解码后按时间均匀选取")
            if cut and not extra:
                notes.append("无法从头解码出画面，文件可能损坏或不完整")
            known = {x.ms for x in cands}
            distinct = choose(
                sorted(cands + [x for x in extra if x.ms not in known], key=lambda x: x.ms),
                round(facts.duration * 1000),
            )
        if not distinct:
            what = "" if cands else "找不到关键帧，"
            raise VideoError(
                f"视频文件“{label}”中{what}没有可解码的画面，文件可能损坏或不完整；原文件已原样保存"
            )
        frames = readers.split(lambda r, part: r.pictures(part, cancel), distinct)
        if not frames:
            raise VideoError(f"视频文件“{label}”中没有可解码的画面，文件可能损坏或不完整；原文件已原样保存")
    if distinct[0].rotation:
        facts = replace(facts, rotation=distinct[0].rotation)
    return Sheet(facts, frames, "；".join(notes))


def _seek(c: Any, v: Any, target: int) -> None:
    """To the keyframe at or before ``target``; to the start when the container cannot seek by keyframe."""
    try:
        c.seek(target, stream=v, backward=True, any_frame=False)
    except Exception:  # noqa: BLE001 - no keyframe index (or none at all): decode from the start
        c.seek(int(v.start_time or 0), stream=v, backward=True, any_frame=True)


def frame_at(path: Path, label: str, ms: int, side: int = PICK_SIDE) -> Frame:
    """The frame shown at ``ms`` (the last one at or before it): seek to the keyframe before, decode on."""
    with open_video(path, label) as c:
        v = c.streams.video[0]
        start = int(v.start_time or 0)
        try:
            _seek(c, v, start + int(ms / 1000 / float(v.time_base)))
            shown = None
            for frame in c.decode(v):
                if shown is not None and _ms(frame, v.time_base) > ms:
                    break
                shown = frame
                if _ms(frame, v.time_base) >= ms:
                    break
        except Exception as exc:  # noqa: BLE001 - damaged data
            raise VideoError(
                f"视频文件“{label}”在 {offset_text(ms)} 处无法解码（{failure_reason(exc)}），文件可能损坏或不完整"
            ) from exc
        if shown is None:
            raise VideoError(f"视频文件“{label}”在 {offset_text(ms)} 处没有可解码的画面")
        turn = int(getattr(shown, "rotation", 0) or 0) % 360
        return Frame(_ms(shown, v.time_base), _picture(_small(shown, side), turn, 90), bool(shown.key_frame))
