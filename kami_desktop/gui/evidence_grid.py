"""The thumbnail grid of a case's exhibits (QListView in icon mode over the shared EvidenceModel).

Reordering by drag is done here, not by QListView: in icon mode its own drop handling moves tiles
around freely or not at all and never reaches the model. A drag of tiles shows a bar between two tiles
(before the tile under the pointer, or after it on its right half) and the drop hands the model the
row to insert before, as the table's drop does."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QAbstractItemView, QListView

from kami_desktop.gui.evidence_model import EXHIBIT_MIME, EvidenceModel
from kami_desktop.gui.tile_delegate import TileDelegate


class EvidenceGrid(QListView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceGrid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(
            QListView.Movement.Static
        )  # drops go to the model (binder order), not free placement
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(100)
        self.setSpacing(8)
        self.setUniformItemSizes(True)
        self.setWrapping(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegate(TileDelegate(self))
        self.drop_bar: QRect | None = None  # where a dragged tile would go (shown while dragging)
        self.viewport().setAcceptDrops(
            True
        )  # setMovement(Static) turned it off: no drop ever reached the grid

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        if isinstance(model, EvidenceModel):
            self.setModelColumn(EvidenceModel.COL_TITLE)
            model.arrangement_changed.connect(self._arrangement_changed)

    def _arrangement_changed(self) -> None:
        model = self.model()
        # full-width header bands need per-item sizes; without headers one size fits all (fast)
        self.setUniformItemSizes(not getattr(model, "grouped", False))

    # ------------------------------------------------------------------ reorder by drag
    def _reordering(self, event) -> bool:
        model = self.model()
        md = event.mimeData()
        return (
            isinstance(model, EvidenceModel)
            and model.can_reorder()
            and md is not None
            and md.hasFormat(EXHIBIT_MIME)
        )

    def drop_target(self, pos: QPoint) -> tuple[int, QRect] | None:
        """(row to insert before, the bar to draw) for a drop at ``pos`` (viewport coordinates)."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return None
        gap = max(2, self.spacing() // 2)
        index = self.indexAt(pos)
        if index.isValid():
            rect = self.visualRect(index)
            after = pos.x() > rect.center().x()
            row = index.row() + (1 if after else 0)
            x = rect.right() + gap if after else rect.left() - gap
            return row, QRect(x - 2, rect.top(), 4, rect.height())
        last = self.visualRect(model.index(model.rowCount() - 1, EvidenceModel.COL_TITLE))
        if pos.y() > last.bottom() or (pos.y() >= last.top() and pos.x() > last.right()):
            return model.rowCount(), QRect(last.right() + gap - 2, last.top(), 4, last.height())
        return None

    def _show_bar(self, bar: QRect | None) -> None:
        if bar != self.drop_bar:
            self.drop_bar = bar
            self.viewport().update()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._reordering(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self._reordering(event):
            super().dragMoveEvent(event)
            return
        target = self.drop_target(event.position().toPoint())
        self._show_bar(target[1] if target else None)
        if target is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._show_bar(None)
        super().dragLeaveEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._show_bar(None)
        if not self._reordering(event):
            super().dropEvent(event)
            return
        target = self.drop_target(event.position().toPoint())
        if target is None:
            event.ignore()
            return
        # the model asks for the reorder and removes no row (its removeRows refuses), whatever the drag reports
        self.model().dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, target[0], 0, QModelIndex())
        event.accept()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if self.drop_bar is not None:
            p = QPainter(self.viewport())
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(25, 118, 210))
            p.drawRoundedRect(self.drop_bar, 2, 2)
            p.end()
