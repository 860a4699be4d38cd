"""Fonts a court and a Windows PC expect: the PDFs embed Noto Serif CJK SC (with CJK Ext-A, so rare name
characters get a glyph), DOCX files name 宋体/黑体, and no line starts with closing punctuation or ends
with an opening bracket — in the documents and in the binder's own line breaker."""

from __future__ import annotations

import random

import pymupdf
import pytest
from sqlalchemy import select

from kami_desktop.core.documents import generate
from kami_desktop.core.dossier.linebreak import NO_LINE_END, NO_LINE_START, text_width, wrap
from kami_desktop.core.store.model import Party
from kami_desktop.core.util.cjkfont import SERIF_FAMILY, serif_font, serif_path
from tests.core.documents.conftest import docx_members

RARE = "䶮㐀"  # U+4DAE (as in the name 刘䶮), U+3400: CJK Ext-A
NO_START = "，。、；：？！）」』》"
NO_END = "（「『《"


def test_the_bundled_font_is_built_and_covers_ext_a():
    assert serif_path() is not None and serif_path("Bold") is not None  # make fonts / packaging/build.sh
    font = serif_font()
    assert font.name.startswith(SERIF_FAMILY)
    assert all(font.has_glyph(ord(c)) for c in RARE + "堃喆镕昇￥，。“”（）")


def _rare_name(profile, case_id: int) -> None:
    with profile.session() as s:
        me = s.scalars(select(Party).where(Party.case_id == case_id, Party.role == "self")).one()
        me.name = "刘䶮㐀"


def _lines(page: pymupdf.Page) -> list[str]:
    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if text:
                out.append(text)
    return out


@pytest.mark.parametrize("kind", ["lawsuit", "evidence-list"])
def test_pdfs_embed_the_serif_cjk_font_and_draw_rare_characters(profile, made, tmp_path, kind):
    _rare_name(profile, made.case_id)
    doc = generate(profile, made.case_id, kind, tmp_path, "pdf", {"date": "2025-11-20"})
    pdf = pymupdf.open(doc.paths[0])
    fonts = {f[3] for page in pdf for f in page.get_fonts()}
    assert fonts and all(SERIF_FAMILY in name for name in fonts), fonts  # regular and bold, nothing else
    assert all("+" in name for name in fonts)  # embedded as subsets
    if kind == "lawsuit":
        glyphs = {
            chr(ch[0]): ch[1]
            for page in pdf
            for trace in page.get_texttrace()
            for ch in trace["chars"]
            if chr(ch[0]) in RARE
        }
        assert set(glyphs) == set(RARE) and all(g != 0 for g in glyphs.values())  # a glyph, not .notdef
        page = next(p for p in pdf if "刘䶮㐀" in p.get_text())
        pix = page.get_pixmap(dpi=100, clip=page.search_for("刘䶮㐀")[0])
        assert len({pix.pixel(x, y) for x in range(pix.width) for y in range(pix.height)}) > 2  # drawn


@pytest.mark.parametrize("kind", ["lawsuit", "evidence-list", "demand"])
def test_no_line_starts_with_closing_punctuation_in_the_pdfs(profile, made, tmp_path, kind):
    doc = generate(profile, made.case_id, kind, tmp_path, "pdf", {"date": "2025-11-20"})
    pdf = pymupdf.open(doc.paths[0])
    lines = [line for page in pdf for line in _lines(page)]
    assert len(lines) > 20
    assert not [t for t in lines if t[0] in NO_START], kind
    assert not [t for t in lines if t[-1] in NO_END], kind


def test_docx_names_songti_and_heiti_and_embeds_ext_a(profile, made, tmp_path):
    from io import BytesIO

    from fontTools.ttLib import TTFont

    from kami_desktop.core.documents.font_embed import extract_embedded_font

    _rare_name(profile, made.case_id)
    doc = generate(profile, made.case_id, "lawsuit", tmp_path, "docx", {"date": "2025-11-20"})
    members = docx_members(doc.paths[0])
    xml = members["word/document.xml"].decode()
    assert 'w:eastAsia="宋体"' in xml and 'w:eastAsia="黑体"' in xml and "Droid" not in xml
    cmap = TTFont(BytesIO(extract_embedded_font(members))).getBestCmap()
    assert all(ord(c) in cmap for c in RARE)


def test_the_binder_line_breaker_keeps_punctuation_with_its_word():
    rnd = random.Random(7)
    han = "原告被告平台充值余额扣除客服退款证据事实理由请求判令返还利息"
    for _ in range(300):
        text = rnd.choice(han) + "".join(
            rnd.choice(NO_START) if r < 0.15 else rnd.choice(NO_END) if r < 0.22 else rnd.choice(han)
            for r in (rnd.random() for _ in range(rnd.randint(10, 120)))
        )
        width = rnd.uniform(60, 300)
        lines = wrap(text, width, 9)
        assert "".join(lines) == text  # nothing lost, nothing added
        assert not [t for t in lines[1:] if t[:1] in NO_LINE_START], (text, lines)
        assert not [t for t in lines[:-1] if t[-1:] in NO_LINE_END], (text, lines)
        assert all(text_width(t, 9) <= width + 9 * 2 for t in lines)  # within a character or two
