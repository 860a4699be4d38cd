"""Colours and small helpers shared by the 维权进度 (ladder) widgets."""

from __future__ import annotations

from PySide6.QtGui import QColor

# status -> (background, foreground); deadlines use ok/near/past/done, readiness present/weak/missing
STATUS_COLOURS: dict[str, tuple[str, str]] = {
    "ok": ("#e8f5e9", "#1b5e20"),
    "near": ("#fff3cd", "#7a5200"),
    "past": ("#fde2e1", "#b71c1c"),
    "done": ("#eeeeee", "#616161"),
    "present": ("#e8f5e9", "#1b5e20"),
    "weak": ("#fff3cd", "#7a5200"),
    "missing": ("#fde2e1", "#b71c1c"),
}


def background(status: str) -> QColor:
    return QColor(STATUS_COLOURS.get(status, ("#ffffff", "#000000"))[0])


def foreground(status: str) -> QColor:
    return QColor(STATUS_COLOURS.get(status, ("#ffffff", "#000000"))[1])


def banner_css(status: str) -> str:
    bg, fg = STATUS_COLOURS.get(status, ("#f5f5f5", "#212121"))
    return (
        f"background: {bg}; color: {fg}; border: 1px solid {fg}; border-radius: 4px; padding: 6px 10px;"
        " font-weight: bold;"
    )
