"""Build the serif CJK font the PDFs and DOCX files embed: Noto Serif CJK SC (SIL OFL 1.1), cut down.

Source: Debian's ``fonts-noto-cjk`` (``NotoSerifCJK-Regular.ttc`` and ``-Bold.ttc``, face "Noto Serif
CJK SC"), or a path given with ``--source``. The result is written into the package's resources (git ignores it):
the font is never committed whole and never downloaded at run time.

What it keeps: ASCII and Latin-1, general and CJK punctuation, full-width forms, circled numbers,
every CJK Unified Ideograph (U+4E00–U+9FFF, a superset of GB2312 and GBK's hanzi) and CJK Ext-A
(U+3400–U+4DBF, rare characters in personal names). The CFF outlines are converted to TrueType
quadratic outlines, so that MuPDF's own subsetter cuts each PDF down to the glyphs it uses and Word
can embed the font in a DOCX (Word embeds TrueType only).

Usage: python packaging/subset_cjk_font.py [--weight Regular|Bold] [--source TTC] [--out PATH] [--force]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "kami_desktop" / "resources" / "fonts"
WEIGHTS = ("Regular", "Bold")  # body text; titles, headings and labels
SOURCE_DIRS = [
    Path("/usr/share/fonts/opentype/noto"),  # Debian fonts-noto-cjk
    Path("/usr/share/fonts/noto-cjk"),  # Arch, Fedora
]
FACE = "Noto Serif CJK SC"
FAMILY = FACE  # Noto fonts reserve no font name under the OFL: the subset keeps its recognisable name
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (·, ×, ÷, ¥)
    (0x2010, 0x2027),  # dashes, quotes, ellipsis
    (0x2030, 0x203B),  # ‰ ′ ″ ※
    (0x2103, 0x2103),  # ℃
    (0x2116, 0x2116),  # №
    (0x2160, 0x216B),  # Roman numerals
    (0x2190, 0x2193),  # arrows
    (0x2460, 0x249B),  # ①–⑳ ⑴–⒇ ⒈–⒛
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25CF),  # ■ □ ▲ △ ○ ●
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3200, 0x32FF),  # enclosed CJK (㈠ …)
    (0x3400, 0x4DBF),  # CJK Ext-A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF5E),  # full-width ASCII
    (0xFFE0, 0xFFE6),  # ￠ ￡ ￥
]


# where two code points share a glyph, the one text really uses: – (not figure dash ‒), ～ (not 〜)
PREFERRED = frozenset({0x2013, 0xFF5E, 0xFF40, 0x2022})


def wanted() -> list[int]:
    return sorted({c for a, b in RANGES for c in range(a, b + 1)})


LICENSE_SOURCES = [Path("/usr/share/doc/fonts-noto-cjk/copyright")]  # holds the SIL OFL 1.1 text
LICENSE_OUT = OUT_DIR / "NotoSerifCJK-LICENSE.txt"  # the OFL asks that the licence go with the font


def copy_license() -> None:
    src = next((p for p in LICENSE_SOURCES if p.exists()), None)
    if src is not None and not LICENSE_OUT.exists():
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        LICENSE_OUT.write_text(
            "Noto Serif CJK SC, cut to a subset by kami_desktop (packaging/subset_cjk_font.py).\n"
            "SIL Open Font License 1.1; copyright notices as shipped by Debian:\n\n"
            + src.read_text(encoding="utf-8"),
            encoding="utf-8",
        )


def out_path(weight: str) -> Path:
    return OUT_DIR / f"NotoSerifCJKsc-{weight}-subset.ttf"


def find_source(weight: str) -> Path | None:
    return next(
        (
            d / f"NotoSerifCJK-{weight}.ttc"
            for d in SOURCE_DIRS
            if (d / f"NotoSerifCJK-{weight}.ttc").exists()
        ),
        None,
    )


def _open_face(source: Path):
    from fontTools.ttLib import TTCollection, TTFont

    if source.suffix.lower() in (".ttc", ".otc"):
        for font in TTCollection(str(source), lazy=True).fonts:
            if font["name"].getDebugName(1) == FACE:
                return font
        raise SystemExit(f"{source}: no face named {FACE!r}")
    return TTFont(str(source), lazy=True)


def _to_truetype(font) -> None:
    """Replace the CFF outlines with quadratic TrueType ones (fontTools' otf2ttf recipe)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(glyph_order)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: CJK fonts do not need them
    post.extraNames, post.mapping = [], {}
    post.glyphOrder = None
    font["head"].indexToLocFormat = 1
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _one_code_per_glyph(font) -> None:
    """Map each glyph from one code point only (the lowest): a PDF's ToUnicode map is built from the
    font's cmap backwards, and a space shared with U+00A0 or a hyphen shared with U+2011 would come
    out of text extraction as those look-alikes. ``PREFERRED`` wins over the lower code point."""
    for table in font["cmap"].tables:
        if not table.isUnicode():
            continue
        first: dict[str, int] = {}
        for code in sorted(table.cmap, key=lambda c: (c not in PREFERRED, c)):
            first.setdefault(table.cmap[code], code)
        table.cmap = {code: glyph for code, glyph in table.cmap.items() if first[glyph] == code}


def _rename(font, weight: str = "Regular") -> None:
    names = font["name"]
    keep = {0, 7, 8, 9, 11, 12, 13, 14}  # copyright, trademark, vendor, designer, URLs, licence
    names.names = [n for n in names.names if n.nameID in keep]
    ps = f"NotoSerifCJKsc-{weight}"
    full = f"{FAMILY} {weight}"
    for nid, value in ((1, FAMILY), (2, weight), (3, f"{ps};kami_desktop subset"), (4, full), (6, ps)):
        names.setName(value, nid, 3, 1, 0x409)
        names.setName(value, nid, 1, 0, 0)
    font["OS/2"].fsType = 0  # installable embedding, as the OFL allows


def build(source: Path, out: Path, weight: str = "Regular") -> Path:
    from fontTools import subset

    t0 = time.monotonic()
    font = _open_face(source)
    opts = subset.Options()
    opts.layout_features = []  # horizontal text only: no alternates (locl, vert) come along
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    opts.drop_tables += ["VORG", "vhea", "vmtx", "GSUB", "GPOS"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=wanted())
    sub.subset(font)
    _to_truetype(font)
    _one_code_per_glyph(font)
    _rename(font, weight)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".{os.getpid()}.tmp")  # parallel builds (test workers) do not clash
    font.save(str(tmp))
    tmp.replace(out)
    print(
        f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
        f"{len(font.getGlyphOrder())} glyphs, {out.stat().st_size / 1e6:.1f} MB, {time.monotonic() - t0:.0f} s"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--weight", choices=WEIGHTS, action="append", help="default: all")
    ap.add_argument("--source", type=Path, help="the .ttc/.otf to cut (with a single --weight)")
    ap.add_argument("--out", type=Path, help="where to write (with a single --weight)")
    ap.add_argument("--force", action="store_true", help="rebuild even when the file exists")
    args = ap.parse_args(argv)
    weights = args.weight or list(WEIGHTS)
    for weight in weights:
        out = args.out or out_path(weight)
        if out.exists() and not args.force:
            continue
        source = args.source or find_source(weight)
        if source is None:
            print(
                f"NotoSerifCJK-{weight}.ttc not found: install the Debian package fonts-noto-cjk",
                file=sys.stderr,
            )
            return 1
        build(source, out, weight)
    copy_license()
    return 0


if __name__ == "__main__":
    sys.exit(main())
