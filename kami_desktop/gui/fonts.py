"""A CJK font for the UI on Linux machines without one (Windows has Microsoft YaHei)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_cjk_font(force: bool = False) -> str | None:
    """Load PyMuPDF's built-in Droid Sans Fallback when no installed font covers Chinese.

    Returns the family name added, or None when nothing was needed (or possible)."""
    if not force and (not sys.platform.startswith("linux") or has_cjk_font()):
        return None
    try:
        import pymupdf

        data = pymupdf.Font("cjk").buffer
    except Exception:
        return None
    font_id = QFontDatabase.addApplicationFontFromData(bytes(data))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None
