"""The parties of a case (当事人): a table with add / edit / remove / link evidence, and the core's advice
(payee ≠ operator → name both as defendants; missing USCC …)."""

from __future__ import annotations

from html import escape

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

from kami_desktop.core.case.parties import (
    list_parties,
    party_evidence,
    party_summary,
    remove_party,
)
from kami_desktop.core.case.party_advice import party_advice
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages
from kami_desktop.gui.formatting import join_list
from kami_desktop.gui.ladder_style import foreground
from kami_desktop.gui.party_dialog import PartyDialog
from kami_desktop.gui.party_evidence_dialog import PartyEvidenceDialog


class PartiesPanel(QWidget):
    changed = Signal()

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.rows: list[dict] = []
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("角色"),
                self.tr("名称"),
                self.tr("统一社会信用代码"),
                self.tr("ICP备案号"),
                self.tr("被告"),
                self.tr("主体证据"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("添加…"))
        self.add_button.clicked.connect(self.add_party)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.link_button = QPushButton(self.tr("关联证据…"))
        self.link_button.clicked.connect(self.link_selected)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.clicked.connect(self.remove_selected)
        bar = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.link_button, self.remove_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.advice = QLabel()
        self.advice.setObjectName("partyAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.advice)
        self.advice_items: list[dict] = []

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        for b in (self.add_button, self.edit_button, self.link_button, self.remove_button):
            b.setEnabled(self.case_id is not None)
        if self.case_id is None:
            self.rows, self.advice_items = [], []
        else:
            with self.profile.session() as s:
                self.rows = [party_summary(p, party_evidence(s, p.id)) for p in list_parties(s, self.case_id)]
                self.advice_items = [a.to_json() for a in party_advice(s, self.case_id)]
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for row, p in enumerate(self.rows):
            uscc_bad = "uscc" in p["checks"] and not p["checks"]["uscc"]["valid"]
            icp_bad = "icp" in p["checks"] and not p["checks"]["icp"]["valid"]
            evidence = join_list(
                QCoreApplication.translate("PartyEvidence", e["kind_label"]) for e in p["evidence"]
            )
            cells = [
                QCoreApplication.translate("Vocab", p["role_label"]),
                p["name"],
                p["uscc"] + (" ⚠" if uscc_bad else ""),
                p["icp"] + (" ⚠" if icp_bad else ""),
                self.tr("是") if p["is_defendant"] else "",
                evidence,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p["id"])
                if (col == 2 and uscc_bad) or (col == 3 and icp_bad):
                    item.setForeground(foreground("past"))
                    item.setToolTip(p["checks"]["uscc" if col == 2 else "icp"]["reason"])
                self.table.setItem(row, col, item)
        lines = []
        for a in self.advice_items:
            colour = "#b71c1c" if a["level"] == "warn" else "#37474f"
            mark = "⚠" if a["level"] == "warn" else "•"
            lines.append(f"<div style='color:{colour}'>{mark} {escape(a['text'])}</div>")
        self.advice.setText("".join(lines))

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def make_dialog(self, case_id: int, party_id: int | None = None) -> PartyDialog:
        return PartyDialog(self.profile, case_id, party_id, self)

    def add_party(self) -> None:
        if self.case_id is not None and self.make_dialog(self.case_id).exec():
            self.changed.emit()

    def edit_selected(self) -> None:
        pid = self.selected_id()
        if pid is not None and self.case_id is not None and self.make_dialog(self.case_id, pid).exec():
            self.changed.emit()

    def link_selected(self) -> None:
        pid = self.selected_id()
        if pid is None:
            messages.info(self, self.tr("关联证据"), self.tr("请先在表格中选择一个当事人。"))
            return
        if PartyEvidenceDialog(self.profile, pid, self).exec():
            self.changed.emit()

    def remove_selected(self) -> None:
        pid = self.selected_id()
        if pid is None or not messages.ask(
            self, self.tr("删除当事人"), self.tr("删除选中的当事人及其证据关联？删除会记入操作日志。")
        ):
            return
        try:
            with self.profile.session() as s:
                remove_party(s, pid)
        except messages.EXPECTED as exc:
            messages.show_error(self, exc)
        self.changed.emit()
