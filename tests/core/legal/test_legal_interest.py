"""Interest: day count (start exclusive, end inclusive), 365/360 basis, LPR segments. Hand-computed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kami_desktop.core.legal import LegalDataError, compute_interest
from kami_desktop.core.util.money import MoneyError


def D(s: str) -> date:
    return date.fromisoformat(s)


def test_legal_md_example_3000_at_3_percent_for_200_days():
    # 2025-06-01 (excluded) to 2025-12-18 (included) = 29+31+31+30+31+30+18 = 200 days.
    r = compute_interest(Decimal("3000"), D("2025-06-01"), D("2025-12-18"), rate_percent=Decimal("3"))
    assert r.days == 200
    assert r.interest == Decimal("49.32")  # 3000 × 0.03 × 200 / 365 = 49.315…
    assert r.rate == Decimal("3.00")
    assert r.rate_source == "manual"
    assert r.to_json()["interest"] == "49.32" and r.to_json()["rate"] == "3.00"


def test_basis_360():
    r = compute_interest("3000", D("2025-06-01"), D("2025-12-18"), rate_percent="3", basis=360)
    assert r.interest == Decimal("50.00")  # 3000 × 0.03 × 200 / 360


def test_count_first_day_adds_one_day():
    r = compute_interest("3000", D("2025-06-01"), D("2025-12-18"), rate_percent="3", count_first_day=True)
    assert r.days == 201
    assert r.interest == Decimal("49.56")  # 18090 / 365 = 49.561…


def test_one_day():
    r = compute_interest("36500", D("2025-06-01"), D("2025-06-02"), rate_percent="3")
    assert (r.days, r.interest) == (1, Decimal("3.00"))


def test_shipped_lpr_gives_the_same_and_warns_that_it_is_stale():
    r = compute_interest(Decimal("3000"), D("2025-06-01"), D("2025-12-18"))
    assert r.interest == Decimal("49.32")
    assert r.rate_source == "lpr"
    assert r.segments[0].lpr_effective == D("2025-05-20")
    assert any("2025-05-20" in w for w in r.warnings)


def test_period_before_first_lpr_entry_is_an_error():
    with pytest.raises(LegalDataError, match="手动输入利率"):
        compute_interest(Decimal("3000"), D("2025-05-01"), D("2025-12-18"))


def test_split_across_lpr_change(two_step_lpr):
    r = compute_interest(Decimal("10000"), D("2025-01-31"), D("2025-03-31"), lpr_table=two_step_lpr)
    assert r.days == 59
    assert [(s.start, s.end, s.days, s.rate) for s in r.segments] == [
        (D("2025-01-31"), D("2025-02-28"), 28, Decimal("4.00")),
        (D("2025-02-28"), D("2025-03-31"), 31, Decimal("3.00")),
    ]
    # 10000 × 4% × 28/365 = 30.684… ; 10000 × 3% × 31/365 = 25.479…
    assert [s.interest for s in r.segments] == [Decimal("30.68"), Decimal("25.48")]
    assert r.interest == Decimal("56.16")
    assert r.rate == Decimal("3.4746")  # (4×28 + 3×31) / 59
    assert r.warnings == []
    js = r.to_json()
    assert js["segments"][0] == {
        "start": "2025-01-31",
        "end": "2025-02-28",
        "days": 28,
        "rate": "4.00",
        "interest": "30.68",
        "lpr_effective": "2025-01-01",
    }


def test_unconfirmed_entry_is_flagged(two_step_lpr):
    r = compute_interest(Decimal("10000"), D("2025-10-01"), D("2025-10-31"), lpr_table=two_step_lpr)
    assert [s.days for s in r.segments] == [18, 12]
    # 10000 × 3% × 18/365 = 14.794… ; 10000 × 2.5% × 12/365 = 8.219…
    assert r.interest == Decimal("14.79") + Decimal("8.22")
    assert any("未核实" in w for w in r.warnings)


def test_change_on_first_accrual_day_gives_one_segment(two_step_lpr):
    r = compute_interest(Decimal("10000"), D("2025-02-28"), D("2025-03-10"), lpr_table=two_step_lpr)
    assert len(r.segments) == 1 and r.rate == Decimal("3.00")
    assert r.interest == Decimal("8.22")


def test_fixed_lpr_at_contract_formation(two_step_lpr):
    r = compute_interest(
        Decimal("10000"), D("2025-01-31"), D("2025-03-31"), lpr_table=two_step_lpr, lpr_date=D("2025-02-15")
    )
    assert r.rate_source == "lpr_fixed" and len(r.segments) == 1
    assert r.interest == Decimal("64.66")  # 10000 × 4% × 59/365 = 64.657…


def test_zero_days():
    r = compute_interest(Decimal("3000"), D("2025-06-01"), D("2025-06-01"), rate_percent="3")
    assert (r.days, r.interest, r.segments) == (0, Decimal("0.00"), [])


@pytest.mark.parametrize(
    "kwargs, exc",
    [
        ({"principal": 3000.0}, MoneyError),
        ({"rate_percent": 3.0}, TypeError),
        ({"basis": 366}, ValueError),
        ({"principal": Decimal("-1")}, ValueError),
        ({"end": D("2025-05-31")}, ValueError),
        ({"rate_percent": "120"}, ValueError),
    ],
)
def test_bad_input(kwargs, exc):
    args = {
        "principal": Decimal("3000"),
        "start": D("2025-06-01"),
        "end": D("2025-12-18"),
        "rate_percent": "3",
    }
    args.update(kwargs)
    with pytest.raises(exc):
        compute_interest(**args)
