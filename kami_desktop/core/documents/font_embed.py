"""Name the fonts a Chinese Windows PC has, and embed a subset CJK TrueType font for other machines
(ECMA-376 Part 1 §17.8.1, "obfuscated" fonts).

Runs name 宋体 (SimSun) for East Asian body text and 黑体 (SimHei) for bold text (titles, headings,
labels): both are on every Chinese Windows and in WPS. Latin text and every machine without those fonts
use the embedded subset of Noto Serif CJK SC (``core.util.cjkfont``, with CJK Ext-A).

python-docx cannot embed fonts, so this edits the package members directly:

* ``word/fonts/font1.odttf`` — the subset font with its first 32 bytes XOR'd with the font key (the
  GUID's 16 bytes in reverse order, used twice);
* ``word/_rels/fontTable.xml.rels`` — a ``font`` relationship from the font table to that part;
* ``word/fontTable.xml`` — a ``w:font`` entry with ``w:embedRegular r:id=… w:fontKey=… w:subsetted``;
* ``word/settings.xml`` — ``w:embedTrueTypeFonts`` and ``w:saveSubsetFonts``;
* ``[Content_Types].xml`` — the ``odttf`` content type.

The embedded font is the bundled Noto Serif CJK SC (TrueType outlines, SIL OFL 1.1, installable
embedding), subset with fontTools to the characters the document uses plus printable ASCII; the font
table also lists 宋体 and 黑体 with their Windows names, character set and PANOSE numbers.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from functools import lru_cache

from lxml import etree

from kami_desktop.core.util.cjkfont import serif_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
ODTTF_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

FONT_NAME = "Noto Serif CJK SC"  # the embedded font: Latin text, and CJK where 宋体/黑体 are missing
FONT_PS_NAME = "NotoSerifCJKsc-Regular"
FONT_ALT_NAMES = "宋体"  # w:altName: where to look if the embedded font cannot be used
BODY_EA = "宋体"  # East Asian body text (w:eastAsia)
HEADING_EA = "黑体"  # East Asian bold text: titles, headings, labels
# w:font entries for the two Windows fonts: (name, altName, PANOSE-1, family, pitch)
WINDOWS_FONTS = (
    (BODY_EA, "SimSun", "02010600030101010101", "auto", "variable"),
    (HEADING_EA, "SimHei", "02010609060101010101", "modern", "fixed"),
)
FONT_PART = "word/fonts/font1.odttf"
FONT_RELS = "word/_rels/fontTable.xml.rels"
FONT_RID = "rIdKamiFont1"

# Characters every embedded subset carries, so that typing dates and amounts still works after editing.
ALWAYS = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "　，。、；：？！“”‘’（）【】《》—…·￥年月日元第页共0123456789"
)


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def cjk_font_bytes() -> bytes:
    return serif_bytes("Regular")


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(io.BytesIO(cjk_font_bytes())).getBestCmap())


def subset_font(chars: set[str] | str) -> tuple[bytes, list[str]]:
    """The CJK font cut down to ``chars`` (+ ASCII); also the characters the font cannot show."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(
        io.BytesIO(cjk_font_bytes()), recalcTimestamp=False
    )  # keep head.modified: same input, same bytes
    cmap = _covered()
    wanted = {c for c in set(chars) | set(ALWAYS) if c.isprintable() or c == "\u3000"}
    lacking = sorted(c for c in wanted if ord(c) not in cmap and not c.isspace())
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.prune_unicode_ranges = (
        False  # keep the original OS/2 script bits: Word uses them for East Asian text
    )
    if hasattr(opts, "prune_codepage_ranges"):
        opts.prune_codepage_ranges = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(ord(c) for c in wanted if ord(c) in cmap))
    sub.subset(font)
    names = font["name"]
    if names.getDebugName(4) is None:
        names.setName(FONT_NAME, 4, 3, 1, 0x409)
    if names.getDebugName(6) is None:
        names.setName(FONT_PS_NAME, 6, 3, 1, 0x409)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue(), lacking


def font_key(font_data: bytes) -> str:
    """A GUID for the obfuscation key, derived from the font bytes (the same font gives the same file)."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(font_data).digest()[:16])).upper() + "}"


def _key_bytes(key: str) -> bytes:
    hexdigits = key.strip("{}").replace("-", "")
    if len(hexdigits) != 32:
        raise ValueError(f"字体密钥应为 GUID：{key!r}")
    return bytes.fromhex(hexdigits)[::-1]


def obfuscate(font_data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the reversed GUID bytes. The same call de-obfuscates."""
    k = _key_bytes(key)
    head = bytes(b ^ k[i % 16] for i, b in enumerate(font_data[:32]))
    return head + font_data[32:]


