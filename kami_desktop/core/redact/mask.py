"""Paint boxes over an image and encode a fresh file from the pixels (Pillow).

Honest masking: a solid box replaces the pixels; a mosaic averages them into coarse cells (most of
the box's smaller side, wider than a character), which no sharpening brings back. The copy is built from the pixels alone
(``Image.new`` + paste), so no EXIF (GPS, camera), ICC profile, XMP, PNG text chunk, thumbnail or
second layer of the original can reach it. PNG sources give a PNG, JPEG (and HEIC photos) a JPEG at
quality 92 without chroma subsampling; anything else a PNG. A picture of more than ``MAX_PIXELS`` is
refused before it is decoded, so memory stays bounded.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps, UnidentifiedImageError

from kami_desktop.core.errors import UserError
from kami_desktop.core.redact.box import Box
from kami_desktop.core.util.images import enable_heif

SOLID, MOSAIC = "solid", "mosaic"
STYLES = {SOLID: "纯色遮盖", MOSAIC: "马赛克"}
MAX_PIXELS = 60_000_000  # a long scrolling screenshot (1440 × 30000) fits; 60 MP RGB ≈ 180 MB per copy
JPEG_QUALITY = 92
FILL = (0, 0, 0)
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


class MaskError(UserError):
    """The image cannot be masked."""


@dataclass(frozen=True)
class Masked:
    data: bytes
    ext: str  # "png" | "jpg"
    media_type: str
    width: int
    height: int
    boxes: list[Box]  # as painted: clamped to the image, empty ones dropped


def style_code(text: str) -> str:
    for code, label in STYLES.items():
        if text in (code, label):
            return code
    raise MaskError(f"遮盖方式“{text}”无效，可选：solid（纯色遮盖）或 mosaic（马赛克）")


def _open(path: Path, name: str) -> Image.Image:
    enable_heif()
    try:
        im = Image.open(path)
    except (UnidentifiedImageError, OSError) as exc:
        raise MaskError(f"“{name}”不是可以打开的图片，无法制作打码副本（{exc}）") from exc
    w, h = im.size
    if w * h > MAX_PIXELS:
        im.close()
        raise MaskError(
            f"“{name}”太大（{w}×{h} 像素），超过可处理的 {MAX_PIXELS // 1_000_000:,} 百万像素，"
            "请先裁剪为较小的截图再打码"
        )
    return im


def shown_size(path: Path, name: str = "") -> tuple[int, int]:
    """Width and height of the image as shown (its EXIF orientation applied), without decoding it."""
    with _open(path, name or path.name) as im:
        w, h = im.size
        try:
            orientation = im.getexif().get(0x0112, 1)
        except Exception:  # a broken EXIF block: shown as stored
            orientation = 1
    return (h, w) if orientation in _ROTATED else (w, h)


def _mosaic(im: Image.Image, b: Box) -> None:
    # cells wider than a digit and most of a line high: no glyph's shape survives (a fine mosaic over a
    # known font can be matched back, e.g. Depix)
    cell = max(12, math.ceil(min(b.w, b.h) * 0.8), math.ceil(max(b.w, b.h) / 12))
    region = im.crop((b.x, b.y, b.right, b.bottom))
    small = region.resize(
        (max(1, math.ceil(b.w / cell)), max(1, math.ceil(b.h / cell))), Image.Resampling.BOX
    )
    im.paste(small.resize((b.w, b.h), Image.Resampling.NEAREST), (b.x, b.y))


def mask_image(path: Path, boxes: list[Box], style: str = SOLID, *, name: str = "") -> Masked:
    """The masked copy of the image at ``path`` (read only), as encoded bytes."""
    name = name or path.name
    if style not in STYLES:
        style = style_code(style)
    with _open(path, name) as src:
        fmt = (src.format or "").upper()
        try:
            upright = ImageOps.exif_transpose(src)
            has_alpha = "A" in upright.getbands() or "transparency" in upright.info
            as_jpeg = fmt in ("JPEG", "MPO", "HEIF")
            mode = "RGB" if as_jpeg or not has_alpha else "RGBA"
            pixels = upright.convert(mode)
        except (OSError, ValueError, Image.DecompressionBombError) as exc:
            raise MaskError(f"“{name}”的图像数据无法读取，无法制作打码副本（{exc}）") from exc
    fresh = Image.new(mode, pixels.size)  # pixels only: no info, EXIF, ICC, XMP, text chunks, thumbnails
    fresh.paste(pixels, (0, 0))
    del pixels
    width, height = fresh.size
    painted = [c for b in boxes if (c := b.clamped(width, height)) is not None]
    draw = ImageDraw.Draw(fresh)
    for b in painted:
        if style == MOSAIC:
            _mosaic(fresh, b)
        else:
            draw.rectangle(
                (b.x, b.y, b.right - 1, b.bottom - 1), fill=FILL + ((255,) if mode == "RGBA" else ())
            )
    buf = io.BytesIO()
    if as_jpeg:
        fresh.save(buf, "JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=True)
        ext, media = "jpg", "image/jpeg"
    else:
        fresh.save(buf, "PNG", compress_level=6)
        ext, media = "png", "image/png"
    return Masked(buf.getvalue(), ext, media, width, height, painted)


def preview_png(path: Path, name: str = "") -> bytes:
    """The image as shown, as PNG bytes, for a screen that cannot decode the original's format (HEIC)."""
    with _open(path, name or path.name) as src:
        try:
            upright = ImageOps.exif_transpose(src).convert("RGB")
        except (OSError, ValueError) as exc:
            raise MaskError(f"“{name or path.name}”的图像数据无法读取（{exc}）") from exc
    buf = io.BytesIO()
    upright.save(buf, "PNG", compress_level=1)
    return buf.getvalue()
