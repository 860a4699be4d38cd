"""iPhone photos (HEIC): imported with their EXIF time and upright size, printed as images, thumbnailed."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pymupdf
from PIL import Image
from sqlalchemy import select

from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.store.model import Exhibit, ExhibitFile
from tests.core.dossier.cases import options

from .heic import heic_photo


def test_heic_imports_with_exif_time_and_upright_size(profile, case_id, tmp_path):
    src = heic_photo(tmp_path / "IMG_0042.HEIC")
    report = import_paths(profile, case_id, [src])
    assert report.errors == [] and len(report.imported) == 1
    with profile.session() as s:
        f = s.scalars(select(ExhibitFile)).one()
        ex = s.scalars(select(Exhibit)).one()
        assert f.blob.media_type == "image/heic"
        assert (f.width, f.height) == (80, 160)  # orientation 6: the landscape photo stands upright
        assert f.exif_time == datetime.fromisoformat("2025-03-12T20:30:11+08:00")
        assert ex.captured_at == f.exif_time
        assert not f.problem
        stored = profile.vault.path_for(f.blob_sha256).read_bytes()
    assert stored == src.read_bytes()  # the HEIC itself stays the original


def test_heic_prints_as_an_upright_image_page(profile, case_id, tmp_path):
    src = heic_photo(tmp_path / "receipt.heic")
    assert not import_paths(profile, case_id, [src]).errors
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    x = result.exhibits[0]
    page = doc[x.first_page - 1]
    text = "".join(doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1))
    assert "无法解码" not in text and "无法排版" not in text
    imgs = page.get_images(full=True)
    assert len(imgs) == 1
    (rect,) = page.get_image_rects(imgs[0][0])
    assert abs(rect.height / rect.width - 2.0) < 0.05  # portrait after orientation
    pix = page.get_pixmap(dpi=72, clip=rect)
    top = pix.pixel(pix.width // 2, pix.height // 6)
    bottom = pix.pixel(pix.width // 2, pix.height * 5 // 6)
    assert top[0] > 180 and top[2] < 90  # turned 90° clockwise: the red left half is now on top
    assert bottom[2] > 180 and bottom[0] < 90
    copy = result.bundle / "originals"
    (orig,) = list(copy.iterdir())
    assert hashlib.sha256(orig.read_bytes()).digest() == hashlib.sha256(src.read_bytes()).digest()


def test_gui_thumbnail_and_preview_decode_heic(tmp_path, qapp):
    from kami_desktop.gui.file_preview import load_image
    from kami_desktop.gui.thumbnails import render_thumbnail

    src = heic_photo(tmp_path / "p.heic", size=(600, 300))
    target = tmp_path / "thumb.png"
    render_thumbnail(src, "image/heic", target, size=128)
    with Image.open(target) as im:
        assert im.format == "PNG" and im.size == (64, 128)
    img = load_image(src)
    assert (img.width(), img.height()) == (300, 600)


def test_heic_garbage_is_kept_with_a_note_and_prints_as_a_notice(profile, case_id, tmp_path):
    good = heic_photo(tmp_path / "good.heic").read_bytes()
    bad = tmp_path / "IMG_0043.HEIC"
    bad.write_bytes(good[:40] + bytes(range(256)) * 4)  # the ftyp box says HEIC, the rest is noise
    report = import_paths(profile, case_id, [bad])
    assert report.errors == [] and len(report.imported) == 1
    with profile.session() as s:
        f = s.scalars(select(ExhibitFile)).one()
        assert f.blob.media_type == "image/heic" and f.problem
        assert profile.vault.path_for(f.blob_sha256).read_bytes() == bad.read_bytes()
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    x = result.exhibits[0]
    text = "".join(doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1))
    assert "图片无法解码" in text and hashlib.sha256(bad.read_bytes()).hexdigest() in text


def test_a_damaged_heic_page_says_why_in_chinese(profile, case_id, tmp_path):
    import re

    import pymupdf

    from kami_desktop.core.dossier.build import build_dossier
    from kami_desktop.core.evidence.importer import import_paths
    from tests.core.dossier.cases import options

    good = heic_photo(tmp_path / "IMG_1.HEIC").read_bytes()
    cut = tmp_path / "截断.heic"
    cut.write_bytes(good[: len(good) // 2])
    garbage = tmp_path / "乱码.heic"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(range(256)) * 20)
    assert not import_paths(profile, case_id, [cut, garbage]).errors
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    for x in result.exhibits:
        text = "".join(doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1))
        assert "图片无法解码" in text and "损坏或不完整（" in text
        (why,) = re.findall(r"损坏或不完整（([^）]*)）", text)
        assert why and re.findall(r"[A-Za-z]", why) == [], why  # no "UnidentifiedImageError"
