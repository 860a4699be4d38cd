"""Recognise a bill by its content (never by its extension) and dispatch to the right parser."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from kami_desktop.core.bills.alipay import is_header as is_alipay_header
from kami_desktop.core.bills.alipay import parse_alipay
from kami_desktop.core.bills.archive import extract_bill, is_xlsx, is_zip, iter_xlsx_rows
from kami_desktop.core.bills.common import Buffer, choose_encoding, clean, head_text, text_lines
from kami_desktop.core.bills.model import BillError, ParsedBill
from kami_desktop.core.bills.wechat import TITLE as WECHAT_TITLE
from kami_desktop.core.bills.wechat import is_header as is_wechat_header
from kami_desktop.core.bills.wechat import parse_wechat_csv, parse_wechat_rows
from kami_desktop.core.util.fsutil import read_capped

MAX_INPUT = 200 * 1024 * 1024
SNIFF_LINES = 40
_CONTENT = re.compile(rb"[^ \t\r\n\x00\xef\xbb\xbf\xff\xfe]")
INTERNAL_ERROR = "解析时发生内部错误"

_NOT_A_BILL = "不是支付宝或微信支付导出的账单"
_BANK_WORDS = ("银行", "明细查询文件下载", "记账日期", "交易日期", "余额", "摘要", "卡号")
_MAGIC = (
    (
        b"\xd0\xcf\x11\xe0",
        "这是旧版 Excel（.xls）或 Office 文件，" + _NOT_A_BILL + "。银行流水请作为证据文件直接导入。",
    ),
    (b"%PDF", "这是 PDF 文件，" + _NOT_A_BILL + "。PDF 版流水证明请作为证据文件直接导入。"),
    (b"\x89PNG", "这是图片，" + _NOT_A_BILL + "。截图请作为证据文件导入。"),
    (b"\xff\xd8\xff", "这是图片，" + _NOT_A_BILL + "。截图请作为证据文件导入。"),
    (b"GIF8", "这是图片，" + _NOT_A_BILL + "。"),
    (b"Rar!", "这是 RAR 压缩包，请先解压，再导入里面的账单文件。"),
    (b"7z\xbc\xaf\x27\x1c", "这是 7z 压缩包，请先解压，再导入里面的账单文件。"),
)


def parse_bill(path: Path | str, password: str | None = None) -> ParsedBill:
    """Parse an Alipay/WeChat Pay bill file (CSV, XLSX or the mailed zip). Raises BillError."""
    p = Path(path)
    data = read_capped(p, MAX_INPUT, BillError, "，不像个人账单")
    return parse_bill_bytes(data, p.name, password)


def parse_bill_bytes(data: Buffer | bytearray, name: str, password: str | None = None) -> ParsedBill:
    """Same as parse_bill, for bytes in memory. Only BillError (or PasswordRequired) escapes."""
    try:
        return _parse(data if isinstance(data, bytes | bytearray) else bytes(data), name, password, depth=0)
    except BillError:
        raise
    except RecursionError:
        raise BillError(name, "文件结构嵌套过深，无法解析。") from None
    except Exception as exc:  # noqa: BLE001 - last line of defence: the user sees a message, the app stays up
        raise BillError(name, f"{INTERNAL_ERROR}（{type(exc).__name__}），请保留此文件以便排查。") from exc


def _parse(data: Buffer | bytearray, name: str, password: str | None, depth: int) -> ParsedBill:
    if _CONTENT.search(data) is None:  # nothing but blanks, NULs and BOMs (searched, never copied)
        raise BillError(name, "文件是空的。")
    if len(data) > MAX_INPUT:
        raise BillError(name, "文件过大，不像个人账单。")
    if is_zip(data):
        if is_xlsx(data, name):
            return _parse_sheet(iter_xlsx_rows(data, name), name)
        if depth > 0:
            raise BillError(name, "压缩包里还套着压缩包；请先解压外层压缩包。")
        member, full_name, warns = extract_bill(data, name, password)
        bill = _parse(member, full_name, None, depth + 1)
        bill.warnings[:0] = warns
        return bill
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise BillError(name, reason)
    enc = choose_encoding(data, name)
    kind = sniff_text(head_text(data, enc), name)
    if kind == "alipay":
        return parse_alipay(text_lines(data, enc), name, enc.label)
    return parse_wechat_csv(text_lines(data, enc), name, enc.label)


def _head_lines(text: str) -> list[str]:
    lines = []
    for line in text[:200_000].splitlines()[:SNIFF_LINES]:
        lines.append(line[:2000])
    return lines


def sniff_text(text: str, name: str) -> str:
    """'alipay' or 'wechat'; otherwise a BillError that says what the file looks like instead."""
    lines = _head_lines(text)
    head = "\n".join(lines)
    if "支付宝交易记录明细查询" in head or "电子客户回单" in head:
        return "alipay"
    if WECHAT_TITLE in head:
        return "wechat"
    for line in lines:
        cells = line.split(",")
        if is_alipay_header(cells):
            return "alipay"
        if is_wechat_header(cells):
            return "wechat"
    _reject(lines, name)
    raise AssertionError("unreachable")


def _reject(lines: list[str], name: str) -> None:
    head = "\n".join(lines)
    first = next((clean(line) for line in lines if clean(line).strip(",")), "")
    if "记录时间" in head and "收支类型" in head:
        raise BillError(
            name,
            "这是支付宝“记账本”导出，没有订单号和交易状态，不能作为付款证据。请在支付宝 App 中导出交易明细："
            "我的 → 账单 → 右上角 ··· → 开具交易流水证明。",
        )
    if head.startswith("消息记录") or "消息对象:" in head:
        raise BillError(name, "这是 QQ 聊天记录，不是账单；请用“导入聊天记录”。")
    if any(word in head for word in _BANK_WORDS):
        raise BillError(name, "这看起来是银行流水，" + _NOT_A_BILL + "；请作为证据文件直接导入。")
    snippet = first[:30] + ("…" if len(first) > 30 else "")
    raise BillError(
        name, f"{_NOT_A_BILL}（开头是“{snippet}”）。请导入邮件中的账单压缩包或其中的 CSV/XLSX 文件。"
    )


def _parse_sheet(sheet: Iterator[list[object]], name: str) -> ParsedBill:
    head = list(itertools.islice(sheet, SNIFF_LINES))
    rows = itertools.chain(head, sheet)
    texts = [",".join("" if c is None else str(c) for c in r) for r in head]
    if any(WECHAT_TITLE in t for t in texts) or any(is_wechat_header(r) for r in head):
        return parse_wechat_rows(rows, name)
    if any(is_alipay_header(r) for r in head):
        raise BillError(
            name,
            "这是被另存为 Excel 的支付宝账单，订单号和时间可能已被改动；请导入邮件压缩包中的原始 CSV 文件。",
        )
    if not any(t.strip(",") for t in texts):
        raise BillError(name, "这个 Excel 文件是空的。")
    _reject(texts, name)
    raise AssertionError("unreachable")
