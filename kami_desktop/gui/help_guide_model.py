"""The shape of a 帮助 guide: steps of text, each with an optional drawn picture (gui/help_drawings.py)."""

from __future__ import annotations

from dataclasses import dataclass

Picture = tuple[str, tuple]  # (drawing name in help_drawings.DRAWINGS, its arguments)


@dataclass(frozen=True)
class Step:
    text: str
    picture: Picture | None = None
    warning: str = ""  # shown in red under the step


@dataclass(frozen=True)
class Guide:
    key: str
    title: str
    intro: str
    steps: tuple[Step, ...]
    note: str = ""
