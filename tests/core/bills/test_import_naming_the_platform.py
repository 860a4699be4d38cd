"""Naming the platform on import (`kami bill import --platform NAME`) when it has several rows: one
confirmed choice per counterparty, not one per row (several rows once failed on the unique key)."""

from __future__ import annotations

from kami_desktop.core.bills.counterparties import stored_choices
from kami_desktop.core.bills.store import import_bill
from tests.core.bills.bill_fixtures import PLATFORM, alipay_app_csv


def test_a_platform_of_several_rows_named_on_import(profile, case_id, tmp_path):
    path = tmp_path / "支付宝交易明细.csv"
    path.write_bytes(alipay_app_csv())
    result = import_bill(profile, case_id, path, platform=[PLATFORM])
    assert result.terms == [PLATFORM] and result.rows == 9
    with profile.session() as s:
        choices = stored_choices(s, case_id)
    assert [(name, c.selected) for (name, _account), c in choices.items()] == [(PLATFORM, True)]
