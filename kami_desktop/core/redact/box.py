"""A rectangle to mask, in pixels of the image as shown (after its EXIF orientation), with its reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kami_desktop.core.errors import UserError

MANUAL = "manual"


class BoxError(UserError):
    """A box the user typed cannot be used."""


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int
    kind: str = MANUAL  # a private_data kind, or MANUAL for a box the user drew
    reason: str = "手动添加"
    text: str = ""  # what OCR read under the box (never stored: the ledger must not repeat it)

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    def clamped(self, width: int, height: int) -> Box | None:
        """The part of the box inside a ``width`` × ``height`` image; None when nothing is inside."""
        left, top = max(0, self.x), max(0, self.y)
        right, bottom = min(width, self.right), min(height, self.bottom)
        if right <= left or bottom <= top:
            return None
        return Box(left, top, right - left, bottom - top, self.kind, self.reason, self.text)

    def to_json(self) -> dict[str, Any]:
        return {"x": self.x, "y": self.y, "w": self.w, "h": self.h, "kind": self.kind, "reason": self.reason}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Box:
        return cls(
            int(d["x"]),
            int(d["y"]),
            int(d["w"]),
            int(d["h"]),
            str(d.get("kind", MANUAL)),
            str(d.get("reason", "手动添加")),
        )


def parse_box(text: str) -> Box:
    """'x,y,w,h' (pixels, whole numbers) as typed on the command line."""
    parts = [p for p in re.split(r"[,，\s]+", text.strip()) if p]
    try:
        x, y, w, h = (int(p) for p in parts)
    except ValueError:
        raise BoxError(f"遮盖框“{text}”应为 x,y,宽,高 四个整数（像素），如 100,200,300,40") from None
    if w <= 0 or h <= 0:
        raise BoxError(f"遮盖框“{text}”的宽和高须大于0")
    return Box(x, y, w, h)
