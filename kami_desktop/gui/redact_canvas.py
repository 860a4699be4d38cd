"""The masking editor's picture: the image scaled to fit, the boxes to mask drawn over it.

Drag on an empty area to add a box; drag a box to move it; drag one of the selected box's corner handles
to resize it; Del (or Backspace) deletes the selected box. Boxes are kept in pixels of the image as
shown, never of the screen; the canvas paints nothing into the image (masking runs in the core).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

HANDLE = 7  # half the size of a corner handle, in screen pixels
MIN_SIDE = 4  # a box smaller than this (image pixels) is a click, not a box


@dataclass
class CanvasBox:
    rect: QRect  # image pixels
    kind: str = "manual"
    reason: str = ""


class MaskCanvas(QWidget):
    boxes_changed = Signal()
    selection_changed = Signal(int)  # index of the selected box, -1 for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.image = QImage()
        self.size_px = QSize(0, 0)  # the image as shown, in its own pixels (the QImage may be smaller)
        self.boxes: list[CanvasBox] = []
        self.selected = -1
        self.mosaic = False
        self._drag: tuple[str, int, QPoint, QRect] | None = None  # mode, box/corner, start (image), rect
        self._shown: QImage | None = None  # the picture as drawn at the current size

    # ------------------------------------------------------------------ content
    def set_image(self, image: QImage, size: QSize, boxes: list[CanvasBox]) -> None:
        """``image`` drawn over ``size`` image pixels (a huge picture is shown from a smaller copy)."""
        self.image = image
        self._shown = None
        self.size_px = QSize(size)
        self.boxes = boxes  # the caller's list, edited in place
        self.selected = -1
        self._drag = None
        self.updateGeometry()
        self.update()
        self.selection_changed.emit(-1)

    def _shown_image(self, size: QSize) -> QImage:
        """The picture reduced smoothly to ``size`` (kept until the size or picture changes): drawn from
        every n-th pixel, the thin strokes of Chinese text fall apart and cannot be checked."""
        if self._shown is None or self._shown.size() != size:
            self._shown = self.image.scaled(
                size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        return self._shown

    def select(self, index: int) -> None:
        self.selected = index if 0 <= index < len(self.boxes) else -1
        self.update()
        self.selection_changed.emit(self.selected)

    def delete_selected(self) -> None:
        if 0 <= self.selected < len(self.boxes):
            del self.boxes[self.selected]
            self.selected = -1
            self.update()
            self.boxes_changed.emit()
            self.selection_changed.emit(-1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(720, 640)

    # ------------------------------------------------------------------ geometry
    def _scale(self) -> tuple[float, QPointF]:
        w, h = self.size_px.width(), self.size_px.height()
        if self.image.isNull() or w <= 0 or h <= 0:
            return 1.0, QPointF(0, 0)
        s = min(self.width() / w, self.height() / h)
        return s, QPointF((self.width() - w * s) / 2, (self.height() - h * s) / 2)

    def to_screen(self, r: QRect) -> QRectF:
        s, off = self._scale()
        return QRectF(off.x() + r.x() * s, off.y() + r.y() * s, r.width() * s, r.height() * s)

    def to_image(self, p: QPointF | QPoint) -> QPoint:
        s, off = self._scale()
        x = round((p.x() - off.x()) / s)
        y = round((p.y() - off.y()) / s)
        return QPoint(max(0, min(self.size_px.width(), x)), max(0, min(self.size_px.height(), y)))

    def _corners(self, r: QRectF) -> list[QPointF]:
        return [r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()]

    def _hit(self, pos: QPointF) -> tuple[str, int]:
        if 0 <= self.selected < len(self.boxes):
            for i, c in enumerate(self._corners(self.to_screen(self.boxes[self.selected].rect))):
                if abs(c.x() - pos.x()) <= HANDLE and abs(c.y() - pos.y()) <= HANDLE:
                    return "resize", i
        for i in range(len(self.boxes) - 1, -1, -1):
            if self.to_screen(self.boxes[i].rect).contains(pos):
                return "move", i
        return "new", -1

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt)
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        if self.image.isNull():
            p.end()
            return
        s, off = self._scale()
        shown = QRectF(off.x(), off.y(), self.size_px.width() * s, self.size_px.height() * s)
        p.drawImage(shown.topLeft(), self._shown_image(shown.toAlignedRect().size()))
        fill = QColor(40, 40, 40, 150) if self.mosaic else QColor(0, 0, 0, 190)
        for i, b in enumerate(self.boxes):
            r = self.to_screen(b.rect)
            p.fillRect(r, fill)
            p.setPen(QPen(QColor(230, 40, 40), 2 if i == self.selected else 1))
            p.drawRect(r)
        if 0 <= self.selected < len(self.boxes):
            p.setPen(QPen(QColor(230, 40, 40), 1))
            for c in self._corners(self.to_screen(self.boxes[self.selected].rect)):
                p.fillRect(QRectF(c.x() - HANDLE, c.y() - HANDLE, 2 * HANDLE, 2 * HANDLE), QColor("white"))
                p.drawRect(QRectF(c.x() - HANDLE, c.y() - HANDLE, 2 * HANDLE, 2 * HANDLE))
        if self._drag and self._drag[0] == "new":
            p.setPen(QPen(QColor(230, 40, 40), 1, Qt.PenStyle.DashLine))
            p.drawRect(self.to_screen(self._drag[3]))
        p.end()

    # ------------------------------------------------------------------ mouse and keys
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        if event.button() != Qt.MouseButton.LeftButton or self.image.isNull():
            return
        self.setFocus()
        pos = event.position()
        mode, index = self._hit(pos)
        start = self.to_image(pos)
        if mode == "move":
            self.select(index)
            self._drag = ("move", index, start, QRect(self.boxes[index].rect))
        elif mode == "resize":
            self._drag = ("resize", index, start, QRect(self.boxes[self.selected].rect))
        else:
            self.select(-1)
            self._drag = ("new", -1, start, QRect(start, QSize(0, 0)))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        pos = event.position()
        if self._drag is None:
            mode, index = self._hit(pos)
            shapes = {"resize": Qt.CursorShape.SizeFDiagCursor, "move": Qt.CursorShape.SizeAllCursor}
            self.setCursor(shapes.get(mode, Qt.CursorShape.CrossCursor))
            return
        mode, index, start, orig = self._drag
        now = self.to_image(pos)
        if mode == "new":
            self._drag = (mode, index, start, QRect(start, now).normalized())
        elif mode == "move":
            r = orig.translated(now - start)
            dx = max(-r.x(), min(0, self.size_px.width() - (r.x() + r.width())))
            dy = max(-r.y(), min(0, self.size_px.height() - (r.y() + r.height())))
            self.boxes[index].rect = r.translated(dx, dy)
        else:  # resize: the dragged corner follows, the opposite one stays
            corners = [orig.topLeft(), orig.topRight(), orig.bottomRight(), orig.bottomLeft()]
            fixed = corners[(index + 2) % 4]
            self.boxes[self.selected].rect = QRect(fixed, now).normalized()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt)
        if self._drag is None:
            return
        mode, index, _start, rect = self._drag
        self._drag = None
        if mode == "new":
            if rect.width() >= MIN_SIDE and rect.height() >= MIN_SIDE:
                self.boxes.append(CanvasBox(rect, "manual", self.tr("手动添加")))
                self.select(len(self.boxes) - 1)
                self.boxes_changed.emit()
        else:
            b = self.boxes[self.selected if mode == "resize" else index]
            if b.rect.width() < MIN_SIDE or b.rect.height() < MIN_SIDE:
                b.rect = rect  # too small to be meant: back as it was
            if b.rect != rect:  # a click that only selects the box changes nothing
                self.boxes_changed.emit()
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
            return
        super().keyPressEvent(event)

    def event(self, ev) -> bool:  # the reason of the box under the pointer
        if ev.type() == ev.Type.ToolTip:
            mode, index = self._hit(QPointF(ev.pos()))
            if mode == "move" and self.boxes[index].reason:
                QToolTip.showText(ev.globalPos(), self.boxes[index].reason, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(ev)
