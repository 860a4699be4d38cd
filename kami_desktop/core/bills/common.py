"""Shared helpers for bill parsers: decoding, CSV records, cell cleaning, times, header metadata."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from kami_desktop.core.bills.model import BillError, ParsedBill
from kami_desktop.core.util.money import MoneyError, to_money
from kami_desktop.core.util.timeutil import china_local

_STRIP = " \t\r\n\xa0\u3000\ufeff"
MAX_FIELD = 100_000  # characters in one CSV field; a real bill never comes close

RESAVED_HINT = "文件可能被 Excel/WPS 另存过，请尽量使用邮件中的原始文件。"


def clean(cell: object) -> str:
    """Strip spaces, TABs, NBSP and BOM; the placeholder '/' becomes empty."""
    if cell is None:
        return ""
    text = str(cell).strip(_STRIP)
    return "" if text == "/" else text


def raw_cell(cell: object) -> str:
    """A cell as the export shows it: padding spaces and the TAB after order numbers removed, '/' kept."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip(_STRIP)


def raw_line(cells: Sequence[object]) -> str:
    """A line before or after the table, its cells joined back with commas (padding commas dropped)."""
    return ",".join(raw_cell(c) for c in cells).rstrip(",").strip(_STRIP)


def raw_columns(header: Sequence[object]) -> list[str]:
    names = [raw_cell(h) for h in header]
    while names and not names[-1]:
        names.pop()
    return names


def blank(cell: object) -> bool:
    """Truly empty (only whitespace); unlike clean(), '/' is not blank."""
    return cell is None or not str(cell).strip(_STRIP)


def line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text export: BOM first, then strict UTF-8, then GB18030.

    UTF-8 is tried before GB18030 because GB18030 accepts almost any byte string (UTF-8 text
    would decode as mojibake), while GBK text practically never passes a strict UTF-8 decode.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        candidates, skip = [("utf-8", "utf-8-sig")], 3
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates, skip = [("utf-16", "utf-16")], 0
    else:
        candidates, skip = [("utf-8", "utf-8"), ("gb18030", "gb18030")], 0
    body = data[skip:]
    first_error: UnicodeDecodeError | None = None
    for codec, label in candidates:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as exc:
            if exc.end >= len(body) and exc.start >= len(body) - 4:
                raise BillError(
                    name,
                    "文件末尾不完整（最后一个字符被截断），可能下载或解压不完整。",
                    line_of(data, exc.start + skip),
                ) from None
            if first_error is None or exc.start > first_error.start:  # report the furthest-reaching attempt
                first_error = exc
            continue
        if "\x00" in text:
            pos = text.index("\x00")
            raise BillError(
                name, "文件含有二进制内容（NUL 字符），不是文本账单。", text.count("\n", 0, pos) + 1
            )
        return text, label
    assert first_error is not None
    raise BillError(
        name,
        "无法识别文件编码（既不是 GBK/GB18030 也不是 UTF-8），文件可能已损坏。",
        line_of(data, first_error.start + skip),
    )


def records(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (first physical line number, raw fields) for each CSV record; csv errors become BillError."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise BillError(name, f"CSV 格式错误，或这一行过长（{exc}）。", line) from None
        if any(len(cell) > MAX_FIELD for cell in row):
            raise BillError(name, "这一行过长，不像账单内容，文件可能已损坏。", line)
        yield line, row
        line = reader.line_num + 1


_TIME_RE = re.compile(
    r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$"
)


def parse_time(value: object) -> tuple[datetime, bool] | None:
    """Parse a bill time cell; returns (aware time, looks_resaved) or None."""
    if isinstance(value, datetime):
        return china_local(value.replace(microsecond=0)), False
    text = clean(value)
    if len(text) == 19 and text[4] == "-" and text[10] == " ":
        try:
            return china_local(datetime.fromisoformat(text)), False
        except ValueError:
            pass
    m = _TIME_RE.match(text)
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) if g is not None else 0 for g in m.groups())
    try:
        dt = datetime(y, mo, d, h, mi, s)
    except ValueError:
        return None
    return china_local(dt), True


