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
from kami_desktop.core.util.images import enable_heif, image_reason

logging.getLogger("img2pdf").setLevel(logging.ERROR)

MAX_SCALE = 1.5  # points per pixel: small images are enlarged at most to 2× their 96-dpi size
HUGE_PIXELS = 40_000_000  # above this, the page shows a downscaled copy
PAGE_WIDTH_PX = 2000  # ≈ 300 dpi across the content width
PAGE_HEIGHT_PX = 3000
SPLIT_RATIO = 0.5  # split when fitting the whole image on one page would shrink it below half its width-fit
SPLIT_WIDTH = 0.7  # split slices are shown at 70 % of the content width (the size of a normal screenshot)
CAPTION = 11.0
OVERLAP = 12 * MM  # vertical overlap between slices, on paper
# An image may shrink to this share of its own-page size to stay on the page of its exhibit's header.
# A phone screenshot (1170 px wide, its smallest UI text ~36 px high) then prints ≈180 pt (64 mm) wide
# with that text at ≈5.6 pt, the size of a footnote and still readable on paper; any smaller and it
# moves to a page of its own instead.
LEGIBLE_SHARE = 0.55
PROBE_WIDTH = 256  # columns of the grey render that finds blank rows
BLANK_SPREAD = 8  # grey levels within which a row counts as blank (flat background, JPEG noise aside)
TAIL_MARGIN = 16  # blank rows kept under the last content row of a long screenshot
TAIL_SHARE = 0.06  # a long screenshot's last page carries at least 6 % of a page of new rows …
TAIL_SHRINK = 0.85  # … or the slices shrink (at most to 85 %) so that the sliver joins the page before
CUT_SEARCH = 0.15  # a slice ends on a blank row found in its last 15 %, not through a line of text
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
            [f"图片文件可能损坏或不完整（{image_reason(exc)}）。原件已原样收入随附文件夹。"],
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
    """One image: on the space left under the header when it stays legible there, else on its own page;
    a long screenshot is cut into slices (``_place_split``)."""
    flow = ctx.flow
    W = CONTENT.width
    sw = min(W / src.w, MAX_SCALE)
    s_page = min(sw, (flow.page_room() - CAPTION) / src.h)  # the image on a page of its own
    if s_page < sw * SPLIT_RATIO:
        _place_split(ctx, src, max(s_page, sw * SPLIT_WIDTH))
        return
    below = (CAPTION if src.note else 0) + 6
    s = min(s_page, (flow.space_left() - below) / src.h) if flow.tags else 0
    if s < s_page * LEGIBLE_SHARE:
        flow.new_page()
        s = min(s_page, (flow.space_left() - below) / src.h)
    w, h = src.w * s, src.h * s
    x0 = CONTENT.x0 + (W - w) / 2
    flow.page().show_pdf_page(pymupdf.Rect(x0, flow.y, x0 + w, flow.y + h), src.doc, 0)
    flow.y += h + 2
    if src.note:
        _caption(ctx, src.note)
    flow.y += 4


