"""Which frames of a recording go on its contact sheet: each frame is reduced to a small grid of grey
cells (``gray``), and ``choose`` keeps the most distinct ones, spread over time.

A scene change is what a recording of an app shows: a page that opens, or only a balance that drops, a few
digits on an unchanged page. Two frames therefore differ by the larger of their mean difference and their
most changed cell, so a changed number counts as much as a new page; the top and bottom rows of cells
are left out of that cell (a phone's status-bar clock, a PC's taskbar clock change every minute without
anything happening). Plain numbers in, plain numbers out; ``video_sheet`` decodes the frames.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

SHEET_MIN, SHEET_MAX = 6, 12
GRAY_W, GRAY_H = 32, 18  # cells of a landscape frame (a portrait one has 18 across, 32 down)
SAMPLES = 8  # point samples per cell, each way (8 × 8 averaged): every few pixels, so strokes of text count
TIME_WEIGHT = 0.5  # a frame far in time from those chosen counts as a little distinct too
SAME_SCENE = 0.04  # difference (0–1) under which two frames show the same page: no cell changed visibly
_LUMA_FIRST = frozenset(
    {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12", "nv21", "gray"}
)


class Picked(Protocol):
    ms: int
    gray: Any  # the frame's cells (``gray``): 0–255 means


def grid(width: int, height: int) -> tuple[int, int]:
    """Rows and columns of cells: GRAY_H × GRAY_W, turned for a portrait frame."""
    return (GRAY_H, GRAY_W) if width >= height else (GRAY_W, GRAY_H)


def gray(frame: Any, reformat: Any) -> Any:
    """The frame's cells (``grid``): SAMPLES × SAMPLES luma points averaged per cell, points spread evenly
    over the whole picture and read straight from the luma plane of an 8-bit YUV frame (no scaling call);
    other formats (10-bit HDR from an iPhone, RGB) and tiny frames are first turned to gray by
    ``reformat(frame, w, h)``."""
    import numpy as np  # here, not at the top: only a video needs it (start-up stays light)

    rows, cols = grid(frame.width, frame.height)
    h, w = rows * SAMPLES, cols * SAMPLES
    if frame.format.name in _LUMA_FIRST and frame.width >= w and frame.height >= h:
        plane = frame.planes[0]
        luma = np.frombuffer(plane, np.uint8).reshape(frame.height, plane.line_size)
        ys, xs = _points(frame.height, h), _points(frame.width, w)
        points = luma.take(ys, axis=0).take(xs, axis=1)  # rows first: a small copy, then columns
    else:
        g = reformat(frame, w, h)
        plane = g.planes[0]
        points = np.frombuffer(plane, np.uint8).reshape(h, plane.line_size)[:, :w]
    cells = points.reshape(rows, SAMPLES, cols, SAMPLES).sum(axis=3, dtype=np.uint16).sum(axis=1)
    return cells.astype(np.float32) / (SAMPLES * SAMPLES)


@lru_cache(maxsize=8)
def _points(size: int, count: int) -> Any:
    """``count`` positions spread evenly over ``size`` pixels, each in the middle of its stretch."""
    import numpy as np

    return (np.arange(count) * size + size // 2) // count


def differences(grays: Any, one: Any) -> Any:
    """How different (0 same – 1) ``one`` is from each frame of the stack ``grays``: the larger of the mean
    difference of all cells and the difference of the most changed cell but those of the top and bottom
    rows (clocks)."""
    import numpy as np

    d = np.abs(grays - one) / 255
    mean = d.mean(axis=(1, 2))
    inner = d[:, 1:-1, :] if d.shape[1] > 2 else d
    return np.maximum(mean, inner.max(axis=(1, 2)))


def choose(cands: Sequence[Picked], duration_ms: int, most: int = SHEET_MAX) -> list[Any]:
    """The most distinct frames, spread over time: each next one is the farthest (in picture, then in
    time) from those already chosen, a frame showing something not yet chosen always before one that
    repeats a chosen scene; repeats only make up SHEET_MIN."""
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
        new = free & (look >= SAME_SCENE)
        if not new.any() and len(chosen) >= SHEET_MIN:
            break
        score = np.where(new if new.any() else free, look + TIME_WEIGHT * gap, -np.inf)
        i = int(np.argmax(score))  # the first of equals, as a scan in time order would pick
        chosen.append(i)
        free[i] = False
        look = np.minimum(look, differences(grays, grays[i]))
        gap = np.minimum(gap, np.abs(times - times[i]) / span)
    return [cands[k] for k in sorted(chosen)]
