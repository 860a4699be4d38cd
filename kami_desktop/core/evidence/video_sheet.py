"""Frames of a video for paper: the contact sheet (``sheet``) and the frame at a time (``frame_at``).

The file is streamed: frames come from seeking to keyframes (the demuxer reads only around each one, the
decoder skips every other frame), so a recording of several gigabytes takes the same memory as a short
one. ``sheet`` picks 6–12 frames: keyframes spread over the duration, compared as small grayscale
thumbnails, the most distinct kept (a scene change is what a recording of an app shows: a page that
opens, a balance that drops). A video whose keyframes are too few (or none) is sampled by decoding from
the start within a fixed budget. Plain data out; ``evidence/frames.py`` caches it.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kami_desktop.core.evidence.video import (
    VideoError,
    VideoFacts,
    container_facts,
    failure_reason,
    offset_text,
    open_video,
)
from kami_desktop.core.tasks import CancelToken

SHEET_MIN, SHEET_MAX = 6, 12
MAX_SEEKS = 48  # keyframes looked at for a contact sheet, whatever the length
SHEET_SIDE = 640  # the longer side of a contact-sheet frame, in pixels
PICK_SIDE = 1600  # the longer side of a frame the user picked (printed large)
GRAY_W, GRAY_H = 32, 18  # the thumbnail frames are compared by
TIME_WEIGHT = 0.5  # a frame far in time from those chosen counts as a little distinct too
SAME_SCENE = 0.04  # mean grayscale difference (0–1) under which two frames show the same page
FALLBACK_PIXELS = 600 * 1920 * 1080  # pixels decoded from the start when keyframes are too few


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
    """An RGB picture of a (scaled) frame, turned as the player would turn it."""
    im = _reformatter("rgb").reformat(small, format="rgb24").to_image()
    if rotation:
        im = im.rotate(rotation, expand=True)  # the display matrix turns counter-clockwise
    return im


def _jpeg(im: Any, quality: int = 85) -> bytes:
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=quality)
    return buf.getvalue()


def _gray(frame: Any) -> Any:
    """A GRAY_W × GRAY_H luma thumbnail (Pillow "L"): 4×4 point samples averaged per cell — a tenth of
    what area-averaging a full frame costs, and the same for two frames of one page."""
    from PIL import Image

    w, h = GRAY_W * 4, GRAY_H * 4
    g = _reformatter("gray").reformat(frame, width=w, height=h, format="gray", interpolation="POINT")
    plane = g.planes[0]
    im = Image.frombuffer("L", (plane.line_size, h), bytes(plane), "raw", "L", 0, 1).crop((0, 0, w, h))
    return im.resize((GRAY_W, GRAY_H), Image.Resampling.BOX)


def _ms(frame: Any, time_base: Any) -> int:
    """The frame's time offset (by the stream's time base: a frame drained from a decoder may lack its own)."""
    if frame.pts is None:
        return 0
    return max(0, round(float(frame.pts * time_base) * 1000))


@dataclass
class _Candidate:
    ms: int
    gray: Any  # Pillow "L" image, GRAY_W × GRAY_H
    small: Any  # the frame scaled to SHEET_SIDE (a PyAV frame); None: a keyframe, decoded again if chosen
    key: bool
    rotation: int = 0
    pts: int | None = None


def _candidate(frame: Any, time_base: Any, keep: bool = True) -> _Candidate:
    turn = int(getattr(frame, "rotation", 0) or 0) % 360
    small = _small(frame, SHEET_SIDE) if keep else None
    return _Candidate(_ms(frame, time_base), _gray(frame), small, bool(frame.key_frame), turn, frame.pts)


def _keyframes(c: Any, facts: VideoFacts, cancel: CancelToken | None) -> tuple[list[_Candidate], str]:
    """One decoded keyframe per seek target, evenly over the duration; duplicates are skipped unread."""
    v = c.streams.video[0]
    seeks = MAX_SEEKS if facts.keyframes is None else min(MAX_SEEKS, max(1, 2 * facts.keyframes))
    if facts.duration <= 0:
        seeks = 0  # no duration: the first keyframe only
    v.codec_context.skip_frame = "NONKEY"
    out: list[_Candidate] = []
    seen: set[int] = set()
    problem = ""
    start = int(v.start_time or 0)
    for i in range(-1, seeks):  # the very first keyframe (the recording's opening), then one per stretch
        if cancel is not None:
            cancel.raise_if_cancelled()
        target = start + int(facts.duration * (i + 0.5) / seeks / float(v.time_base)) if i >= 0 else start
        try:
            c.seek(target, stream=v, backward=True, any_frame=False)
            cand = _first_key(c, v, seen)
        except Exception as exc:  # noqa: BLE001 - a damaged stretch: what was read so far stands
            problem = f"部分画面无法解码（{failure_reason(exc)}），文件可能损坏或不完整"
            continue
        if cand is not None:
            out.append(cand)
    v.codec_context.skip_frame = "DEFAULT"
    out.sort(key=lambda x: x.ms)
    return out, problem


def _first_key(c: Any, v: Any, seen: set[int]) -> _Candidate | None:
    """The keyframe the last seek landed on; None when an earlier seek already gave it (not decoded again)."""
    for packet in c.demux(v):
        if not packet.is_keyframe or packet.pts is None:
            continue
        if packet.pts in seen:
            return None
        seen.add(packet.pts)
        # drain: a decoder that holds frames back for reordering gives this one now, not a GOP later
        frames = packet.decode() or v.codec_context.decode(None)
        return _candidate(frames[0], v.time_base, keep=False) if frames else None
    return None


def _redecode(c: Any, x: _Candidate) -> Any:
    """The chosen keyframe ``x`` again, scaled for the sheet: only 6–12 of the keyframes looked at are
    kept, so only they are scaled (a seek to its own time lands on it)."""
    if x.small is not None:
        return x.small
    v = c.streams.video[0]
    v.codec_context.skip_frame = "NONKEY"
    try:
        c.seek(x.pts, stream=v, backward=True, any_frame=False)
        for packet in c.demux(v):
            if not packet.is_keyframe or packet.pts is None or packet.pts < x.pts:
                continue
            if packet.pts > x.pts:
                return None  # not found again where it was
            frames = packet.decode() or v.codec_context.decode(None)
            return _small(frames[0], SHEET_SIDE) if frames else None
    except Exception:  # noqa: BLE001 - read once already: a second read failing leaves it out
        return None
    finally:
        v.codec_context.skip_frame = "DEFAULT"
    return None


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


def _differences(strip: Any, one: Any, n: int) -> list[float]:
    """The mean absolute difference (0 same – 1) of ``one`` to each of the ``n`` grayscale thumbnails
    laid side by side in ``strip``, in a few Pillow calls (a box resize averages each thumbnail)."""
    from PIL import Image, ImageChops

    tiled = Image.new("L", strip.size)
    for k in range(n):
        tiled.paste(one, (k * GRAY_W, 0))
    means = ImageChops.difference(strip, tiled).resize((n, 1), Image.Resampling.BOX).tobytes()
    return [m / 255 for m in means]


def choose(cands: list[_Candidate], duration_ms: int, most: int = SHEET_MAX) -> list[_Candidate]:
    """The most distinct frames, spread over time: each next one is the farthest (in picture, then in
    time) from those already chosen; once SHEET_MIN are chosen, repeats of a chosen scene are left out."""
    from PIL import Image

    if not cands:
        return []
    n = len(cands)
    strip = Image.new("L", (GRAY_W * n, GRAY_H))
    for k, c in enumerate(cands):
        strip.paste(c.gray, (k * GRAY_W, 0))
    span = max(duration_ms, cands[-1].ms, 1)
    chosen = [0]
    look = _differences(strip, cands[0].gray, n)  # each to the nearest chosen, in picture …
    gap = [abs(c.ms - cands[0].ms) / span for c in cands]  # … and in time
    while len(chosen) < min(most, n):
        rest = [k for k in range(n) if k not in chosen]
        i = max(rest, key=lambda k: look[k] + TIME_WEIGHT * gap[k])
        if look[i] < SAME_SCENE and len(chosen) >= SHEET_MIN:
            break
        chosen.append(i)
        look = [min(a, b) for a, b in zip(look, _differences(strip, cands[i].gray, n), strict=True)]
        gap = [min(g, abs(c.ms - cands[i].ms) / span) for g, c in zip(gap, cands, strict=True)]
    return [cands[k] for k in sorted(chosen)]


def sheet(path: Path, label: str, cancel: CancelToken | None = None) -> Sheet:
    """Container facts and 6–12 distinct frames for the contact sheet (fewer if the video has fewer)."""
    with open_video(path, label) as c:
        facts = container_facts(c, path.stat().st_size)
        cands, problem = _keyframes(c, facts, cancel)
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
        frames = []
        for x in distinct:
            small = _redecode(c, x)
            if small is not None:
                frames.append(Frame(x.ms, _jpeg(_upright(small, x.rotation)), x.key))
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
        return Frame(
            _ms(shown, v.time_base), _jpeg(_upright(_small(shown, side), turn), 90), bool(shown.key_frame)
        )
