"""How values look on screen: local times, file sizes, media types in words."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLineEdit, QStyle

from kami_desktop.core.util.timeutil import CHINA_TZ
from kami_desktop.core.vocab import CATEGORIES, CAUSE_TYPES


def local_time(dt: datetime | None, seconds: bool = False) -> str:
    """China local wall-clock time, e.g. 2025-03-12 20:30."""
    if dt is None:
        return ""
    return dt.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def human_size(n: int | None) -> str:
    if n is None:
        return ""
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def kind_of(media_type: str) -> str:
    """A media type in the user's words."""
    if media_type.startswith("image/"):
        return QCoreApplication.translate("Formatting", "图片")
    if media_type == "application/pdf":
        return "PDF"
    if media_type.startswith("audio/"):
        return QCoreApplication.translate("Formatting", "音频")
    if media_type.startswith("video/"):
        return QCoreApplication.translate("Formatting", "视频")
    if media_type.startswith("text/") or media_type == "application/json":
        return QCoreApplication.translate("Formatting", "文本")
    if media_type in ("application/zip", "application/x-7z-compressed", "application/x-rar-compressed"):
        return QCoreApplication.translate("Formatting", "压缩包")
    return QCoreApplication.translate("Formatting", "其他文件")


# The core's vocabularies are Chinese; these markers let lupdate collect them for translation.
_VOCAB_MARKERS = (
    QT_TRANSLATE_NOOP("Vocab", "资金流水"),
    QT_TRANSLATE_NOOP("Vocab", "平台交互"),
    QT_TRANSLATE_NOOP("Vocab", "未交付证明"),
    QT_TRANSLATE_NOOP("Vocab", "主体信息"),
    QT_TRANSLATE_NOOP("Vocab", "平台规则"),
    QT_TRANSLATE_NOOP("Vocab", "其他"),
    QT_TRANSLATE_NOOP("Vocab", "隐性规则扣款"),
    QT_TRANSLATE_NOOP("Vocab", "自动续费扣款"),
    QT_TRANSLATE_NOOP("Vocab", "付款后未交付"),
    QT_TRANSLATE_NOOP("Vocab", "技术故障扣款"),
    QT_TRANSLATE_NOOP("Vocab", "恶意扣款"),
    QT_TRANSLATE_NOOP("Vocab", "未知"),
)


def join_list(items) -> str:
    """Items joined with the interface language's list separator (、 in Chinese)."""
    return QCoreApplication.translate("Formatting", "、", "separator between list items").join(items)


def group_title(label: str, count: int) -> str:
    """A group heading with its size, e.g. 资金流水（3）."""
    return QCoreApplication.translate("Formatting", "{label}（{n}）").format(label=label, n=count)


def category_label(code: str) -> str:
    return QCoreApplication.translate("Vocab", CATEGORIES.get(code, code))


def cause_label(code: str) -> str:
    return QCoreApplication.translate("Vocab", CAUSE_TYPES.get(code, code))


def placeholder_width(edit: QLineEdit) -> int:
    """The width a line edit needs to show its whole placeholder: the text, the frame and text margins,
    and the clear button when it has one."""
    fm = edit.fontMetrics()
    style = edit.style()
    frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit)
    margins = edit.textMargins()
    clear = (
        style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, edit) + 8
        if edit.isClearButtonEnabled()
        else 0
    )
    # 2 px of QLineEdit's own horizontal margin each side, and a character of slack for the cursor
    return (
        fm.horizontalAdvance(edit.placeholderText())
        + 2 * frame
        + 4
        + margins.left()
        + margins.right()
        + clear
        + fm.averageCharWidth()
    )
