"""The binder is set in the serif font cut to its own characters: rare Ext-A name characters are drawn
with glyphs embedded in the PDF, and a character the cut lacks makes the binder be set again with it."""

from __future__ import annotations

import io

import pymupdf
import pytest
from fontTools.ttLib import TTFont

from kami_desktop.core.dossier import fonts
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Party
from kami_desktop.core.util.cjkfont import is_bundled, serif_chars

from .cases import make_case, options

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
RARE = "䶮"  # U+4DAE, CJK Ext-A: a character of personal names the old fallback font lacked


def _embedded_glyph_drawn(doc: pymupdf.Document, pno: int, ch: str) -> bool:
    """Every time the character is shown on the page, it is in the serif font with a glyph id whose
    outline the embedded font file holds (not the empty box of a missing glyph)."""
    page = doc[pno]
    gids = {(span["font"], c[1]) for span in page.get_texttrace() for c in span["chars"] if c[0] == ord(ch)}
    assert gids, f"{ch} not on page {pno + 1}"
    assert all(font.startswith("Noto Serif CJK SC") for font, _ in gids), gids
    files = [
        TTFont(io.BytesIO(doc.extract_font(xref)[3]))
        for xref, _ext, _type, name, *_ in page.get_fonts()
        if name.split("+", 1)[-1].startswith("Noto Serif CJK SC Regular")
    ]
    assert files, "the serif font is not embedded"
    for _, gid in gids:
        if gid == 0:
            return False  # .notdef
        for tt in files:
            order = tt.getGlyphOrder()
            if gid < len(order) and tt["glyf"][order[gid]].numberOfContours > 0:
                break
        else:
            return False
    return True


@pytest.mark.skipif(not is_bundled(), reason="needs make fonts")
def test_rare_name_character_is_drawn_with_an_embedded_glyph(tmp_path):
    assert RARE in serif_chars()
    with Profile.open(tmp_path / "profile") as prof:
        case = make_case(prof, tmp_path / "src", title="充值扣款纠纷", keys=["chat_png", "note"])
        with prof.session() as s:
            s.add(
                Party(case_id=case.case_id, role="operator", name=f"{RARE}星网络有限公司", is_defendant=True)
            )
        result = build_dossier(prof, case.case_id, options(tmp_path / "out", submitter=f"原告 张{RARE}"))
    doc = pymupdf.open(result.pdf)
    pages = [i for i, p in enumerate(doc) if f"张{RARE}" in p.get_text()]
    assert pages  # the cover and the index name the submitter
    assert all(_embedded_glyph_drawn(doc, pno, RARE) for pno in pages)
    # the whole font (12.5 MB) is never carried: every embedded copy is a cut
    sizes = [
        len(doc.extract_font(x)[3])
        for x in range(1, doc.xref_length())
        if doc.xref_get_key(x, "Length1")[0] != "null"
    ]
    assert sizes and max(sizes) < 2_000_000, sizes


def test_a_character_the_cut_lacks_is_noted():
    cut = fonts.cut_fonts(set("证据"))
    cut.note(f"证据{RARE}\U0001f600")
    if is_bundled():
        assert cut.missing == {RARE}  # the emoji is in neither font: nothing to add
    with fonts.using(cut):
        assert fonts.current() is cut
    assert fonts.current() is fonts.whole_fonts()


def test_binder_set_again_when_the_text_brings_a_character_the_cut_lacks(tmp_path, monkeypatch):
    """A character that reaches a page without being foreseen is not drawn as a blank box: the binder
    is set again in a cut that has it."""
    monkeypatch.setattr("kami_desktop.core.dossier.binder.binder_chars", lambda *a: set("证据"))
    with Profile.open(tmp_path / "profile") as prof:
        case = make_case(prof, tmp_path / "src", title=f"张{RARE}充值纠纷", keys=["chat_png"])
        result = build_dossier(prof, case.case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    pno = next(i for i, p in enumerate(doc) if f"张{RARE}" in p.get_text())
    if is_bundled():
        assert _embedded_glyph_drawn(doc, pno, RARE)
