"""Working days with 调休, the provisional fallback, and legal periods (民法典 201–203)."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from kami_desktop.core.legal.calendar import WorkCalendar, is_workday, next_workday, workdays_between
from kami_desktop.core.legal.data import load_holidays
from kami_desktop.core.legal.periods import add_months, add_workdays, period_end


def D(s: str) -> date:
    return date.fromisoformat(s)


def nth_workday_after(start: date, n: int) -> date:
    """Oracle: count chinese_calendar working days strictly after start."""
    d, k = start, 0
    while k < n:
        d += timedelta(days=1)
        k += chinese_calendar.is_workday(d)
    return d


# ----------------------------------------------------------------- 2026 schedule (legal.md §7 table)

SCHEDULE_2026 = {
    "元旦": (("2026-01-01", "2026-01-03"), ["2026-01-04"]),
    "春节": (("2026-02-15", "2026-02-23"), ["2026-02-14", "2026-02-28"]),
    "清明": (("2026-04-04", "2026-04-06"), []),
    "劳动节": (("2026-05-01", "2026-05-05"), ["2026-05-09"]),
    "端午": (("2026-06-19", "2026-06-21"), []),
    "中秋": (("2026-09-25", "2026-09-27"), []),
    "国庆": (("2026-10-01", "2026-10-07"), ["2026-09-20", "2026-10-10"]),
}


@pytest.mark.parametrize("name", SCHEDULE_2026)
def test_2026_schedule_matches_legal_md(name):
    (first, last), makeup = SCHEDULE_2026[name]
    d = D(first)
    while d <= D(last):
        assert is_workday(d) == (False, False), d
        d += timedelta(days=1)
    for m in makeup:
        assert D(m).weekday() >= 5  # the make-up days are weekends …
        assert is_workday(D(m)) == (True, False), m  # … that are working days


def test_2025_spring_festival_and_national_day():
    # Against chinese_calendar's own 2025 data: rest 1/28–2/4, 调休 Sun 1/26 and Sat 2/8.
    for d in ("2025-01-28", "2025-02-04", "2025-10-01", "2025-10-06", "2025-10-08"):
        assert is_workday(D(d)) == (False, False)
    for d in ("2025-01-26", "2025-02-08", "2025-09-28", "2025-10-11"):
        assert D(d).weekday() >= 5 and is_workday(D(d)) == (True, False)
    assert is_workday(D("2025-10-09")) == (True, False)


def test_agrees_with_chinese_calendar_for_every_day_of_2025_and_2026():
    d = D("2025-01-01")
    while d <= D("2026-12-31"):
        assert is_workday(d) == (chinese_calendar.is_workday(d), False)
        d += timedelta(days=1)


# ----------------------------------------------------------------- add_workdays


def test_legal_md_cross_check_12315_received_2026_09_28():
    due = add_workdays(D("2026-09-28"), 7)
    assert due.due == D("2026-10-13") and not due.provisional
    assert due.due == chinese_calendar.find_workday(7, D("2026-09-28"))
    counted = [d for d in (D("2026-09-28") + timedelta(days=i) for i in range(1, 16)) if is_workday(d)[0]]
    assert [d.isoformat()[5:] for d in counted[:7]] == [
        "09-29",
        "09-30",
        "10-08",
        "10-09",
        "10-10",
        "10-12",
        "10-13",
    ]


def test_spring_festival_2026_makeup_saturday_counts():
    assert add_workdays(D("2026-02-13"), 1).due == D("2026-02-14")  # Saturday 调休 workday
    assert add_workdays(D("2026-02-13"), 2).due == D("2026-02-24")  # then the whole break is skipped


def test_start_on_rest_day_first_working_day_after_is_day_one():
    # Received Saturday 2026-03-07: Monday 3/9 is working day 1, so day 7 is Tuesday 3/17.
    assert add_workdays(D("2026-03-07"), 1).due == D("2026-03-09")
    assert add_workdays(D("2026-03-07"), 7).due == D("2026-03-17")
    # chinese_calendar.find_workday counts differently from a rest day (it treats Monday as day 0).
    assert chinese_calendar.find_workday(7, D("2026-03-07")) == D("2026-03-18")


def test_add_workdays_matches_oracle_across_2025_2026():
    d = D("2025-01-01")
    while d <= D("2026-09-30"):  # 45 working days later is still inside chinese_calendar's range
        for n in (1, 3, 7, 45):
            assert add_workdays(d, n).due == nth_workday_after(d, n), (d, n)
        d += timedelta(days=5)


def test_add_workdays_rejects_non_positive():
    with pytest.raises(ValueError):
        add_workdays(D("2026-01-05"), 0)


def test_workdays_between_excludes_first_day():
    assert workdays_between(D("2026-09-28"), D("2026-10-13")) == (7, False)
    assert workdays_between(D("2026-10-13"), D("2026-10-13")) == (0, False)


# ----------------------------------------------------------------- provisional fallback


def test_2027_is_provisional_and_uses_statutory_days():
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(D("2027-03-03"))
    assert is_workday(D("2027-03-03")) == (True, True)  # ordinary Wednesday
    assert is_workday(D("2027-03-06")) == (False, True)  # Saturday
    assert is_workday(D("2027-10-01")) == (False, True)  # 国庆 (fixed date)
    assert is_workday(D("2027-02-08")) == (False, True)  # 春节 初三 (Monday)
    assert is_workday(D("2027-02-05")) == (False, True)  # 除夕 (Friday)


def test_span_into_2027_is_provisional_but_ending_in_2026_is_not():
    end_2026 = add_workdays(D("2026-12-28"), 3)
    assert end_2026.due == D("2026-12-31") and not end_2026.provisional
    into_2027 = add_workdays(D("2026-12-28"), 7)
    assert into_2027.provisional
    assert into_2027.due == D("2027-01-07")  # 12/29,30,31, 1/1 元旦 off, 1/4,5,6,7
    assert into_2027.to_json() == {"due": "2027-01-07", "provisional": True}


def test_years_without_any_data_use_fixed_dates():
    assert is_workday(D("2040-10-01")) == (False, True)
    assert is_workday(D("2040-10-04")) == (True, True)  # Thursday; real 国庆 schedule unknown
    assert is_workday(D("2003-05-01")) == (False, True)  # before chinese_calendar's range


def test_published_schedule_from_profile_makes_2027_definitive(write_json):
    # A user-entered (hypothetical) official schedule: 2/9 off, Saturday 2/20 worked.
    path = write_json(
        "holidays.json",
        {
            "years": {
                "2027": {
                    "status": "published",
                    "rest_days": ["2027-02-05", "2027-02-08", {"date": "2027-02-09", "name": "春节"}],
                    "extra_workdays": ["2027-02-20"],
                }
            }
        },
    )
    cal = WorkCalendar.from_file(path)
    assert cal.is_workday(D("2027-02-09")) == (False, False)
    assert cal.is_workday(D("2027-02-20")) == (True, False)
    assert cal.is_workday(D("2027-02-10")) == (True, False)
    assert cal.holiday_name(D("2027-02-09")) == "春节"
    assert add_workdays(D("2027-02-04"), 2, cal=cal).due == D("2027-02-11")
    assert not add_workdays(D("2027-02-04"), 2, cal=cal).provisional


def test_shipped_fallback_years_hold_the_statutory_days():
    table = load_holidays()
    assert set(range(2027, 2036)) <= set(table.years)
    for year, sched in table.years.items():
        assert not sched.published
        names = list(sched.names.values())
        assert names.count("春节") + names.count("春节（除夕）") == 4
        for md in ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)):
            assert date(year, *md) in sched.rest_days
        # 清明 from chinese_calendar's solar-term data, independent of the table's source
        ((qingming, _name),) = chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 10))
        assert qingming in sched.rest_days
        # 13 statutory days, one fewer where 中秋 falls inside 国庆 (2028, 2031)
        assert len(sched.rest_days) == (12 if year in (2028, 2031) else 13)


def test_holiday_names():
    cal = WorkCalendar()
    assert cal.holiday_name(D("2026-02-17")) == "春节"
    assert cal.holiday_name(D("2027-06-09")) == "端午节"
    assert cal.holiday_name(D("2026-03-03")) == ""


# ----------------------------------------------------------------- periods


def test_next_workday():
    assert next_workday(D("2026-10-01")).due == D("2026-10-08")
    assert next_workday(D("2026-10-09")).due == D("2026-10-09")


def test_period_ending_on_holiday_moves_to_next_working_day():
    # 7 days from 2026-09-24 ends on 10/1 (国庆) → 10/8.
    assert period_end(D("2026-09-24"), days=7).due == D("2026-10-08")


def test_period_ending_on_weekend_moves_to_monday():
    assert period_end(D("2026-03-07"), days=7).due == D("2026-03-16")  # Sat + 7 = Sat → Mon


def test_period_ending_on_makeup_saturday_does_not_move():
    assert period_end(D("2026-10-03"), days=7).due == D("2026-10-10")


def test_month_period_uses_corresponding_day_or_month_end():
    assert add_months(D("2026-01-31"), 1) == D("2026-02-28")
    assert add_months(D("2024-01-31"), 1) == D("2024-02-29")
    assert add_months(D("2026-11-30"), 3) == D("2027-02-28")
    # 2026-02-28 is a Saturday but a 调休 workday: the period ends there.
    assert period_end(D("2026-01-31"), months=1).due == D("2026-02-28")


def test_year_period_from_leap_day():
    assert period_end(D("2024-02-29"), years=1).due == D("2025-02-28")


def test_three_year_limitation_ending_on_sunday():
    due = period_end(D("2023-03-15"), years=3)
    assert D("2026-03-15").weekday() == 6
    assert due.due == D("2026-03-16") and not due.provisional


def test_period_end_validation():
    with pytest.raises(ValueError):
        period_end(D("2026-01-01"))
    with pytest.raises(ValueError):
        period_end(D("2026-01-01"), days=-1)


def test_period_into_2027_is_provisional():
    assert period_end(D("2026-12-01"), months=2).provisional
    assert not period_end(D("2026-10-01"), months=2).provisional
