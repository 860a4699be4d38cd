"""Legal periods (期间), 民法典 arts 200–204 and 民诉法 art 85.

* The day on which the period starts is not counted (art 201): a period "from" ``start`` begins the
  next day.
* Periods in years or months end on the corresponding day of the final month; when that month has no
  such day, on its last day (art 202): 1-31 plus one month is 2-28 (or 2-29).
* When the last day is a rest day (法定休假日, which in practice includes ordinary weekends), the period
  ends on the next working day (art 203). A 调休 weekend workday is a working day and is not moved.
* The period ends at 24:00 of the last day (art 203): a deadline is still open on its due date.
"""

from __future__ import annotations

import calendar as _stdcal
from datetime import date, timedelta

from kami_desktop.core.legal.calendar import DueDate, WorkCalendar, _cal, next_workday


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's last day (民法典 202)."""
    total = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(total, 12)
    last = _stdcal.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def add_workdays(start: date, n: int, *, cal: WorkCalendar | None = None) -> DueDate:
    """The ``n``-th working day after ``start`` (``start`` itself is never counted).

    A complaint received on Saturday with a 7-working-day rule: Monday is working day 1. The result is
    provisional when any day from ``start`` + 1 to the due date came from the fallback calendar.
    """
    if n < 1:
        raise ValueError(f"工作日数应为正整数，实际为 {n}")
    if n > (date.max - start).days:  # more working days than calendar days left: refuse before counting
        raise OverflowError(f"工作日数 {n} 超出了日历范围")
    c = _cal(cal)
    d, counted, provisional = start, 0, False
    while counted < n:
        d += timedelta(days=1)
        work, prov = c.is_workday(d)
        provisional = provisional or prov
        counted += work
    return DueDate(d, provisional)


def period_end(
    start: date, *, days: int = 0, months: int = 0, years: int = 0, cal: WorkCalendar | None = None
) -> DueDate:
    """Last day of a calendar period of ``years`` + ``months`` + ``days`` counted from ``start``.

    Years and months are applied first (art 202), then days. A last day that is a rest day moves to the
    next working day (art 203); ``provisional`` tells whether that check used the fallback calendar.
    """
    if min(days, months, years) < 0:
        raise ValueError("期间长度不能为负数")
    if days == months == years == 0:
        raise ValueError("期间长度不能为零")
    raw = add_months(start, years * 12 + months) + timedelta(days=days)
    return next_workday(raw, cal=cal)
