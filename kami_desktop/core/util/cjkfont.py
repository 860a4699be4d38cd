"""The serif CJK font every PDF and DOCX the app writes is set in.

Noto Serif CJK SC (SIL OFL 1.1), cut at build time by ``packaging/subset_cjk_font.py`` (``make fonts``)
to ASCII, punctuation, every CJK Unified Ideograph and CJK Ext-A (rare characters in personal names),
with TrueType outlines so that MuPDF subsets it per PDF and Word can embed it in a DOCX. It ships in
the package's resources; it is never downloaded at run time.

A source checkout where the font was not built falls back to PyMuPDF's built-in Droid Sans Fallback
(no Ext-A glyphs) and logs a warning once.
"""

from __future__ import annotations

import functools
import logging
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
