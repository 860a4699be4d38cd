"""The counterparty checklist (选择平台): every 交易对方 of the case's bills with its account, rows, paid and
refunded sums and why it is (not) ticked; the sum of the ticked ones updates as the user ticks. Only
names equal to a case party's or the platform's name start ticked, or what the user confirmed before."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.bills.money import Counterparty, CounterpartyList

ZERO = Decimal("0.00")


class CounterpartyDialog(QDialog):
    COL_TICK, COL_NAME, COL_ACCOUNT, COL_ROWS, COL_PAID, COL_REFUNDED, COL_WHY = range(7)

    def __init__(self, listing: CounterpartyList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择平台：哪些交易对方是平台"))
        self.groups: list[Counterparty] = list(listing.counterparties)
        intro = QLabel(
            self.tr(
                "勾选账单中属于平台（收款方）的交易对方，只有勾选的交易计入付款和退款。"
                "只有与当事人或平台名称完全相同的名称会预先勾选；名称相似的商户（例如同名的餐馆、便利店）"
                "不会自动计入，请逐一核对。"
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.groups), 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("计入"),
                self.tr("交易对方"),
                self.tr("对方账号"),
                self.tr("笔数"),
                self.tr("付款"),
                self.tr("退款"),
                self.tr("说明"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_WHY, QHeaderView.ResizeMode.Stretch)
        for row, g in enumerate(self.groups):
            tick = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if g.key[0]:  # rows without a counterparty can never count
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            tick.setFlags(flags)
            tick.setCheckState(Qt.CheckState.Checked if g.selected else Qt.CheckState.Unchecked)
            self.table.setItem(row, self.COL_TICK, tick)
            examples = "；".join(g.examples)
            cells = {
                self.COL_NAME: g.name or self.tr("（账单未写明交易对方）"),
                self.COL_ACCOUNT: g.account,
                self.COL_ROWS: str(g.rows),
                self.COL_PAID: f"¥{g.paid:,.2f}",
                self.COL_REFUNDED: f"¥{g.refunded:,.2f}",
                self.COL_WHY: g.why,
            }
            for col, text in cells.items():
                cell = QTableWidgetItem(text)
                if examples:
                    cell.setToolTip(self.tr("例如：{examples}").format(examples=examples))
                if col in (self.COL_ROWS, self.COL_PAID, self.COL_REFUNDED):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        self.table.itemChanged.connect(lambda _i: self._update_sum())
        self.sum_label = QLabel()
        self.sum_label.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.sum_label)
        lay.addWidget(buttons)
        self._update_sum()
        self.resize(900, 520)

    def _tick(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, self.COL_TICK)
        assert item is not None  # every row got its tick in __init__
        return item

    def ticked(self, row: int) -> bool:
        return self._tick(row).checkState() == Qt.CheckState.Checked

    def set_ticked(self, name: str, on: bool) -> None:
        """Tick or untick every group of this name (for keyboard users and tests)."""
        for row, g in enumerate(self.groups):
            if g.name == name:
                self._tick(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_sum(self) -> None:
        paid = sum((g.paid for r, g in enumerate(self.groups) if self.ticked(r)), ZERO)
        back = sum((g.refunded for r, g in enumerate(self.groups) if self.ticked(r)), ZERO)
        self.sum_label.setText(
            self.tr(
                "勾选的合计：付款 ¥{paid} − 退款 ¥{refunded} = <b>净付款 ¥{net}</b>（净付款不是主张金额）"
            ).format(paid=f"{paid:,.2f}", refunded=f"{back:,.2f}", net=f"{paid - back:,.2f}")
        )

    def choices(self) -> list[tuple[str, str, bool]]:
        """What the user decided: (name key, account, ticked) of every group whose tick changed, and of those
        carried over from the old keywords (marked for checking), which OK confirms."""
        return [
            (g.key[0], g.key[1], self.ticked(r))
            for r, g in enumerate(self.groups)
            if self.ticked(r) != g.selected or g.origin.startswith("keyword:")
        ]

    @classmethod
    def ask(cls, parent: QWidget | None, listing: CounterpartyList) -> list[tuple[str, str, bool]] | None:
        dlg = cls(listing, parent)
        return dlg.choices() if dlg.exec() == QDialog.DialogCode.Accepted else None
