"""Which frames of a recording go on its contact sheet: each frame is reduced to a small grayscale
thumbnail (``gray``), and ``choose`` keeps the most distinct ones, spread over time.

A scene change is what a recording of an app shows (a page that opens, a balance that drops), so two
frames of one page count as one. Plain numbers in, plain numbers out; ``video_sheet`` decodes the frames.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

SHEET_MIN, SHEET_MAX = 6, 12
GRAY_W, GRAY_H = 32, 18  # the thumbnail frames are compared by
SAMPLES = 4  # point samples per thumbnail cell, each way: 4 × 4 averaged
TIME_WEIGHT = 0.5  # a frame far in time from those chosen counts as a little distinct too
SAME_SCENE = 0.04  # mean grayscale difference (0–1) under which two frames show the same page
_LUMA_FIRST = frozenset(
    {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12", "nv21", "gray"}
)


class Picked(Protocol):
    ms: int
    gray: Any  # a GRAY_H × GRAY_W array of 0–255 means


def gray(frame: Any, reformat: Any) -> Any:
    """The frame's GRAY_W × GRAY_H luma thumbnail: SAMPLES × SAMPLES point samples averaged per cell, read
    straight from the luma plane of an 8-bit YUV frame (no scaling call at all); other formats (10-bit
    HDR from an iPhone, RGB) are first turned to gray by ``reformat(frame, w, h)``."""
    import numpy as np  # here, not at the top: only a video needs it (start-up stays light)

    w, h = GRAY_W * SAMPLES, GRAY_H * SAMPLES
    if frame.format.name in _LUMA_FIRST and frame.width >= w and frame.height >= h:
        plane = frame.planes[0]
        luma = np.frombuffer(plane, np.uint8).reshape(frame.height, plane.line_size)
        sy, sx = frame.height // h, frame.width // w  # even steps, centred: a strided view, no gather
        y0, x0 = (frame.height - sy * h + sy) // 2, (frame.width - sx * w + sx) // 2
        points = luma[y0 : y0 + sy * h : sy, x0 : x0 + sx * w : sx]
    else:
        g = reformat(frame, w, h)
        plane = g.planes[0]
        points = np.frombuffer(plane, np.uint8).reshape(h, plane.line_size)[:, :w]
    cells = points.astype(np.uint16).reshape(GRAY_H, SAMPLES, GRAY_W, SAMPLES).sum(axis=(1, 3))
    return cells.astype(np.float32) / (SAMPLES * SAMPLES)


def differences(grays: Any, one: Any) -> Any:
    """The mean absolute difference (0 same – 1) of ``one`` to each thumbnail of the stack ``grays``."""
    import numpy as np

    return np.abs(grays - one).mean(axis=(1, 2)) / 255


def choose(cands: Sequence[Picked], duration_ms: int, most: int = SHEET_MAX) -> list[Any]:
    """The most distinct frames, spread over time: each next one is the farthest (in picture, then in
    time) from those already chosen; once SHEET_MIN are chosen, repeats of a chosen scene are left out."""
    import numpy as np

    if not cands:
        return []
    n = len(cands)
    grays = np.stack([c.gray for c in cands])
    times = np.array([c.ms for c in cands], dtype=np.float64)
    span = max(duration_ms, cands[-1].ms, 1)
    chosen = [0]
    look = differences(grays, grays[0])  # each to the nearest chosen, in picture …
    gap = np.abs(times - times[0]) / span  # … and in time
    free = np.ones(n, dtype=bool)
    free[0] = False
    while len(chosen) < min(most, n):
        score = np.where(free, look + TIME_WEIGHT * gap, -np.inf)
        i = int(np.argmax(score))  # the first of equals, as a scan in time order would pick
        if look[i] < SAME_SCENE and len(chosen) >= SHEET_MIN:
            break
        chosen.append(i)
        free[i] = False
        look = np.minimum(look, differences(grays, grays[i]))
        gap = np.minimum(gap, np.abs(times - times[i]) / span)
    return [cands[k] for k in sorted(chosen)]
