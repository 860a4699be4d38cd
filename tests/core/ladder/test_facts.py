"""Facts: CRUD with ledger entries, the sorted timeline, and suggestions from stored bills and chats."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.case.facts import FactError, add_fact, edit_fact, get_fact, remove_fact, timeline
from kami_desktop.core.case.suggestions import (
    accept_suggestion,
    dismiss_suggestion,
    handled_origins,
    restore_suggestion,
    suggest_facts,
)
from kami_desktop.core.evidence.exhibits import trash
from kami_desktop.core.store import ledger
from kami_desktop.core.util.timeutil import CHINA_TZ, now
from kami_desktop.core.vocab import VocabError

from .conftest import CaseBuilder, at


def test_add_edit_remove_with_ledger(profile, case_id, build):
    with profile.session() as s:
        b = build(s)
        shot = b.exhibit("扣款截图", "funds")
        chat = b.exhibit("客服聊天", "interaction")
        f = add_fact(s, case_id, "2025-09-19 22:10", "扣款", "余额500元被清零", exhibit_ids=[shot.id])
        assert f.kind == "deduction" and f.occurred_at == at("2025-09-19T22:10")
        assert f.occurred_at.utcoffset() == timedelta(hours=8) and f.origin == "user"
        edit_fact(
            s, f.id, disputed=True, exhibit_ids=[chat.id, shot.id], description="余额500元被以违规为由清零"
        )
        fact = get_fact(s, f.id)
        assert fact.disputed and sorted(x.exhibit_id for x in fact.exhibit_links) == sorted(
            [shot.id, chat.id]
        )
        remove_fact(s, f.id)
        with pytest.raises(FactError):
            get_fact(s, f.id)
        entries = [e for e in ledger.entries(s, case_id) if e.action.startswith("fact.")]
        assert [e.action for e in entries] == ["fact.add", "fact.edit", "fact.remove"]
        changes = json.loads(entries[1].payload)["changes"]
        assert changes["disputed"] == {"old": False, "new": True}
        assert changes["exhibit_ids"] == {"old": [shot.id], "new": [chat.id, shot.id]}
        assert json.loads(entries[2].payload)["fact"]["description"] == "余额500元被以违规为由清零"


def test_input_errors(profile, case_id, build):
    with profile.session() as s:
        with pytest.raises(VocabError):
            add_fact(s, case_id, "2025-09-19", "吵架")
        with pytest.raises(FactError, match="时间格式"):
            add_fact(s, case_id, "昨天", "扣款")
        with pytest.raises(FactError, match="晚于现在"):
            add_fact(s, case_id, now() + timedelta(days=2), "扣款")
        other = create_case(s, "另一个案件")
        foreign = CaseBuilder(s, other.id).exhibit("别人的证据")
        with pytest.raises(FactError, match="不在本案件中"):
            add_fact(s, case_id, "2025-09-19", "扣款", exhibit_ids=[foreign.id])
        with pytest.raises(FactError, match="未知字段"):
            f = add_fact(s, case_id, "2025-09-19", "扣款")
            edit_fact(s, f.id, origin="bill:1")


def test_timeline_is_sorted_and_shows_binder_numbers(profile, case_id, build):
    with profile.session() as s:
        b = build(s)
        first, second = b.exhibit("账单", "funds"), b.exhibit("聊天", "interaction")
        add_fact(s, case_id, "2025-09-20 09:00", "申请退款", "要求退款", exhibit_ids=[second.id])
        add_fact(
            s,
            case_id,
            datetime(2025, 9, 1, 2, 0, tzinfo=CHINA_TZ).astimezone(CHINA_TZ),
            "充值",
            "充值500元",
            exhibit_ids=[first.id],
        )
        add_fact(
            s,
            case_id,
            "2025-09-19T22:10:00+08:00",
            "扣款",
            "清零",
            disputed=True,
            exhibit_ids=[second.id, first.id],
        )
        trash(s, first.id)
        entries = timeline(s, case_id)
    assert [e.kind for e in entries] == ["recharge", "deduction", "refund_request"]
    assert entries[1].disputed and entries[1].kind_label == "扣款"
    assert [(x.id, x.number) for x in entries[1].exhibits] == [(second.id, 1), (first.id, None)]
    assert entries[0].to_json()["exhibits"][0]["title"] == "账单"


PLATFORM_ROWS = [
    {
        "time": "2025-09-01 10:00:00",
        "counterparty": "星辰卡盟",
        "amount": "500.00",
        "order_id": "20250901A",
        "description": "余额充值",
    },
    {"time": "2025-09-02 12:00:00", "counterparty": "便利店", "amount": "12.50"},
    {
        "time": "2025-09-05 08:00:00",
        "counterparty": "星辰卡盟",
        "amount": "100.00",
        "direction": "收入",
        "status": "退款成功",
        "order_id": "20250901A_1",
    },
]
CHAT = [
    ("2025-09-20 09:00:00", True, "你好"),
    ("2025-09-20 09:01:00", True, "我的余额被扣了，请退款"),
    ("2025-09-20 09:02:00", True, "退钱！"),
    ("2025-09-20 09:05:00", False, "您违规操作，余额冻结，不退"),
    ("2025-09-22 10:00:00", True, "还是不退款吗"),
]


def test_suggestions_from_bill_rows_and_chat_messages(profile, case_id, build):
    with profile.session() as s:
        b = build(s)
        bill_ex, rows = b.bill(PLATFORM_ROWS)
        chat_ex, msgs = b.chat(CHAT)
        found = suggest_facts(s, case_id)
    by_origin = {x.origin: x for x in found}
    assert list(by_origin) == [
        f"bill:{rows[0].id}",
        f"bill:{rows[2].id}",
        f"chat:{msgs[1].id}",
        f"chat:{msgs[3].id}",
        f"chat:{msgs[4].id}",
    ]
    pay = by_origin[f"bill:{rows[0].id}"]
    assert pay.kind == "recharge" and pay.exhibit_id == bill_ex.id and str(pay.amount) == "500.00"
    assert (
        "星辰卡盟" in pay.description
        and "20250901A" in pay.description
        and pay.source_label == "支付宝账单第2行"
    )
    assert by_origin[f"bill:{rows[2].id}"].kind == "refund"
    ask = by_origin[f"chat:{msgs[1].id}"]  # two consecutive messages of mine: one suggestion
    assert ask.kind == "refund_request" and ask.description == "本人“我的余额被扣了，请退款；退钱！”"
    assert ask.exhibit_id == chat_ex.id and ask.source_label == "聊天记录第2条起共2条"
    assert by_origin[f"chat:{msgs[3].id}"].kind == "platform_reply"
    assert by_origin[f"chat:{msgs[3].id}"].description == "平台客服“您违规操作，余额冻结，不退”"


def test_accept_then_not_suggested_again(profile, case_id, build):
    with profile.session() as s:
        b = build(s)
        bill_ex, rows = b.bill(PLATFORM_ROWS)
        chat_ex, msgs = b.chat(CHAT)
        origin = f"bill:{rows[0].id}"
        fact = accept_suggestion(s, case_id, origin)
        assert (
            fact.origin == origin and fact.kind == "recharge" and fact.occurred_at == at("2025-09-01T10:00")
        )
        assert [x.exhibit_id for x in fact.exhibit_links] == [bill_ex.id]
        reply = accept_suggestion(
            s, case_id, f"chat:{msgs[3].id}", kind="扣款", description="客服称违规，冻结余额", disputed=True
        )
        assert reply.kind == "deduction" and reply.disputed and reply.description == "客服称违规，冻结余额"
        left = {x.origin for x in suggest_facts(s, case_id)}
        assert origin not in left and f"chat:{msgs[3].id}" not in left and len(left) == 3
        with pytest.raises(FactError, match="已确认或已忽略"):
            accept_suggestion(s, case_id, origin)
        assert [e.action for e in ledger.entries(s, case_id)].count("fact.accept") == 2
        remove_fact(s, fact.id)  # a removed suggestion does not come back
        assert origin not in {x.origin for x in suggest_facts(s, case_id)}
        assert origin in handled_origins(s, case_id)


def test_dismiss_and_restore(profile, case_id, build):
    with profile.session() as s:
        _, msgs = build(s).chat(CHAT)
        origin = f"chat:{msgs[4].id}"
        dismiss_suggestion(s, case_id, origin)
        assert origin not in {x.origin for x in suggest_facts(s, case_id)}
        with pytest.raises(FactError):
            dismiss_suggestion(s, case_id, origin)
        restore_suggestion(s, case_id, origin)
        assert origin in {x.origin for x in suggest_facts(s, case_id)}
        with pytest.raises(FactError, match="未被忽略"):
            restore_suggestion(s, case_id, origin)
        assert timeline(s, case_id) == []  # dismissing leaves the facts table alone


def test_bill_suggestions_follow_the_counterparty_checklist_and_trash(profile, case_id, build):
    from kami_desktop.core.bills.counterparties import Decision, record_choices

    with profile.session() as s:
        b = build(s)
        bill_ex, rows = b.bill(
            [{"time": "2025-09-03 10:00:00", "counterparty": "杭州某某网络科技有限公司", "amount": "88.00"}]
        )
        assert suggest_facts(s, case_id) == []  # the counterparty is not 星辰卡盟
        record_choices(
            s, case_id, [Decision("杭州某某网络科技有限公司", "", "杭州某某网络科技有限公司", True)]
        )
        assert [x.origin for x in suggest_facts(s, case_id)] == [f"bill:{rows[0].id}"]
        trash(s, bill_ex.id)
        assert suggest_facts(s, case_id) == []


def test_a_transaction_in_two_overlapping_bills_is_suggested_once(profile, case_id, build):
    row = {"time": "2025-09-03 10:00:00", "counterparty": "星辰卡盟", "amount": "88.00", "order_id": "A1"}
    with profile.session() as s:
        b = build(s)
        _, first = b.bill([row])
        b.bill([row, {**row, "time": "2025-09-04 10:00:00", "order_id": "A2"}])
        assert [x.origin for x in suggest_facts(s, case_id)][:1] == [f"bill:{first[0].id}"]
        assert len(suggest_facts(s, case_id)) == 2
