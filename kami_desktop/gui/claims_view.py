"""Tab 主张项 of a case: the claim item by item, its principal, the bills' net paid beside it as context,
and what to fix (待核实, no evidence, evidence in the trash …). Add, edit, remove, and make the case's
claimed amount the principal. Thin over ``core.case.claims`` and ``core.bills.money``; loading runs on a
worker thread."""

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

from kami_desktop.core.bills.money import CaseMoney, case_money
from kami_desktop.core.case import claims as C
from kami_desktop.core.case.claim_drafts import ClaimDraft
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.timeutil import now
from kami_desktop.gui import messages
from kami_desktop.gui.claim_dialog import ClaimDialog, Numbers, evidence_text
from kami_desktop.gui.workers import TaskFailure, guarded, start_task

BANNER_STYLE = "QLabel { color: #3e2723; background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 6px; }"


def load_money(profile: Profile, case_id: int) -> tuple[CaseMoney, dict[int, tuple[int, str]]]:
    """The case's money and its exhibits' binder numbers (what the evidence column names them by)."""
    from kami_desktop.core.case.facts import exhibit_numbers

    with profile.session() as s:
        return case_money(s, case_id, profile.blob_path), exhibit_numbers(s, case_id)


class ClaimsView(QWidget):
    loaded = Signal()
    claims_changed = Signal(int)  # case id

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.money: CaseMoney | None = None
        self.numbers: dict[int, tuple[int, str]] = {}  # exhibit id -> (证据 N, title)
        self._generation = 0

        self.add_button = QPushButton(self.tr("添加主张项…"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.clicked.connect(self.remove_current)
        self.apply_button = QPushButton(self.tr("设为主张金额"))
        self.apply_button.setToolTip(self.tr("把案件的主张金额设为各主张项的合计（已记入存证日志）"))
        self.apply_button.clicked.connect(self.apply)
        bar = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.apply_button)

        self.hint = QLabel(
            self.tr(
                "主张项是您要求退还的每一笔款项：未到账的充值、被扣除的余额、已付款未交付的订单、剩余余额、重复扣款等。"
                "已经交付的消费不能要求退还，所以主张金额不等于账单里的净付款。也可以在账单、聊天记录或证据上"
                "点右键“作为主张项…”一步生成。"
            )
        )
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("日期"),
                self.tr("类型"),
                self.tr("金额"),
                self.tr("已退回"),
                self.tr("主张"),
                self.tr("说明"),
                self.tr("证据"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 50), (1, 95), (2, 170), (3, 90), (4, 80), (5, 90), (6, 300)):
            self.table.setColumnWidth(col, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.total_label = QLabel()
        self.total_label.setTextFormat(Qt.TextFormat.RichText)
        self.context_label = QLabel()
        self.context_label.setWordWrap(True)
        self.context_label.setStyleSheet("color: #546e7a;")
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(BANNER_STYLE)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.hide()
        self.status = QLabel()
        self.status.setStyleSheet("color: #546e7a;")

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.hint)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.total_label)
        lay.addWidget(self.context_label)
        lay.addWidget(self.warnings)
        lay.addWidget(self.status)
        self._update_buttons()

    # ------------------------------------------------------------------ hooks (tests replace these)
    def ask_claim(
        self, item: ClaimDraft | C.ClaimView, evidence: str = "", exhibits: Numbers | None = None
    ) -> dict | None:
        return ClaimDialog.ask(self, item, evidence, self.numbers if exhibits is None else exhibits)

    def confirm_remove(self, item: C.ClaimView) -> bool:
        return messages.ask(
            self,
            self.tr("删除主张项"),
            self.tr("删除主张项 {id}（{kind} ¥{amount}）？删除会记入存证日志。").format(
                id=item.id, kind=item.kind_label, amount=f"{item.claimed:,.2f}"
            ),
        )

    # ------------------------------------------------------------------ loading
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.money = None
        self.table.setRowCount(0)
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.case_id is not None and self.money is not None:
            self.reload()  # items may have been made on the bills, chat or evidence tab

    def reload(self) -> None:
        self._generation += 1
        gen = self._generation
        if self.case_id is None:
            self._show(None)
            return
        start_task(
            load_money,
            self.profile,
            self.case_id,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda loaded: self._loaded(gen, *loaded)),
            on_error=guarded(self, self._failed),
        )

    def _loaded(self, gen: int, money: CaseMoney, numbers: dict[int, tuple[int, str]]) -> None:
        if gen != self._generation:
            return
        self.numbers = numbers
        self._show(money)
        self.loaded.emit()

    def _failed(self, failure: TaskFailure) -> None:
        messages.show_error(self, failure.exception, failure.traceback)

    def _show(self, money: CaseMoney | None) -> None:
        self.money = money
        items = money.items if money else []
        self.table.setRowCount(len(items))
        for row, i in enumerate(items):
            flag = self.tr("（待核实）") if i.unverified else ""
            cells = [
                str(i.id),
                i.on.isoformat(),
                i.kind_label + flag,
                f"¥{i.amount:,.2f}",
                f"¥{i.refunded:,.2f}" if i.refunded else "",
                f"¥{i.claimed:,.2f}",
                i.description,
                evidence_text(i.evidence, self.numbers).replace("\n", "；"),  # one line per row
            ]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, i.id)
                if col >= 6:
                    cell.setToolTip(text)
                if col in (3, 4, 5):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        if money is None:
            self.total_label.setText("")
            self.context_label.setText("")
        else:
            claimed = (
                self.tr("案件主张金额：¥{amount}").format(amount=f"{money.claimed_amount:,.2f}")
                if money.claimed_amount is not None
                else self.tr("案件主张金额：未设定")
            )
            self.total_label.setText(
                self.tr("主张本金 <b>¥{principal}</b>（{n} 项）　　{claimed}").format(
                    principal=f"{money.principal:,.2f}", n=len(items), claimed=claimed
                )
            )
            self.context_label.setText(self.tr("账单对照：{context}").format(context=money.context))
        warnings = money.warnings if money else []
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))
        self._update_buttons()

    # ------------------------------------------------------------------ selection
    def current_item(self) -> C.ClaimView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.money is None:
            return None
        cell = self.table.item(rows[0].row(), 0)
        item_id = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
        return next((i for i in self.money.items if i.id == item_id), None)

    def select_item(self, item_id: int) -> None:
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, 0)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == item_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        has_case, current = self.case_id is not None, self.current_item() is not None
        self.add_button.setEnabled(has_case)
        self.edit_button.setEnabled(current)
        self.remove_button.setEnabled(current)
        self.apply_button.setEnabled(has_case and bool(self.money and self.money.items))

    # ------------------------------------------------------------------ changes
    def _changed(self, text: str) -> None:
        self.status.setText(text)
        if self.case_id is not None:
            self.claims_changed.emit(self.case_id)
        self.reload()

    def add_item(self) -> None:
        if self.case_id is None:
            return
        draft = ClaimDraft(self.case_id, "other", now().date(), "")
        values = self.ask_claim(draft, "")
        if values is None:
            return
        try:
            with self.profile.session() as s:
                item = C.add_item(
                    s, self.case_id, values.pop("kind"), values.pop("amount"), values.pop("on"), **values
                )
                item_id = item.id
        except Exception as exc:
            messages.show_error(self, exc)
            return
        self._changed(self.tr("已添加主张项 {id}（已记入存证日志）").format(id=item_id))

    def edit_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        values = self.ask_claim(item, evidence_text(item.evidence, self.numbers))
        if values is None:
            return
        if item.unverified:
            values["verified"] = True  # the user looked at it and confirmed it
        try:
            with self.profile.session() as s:
                C.edit_item(s, item.id, **values)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        self._changed(self.tr("已修改主张项 {id}（已记入存证日志）").format(id=item.id))

    def remove_current(self) -> None:
        item = self.current_item()
        if item is None or not self.confirm_remove(item):
            return
        try:
            with self.profile.session() as s:
                C.remove_item(s, item.id)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        self._changed(self.tr("已删除主张项 {id}（已记入存证日志）").format(id=item.id))

    def apply(self) -> None:
        if self.case_id is None:
            return
        try:
            with self.profile.session() as s:
                total = C.apply_principal(s, self.case_id)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        self._changed(self.tr("主张金额已设为 ¥{amount}（已记入存证日志）").format(amount=f"{total:,.2f}"))
