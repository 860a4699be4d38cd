"""Pillow with the HEIF/HEIC opener (iPhone photos) registered, once, before any image is opened.

``pillow_heif`` applies the HEIF rotation/mirroring itself when it opens a file: the image arrives
upright, its EXIF Orientation already reset to 1 (the stored value is in ``im.info["original_orientation"]``),
so the callers' ``ImageOps.exif_transpose`` stays a harmless no-op. The original HEIC is only read.
"""

from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)

_lock = threading.Lock()
_done = False


def enable_heif() -> bool:
    """Register the HEIF opener with Pillow (idempotent, thread-safe); False when pillow_heif is missing."""
    global _done
    if _done:
        return True
    with _lock:
        if _done:
            return True
        try:
            import pillow_heif
        except ImportError:  # a build without it still opens every other format
            log.warning("pillow_heif is not installed: HEIC/HEIF photos cannot be decoded")
            return False
        pillow_heif.register_heif_opener()
        _done = True
    return True


def image_reason(exc: BaseException) -> str:
    """Why Pillow (or pillow-heif) could not decode a picture, in Chinese: its class names and messages
    ("UnidentifiedImageError", "image file is truncated") are developer text, and reach court pages."""
    name = type(exc).__name__
    text = str(exc)
    if name == "UnidentifiedImageError":
        return "无法识别的图片格式或数据"
    if "truncated" in text or isinstance(exc, EOFError):
        return "图片数据不完整"
    if isinstance(exc, SyntaxError) or "broken" in text or "corrupt" in text.lower():
        return "图片结构损坏"
    if isinstance(exc, OSError) and exc.strerror and not exc.strerror.isascii():
        return exc.strerror  # an OS error already in the user's language
    return "图片解码出错"
