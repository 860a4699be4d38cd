"""What every renderer shares: the file it is given (``FileContext``), the ``Renderer`` entry, the
``Decline`` signal, and the boxed ``notice`` that stands in for content that cannot be printed.

The renderer modules (``images``, ``pdfpages``, ``records``) import from here; ``renderers`` imports
them and holds the registry, so nothing imports back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kami_desktop.core.dossier.layout import GREY, RED, PageFlow
from kami_desktop.core.dossier.snapshot import CaseSnap, ExhibitSnap, FileSnap

TEXT_TYPES = ("text/plain", "text/csv", "text/html", "application/json", "text/xml", "application/xml")


class Decline(Exception):
    """Raised by a renderer, before it draws, when the file is not its kind after all."""


@dataclass
class FileContext:
    flow: PageFlow
    case: CaseSnap
    exhibit: ExhibitSnap
    file: FileSnap
    path: Path  # the verified copy of the original (the bundle's file)
    notes: list[str] = field(default_factory=list)  # what the rendering had to do (downscaled, …)
    # the exhibit header as HTML, for a renderer that lays out the exhibit's first page itself (a bill):
    # it leads that page with it and clears this; left set, the binder draws the header on a page of its own
    header: str = ""


@dataclass(frozen=True)
class Renderer:
    name: str
    accepts: Callable[[FileSnap], bool]
    render: Callable[[FileContext], None]


def notice(ctx: FileContext, title: str, lines: list[str]) -> None:
    """A boxed statement in place of content that cannot be printed."""
    flow, f = ctx.flow, ctx.file
    flow.ensure(120)
    top, pno = flow.y, flow.pno
    flow.skip(8)
    flow.text(title, size=12, color=RED, indent=10)
    flow.skip(4)
    for line in [
        *lines,
        f"原始文件：{f.bundle_path}（原文件名 {f.original_name}，{f.size:,} 字节）",
        f"SHA-256：{f.sha256}",
    ]:
        flow.text(line, size=9, indent=10, width=flow_width(flow) - 10)
    flow.skip(8)
    if flow.pno == pno:  # the box only when the notice stayed on one page
        flow.box((flow.free_rect().x0, top, flow.free_rect().x1, flow.y), color=GREY, width=0.8)
    flow.skip(6)
    ctx.notes.append(title)


def flow_width(flow: PageFlow) -> float:
    return flow.free_rect().width
