"""Alipay (支付宝) CSV bills: PC web 交易记录 (G0), app 交易流水证明 2021 (G1) and 2023–2026 (G2–G4).

The table is found by its header row, never by a fixed line offset; columns are mapped by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

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

LAYOUT_WEB = "alipay-web-csv"  # G0: PC web 交易记录明细查询, 16 columns
LAYOUT_2021 = "alipay-csv-2021"  # G1: banner first, 11 columns, time last, footer
LAYOUT_2023 = "alipay-csv-2023"  # G2: preamble with 9 tips, banner 支付宝（中国）网络技术有限公司
LAYOUT_2025 = "alipay-csv-2025"  # G3: banner 支付宝支付科技有限公司
LAYOUT_2026 = "alipay-csv-2026"  # G4: 8 tips, header on line 24
LAYOUTS = (LAYOUT_WEB, LAYOUT_2021, LAYOUT_2023, LAYOUT_2025, LAYOUT_2026)

WANTED = {
    "time": ("交易时间", "付款时间"),
    "created": ("交易创建时间",),
    "category": ("交易分类", "类型"),
    "counterparty": ("交易对方",),
    "account": ("对方账号",),
    "description": ("商品说明", "商品名称"),
    "direction": ("收/支",),
    "amount": ("金额", "金额（元）", "金额(元)"),
    "method": ("收/付款方式",),
    "status": ("交易状态",),
    "order": ("交易订单号", "交易号"),
    "merchant": ("商家订单号",),
    "note": ("备注",),
    "fund": ("资金状态",),
    "refunded": ("成功退款（元）", "成功退款(元)"),
}
REQUIRED = ("direction", "amount", "status", "order", "counterparty")
HEADER_SCAN_LINES = 80

_DIRECTION = {"支出": "支出", "收入": "收入", "不计收支": "不计收支", "其他": "不计收支"}
_SCI = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")
_TIP = re.compile(r"^\s*\d+\s*[.、．]")


def is_header(cells: Sequence[object]) -> bool:
    names = {clean(c) for c in cells}
    return (
        "收/支" in names
        and "交易状态" in names
        and bool(names & {"金额", "金额（元）", "金额(元)"})
        and bool(names & {"交易时间", "交易创建时间"})
    )


def _layout(header: list[str], preamble: list[str]) -> str:
    first = clean(header[0]) if header else ""
    text = "\n".join(preamble)
    if first == "交易号" or "支付宝交易记录明细查询" in text:
        return LAYOUT_WEB
    if first != "交易时间":
        return LAYOUT_2021
    tips = [line for line in preamble if _TIP.match(line)]
    if len(tips) == 8 or (tips and "不包括已删除的记录" not in text):
        return LAYOUT_2026
    if "支付宝支付科技有限公司" in text:
        return LAYOUT_2025
    return LAYOUT_2023


def _direction(raw: str, fund: str, layout: str, name: str, line: int) -> str:
    if raw in _DIRECTION:
        return _DIRECTION[raw]
    if not raw and layout == LAYOUT_WEB:  # G0 refund rows leave 收/支 empty; 资金状态 tells
        if "收入" in fund:
            return "收入"
        if "支出" in fund:
            return "支出"
        return "不计收支"
    raise BillError(name, f"“收/支”一栏的值“{raw}”无法识别（应为 支出、收入 或 不计收支）。", line)


def parse_alipay(lines: Iterable[str], name: str, encoding: str) -> ParsedBill:
    """Parse the decoded lines of an Alipay CSV export (streamed: at most ``MAX_TRANSACTIONS`` are kept)."""
    recs = records(lines, name)
    preamble: list[str] = []
    shown: list[str] = []  # the same lines as printed
    header: list[str] | None = None
    header_line = 0
    for line, row in recs:
        if is_header(row):
            header, header_line = row, line
            break
        preamble.append(",".join(row))
        shown.append(raw_line(row))
        if line >= HEADER_SCAN_LINES:
            break
    if header is None:
        raise BillError(
            name,
            f"前 {HEADER_SCAN_LINES} 行内找不到支付宝账单表头（交易时间、收/支、金额、交易状态）；"
            "文件不完整，或不是支付宝导出的交易明细。",
        )
    cols = Columns.from_header(header, WANTED)
    missing = cols.missing(REQUIRED)
    if "time" not in cols.index and "created" not in cols.index:
        missing.insert(0, "time")
    if missing:
        labels = "、".join(WANTED[k][0] for k in missing)
        raise BillError(name, f"表头缺少必需的列：{labels}。", header_line)
    layout = _layout(header, preamble)
    bill = ParsedBill(source="alipay", layout=layout, transactions=[], encoding=encoding, file=name)
    bill.columns, bill.preamble = raw_columns(header), shown
    resaved: set[str] = set()
    if encoding.startswith("utf"):
        resaved.add("文件编码是 UTF-8（支付宝原始导出为 GBK）")
    footer: list[str] = []
    ended = False
    txs = bill.transactions
    for line, row in recs:
        if ended:
            if len(footer) < FOOTER_LINES:
                footer.append(",".join(row))
                bill.footer.append(raw_line(row))
            continue
        first = clean(row[0]) if row else ""
        if not first and not any(clean(c) for c in row):
            continue
        if first.startswith("---"):
            ended = True
            bill.footer.append(raw_line(row))
            continue
        if len(txs) >= MAX_TRANSACTIONS:
            raise too_many_transactions(name, line)
        txs.append(_row(row, line, cols, layout, name, resaved))
    apply_metadata(bill, "\n".join(preamble + footer))
    if layout != LAYOUT_WEB and "电子客户回单" not in "\n".join(preamble):
        bill.warnings.append("账单缺少支付宝“电子客户回单”抬头，文件可能被编辑过；请保留邮件中的原始压缩包。")
    if resaved:
        bill.warnings.append("检测到：" + "；".join(sorted(resaved)) + "。" + RESAVED_HINT)
    return finish(bill)


def _row(row: list[str], line: int, cols: Columns, layout: str, name: str, resaved: set[str]) -> Transaction:
    width = cols.width
    if len(row) < width:
        raise BillError(name, f"这一行只有 {len(row)} 列，表头有 {width} 列；文件可能被截断或缺少列。", line)
    extra = [c for c in row[width:] if not blank(c)]
    if extra:
        raise BillError(name, f"这一行比表头多出 {len(row) - width} 列（多余内容：{extra[0][:20]}）。", line)
    get = cols.get
    raw_time = get(row, "time") or get(row, "created")
    parsed = parse_time(raw_time)
    if parsed is None:
        raise BillError(name, f"交易时间“{raw_time[:30]}”无法识别。", line)
    when, odd_time = parsed
    if odd_time:
        resaved.add("交易时间格式被改动（缺少秒或使用了斜杠日期）")
    raw_amount = get(row, "amount")
    amount = parse_amount(raw_amount)
    if amount is None or amount < 0:
        raise BillError(name, f"金额“{raw_amount[:30]}”不是有效的金额。", line)
    order = get(row, "order")
    if _SCI.match(order) or _SCI.match(get(row, "merchant")):
        resaved.add("订单号变成了科学计数法")
    fund = get(row, "fund")
    refund_total = None
    if "refunded" in cols.index:
        refunded = parse_amount(get(row, "refunded") or "0")
        if refunded:
            refund_total = refunded
    return Transaction(
        time=when,
        category=get(row, "category"),
        counterparty=get(row, "counterparty"),
        counterparty_account=get(row, "account"),
        description=get(row, "description"),
        direction=_direction(get(row, "direction"), fund, layout, name, line),
        amount=amount,
        payment_method=get(row, "method"),
        status=get(row, "status"),
        order_id=order,
        merchant_order_id=get(row, "merchant"),
        note=get(row, "note"),
        row=line,
        source="alipay",
        fund_status=fund,
        refund_total=refund_total,
        cells=tuple(raw_cell(c) for c in row[:width]),
    )