def parse_amount(value: object) -> Decimal | None:
    """Amount cell -> Decimal; accepts ¥/￥ and thousands separators. Floats only from xlsx, via str()."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        value = repr(value)
    try:
        amount = to_money(clean(value) if not isinstance(value, int | Decimal) else value)
    except (MoneyError, ArithmeticError):
        return None
    return amount


@dataclass
class Columns:
    """Maps wanted field names to column indexes found in a header row."""

    index: dict[str, int]
    width: int

    @classmethod
    def from_header(cls, header: list[str], wanted: dict[str, tuple[str, ...]]) -> Columns:
        names = [clean(h) for h in header]
        while names and not names[-1]:
            names.pop()
        index: dict[str, int] = {}
        for key, aliases in wanted.items():
            for alias in aliases:
                if alias in names:
                    index[key] = names.index(alias)
                    break
        return cls(index, len(names))

    def missing(self, required: tuple[str, ...]) -> list[str]:
        return [k for k in required if k not in self.index]

    def get(self, row: list[str], key: str) -> str:
        i = self.index.get(key)
        return clean(row[i]) if i is not None and i < len(row) else ""


_META = {
    "start": re.compile(r"起始(?:时间|日期)[：:]\s*\[(.+?)\]"),
    "end": re.compile(r"终止(?:时间|日期)[：:]\s*\[(.+?)\]"),
    "exported": re.compile(r"导出时间[：:]\s*\[(.+?)\]"),
    "count": re.compile(r"共\s*(\d+)\s*笔记录"),
    "holder": re.compile(r"(?:^|\s)(?:姓名|用户|微信昵称)[：:]\s*\[?([^\[\],]*?)\]?\s*(?:,|$)", re.M),
    "account": re.compile(r"(?:^|\s)(?:支付宝账户|账号)[：:]\s*\[?([^\[\],]*?)\]?\s*(?:,|$)", re.M),
}


def apply_metadata(bill: ParsedBill, text: str) -> None:
    """Fill period/holder/account/export time from preamble or footer text (metadata only)."""
    for key in ("start", "end", "exported"):
        m = _META[key].search(text)
        parsed = parse_time(m.group(1)) if m else None
        if parsed:
            setattr(
                bill,
                {"start": "period_start", "end": "period_end", "exported": "exported_at"}[key],
                parsed[0],
            )
    m = _META["count"].search(text)
    if m and len(m.group(1)) < 9:
        bill.declared_count = int(m.group(1))
    for key in ("holder", "account"):
        m = _META[key].search(text)
        if m and clean(m.group(1)):
            setattr(bill, key, clean(m.group(1)))
    if "仅供个人对账" in text:
        bill.personal_only = True


def personal_only_warning(source: str) -> str:
    if source == "alipay":
        path = "支付宝 App：我的 → 账单 → 右上角 ··· → 开具交易流水证明 → 用于证明材料"
    else:
        path = "微信：我 → 服务 → 钱包 → 账单 → 常见问题 → 下载账单 → 用作证明材料"
    return (
        "本账单注明“仅供个人对账使用”，单独作为证据效力较弱。建议另行申请盖章的交易流水证明"
        f"（用于证明材料；{path}），并与本账单一并附上作为证据。"
    )


def finish(bill: ParsedBill) -> ParsedBill:
    """Common closing checks: personal-only guidance, declared count mismatch (warning only)."""
    while bill.footer and not bill.footer[-1]:
        bill.footer.pop()
    if bill.personal_only:
        bill.warnings.append(personal_only_warning(bill.source))
    if bill.declared_count is not None and bill.declared_count != len(bill.transactions):
        bill.warnings.append(
            f"账单抬头写“共{bill.declared_count}笔记录”，实际读到 {len(bill.transactions)} 笔；"
            "请核对文件是否完整（抬头统计仅供参考）。"
        )
    if not bill.transactions:
        bill.warnings.append("账单中没有交易记录（所选时间段内可能没有交易）。")
    return bill
