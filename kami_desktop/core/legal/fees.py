"""Court acceptance fees (案件受理费) for property cases, 《诉讼费用交纳办法》(2006).

Art 13(1): 50 yuan per case up to 10,000 yuan; above that, cumulative brackets of the claim amount.
Art 16: halved under 简易程序; 小额诉讼 is a form of simplified procedure, so it is halved too.
(Art 15 also halves the fee when a case ends in mediation or withdrawal; that refund is not applied
here.) The result is rounded to the fen (ROUND_HALF_UP) after halving.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kami_desktop.core.util.money import CENT, money_str, to_money

BASE_FEE = Decimal("50")
BASE_LIMIT = Decimal("10000")

# (upper bound of the bracket, or None for "and above"; rate applied to the part inside the bracket)
BRACKETS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (Decimal("100000"), Decimal("0.025")),
    (Decimal("200000"), Decimal("0.02")),
    (Decimal("500000"), Decimal("0.015")),
    (Decimal("1000000"), Decimal("0.01")),
    (Decimal("2000000"), Decimal("0.009")),
    (Decimal("5000000"), Decimal("0.008")),
    (Decimal("10000000"), Decimal("0.007")),
    (Decimal("20000000"), Decimal("0.006")),
    (None, Decimal("0.005")),
)

PROCEDURES = {"ordinary": "普通程序", "simple": "简易程序", "small_claims": "小额诉讼程序"}


def _full_fee(amount: Decimal) -> Decimal:
    fee = BASE_FEE
    lower = BASE_LIMIT
    for upper, rate in BRACKETS:
        if amount <= lower:
            break
        top = amount if upper is None else min(amount, upper)
        fee += (top - lower) * rate
        if upper is None:
            break
        lower = upper
    return fee


def court_fee(amount: Decimal | str | int, procedure: str = "ordinary") -> Decimal:
    """Acceptance fee for a property claim of ``amount`` yuan under ``procedure``."""
    if procedure not in PROCEDURES:
        raise ValueError(f"未知的程序：{procedure!r}（应为 {', '.join(PROCEDURES)}）")
    a = to_money(amount)
    if a < 0:
        raise ValueError("诉讼请求金额不能为负数")
    fee = _full_fee(a)
    if procedure in ("simple", "small_claims"):
        fee = fee / 2
    return fee.quantize(CENT, rounding=ROUND_HALF_UP)


def court_fee_breakdown(amount: Decimal | str | int) -> dict:
    """Fees under every procedure, for showing the user both the full and the halved amount."""
    a = to_money(amount)
    return {
        "amount": money_str(a),
        "fees": {p: money_str(court_fee(a, p)) for p in PROCEDURES},
        "basis": "《诉讼费用交纳办法》第13条（财产案件分段累计）、第16条（简易程序减半）",
    }
