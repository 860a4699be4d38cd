"""Writing HTML sections (cover, index, appendix…) into a separate PDF, one section after another.

Each section starts on a new page; element positions (``id`` attributes) are recorded so the binder
can put links on index rows. A long table is split into one table per page so every page repeats the
column headings.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import pymupdf

from kami_desktop.core.dossier.layout import CONTENT, CSS, PAGE, new_story


class _Position(Protocol):
    """What ``Story.element_positions`` reports for one element (PyMuPDF sets these attributes at run time)."""

    id: str
    open_close: int
    rect: tuple[float, float, float, float]


@dataclass
class Section:
    name: str  # 封面 / 证据目录 / …: goes into the footer and the bookmarks
    first_page: int  # 0-based within the section document
    pages: int


@dataclass
class SectionWriter:
    css: str = CSS
    sections: list[Section] = field(default_factory=list)
    positions: dict[str, tuple[int, pymupdf.Rect]] = field(default_factory=dict)  # id → (page, rect)
    _buf: io.BytesIO = field(default_factory=io.BytesIO)
    _writer: pymupdf.DocumentWriter = field(init=False)
    _pages: int = 0

    def __post_init__(self) -> None:
        self._writer = pymupdf.DocumentWriter(self._buf)

    def fits(self, html: str) -> bool:
        story = new_story(html, self.css)
        more, _ = story.place(CONTENT)
        return not more

    def page(self, html: str) -> None:
        """Write HTML from the top of a new page, continuing on further pages if it is longer."""
        story = new_story(html, self.css)
        more = 1
        while more:
            dev = self._writer.begin_page(PAGE)
            more, _ = story.place(CONTENT)
            story.element_positions(self._recorder(self._pages))
            story.draw(dev)
            self._writer.end_page()
            self._pages += 1

    def _recorder(self, pno: int) -> Callable[[_Position], None]:
        def record(pos: _Position) -> None:
            if getattr(pos, "id", "") and pos.open_close & 1 and pos.id not in self.positions:
                self.positions[pos.id] = (pno, pymupdf.Rect(pos.rect))

        return record

    def section(self, name: str, pages_html: list[str]) -> None:
        start = self._pages
        for html in pages_html:
            self.page(html)
        self.sections.append(Section(name, start, self._pages - start))

    def height(self, html: str) -> float:
        """Height of HTML laid out across the content width on an endless page."""
        story = new_story(html, self.css)
        _, filled = story.place(pymupdf.Rect(CONTENT.x0, 0, CONTENT.x1, 1e6))
        return filled[3]

    def row_heights(self, table_head: str, rows: list[str]) -> list[float]:
        """Each row's height, from one layout of the whole table (rows get an id when they have none)."""
        ids: list[str] = []
        tagged: list[str] = []
        for i, row in enumerate(rows):
            m = re.match(r"<tr\b[^>]*\bid='([^']+)'", row)
            rid = m.group(1) if m else f"__row{i}"
            ids.append(rid)
            tagged.append(row if m else row.replace("<tr", f"<tr id='{rid}'", 1))
        story = new_story(f"<table>{table_head}{''.join(tagged)}</table>", self.css)
        found: dict[str, float] = {}

        def record(pos: _Position) -> None:
            if getattr(pos, "id", "") and pos.open_close & 1 and pos.id not in found:
                found[pos.id] = pos.rect[3] - pos.rect[1]

        story.place(pymupdf.Rect(CONTENT.x0, 0, CONTENT.x1, 1e6))
        story.element_positions(record)
        return [found.get(rid, CONTENT.height) for rid in ids]

    def table_pages(
        self, head: str, table_head: str, rows: list[str], tail: str = "", first_head: str | None = None
    ) -> list[str]:
        """Split rows into per-page tables (each repeating ``table_head``); ``tail`` follows the last row.

        Rows are packed by their measured heights, then each page is checked and a row moved on when
        borders and rounding make a page overflow.
        """
        lead = first_head if first_head is not None else head
        empty = f"<table>{table_head}</table>"
        avail = [
            CONTENT.height - self.height(lead + empty) - 2,
            CONTENT.height - self.height(head + empty) - 2,
        ]
        heights = self.row_heights(table_head, rows) if rows else []
        chunks: list[list[int]] = [[]]
        used = 0.0
        for i, h in enumerate(heights):
            if chunks[-1] and used + h > avail[len(chunks) > 1]:
                chunks.append([])
                used = 0.0
            chunks[-1].append(i)
            used += h

        def html(k: int, idx: list[int], with_tail: bool) -> str:
            t = f"<table>{table_head}{''.join(rows[i] for i in idx)}</table>" if idx else ""
            return (lead if k == 0 else head) + t + (tail if with_tail else "")

        k = 0
        while k < len(chunks):  # check each page; push overflowing rows onto the next one
            while len(chunks[k]) > 1 and not self.fits(html(k, chunks[k], False)):
                if k + 1 == len(chunks):
                    chunks.append([])
                chunks[k + 1].insert(0, chunks[k].pop())
            k += 1
        pages = [html(k, idx, False) for k, idx in enumerate(chunks)]
        if tail:
            last = len(chunks) - 1
            if self.fits(html(last, chunks[last], True)):
                pages[last] = html(last, chunks[last], True)
            else:
                pages.append(head + tail)
        return pages

    def finish(self) -> pymupdf.Document:
        self._writer.close()
        return pymupdf.open("pdf", self._buf.getvalue())


def write_sections(build: Callable[[SectionWriter], None]) -> tuple[pymupdf.Document, SectionWriter]:
    w = SectionWriter()
    build(w)
    return w.finish(), w
