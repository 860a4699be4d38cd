"""The reading side of OCR: an image or a PDF page in, ``OcrLine``s in the page's own pixels out.

The engine is RapidOCR 1.4 (``rapidocr-onnxruntime``) with the PP-OCRv4 Chinese models that ship inside
its wheel: nothing is downloaded, ever. The model files and ``config.yaml`` stay inside that package;
their paths are resolved here explicitly from where the package is installed (a frozen build carries
them under ``_internal/rapidocr_onnxruntime``), and a missing one is a clear ``OcrUnavailable``.

One engine per process, loaded on first use (about 0.3 s) and shared; onnxruntime and OpenCV run on
ONE thread by default so that the window stays responsive while a case is read in the background.
Calls are serialised by a lock, so any thread may use it.

Images are decoded through Pillow with the HEIC opener (``util.images``), turned upright by their EXIF
orientation, refused above ``MAX_PIXELS`` or when one side is thinner than ``MIN_SIDE``. A phone
screenshot is read in one pass scaled to at most ``ONE_PASS_SIDE`` rows (as bare RapidOCR reads it); a
wider image is scaled to ``MAX_WIDTH`` and a long one (a scrolling screenshot) read in overlapping bands
of ``TILE_HEIGHT`` rows; every box is given back in the pixels of the image as shown (after its EXIF
turn), whatever scaling or tiling the reading used.

A PDF page with a text layer gives that text and its boxes (no OCR); an image-only page is rendered
with PyMuPDF at ``PDF_DPI`` and read like an image. ``width``/``height`` of a PDF page are the pixels
of that rendering, the frame its boxes refer to.
"""

from __future__ import annotations

import importlib.util
import logging
import math
import re
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kami_desktop.core.errors import UserError
from kami_desktop.core.ocr.model import OcrLine, Point
from kami_desktop.core.util.images import enable_heif

if TYPE_CHECKING:
    import pymupdf
    from PIL import Image as PILImage

log = logging.getLogger(__name__)

PACKAGE = "rapidocr_onnxruntime"
DISTRIBUTION = "rapidocr-onnxruntime"
TEXT_LAYER_ENGINE = "pdf-text-layer"  # the engine of a PDF page whose own text was taken
MAX_PIXELS = 80_000_000  # a bigger image is not decoded (≈ 240 MB of RGB)
MIN_SIDE = 8  # thinner than this holds no readable line
# Wider images are scaled down to this before reading (phone screenshots are 1080–1290 wide). The
# detector's working memory grows with the pixels it sees at once (≈ +380 MB for 1170×1200, +450 MB for
# 1170×1600 on top of the 150 MB of the loaded models), so a longer image is read in bands of
# TILE_HEIGHT rows (after scaling) that overlap by TILE_OVERLAP, more than any line of text is tall.
MAX_WIDTH = 1200
TILE_HEIGHT = 1600
TILE_OVERLAP = 200
# A phone screenshot (1080×2400, 1170×2532, 1440×3200 …) is read in ONE pass, scaled to fit ONE_PASS_SIDE
# rows and ONE_PASS_PIXELS (the pixels of one band, so the same working memory) as bare RapidOCR reads
# it, as long as that leaves it MIN_ONE_PASS_WIDTH wide: the detector's time grows with the pixels it
# sees, and two bands at full width cost ≈ 1.5× one pass. Text on a phone screen scales with its width,
# so it stays as readable. Anything longer (a scrolling screenshot) is read in bands at MAX_WIDTH.
ONE_PASS_SIDE = 2000
ONE_PASS_PIXELS = MAX_WIDTH * TILE_HEIGHT
MIN_ONE_PASS_WIDTH = 840
PDF_DPI = 200  # image-only PDF pages are rendered at this resolution …
PDF_MAX_PIXELS = 12_000_000  # … but never bigger than this
TEXT_LAYER_MIN_CHARS = 8  # a page whose text layer has fewer visible characters is read by OCR


class OcrUnavailable(UserError):
    """The OCR engine cannot run in this installation (a model file or a library is missing)."""


