"""What a screenshot's text shows: amounts, order and transaction numbers, date-times, mainland phone
numbers, 统一社会信用代码 and ICP numbers — each with the row of text it came from.

Pure functions over text: ``rows_from_text`` (plain text, one row a line) or ``rows_from_page`` (OCR
lines grouped into the rows the eye sees, so a label on the left and its value on the right read as one
row) feed ``extract``. Text is NFKC-normalised first (full-width ￥ and digits read as ¥ and 0–9).

Times: a date-time with its year (2025-03-12 20:30:11, 2025年3月12日 20:30) is taken as written; one
without (03-12 20:30, 3月12日 20:30) only when a reference date is given, its year the latest that does
not put it after that date. A bare clock time (20:31) is never a date-time, and nothing is read from the
phone's status bar (the top strip of the page): its clock says when the picture was taken only to the
minute, with no date, and is not the time the page shows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from kami_desktop.core.legal.identifiers import check_icp, check_uscc, find_icp_numbers
from kami_desktop.core.ocr.model import OcrLine, OcrPage
from kami_desktop.core.util.timeutil import CHINA_TZ

AMOUNT, ORDER_NO, TXN_NO, DATETIME, PHONE, USCC, ICP = (
    "amount",
    "order_no",
    "txn_no",
    "datetime",
    "phone",
    "uscc",
    "icp",
)
KIND_LABELS = {
    AMOUNT: "金额",
    ORDER_NO: "订单号",
    TXN_NO: "交易单号",
    DATETIME: "时间",
    PHONE: "手机号",
    USCC: "统一社会信用代码",
    ICP: "ICP备案号",
}
STATUS_BAR = 0.06  # the top share of a page where a phone's status bar (clock, signal, battery) sits


@dataclass(frozen=True)
class TextRow:
    """One row of text as read: an OCR row (its lines left to right) or one line of plain text."""

    text: str
    index: int
    lines: tuple[int, ...] = ()  # indexes into the page's OCR lines
    status_bar: bool = False


@dataclass(frozen=True)
class Found:
    kind: str
    value: Any  # Decimal (amount), datetime (aware), str (numbers, codes)
    text: str  # as read
    label: str  # the label before it (实付款, 订单号, 支付时间), "" when none
    row: int
    line: str  # the row of text it came from

    def shown(self) -> str:
        if self.kind == AMOUNT:
            return f"¥{self.value:,.2f}"
        if self.kind == DATETIME:
            return f"{self.value:%Y-%m-%d %H:%M:%S}"
        return str(self.value)

    def to_json(self) -> dict[str, Any]:
        value = self.value
        if isinstance(value, Decimal):
            value = f"{value:.2f}"
        elif isinstance(value, datetime):
            value = value.isoformat()
        return {"kind": self.kind, "value": value, "text": self.text, "label": self.label, "line": self.line}


@dataclass(frozen=True)
class Extraction:
    found: tuple[Found, ...] = field(default_factory=tuple)

    def of(self, kind: str) -> list[Found]:
        return [f for f in self.found if f.kind == kind]

    def numbers(self) -> list[Found]:
        """Order and transaction numbers, labelled ones first."""
        nums = [f for f in self.found if f.kind in (ORDER_NO, TXN_NO)]
        return sorted(nums, key=lambda f: (f.label == "", f.row))

    def to_json(self) -> list[dict[str, Any]]:
        return [f.to_json() for f in self.found]


# ----------------------------------------------------------------------------- rows
def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").replace("\u3000", " ").strip()


def rows_from_text(text: str) -> list[TextRow]:
    rows = [normalize(t) for t in (text or "").splitlines()]
    return [TextRow(t, i) for i, t in enumerate(r for r in rows if r)]


def rows_from_lines(lines: Sequence[OcrLine], height: float = 0) -> list[TextRow]:
    """OCR lines grouped into rows: a line whose middle lies within a row's height joins it."""
    order = sorted(range(len(lines)), key=lambda i: (lines[i].bbox[1] + lines[i].bbox[3]) / 2)
    groups: list[list[int]] = []
    bands: list[tuple[float, float]] = []
    for i in order:
        _l, top, _r, bottom = lines[i].bbox
        mid = (top + bottom) / 2
        if groups and bands[-1][0] <= mid <= bands[-1][1]:
            groups[-1].append(i)
        else:
            groups.append([i])
            bands.append((top, bottom))
    out = []
    for n, (group, (top, _b)) in enumerate(zip(groups, bands, strict=True)):
        group.sort(key=lambda i: lines[i].bbox[0])
        text = normalize(" ".join(lines[i].text for i in group))
        out.append(TextRow(text, n, tuple(group), bool(height) and top < height * STATUS_BAR))
    return [r for r in out if r.text]


