"""Render a :class:`~.layout.Doc` as an editable Word file (python-docx), A4, with an embedded CJK font.

Every run names 宋体 (bold runs: 黑体) as its East Asian font (``w:eastAsia``), the fonts a court's or a
user's Chinese Windows PC and WPS have, and the embedded Noto Serif CJK SC subset for Latin text
(``w:ascii``, ``w:hAnsi``, ``w:cs``); the subset also stands in for 宋体/黑体 on machines without them.
Blanks (【待填写：…】) are highlighted yellow. The package is written with fixed timestamps and fixed
core properties, so the same case gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from kami_desktop.core.documents.font_embed import BODY_EA, FONT_NAME, HEADING_EA, embed_font, subset_font
from kami_desktop.core.documents.layout import Doc, Heading, PageBreak, Para, Table, Title, split_placeholders

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Row
    from docx.text.paragraph import Paragraph
    from lxml.etree import _Element

PAGE_W, PAGE_H = 210, 297
MARGINS = {"top": 25, "bottom": 25, "left": 28, "right": 22}  # mm; wider left margin for binding
TEXT_W = PAGE_W - MARGINS["left"] - MARGINS["right"]
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
FOOTER_TEXT = ("第 ", " 页，共 ", " 页")
APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>kami_desktop</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _is_bold(rpr: _Element) -> bool:
    b = rpr.find(qn("w:b"))
    return b is not None and b.get(qn("w:val"), "true") not in ("0", "false", "off")


def _set_fonts(rpr: _Element) -> None:
    """宋体 for East Asian text (黑体 when the run is bold), the embedded font for the rest."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT_NAME)
    fonts.set(qn("w:eastAsia"), HEADING_EA if _is_bold(rpr) else BODY_EA)
    fonts.set(qn("w:hint"), "eastAsia")


def _setup(document: WordDocument, doc: Doc) -> None:
    sec = document.sections[0]
    sec.page_width, sec.page_height = Mm(PAGE_W), Mm(PAGE_H)
    sec.top_margin, sec.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
    sec.left_margin, sec.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
    sec.footer_distance = Mm(12)

    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default)
    lang = rpr_default.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = (
        styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    )
    if spacing is not None:
        spacing.set(qn("w:after"), "0")

    normal = document.styles["Normal"]
    normal.font.size = Pt(doc.body_size)
    _set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(0)


def _runs(par: Paragraph, text: str, *, bold: bool = False, size: float | None = None) -> None:
    for seg, is_blank in split_placeholders(text):
        lines = seg.split("\n")
        for i, line in enumerate(lines):
            if i:
                par.add_run().add_break(WD_BREAK.LINE)
            if not line:
                continue
            run = par.add_run(line)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
            if is_blank:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            _set_fonts(run._r.get_or_add_rPr())


def _title(document: WordDocument, b: Title) -> None:
    par = document.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.paragraph_format.space_after = Pt(6 if b.subtitle else 12)
    _runs(par, b.text, bold=True, size=18)
    if b.subtitle:
        sub = document.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sub.paragraph_format.space_after = Pt(12)
        _runs(sub, b.subtitle, size=11)


def _heading(document: WordDocument, b: Heading) -> None:
    par = document.add_paragraph()
    par.paragraph_format.space_before = Pt(6)
    par.paragraph_format.keep_with_next = True
    _runs(par, b.text, bold=True)


def _para(document: WordDocument, b: Para, body: float) -> None:
    par = document.add_paragraph()
    par.alignment = ALIGN[b.align]
    if b.indent:
        par.paragraph_format.first_line_indent = Pt((b.size or body) * 2)
    if b.space_before:
        par.paragraph_format.space_before = Pt(b.space_before)
    if b.keep:
        par.paragraph_format.keep_with_next = True
    for text, bold in b.parts:
        _runs(par, text, bold=bold, size=b.size)


def _repeat_header(row: _Row) -> None:
    trpr: _Element = row._tr.get_or_add_trPr()  # as a plain element: it takes any child
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _table(document: WordDocument, b: Table, body: float) -> None:
    size = b.size or max(body - 1.5, 9)
    ncols = len(b.widths)
    table = document.add_table(rows=len(b.rows), cols=ncols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(b.widths)
    widths = [Mm(TEXT_W * wd / total) for wd in b.widths]
    for r, values in enumerate(b.rows):
        row = table.rows[r]
        if r < b.header_rows:
            _repeat_header(row)
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = widths[c]
            par = cell.paragraphs[0]
            par.paragraph_format.line_spacing = 1.15
            header = r < b.header_rows
            if header or c in b.center_columns:
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _runs(par, value, bold=header or c in b.label_columns, size=size)
    for c, col in enumerate(table.columns):
        col.width = widths[c]
    document.add_paragraph().paragraph_format.line_spacing = 1.0


def _field(par: Paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    _set_fonts(rpr)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    p: _Element = par._p
    p.append(fld)


def _footer(document: WordDocument) -> None:
    par = document.sections[0].footer.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(par, FOOTER_TEXT[0], size=9)
    _field(par, "PAGE")
    _runs(par, FOOTER_TEXT[1], size=9)
    _field(par, "NUMPAGES")
    _runs(par, FOOTER_TEXT[2], size=9)


def _core(document: WordDocument, doc: Doc, stamp: datetime) -> None:
    cp = document.core_properties
    cp.title = doc.title
    cp.subject = doc.subject
    cp.author = doc.author
    cp.keywords = doc.keywords
    cp.comments = ""
    cp.category = ""
    cp.last_modified_by = doc.author
    cp.revision = 1
    utc = stamp.astimezone(UTC).replace(tzinfo=None)
    cp.created = utc
    cp.modified = utc


def _package(data: bytes, doc: Doc, stamp: datetime) -> tuple[bytes, list[str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        members = {info.filename: zin.read(info.filename) for info in zin.infolist()}
    members.pop("docProps/thumbnail.jpeg", None)
    rels = members["_rels/.rels"].decode("utf-8")
    members["_rels/.rels"] = _drop_thumbnail_rel(rels).encode("utf-8")
    members["docProps/app.xml"] = APP_XML
    chars = set("".join(doc.texts()) + "".join(FOOTER_TEXT))
    font, lacking = subset_font(chars)
    embed_font(members, font)
    local = stamp.timetuple()[:6]
    date_time = local if local[0] >= 1980 else (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        order = ["[Content_Types].xml"] + [n for n in members if n != "[Content_Types].xml"]
        for name in order:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, members[name])
    return out.getvalue(), lacking


def _drop_thumbnail_rel(rels: str) -> str:
    from lxml import etree

    root = etree.fromstring(rels.encode("utf-8"))
    for rel in list(root):
        if rel.get("Type", "").endswith("/thumbnail"):
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")


def render_docx(doc: Doc, stamp: datetime) -> tuple[bytes, list[str]]:
    """The .docx bytes and the characters the embedded font could not show (normally none)."""
    document = Document()
    _setup(document, doc)
    for b in doc.blocks:
        if isinstance(b, Title):
            _title(document, b)
        elif isinstance(b, Heading):
            _heading(document, b)
        elif isinstance(b, Para):
            _para(document, b, doc.body_size)
        elif isinstance(b, Table):
            _table(document, b, doc.body_size)
        elif isinstance(b, PageBreak):
            document.add_page_break()
    if doc.footer:
        _footer(document)
    for run in document.element.body.iter(qn("w:r")):  # breaks and page breaks too
        _set_fonts(run.get_or_add_rPr())
    _core(document, doc, stamp)
    buf = io.BytesIO()
    document.save(buf)
    return _package(buf.getvalue(), doc, stamp)