class UnreadableFile(UserError):
    """This file (or page) cannot be read: the message is the reason stored with its ``failed`` row."""


@dataclass(frozen=True)
class PageRead:
    """What was read on one page: its size in pixels (the frame of the boxes), lines and engine."""

    width: int
    height: int
    lines: tuple[OcrLine, ...]
    engine: str


# ------------------------------------------------------------------ the engine
def package_dir() -> Path:
    """Where ``rapidocr_onnxruntime`` is installed (without importing it)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.origin:
        raise OcrUnavailable(
            "未安装文字识别组件（rapidocr-onnxruntime），无法识别截图文字。请重新安装本软件。"
        )
    return Path(spec.origin).resolve().parent


def _model_config(root: Path) -> dict[str, Any]:
    import yaml

    cfg_path = root / "config.yaml"
    if not cfg_path.is_file():
        raise OcrUnavailable(f"文字识别配置文件缺失：{cfg_path}。安装可能已损坏，请重新安装本软件。")
    with open(cfg_path, "rb") as fh:
        config: dict[str, Any] = yaml.safe_load(fh)
    return config


def model_paths() -> dict[str, Path]:
    """The detection, direction and recognition models, as the package's ``config.yaml`` names them."""
    root = package_dir()
    config = _model_config(root)
    paths = {part: root / str(config[part]["model_path"]) for part in ("Det", "Cls", "Rec")}
    for path in paths.values():
        if not path.is_file():
            raise OcrUnavailable(f"文字识别模型文件缺失：{path}。安装可能已损坏，请重新安装本软件。")
    return paths


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "?"


def engine_name() -> str:
    """The engine and model version rows are stored under, e.g. ``rapidocr-onnxruntime 1.4.4 / PP-OCRv4``
    (cheap: nothing is loaded)."""
    try:
        rec = model_paths()["Rec"].name
    except (OcrUnavailable, KeyError, TypeError, OSError):
        rec = ""
    m = re.search(r"PP-OCRv\d+", rec)
    return f"{DISTRIBUTION} {_version()} / {m.group(0) if m else rec or '?'}"


class Engine:
    """RapidOCR with explicit model paths and a fixed number of threads; calls serialised by a lock."""

    def __init__(self, threads: int = 1) -> None:
        paths = model_paths()
        root = package_dir()
        try:
            import cv2
            from rapidocr_onnxruntime import RapidOCR
        except ImportError as exc:  # a damaged install: onnxruntime or OpenCV does not load
            raise OcrUnavailable(f"文字识别组件无法加载（{exc}）。请重新安装本软件。") from exc
        if threads > 0:
            cv2.setNumThreads(threads)
        self.name = engine_name()
        self.threads = threads
        self._lock = threading.Lock()
        n = threads if threads > 0 else -1
        self._ocr = RapidOCR(
            config_path=str(root / "config.yaml"),
            det_model_path=str(paths["Det"]),
            cls_model_path=str(paths["Cls"]),
            rec_model_path=str(paths["Rec"]),
            intra_op_num_threads=n,
            inter_op_num_threads=n,
            max_side_len=max(MAX_WIDTH, TILE_HEIGHT, ONE_PASS_SIDE),  # never scaled down again
        )
        _quiet_rapidocr_loggers()

    def read_array(self, bgr: Any) -> list[tuple[list[list[float]], str, float]]:
        """RapidOCR on one BGR array: [(4 corners, text, confidence)], in the array's pixels."""
        with self._lock:
            result, _elapsed = self._ocr(bgr)
        return [(box, str(text), float(score)) for box, text, score in (result or [])]

    def read_image(self, im: PILImage.Image) -> tuple[OcrLine, ...]:
        """Every line of an upright image, boxes in its own pixels (tiled and scaled as needed)."""
        import numpy as np
        from PIL import Image

        w, h = im.size
        scale, one_pass = read_scale(w, h)
        if scale < 1.0:
            size = (max(1, round(w * scale)), max(1, round(h * scale)))
            im = im.resize(size, Image.Resampling.BILINEAR, reducing_gap=3.0)
        sw, sh = im.size
        rows = sh if one_pass else TILE_HEIGHT
        kx, ky = w / sw, h / sh  # back to the image's own pixels
        out: list[OcrLine] = []
        y0 = 0
        while True:
            y1 = min(sh, y0 + rows)
            band = im.crop((0, y0, sw, y1))
            if band.mode != "RGB":
                band = band.convert("RGB")
            bgr = np.ascontiguousarray(np.asarray(band)[:, :, ::-1])
            del band
            top = y0 + TILE_OVERLAP / 2 if y0 > 0 else -math.inf
            bottom = y1 - TILE_OVERLAP / 2 if y1 < sh else math.inf
            for box, text, score in self.read_array(bgr):
                pts = [(float(x), float(y) + y0) for x, y in box]
                cy = sum(p[1] for p in pts) / 4
                if not (top <= cy < bottom) or not text.strip():
                    continue
                corners = tuple((round(min(w, x * kx), 1), round(min(h, y * ky), 1)) for x, y in pts[:4])
                out.append(OcrLine(text, _four(corners), score))
            del bgr
            if y1 >= sh:
                break
            y0 = y1 - TILE_OVERLAP
        return tuple(out)


