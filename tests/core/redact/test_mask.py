"""The masking core: pixels replaced (solid) or coarsened (mosaic), boxes clamped, the copy built from
pixels alone (no EXIF/GPS, ICC, XMP, PNG text chunks, thumbnail), the format kept, a huge image refused."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms, PngImagePlugin

from kami_desktop.core.redact.box import Box, BoxError, parse_box
from kami_desktop.core.redact.mask import MOSAIC, MaskError, mask_image, shown_size
from tests.core.redact.shots import draw_rows


def gps_jpeg(path, orientation: int = 1):
    im, _ = draw_rows()
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (30.0, 15.0, 10.0), "E", (120.0, 9.0, 5.0)
    thumb = io.BytesIO()
    im.resize((160, 115)).save(thumb, "JPEG")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description GPSLatitude="30,15N"/></x:xmpmeta>'
    im.save(path, "JPEG", exif=exif, icc_profile=icc, quality=95, xmp=xmp)
    return path


def test_a_jpeg_copy_has_no_exif_gps_icc_or_xmp(tmp_path):
    src = gps_jpeg(tmp_path / "photo.jpg")
    with Image.open(src) as im:
        assert im.getexif().get_ifd(0x8825) and "icc_profile" in im.info  # the original has them
    assert b"xmpmeta" in src.read_bytes() and b"PhoneMaker" in src.read_bytes()
    out = mask_image(src, [Box(100, 100, 50, 50)])
    assert out.ext == "jpg" and out.media_type == "image/jpeg"
    raw = out.data
    assert b"Exif" not in raw and b"PhoneMaker" not in raw and b"ICC_PROFILE" not in raw
    assert b"xmpmeta" not in raw and b"adobe:ns:meta" not in raw
    with Image.open(io.BytesIO(raw)) as im:
        assert im.format == "JPEG" and not im.getexif() and "icc_profile" not in im.info
        assert im.getpixel((120, 120)) == pytest.approx((0, 0, 0), abs=6)
        assert "exif" not in im.info and "xmp" not in im.info
    assert src.read_bytes()[:2] == b"\xff\xd8"  # the source is only read


def test_a_rotated_photo_is_masked_as_shown(tmp_path):
    src = gps_jpeg(tmp_path / "turned.jpg", orientation=6)  # shown turned 90°: 520 × 720
    assert shown_size(src) == (520, 720)
    out = mask_image(src, [Box(0, 0, 520, 20)])
    assert (out.width, out.height) == (520, 720)
    with Image.open(io.BytesIO(out.data)) as im:
        assert im.size == (520, 720) and im.getpixel((260, 10)) == pytest.approx((0, 0, 0), abs=6)


def test_a_png_copy_has_no_text_chunks_and_stays_png(tmp_path):
    im, _ = draw_rows()
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "手机号 13812345678")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>secret</x:xmpmeta>")
    src = tmp_path / "shot.png"
    im.save(src, "PNG", pnginfo=info, dpi=(300, 300))
    out = mask_image(src, [Box(10, 10, 40, 40)])
    assert out.ext == "png" and out.data.startswith(b"\x89PNG")
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"iCCP", b"pHYs"):
        assert chunk not in out.data, chunk
    assert b"13812345678" not in out.data and b"secret" not in out.data
    with Image.open(io.BytesIO(out.data)) as back:
        assert back.format == "PNG" and not back.text and back.getpixel((20, 20)) == (0, 0, 0)
        assert back.getpixel((600, 500)) == (255, 255, 255)  # outside the box: untouched


def test_boxes_are_clamped_to_the_image_and_outside_ones_dropped(tmp_path):
    src = tmp_path / "s.png"
    Image.new("RGB", (100, 80), (255, 255, 255)).save(src)
    out = mask_image(src, [Box(-20, -20, 50, 50), Box(90, 70, 100, 100), Box(500, 500, 10, 10)])
    assert [(b.x, b.y, b.w, b.h) for b in out.boxes] == [(0, 0, 30, 30), (90, 70, 10, 10)]
    with Image.open(io.BytesIO(out.data)) as im:
        assert im.getpixel((0, 0)) == (0, 0, 0) and im.getpixel((99, 79)) == (0, 0, 0)
        assert im.getpixel((50, 40)) == (255, 255, 255)


def test_mosaic_is_coarse(tmp_path):
    im, _ = draw_rows()
    src = tmp_path / "s.png"
    im.save(src)
    box = Box(130, 160, 220, 44)
    out = mask_image(src, [box], MOSAIC)
    with Image.open(io.BytesIO(out.data)) as back:
        region = back.crop((box.x, box.y, box.right, box.bottom))
        colours = region.getcolors(10_000)
    assert colours is not None and len(colours) <= (220 // 35 + 1) * 2  # a few cells, each one colour
    assert len(colours) > 1  # not a solid box: a mosaic


def test_transparent_png_keeps_alpha_and_masks_opaque(tmp_path):
    src = tmp_path / "a.png"
    Image.new("RGBA", (60, 60), (255, 0, 0, 0)).save(src)
    out = mask_image(src, [Box(0, 0, 30, 30)])
    with Image.open(io.BytesIO(out.data)) as im:
        assert im.mode == "RGBA" and im.getpixel((5, 5)) == (0, 0, 0, 255) and im.getpixel((45, 45))[3] == 0


def test_a_huge_image_is_refused_before_decoding(tmp_path, monkeypatch):
    from kami_desktop.core.redact import mask

    src = tmp_path / "long.png"
    Image.new("L", (2000, 3000), 255).save(src)
    monkeypatch.setattr(mask, "MAX_PIXELS", 5_000_000)
    with pytest.raises(MaskError, match="太大（2000×3000 像素）"):
        mask_image(src, [Box(0, 0, 10, 10)])


def test_not_an_image_and_bad_boxes(tmp_path):
    bad = tmp_path / "x.png"
    bad.write_bytes(b"not a picture")
    with pytest.raises(MaskError, match="不是可以打开的图片"):
        mask_image(bad, [Box(0, 0, 1, 1)])
    assert parse_box("10,20,30,40") == Box(10, 20, 30, 40)
    assert parse_box("10，20 30,40") == Box(10, 20, 30, 40)
    for text in ("10,20,30", "a,b,c,d", "1,2,0,4", "1,2,3,4,5"):
        with pytest.raises(BoxError):
            parse_box(text)
