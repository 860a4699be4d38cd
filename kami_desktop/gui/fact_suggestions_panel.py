"""Suggested facts found in the case's bills and chats, to confirm (确认) or dismiss (忽略)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.suggestions import (
    Suggestion,
    accept_suggestion,
    dismiss_suggestion,
    suggest_facts,
)
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages
from kami_desktop.gui.formatting import local_time


class FactSuggestionsPanel(QWidget):
    changed = Signal()

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.suggestions: list[Suggestion] = []
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("类型"), self.tr("内容"), self.tr("出处")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.accept_button = QPushButton(self.tr("确认为事实"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button = QPushButton(self.tr("忽略"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.accept_button)
        bar.addWidget(self.dismiss_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        if self.case_id is None:
            self.suggestions = []
        else:
            with self.profile.session() as s:
                self.suggestions = suggest_facts(s, self.case_id)
        self.title.setText(
            self.tr("从账单和聊天记录中发现的待确认事实（%1 条）").replace("%1", str(len(self.suggestions)))
        )
        self.table.setRowCount(len(self.suggestions))
        for row, x in enumerate(self.suggestions):
            cells = [
                local_time(x.occurred_at),
                QCoreApplication.translate("FactKinds", x.kind_label),
                x.description,
                x.source_label,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, x.origin)
                item.setToolTip(x.description)
                self.table.setItem(row, col, item)
        has = bool(self.suggestions)
        self.accept_button.setEnabled(has)
        self.dismiss_button.setEnabled(has)
        self.setVisible(has)

    def selected_origins(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        model = self.table.model()
        return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def _apply(self, fn) -> None:
        origins = self.selected_origins()
        if not origins or self.case_id is None:
            return
        try:
            with self.profile.session() as s:
                for origin in origins:
                    fn(s, self.case_id, origin)
        except messages.EXPECTED as exc:
            messages.show_error(self, exc)
        self.changed.emit()

    def accept_selected(self) -> None:
        self._apply(accept_suggestion)

    def dismiss_selected(self) -> None:
        self._apply(dismiss_suggestion)
