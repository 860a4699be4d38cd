"""The transactions of a case's bills as a table: platform rows highlighted, refunds linked to their
original payment, duplicates (the same row in two bills) greyed. ``data()`` never touches the database:
``load_bill_data`` (run off the GUI thread) reads everything once."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from kami_desktop.core.bills import Transaction
from kami_desktop.core.bills.money import CaseMoney, CounterpartyList, case_money, counterparty_list
from kami_desktop.core.bills.store import CaseReconciliation, RowRef, StoredReconRow, case_transactions
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.money import money_str
from kami_desktop.gui.formatting import local_time

PlatformRole = Qt.ItemDataRole.UserRole + 1
CounterpartyRole = Qt.ItemDataRole.UserRole + 2
RefRole = Qt.ItemDataRole.UserRole + 3

PAYMENT_BG, REFUND_BG = QColor("#fff3e0"), QColor("#e8f5e9")
MUTED = QColor("#9e9e9e")


@dataclass
class BillViewData:
    case_id: int
    rows: list[tuple[Transaction, RowRef]] = field(default_factory=list)
    recon: CaseReconciliation | None = None
    money: CaseMoney | None = None  # the claim items beside the net paid
    counterparties: CounterpartyList | None = None


def load_bill_data(profile: Profile, case_id: int) -> BillViewData:
    """Everything the tab shows, from the one case reconciliation (``core.bills.money``)."""
    with profile.session() as s:
        money = case_money(s, case_id, profile.blob_path)
        rows = case_transactions(s, case_id, profile.blob_path)
        listing = counterparty_list(s, case_id, profile.blob_path)
        rows.sort(key=lambda p: (p[0].time, p[1].bill_id, p[1].row))
        return BillViewData(case_id, rows, money.recon, money, listing)


class BillTableModel(QAbstractTableModel):
    """Columns: 时间, 交易对方, 商品说明, 收/支, 金额, 交易状态, 平台对账, 出处."""

    COL_TIME, COL_PARTY, COL_DESC, COL_DIR, COL_AMOUNT, COL_STATUS, COL_ROLE, COL_SOURCE = range(8)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[tuple[Transaction, RowRef]] = []
        self._rows: list[tuple[Transaction, RowRef]] = []
        self._recon: dict[int, StoredReconRow] = {}
        self._duplicates: set[int] = set()
        self._several = False
        self.platform_only = False
        self._headers = [
            self.tr("时间"),
            self.tr("交易对方"),
            self.tr("商品说明"),
            self.tr("收/支"),
            self.tr("金额"),
            self.tr("交易状态"),
            self.tr("平台对账"),
            self.tr("出处"),
        ]
        self._roles = {
            "payment": self.tr("付款"),
            "refund": self.tr("退款"),
            "unpaid": self.tr("未付款"),
            "other": self.tr("不计入"),
        }

    # ------------------------------------------------------------------ data in
    def set_data(self, data: BillViewData) -> None:
        self.beginResetModel()
        self._all = list(data.rows)
        recon = data.recon
        self._recon = {r.bill_row_id: r for r in recon.stored} if recon else {}
        self._duplicates = set(recon.duplicate_row_ids) if recon else set()
        self._several = len({ref.bill_id for _, ref in self._all}) > 1
        self._filter()
        self.endResetModel()

    def set_platform_only(self, on: bool) -> None:
        self.beginResetModel()
        self.platform_only = on
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self._rows = [p for p in self._all if not self.platform_only or p[1].bill_row_id in self._recon]

    # ------------------------------------------------------------------ lookups
    def recon_row(self, row: int) -> StoredReconRow | None:
        return self._recon.get(self._rows[row][1].bill_row_id) if 0 <= row < len(self._rows) else None

    def transaction(self, row: int) -> Transaction | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def linked_row(self, row: int) -> int | None:
        """Model row of the payment a refund row is linked to (None when not linked or filtered out)."""
        r = self.recon_row(row)
        if r is None or r.linked_to is None or r.linked_bill_id is None:
            return None
        return self.row_of(r.linked_bill_id, r.linked_to)

    def row_of(self, bill_id: int, source_row: int) -> int | None:
        for i, (_, ref) in enumerate(self._rows):
            if ref.bill_id == bill_id and ref.row == source_row:
                return i
        return None

    def row_of_id(self, bill_row_id: int) -> int | None:
        """Model row of the stored bill row with this id (None when not shown)."""
        return next((i for i, (_, ref) in enumerate(self._rows) if ref.bill_row_id == bill_row_id), None)

    def _where(self, bill_id: int | None, row: int) -> str:
        if self._several and bill_id is not None:
            return self.tr("账单 {bill} 第 {row} 行").format(bill=bill_id, row=row)
        return self.tr("第 {row} 行").format(row=row)

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t, ref = self._rows[index.row()]
        r = self._recon.get(ref.bill_row_id)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(t, ref, r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if r is not None:
                return r.reason
            if ref.bill_row_id in self._duplicates:
                return self.tr("这笔交易也出现在另一份账单中，只计算一次")
            return None
        if role == Qt.ItemDataRole.BackgroundRole and r is not None:
            if r.role == "payment":
                return QBrush(PAYMENT_BG)
            if r.role == "refund":
                return QBrush(REFUND_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and (
            ref.bill_row_id in self._duplicates or (r is not None and r.role in ("unpaid", "other"))
        ):
            return QBrush(MUTED)
        if (
            role == Qt.ItemDataRole.FontRole
            and col == self.COL_AMOUNT
            and r is not None
            and r.role == "payment"
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COL_AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PlatformRole:
            return r is not None
        if role == CounterpartyRole:
            return t.counterparty
        if role == RefRole:
            return ref
        return None

    def _display(self, t: Transaction, ref: RowRef, r: StoredReconRow | None, col: int) -> str:
        if col == self.COL_TIME:
            return local_time(t.time, seconds=True)
        if col == self.COL_PARTY:
            return t.counterparty
        if col == self.COL_DESC:
            return t.description
        if col == self.COL_DIR:
            return t.direction
        if col == self.COL_AMOUNT:
            return "¥" + money_str(t.amount)
        if col == self.COL_STATUS:
            return t.status
        if col == self.COL_SOURCE:
            return self.tr("账单 {bill} 第 {row} 行").format(bill=ref.bill_id, row=ref.row)
        if ref.bill_row_id in self._duplicates:
            return self.tr("重复（已在另一份账单中计入）")
        if r is None:
            return ""
        label = self._roles.get(r.role, r.role)
        if r.role == "refund" and r.linked_to is not None:
            where = self._where(r.linked_bill_id, r.linked_to)
            return self.tr("{role} → 对应{where}的付款").format(role=label, where=where)
        if r.role == "payment" and r.refunded:
            return self.tr("{role}（已退款 ¥{amount}）").format(role=label, amount=money_str(r.refunded))
        return label
