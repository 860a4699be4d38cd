"""The steps taken on the escalation ladder, with 记录进展 (add) and 删除 (remove)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from kami_desktop.core.case.ladder import remove_step
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages
from kami_desktop.gui.step_dialog import StepDialog, step_kind_label


class LadderStepsPanel(QWidget):
    changed = Signal()

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        title = QLabel(self.tr("维权进展"))
        title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("进展"), self.tr("方式/单号"), self.tr("状态")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("记录进展…"))
        self.add_button.clicked.connect(self.add_step)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(title)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)

    def show_steps(self, case_id: int | None, steps: list[dict]) -> None:
        self.case_id = case_id
        self.add_button.setEnabled(case_id is not None)
        self.remove_button.setEnabled(case_id is not None)
        self.table.setRowCount(len(steps))
        for row, st in enumerate(reversed(steps)):  # latest first
            how = " ".join(x for x in (st["channel"], st["reference"]) if x)
            cells = [
                st["on"],
                step_kind_label(st["kind_label"]),
                how,
                self.tr("已完成") if st["done"] else self.tr("计划"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, st["id"])
                if st["note"]:
                    item.setToolTip(st["note"])
                self.table.setItem(row, col, item)

    def make_dialog(self, case_id: int) -> StepDialog:
        return StepDialog(self.profile, case_id, self)

    def add_step(self) -> None:
        if self.case_id is None:
            return
        if self.make_dialog(self.case_id).exec():
            self.changed.emit()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        model = self.table.model()
        return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or not messages.ask(
            self, self.tr("删除进展"), self.tr("删除选中的进展记录？删除会记入操作日志。")
        ):
            return
        try:
            with self.profile.session() as s:
                for step_id in ids:
                    remove_step(s, step_id)
        except messages.EXPECTED as exc:
            messages.show_error(self, exc)
        self.changed.emit()