def rows_from_page(page: OcrPage) -> list[TextRow]:
    return rows_from_lines(page.lines, page.height)


# ----------------------------------------------------------------------------- patterns
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?"
AMOUNT_LABELS = (
    "实付金额",
    "实付款",
    "实付",
    "支付金额",
    "付款金额",
    "订单金额",
    "充值金额",
    "交易金额",
    "商品金额",
    "到账金额",
    "退款金额",
    "应付金额",
    "应付",
    "合计",
    "总计",
    "金额",
)
_AMOUNT_RES = (
    re.compile(rf"(?P<label>)¥\s*(?P<v>[-+]?{_NUM})(?![\d.])"),
    re.compile(rf"(?<![\d.,A-Za-z])(?P<label>)(?P<v>[-+]?{_NUM})\s*元"),
    re.compile(rf"(?P<label>{'|'.join(AMOUNT_LABELS)})\s*[:]?\s*(?P<v>[-+]?{_NUM})(?![\d.])"),
    re.compile(r"^(?P<label>)(?P<v>[-+]\s*(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2})$"),  # Alipay's "-1,798.00"
)
ORDER_LABELS = ("商户订单号", "商家订单号", "商户单号", "充值单号", "订单编号", "订单号", "订单ID")
TXN_LABELS = (
    "交易订单号",
    "支付流水号",
    "交易流水号",
    "业务流水号",
    "交易单号",
    "支付单号",
    "流水号",
    "交易号",
)
_LABELLED_NO = re.compile(
    rf"(?P<label>{'|'.join(sorted(ORDER_LABELS + TXN_LABELS, key=len, reverse=True))})\s*[:]?\s*"
    r"(?P<v>[A-Za-z0-9][A-Za-z0-9_-]{5,63})"
)
_PREFIXED_NO = re.compile(r"(?<![A-Za-z0-9])([A-Z]{1,4}\d{10,30})(?![A-Za-z0-9])")
_LONG_DIGITS = re.compile(r"(?<![A-Za-z0-9])(\d{16,40})(?![A-Za-z0-9])")
_PHONE = re.compile(r"(?<![A-Za-z0-9])(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?![A-Za-z0-9])")
_USCC = re.compile(r"(?<![0-9A-Z])([0-9A-Z]{18})(?![0-9A-Z])")
_FULL_DATE = re.compile(
    # the day may run straight into the clock, as OCR reads "2025-03-1410:04:00" (the space dropped)
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>[0-3]?\d)"
    r"(?:(?!\d)|(?=[0-2]?\d:\d{2}))\s*日?"
    r"(?:\s*(?:T|星期.|周.)?\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?!\d))?"
)
_SHORT_DATE = re.compile(
    r"(?<![\d/.\-年])(?P<m>\d{1,2})(?:\s*[-/]\s*|\s*月\s*)(?P<d>\d{1,2})(?:\s*日)?\s*(?:星期.|周.)?\s*"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?!\d)"
)
_TIME_LABEL = re.compile(r"([\u4e00-\u9fff]{1,6}(?:时间|日期))\s*[:]?\s*$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _amount(text: str) -> Decimal | None:
    try:
        value = Decimal(re.sub(r"[\s,+]", "", text))
    except InvalidOperation:
        return None
    return abs(value).quantize(Decimal("0.01"))


def looks_like_id_number(digits: str) -> bool:
    """An 18-character 居民身份证号 (its check digit right): never taken as an order number."""
    if not re.fullmatch(r"\d{17}[\dX]", digits) or not ("1900" <= digits[6:10] <= "2099"):
        return False
    total = sum(int(c) * w for c, w in zip(digits[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == digits[17]


# ----------------------------------------------------------------------------- finders
def amounts(rows: Iterable[TextRow]) -> list[Found]:
    out: list[Found] = []
    for row in rows:
        seen: set[Decimal] = set()
        spans: list[tuple[int, int]] = []
        for pattern in _AMOUNT_RES:
            for m in pattern.finditer(row.text):
                if any(a <= m.start("v") < b for a, b in spans):
                    continue
                value = _amount(m.group("v"))
                if value is None or value in seen:
                    continue
                seen.add(value)
                spans.append((m.start("v"), m.end("v")))
                label = m.group("label") or _label_before(row.text, m.start(), AMOUNT_LABELS)
                out.append(Found(AMOUNT, value, m.group(0).strip(), label, row.index, row.text))
    return out


def _label_before(text: str, at: int, labels: Sequence[str]) -> str:
    before = text[:at].rstrip(" :")
    return next((lb for lb in labels if before.endswith(lb)), "")


def numbers(rows: Sequence[TextRow]) -> list[Found]:
    """Order and transaction numbers: labelled (订单号 …, 交易单号 …; the value may be on the next row),
    letter-prefixed (KM2026…), or long digit runs (16+ digits, never a 身份证号)."""
    out: list[Found] = []
    seen: set[str] = set()

    def add(kind: str, value: str, label: str, row: TextRow) -> None:
        if value not in seen:
            seen.add(value)
            out.append(Found(kind, value, value, label, row.index, row.text))

    for n, row in enumerate(rows):
        for m in _LABELLED_NO.finditer(row.text):
            kind = TXN_NO if m.group("label") in TXN_LABELS else ORDER_NO
            add(kind, m.group("v"), m.group("label"), row)
        bare = row.text.rstrip(" :")
        if bare in ORDER_LABELS + TXN_LABELS and n + 1 < len(rows):  # the value on the row below
            nxt = rows[n + 1]
            m2 = re.match(r"([A-Za-z0-9][A-Za-z0-9_-]{5,63})", nxt.text)
            if m2:
                add(TXN_NO if bare in TXN_LABELS else ORDER_NO, m2.group(1), bare, nxt)
    for row in rows:
        for m in _PREFIXED_NO.finditer(row.text):
            add(ORDER_NO, m.group(1), "", row)
        for m in _LONG_DIGITS.finditer(row.text):
            digits = m.group(1)
            if not looks_like_id_number(digits) and not (len(digits) == 18 and check_uscc(digits).valid):
                add(ORDER_NO, digits, "", row)
    return out


def datetimes(rows: Iterable[TextRow], reference: datetime | None = None) -> list[Found]:
    """Date-times with a clock time, not from the status bar; a year-less one only with ``reference``."""
    out: list[Found] = []
    for row in rows:
        if row.status_bar:
            continue
        taken: list[tuple[int, int]] = []
        for m in _FULL_DATE.finditer(row.text):
            taken.append(m.span())
            if m.group("H") is None:
                continue
            dt = _make(int(m.group("y")), m)
            if dt is not None:
                out.append(_dt_found(dt, m, row))
        if reference is None:
            continue
        for m in _SHORT_DATE.finditer(row.text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            ref = reference.astimezone(CHINA_TZ)
            for year in (ref.year, ref.year - 1):
                dt = _make(year, m)
                if dt is not None and dt <= ref + timedelta(days=1):
                    out.append(_dt_found(dt, m, row))
                    break
    return out


def _make(year: int, m: re.Match[str]) -> datetime | None:
    try:
        return datetime(
            year,
            int(m.group("m")),
            int(m.group("d")),
            int(m.group("H")),
            int(m.group("M")),
            int(m.group("S") or 0),
            tzinfo=CHINA_TZ,
        )
    except ValueError:
        return None


def _dt_found(dt: datetime, m: re.Match[str], row: TextRow) -> Found:
    label = _TIME_LABEL.search(row.text[: m.start()])
    return Found(DATETIME, dt, m.group(0).strip(), label.group(1) if label else "", row.index, row.text)


def phones(rows: Iterable[TextRow]) -> list[Found]:
    out = []
    for row in rows:
        for m in _PHONE.finditer(row.text):
            out.append(Found(PHONE, "".join(m.groups()), m.group(0), "", row.index, row.text))
    return out


def usccs(rows: Iterable[TextRow]) -> list[Found]:
    """18-character codes that pass the 统一社会信用代码 check (an invalid one is not taken)."""
    out = []
    for row in rows:
        for m in _USCC.finditer(row.text.upper()):
            check = check_uscc(m.group(1))
            code = m.group(1)
            labelled = "信用代码" in row.text
            looks_like_order = code.isdigit() or _PREFIXED_NO.fullmatch(code) is not None
            if check.valid and (labelled or not looks_like_order):
                out.append(Found(USCC, check.normalized, m.group(1), "", row.index, row.text))
    return out


def icps(rows: Iterable[TextRow]) -> list[Found]:
    out = []
    for row in rows:
        for number in find_icp_numbers(row.text):
            check = check_icp(number)
            if check.valid:
                out.append(Found(ICP, check.normalized, number, "", row.index, row.text))
    return out


def extract(rows: Sequence[TextRow], reference: datetime | None = None) -> Extraction:
    """Everything the rows show, in kind order (amounts, numbers, times, phones, USCC, ICP)."""
    found = [
        *amounts(rows),
        *numbers(rows),
        *datetimes(rows, reference),
        *phones(rows),
        *usccs(rows),
        *icps(rows),
    ]
    return Extraction(tuple(found))


def extract_text(text: str, reference: datetime | None = None) -> Extraction:
    return extract(rows_from_text(text), reference)
