"""Images on binder pages.

- JPEG: the file's bytes go into the PDF untouched (DCTDecode) through ``img2pdf``; photos with EXIF
  orientation 3/6/8 are turned on the page, not re-encoded.
- PNG: ``img2pdf`` passes the IDAT data through (lossless, and memory stays bounded per image).
- Anything else (GIF, WebP, BMP, TIFF, mirrored EXIF, broken encodings): decoded with Pillow and stored
  as lossless PNG.
- Huge images are downscaled for the page only (the original is still in the bundle); very long
  screenshots are split across pages with an overlap that the margin marks.
"""

from __future__ import annotations

import io
import logging
import struct
import warnings
from pathlib import Path

import img2pdf
import pymupdf
from PIL import Image, ImageOps

from kami_desktop.core.dossier.layout import CONTENT, GREY, MM, PageFlow
from kami_desktop.core.dossier.render_base import FileContext, notice
from kami_desktop.core.dossier.snapshot import FileSnap
from kami_desktop.core.util.images import enable_heif

logging.getLogger("img2pdf").setLevel(logging.ERROR)

MAX_SCALE = 1.5  # points per pixel: small images are enlarged at most to 2× their 96-dpi size
HUGE_PIXELS = 40_000_000  # above this, the page shows a downscaled copy
PAGE_WIDTH_PX = 2000  # ≈ 300 dpi across the content width
PAGE_HEIGHT_PX = 3000
SPLIT_RATIO = 0.5  # split when fitting the whole image on one page would shrink it below half its width-fit
SPLIT_WIDTH = 0.7  # split slices are shown at 70 % of the content width (the size of a normal screenshot)
CAPTION = 11.0
OVERLAP = 12 * MM  # vertical overlap between slices, on paper
JPEG_ROTATE = {1: 0, 3: 180, 6: 270, 8: 90}  # EXIF orientation → insert_image(rotate=…)


def accepts(f: FileSnap) -> bool:
    return f.media_type.startswith("image/")


class ImageSource:
    """A one-page PDF showing the image upright; ``w``/``h`` are its displayed pixel dimensions."""

    def __init__(self, doc: pymupdf.Document, w: int, h: int, note: str = "") -> None:
        self.doc, self.w, self.h, self.note = doc, w, h, note

    @property
    def rect(self) -> pymupdf.Rect:
        return self.doc[0].rect


def _png_has_exif(path: Path) -> bool:
    """Walk the PNG chunk headers (no decoding): is there an eXIf chunk?"""
    with open(path, "rb") as fh:
        if fh.read(8) != b"\x89PNG\r\n\x1a\n":
            return False
        while head := fh.read(8):
            if len(head) < 8:
                return False
            length, kind = struct.unpack(">I4s", head)
            if kind == b"eXIf":
                return True
            if kind == b"IEND":
                return False
            fh.seek(length + 4, io.SEEK_CUR)
    return False


