"""Shared helpers for bill parsers: decoding, CSV records, cell cleaning, times, header metadata."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from kami_desktop.core.bills.model import BillError, ParsedBill
from kami_desktop.core.util.money import MoneyError, to_money
from kami_desktop.core.util.textstream import Buffer, iter_lines, undecodable
from kami_desktop.core.util.textstream import head_text as stream_head
from kami_desktop.core.util.timeutil import china_local

_STRIP = " \t\r\n\xa0\u3000\ufeff"
MAX_FIELD = 100_000  # characters in one CSV field; a real bill never comes close
# One export covers at most a year (Alipay 交易流水证明) or three months (older WeChat exports): 100 000
# transactions is ~270 a day for a whole year, many times what a personal account makes, and keeps a
# parsed bill near 100 MB in memory. Rows count every physical line or sheet row, blank ones included.
MAX_TRANSACTIONS = 100_000
FOOTER_LINES = (
    200  # an export's closing notes kept for the metadata and the bill pages; a real footer has about ten
)
MAX_ROWS = 2 * MAX_TRANSACTIONS
MAX_COLUMNS = 64  # real cells in one sheet row; the widest export has 17 columns

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


def line_of(data: Buffer, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def too_many_transactions(name: str, line: int | None) -> BillError:
    return BillError(
        name,
        f"账单中的交易超过 {MAX_TRANSACTIONS} 笔，超出了单份个人账单的上限（支付宝、微信一次最多导出一年的记录）；"
        "请按较短的时间段分别导出，再逐个导入。",
        line,
    )


def too_many_rows(name: str) -> BillError:
    return BillError(
        name,
        f"文件超过 {MAX_ROWS} 行（含空行），超出了单份个人账单的上限，不像支付宝或微信导出的账单，已拒绝。",
    )


@dataclass(frozen=True)
class Encoding:
    codec: str  # what to decode the body with
    label: str  # what the bill reports (utf-8-sig, gb18030, …)
    skip: int  # BOM bytes before the body


def choose_encoding(data: Buffer, name: str) -> Encoding:
    """BOM first, then strict UTF-8, then GB18030 — checked piece by piece, never decoding the whole file.

    UTF-8 is tried before GB18030 because GB18030 accepts almost any byte string (UTF-8 text
    would decode as mojibake), while GBK text practically never passes a strict UTF-8 decode.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        candidates, skip = [("utf-8", "utf-8-sig")], 3
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates, skip = [("utf-16-le" if data[0] == 0xFF else "utf-16-be", "utf-16")], 2
    else:
        candidates, skip = [("utf-8", "utf-8"), ("gb18030", "gb18030")], 0
    size = len(data)
    furthest: tuple[int, int] | None = None
    for codec, label in candidates:
        bad = undecodable(data, codec, skip)
        if bad is None:
            enc = Encoding(codec, label, skip)
            _refuse_nul(data, enc, name)
            return enc
        start, end = bad
        if end >= size and start >= size - 4:
            raise BillError(
                name, "文件末尾不完整（最后一个字符被截断），可能下载或解压不完整。", line_of(data, start)
            )
        if furthest is None or start > furthest[0]:  # report the furthest-reaching attempt
            furthest = bad
    assert furthest is not None
    raise BillError(
        name,
        "无法识别文件编码（既不是 GBK/GB18030 也不是 UTF-8），文件可能已损坏。",
        line_of(data, furthest[0]),
    )


def _refuse_nul(data: Buffer, enc: Encoding, name: str) -> None:
    if enc.codec.startswith("utf-16"):
        for line, text in enumerate(text_lines(data, enc), start=1):
            if "\x00" in text:
                raise BillError(name, "文件含有二进制内容（NUL 字符），不是文本账单。", line)
        return
    pos = data.find(b"\x00", enc.skip)
    if pos >= 0:
        raise BillError(name, "文件含有二进制内容（NUL 字符），不是文本账单。", line_of(data, pos))


def text_lines(data: Buffer, enc: Encoding) -> Iterator[str]:
    """The decoded text line by line (with line endings), about 1 MB decoded at a time."""
    return iter_lines(data, enc.codec, enc.skip)


def head_text(data: Buffer, enc: Encoding) -> str:
    """The first ~200 KB of text (whole lines): enough to recognise the file."""
    return stream_head(data, enc.codec, enc.skip)


def records(lines: Iterable[str], name: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (first physical line number, raw fields) for each CSV record; csv errors become BillError.

    More than ``MAX_ROWS`` records (blank ones included) is refused while reading.
    """
    reader = csv.reader(iter(lines))
    line = 1
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise BillError(name, f"CSV 格式错误，或这一行过长（{exc}）。", line) from None
        count += 1
        if count > MAX_ROWS:
            raise too_many_rows(name)
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
    y, mo, d = (int(g) for g in m.groups()[:3])
    h, mi, s = (int(g) if g is not None else 0 for g in m.groups()[3:])
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
