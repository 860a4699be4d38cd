"""core.case.overview: what a case holds, counted from real imports (live exhibits only), and days left."""

from __future__ import annotations

from datetime import date

from kami_desktop.core.bills.store import import_bill
from kami_desktop.core.case.overview import days_left, evidence_counts
from kami_desktop.core.evidence.exhibits import edit_exhibit, trash
from kami_desktop.core.evidence.importer import import_paths
from tests.core.bills import bill_fixtures as bf
from tests.helpers import screenshot


def test_an_empty_case_counts_zero_in_every_category(profile, case_id):
    with profile.session() as s:
        c = evidence_counts(s, case_id)
    assert c.exhibits == 0 and (c.bills, c.chats) == (0, 0)
    assert list(c.by_category) == ["funds", "interaction", "non_delivery", "identity", "rules", "other"]


def test_counts_follow_imports_categories_and_the_trash(profile, case_id, tmp_path):
    shots = [screenshot(tmp_path / f"截图{i}.png", i) for i in range(3)]
    report = import_paths(profile, case_id, shots)
    ids = [i.exhibit_id for i in report.imported]
    bill = tmp_path / "支付宝交易明细(20250301-20250331).csv"
    bill.write_bytes(bf.alipay_app_csv())
    import_bill(profile, case_id, bill)
    with profile.session() as s:
        edit_exhibit(s, ids[0], category="non_delivery")
        edit_exhibit(s, ids[1], category="non_delivery")
        trash(s, ids[2])
    with profile.session() as s:
        c = evidence_counts(s, case_id)
    assert c.by_category == {
        "funds": 1,
        "interaction": 0,
        "non_delivery": 2,
        "identity": 0,
        "rules": 0,
        "other": 0,
    }  # the trashed screenshot is not counted; the bill is its 资金流水 exhibit
    assert (c.exhibits, c.bills, c.chats) == (3, 1, 0)
    assert c.to_json()["exhibits"] == 3


def test_days_left_is_zero_on_the_day_and_negative_after():
    due = date(2026, 12, 10)
    assert [days_left(due, date(2026, 12, d)) for d in (2, 10, 12)] == [8, 0, -2]