def blank_rows(src: ImageSource) -> list[bool]:
    """For each pixel row of the image as shown: is it blank (one flat colour, variance ≈ 0)?

    The page is rendered grey at ``PROBE_WIDTH`` columns and one row per pixel row, and Pillow gives
    each row's bytes: a row is blank when all its grey levels lie within ``BLANK_SPREAD`` of each other.
    """
    r = src.rect
    pix = src.doc[0].get_pixmap(
        matrix=pymupdf.Matrix(PROBE_WIDTH / r.width, src.h / r.height), colorspace=pymupdf.csGRAY, alpha=False
    )
    im = Image.frombytes("L", (pix.width, pix.height), pix.samples, "raw", "L", pix.stride)
    data, w = im.tobytes(), im.width
    rows = [max(data[i : i + w]) - min(data[i : i + w]) <= BLANK_SPREAD for i in range(0, w * im.height, w)]
    if len(rows) != src.h:  # rounding in the render: map back to the image's rows
        rows = [rows[min(len(rows) - 1, y * len(rows) // src.h)] for y in range(src.h)]
    return rows


def _cut(blank: list[bool] | None, y1: int, lowest: int) -> int:
    """A cut at or above row ``y1`` through a blank row (between messages), not through a line of text."""
    if blank is None:
        return y1
    for y in range(y1 - 1, lowest, -1):
        if blank[y]:
            return y + 1
    return y1


def _slices(
    first_avail: float, full_avail: float, s: float, total: int, blank: list[bool] | None = None
) -> list[tuple[int, int]]:
    overlap = max(1, round(OVERLAP / s))
    out, y0, avail = [], 0, first_avail
    while True:
        y1 = min(total, y0 + max(overlap * 2, int(avail / s)))
        if y1 < total:
            y1 = _cut(blank, y1, max(y0 + overlap * 2, y1 - int(CUT_SEARCH * (y1 - y0))))
        out.append((y0, y1))
        if y1 >= total:
            return out
        y0, avail = y1 - overlap, full_avail


def _plan(
    first: float, full: float, s: float, total: int, blank: list[bool] | None
) -> tuple[float, list[tuple[int, int]]]:
    """The slices at scale ``s``; when the last one would carry only a sliver of new rows (under
    ``TAIL_SHARE`` of a page), a slightly smaller scale (down to ``TAIL_SHRINK``) that saves the page."""
    slices = _slices(first, full, s, total, blank)
    if len(slices) < 2 or (slices[-1][1] - slices[-2][1]) * s >= TAIL_SHARE * full:
        return s, slices
    f = 0.99
    while f >= TAIL_SHRINK:
        fewer = _slices(first, full, s * f, total, blank)
        if len(fewer) < len(slices):
            return s * f, fewer
        f -= 0.01
    return s, slices


def _place_split(ctx: FileContext, src: ImageSource, s: float) -> None:
    flow = ctx.flow
    full = flow.page_room() - CAPTION
    if not flow.tags or flow.space_left() - CAPTION < full * 0.4:
        flow.new_page()
    try:
        blank: list[bool] | None = blank_rows(src)
    except Exception:  # noqa: BLE001 - cannot probe the pixels: cut by height alone, print every row
        blank = None
    total = src.h
    if blank is not None:  # rows after the last one with content are not printed (the caption says so)
        last = next((y for y in range(src.h - 1, -1, -1) if not blank[y]), src.h - 1)
        total = max(1, last + 1)
    s, slices = _plan(flow.space_left() - CAPTION, full, s, total, blank)
    shown_end = min(src.h, total + TAIL_MARGIN)  # a few blank rows under the last message
    if shown_end < src.h:
        slices[-1] = (slices[-1][0], shown_end)
    overlap = slices[0][1] - slices[1][0] if len(slices) > 1 else 0
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
        band = (slices[k - 1][1] - y0) * s if k else 0
        if k:
            _mark(flow, mark_x, rect.y0, rect.y0 + band, "与上页重叠")
        if k < len(slices) - 1:
            _mark(flow, mark_x, rect.y1 - (y1 - slices[k + 1][0]) * s, rect.y1, "续下页")
        flow.y = rect.y1 + 2
        text = f"长截图第 {k + 1}/{len(slices)} 段 · 原图像素行 {y0 + 1}–{y1}（共 {src.h} 行）"
        if len(slices) > 1:
            text += f" · 相邻段重叠 {overlap} 像素（右侧标记）"
        if k == len(slices) - 1 and shown_end < src.h:
            text += f" · 末尾 {src.h - shown_end} 行为空白，未打印"
        if src.note:
            text += f" · {src.note}"
        _caption(ctx, text)
    flow.y += 4
    ctx.notes.append(f"长截图分 {len(slices)} 页打印，相邻页重叠 {overlap} 像素")
    if shown_end < src.h:
        ctx.notes.append(f"长截图末尾 {src.h - shown_end} 行空白像素未打印")


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
