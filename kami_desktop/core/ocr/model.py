"""What OCR read on one page: plain data shared by the job, search, suggestions and masked copies.

Coordinates are pixels of the page as it is shown (an image after its EXIF orientation is applied; a
PDF page rendered at ``width`` × ``height``); ``box`` is the four corners clockwise from top-left, as the
engine gives them (a line may be slightly rotated).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

Point = tuple[float, float]

OK, EMPTY, FAILED = "ok", "empty", "failed"


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: tuple[Point, Point, Point, Point]
    confidence: float

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The upright rectangle around the line: (left, top, right, bottom)."""
        xs = [p[0] for p in self.box]
        ys = [p[1] for p in self.box]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class OcrPage:
    sha256: str
    page: int
    status: str  # OK | EMPTY | FAILED
    engine: str
    width: int
    height: int
    lines: tuple[OcrLine, ...] = field(default_factory=tuple)
    problem: str = ""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def lines_to_json(lines: tuple[OcrLine, ...] | list[OcrLine]) -> str:
    return json.dumps(
        [
            {"text": ln.text, "box": [list(p) for p in ln.box], "confidence": round(ln.confidence, 4)}
            for ln in lines
        ],
        ensure_ascii=False,
    )


def lines_from_json(raw: str) -> tuple[OcrLine, ...]:
    out = []
    for item in json.loads(raw or "[]"):
        box = tuple((float(p[0]), float(p[1])) for p in item["box"])
        if len(box) != 4:
            continue
        out.append(OcrLine(str(item["text"]), box, float(item.get("confidence", 0.0))))
    return tuple(out)
