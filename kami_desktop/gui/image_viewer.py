"""A zoomable, pannable image view: wheel zooms around the cursor, drag pans, double-click fits."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView


class ImageViewer(QGraphicsView):
    MIN_ZOOM, MAX_ZOOM = 0.05, 16.0

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self._fit = True
        self._marks: list[QGraphicsRectItem] = []

    def set_image(self, image: QImage | None) -> None:
        pix = QPixmap.fromImage(image) if image is not None and not image.isNull() else QPixmap()
        self._item.setPixmap(pix)
        if pix.isNull():
            self.set_highlights([])  # marks belong to the image being shown (a new one is loading)
        self.scene().setSceneRect(self._item.boundingRect())
        self.fit()

    def set_highlights(self, rects: list[QRectF]) -> None:
        """Outline these rectangles (in the image's pixels) over the image, e.g. a line search found."""
        for mark in self._marks:
            self.scene().removeItem(mark)
        pen = QPen(QColor("#e53935"), 3)
        pen.setCosmetic(True)  # the same width at any zoom
        brush = QBrush(QColor(255, 235, 59, 80))
        self._marks = [self.scene().addRect(QRectF(r), pen, brush) for r in rects]
        for mark in self._marks:
            mark.setZValue(1)

    def highlights(self) -> list[QRectF]:
        return [mark.rect() for mark in self._marks]

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def zoom_factor(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        self._fit = True
        if self.has_image():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        target = self.zoom_factor() * factor
        if self.MIN_ZOOM <= target <= self.MAX_ZOOM:
            self._fit = False
            self.scale(factor, factor)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.25**steps)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._fit:
            self.resetTransform()
            self._fit = False
        else:
            self.fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._fit:
            self.fit()
