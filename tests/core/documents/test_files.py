"""The files themselves: the embedded font (ECMA-376 obfuscation), fonts named for East Asian text,
reproducible bytes, A4 pages, metadata from the case, atomic writes, the ledger entry."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC

import docx
import pymupdf
from fontTools.ttLib import TTFont
from lxml import etree

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.documents import generate
from kami_desktop.core.documents.font_embed import (
    FONT_NAME,
    FONT_PART,
    extract_embedded_font,
    font_key,
    obfuscate,
)
from kami_desktop.core.store import ledger
from tests.core.documents.conftest import docx_members, docx_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_docx_embeds_a_subset_cjk_font_covering_every_character(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "lawsuit", tmp_path, options={"date": "2025-11-20"})
    path = doc.paths[0]
    members = docx_members(path)
    assert FONT_PART in members
    assert b'Extension="odttf"' in members["[Content_Types].xml"]
    assert b"obfuscatedFont" in members["[Content_Types].xml"]
    rels = members["word/_rels/fontTable.xml.rels"].decode()
    assert "relationships/font" in rels and "fonts/font1.odttf" in rels
    settings = etree.fromstring(members["word/settings.xml"])
    assert (
        settings.find(f"{W}embedTrueTypeFonts") is not None
        and settings.find(f"{W}saveSubsetFonts") is not None
    )

    table = etree.fromstring(members["word/fontTable.xml"])
    entry = next(f for f in table.findall(f"{W}font") if f.get(f"{W}name") == FONT_NAME)
    emb = entry.find(f"{W}embedRegular")
    key = emb.get(f"{W}fontKey")
    assert emb.get(f"{W}subsetted") == "1" and entry.find(f"{W}charset").get(f"{W}val") == "86"
    assert "宋体" in entry.find(f"{W}altName").get(f"{W}val")
    raw = members[FONT_PART]
    assert raw[:4] != b"\x00\x01\x00\x00"  # obfuscated on disk …
    font_bytes = obfuscate(raw, key)
    assert font_bytes[:4] == b"\x00\x01\x00\x00"  # … a TrueType font once the key is applied
    assert extract_embedded_font(members) == font_bytes
    font = TTFont(io.BytesIO(font_bytes))
    assert font["name"].getDebugName(1) == FONT_NAME
    assert font["OS/2"].fsType & 0x0002 == 0  # embedding is not restricted
    cmap = font.getBestCmap()
    used = {c for c in docx_text(path) if not c.isspace()}
    assert used and not [c for c in used if ord(c) not in cmap]
    assert len(cmap) < 2000  # a subset, not the 12 MB font
    assert len(path.read_bytes()) < 300_000

    # East Asian text names 宋体 (bold: 黑体), the fonts of a Chinese Windows PC and WPS; Latin text names
    # the embedded font — in the defaults, the Normal style and every run
    styles = etree.fromstring(members["word/styles.xml"])
    default_fonts = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert default_fonts.get(f"{W}eastAsia") == "宋体" and default_fonts.get(f"{W}ascii") == FONT_NAME
    body = etree.fromstring(members["word/document.xml"])
    runs = body.findall(f".//{W}r")
    assert runs and all(r.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") == FONT_NAME for r in runs)
    bold = [r for r in runs if r.find(f"{W}rPr/{W}b") is not None]
    plain = [r for r in runs if r.find(f"{W}rPr/{W}b") is None]
    assert bold and all(r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "黑体" for r in bold)
    assert plain and all(r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "宋体" for r in plain)
    assert 'w:eastAsia="宋体"' in members["word/document.xml"].decode()
    assert 'w:eastAsia="黑体"' in members["word/document.xml"].decode()
    # the font table describes both Windows fonts (GB2312 character set, their English names)
    listed = {f.get(f"{W}name"): f for f in table.findall(f"{W}font")}
    assert listed["宋体"].find(f"{W}altName").get(f"{W}val") == "SimSun"
    assert listed["黑体"].find(f"{W}altName").get(f"{W}val") == "SimHei"
    assert all(listed[n].find(f"{W}charset").get(f"{W}val") == "86" for n in ("宋体", "黑体"))
    assert "docProps/thumbnail.jpeg" not in members


def test_obfuscation_follows_the_spec_and_is_its_own_inverse():
    key = "{01234567-89AB-CDEF-0123-456789ABCDEF}"
    data = bytes(range(40))
    out = obfuscate(data, key)
    # the key is the GUID's bytes in reverse order, applied to bytes 0–15 and again to 16–31
    assert out[0] == 0 ^ 0xEF and out[15] == 15 ^ 0x01 and out[16] == 16 ^ 0xEF and out[31] == 31 ^ 0x01
    assert out[32:] == data[32:]
    assert obfuscate(out, key) == data
    assert font_key(b"abc") == font_key(b"abc") and font_key(b"abc").startswith("{")


def test_same_case_gives_identical_files_and_metadata_from_the_case(profile, made, tmp_path):
    a = generate(profile, made.case_id, "demand", tmp_path / "a", "both")
    b = generate(profile, made.case_id, "demand", tmp_path / "b", "both")
    assert a.hashes == b.hashes
    for p in a.paths:
        assert hashlib.sha256(p.read_bytes()).hexdigest() == a.hashes[p.name]
    props = docx.Document(str(a.paths[0])).core_properties
    assert props.title == "退款催告函" and props.author == "张三"
    with profile.session() as s:
        updated = get_case(s, made.case_id).updated_at
    assert props.created.replace(tzinfo=None) == updated.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    pdf = pymupdf.open(a.paths[1])
    assert pdf.metadata["title"] == "退款催告函" and pdf.metadata["author"] == "张三"
    page = pdf[0].rect
    assert abs(page.width - 595.3) < 1 and abs(page.height - 841.9) < 1  # A4
    assert pdf.page_count >= 1


def test_a_given_date_sets_the_file_dates(profile, made, tmp_path):
    doc = generate(profile, made.case_id, "evidence-list", tmp_path, "pdf", {"date": "2025-11-20"})
    assert pymupdf.open(doc.paths[0]).metadata["creationDate"].startswith("D:20251120")


def test_writes_leave_no_temp_files_and_are_recorded_in_the_ledger(profile, made, tmp_path):
    out = tmp_path / "out"
    doc = generate(profile, made.case_id, "heimao", out, "both")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in doc.paths)
    with profile.session() as s:
        last = list(ledger.entries(s, made.case_id))[-1]
        assert ledger.verify_chain(s)[1] == []
    assert last.action == "document.generate"
    payload = json.loads(last.payload)
    assert payload["kind"] == "heimao" and payload["format"] == "both"
    assert {f["name"]: f["sha256"] for f in payload["files"]} == doc.hashes
