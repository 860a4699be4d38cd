"""Private data in a line of text: what a public complaint site must not show.

The one source of truth for both the masked image copies (``core.redact.detect`` turns a span into a
box on the OCR line) and the texts for public sites (``core.documents.fitting.redact``): mainland
mobile numbers, 18-digit 身份证号 with the GB 11643 check character, bank card numbers (16–19 digits,
Luhn), e-mail addresses, the user's own name and address as recorded on the case's 本人 party, and —
when asked — order and transaction numbers (all but their last 4 characters).

Pure functions over strings: no database, no images.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

PHONE, ID_NUMBER, ID_SUSPECT, CARD, EMAIL, NAME, ADDRESS, ORDER = (
    "phone",
    "id_number",
    "id_suspect",
    "card",
    "email",
    "name",
    "address",
    "order",
)
REASONS = {
    PHONE: "手机号",
    ID_NUMBER: "身份证号",
    ID_SUSPECT: "疑似身份证号（校验位不符，可能是识别误差）",
    CARD: "银行卡号",
    EMAIL: "电子邮箱",
    NAME: "本人姓名",
    ADDRESS: "本人住址",
    ORDER: "订单号/交易单号（保留末4位）",
}
KEEP_TAIL = 4  # an order number keeps its last 4 characters
MIN_ADDRESS_PIECE = 6  # a piece of the address this long (or the whole, if shorter) is masked

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_SEP = r"[ \-]?"
_PHONE = re.compile(rf"(?<![0-9])(?:\+?86{_SEP})?1[3-9][0-9]{_SEP}[0-9]{{4}}{_SEP}[0-9]{{4}}(?![0-9])")
_ID = re.compile(r"(?<![0-9A-Za-z])[0-9](?: ?[0-9]){16} ?[0-9Xx](?![0-9A-Za-z])")  # OCR may space the groups
_CARD = re.compile(r"(?<![0-9A-Za-z])[0-9](?:[ \-]?[0-9]){15,18}(?![0-9A-Za-z])")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)
_ORDER = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]*[0-9][0-9A-Za-z_]{9,}(?![0-9A-Za-z])")


@dataclass(frozen=True)
class Personal:
    """What the case's 本人 party records about the user (blank when not recorded)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    id_number: str = ""

    @property
    def empty(self) -> bool:
        return not (self.name or self.address or self.phone or self.id_number)


@dataclass(frozen=True)
class Span:
    start: int
    end: int  # exclusive; for an order number the last 4 characters are outside the span
    kind: str

    @property
    def reason(self) -> str:
        return REASONS[self.kind]


# ----------------------------------------------------------------------------- checks


def id_check_char(first17: str) -> str:
    """GB 11643 (ISO 7064 MOD 11-2) check character over the first 17 digits."""
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def _birth_date_ok(s: str) -> bool:
    try:
        born = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100


def id_number_ok(text: str) -> bool:
    """An 18-character 身份证号 whose check character and birth date are right."""
    s = text.replace(" ", "").upper()
    return bool(re.fullmatch(r"[0-9]{17}[0-9X]", s)) and s[17] == id_check_char(s[:17]) and _birth_date_ok(s)


