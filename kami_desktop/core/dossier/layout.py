"""Page geometry and the page cursor that every exhibit renderer writes through.

A4 portrait, 28 mm binding margin on the left (courts expect at least 25 mm), footer band at the
bottom. Short text (headers, notices, captions, footers) goes through ``TextWriter``, broken into lines
by ``wrap`` (with the 避头尾 rules); flowing HTML (tables, transcripts) goes through ``Story`` and is laid
onto the binder's pages. Both use the bundled Noto Serif CJK SC (``core.util.cjkfont``: Ext-A for rare
name characters), cut to the binder's characters (``fonts``), embedded and subset again on save, never a
system font.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from kami_desktop.core.dossier import fonts
from kami_desktop.core.dossier.linebreak import wrap
from kami_desktop.core.tasks import Cancelled
from kami_desktop.core.util.cjkfont import CSS_FAMILY, font_face_css

MM = 72 / 25.4
PAGE = pymupdf.paper_rect("a4")
LEFT, RIGHT, TOP, BOTTOM = 28 * MM, 15 * MM, 16 * MM, 24 * MM
CONTENT = pymupdf.Rect(LEFT, TOP, PAGE.width - RIGHT, PAGE.height - BOTTOM)
FOOTER_TOP = PAGE.height - BOTTOM + 5 * MM
RGB = tuple[float, float, float]  # a PDF colour, each part 0–1
Point = tuple[float, float]
BLACK: RGB = (0, 0, 0)
GREY: RGB = (0.35, 0.35, 0.35)
RED: RGB = (0.7, 0, 0)
CONT_H = 16.0  # the band a continuation page's short heading (证据N（续）) takes above its content
# Landscape pages (wide tables) are portrait sheets turned a quarter (/Rotate 90): the binding edge is at
# the top of the landscape view, the footer at its bottom.
LANDSCAPE = pymupdf.Rect(0, 0, PAGE.height, PAGE.width)
LANDSCAPE_CONTENT = pymupdf.Rect(15 * MM, LEFT, LANDSCAPE.width - 15 * MM, LANDSCAPE.height - BOTTOM)

CSS = """
* { font-family: SERIF; font-size: 9pt; line-height: 1.35; }
body { margin: 0; }
h1 { font-size: 20pt; text-align: center; margin: 0 0 8pt 0; }
h2 { font-size: 14pt; text-align: center; margin: 0 0 6pt 0; }
h3 { font-size: 11pt; margin: 6pt 0 3pt 0; }
p { margin: 0 0 3pt 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: top; }
th { background-color: #e8e8e8; font-weight: bold; text-align: center; }
.c { text-align: center; }
.r { text-align: right; }
.small, .small * { font-size: 7.5pt; }
.mono { font-family: monospace; font-size: 7pt; }
.hash { font-family: monospace; font-size: 6.4pt; }
.order { font-family: monospace; font-size: 6pt; }
.cmd { font-family: monospace; font-size: 8.5pt; }
.muted { color: #555555; }
.note { color: #555555; font-size: 8pt; }
pre { font-family: SERIF; white-space: pre-wrap; margin: 0; }
.cjk { font-family: SERIF; }
""".replace("SERIF", CSS_FAMILY)


def col_widths(percents: list[float], total: float | None = None, per_cell: float = 7.2) -> list[float]:
    """Cell widths in points for a table spanning ``total`` (MuPDF ignores percentage widths and <col>)."""
    avail = (CONTENT.width if total is None else total) - per_cell * len(percents)
    scale = avail / sum(percents)
    return [p * scale for p in percents]


def header_row(cols: list[tuple[str, float]], total: float | None = None) -> str:
    """A <th> row whose cells fix the column widths: [(label, percent), …]."""
    ws = col_widths([p for _, p in cols], total)
    return (
        "<tr>"
        + "".join(f"<th style='width:{w:.1f}pt'>{label}</th>" for (label, _), w in zip(cols, ws, strict=True))
        + "</tr>"
    )


def esc(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


_LONG_RUN = re.compile(r"[0-9A-Za-z_\-./@]{16,}")


def esc_breakable(text: object) -> str:
    """``esc`` for a narrow table cell: a long run without break opportunities (a 28-digit transaction
    number, a URL) gets a zero-width break every 8 characters, so it wraps inside its column instead of
    pushing the table past the page's edge."""

    def cut(m: re.Match[str]) -> str:
        run = m.group(0)
        return "\u200b".join(run[i : i + 8] for i in range(0, len(run), 8))

    return esc(_LONG_RUN.sub(cut, "" if text is None else str(text)))


def esc_mono(text: object) -> str:
    """``esc`` for text set in a monospace class: its Chinese runs go in the serif CJK font (MuPDF would
    otherwise fall back to its own sans font for them)."""
    return _NON_ASCII.sub(lambda m: f"<span class='cjk'>{m.group(0)}</span>", esc(text))


def cjk_font(bold: bool = False) -> pymupdf.Font:
    """The binder's face (``fonts.current``); text drawn with it goes through ``fonts.current().note``."""
    current = fonts.current()
    return current.bold if bold else current.regular


def new_story(body: str, css: str = CSS) -> pymupdf.Story:
    """A Story whose CSS may name the serif font (``CSS_FAMILY``) for any weight."""
    current = fonts.current()
    current.note(body)
    return pymupdf.Story(body, user_css=font_face_css() + css, archive=current.archive)


@dataclass
class PageTag:
    """What the footer of one page says."""

    kind: str  # front | exhibit | appendix
    section: str = ""  # 封面 / 证据目录 / 附录… for non-exhibit pages
    exhibit: int | None = None
    file_label: str = ""  # 证据3-2 · originals/证据03_…_2.png
    sha256: str = ""
    captured: str = ""
    landscape: bool = False  # a portrait sheet turned a quarter: content and footer drawn landscape


class PageFlow:
    """Appends pages to the binder and keeps a cursor (page, y) for renderers to write at.

    Short text and lines are collected per page and written in one go when the page is left (one
    TextWriter per colour, one Shape), which keeps a 300-exhibit binder fast.
    """

    SPILL_PAGES = 48  # pages kept in memory before they are appended to the work file

    def __init__(
        self, doc: pymupdf.Document, cancel: Callable[[], bool] | None = None, spill: Path | None = None
    ) -> None:
        self.doc = doc
        self.spill_path = spill
        self.spilled = False
        self._since_spill = 0
        self.tags: list[PageTag] = []
        self.y = CONTENT.y1  # "page full": the first write opens a page
        self.cancel = cancel or (lambda: False)
        self._tag = PageTag("exhibit")
        self._page: pymupdf.Page | None = None
        self._writers: dict[RGB, pymupdf.TextWriter] = {}
        self._lines: list[tuple] = []
        # the short heading of the pages an exhibit continues on (证据N（续）); None on its first page
        self.continued: str | None = None
        self._heading: str | None = None  # the heading of the current page, drawn when it is left
        self._fonts: dict[tuple[str, str, str, str], int] = {}  # one copy of each embedded font file

    # ------------------------------------------------------------------ pages
    @property
    def pno(self) -> int:
        return self.doc.page_count - 1

    def page(self) -> pymupdf.Page:
        """The current page (a fresh object after each new page: old ones go stale)."""
        if self._page is None:
            self._page = self.doc[self.pno]
        return self._page

    def set_tag(self, tag: PageTag) -> None:
        """The tag for pages opened from now on (and for the current page, when it carries no file yet)."""
        self._tag = tag
        if self.tags and not self.tags[-1].sha256 and tag.exhibit == self.tags[-1].exhibit:
            self.tags[-1] = tag

    def new_page(self) -> int:
        """Open a page; when an exhibit continues, its short heading goes at the top."""
        if self.cancel():
            raise Cancelled()
        self.flush()
        self._since_spill += 1
        if self.spill_path is not None and self._since_spill > self.SPILL_PAGES:
            self.spill()
        self.doc.new_page(width=PAGE.width, height=PAGE.height)
        self._page = None
        self.tags.append(self._tag)
        self._heading = self.continued
        self.y = self.body_top()
        return self.pno

    def body_top(self) -> float:
        """Where content starts on a page opened now (under the continuation heading, if any)."""
        return CONTENT.y0 + (CONT_H if self.continued else 0)

    def page_room(self) -> float:
        """The height a page opened now has for content."""
        return CONTENT.y1 - self.body_top()

    def _draw_heading(self) -> None:
        # drawn when the page is left: a page turned landscape afterwards (bill sheets) carries its own
        text, self._heading = self._heading, None
        if text and self.tags and not self.tags[-1].landscape:
            self.put(CONTENT.x0, CONTENT.y0 + 8, text, 9, GREY)
            self.line((CONTENT.x0, CONTENT.y0 + 11), (CONTENT.x1, CONTENT.y0 + 11), GREY, 0.4)

    def flush(self) -> None:
        """Write the text and lines collected for the current page."""
        self._draw_heading()
        if not self._writers and not self._lines:
            return
        page = self.page()
        if self._lines:
            shape = page.new_shape()
            for kind, a, b, color, width, fill in self._lines:
                if kind == "line":
                    shape.draw_line(a, b)
                else:
                    shape.draw_rect(pymupdf.Rect(a, b))
                shape.finish(color=color, width=width, fill=fill)
            shape.commit()
        for color, tw in self._writers.items():
            tw.write_text(page, color=color)
        self._writers, self._lines = {}, []

    def spill(self) -> None:
        """Append the pages so far to the work file and reopen it, so image data does not pile up in memory.

        The first spill writes the file, later ones append (incremental save); the reopened document
        reads objects from disk on demand.
        """
        self.flush()
        if self.spill_path is None:
            return
        if self.spilled:
            self.doc.saveIncr()
        else:
            self.doc.save(str(self.spill_path))
            self.spilled = True
        self.doc.close()
        self.doc = pymupdf.open(str(self.spill_path))
        self._page = None
        self._since_spill = 0

    def space_left(self) -> float:
        return CONTENT.y1 - self.y

    def free_rect(self) -> pymupdf.Rect:
        return pymupdf.Rect(CONTENT.x0, self.y, CONTENT.x1, CONTENT.y1)

    def ensure(self, height: float) -> None:
        if not self.tags or self.space_left() < height:
            self.new_page()

    # ------------------------------------------------------------------ drawing on the current page
    def put(self, x: float, y: float, text: str, size: float, color: RGB = BLACK, bold: bool = False) -> None:
        """Text at a baseline position on the current page (batched)."""
        tw = self._writers.get(color)
        if tw is None:
            tw = self._writers[color] = pymupdf.TextWriter(PAGE)
        fonts.current().note(text)
        tw.append((x, y), text, font=cjk_font(bold), fontsize=size)

    def line(self, a: Point, b: Point, color: RGB = BLACK, width: float = 0.6) -> None:
        self._lines.append(("line", a, b, color, width, None))

    def box(
        self,
        rect: pymupdf.Rect | tuple[float, float, float, float],
        color: RGB | None = None,
        width: float = 0.6,
        fill: RGB | None = None,
    ) -> None:
        r = pymupdf.Rect(rect)
        self._lines.append(("rect", r.tl, r.br, color, width, fill))

    # ------------------------------------------------------------------ short text
    def text(
        self,
        text: str,
        size: float = 9,
        color: RGB = BLACK,
        indent: float = 0,
        gap: float = 0.35,
        width: float | None = None,
        bold: bool = False,
    ) -> None:
        """Write wrapped text at the cursor, continuing on new pages as needed."""
        avail = (width or CONTENT.width) - indent
        lead = size * (1 + gap)
        for line in wrap(text, avail, size):
            self.ensure(lead)
            if line:
                self.put(CONTENT.x0 + indent, self.y + size, line, size, color, bold)
            self.y += lead

    def rule(self, gap: float = 4, width: float = 0.6) -> None:
        self.ensure(gap * 2)
        self.y += gap
        self.line((CONTENT.x0, self.y), (CONTENT.x1, self.y), BLACK, width)
        self.y += gap

    def skip(self, h: float) -> None:
        self.y += h

    # ------------------------------------------------------------------ flowing HTML
    def html(self, body: str, css: str = CSS, min_first: float = 80) -> None:
        """Lay a Story across the binder's pages, starting under the cursor when there is room."""
        use_current = bool(self.tags) and self.space_left() >= min_first
        room = pymupdf.Rect(CONTENT.x0, self.body_top(), CONTENT.x1, CONTENT.y1)
        first = self.free_rect() if use_current else room
        story = new_story(body, css)
        buf = io.BytesIO()
        writer = pymupdf.DocumentWriter(buf)
        fills: list[pymupdf.Rect] = []
        more = 1
        while more:
            dev = writer.begin_page(PAGE)
            more, filled = story.place(first if not fills else room)
            story.draw(dev)
            writer.end_page()
            fills.append(pymupdf.Rect(filled))
            if len(fills) > 5000:  # a story that never ends would fill the disk
                break
        writer.close()
        src = pymupdf.open("pdf", buf.getvalue())
        start = self.doc.xref_length()
        for i in range(src.page_count):
            if i > 0 or not use_current:
                self.new_page()
            self.page().show_pdf_page(PAGE, src, i)
        self.y = max(fills[-1].y1, self.body_top()) + 4
        src.close()
        self.share_fonts(start)

    def share_fonts(self, start: int) -> None:
        """Point the font descriptors added since xref ``start`` at the binder's first copy of the same
        font file, and empty the duplicate.

        Every Story page set comes with the whole serif font embedded (MuPDF subsets only when the
        binder is saved): without this, each transcript or table would keep another 12 MB in memory and
        in the work file.
        """
        doc = self.doc
        for x in range(start, doc.xref_length()):
            if doc.xref_get_key(x, "Type")[1] != "/FontDescriptor":
                continue
            name = doc.xref_get_key(x, "FontName")[1]
            for key in ("FontFile2", "FontFile3", "FontFile"):
                kind, value = doc.xref_get_key(x, key)
                if kind != "xref":
                    continue
                ff = int(value.split()[0])
                # the same font: same name, same length packed and unpacked (checking the bytes too
                # would read 12 MB twice per story)
                sig = (name, key, doc.xref_get_key(ff, "Length")[1], doc.xref_get_key(ff, "Length1")[1])
                keep = self._fonts.setdefault(sig, ff)
                if keep != ff:
                    doc.xref_set_key(x, key, f"{keep} 0 R")
                    doc.update_stream(ff, b" ", compress=0)  # unreferenced now: dropped when saved


def short(sha: str) -> str:
    return sha[:16]