def _font_entry(font_data: bytes, key: str) -> etree._Element:
    from fontTools.ttLib import TTFont

    os2 = TTFont(io.BytesIO(font_data))["OS/2"]
    p = os2.panose
    panose = (
        bytes(
            [
                p.bFamilyType,
                p.bSerifStyle,
                p.bWeight,
                p.bProportion,
                p.bContrast,
                p.bStrokeVariation,
                p.bArmStyle,
                p.bLetterForm,
                p.bMidline,
                p.bXHeight,
            ]
        )
        .hex()
        .upper()
    )
    el = etree.Element(w("font"), nsmap={"w": W_NS, "r": R_NS})
    el.set(w("name"), FONT_NAME)
    etree.SubElement(el, w("altName")).set(w("val"), FONT_ALT_NAMES)
    etree.SubElement(el, w("panose1")).set(w("val"), panose)
    etree.SubElement(el, w("charset")).set(w("val"), "86")  # GB2312
    etree.SubElement(el, w("family")).set(w("val"), "roman")
    etree.SubElement(el, w("pitch")).set(w("val"), "variable")
    sig = etree.SubElement(el, w("sig"))
    for attr, value in (
        ("usb0", os2.ulUnicodeRange1),
        ("usb1", os2.ulUnicodeRange2),
        ("usb2", os2.ulUnicodeRange3),
        ("usb3", os2.ulUnicodeRange4),
        ("csb0", os2.ulCodePageRange1),
        ("csb1", os2.ulCodePageRange2),
    ):
        sig.set(w(attr), f"{value & 0xFFFFFFFF:08X}")
    emb = etree.SubElement(el, w("embedRegular"))
    emb.set(f"{{{R_NS}}}id", FONT_RID)
    emb.set(w("fontKey"), key)
    emb.set(w("subsetted"), "1")
    return el


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_SETTINGS_BEFORE = (
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
)


def _settings(data: bytes) -> bytes:
    root = _xml(data)
    for tag in ("embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts"):
        for old in root.findall(w(tag)):
            root.remove(old)
    anchor = None
    for child in root:
        if etree.QName(child).localname in _SETTINGS_BEFORE:
            anchor = child
    index = 0 if anchor is None else root.index(anchor) + 1
    root.insert(index, etree.Element(w("embedTrueTypeFonts")))
    root.insert(index + 1, etree.Element(w("saveSubsetFonts")))
    return _bytes(root)


def _windows_font(name: str, alt: str, panose: str, family: str, pitch: str) -> etree._Element:
    el = etree.Element(w("font"), nsmap={"w": W_NS})
    el.set(w("name"), name)
    etree.SubElement(el, w("altName")).set(w("val"), alt)
    etree.SubElement(el, w("panose1")).set(w("val"), panose)
    etree.SubElement(el, w("charset")).set(w("val"), "86")  # GB2312
    etree.SubElement(el, w("family")).set(w("val"), family)
    etree.SubElement(el, w("pitch")).set(w("val"), pitch)
    sig = etree.SubElement(el, w("sig"))  # as Windows' own SimSun/SimHei declare them
    for attr, value in (
        ("usb0", "00000003"),
        ("usb1", "288F0000"),
        ("usb2", "00000016"),
        ("usb3", "00000000"),
        ("csb0", "00040001"),
        ("csb1", "00000000"),
    ):
        sig.set(w(attr), value)
    return el


def _font_table(data: bytes, entry: etree._Element) -> bytes:
    root = _xml(data)
    names = {FONT_NAME} | {f[0] for f in WINDOWS_FONTS}
    for old in root.findall(w("font")):
        if old.get(w("name")) in names:
            root.remove(old)
    for spec in WINDOWS_FONTS:
        root.append(_windows_font(*spec))
    root.append(entry)
    return _bytes(root)


def _content_types(data: bytes) -> bytes:
    root = _xml(data)
    if not any(d.get("Extension", "").lower() == "odttf" for d in root.findall(f"{{{CT_NS}}}Default")):
        d = etree.Element(f"{{{CT_NS}}}Default")
        d.set("Extension", "odttf")
        d.set("ContentType", ODTTF_TYPE)
        root.insert(0, d)
    return _bytes(root)


def _font_rels(data: bytes | None) -> bytes:
    root = _xml(data) if data else etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    for old in root.findall(f"{{{PKG_REL_NS}}}Relationship"):
        if old.get("Id") == FONT_RID:
            root.remove(old)
    rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Id", FONT_RID)
    rel.set("Type", FONT_REL)
    rel.set("Target", "fonts/font1.odttf")
    return _bytes(root)


def embed_font(members: dict[str, bytes], font_data: bytes) -> str:
    """Embed ``font_data`` (a TrueType subset) into the package ``members`` in place; returns the key."""
    key = font_key(font_data)
    members[FONT_PART] = obfuscate(font_data, key)
    members[FONT_RELS] = _font_rels(members.get(FONT_RELS))
    members["word/fontTable.xml"] = _font_table(members["word/fontTable.xml"], _font_entry(font_data, key))
    members["word/settings.xml"] = _settings(members["word/settings.xml"])
    members["[Content_Types].xml"] = _content_types(members["[Content_Types].xml"])
    return key


def extract_embedded_font(members: dict[str, bytes]) -> bytes:
    """The de-obfuscated embedded font (for tests and for checking a written file)."""
    root = _xml(members["word/fontTable.xml"])
    for font in root.findall(w("font")):
        emb = font.find(w("embedRegular"))
        key = emb.get(w("fontKey")) if emb is not None else None
        if key is not None:
            return obfuscate(members[FONT_PART], key)
    raise KeyError("文档中没有嵌入字体")
