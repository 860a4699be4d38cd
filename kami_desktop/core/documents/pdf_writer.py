"""Render a :class:`~.layout.Doc` as an A4 PDF with PyMuPDF's Story (HTML/CSS layout).

All text is set in the bundled Noto Serif CJK SC (regular and bold, with CJK Ext-A for rare name
characters; see ``core.util.cjkfont``), embedded and subset by ``doc.subset_fonts()`` (never the
unembedded ``china-s`` font, which poppler cannot extract). Story breaks lines by UAX #14, which keeps
the 避头尾 rules: no line starts with ，。、；：？！）」』》 and none ends with （「『《 (a test holds it to
that). Page numbers are added as a footer; metadata dates come from the document's stamp and the file
is saved without a random ID, so output is reproducible.
"""

from __future__ import annotations

import html
import io
from datetime import datetime

from kami_desktop.core.documents.docx_writer import MARGINS, TEXT_W
from kami_desktop.core.documents.layout import Doc, Heading, PageBreak, Para, Table, Title, split_placeholders
from kami_desktop.core.util.cjkfont import CSS_FAMILY, font_archive, font_face_css
from kami_desktop.core.util.timeutil import CHINA_TZ

MM = 72 / 25.4
FONT = CSS_FAMILY
BLANK_STYLE = "background-color:#fff0a0"


def _inline(text: str) -> str:
    out = []
    for seg, is_blank in split_placeholders(text):
        esc = html.escape(seg).replace("\n", "<br/>")
        out.append(f'<span style="{BLANK_STYLE}">{esc}</span>' if is_blank else esc)
    return "".join(out)


def _parts(b: Para) -> str:
    return "".join(f"<b>{_inline(t)}</b>" if bold else _inline(t) for t, bold in b.parts)


def _table(b: Table, body: float) -> str:
    size = b.size or max(body - 1.5, 9)
    total = sum(b.widths)
    # MuPDF's table layout honours absolute widths on every cell (percentages are only hints)
    usable = TEXT_W * MM - len(b.widths) * 10 - 6
    widths = [usable * w / total for w in b.widths]
    rows = []
    for r, values in enumerate(b.rows):
        cells = []
        for c, value in enumerate(values):
            header = r < b.header_rows
            tag = "th" if header else "td"
            style = "border:0.6pt solid #000;padding:2pt 3pt;vertical-align:top;"
            style += "text-align:center;" if header or c in b.center_columns else "text-align:left;"
            if c in b.label_columns and not header:
                style += "font-weight:bold;"
            style += f"width:{widths[c]:.1f}pt;"
            cells.append(f'<{tag} style="{style}">{_inline(value)}</{tag}>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table style="width:100%;border-collapse:collapse;border-spacing:0;font-size:{size}pt;'
        f'line-height:1.3;margin-bottom:6pt">' + "".join(rows) + "</table>"
    )


KEEP_OPEN = '<table style="width:100%;border-collapse:collapse"><tr><td style="padding:0;border:none">'


def to_html(doc: Doc) -> str:
    parts: list[str] = []
    kept: list[str] = []  # paragraphs kept with the next one (signature blocks)
    pending_break = False
    for b in doc.blocks:
        brk = ' style="page-break-before:always"' if pending_break else ""
        brk_style = "page-break-before:always;" if pending_break else ""
        pending_break = False
        if isinstance(b, PageBreak):
            pending_break = True
            continue
        if isinstance(b, Title):
            parts.append(
                f'<h1 style="{brk_style}text-align:center;font-size:20pt;margin:0 0 6pt 0">'
                f"{_inline(b.text)}</h1>"
            )
            if b.subtitle:
                parts.append(
                    f'<p style="text-align:center;font-size:11pt;margin:0 0 10pt 0">{_inline(b.subtitle)}</p>'
                )
        elif isinstance(b, Heading):
            parts.append(f'<p style="{brk_style}font-weight:bold;margin:6pt 0 0 0">{_inline(b.text)}</p>')
        elif isinstance(b, Para):
            # MuPDF justifies by widening spaces only: a line holding "2025年3月1日 10:05" would gape,
            # so such paragraphs are set flush left (CJK lines without spaces fill the measure anyway)
            align = "left" if b.align == "justify" and " " in b.text else b.align
            style = f"{brk_style}text-align:{align};margin:{b.space_before}pt 0 0 0;"
            if b.indent:
                style += "text-indent:2em;"
            if b.size:
                style += f"font-size:{b.size}pt;"
            parts.append(f'<p style="{style}">{_parts(b)}</p>')
            if b.keep or kept:  # a keep chain and the paragraph after it: one table row never splits
                kept.append(parts.pop())
                if not b.keep:
                    parts.append(KEEP_OPEN + "".join(kept) + "</td></tr></table>")
                    kept = []
        elif isinstance(b, Table):
            if brk:
                parts.append(f"<div{brk}></div>")
            parts.append(_table(b, doc.body_size))
    return "\n".join(parts + kept)


def _css(doc: Doc) -> str:
    return font_face_css() + (
        f"* {{font-family:{FONT};}} body {{font-size:{doc.body_size}pt;line-height:1.6;}} "
        "p {margin:0;} b {font-weight:bold;}"
    )


def _pdf_date(stamp: datetime) -> str:
    local = stamp.astimezone(CHINA_TZ)
    return local.strftime("D:%Y%m%d%H%M%S+08'00'")


def render_pdf(doc: Doc, stamp: datetime) -> bytes:
    import pymupdf

    page_rect = pymupdf.paper_rect("a4")
    where = page_rect + (
        MARGINS["left"] * MM,
        MARGINS["top"] * MM,
        -MARGINS["right"] * MM,
        -MARGINS["bottom"] * MM,
    )
    buf = io.BytesIO()
    story = pymupdf.Story(to_html(doc), user_css=_css(doc), archive=font_archive())
    writer = pymupdf.DocumentWriter(buf)
    more = True
    while more:
        device = writer.begin_page(page_rect)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
    writer.close()

    pdf = pymupdf.open("pdf", buf.getvalue())
    if doc.footer:
        n = pdf.page_count
        for i in range(n):
            page = pdf[i]
            box = pymupdf.Rect(0, page_rect.height - 18 * MM, page_rect.width, page_rect.height - 8 * MM)
            page.insert_htmlbox(
                box,
                f'<p style="text-align:center;font-size:9pt;font-family:{FONT}">第 {i + 1} 页，共 {n} 页</p>',
                css=font_face_css(),
                archive=font_archive(),
            )
    pdf.subset_fonts()
    date = _pdf_date(stamp)
    pdf.set_metadata(
        {
            "title": doc.title,
            "subject": doc.subject,
            "author": doc.author,
            "keywords": doc.keywords,
            "creator": "kami_desktop",
            "producer": "kami_desktop (PyMuPDF)",
            "creationDate": date,
            "modDate": date,
        }
    )
    data = pdf.tobytes(garbage=4, deflate=True, no_new_id=True)
    pdf.close()
    return data