def looks_like_id(text: str) -> bool:
    """18 characters with a region code and a real birth date, whatever the check character: an OCR
    misread of one digit must not leave the user's ID number readable."""
    s = text.replace(" ", "").upper()
    return bool(re.fullmatch(r"[1-9][0-9]{16}[0-9X]", s)) and _birth_date_ok(s)


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check of a bank card number."""
    if not digits.isdigit():
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card_number_ok(text: str) -> bool:
    digits = re.sub(r"[ \-]", "", text)
    return 16 <= len(digits) <= 19 and luhn_ok(digits)


# ----------------------------------------------------------------------------- finding


def _overlaps(a: Span, taken: list[Span]) -> bool:
    return any(a.start < b.end and b.start < a.end for b in taken)


def _literal(text: str, value: str, kind: str) -> list[Span]:
    out = []
    if len(value) >= 2:
        i = text.find(value)
        while i >= 0:
            out.append(Span(i, i + len(value), kind))
            i = text.find(value, i + len(value))
    return out


def _address(text: str, address: str) -> list[Span]:
    """The address where it appears whole, or its longest piece of MIN_ADDRESS_PIECE+ characters (OCR
    splits a long address over lines and drops spaces)."""
    address = re.sub(r"\s+", "", address)
    if len(address) < 2:
        return []
    whole = _literal(text, address, ADDRESS)
    if whole:
        return whole
    out: list[Span] = []
    start = 0
    while start < len(text):
        m = SequenceMatcher(None, text, address, autojunk=False).find_longest_match(
            start, len(text), 0, len(address)
        )
        if m.size < min(MIN_ADDRESS_PIECE, len(address)):
            break
        out.append(Span(m.a, m.a + m.size, ADDRESS))
        start = m.a + m.size
    return out


def find_private(text: str, personal: Personal | None = None, *, orders: bool = False) -> list[Span]:
    """Every span of ``text`` to mask, in text order, none overlapping (the first rule that claims a
    stretch of text keeps it: recorded values, then ID, card, phone, e-mail, order numbers)."""
    taken: list[Span] = []

    def claim(spans: list[Span]) -> None:
        for sp in spans:
            if not _overlaps(sp, taken):
                taken.append(sp)

    if personal is not None:
        claim(_literal(text, personal.id_number.strip(), ID_NUMBER))
        claim(_literal(text, personal.phone.strip(), PHONE))
        claim(_address(text, personal.address))
        claim(_literal(text, personal.name.strip(), NAME))
    for m in _ID.finditer(text):
        if id_number_ok(m.group(0)):
            claim([Span(m.start(), m.end(), ID_NUMBER)])
        elif looks_like_id(m.group(0)):
            claim([Span(m.start(), m.end(), ID_SUSPECT)])
    claim([Span(m.start(), m.end(), CARD) for m in _CARD.finditer(text) if card_number_ok(m.group(0))])
    claim([Span(m.start(), m.end(), PHONE) for m in _PHONE.finditer(text)])
    claim([Span(m.start(), m.end(), EMAIL) for m in _EMAIL.finditer(text)])
    if orders:
        claim(
            [
                Span(m.start(), m.end() - KEEP_TAIL, ORDER)
                for m in _ORDER.finditer(text)
                if sum(c.isdigit() for c in m.group(0)) >= 8
            ]
        )
    return sorted(taken, key=lambda sp: sp.start)


# ----------------------------------------------------------------------------- masking text


def _masked(piece: str, kind: str) -> str:
    digits = re.sub(r"[ \-]", "", piece)
    if kind == PHONE:
        return digits[-11:-8] + "****" + digits[-4:]
    if kind in (ID_NUMBER, ID_SUSPECT):
        return digits[:6] + "********" + digits[-4:]
    if kind == CARD:
        return "****" + digits[-4:]
    if kind == EMAIL:
        return "***@" + piece.split("@", 1)[1]
    if kind == NAME:
        return "本人"
    if kind == ADDRESS:
        return "（地址略）"
    return "****"  # ORDER: the span already leaves the last 4 outside


def mask_text(text: str, personal: Personal | None = None, *, orders: bool = False) -> str:
    """``text`` with every private span replaced: phones 138****5678, ID numbers 110101********1234,
    cards ****1234, e-mail ***@qq.com, the user's name 本人, the address （地址略）, order numbers ****1234."""
    out: list[str] = []
    pos = 0
    for sp in find_private(text, personal, orders=orders):
        out.append(text[pos : sp.start])
        out.append(_masked(text[sp.start : sp.end], sp.kind))
        pos = sp.end
    out.append(text[pos:])
    return "".join(out)
