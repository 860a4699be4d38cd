"""A stored bill as its export prints it: the column names, the lines before and after the table, and
every row's cells with the export's own row numbers. This is what the binder typesets as the bill
exhibit; the money (which rows count) comes from the case reconciliation, never from here.

Bills imported since schema 0006 carry all of it (``Bill.column_names`` / ``head_lines`` /
``tail_lines``, ``BillRow.cells``). For older bills the original file is read from the vault; when that
is not possible (an encrypted archive: its password is never stored) the sheet is rebuilt from the
stored row fields under the export's usual column names, and says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.bills.detect import parse_bill_bytes
from kami_desktop.core.bills.model import BillError, ParsedBill, Transaction
from kami_desktop.core.store.model import Bill, BillRow, Exhibit
from kami_desktop.core.util.money import money_str
from kami_desktop.core.util.timeutil import iso

BlobPath = Callable[[str], Path]

# the columns of the current exports, for an old bill whose original cannot be read again
STORED_COLUMNS = {
    "alipay": (
        ("交易时间", "time"),
        ("交易分类", "category"),
        ("交易对方", "counterparty"),
        ("对方账号", "counterparty_account"),
        ("商品说明", "description"),
        ("收/支", "direction"),
        ("金额", "amount"),
        ("收/付款方式", "payment_method"),
        ("交易状态", "status"),
        ("交易订单号", "order_id"),
        ("商家订单号", "merchant_order_id"),
        ("备注", "note"),
    ),
    "wechat": (
        ("交易时间", "time"),
        ("交易类型", "category"),
        ("交易对方", "counterparty"),
        ("商品", "description"),
        ("收/支", "direction"),
        ("金额(元)", "amount"),
        ("支付方式", "payment_method"),
        ("当前状态", "status"),
        ("交易单号", "order_id"),
        ("商户单号", "merchant_order_id"),
        ("备注", "note"),
    ),
}


@dataclass(frozen=True)
class SheetRow:
    row: int  # the export's own row number: the line of the CSV file, the row of the worksheet
    cells: tuple[str, ...]
    bill_row_id: int = 0


@dataclass
class BillSheet:
    bill_id: int
    exhibit_id: int
    sha256: str
    source: str  # alipay | wechat
    layout: str
    columns: list[str]
    head_lines: list[str]  # the export's lines before the table (account, period, notes …)
    tail_lines: list[str]  # its lines after the table (the older layouts' footer)
    rows: list[SheetRow]
    personal_only: bool = False
    rebuilt: bool = False  # an old bill whose original could not be read: printed from the stored fields
    notes: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- storing
def _json(values: list[str] | tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def sheet_values(bill: ParsedBill) -> dict[str, object]:
    """The ``Bill`` columns that keep the export's layout."""
    return {
        "column_names": _json(bill.columns),
        "head_lines": _json(bill.preamble),
        "tail_lines": _json(bill.footer),
        "sheet_complete": bool(bill.columns),
    }


def row_cells(t: Transaction) -> str:
    return _json(t.cells)


def _list(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


# ----------------------------------------------------------------------------- reading
def load_sheet(s: Session, bill: Bill, blob_path: BlobPath) -> BillSheet:
    rows = list(s.scalars(select(BillRow).where(BillRow.bill_id == bill.id).order_by(BillRow.row)))
    sheet = BillSheet(
        bill.id,
        bill.exhibit_id,
        bill.blob_sha256,
        bill.source,
        bill.layout,
        _list(bill.column_names),
        _list(bill.head_lines),
        _list(bill.tail_lines),
        [],
        bool(bill.personal_only),
    )
    if bill.sheet_complete and sheet.columns:
        sheet.rows = [SheetRow(r.row, tuple(_list(r.cells)), r.id) for r in rows]
        return sheet
    ids = {r.row: r.id for r in rows}
    parsed = _reparse(bill, blob_path)
    if parsed is not None and parsed.columns:
        sheet.columns, sheet.head_lines, sheet.tail_lines = parsed.columns, parsed.preamble, parsed.footer
        sheet.rows = [SheetRow(t.row, t.cells, ids.get(t.row, 0)) for t in parsed.transactions]
        return sheet
    return _rebuilt(sheet, bill, rows)


def _reparse(bill: Bill, blob_path: BlobPath) -> ParsedBill | None:
    try:
        return parse_bill_bytes(blob_path(bill.blob_sha256).read_bytes(), f"账单 {bill.id}")
    except (OSError, BillError):
        return None


def _cell(r: BillRow, attr: str) -> str:
    value = getattr(r, attr)
    if attr == "time":
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if attr == "amount":
        return money_str(value)
    return str(value or "")


def _rebuilt(sheet: BillSheet, bill: Bill, rows: list[BillRow]) -> BillSheet:
    layout = STORED_COLUMNS.get(bill.source, STORED_COLUMNS["alipay"])
    sheet.columns = [name for name, _ in layout]
    facts = [
        ("账户", bill.account),
        ("姓名", bill.holder),
        ("起始时间", iso(bill.period_start) or ""),
        ("终止时间", iso(bill.period_end) or ""),
    ]
    sheet.head_lines = [f"{k}：{v}" for k, v in facts if v]
    sheet.rows = [SheetRow(r.row, tuple(_cell(r, attr) for _, attr in layout), r.id) for r in rows]
    sheet.rebuilt = True
    sheet.notes.append(
        "此账单由旧版本导入，原始文件为加密压缩包或无法再次读取，未保存导出文件的原始表头；"
        "下表按导入时保存的各栏逐行排印，行号为原始文件中的行号，原始文件见随附文件夹。"
    )
    return sheet


def case_sheets(s: Session, case_id: int, blob_path: BlobPath) -> dict[str, BillSheet]:
    """The sheet of every live bill of the case, keyed by the SHA-256 of its file."""
    q = (
        select(Bill)
        .join(Exhibit, Exhibit.id == Bill.exhibit_id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
        .order_by(Bill.id)
    )
    out: dict[str, BillSheet] = {}
    for bill in s.scalars(q):
        if bill.blob_sha256 not in out:
            out[bill.blob_sha256] = load_sheet(s, bill, blob_path)
    return out
