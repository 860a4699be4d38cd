"""Money is Decimal with two places; never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kami_desktop.core.errors import UserError

CENT = Decimal("0.01")


class MoneyError(UserError, ValueError):
    pass


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
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def money_str(d: Decimal) -> str:
    """JSON form: a string with exactly two decimals, e.g. '1798.00'."""
    return f"{d.quantize(CENT, rounding=ROUND_HALF_UP):.2f}"
