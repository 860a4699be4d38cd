"""Claim items on real imported evidence: one step from a bill row / a message / an exhibit, the principal,
the bills' net paid as context, the warnings, and bad input that changes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kami_desktop.core.bills.money import add_claim, case_money, draft_from_bill_row
from kami_desktop.core.case import claim_drafts, claims
from kami_desktop.core.case.cases import get_case, update_case
from kami_desktop.core.case.claims import ClaimError
from kami_desktop.core.evidence.exhibits import purge, restore, trash
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import ClaimEvidence, ClaimItem

from .scenario import CARD, CARD_ORDER, CLAIM, NET, PAID, REFUNDED, RENEWAL, make_case


@pytest.fixture
def made(profile, tmp_path):
    return make_case(profile, tmp_path / "src")


def snapshot(profile) -> tuple:
    """Everything a claim change could touch: items, links, the claimed amount, the ledger length."""
    with profile.session() as s:
        items = [
            (i.id, i.kind, i.reason, i.amount, i.refunded, i.on, i.description, i.unverified)
            for i in s.scalars(select(ClaimItem).order_by(ClaimItem.id))
        ]
        links = s.scalar(select(func.count()).select_from(ClaimEvidence))
        amounts = [get_case(s, 1).claimed_amount]
        entries = len(list(ledger.entries(s)))
    return items, links, amounts, entries


def add_both(profile, made) -> tuple[int, int]:
    with profile.session() as s:
        card = add_claim(s, made.case_id, "已付款未交付的订单", bill_row_ids=[made.rows[CARD_ORDER]]).id
        draft = claim_drafts.draft_from_chat_message(s, made.renewal_message)
        renewal = claim_drafts.add_from_draft(s, draft, exhibit_ids=[made.screenshot_exhibit]).id
    return card, renewal


def test_the_claim_is_the_sum_of_its_items_and_net_paid_stays_context(profile, made):
    card, renewal = add_both(profile, made)
    with profile.session() as s:
        money = case_money(s, made.case_id)
    assert money.principal == CLAIM and money.claim == CLAIM
    assert (money.recon.paid, money.recon.refunded, money.net_paid) == (PAID, REFUNDED, NET)
    assert money.claimed_amount is None  # nothing was set behind the user's back
    first, second = money.items
    assert (first.id, first.kind, first.amount, first.refunded, str(first.on)) == (
        card,
        "undelivered_order",
        CARD,
        Decimal("0.00"),
        "2025-03-08",
    )
    assert first.ids_of("bill_row") == [made.rows[CARD_ORDER]] and first.exhibit_ids == [made.bill_exhibit]
    assert CARD_ORDER in first.description
    assert (second.kind, second.reason, second.amount, str(second.on)) == (
        "deducted",
        "auto_renewal",
        RENEWAL,
        "2025-03-20",
    )
    assert second.kind_label == "被扣除的余额（自动续费）"
    assert set(second.exhibit_ids) == {made.chat_exhibit, made.screenshot_exhibit}
    assert second.ids_of("chat_message") == [made.renewal_message]
    assert money.warnings == []
    assert "2,148.00" in money.context and "350.00" in money.context and "960.50" in money.context
    out = money.to_json()
    assert (out["principal"], out["net_paid"]) == ("837.50", "1798.00")
    assert {
        "id",
        "kind",
        "kind_label",
        "amount",
        "refunded",
        "on",
        "description",
        "exhibits",
        "bill_rows",
    } <= set(out["items"][0])
    with profile.session() as s:
        assert claims.apply_principal(s, made.case_id) == CLAIM
        assert get_case(s, made.case_id).claimed_amount == CLAIM
        actions = [e.action for e in ledger.entries(s, made.case_id)]
    assert actions.count("claim.add") == 2 and actions[-2:] == ["case.edit", "claim.apply"]


def test_a_bill_rows_refunded_part_comes_from_the_case_reconciliation(profile, made):
    with profile.session() as s:
        draft = draft_from_bill_row(s, made.rows["2025030122001155711407540001"])
    assert (draft.amount, draft.refunded, draft.kind) == (Decimal("1000.00"), REFUNDED, "topup_not_credited")
    with profile.session() as s:
        item = claim_drafts.add_from_draft(s, draft)
        assert (item.amount, item.refunded) == (Decimal("1000.00"), REFUNDED)
        assert case_money(s, made.case_id).principal == Decimal("650.00")


def test_warnings_principal_over_net_paid_no_evidence_hand_set_and_out_of_step(profile, made):
    with profile.session() as s:
        update_case(s, made.case_id, claimed_amount="1798.00")
        assert any("手工填写" in w for w in case_money(s, made.case_id).warnings)
        bare = claims.add_item(s, made.case_id, "剩余余额", "2000", "2025-03-25", description="余额")
        w = case_money(s, made.case_id).warnings
    assert any(f"主张项 {bare.id}" in x and "没有关联证据" in x for x in w)
    assert any("超过账单显示的净付款" in x and "1,798.00" in x for x in w)
    assert any("不一致" in x for x in w)  # claimed 1,798.00 vs items 2,000.00
    assert not any("手工填写" in x for x in w)


def test_an_item_whose_evidence_is_trashed_or_deleted_says_so(profile, made):
    card, renewal = add_both(profile, made)
    with profile.session() as s:
        trash(s, made.screenshot_exhibit)
        w = case_money(s, made.case_id).warnings
        view = next(i for i in claims.list_items(s, made.case_id) if i.id == renewal)
    assert any(f"主张项 {renewal}" in x and "回收站" in x and "余额扣除记录截图" in x for x in w)
    assert made.screenshot_exhibit not in view.exhibit_ids
    with profile.session() as s:  # and it cannot be linked while trashed
        with pytest.raises(ClaimError, match="回收站"):
            claims.edit_item(s, card, exhibit_ids=[made.screenshot_exhibit])
        restore(s, made.screenshot_exhibit)
        assert case_money(s, made.case_id).warnings == []
        trash(s, made.bill_exhibit)
    purge(profile, made.case_id)  # the bill is gone for good: the link keeps its label
    with profile.session() as s:
        w = case_money(s, made.case_id).warnings
        item = next(i for i in claims.list_items(s, made.case_id) if i.id == card)
    assert item.evidence[0].state == "deleted" and item.evidence[0].id is None
    assert any(f"主张项 {card}" in x and "彻底删除" in x and "第 " in x for x in w)
    assert any(f"主张项 {card}" in x and "已没有可用的证据" in x for x in w)


def test_evidence_is_added_to_an_existing_item_keeping_its_other_links(profile, made):
    card, _renewal = add_both(profile, made)
    with profile.session() as s:
        claims.link_exhibits(s, card, [made.screenshot_exhibit])
        claims.link_exhibits(s, card, [made.screenshot_exhibit])  # twice: linked once
        view = next(i for i in claims.list_items(s, made.case_id) if i.id == card)
        edits = [e for e in ledger.entries(s, made.case_id) if e.action == "claim.edit"]
    assert view.ids_of("bill_row") == [made.rows[CARD_ORDER]]  # the bill row stays
    assert view.ids_of("exhibit") == [made.screenshot_exhibit]
    assert set(view.exhibit_ids) == {made.bill_exhibit, made.screenshot_exhibit}
    assert len(edits) == 1  # the second call changed nothing and recorded nothing
    with profile.session() as s:
        trash(s, made.bill_exhibit)
        with pytest.raises(ClaimError, match="回收站"):
            claims.link_exhibits(s, _renewal, [made.bill_exhibit])


def test_a_drafts_evidence_is_described_before_it_is_stored(profile, made):
    with profile.session() as s:
        refs = claims.link_labels(
            s, made.case_id, [made.screenshot_exhibit], [made.rows[CARD_ORDER]], [made.renewal_message]
        )
    assert [r.kind for r in refs] == ["exhibit", "bill_row", "chat_message"]
    assert refs[0].exhibit_id == made.screenshot_exhibit and "余额扣除记录截图" in refs[0].label
    assert refs[1].exhibit_id == made.bill_exhibit and "账单第" in refs[1].label
    assert "聊天记录第" in refs[2].label and all(r.state == "ok" for r in refs)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"amount": "1,79"}, ["1,79", "无法识别"]),
        ({"amount": "1798.505"}, ["两位"]),
        ({"amount": "0"}, ["大于 0"]),
        ({"refunded": "500", "amount": "350"}, ["退款不能多于付款"]),
        ({"kind": "被扣除的余额"}, ["扣除的原因"]),
        ({"kind": "剩余余额", "reason": "自动续费"}, ["只有“被扣除的余额”"]),
        ({"kind": "赔偿"}, ["未知的主张项类型", "剩余余额"]),
        ({"on": "2099-01-01"}, ["晚于今天"]),
        ({"on": "三月八日"}, ["无法识别"]),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(profile, made, kwargs, words):
    add_both(profile, made)
    before = snapshot(profile)
    values = {"kind": "其他", "amount": "10", "on": "2025-03-08", **kwargs}
    with profile.session() as s, pytest.raises(ClaimError) as err:
        claims.add_item(s, made.case_id, values.pop("kind"), values.pop("amount"), values.pop("on"), **values)
    assert all(w in str(err.value) for w in words), str(err.value)
    assert snapshot(profile) == before


def test_a_refund_larger_than_its_payment_on_edit_changes_nothing(profile, made):
    card, _ = add_both(profile, made)
    before = snapshot(profile)
    with profile.session() as s, pytest.raises(ClaimError, match="退款不能多于付款"):
        claims.edit_item(s, card, refunded="350.01")
    assert snapshot(profile) == before


def test_full_width_digits_and_a_pasted_yuan_amount_are_read_exactly(profile, made):
    with profile.session() as s:
        a = claims.add_item(s, made.case_id, "剩余余额", "¥1,798.00", "２０２５－０３－２５")
        b = claims.add_item(
            s, made.case_id, "重复扣款", "４８７．５０ 元", "2025年3月20日", refunded="１００"
        )
        assert (a.amount, str(a.on)) == (Decimal("1798.00"), "2025-03-25")
        assert (b.amount, b.refunded, str(b.on)) == (Decimal("487.50"), Decimal("100.00"), "2025-03-20")


def test_edit_records_old_and_new_and_confirming_clears_unverified(profile, made):
    card, renewal = add_both(profile, made)
    with profile.session() as s:
        item = claims.add_item(
            s, made.case_id, "其他", "12", "2025-03-25", unverified=True, exhibit_ids=[made.chat_exhibit]
        )
        assert any("待核实" in w for w in case_money(s, made.case_id).warnings)
        claims.edit_item(s, item.id, amount="13.00", verified=True)
        last = list(ledger.entries(s, made.case_id))[-1]
        assert last.action == "claim.edit"
        assert '"amount":{"new":"13.00","old":"12.00"}' in last.payload
        assert '"unverified":{"new":false,"old":true}' in last.payload
        assert not any("待核实" in w for w in case_money(s, made.case_id).warnings)
        claims.edit_item(s, renewal, chat_message_ids=[])  # replaces the message links, keeps the exhibit
        view = next(i for i in claims.list_items(s, made.case_id) if i.id == renewal)
        assert view.ids_of("chat_message") == [] and view.exhibit_ids == [made.screenshot_exhibit]
        claims.remove_item(s, item.id)
        assert [e.action for e in ledger.entries(s, made.case_id)][-1] == "claim.remove"
        assert case_money(s, made.case_id).principal == CLAIM


def test_one_step_drafts_from_a_message_and_an_exhibit(profile, made):
    with profile.session() as s:
        msg = claim_drafts.draft_from_chat_message(s, made.renewal_message)
        assert (msg.kind, msg.reason, msg.amount) == ("deducted", "auto_renewal", RENEWAL)
        assert msg.description.startswith("平台客服“您的VIP会员") and msg.chat_message_ids == [
            made.renewal_message
        ]
        shot = claim_drafts.draft_from_exhibit(s, made.screenshot_exhibit)
        assert (shot.kind, shot.reason, shot.amount) == ("deducted", "auto_renewal", None)
        assert "487.50" in shot.description
        with pytest.raises(ClaimError, match="金额"):
            claim_drafts.add_from_draft(s, shot)
        refund_row = made.rows["2025030122001155711407540001_2025031000001"]
        with pytest.raises(ClaimError, match="不是一笔付款"):
            draft_from_bill_row(s, refund_row)
    assert (
        claim_drafts.amount_in_text("扣除余额４８７．５０元，订单号2025030122001155711407540001") == RENEWAL
    )
    assert claim_drafts.amount_in_text("先扣10元又扣20元") is None
