"""File names that survive a bare Windows PC: no reserved names or characters, bounded length."""

from __future__ import annotations

import re
import unicodedata

_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    "CLOCK$",
    "CONIN$",
    "CONOUT$",
    *(f"COM{i}" for i in "123456789¹²³"),
    *(f"LPT{i}" for i in "123456789¹²³"),
}
_EXT = re.compile(r"^\.[A-Za-z0-9]{1,8}$")

MEDIA_EXT = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/bmp": ".bmp",
    "image/tiff": ".tif",
    "image/heic": ".heic",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
    "text/csv": ".csv",
    "text/html": ".html",
    "application/json": ".json",
    "application/zip": ".zip",
    "audio/amr": ".amr",
    "audio/mpeg": ".mp3",
    "audio/x-m4a": ".m4a",
    "audio/mp4": ".m4a",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "audio/silk": ".silk",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}


def clean_component(text: str, max_len: int = 60, fallback: str = "未命名") -> str:
    """One path component: forbidden characters become '_', whitespace collapses, reserved names get '_'."""
    t = unicodedata.normalize("NFC", str(text or ""))
    t = _BAD.sub("_", t)
    t = _SPACES.sub(" ", t).strip()
    t = t[:max_len].rstrip(" .")
    t = t.lstrip(" ")
    if not t or set(t) <= {"_", "."}:
        t = fallback
    if t.split(".")[0].strip().upper() in _RESERVED:
        t = "_" + t
    return t


def extension_for(original_name: str, media_type: str) -> str:
    """The original's extension when it is plain (.png, .JPG → .jpg), else one from the media type."""
    dot = original_name.rfind(".")
    ext = original_name[dot:] if dot > 0 else ""
    if _EXT.match(ext):
        return ext.lower()
    return MEDIA_EXT.get(media_type, ".bin")


def exhibit_prefix(number: int, total: int) -> str:
    width = max(2, len(str(total)))
    return f"证据{number:0{width}d}"


def original_file_name(
    number: int, total: int, title: str, index: int, original_name: str, media_type: str
) -> str:
    """``证据01_客服聊天记录_1.png``: exhibit number, title, file index in the exhibit, extension."""
    ext = extension_for(original_name, media_type)
    return f"{exhibit_prefix(number, total)}_{clean_component(title, 40)}_{index}{ext}"


def unique_names(names: list[str]) -> list[str]:
    """Make names unique without regard to case (Windows file systems fold case)."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate = name
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        n = 2
        while candidate.casefold() in seen:
            candidate = f"{stem}({n})" + (f".{ext}" if ext else "")
            n += 1
        seen.add(candidate.casefold())
        out.append(candidate)
    return out
