"""The detail table of a case's exhibits (QTableView over the shared EvidenceModel)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from kami_desktop.gui.evidence_model import EvidenceModel, GroupHeader


class EvidenceTable(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragDropOverwriteMode(False)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: no per-row size queries
        vh.setDefaultSectionSize(26)
        hh = self.horizontalHeader()
        hh.setStretchLastSection(True)
        hh.setSectionsClickable(True)
        hh.setSortIndicatorShown(True)
        hh.sortIndicatorChanged.connect(self._sort_clicked)

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        if isinstance(model, EvidenceModel):
            model.arrangement_changed.connect(self._update_spans)
            widths = (56, 260, 90, 130, 130, 56, 80, 60)
            for col, w in enumerate(widths):
                self.setColumnWidth(col, w)

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        model = self.model()
        if isinstance(model, EvidenceModel):
            model.sort(column, order)

    def _update_spans(self) -> None:
        self.clearSpans()
        model = self.model()
        if not isinstance(model, EvidenceModel) or not model.grouped:
            return
        for row in range(model.rowCount()):
            if isinstance(model.item(row), GroupHeader):
                self.setSpan(row, 0, 1, model.columnCount())
