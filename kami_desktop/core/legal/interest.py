"""Interest on the withheld balance (资金占用损失): principal × rate × days / 365 (or 360).

Day count
    ``start`` is **exclusive** and ``end`` is **inclusive**: ``days = (end - start).days``. This follows
    民法典 201 (the first day is not counted) and legal.md §5.2, where interest runs "自催告期满次日起至
    实际清偿之日止": pass the demand deadline (or the termination date, or the filing date) as ``start``,
    and interest accrues from the next day up to and including ``end``. Pass ``count_first_day=True``
    if a court or the user wants ``start`` itself counted (one more day).

Rate
    ``rate_percent`` (percent per year) applies one fixed rate. Without it the one-year LPR table is
    used: by default the rate in force on each day ("同期LPR"), splitting the period into segments
    where the table changes; with ``lpr_date`` the LPR in force on that single date for the whole
    period (预付式消费解释 arts 16–17: the LPR at contract formation).

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


@dataclass(frozen=True)
class InterestSegment:
    start: date  # exclusive
    end: date  # inclusive
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
    """Split (start, end] where the one-year LPR changes."""
    current = _entry(table, start + timedelta(days=1))
    used = [current]
    segments: list[InterestSegment] = []
    cursor = start
    for entry in table.one_year:
        if start + timedelta(days=1) < entry.effective <= end:
            seg_end = entry.effective - timedelta(days=1)
            days = (seg_end - cursor).days
            segments.append(
                InterestSegment(
                    cursor,
                    seg_end,
                    days,
                    current.rate,
                    _segment_interest(principal, current.rate, days, basis),
                    current.effective,
                )
            )
            cursor, current = seg_end, entry
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
        else:
            if total_days == 0:
                segments, used = [], []
            else:
                segments, used = _lpr_segments(table, p, begin, end, basis)
            source = "lpr"
            if end > table.last_verified:
                warnings.append(_stale(table))
        if any(not e.confirmed for e in used):
            warnings.append("所用LPR中有未核实的数值（confirmed=false），请核对后再用于诉状")

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
    )


def _stale(table: LprTable) -> str:
    return (
        f"LPR表只核实到{table.last_verified.isoformat()}，此后公布的LPR可能已调整；"
        "请对照全国银行间同业拆借中心公告核对，并更新个人资料目录中的 lpr.json"
    )
