"""Proposed boxes: the private data of ``core.legal.private_data`` found on OCR lines (pure).

A span's x-range is estimated within its line's box from the characters' widths (a CJK or full-width
character counts 1, anything else about half), which is close for digits and Latin text; the box is
padded by a share of the line's height so a misjudged edge still covers the whole character.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kami_desktop.core.legal.private_data import Personal, find_private
from kami_desktop.core.ocr.model import OcrLine, OcrPage
from kami_desktop.core.redact.box import Box

NARROW = 0.55  # width of a non-CJK character, in CJK widths
PAD_X = 0.35  # horizontal padding each side, in line heights
PAD_Y = 0.12  # vertical padding each side, in line heights


@dataclass(frozen=True)
class Detection:
    boxes: list[Box]
    notes: list[str]  # what was not looked for, and why


def _weight(ch: str) -> float:
    if ch.isspace():
        return 0.4
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else NARROW


def span_box(line: OcrLine, start: int, end: int, scale: tuple[float, float] = (1.0, 1.0)) -> Box:
    """The padded box of ``line.text[start:end]`` within the line's upright box."""
    left, top, right, bottom = line.bbox
    weights = [_weight(c) for c in line.text] or [1.0]
    total = sum(weights)
    x0 = left + (right - left) * sum(weights[:start]) / total
    x1 = left + (right - left) * sum(weights[:end]) / total
    h = bottom - top
    x0, x1 = x0 - PAD_X * h, x1 + PAD_X * h
    y0, y1 = top - PAD_Y * h, bottom + PAD_Y * h
    sx, sy = scale
    bx, by = math.floor(x0 * sx), math.floor(y0 * sy)
    return Box(bx, by, math.ceil(x1 * sx) - bx, math.ceil(y1 * sy) - by)


def detect_lines(
    lines: Iterable[OcrLine],
    personal: Personal | None,
    *,
    orders: bool = False,
    scale: tuple[float, float] = (1.0, 1.0),
) -> list[Box]:
    out: list[Box] = []
    for line in lines:
        for sp in find_private(line.text, personal, orders=orders):
            b = span_box(line, sp.start, sp.end, scale)
            out.append(Box(b.x, b.y, b.w, b.h, sp.kind, sp.reason, line.text[sp.start : sp.end]))
    return out


def detect_page(
    page: OcrPage,
    personal: Personal | None,
    *,
    orders: bool = False,
    size: tuple[int, int] | None = None,
) -> Detection:
    """Boxes for one OCR page, in pixels of an image ``size`` (the page's own size when None)."""
    notes = []
    if personal is None or personal.empty:
        notes.append("案件没有登记“本人”信息：未查找本人姓名和住址（可在“当事人”中添加本人）。")
    elif not personal.name or not personal.address:
        missing = "、".join(n for n, v in (("姓名", personal.name), ("住址", personal.address)) if not v)
        notes.append(f"本人信息中未填写{missing}：未查找。")
    scale = (1.0, 1.0)
    if size and page.width and page.height:
        scale = (size[0] / page.width, size[1] / page.height)
    boxes = detect_lines(page.lines, personal, orders=orders, scale=scale)
    if size:
        boxes = [c for b in boxes if (c := b.clamped(*size)) is not None]
    return Detection(boxes, notes)
