"""Working days (工作日) in mainland China, including 调休 (weekend make-up workdays).

Sources, in order:

1. a year marked ``published`` in the holiday table (the user's profile copy of ``holidays.json``
   holding an official State Council schedule that the installed package does not have yet);
2. the ``chinesecalendar`` package (2004–2026 in version 1.11), which carries the official 调休;
3. otherwise a fallback: weekends plus the statutory holiday dates themselves (shipped estimates for
   2027–2035, only the fixed-date holidays beyond that), without 调休. Every answer that relies on
   the fallback is marked **provisional** (暂定), because the real schedule adds bridge days off and
   weekend make-up workdays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import chinese_calendar

from kami_desktop.core.legal.data import HolidayTable, load_holidays

# Fixed-date statutory days (国务院令第795号, from 2025): used for years with no table entry at all.
_FIXED_REST_DAYS = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))


@dataclass(frozen=True)
class DueDate:
    due: date
    provisional: bool

    def to_json(self) -> dict:
        return {"due": self.due.isoformat(), "provisional": self.provisional}


class WorkCalendar:
    """Decides whether a day is a working day, using the sources listed in the module docstring."""

    def __init__(self, table: HolidayTable | None = None):
        self.table = table if table is not None else load_holidays()
        self._cache: dict[date, tuple[bool, bool]] = {}

    @classmethod
    def from_file(cls, path: str | Path) -> WorkCalendar:
        return cls(load_holidays(path))

    def is_workday(self, d: date) -> tuple[bool, bool]:
        """(is a working day, provisional)."""
        hit = self._cache.get(d)
        if hit is None:
            hit = self._cache[d] = self._decide(d)
        return hit

    def _decide(self, d: date) -> tuple[bool, bool]:
        sched = self.table.years.get(d.year)
        if sched is not None and sched.published:
            return self._from_schedule(d, sched.rest_days, sched.extra_workdays), False
        try:
            return bool(chinese_calendar.is_workday(d)), False
        except NotImplementedError:
            pass
        if sched is not None:
            return self._from_schedule(d, sched.rest_days, sched.extra_workdays), True
        fixed = {date(d.year, m, day) for m, day in _FIXED_REST_DAYS}
        return self._from_schedule(d, fixed, frozenset()), True

    @staticmethod
    def _from_schedule(d: date, rest: frozenset[date] | set[date], extra: frozenset[date]) -> bool:
        if d in extra:
            return True
        if d in rest:
            return False
        return d.weekday() < 5

    def holiday_name(self, d: date) -> str:
        """Chinese name of the holiday on ``d`` ('' when none is known)."""
        sched = self.table.years.get(d.year)
        if sched is not None and d in sched.names:
            return sched.names[d]
        try:
            on_holiday, name = chinese_calendar.get_holiday_detail(d)
        except NotImplementedError:
            return ""
        return _HOLIDAY_NAMES_ZH.get(name, name or "") if on_holiday and name else ""


_HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


@lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    """The calendar built from the shipped holiday table (cached)."""
    return WorkCalendar()


def _cal(cal: WorkCalendar | None) -> WorkCalendar:
    return cal if cal is not None else default_calendar()


def is_workday(d: date, *, cal: WorkCalendar | None = None) -> tuple[bool, bool]:
    """(is ``d`` a working day, is that answer provisional)."""
    return _cal(cal).is_workday(d)


def next_workday(d: date, *, cal: WorkCalendar | None = None) -> DueDate:
    """``d`` itself if it is a working day, else the first working day after it."""
    c = _cal(cal)
    provisional = False
    while True:
        work, prov = c.is_workday(d)
        provisional = provisional or prov
        if work:
            return DueDate(d, provisional)
        d += timedelta(days=1)


def workdays_between(start: date, end: date, *, cal: WorkCalendar | None = None) -> tuple[int, bool]:
    """Working days in (start, end] — the first day not counted — and whether that is provisional."""
    c = _cal(cal)
    count, provisional = 0, False
    d = start + timedelta(days=1)
    while d <= end:
        work, prov = c.is_workday(d)
        count += work
        provisional = provisional or prov
        d += timedelta(days=1)
    return count, provisional
