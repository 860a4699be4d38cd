"""Writing HTML sections (cover, index, appendix…) into a separate PDF, one section after another.

Each section starts on a new page; element positions (``id`` attributes) are recorded so the binder
can put links on index rows. A long table is split into one table per page so every page repeats the
column headings.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

import pymupdf

from .layout import CONTENT, CSS, PAGE


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
    _writer: pymupdf.DocumentWriter | None = None
    _pages: int = 0

    def __post_init__(self) -> None:
        self._writer = pymupdf.DocumentWriter(self._buf)

    def fits(self, html: str) -> bool:
        story = pymupdf.Story(html, user_css=self.css)
        more, _ = story.place(CONTENT)
        return not more

    def page(self, html: str) -> None:
        """Write HTML from the top of a new page, continuing on further pages if it is longer."""
        story = pymupdf.Story(html, user_css=self.css)
        more = 1
        while more:
            dev = self._writer.begin_page(PAGE)
            more, _ = story.place(CONTENT)
            story.element_positions(self._recorder(self._pages))
            story.draw(dev)
            self._writer.end_page()
            self._pages += 1

    def _recorder(self, pno: int) -> Callable[[object], None]:
        def record(pos) -> None:
            if getattr(pos, "id", "") and pos.open_close & 1 and pos.id not in self.positions:
                self.positions[pos.id] = (pno, pymupdf.Rect(pos.rect))

        return record

    def section(self, name: str, pages_html: list[str]) -> None:
        start = self._pages
        for html in pages_html:
            self.page(html)
        self.sections.append(Section(name, start, self._pages - start))

    def table_pages(self, head: str, table_head: str, rows: list[str], tail: str = "",
                    first_head: str | None = None) -> list[str]:
        """Split rows into per-page tables (each with ``table_head``); ``tail`` follows the last row."""
        pages: list[str] = []
        i, n = 0, len(rows)
        lead = first_head if first_head is not None else head

        def html(a: int, b: int, with_tail: bool, top: str) -> str:
            t = f"<table>{table_head}{''.join(rows[a:b])}</table>" if b > a else ""
            return top + t + (tail if with_tail else "")

        while i < n:
            top = lead if not pages else head
            lo, hi = i + 1, n  # at least one row per page, even if it overflows
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self.fits(html(i, mid, False, top)):
                    lo = mid
                else:
                    hi = mid - 1
            j = lo
            if j == n and self.fits(html(i, j, True, top)):
                pages.append(html(i, j, True, top))
                return pages
            pages.append(html(i, j, False, top))
            i = j
        pages.append((lead if not pages else head) + tail)
        return pages

    def finish(self) -> pymupdf.Document:
        self._writer.close()
        return pymupdf.open("pdf", self._buf.getvalue())


def write_sections(build: Callable[[SectionWriter], None]) -> tuple[pymupdf.Document, SectionWriter]:
    w = SectionWriter()
    build(w)
    return w.finish(), w
