"""Interest on the withheld balance (资金占用损失): principal × rate × days / 365 (or 360).

This is the one calculator: ``kami legal interest`` and every document call :func:`compute_interest`
and print :func:`interest_formula` ("837.50元×3.00%×158天÷365＝10.88元").

Day count
    ``days = (end - start).days``: the difference of the two dates, as courts' and banks' interest
    calculators count ("算头不算尾"). A document that claims interest "自2025年10月14日起……暂计至
    2025年11月20日" passes those two dates and gets 37 days, the same as ``kami legal interest --from
    2025-10-14 --to 2025-11-20``. Internally the accruing days are ``start + 1 … end`` (which day of a
    segment a rate change falls on). ``count_first_day=True`` adds one day, for a court that counts
    both ends; no document uses it.

Rate
    ``rate_percent`` (percent per year) applies one fixed rate. Without it the one-year LPR table is
    used: by default the rate in force on each day ("同期LPR", :data:`LPR_RULES` ``per_period``),
    splitting the period into segments where the table changes; with ``lpr_date`` the LPR in force on
    that single date for the whole period (``formation``: 预付式消费解释 arts 16–17, the LPR at contract
    formation, the documents' default). ``unconfirmed`` tells when a rate used is not verified: an entry
    marked ``confirmed: false``, or a date after the table's ``last_verified``; documents then say the
    rate is to be confirmed (待核实).

Rounding
    Each segment's interest is rounded to the fen (ROUND_HALF_UP) and the total is the sum of the
    rounded segments, so the printed table adds up. Money is Decimal throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from kami_desktop.core.legal.data import LegalDataError, LprEntry, LprTable, load_lpr
from kami_desktop.core.util.money import CENT, money_str, to_money

RATE_PLACES = Decimal("0.0001")

# Which one-year LPR applies, as an explicit option (documents default to "formation").
LPR_RULES = {
    "formation": "合同成立时的一年期LPR（预付式消费解释第十六条、第十七条），整个计息期间适用同一利率",
    "per_period": "同期一年期LPR（各日适用当时有效的LPR，LPR调整时分段计算）",
}


@dataclass(frozen=True)
class InterestSegment:
    start: date  # first day of the segment (counted)
    end: date  # the next segment's start, or the period's end (not counted): days = end - start
    days: int
    rate: Decimal  # percent per year
    interest: Decimal
    lpr_effective: date | None = None  # the LPR entry used, when the rate came from the table

    def to_json(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "rate": str(self.rate),
            "interest": money_str(self.interest),
            "lpr_effective": None if self.lpr_effective is None else self.lpr_effective.isoformat(),
        }


@dataclass
class InterestResult:
    interest: Decimal
    days: int
    rate: Decimal  # the rate applied, or the day-weighted average over the segments
    segments: list[InterestSegment]
    principal: Decimal = Decimal("0.00")
    basis: int = 365
    rate_source: str = "manual"  # 'manual' | 'lpr' (per day) | 'lpr_fixed'
    warnings: list[str] = field(default_factory=list)
    unconfirmed: bool = False  # a rate used is marked unconfirmed or lies after the table's last check

    def to_json(self) -> dict:
        return {
            "interest": money_str(self.interest),
            "days": self.days,
            "rate": str(self.rate),
            "segments": [s.to_json() for s in self.segments],
            "principal": money_str(self.principal),
            "basis": self.basis,
            "rate_source": self.rate_source,
            "warnings": list(self.warnings),
            "unconfirmed": self.unconfirmed,
            "formula": interest_formula(self),
        }


def _segment_interest(principal: Decimal, rate: Decimal, days: int, basis: int) -> Decimal:
    return (principal * rate * days / (Decimal(100) * basis)).quantize(CENT, rounding=ROUND_HALF_UP)


def _rate(value: Decimal | str | int) -> Decimal:
    if isinstance(value, float):
        raise TypeError("利率不接受 float，请用 Decimal 或字符串")
    rate = Decimal(str(value).strip().rstrip("%"))
    if not rate.is_finite() or rate < 0 or rate >= 100:
        raise ValueError(f"年利率（百分数）应在0到100之间，实际为 {value!r}")
    exponent = rate.as_tuple().exponent  # an int: the rate is finite
    if isinstance(exponent, int) and exponent > -2:
        rate = rate.quantize(CENT)  # "3" -> "3.00", as rates are written
    return rate


def _entry(table: LprTable, day: date) -> LprEntry:
    entry = table.entry_on(day)
    if entry is None:
        first = table.one_year[0].effective.isoformat() if table.one_year else "（空）"
        raise LegalDataError(
            f"LPR表中没有{day.isoformat()}适用的一年期LPR（表中最早生效日为{first}）。"
            "请手动输入利率，或在个人资料目录的 lpr.json 中补充更早的LPR记录"
        )
    return entry


def _lpr_segments(
    table: LprTable, principal: Decimal, start: date, end: date, basis: int
) -> tuple[list[InterestSegment], list[LprEntry]]:
    """Split [start, end) where the one-year LPR changes: each day accrues at the LPR in force that day."""
    current = _entry(table, start)
    used = [current]
    segments: list[InterestSegment] = []
    cursor = start
    for entry in table.one_year:
        if start < entry.effective < end:
            days = (entry.effective - cursor).days
            segments.append(
                InterestSegment(
                    cursor,
                    entry.effective,
                    days,
                    current.rate,
                    _segment_interest(principal, current.rate, days, basis),
                    current.effective,
                )
            )
            cursor, current = entry.effective, entry
            used.append(entry)
    days = (end - cursor).days
    segments.append(
        InterestSegment(
            cursor,
            end,
            days,
            current.rate,
            _segment_interest(principal, current.rate, days, basis),
            current.effective,
        )
    )
    return segments, used


def compute_interest(
    principal: Decimal | str | int,
    start: date,
    end: date,
    rate_percent: Decimal | str | None = None,
    basis: int = 365,
    lpr_table: LprTable | None = None,
    *,
    lpr_date: date | None = None,
    count_first_day: bool = False,
) -> InterestResult:
    """Interest on ``principal`` for the days after ``start`` up to and including ``end``."""
    if basis not in (365, 360):
        raise ValueError(f"计息基数应为365或360，实际为 {basis}")
    p = to_money(principal)
    if p < 0:
        raise ValueError("本金不能为负数")
    if end < start:
        raise ValueError(f"计息截止日 {end} 早于起算日 {start}")
    begin = start - timedelta(days=1) if count_first_day else start
    total_days = (end - begin).days
    warnings: list[str] = []
    unconfirmed = False

    if rate_percent is not None:
        rate = _rate(rate_percent)
        segments = [
            InterestSegment(begin, end, total_days, rate, _segment_interest(p, rate, total_days, basis))
        ]
        source = "manual"
        used: list[LprEntry] = []
    else:
        table = lpr_table if lpr_table is not None else load_lpr()
        if lpr_date is not None:
            entry = _entry(table, lpr_date)
            segments = [
                InterestSegment(
                    begin,
                    end,
                    total_days,
                    entry.rate,
                    _segment_interest(p, entry.rate, total_days, basis),
                    entry.effective,
                )
            ]
            source, used = "lpr_fixed", [entry]
            if lpr_date > table.last_verified:
                warnings.append(_stale(table))
                unconfirmed = True
        else:
            if total_days == 0:
                segments, used = [], []
            else:
                segments, used = _lpr_segments(table, p, begin, end, basis)
            source = "lpr"
            if end > table.last_verified:
                warnings.append(_stale(table))
                unconfirmed = True
        if any(not e.confirmed for e in used):
            warnings.append("所用LPR中有未核实的数值（confirmed=false），请核对后再用于诉状")
            unconfirmed = True

    segments = [s for s in segments if s.days > 0]
    interest = sum((s.interest for s in segments), Decimal("0.00"))
    if len(segments) == 1:
        rate = segments[0].rate
    elif segments:
        rate = (sum((s.rate * s.days for s in segments), Decimal(0)) / total_days).quantize(
            RATE_PLACES, rounding=ROUND_HALF_UP
        )
    elif rate_percent is not None:
        rate = _rate(rate_percent)
    else:
        in_force = (lpr_table or load_lpr()).entry_on(lpr_date or end)
        rate = in_force.rate if in_force is not None else Decimal("0")
    return InterestResult(
        interest=interest.quantize(CENT),
        days=total_days,
        rate=rate,
        segments=segments,
        principal=p,
        basis=basis,
        rate_source=source,
        warnings=warnings,
        unconfirmed=unconfirmed,
    )


def _yuan(amount: Decimal) -> str:
    return f"{amount:,.2f}元"


def interest_formula(result: InterestResult) -> str:
    """The whole computation: "837.50元×3.00%×158天÷365＝10.88元", one term per rate segment."""
    terms = [
        f"{_yuan(result.principal)}×{seg.rate}%×{seg.days}天÷{result.basis}＝{_yuan(seg.interest)}"
        for seg in result.segments
    ]
    if not terms:
        return f"{_yuan(result.principal)}×{result.rate}%×0天÷{result.basis}＝{_yuan(Decimal('0.00'))}"
    if len(terms) == 1:
        return terms[0]
    return "；".join(terms) + f"；合计{_yuan(result.interest)}"


def _stale(table: LprTable) -> str:
    return (
        f"LPR表只核实到{table.last_verified.isoformat()}，此后公布的LPR可能已调整；"
        "请对照全国银行间同业拆借中心公告核对，并更新个人资料目录中的 lpr.json"
    )