def read_scale(w: int, h: int) -> tuple[float, bool]:
    """The scale an image of ``w`` × ``h`` is read at, and whether in one pass: one pass when it fits
    (see ONE_PASS_SIDE), else at MAX_WIDTH (never enlarged) in bands of TILE_HEIGHT rows."""
    scale = min(1.0, MAX_WIDTH / w)
    if h * scale <= TILE_HEIGHT:
        return scale, True
    one = min(scale, ONE_PASS_SIDE / h, math.sqrt(ONE_PASS_PIXELS / (w * h)))
    return (one, True) if w * one >= MIN_ONE_PASS_WIDTH else (scale, False)


def _four(corners: tuple[Point, ...]) -> tuple[Point, Point, Point, Point]:
    return corners[0], corners[1], corners[2], corners[3]


def _quiet_rapidocr_loggers() -> None:
    """RapidOCR gives its loggers their own stderr handlers: send their records to ours instead."""
    for name in ("RapidOCR", "OrtInferSession"):
        lg = logging.getLogger(name)
        for handler in list(lg.handlers):
            if type(handler) is logging.StreamHandler:
                lg.removeHandler(handler)
        lg.setLevel(logging.WARNING)


_engine: Engine | None = None
_engine_lock = threading.Lock()


def get_engine(threads: int = 1) -> Engine:
    """The process's engine, loaded on first use (``threads`` counts only then)."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                _engine = Engine(threads)
    return _engine


# ------------------------------------------------------------------ images
def load_image(path: Path) -> PILImage.Image:
    """The image as shown: decoded (HEIC too), EXIF-turned, RGB; guarded against absurd sizes."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    enable_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                w, h = im.size
                if w * h > MAX_PIXELS:
                    raise UnreadableFile(f"图片像素过多（{w}×{h}），不做文字识别")
                if min(w, h) < MIN_SIDE:
                    raise UnreadableFile(f"图片尺寸异常（{w}×{h}），太窄，无法识别文字")
                if im.format == "JPEG" and w > 2 * MAX_WIDTH:
                    im.draft("RGB", (w // 2, h // 2))  # decode at half size at most: it is scaled anyway
                im.load()
                upright = ImageOps.exif_transpose(im)
                if upright.mode != "RGB":
                    upright = _to_rgb(upright)
                return upright
    except UnreadableFile:
        raise
    except (Image.DecompressionBombError, MemoryError) as exc:
        raise UnreadableFile("图片像素过多（疑似解压炸弹），不做文字识别") from exc
    except UnidentifiedImageError as exc:
        raise UnreadableFile("无法识别的图片格式，或文件已损坏") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise UnreadableFile(f"图片文件可能损坏或不完整（{type(exc).__name__}），无法识别文字") from exc


def _to_rgb(im: PILImage.Image) -> PILImage.Image:
    """Transparent pixels become white (a PNG screenshot with alpha), everything else plain RGB."""
    from PIL import Image

    if "A" in im.getbands() or im.mode == "P" and "transparency" in im.info:
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB")


def read_image_file(path: Path, threads: int = 1) -> PageRead:
    im = load_image(path)
    eng = get_engine(threads)
    lines = eng.read_image(im)
    return PageRead(im.width, im.height, lines, eng.name)


# ------------------------------------------------------------------ PDFs
class PdfPages:
    """An open PDF whose pages are read one at a time (``read(i)``); close it (or use ``with``)."""

    def __init__(self, path: Path) -> None:
        import pymupdf

        try:
            self.doc: pymupdf.Document = pymupdf.open(path, filetype="pdf")
        except Exception as exc:  # noqa: BLE001 - PyMuPDF raises its own types for empty or broken files
            raise UnreadableFile(f"PDF 文件为空或已损坏（{type(exc).__name__}），无法识别文字") from exc
        if self.doc.needs_pass or self.doc.is_encrypted:
            self.doc.close()
            raise UnreadableFile("PDF 已加密（需要密码），无法识别文字")
        if self.doc.page_count == 0:
            self.doc.close()
            raise UnreadableFile("PDF 没有页面")

    @property
    def page_count(self) -> int:
        return int(self.doc.page_count)

    def close(self) -> None:
        self.doc.close()

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, index: int, threads: int = 1) -> PageRead:
        """One page: its own text when it has a text layer, else OCR of its rendering (the engine is
        loaded only then)."""
        import pymupdf

        try:
            page = self.doc[index]
            rect = page.rect
            zoom = min(PDF_DPI / 72, math.sqrt(PDF_MAX_PIXELS / max(1.0, rect.width * rect.height)))
            width, height = max(1, round(rect.width * zoom)), max(1, round(rect.height * zoom))
            lines = _text_layer(page, zoom)
            if lines:
                return PageRead(width, height, lines, TEXT_LAYER_ENGINE)
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False, colorspace=pymupdf.csRGB)
            from PIL import Image

            im = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
            del pix
        except UnreadableFile:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged page: its row says so, the others are read
            raise UnreadableFile(f"PDF 第 {index + 1} 页无法渲染（{type(exc).__name__}）") from exc
        eng = get_engine(threads)
        ocr_lines = eng.read_image(im)
        sx, sy = width / im.width, height / im.height
        if abs(sx - 1) > 1e-6 or abs(sy - 1) > 1e-6:
            ocr_lines = tuple(
                OcrLine(ln.text, _four(tuple((x * sx, y * sy) for x, y in ln.box)), ln.confidence)
                for ln in ocr_lines
            )
        return PageRead(width, height, ocr_lines, eng.name)


