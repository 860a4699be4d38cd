"""A zoomable, pannable image view: fit, 100 %, wheel zoom around the cursor, drag and arrow-key pan.

Scene coordinates are the image's pixels. Below 100 % the view does not let the painter shrink the
full image (a bilinear sample of a 4000-pixel screenshot drawn at 400 pixels is jagged and its text
unreadable): it shows a copy scaled once with Qt's area-averaging smooth scaling to the size it is
drawn at, in device pixels (``devicePixelRatio``), and scales that item back so the scene stays in
image pixels. 100 % is one image pixel per screen pixel."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView


class ImageViewer(QGraphicsView):
    MIN_ZOOM, MAX_ZOOM = 0.02, 16.0  # device pixels per image pixel
    zoom_changed = Signal(float)  # the zoom in device pixels per image pixel (1.0 = 100 %)
    open_requested = Signal()  # a double-click when ``double_click_opens`` (the detail panel's preview)
    step_requested = Signal(int)  # ←/→ on an image that fits across: the previous / next one

    def __init__(self, parent=None, *, double_click_opens: bool = False) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.double_click_opens = double_click_opens
        self._image = QImage()
        self._full: QPixmap | None = None  # the image at 100 %, made once when first needed
        self._shown_scale = 0.0  # image pixels per pixmap pixel of what the item holds now
        self._fit = True
        self._sharpen = QTimer(self, singleShot=True, interval=60)  # after a wheel turn: scale once
        self._sharpen.timeout.connect(self._refresh_pixmap)
        self._marks: list[QGraphicsRectItem] = []
        self._rects: list[QRectF] = []

    # ------------------------------------------------------------------ the image
    def set_image(self, image: QImage | None) -> None:
        self._image = image if image is not None and not image.isNull() else QImage()
        self._full = None
        self._shown_scale = 0.0
        self._item.setPixmap(QPixmap())
        self._item.setScale(1.0)
        self.scene().setSceneRect(QRectF(0, 0, self._image.width(), self._image.height()))
        if self._image.isNull():
            self.set_highlights([])  # marks belong to the image being shown (a new one is loading)
        self.fit()

    def set_highlights(self, rects: list[QRectF]) -> None:
        """Outline these rectangles (in the image's pixels) over the image, e.g. a line search found."""
        for mark in self._marks:
            self.scene().removeItem(mark)
        pen = QPen(QColor("#e53935"), 2)
        pen.setCosmetic(True)  # the same width at any zoom
        brush = QBrush(QColor(255, 235, 59, 50))
        self._rects = [QRectF(r) for r in rects]
        # drawn a little outside the line, so that the outline never covers the words it points at
        self._marks = [
            self.scene().addRect(
                r.adjusted(-r.height() / 3, -r.height() / 3, r.height() / 3, r.height() / 3), pen, brush
            )
            for r in self._rects
        ]
        for mark in self._marks:
            mark.setZValue(1)

    def highlights(self) -> list[QRectF]:
        """The rectangles asked for (the outline drawn around each is a little larger)."""
        return list(self._rects)

    def has_image(self) -> bool:
        return not self._image.isNull()

    def image_size(self) -> QSize:
        return self._image.size()

    def _dpr(self) -> float:
        return max(1.0, self.devicePixelRatioF())

    def _refresh_pixmap(self) -> None:
        """Give the item a pixmap made for the current zoom: smooth-scaled below 100 %."""
        if not self.has_image():
            return
        z = self.zoom_factor()
        if z >= 1.0:
            if self._shown_scale != 1.0:
                if self._full is None:
                    self._full = QPixmap.fromImage(self._image)
                self._item.setPixmap(self._full)
                self._item.setScale(1.0)
                self._shown_scale = 1.0
            return
        w = max(1, round(self._image.width() * z))
        h = max(1, round(self._image.height() * z))
        scale = self._image.width() / w
        if abs(scale - self._shown_scale) < 1e-6:
            return
        small = self._image.scaled(
            w, h, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self._item.setPixmap(QPixmap.fromImage(small))
        self._item.setScale(scale)
        self._shown_scale = scale

    # ------------------------------------------------------------------ zoom
    def zoom_factor(self) -> float:
        """Device (screen) pixels per image pixel: 1.0 is 100 %."""
        return self.transform().m11() * self._dpr()

    def is_fit(self) -> bool:
        return self._fit

    def fit(self) -> None:
        self._fit = True
        if self.has_image():
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self._refresh_pixmap()
            self.zoom_changed.emit(self.zoom_factor())

    def set_zoom(self, zoom: float, anchor: QPoint | None = None) -> None:
        """Zoom to ``zoom`` device pixels per image pixel, keeping the image point under the viewport
        point ``anchor`` (default: the centre) where it is."""
        if not self.has_image():
            return
        zoom = max(self.MIN_ZOOM, min(self.MAX_ZOOM, zoom))
        at = anchor if anchor is not None else self.viewport().rect().center()
        scene_at = self.mapToScene(at)
        self._fit = False
        old = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.resetTransform()
        s = zoom / self._dpr()
        self.scale(s, s)
        # put scene_at back under the anchor point
        delta = self.mapToScene(at) - scene_at
        self.centerOn(self.mapToScene(self.viewport().rect().center()) - delta)
        self.setTransformationAnchor(old)
        self._sharpen.start()
        self.zoom_changed.emit(self.zoom_factor())

    def zoom(self, factor: float, anchor: QPoint | None = None) -> None:
        self.set_zoom(self.zoom_factor() * factor, anchor)

    def actual_size(self, anchor: QPoint | None = None) -> None:
        """100 %: one image pixel per screen pixel."""
        self.set_zoom(1.0, anchor)
        self._refresh_pixmap()

    def scene_point_at(self, pos: QPoint) -> QPointF:
        return self.mapToScene(pos)

    # ------------------------------------------------------------------ events
    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(1.25**steps, event.position().toPoint())
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.double_click_opens:
            self.open_requested.emit()
        elif self._fit:
            self.actual_size(event.position().toPoint())  # the point clicked stays under the pointer
        else:
            self.fit()
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not event.modifiers():
            bar = self.horizontalScrollBar()
            if bar.maximum() == bar.minimum():  # nothing to pan across: the previous / next image
                self.step_requested.emit(-1 if key == Qt.Key.Key_Left else 1)
                event.accept()
                return
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.step_requested.emit(-1 if key == Qt.Key.Key_PageUp else 1)
            event.accept()
            return
        super().keyPressEvent(event)  # arrows pan

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._fit:
            self.fit()
