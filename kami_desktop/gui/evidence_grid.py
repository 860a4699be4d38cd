"""The thumbnail grid of a case's exhibits (QListView in icon mode over the shared EvidenceModel)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView

from kami_desktop.gui.evidence_model import EvidenceModel
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

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        if isinstance(model, EvidenceModel):
            self.setModelColumn(EvidenceModel.COL_TITLE)
            model.arrangement_changed.connect(self._arrangement_changed)

    def _arrangement_changed(self) -> None:
        model = self.model()
        # full-width header bands need per-item sizes; without headers one size fits all (fast)
        self.setUniformItemSizes(not getattr(model, "grouped", False))
