"""Money is Decimal with two places; never float."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kami_desktop.core.errors import UserError

CENT = Decimal("0.01")


class MoneyError(UserError, ValueError):
    pass


MAX_MONEY = Decimal(10) ** 12  # a trillion yuan: beyond any consumer claim, inside every column and format


def to_money(value: str | int | Decimal) -> Decimal:
    """Parse '1,798.00', '¥12.5', '-3', Decimal… into a 2-place Decimal (ROUND_HALF_UP)."""
    if isinstance(value, float):
        raise MoneyError("float is not accepted for money")
    if isinstance(value, Decimal):
        d = value
    else:
        text = str(value).strip().replace(",", "").replace("，", "")
        for sym in ("¥", "￥", "元", "RMB", "CNY"):
            text = text.replace(sym, "")
        text = text.strip()
        try:
            d = Decimal(text)
        except InvalidOperation as exc:
            raise MoneyError(f"不是有效金额: {value!r}") from exc
    if not d.is_finite():
        raise MoneyError(f"不是有效金额: {value!r}")
    if abs(d) >= MAX_MONEY:
        raise MoneyError(f"金额过大: {str(value)[:40]!r}（最多 {MAX_MONEY:,} 元以内）")
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def money_str(d: Decimal) -> str:
    """JSON form: a string with exactly two decimals, e.g. '1798.00'."""
    return f"{d.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"


_AMOUNT = re.compile(r"(\d{1,3}(,\d{3})+|\d+)(\.\d+)?")


def parse_amount(value: str | int | Decimal, what: str = "金额") -> Decimal:
    """An amount the user typed or pasted, read strictly: full-width digits and punctuation are folded
    ('１，７９８．００'), '¥'/'￥'/'元'/'RMB' and spaces are dropped, a thousands separator must group
    by three ('1,798.00'), at most two decimals. Anything else is refused with a message naming it,
    rather than guessed ('1,79' or '1798.505' are not read as 179 or 1798.51)."""
    if isinstance(value, float):
        raise MoneyError("float is not accepted for money")
    if isinstance(value, Decimal | int):
        return to_money(value)
    raw = str(value)
    text = unicodedata.normalize("NFKC", raw).replace("，", ",").replace("。", ".")
    text = "".join(text.split())
    for sym in ("¥", "￥", "元", "RMB", "CNY", "人民币"):
        text = text.replace(sym, "")
    negative = text.startswith("-")
    digits = text[1:] if negative else text
    match = _AMOUNT.fullmatch(digits)
    if not digits or match is None:
        raise MoneyError(f"{what}“{raw.strip()}”无法识别：请只写数字，例如 1798.00 或 ¥1,798.00")
    if match.group(3) and len(match.group(3)) > 3:
        raise MoneyError(f"{what}“{raw.strip()}”的小数超过两位（分），请核对")
    return to_money(("-" if negative else "") + digits.replace(",", ""))
