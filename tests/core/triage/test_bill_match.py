"""Screenshots tied to bill rows: by number, by amount and time within the window (a near miss outside
it is no match), shown both ways; the claim item offer makes an item only when accepted."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kami_desktop.core.case.claims import ClaimError, list_items
from kami_desktop.core.store.model import ClaimItem, LedgerEntry
from kami_desktop.core.triage.bill_match import (
    AMOUNT_TIME,
    NUMBER,
    accept_offer,
    case_matches,
    offer_draft,
    screenshots_of_row,
)
from tests.core.triage.fixtures import (
    ORDER_NO,
    ORDER_PAGE,
    PAYMENT_PAGE,
    TXN_NO,
    import_the_bill,
    shot,
)


@pytest.fixture
def scene(profile, case_id, tmp_path):
    import_the_bill(profile, case_id, tmp_path)
    ids = {
        "order": shot(profile, case_id, tmp_path, "order.png", ORDER_PAGE, seed=1),
        "paid": shot(profile, case_id, tmp_path, "paid.png", PAYMENT_PAGE, seed=2),
        # the same amount 25 minutes after the payment: outside the ±10 minute window
        "late": shot(
            profile, case_id, tmp_path, "late.png", ["支付成功", "¥350.00", "2025-03-14 10:25:00"], seed=3
        ),
        # the right time, another amount
        "other": shot(
            profile, case_id, tmp_path, "other.png", ["支付成功", "¥351.00", "2025-03-14 10:00:00"], seed=4
        ),
        "txn": shot(
            profile, case_id, tmp_path, "txn.png", ["账单详情", "交易成功", f"交易单号 {TXN_NO}"], seed=5
        ),
    }
    return ids


def test_by_number_by_amount_and_time_and_a_near_miss(profile, case_id, scene):
    with profile.session() as s:
        found = case_matches(s, case_id)
    order = found.for_exhibit(scene["order"])
    assert [(m.how, m.row.amount, m.row.row) for m in order] == [
        (NUMBER, Decimal("1798.00"), order[0].row.row)
    ]
    assert order[0].confidence == 1.0
    assert f"订单号 {ORDER_NO}" in order[0].reason and "商户单号" in order[0].reason
    txn = found.for_exhibit(scene["txn"])
    assert [m.row.id for m in txn] == [order[0].row.id] and "交易单号" in txn[0].reason
    [paid] = found.for_exhibit(scene["paid"])
    assert paid.how == AMOUNT_TIME and paid.row.amount == Decimal("350.00")
    assert 0.6 < paid.confidence < 0.9 and "时间相差 4 分钟" in paid.reason
    assert found.for_exhibit(scene["late"]) == []
    assert found.for_exhibit(scene["other"]) == []
    with profile.session() as s:  # a wider window takes the late one in
        wide = case_matches(s, case_id, window=timedelta(minutes=30))
    assert [m.row.id for m in wide.for_exhibit(scene["late"])] == [paid.row.id]


def test_the_link_both_ways(profile, case_id, scene):
    with profile.session() as s:
        found = case_matches(s, case_id)
        row_id = found.for_exhibit(scene["order"])[0].row.id
        assert {m.exhibit_id for m in screenshots_of_row(s, case_id, row_id)} == {
            scene["order"],
            scene["txn"],
        }
    assert {m.exhibit_number for m in found.by_row()[row_id]} == {1 + 1, 5 + 1}  # the bill is 证据 1


def test_the_claim_offer_makes_an_item_only_when_accepted(profile, case_id, scene):
    with profile.session() as s:
        found = case_matches(s, case_id)
        entries = s.scalar(select(func.count()).select_from(LedgerEntry))
    [offer] = found.offers  # only the 未到账 page: the paid page shows no failure
    assert offer.exhibit_id == scene["order"] and offer.status == "未到账"
    assert offer.question == (
        f"此截图显示订单未到账，且与支付宝账单第 {offer.row.row} 行付款 ¥1798.00 相符：添加为主张项？"
    )
    with profile.session() as s:  # the offer and its draft store nothing
        draft = offer_draft(s, scene["order"], offer.row.id, profile.blob_path)
        assert draft.kind == "topup_not_credited" and draft.amount == Decimal("1798.00")
        assert draft.exhibit_ids == [scene["order"]] and draft.bill_row_ids == [offer.row.id]
        assert s.scalar(select(func.count()).select_from(ClaimItem)) == 0
        assert s.scalar(select(func.count()).select_from(LedgerEntry)) == entries
    with profile.session() as s:
        item = accept_offer(s, scene["order"], offer.row.id, profile.blob_path)
        item_id = item.id
    with profile.session() as s:
        [view] = list_items(s, case_id)
        assert view.id == item_id and view.amount == Decimal("1798.00") and view.kind == "topup_not_credited"
        assert set(view.exhibit_ids) == {offer.row.bill_exhibit_id, scene["order"]}
        last = s.scalars(select(LedgerEntry).order_by(LedgerEntry.seq.desc())).first()
        assert last.action == "claim.add"
        assert case_matches(s, case_id).offers == []  # that payment is claimed: no second offer
        with pytest.raises(ClaimError):
            offer_draft(s, scene["paid"], offer.row.id)  # a page with no failure offers nothing


def test_no_bill_no_match(profile, case_id, tmp_path):
    shot(profile, case_id, tmp_path, "order.png", ORDER_PAGE)
    with profile.session() as s:
        found = case_matches(s, case_id)
    assert found.matches == [] and found.offers == []


def test_the_stored_rows_are_the_bills_rows_as_stored(profile, case_id, tmp_path):
    from kami_desktop.core.store.model import BillRow
    from kami_desktop.core.triage.bill_match import stored_rows

    bill_id = import_the_bill(profile, case_id, tmp_path)
    with profile.session() as s:
        got = stored_rows(s, case_id)
        stored = list(s.scalars(select(BillRow).where(BillRow.bill_id == bill_id).order_by(BillRow.row)))
        exhibit_id = stored[0].bill.exhibit_id
    assert [r.id for r in got] == [r.id for r in stored] and len(got) >= 3
    for mine, row in zip(got, stored, strict=True):
        assert (mine.bill_id, mine.bill_exhibit_id, mine.source, mine.row) == (
            bill_id,
            exhibit_id,
            "alipay",
            row.row,
        )
        assert mine.time == row.time and mine.time.tzinfo is not None  # aware, as the ORM gives it
        assert mine.amount == row.amount and isinstance(mine.amount, Decimal)
        assert (mine.direction, mine.counterparty) == (row.direction, row.counterparty)
        assert mine.order_id == (row.order_id or "").strip()
        assert mine.merchant_order_id == (row.merchant_order_id or "").strip()