def _probe(path: Path) -> tuple[str | None, tuple[int, int], str, int, int]:
    """Format, size, mode, EXIF orientation and frame count, read from the header."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(path) as im:
            orientation = 1
            # PNG keeps EXIF anywhere, even after the pixels: Pillow would decode the image to find it
            if im.format != "PNG" or _png_has_exif(path):
                try:
                    orientation = int(im.getexif().get(274, 1) or 1)
                except Exception:  # noqa: BLE001 - unreadable EXIF: treat as upright
                    orientation = 1
            return im.format, im.size, im.mode, orientation, getattr(im, "n_frames", 1)


def image_source(path: Path) -> ImageSource:
    enable_heif()  # HEIC photos decode (upright) like any other format
    fmt, (w, h), mode, orientation, frames = _probe(path)
    huge = w * h > HUGE_PIXELS
    if (fmt, orientation) in (("JPEG", 1), ("PNG", 1)) and not huge:
        try:  # JPEG bytes pass through untouched, PNG IDAT losslessly; little memory per image
            data = img2pdf.convert(str(path), rotation=img2pdf.Rotation.none)
            return ImageSource(pymupdf.open("pdf", data), w, h)
        except Exception:  # noqa: BLE001 - img2pdf refuses some variants: fall through
            pass
    if fmt == "JPEG" and orientation in JPEG_ROTATE and mode in ("RGB", "L", "CMYK") and not huge:
        rot = JPEG_ROTATE[orientation]
        dw, dh = (h, w) if rot in (90, 270) else (w, h)
        doc = pymupdf.open()
        page = doc.new_page(width=dw, height=dh)
        page.insert_image(page.rect, stream=path.read_bytes(), rotate=rot)
        return ImageSource(doc, dw, dh, "按 EXIF 方向旋转显示" if rot else "")
    return _decoded_source(path, fmt, huge, frames, orientation)


def _page_factor(w: int, h: int) -> float:
    """How much a huge image is shrunk for the page: ≈300 dpi across the width (and height if not long)."""
    if h > 3 * w:
        return min(1.0, PAGE_WIDTH_PX / w)
    return min(1.0, PAGE_WIDTH_PX / w, PAGE_HEIGHT_PX / h)


def _decoded_source(path: Path, fmt: str | None, huge: bool, frames: int, orientation: int) -> ImageSource:
    notes: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(path) as opened:
            im: Image.Image = opened
            w, h = im.size
            if huge and fmt == "JPEG":
                f0 = _page_factor(w, h) if orientation < 5 else _page_factor(h, w)
                im.draft("RGB", (max(1, int(w * f0)), max(1, int(h * f0))))
            im.load()
            im = ImageOps.exif_transpose(im)
            ow, oh = (h, w) if orientation in (5, 6, 7, 8) else (w, h)
            if im.mode not in ("RGB", "RGBA", "L", "LA"):
                im = im.convert("RGBA" if "A" in im.getbands() or im.mode == "P" else "RGB")
            if huge:
                f = _page_factor(ow, oh)
                target = (max(1, round(ow * f)), max(1, round(oh * f)))
                if im.width > target[0]:
                    im = im.resize(target, Image.Resampling.LANCZOS)
                notes.append(
                    f"原图 {ow}×{oh} 像素过大，本页显示缩小版本（{im.width}×{im.height}），原件未改动"
                )
            elif orientation != 1:
                notes.append("按 EXIF 方向旋转显示")
            if frames > 1:
                notes.append(f"动态图片共 {frames} 帧，本页打印第 1 帧")
            buf = io.BytesIO()
            if huge and fmt == "JPEG":
                im.convert("RGB").save(buf, format="JPEG", quality=90)
            else:
                im.save(buf, format="PNG", compress_level=6)
            size = im.size
    data = img2pdf.convert(buf.getvalue(), rotation=img2pdf.Rotation.none)
    return ImageSource(pymupdf.open("pdf", data), size[0], size[1], "；".join(notes))


def render_image(ctx: FileContext) -> None:
    try:
        src = image_source(ctx.path)
    except (Image.DecompressionBombError, MemoryError):
        notice(ctx, "图片像素数过大，无法排版", ["原始图片尺寸异常，证据册中不显示；原件已收入随附文件夹。"])
        return
    except Exception as exc:  # noqa: BLE001 - damaged image: a page that says so
        notice(
            ctx,
            "图片无法解码",
            [f"图片文件可能损坏或不完整（{type(exc).__name__}）。原件已原样收入随附文件夹。"],
        )
        return
    try:
        if src.note:
            ctx.notes.append(src.note)
        place(ctx, src)
    finally:
        src.doc.close()


def _caption(ctx: FileContext, text: str) -> None:
    flow = ctx.flow
    flow.put(CONTENT.x0, flow.y + 7.5, text[:110], 7, GREY)
    flow.y += CAPTION


def place(ctx: FileContext, src: ImageSource) -> None:
    flow = ctx.flow
    W, H = CONTENT.width, CONTENT.height - CAPTION
    sw = min(W / src.w, MAX_SCALE)
    s_page = min(sw, H / src.h)
    if s_page >= sw * SPLIT_RATIO:
        free = flow.space_left() - CAPTION
        s_free = min(sw, free / src.h) if flow.tags else 0
        if s_free >= s_page * 0.8:
            s = s_free
        else:
            flow.new_page()
            s = s_page
        w, h = src.w * s, src.h * s
        x0 = CONTENT.x0 + (W - w) / 2
        flow.page().show_pdf_page(pymupdf.Rect(x0, flow.y, x0 + w, flow.y + h), src.doc, 0)
        flow.y += h + 2
        if src.note:
            _caption(ctx, src.note)
        flow.y += 4
        return
    _place_split(ctx, src, max(s_page, sw * SPLIT_WIDTH))


def _slices(first_avail: float, full_avail: float, s: float, total: int) -> list[tuple[int, int]]:
    overlap = max(1, round(OVERLAP / s))
    out, y0, avail = [], 0, first_avail
    while True:
        y1 = min(total, y0 + max(overlap * 2, int(avail / s)))
        out.append((y0, y1))
        if y1 >= total:
            return out
        y0, avail = y1 - overlap, full_avail


def _place_split(ctx: FileContext, src: ImageSource, s: float) -> None:
    flow = ctx.flow
    full = CONTENT.height - CAPTION
    if not flow.tags or flow.space_left() - CAPTION < full * 0.4:
        flow.new_page()
    slices = _slices(flow.space_left() - CAPTION, full, s, src.h)
    overlap = slices[1][0] - slices[0][1] if len(slices) > 1 else 0
    overlap = -overlap
    k_px = src.rect.height / src.h  # source page units per pixel
    w = src.w * s
    x0 = CONTENT.x0 + (CONTENT.width - w) / 2
    for k, (y0, y1) in enumerate(slices):
        if k:
            flow.new_page()
        top = flow.y
        rect = pymupdf.Rect(x0, top, x0 + w, top + (y1 - y0) * s)
        clip = pymupdf.Rect(0, y0 * k_px, src.rect.width, y1 * k_px)
        flow.page().show_pdf_page(rect, src.doc, 0, clip=clip)
        mark_x = min(rect.x1 + 4, CONTENT.x1 + 3)
        if k:
            _mark(flow, mark_x, rect.y0, rect.y0 + overlap * s, "与上页重叠")
        if k < len(slices) - 1:
            _mark(flow, mark_x, rect.y1 - overlap * s, rect.y1, "续下页")
        flow.y = rect.y1 + 2
        text = f"长截图第 {k + 1}/{len(slices)} 段 · 原图像素行 {y0 + 1}–{y1}（共 {src.h} 行）"
        if len(slices) > 1:
            text += f" · 相邻段重叠 {overlap} 像素（右侧标记）"
        if src.note:
            text += f" · {src.note}"
        _caption(ctx, text)
    flow.y += 4
    ctx.notes.append(f"长截图分 {len(slices)} 页打印，相邻页重叠 {overlap} 像素")


def _mark(flow: PageFlow, x: float, y0: float, y1: float, label: str) -> None:
    """A bracket in the margin beside the overlapping band, with a vertical label."""
    flow.line((x, y0), (x, y1), GREY, 0.8)
    flow.line((x - 2, y0), (x + 2, y0), GREY, 0.8)
    flow.line((x - 2, y1), (x + 2, y1), GREY, 0.8)
    y = y0 + 7
    for ch in label:
        if y > y1 + 30:
            break
        flow.put(x + 3, y, ch, 6, GREY)
        y += 7
