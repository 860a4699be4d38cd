"""Paints one exhibit tile in the grid (thumbnail or placeholder, number, title, category, time)
and a full-width band for a category header when the grid is grouped."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate

from kami_desktop.gui.evidence_model import EvidenceModel, GroupHeader
from kami_desktop.gui.formatting import category_label, group_title, kind_of, local_time
from kami_desktop.gui.theme import secondary_text

TILE_W, TILE_H, THUMB_H = 172, 222, 160
HEADER_H = 30
CATEGORY_COLORS = {
    "funds": "#2e7d32",
    "interaction": "#1565c0",
    "non_delivery": "#c62828",
    "identity": "#6a1b9a",
    "rules": "#b45309",
    "other": "#546e7a",
}


class TileDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    @staticmethod
    def _item(index):
        # Ask the Python model directly: QModelIndex.data() returning None leaks a reference to None
        # in PySide6 6.12 and crashes the interpreter after a few thousand calls.
        model = index.model()
        return model.item(index.row()) if isinstance(model, EvidenceModel) else None

    def sizeHint(self, option, index) -> QSize:
        if isinstance(self._item(index), GroupHeader):
            return QSize(max(TILE_W, self.view.viewport().width() - 2 * self.view.spacing() - 2), HEADER_H)
        return QSize(TILE_W, TILE_H)

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        rect = QRect(option.rect)
        pal = option.palette
        item = self._item(index)
        if isinstance(item, GroupHeader):
            text = group_title(category_label(item.category), item.count)
            self._paint_header(painter, rect, item.category, text, pal)
            painter.restore()
            return
        row = item
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        bg = pal.color(QPalette.ColorRole.Highlight) if selected else pal.color(QPalette.ColorRole.Base)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(bg.lighter(170) if selected else bg)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        thumb_rect = QRect(rect.x() + 6, rect.y() + 6, rect.width() - 12, THUMB_H)
        img = index.model().thumbnail(index.row()) if row is not None else None
        if img is not None and not img.isNull():
            scaled = QSize(img.width(), img.height()).scaled(
                thumb_rect.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(thumb_rect.center())
            painter.drawImage(target, img)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#eceff1"))
            painter.drawRoundedRect(thumb_rect, 4, 4)
            painter.setPen(QColor("#455a64"))
            painter.drawText(
                thumb_rect, Qt.AlignmentFlag.AlignCenter, kind_of(row.first_media_type) if row else ""
            )
        if row is None:
            painter.restore()
            return
        text_color = pal.color(QPalette.ColorRole.Text)
        fm = QFontMetrics(option.font)
        line1 = QRect(rect.x() + 8, thumb_rect.bottom() + 6, rect.width() - 16, fm.height())
        painter.setPen(text_color)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(
            line1,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetrics(bold).elidedText(
                f"{row.number}. {row.title}", Qt.TextElideMode.ElideRight, line1.width()
            ),
        )
        painter.setFont(option.font)
        line2 = QRect(line1.x(), line1.bottom() + 3, line1.width(), fm.height())
        chip = category_label(row.category)
        chip_w = fm.horizontalAdvance(chip) + 10
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(CATEGORY_COLORS.get(row.category, "#546e7a")))
        painter.drawRoundedRect(QRect(line2.x(), line2.y(), chip_w, fm.height()), 3, 3)
        painter.setPen(QColor("white"))
        painter.drawText(QRect(line2.x(), line2.y(), chip_w, fm.height()), Qt.AlignmentFlag.AlignCenter, chip)
        painter.setPen(secondary_text(pal))
        when = QRect(line2.x() + chip_w + 6, line2.y(), line2.width() - chip_w - 6, fm.height())
        painter.drawText(
            when,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(local_time(row.captured_at)[:10], Qt.TextElideMode.ElideRight, when.width()),
        )
        if row.file_count > 1:
            self._badge(
                painter,
                QRect(thumb_rect.right() - 40, thumb_rect.y() + 4, 36, fm.height()),
                f"×{row.file_count}",
                QColor(0, 0, 0, 150),
            )
        if row.problem:
            self._badge(
                painter,
                QRect(thumb_rect.x() + 4, thumb_rect.y() + 4, fm.height(), fm.height()),
                "!",
                QColor("#d32f2f"),
            )
        painter.restore()

    @staticmethod
    def _badge(painter: QPainter, rect: QRect, text: str, color: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _paint_header(painter: QPainter, rect: QRect, category: str, text: str, pal: QPalette) -> None:
        color = QColor(CATEGORY_COLORS.get(category, "#546e7a"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRect(QRect(rect.x(), rect.y() + 4, 4, rect.height() - 8))
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(
            rect.adjusted(12, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
        )
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.x() + 12, rect.bottom() - 2, rect.right(), rect.bottom() - 2)