def _text_layer(page: pymupdf.Page, zoom: float) -> tuple[OcrLine, ...]:
    """The page's own text, one ``OcrLine`` per line, boxes in the rendered pixels (empty when the page
    has less than ``TEXT_LAYER_MIN_CHARS`` visible characters: a scan, read by OCR instead)."""
    import pymupdf

    data = page.get_text("dict", flags=pymupdf.TEXTFLAGS_TEXT)
    to_page = page.rotation_matrix * pymupdf.Matrix(zoom, zoom)
    out: list[OcrLine] = []
    for block in data.get("blocks", []):
        for line in block.get("lines", []):
            text = "".join(span.get("text", "") for span in line.get("spans", [])).strip()
            if not text:
                continue
            r = pymupdf.Rect(line["bbox"]) * to_page
            box = ((r.x0, r.y0), (r.x1, r.y0), (r.x1, r.y1), (r.x0, r.y1))
            out.append(OcrLine(text, _four(tuple((round(x, 1), round(y, 1)) for x, y in box)), 1.0))
    visible = sum(1 for ln in out for c in ln.text if not c.isspace())
    return tuple(out) if visible >= TEXT_LAYER_MIN_CHARS else ()


def is_pdf(media_type: str) -> bool:
    return media_type == "application/pdf"


def is_image(media_type: str) -> bool:
    return media_type.startswith("image/")
