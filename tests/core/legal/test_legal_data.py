"""Shipped data tables load, carry their provenance, and can be overridden from the profile dir."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from kami_desktop.core.legal.data import (
    LIMITS_FILE,
    LPR_FILE,
    LegalDataError,
    data_file,
    load_limits,
    load_lpr,
    load_small_claims,
    shipped_path,
)
from kami_desktop.resources import resource_path


def test_shipped_files_are_where_resource_path_says():
    for name in ("lpr.json", "small_claims.json", "limits.json", "holidays.json"):
        path = resource_path("data", name)
        assert path.is_file(), name
        json.loads(path.read_text(encoding="utf-8"))


# legal.md §5.2: every change of the one-year LPR since the 2019 reform (checked against public sources)
LEGAL_MD_CHANGES = [
    ("2019-08-20", "4.25"),
    ("2019-09-20", "4.20"),
    ("2019-11-20", "4.15"),
    ("2020-02-20", "4.05"),
    ("2020-04-20", "3.85"),
    ("2021-12-20", "3.80"),
    ("2022-01-20", "3.70"),
    ("2022-08-22", "3.65"),
    ("2023-06-20", "3.55"),
    ("2023-08-21", "3.45"),
    ("2024-07-22", "3.35"),
    ("2024-10-21", "3.10"),
    ("2025-05-20", "3.00"),
]


def test_shipped_lpr_matches_legal_md():
    table = load_lpr()
    assert [(e.effective.isoformat(), str(e.rate)) for e in table.one_year] == LEGAL_MD_CHANGES
    for e in table.one_year:
        assert e.confirmed and "http" in e.source and e.checked is not None, e
        assert isinstance(e.rate, Decimal)
    assert table.entry_on(date(2019, 8, 19)) is None  # no LPR before the reform
    assert table.entry_on(date(2021, 12, 19)).rate == Decimal("3.85")  # unchanged between changes
    assert table.entry_on(date(2025, 12, 1)).effective == date(2025, 5, 20)
    assert table.last_verified >= date(2025, 5, 20) and table.source
    raw = json.loads(shipped_path(LPR_FILE).read_text(encoding="utf-8"))
    later = raw["confirmations_after_last_change"]
    assert later[-1]["published"] == table.last_verified.isoformat()
    assert all(c["rate"] == "3.00" and "http" in c["source"] and c["checked"] for c in later)


def test_shipped_limits():
    limits = load_limits()
    assert limits.attachment_max_bytes("12315") == 2 * 1024 * 1024
    assert limits.attachment_max_bytes("court_online") == 10 * 1024 * 1024
    assert limits.channel("12315")["paste_blocked"] is True
    # unconfirmed limits carry a conservative default, and say so; where it was looked up is recorded
    assert (
        limits.field_max_chars("12315", "问题描述") == 500 and limits.field_max_chars("heimao", "标题") == 30
    )
    for channel in ("12315", "heimao"):
        for name, f in limits.channel(channel)["fields"].items():
            assert f["confirmed"] is False and f["default"] is True, (channel, name)
            assert f["max_chars"] is not None or f.get("format") == "date", (channel, name)
    import json

    searched = json.loads(limits.path.read_text(encoding="utf-8"))["searched"]
    assert searched["queries"] and "未确认" in searched["found"]
    assert limits.image_split["max_height_px"] == 4000
    for name, ch in limits.channels.items():
        assert ch["confirmed"] is False, name
        assert "last_verified" in ch, name
    with pytest.raises(KeyError):
        limits.channel("weibo")


def test_data_file_prefers_profile_copy(tmp_path):
    assert data_file(LPR_FILE, tmp_path) == shipped_path(LPR_FILE)
    assert data_file(LPR_FILE) == shipped_path(LPR_FILE)
    (tmp_path / LPR_FILE).write_text("{}", encoding="utf-8")
    assert data_file(LPR_FILE, tmp_path) == tmp_path / LPR_FILE


def test_lpr_override_replaces_the_table(write_json):
    path = write_json(
        "lpr.json",
        {
            "last_verified": "2026-11-20",
            "one_year": [
                {"effective": "2024-10-21", "rate": 3.1, "source": "user"},
                {"effective": "2025-05-20", "rate": "3.00"},
            ],
            "five_year": [{"effective": "2025-05-20", "rate": "3.50"}],
        },
    )
    table = load_lpr(path)
    assert table.entry_on(date(2025, 1, 1)).rate == Decimal("3.1")  # JSON number read as Decimal, not float
    assert table.entry_on(date(2025, 6, 1), "5y").rate == Decimal("3.50")
    assert table.path == path
    assert not table.entry_on(date(2025, 1, 1)).confirmed  # missing "confirmed" means unconfirmed


@pytest.mark.parametrize(
    "doc, fragment",
    [
        (
            {"last_verified": "2025-01-01", "one_year": [{"effective": "2025-13-01", "rate": "3"}]},
            "YYYY-MM-DD",
        ),
        ({"last_verified": "2025-01-01", "one_year": [{"effective": "2025-01-01", "rate": "abc"}]}, "数字"),
        ({"last_verified": "2025-01-01", "one_year": [{"effective": "2025-01-01", "rate": "0"}]}, "0到100"),
        (
            {
                "last_verified": "2025-01-01",
                "one_year": [
                    {"effective": "2025-02-01", "rate": "3"},
                    {"effective": "2025-01-01", "rate": "3"},
                ],
            },
            "递增",
        ),
        ({"one_year": []}, "last_verified"),
        ({"last_verified": "2025-01-01", "one_year": {}}, "列表"),
    ],
)
def test_malformed_lpr_files(write_json, doc, fragment):
    path = write_json("lpr.json", doc)
    with pytest.raises(LegalDataError, match=fragment) as info:
        load_lpr(path)
    assert "lpr.json" in str(info.value)


def test_unreadable_files(tmp_path):
    with pytest.raises(LegalDataError, match="找不到"):
        load_lpr(tmp_path / "missing.json")
    bad = tmp_path / "lpr.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(LegalDataError, match="JSON"):
        load_lpr(bad)
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(LegalDataError, match="顶层"):
        load_lpr(bad)


def test_malformed_small_claims_and_limits(write_json):
    with pytest.raises(LegalDataError):
        load_small_claims(write_json("small_claims.json", {"provinces": []}))
    with pytest.raises(LegalDataError):
        load_small_claims(write_json("sc2.json", {"provinces": {"浙江": {"threshold": "x"}}}))
    with pytest.raises(LegalDataError):
        load_limits(write_json(LIMITS_FILE, {"channels": {"12315": {"attachments": {"max_bytes_each": -5}}}}))


def test_malformed_holidays(write_json):
    from kami_desktop.core.legal.data import load_holidays

    with pytest.raises(LegalDataError, match="status"):
        load_holidays(write_json("h1.json", {"years": {"2027": {"status": "guess"}}}))
    with pytest.raises(LegalDataError, match="不属于"):
        load_holidays(
            write_json("h2.json", {"years": {"2027": {"status": "published", "rest_days": ["2028-01-01"]}}})
        )
    with pytest.raises(LegalDataError, match="同时"):
        load_holidays(
            write_json(
                "h3.json",
                {
                    "years": {
                        "2027": {
                            "status": "published",
                            "rest_days": ["2027-01-02"],
                            "extra_workdays": ["2027-01-02"],
                        }
                    }
                },
            )
        )


def test_legal_package_is_qt_free():
    code = "import sys, kami_desktop.core.legal; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8", check=True)
    assert out.stdout.strip() == "False"
