"""WeChat Pay (微信支付) bills: CSV (≈2019 → mid-2025), XLSX v1 (2025-07 →) and XLSX v2 (2026-03 →)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from decimal import Decimal

from kami_desktop.core.bills.common import (
    FOOTER_LINES,
    MAX_TRANSACTIONS,
    RESAVED_HINT,
    Columns,
    apply_metadata,
    blank,
    clean,
    finish,
    parse_amount,
    parse_time,
    raw_cell,
    raw_columns,
    raw_line,
    records,
    too_many_transactions,
)
from kami_desktop.core.bills.model import BillError, ParsedBill, Transaction

LAYOUT_CSV = "wechat-csv"
LAYOUT_XLSX_V1 = "wechat-xlsx-v1"
LAYOUT_XLSX_V2 = "wechat-xlsx-v2"
LAYOUTS = (LAYOUT_CSV, LAYOUT_XLSX_V1, LAYOUT_XLSX_V2)

TITLE = "微信支付账单明细"
WANTED = {
    "time": ("交易时间",),
    "category": ("交易类型",),
    "counterparty": ("交易对方",),
    "description": ("商品",),
    "direction": ("收/支",),
    "amount": ("金额(元)", "金额（元）", "金额"),
    "method": ("支付方式",),
    "status": ("当前状态",),
    "order": ("交易单号",),
    "merchant": ("商户单号",),
    "note": ("备注",),
}
REQUIRED = ("time", "counterparty", "direction", "amount", "status", "order")
HEADER_SCAN_ROWS = 60
V2_NOTE = "本账单中所有时间均为UTC+08:00时间"

_DIRECTION = {"支出": "支出", "收入": "收入", "": "不计收支", "不计收支": "不计收支", "中性交易": "不计收支"}
_PARTIAL = re.compile(r"已退款\s*[（(]?\s*[¥￥]?\s*([\d,]+(?:\.\d+)?)")
_SCI = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")


def is_header(cells: Sequence[object]) -> bool:
    return len(cells) >= 2 and clean(cells[0]) == "交易时间" and clean(cells[1]) == "交易类型"


def _refund_total(status: str, direction: str, amount: Decimal) -> Decimal | None:
    """On an original payment row the status states the refund: 已全额退款 / 已退款(¥x.xx)."""
    if direction != "支出":
        return None
    if "全额退款" in status:
        return amount
    m = _PARTIAL.search(status)
    if m:
        return parse_amount(m.group(1))
    return None


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


class _RowReader:
    def __init__(self, name: str, cols: Columns):
        self.name = name
        self.cols = cols
        self.resaved: set[str] = set()
        self.merged: list[int] = []
        self.numeric_amounts = False

    def row(self, cells: list[object], line: int) -> Transaction:
        name, cols = self.name, self.cols
        width = cols.width
        while len(cells) > width and blank(cells[-1]):
            cells = cells[:-1]
        if len(cells) > width:  # unquoted comma inside 交易对方: merge the spill back into that column
            i = cols.index["counterparty"]
            extra = len(cells) - width
            merged = ",".join(_cell_text(c) for c in cells[i : i + extra + 1])
            cells = list(cells[:i]) + [merged] + list(cells[i + extra + 1 :])
            self.merged.append(line)
        if len(cells) < width:
            raise BillError(
                name, f"这一行只有 {len(cells)} 列，表头有 {width} 列；文件可能被截断或缺少列。", line
            )

        def get(key: str) -> str:
            i = cols.index.get(key)
            return clean(_cell_text(cells[i])) if i is not None else ""

        raw_time = cells[cols.index["time"]]
        if isinstance(raw_time, int | float) and not isinstance(raw_time, bool):
            raw_time = _excel_date(raw_time)
        parsed = parse_time(raw_time)
        if parsed is None:
            raise BillError(name, f"交易时间“{clean(raw_time)[:30]}”无法识别。", line)
        when, odd = parsed
        if odd:
            self.resaved.add("交易时间格式被改动（缺少秒或使用了斜杠日期）")
        raw_amount = cells[cols.index["amount"]]
        if isinstance(raw_amount, int | float) and not isinstance(raw_amount, bool):
            self.numeric_amounts = True
        elif "," in clean(raw_amount):
            self.resaved.add("金额带有千位分隔符")
        amount = parse_amount(raw_amount)
        if amount is None or amount < 0:
            raise BillError(name, f"金额“{clean(raw_amount)[:30]}”不是有效的金额。", line)
        raw_dir = get("direction")
        if raw_dir not in _DIRECTION:
            raise BillError(name, f"“收/支”一栏的值“{raw_dir[:20]}”无法识别（应为 支出、收入 或 /）。", line)
        direction = _DIRECTION[raw_dir]
        order_cell = cells[cols.index["order"]]
        order = get("order")
        if isinstance(order_cell, float) or _SCI.match(order):
            self.resaved.add("交易单号变成了数字或科学计数法（已丢失精度）")
        status = get("status")
        shown = [raw_cell(c) for c in cells[:width]]
        if isinstance(raw_amount, int | float) and not isinstance(raw_amount, bool):
            shown[cols.index["amount"]] = f"¥{amount:,.2f}"  # as the sheet's format \¥#,##0.00 shows it
        return Transaction(
            time=when,
            category=get("category"),
            counterparty=get("counterparty"),
            counterparty_account="",
            description=get("description"),
            direction=direction,
            amount=amount,
            payment_method=get("method"),
            status=status,
            order_id=order,
            merchant_order_id=get("merchant"),
            note=get("note"),
            row=line,
            source="wechat",
            refund_total=_refund_total(status, direction, amount),
            cells=tuple(shown),
        )

    def warnings(self) -> list[str]:
        out = []
        if self.merged:
            lines = "、".join(str(n) for n in self.merged[:10])
            out.append(
                f"第 {lines} 行的交易对方含有英文逗号且未加引号，已把多出的列合并回“交易对方”，请核对。"
            )
        if self.resaved:
            out.append("检测到：" + "；".join(sorted(self.resaved)) + "。" + RESAVED_HINT)
        return out


def _excel_date(serial: float) -> datetime | str:
    from openpyxl.utils.datetime import from_excel

    try:
        value = from_excel(serial)
    except (ValueError, OverflowError, TypeError):
        return str(serial)
    return value if isinstance(value, datetime) else str(serial)


def _locate_header(
    rows: Iterator[tuple[int, Sequence[object]]], name: str
) -> tuple[int, Sequence[object], list[str], list[str]]:
    preamble: list[str] = []
    shown: list[str] = []
    for line, cells in rows:
        if is_header(cells):
            return line, cells, preamble, shown
        preamble.append(",".join(_cell_text(c) for c in cells))
        shown.append(raw_line(cells))
        if line >= HEADER_SCAN_ROWS:
            break
    raise BillError(
        name,
        f"前 {HEADER_SCAN_ROWS} 行内找不到微信支付账单表头（交易时间、交易类型…）；文件不完整，或不是微信支付导出的账单。",
    )


def _parse(
    numbered: Iterable[tuple[int, Sequence[object]]],
    name: str,
    encoding: str,
    layout: str | None,
    pad: bool = False,
) -> ParsedBill:
    rows = iter(numbered)
    header_line, header, preamble, shown = _locate_header(rows, name)
    cols = Columns.from_header([_cell_text(c) for c in header], WANTED)
    missing = cols.missing(REQUIRED)
    if missing:
        raise BillError(
            name, "表头缺少必需的列：" + "、".join(WANTED[k][0] for k in missing) + "。", header_line
        )
    reader = _RowReader(name, cols)
    txs: list[Transaction] = []
    footer: list[str] = []
    for line, cells in rows:
        if footer:
            if len(footer) < FOOTER_LINES:  # the export's closing notes; the rest is not read into memory
                footer.append(raw_line(cells))
            continue
        if not any(clean(_cell_text(c)) for c in cells):
            continue
        if clean(_cell_text(cells[0])).startswith("---"):
            footer.append(raw_line(cells))
            continue
        if len(txs) >= MAX_TRANSACTIONS:
            raise too_many_transactions(name, line)
        if pad and len(cells) < cols.width:  # a sheet row ends at its last real cell
            cells = list(cells) + [None] * (cols.width - len(cells))
        txs.append(reader.row(list(cells), line))
    text = "\n".join(preamble)
    if layout is None:
        v2 = V2_NOTE in text.replace(" ", "") or reader.numeric_amounts or header_line >= 18
        layout = LAYOUT_XLSX_V2 if v2 else LAYOUT_XLSX_V1
    bill = ParsedBill(source="wechat", layout=layout, transactions=txs, encoding=encoding, file=name)
    bill.columns, bill.preamble, bill.footer = raw_columns(header), shown, footer
    apply_metadata(bill, text)
    if TITLE not in text:
        bill.warnings.append("账单缺少“微信支付账单明细”抬头，文件可能被编辑过；请保留邮件中的原始压缩包。")
    if layout == LAYOUT_CSV and encoding == "gb18030":
        reader.resaved.add("文件编码是 GBK（微信原始导出为 UTF-8）")
    bill.warnings.extend(reader.warnings())
    return finish(bill)


def parse_wechat_csv(lines: Iterable[str], name: str, encoding: str) -> ParsedBill:
    """The decoded lines of a WeChat CSV export (streamed: at most ``MAX_TRANSACTIONS`` are kept)."""
    return _parse(records(lines, name), name, encoding, LAYOUT_CSV)


def parse_wechat_rows(rows: Iterable[list[object]], name: str) -> ParsedBill:
    """XLSX sheet rows, streamed (the first is row 1); layout v1/v2 decided from the notes and the amounts."""
    return _parse(((i + 1, r) for i, r in enumerate(rows)), name, "xlsx", None, pad=True)
