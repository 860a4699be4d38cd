"""Court acceptance fees (诉讼费用交纳办法 arts 13, 16) and small-claims thresholds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kami_desktop.core.legal.data import load_small_claims
from kami_desktop.core.legal.fees import court_fee, court_fee_breakdown
from kami_desktop.core.legal.small_claims import is_small_claim, normalize_province, small_claims_threshold

# Fee at each bracket's upper bound, built up by hand from art 13: 50 + 90,000×2.5% = 2,300; …
BOUNDARIES = [
    ("0", "50"),
    ("9999.99", "50"),
    ("10000", "50"),
    ("10001", "50.03"),  # 50 + 1 × 2.5% = 50.025 → 50.03
    ("100000", "2300"),  # 50 + 90,000 × 2.5%
    ("200000", "4300"),  # + 100,000 × 2%
    ("500000", "8800"),  # + 300,000 × 1.5%
    ("1000000", "13800"),  # + 500,000 × 1%
    ("2000000", "22800"),  # + 1,000,000 × 0.9%
    ("5000000", "46800"),  # + 3,000,000 × 0.8%
    ("10000000", "81800"),  # + 5,000,000 × 0.7%
    ("20000000", "141800"),  # + 10,000,000 × 0.6%
    ("30000000", "191800"),  # + 10,000,000 × 0.5%
]


@pytest.mark.parametrize("amount, fee", BOUNDARIES)
def test_ordinary_fee_at_bracket_boundaries(amount, fee):
    assert court_fee(Decimal(amount)) == Decimal(fee)


def test_fee_just_above_a_boundary():
    assert court_fee("100100") == Decimal("2302.00")  # 2300 + 100 × 2%
    assert court_fee("3000") == Decimal("50.00")  # a typical 卡盟 balance


@pytest.mark.parametrize("procedure", ["simple", "small_claims"])
def test_simplified_procedures_are_halved(procedure):
    assert court_fee("10000", procedure) == Decimal("25.00")  # legal.md §3.5
    assert court_fee("100000", procedure) == Decimal("1150.00")
    assert court_fee("10001", procedure) == Decimal("25.01")  # 50.025 / 2 = 25.0125


def test_breakdown_shows_every_procedure():
    b = court_fee_breakdown("3000")
    assert b["amount"] == "3000.00"
    assert b["fees"] == {"ordinary": "50.00", "simple": "25.00", "small_claims": "25.00"}


def test_fee_bad_input():
    with pytest.raises(ValueError):
        court_fee("-1")
    with pytest.raises(ValueError):
        court_fee("100", "appeal")
    with pytest.raises(ValueError):
        court_fee(100.0)


def test_threshold_zhejiang():
    t = small_claims_threshold("浙江省")
    assert t.threshold == Decimal("54323")
    assert t.year == 2022
    assert t.last_verified == date(2022, 1, 11)
    threshold, year, verified = t  # unpacks as (threshold, year, last_verified)
    assert (threshold, year, verified) == (t.threshold, t.year, t.last_verified)


def test_threshold_hunan_month_precision():
    t = small_claims_threshold("湖南")
    assert t.threshold == Decimal("45707") and t.last_verified == date(2023, 11, 1)


def test_unknown_threshold_is_none():
    assert small_claims_threshold("北京市") == (None, None, None)


def test_shipped_values_are_marked_unconfirmed_and_ceilings_fit():
    table = load_small_claims()
    known = [r for r in table.provinces.values() if r.threshold is not None]
    assert known
    for r in known:
        assert not r.confirmed and r.source and r.last_verified
        # ceiling = 2 × wage, threshold = wage / 2 rounded: ceiling ≈ 4 × threshold
        assert abs(r.agreed_ceiling - 4 * r.threshold) <= 2
    assert len(table.provinces) == 31


@pytest.mark.parametrize(
    "name, short",
    [
        ("广西壮族自治区", "广西"),
        ("新疆维吾尔自治区", "新疆"),
        ("内蒙古自治区", "内蒙古"),
        ("上海市", "上海"),
        ("黑龙江省", "黑龙江"),
    ],
)
def test_province_names(name, short):
    assert normalize_province(name) == short


def test_unknown_province():
    with pytest.raises(ValueError):
        small_claims_threshold("火星")


def test_is_small_claim():
    assert is_small_claim("3000", "浙江") is True
    assert is_small_claim("54323", "浙江") is True
    assert is_small_claim("54323.01", "浙江") is False
    assert is_small_claim("3000", "北京") is None


def test_user_table_overrides(write_json):
    path = write_json(
        "small_claims.json",
        {"provinces": {"北京市": {"threshold": "60000", "year": 2026, "last_verified": "2026-06-01"}}},
    )
    t = small_claims_threshold("北京", load_small_claims(path))
    assert t == (Decimal("60000"), 2026, date(2026, 6, 1))
