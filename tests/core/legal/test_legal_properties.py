"""Property tests: working-day arithmetic, check-character round trips, interest and fee monotonicity."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kami_desktop.core.legal.calendar import is_workday, workdays_between
from kami_desktop.core.legal.fees import court_fee
from kami_desktop.core.legal.identifiers import (
    USCC_ALPHABET,
    check_reg15,
    check_uscc,
    reg15_check_digit,
    uscc_check_char,
)
from kami_desktop.core.legal.interest import compute_interest
from kami_desktop.core.legal.periods import add_months, add_workdays, period_end

DATES = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
N = st.integers(min_value=1, max_value=60)
FAST = settings(max_examples=150, deadline=None)

USCC_CHAR = st.sampled_from(USCC_ALPHABET)
USCC_BODY = st.builds(
    lambda head, area, tail: "".join(head) + area + "".join(tail),
    st.lists(USCC_CHAR, min_size=2, max_size=2),
    st.from_regex(r"\A[0-9]{6}\Z"),
    st.lists(USCC_CHAR, min_size=9, max_size=9),
)


@FAST
@given(DATES, N, N)
def test_add_workdays_monotonic_in_n(start, a, b):
    lo, hi = sorted((a, b))
    assert add_workdays(start, lo).due <= add_workdays(start, hi).due
    if lo < hi:
        assert add_workdays(start, lo).due < add_workdays(start, hi).due


@FAST
@given(DATES, DATES, N)
def test_add_workdays_monotonic_in_start(s1, s2, n):
    lo, hi = sorted((s1, s2))
    assert add_workdays(lo, n).due <= add_workdays(hi, n).due


@FAST
@given(DATES, N)
def test_due_is_a_workday_exactly_n_working_days_later(start, n):
    result = add_workdays(start, n)
    assert result.due > start
    assert is_workday(result.due)[0]
    count, provisional = workdays_between(start, result.due)
    assert count == n
    assert provisional == result.provisional


@FAST
@given(DATES, st.integers(1, 40))
def test_day_period_ends_on_first_workday_on_or_after_start_plus_days(start, days):
    raw = start + timedelta(days=days)  # the first day is not counted
    result = period_end(start, days=days)
    assert result.due >= raw
    assert is_workday(result.due)[0]
    d = raw
    while d < result.due:  # everything skipped is a rest day
        assert not is_workday(d)[0]
        d += timedelta(days=1)


@FAST
@given(DATES, st.integers(0, 40))
def test_add_months_keeps_the_day_or_clamps_to_month_end(start, months):
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    last_day = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(start.day, last_day)


@FAST
@given(USCC_BODY)
def test_uscc_check_character_round_trip(body):
    code = body + uscc_check_char(body)
    assert check_uscc(code).valid
    assert check_uscc(code.lower()).valid


@FAST
@given(USCC_BODY, st.integers(0, 16), USCC_CHAR)
def test_uscc_detects_any_single_substitution(body, pos, ch):
    code = body + uscc_check_char(body)
    if code[pos] == ch or (2 <= pos < 8 and not ch.isdigit()):
        return
    assert not check_uscc(code[:pos] + ch + code[pos + 1 :]).valid


@FAST
@given(st.from_regex(r"\A[0-9]{14}\Z"), st.integers(0, 13), st.integers(0, 9))
def test_reg15_round_trip_and_single_digit_errors(body, pos, digit):
    code = body + reg15_check_digit(body)
    assert check_reg15(code).valid
    if code[pos] != str(digit):
        assert not check_reg15(code[:pos] + str(digit) + code[pos + 1 :]).valid


MONEY = st.decimals(min_value=Decimal("0"), max_value=Decimal("100000000"), places=2)


@FAST
@given(MONEY, MONEY)
def test_court_fee_monotonic_and_halved(a, b):
    lo, hi = sorted((a, b))
    assert court_fee(lo) <= court_fee(hi)
    assert abs(court_fee(hi, "simple") * 2 - court_fee(hi)) <= Decimal("0.01")
    assert court_fee(hi) >= Decimal("50")


@FAST
@given(
    st.decimals(min_value=Decimal("0"), max_value=Decimal("1000000"), places=2),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(0, 800),
    st.integers(0, 800),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("24"), places=2),
)
def test_interest_additive_and_monotonic(principal, start, d1, d2, rate):
    mid = start + timedelta(days=min(d1, d2))
    end = start + timedelta(days=max(d1, d2))
    whole = compute_interest(principal, start, end, rate_percent=rate)
    first = compute_interest(principal, start, mid, rate_percent=rate)
    second = compute_interest(principal, mid, end, rate_percent=rate)
    assert whole.days == first.days + second.days == (end - start).days
    assert abs(whole.interest - first.interest - second.interest) <= Decimal("0.01")
    assert first.interest <= whole.interest
