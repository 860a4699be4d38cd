"""Interest: day count (end − start, 算头不算尾), 365/360 basis, LPR segments, the printed formula. Hand-computed."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from kami_desktop.core.legal.data import LegalDataError, load_lpr
from kami_desktop.core.legal.interest import compute_interest, interest_formula
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


def test_shipped_lpr_gives_the_same():
    r = compute_interest(Decimal("3000"), D("2025-06-01"), D("2025-12-18"))
    assert r.interest == Decimal("49.32")
    assert r.rate_source == "lpr"
    assert r.segments[0].lpr_effective == D("2025-05-20")
    assert r.warnings == [] and not r.unconfirmed
    assert interest_formula(r) == "3,000.00元×3.00%×200天÷365＝49.32元"


def test_shipped_lpr_warns_after_its_last_check():
    table = load_lpr()
    end = table.last_verified + timedelta(days=40)
    r = compute_interest(Decimal("3000"), table.last_verified, end)
    assert r.unconfirmed and any(table.last_verified.isoformat() in w for w in r.warnings)
    assert r.to_json()["unconfirmed"] is True


def test_issue_example_formula():
    r = compute_interest(Decimal("837.50"), D("2025-06-09"), D("2025-11-14"), rate_percent="3.00")
    assert (r.days, r.interest) == (158, Decimal("10.88"))
    assert interest_formula(r) == "837.50元×3.00%×158天÷365＝10.88元"
    assert r.to_json()["formula"] == interest_formula(r)


def test_per_period_over_the_real_2024_changes():
    # 2024-07-01 … 2024-12-31: 3.45% until 07-21, 3.35% from 07-22, 3.10% from 10-21
    r = compute_interest(Decimal("10000"), D("2024-07-01"), D("2024-12-31"))
    assert [(s.start, s.end, s.days, s.rate) for s in r.segments] == [
        (D("2024-07-01"), D("2024-07-22"), 21, Decimal("3.45")),
        (D("2024-07-22"), D("2024-10-21"), 91, Decimal("3.35")),
        (D("2024-10-21"), D("2024-12-31"), 71, Decimal("3.10")),
    ]
    # 10000×3.45%×21/365 = 19.849… ; ×3.35%×91/365 = 83.520… ; ×3.10%×71/365 = 60.301…
    assert [s.interest for s in r.segments] == [Decimal("19.85"), Decimal("83.52"), Decimal("60.30")]
    assert r.interest == Decimal("163.67") and r.days == 183
    assert interest_formula(r) == (
        "10,000.00元×3.45%×21天÷365＝19.85元；10,000.00元×3.35%×91天÷365＝83.52元；"
        "10,000.00元×3.10%×71天÷365＝60.30元；合计163.67元"
    )
    fixed = compute_interest(Decimal("10000"), D("2024-07-01"), D("2024-12-31"), lpr_date=D("2024-03-01"))
    assert fixed.interest == Decimal("172.97")  # 10000 × 3.45% × 183 / 365 = 172.972…


def test_period_before_first_lpr_entry_is_an_error():
    with pytest.raises(LegalDataError, match="手动输入利率"):
        compute_interest(Decimal("3000"), D("2019-08-01"), D("2019-12-18"))


def test_split_across_lpr_change(two_step_lpr):
    r = compute_interest(Decimal("10000"), D("2025-01-31"), D("2025-03-31"), lpr_table=two_step_lpr)
    assert r.days == 59
    # the days 01-31 … 02-28 accrue at 4%, 03-01 … 03-30 at 3% (算头不算尾)
    assert [(s.start, s.end, s.days, s.rate) for s in r.segments] == [
        (D("2025-01-31"), D("2025-03-01"), 29, Decimal("4.00")),
        (D("2025-03-01"), D("2025-03-31"), 30, Decimal("3.00")),
    ]
    # 10000 × 4% × 29/365 = 31.780… ; 10000 × 3% × 30/365 = 24.657…
    assert [s.interest for s in r.segments] == [Decimal("31.78"), Decimal("24.66")]
    assert r.interest == Decimal("56.44")
    assert r.rate == Decimal("3.4915")  # (4×29 + 3×30) / 59
    assert r.warnings == []
    js = r.to_json()
    assert js["segments"][0] == {
        "start": "2025-01-31",
        "end": "2025-03-01",
        "days": 29,
        "rate": "4.00",
        "interest": "31.78",
        "lpr_effective": "2025-01-01",
    }


def test_unconfirmed_entry_is_flagged(two_step_lpr):
    r = compute_interest(Decimal("10000"), D("2025-10-01"), D("2025-10-31"), lpr_table=two_step_lpr)
    assert [s.days for s in r.segments] == [19, 11]
    # 10000 × 3% × 19/365 = 15.616… ; 10000 × 2.5% × 11/365 = 7.534…
    assert r.interest == Decimal("15.62") + Decimal("7.53")
    assert any("未核实" in w for w in r.warnings) and r.unconfirmed


def test_change_on_the_first_day_gives_one_segment(two_step_lpr):
    r = compute_interest(Decimal("10000"), D("2025-03-01"), D("2025-03-11"), lpr_table=two_step_lpr)
    assert len(r.segments) == 1 and r.rate == Decimal("3.00")
    assert r.interest == Decimal("8.22")  # 10000 × 3% × 10/365
    r = compute_interest(Decimal("10000"), D("2025-02-20"), D("2025-03-01"), lpr_table=two_step_lpr)
    assert len(r.segments) == 1 and r.rate == Decimal("4.00")  # a change on the end day accrues nothing


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
