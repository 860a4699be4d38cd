"""The serif CJK font every PDF and DOCX the app writes is set in.

Noto Serif CJK SC (SIL OFL 1.1), cut at build time by ``packaging/subset_cjk_font.py`` (``make fonts``)
to ASCII, punctuation, every CJK Unified Ideograph and CJK Ext-A (rare characters in personal names),
with TrueType outlines so that MuPDF subsets it per PDF and Word can embed it in a DOCX. It ships in
the package's resources; it is never downloaded at run time.

A source checkout where the font was not built falls back to PyMuPDF's built-in Droid Sans Fallback
(no Ext-A glyphs) and logs a warning once.

``serif_subset`` cuts the font further, to the characters one document uses (fontTools, glyph metrics
unchanged): a document that embeds the font in many places (the binder: every table and transcript is
laid out on its own) then carries a few hundred kilobytes each time instead of 12.5 MB.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kami_desktop.resources import resource_path

if TYPE_CHECKING:
    import pymupdf

log = logging.getLogger(__name__)

SERIF_FILES = {
    "Regular": "NotoSerifCJKsc-Regular-subset.ttf",
    "Bold": "NotoSerifCJKsc-Bold-subset.ttf",  # titles, headings, labels
}
SERIF_FAMILY = "Noto Serif CJK SC"
CSS_FAMILY = "kami-serif"  # the family name the HTML/CSS of the PDFs uses for it


def serif_path(weight: str = "Regular") -> Path | None:
    path = resource_path("fonts", SERIF_FILES[weight])
    return path if path.is_file() else None


@functools.lru_cache(maxsize=2)
def _warn_missing(name: str) -> None:
    log.warning("未找到 %s（请运行 make fonts）：暂用内置无衬线字体，生僻字可能无法显示", name)


@functools.lru_cache(maxsize=2)
def serif_bytes(weight: str = "Regular") -> bytes:
    """The font file's bytes (TrueType); a missing bold uses the regular, a missing regular the built-in."""
    path = serif_path(weight)
    if path is not None:
        return path.read_bytes()
    _warn_missing(SERIF_FILES[weight])
    if weight != "Regular":
        return serif_bytes("Regular")
    import pymupdf

    return bytes(pymupdf.Font("cjk").buffer)


@functools.lru_cache(maxsize=2)
def serif_font(weight: str = "Regular") -> pymupdf.Font:
    import pymupdf

    return pymupdf.Font(fontbuffer=serif_bytes(weight))


def is_bundled() -> bool:
    """Whether the built serif font is there (not the built-in fallback)."""
    return serif_path("Regular") is not None


def serif_chars(weight: str = "Regular") -> frozenset[str]:
    """Every character the font has a glyph for."""
    return _serif_chars(weight)


@functools.lru_cache(maxsize=2)
def _serif_chars(weight: str) -> frozenset[str]:
    return frozenset(chr(c) for c in serif_font(weight).valid_codepoints() if c)


# Always in a cut: typing dates, amounts and numbers keeps working, and the notdef glyph is real.
SUBSET_ALWAYS = (
    "".join(chr(c) for c in range(0x20, 0x7F)) + "　，。、；：？！“”‘’（）【】《》〈〉「」『』—…·￥×–"
)


@functools.lru_cache(maxsize=4)
def serif_subset(weight: str, chars: frozenset[str]) -> bytes:
    """The font cut to ``chars`` (plus ``SUBSET_ALWAYS``): same glyphs, advances and names, so text set in
    it looks exactly as in the whole font."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(serif_bytes(weight)), recalcTimestamp=False, recalcBBoxes=False)
    if "post" in font and font["post"].formatType == 3.0:  # no glyph names: number them, the cheap way
        font.setGlyphOrder([".notdef"] + [f"g{i}" for i in range(1, font["maxp"].numGlyphs)])
    opts = subset.Options()
    opts.layout_features = []  # the built font has no GSUB/GPOS: nothing to close over
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = True  # the built font has no hints: keeping them leaves each glyph's bytes untouched
    opts.prune_unicode_ranges = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted({ord(c) for c in chars} | {ord(c) for c in SUBSET_ALWAYS}))
    sub.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def subset_font(weight: str, chars: Iterable[str]) -> pymupdf.Font:
    import pymupdf

    return pymupdf.Font(fontbuffer=serif_subset(weight, frozenset(chars)))


@functools.lru_cache(maxsize=1)
def font_archive() -> pymupdf.Archive:
    """An archive holding both faces under their file names, for HTML laid out with ``pymupdf.Story``."""
    import pymupdf

    arch = pymupdf.Archive()
    for weight, name in SERIF_FILES.items():
        arch.add((serif_bytes(weight), name))
    return arch


def font_face_css() -> str:
    """The ``@font-face`` rules naming the faces ``CSS_FAMILY`` (normal and bold weight)."""
    return "".join(
        f"@font-face {{ font-family: {CSS_FAMILY}; src: url({name}); font-weight: {weight.lower()}; }}\n"
        for weight, name in SERIF_FILES.items()
    ).replace("font-weight: regular", "font-weight: normal")
