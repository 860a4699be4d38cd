"""Images and PDFs with Chinese text drawn in the bundled font, for real OCR runs."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kami_desktop.core.util.cjkfont import serif_bytes

ORDER_LINES = ("订单号 KM2026052821140311", "实付金额 ¥1798.00", "充值状态 未到账")


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(serif_bytes("Regular")), size)


def draw_lines(size: tuple[int, int], lines: dict[tuple[int, int], str], font_size: int = 40) -> Image.Image:
    """A light phone-like background with each text drawn at its (x, y) top-left."""
    im = Image.new("RGB", size, (246, 246, 246))
    d = ImageDraw.Draw(im)
    f = font(font_size)
    for (x, y), text in lines.items():
        d.text((x, y), text, font=f, fill=(25, 25, 25))
    return im


def order_shot(path: Path, size: tuple[int, int] = (900, 420), fmt: str | None = None, seed: int = 0) -> Path:
    """A small order page: the three ORDER_LINES (and a seed line so that every file is distinct)."""
    lines = {(40, 40 + 90 * i): text for i, text in enumerate(ORDER_LINES)}
    lines[(40, 40 + 90 * len(ORDER_LINES))] = f"第 {seed + 1} 张"
    im = draw_lines(size, lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, format=fmt)
    return path


def image_pdf(path: Path, pages: int = 2) -> Path:
    """A scan-like PDF: every page one image of an order page, no text layer."""
    import pymupdf

    path.parent.mkdir(parents=True, exist_ok=True)
    doc = pymupdf.open()
    for i in range(pages):
        buf = io.BytesIO()
        draw_lines((900, 420), {(40, 60): ORDER_LINES[0], (40, 180): f"扫描第 {i + 1} 页"}).save(buf, "PNG")
        page = doc.new_page(width=450, height=210)
        page.insert_image(page.rect, stream=buf.getvalue())
    doc.save(path)
    doc.close()
    return path


def text_pdf(path: Path) -> Path:
    """A PDF with a real text layer (a bill printed to PDF)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="cjk", fontbuffer=serif_bytes("Regular"))
    page.insert_text((72, 100), "交易订单号 KM2026052821140311", fontname="cjk", fontsize=14)
    page.insert_text((72, 140), "金额 1798.00 元 状态 未到账", fontname="cjk", fontsize=14)
    doc.save(path)
    doc.close()
    return path
