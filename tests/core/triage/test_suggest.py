"""Suggestions for an exhibit: computed from its OCR text, never applied silently; accepting one is an
exhibit edit in the ledger; a field the user filled is left alone."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select

from kami_desktop.core.case.readiness import readiness
from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.evidence.advice import ADVICE_PHRASES
from kami_desktop.core.store.model import Exhibit, LedgerEntry
from kami_desktop.core.triage.extract import rows_from_text
from kami_desktop.core.triage.suggest import (
    ExhibitState,
    accept,
    accept_many,
    case_suggestions,
    propose,
    suggestions_for,
)
from kami_desktop.core.util.timeutil import CHINA_TZ
from tests.core.triage.fixtures import ORDER_NO, ORDER_PAGE, PAYMENT_PAGE, shot


def state(**kw) -> ExhibitState:
    base = dict(
        exhibit_id=1,
        title="Screenshot_1",
        category="other",
        purpose="",
        captured_at=None,
        file_titles=("Screenshot_1", "Screenshot_1.png"),
    )
    base.update(kw)
    return ExhibitState(**base)  # type: ignore[arg-type]


def fields(text: str, **kw) -> dict:
    out, _found, _status = propose(state(**kw), rows_from_text(text))
    return {f.field: f for f in out}


def test_order_page_title_purpose_category_and_time_on_screen():
    got = fields("\n".join(ORDER_PAGE))
    assert got["category"].value == "non_delivery" and got["category"].shown == "未交付证明"
    assert "“未到账”" in got["category"].reason
    assert got["title"].value == f"订单详情 {ORDER_NO}（未到账）"
    assert got["purpose"].value == (
        f"证明本人于2025年3月12日支付的订单（订单号 {ORDER_NO}），金额 1,798.00 元，"
        "平台页面显示“未到账”，本人付款后未收到所购商品或服务。"
    )
    when = got["captured_at"]
    assert when.value == datetime(2025, 3, 12, 20, 30, 15, tzinfo=CHINA_TZ)  # the latest time shown
    assert when.reason.startswith("画面显示时间（支付时间）")


def test_payment_page_and_the_other_categories_wording():
    pay = fields("\n".join(PAYMENT_PAGE))
    assert pay["category"].value == "funds"
    assert pay["title"].value == "支付成功 ¥350.00"
    assert pay["purpose"].value == "证明本人于2025年3月14日向平台付款 350.00 元。"
    chat = fields("在线客服\n2025-03-20 09:05\n我的点卡一直没到账")
    assert chat["title"].value == "与平台客服的聊天记录 2025-03-20"
    assert chat["purpose"].value == "证明本人于2025年3月20日与平台客服沟通的经过及平台的答复。"
    rules = fields("《某某卡盟用户服务协议》\n第五条 虚拟商品一经售出概不退款")
    assert rules["category"].value == "rules" and rules["title"].value == "某某卡盟用户服务协议"
    assert rules["purpose"].value == "证明平台公布的《某某卡盟用户服务协议》的内容。"


def test_the_users_own_words_are_never_replaced():
    text = "\n".join(ORDER_PAGE)
    mine = fields(
        text,
        title="我的订单截图",
        category="funds",
        purpose="证明我付了钱",
        captured_at=datetime(2025, 3, 13, 8, 0, tzinfo=CHINA_TZ),
    )
    assert mine == {}
    # the user's category is kept, and the title and 证明目的 follow it
    theirs = fields(text, category="funds")
    assert "category" not in theirs
    assert theirs["purpose"].value == f"证明本人于2025年3月12日向平台充值 1,798.00 元（订单号 {ORDER_NO}）。"
    # the import's defaults (其他, the file name, a file modification time) are open to a suggestion
    default = fields(text, captured_at=datetime(2026, 1, 2, tzinfo=CHINA_TZ), time_is_file_time=True)
    assert set(default) == {"category", "title", "purpose", "captured_at"}


def test_purposes_are_the_users_words_not_advice():
    for text in (ORDER_PAGE, PAYMENT_PAGE, ["在线客服"], ["营业执照", "粤ICP备12345678号-1"], ["用户协议"]):
        purpose = fields("\n".join(text))["purpose"].value
        assert purpose.startswith("证明") and not any(p in purpose for p in ADVICE_PHRASES)


def test_nothing_without_text_and_nothing_for_unrelated_text():
    assert fields("") == {}
    assert fields("设置\n通用") == {}


def test_import_and_ocr_change_nothing_until_accepted(profile, case_id, tmp_path):
    eid = shot(profile, case_id, tmp_path, "Screenshot_20250313.png", ORDER_PAGE)
    with profile.session() as s:
        before = X.exhibit_summary(X.get_exhibit(s, eid))
        entries = s.scalar(select(func.count()).select_from(LedgerEntry))
        sug = suggestions_for(s, eid)
        assert {f.field for f in sug.fields} >= {"category", "title", "purpose"}
        assert sug.number == 1 and sug.has_text and sug.status == "未到账"
        case_suggestions(s, case_id)
    with profile.session() as s:  # computing suggestions wrote nothing
        assert X.exhibit_summary(X.get_exhibit(s, eid)) == before
        assert s.scalar(select(func.count()).select_from(LedgerEntry)) == entries
        assert before["category"] == "other" and before["title"] == "Screenshot_20250313"


def test_accepting_is_an_exhibit_edit_in_the_ledger_and_readiness_counts_it(profile, case_id, tmp_path):
    eid = shot(profile, case_id, tmp_path, "a.png", ORDER_PAGE)
    with profile.session() as s:
        lacking = {i.key: i.status for i in readiness(s, case_id).items}
    assert lacking["non_delivery"] != "present"
    with profile.session() as s:
        changes = accept(s, eid, ["category", "title"])
    assert changes["category"] == {"old": "other", "new": "non_delivery"}
    with profile.session() as s:
        ex = s.get(Exhibit, eid)
        assert ex.category == "non_delivery" and ex.title == f"订单详情 {ORDER_NO}（未到账）"
        assert ex.purpose == ""  # not chosen, not applied
        last = s.scalars(select(LedgerEntry).order_by(LedgerEntry.seq.desc())).first()
        payload = json.loads(last.payload)
        assert last.action == "exhibit.edit" and last.exhibit_id == eid
        assert payload["entity"] == "exhibit" and set(payload["changes"]) == {"category", "title"}
        left = suggestions_for(s, eid)
        assert {f.field for f in left.fields} == {"purpose", "captured_at"}  # the rest still offered
        assert {i.key: i.status for i in readiness(s, case_id).items}["non_delivery"] == "present"


def test_accept_many_one_entry_per_exhibit_and_unknown_field_refused(profile, case_id, tmp_path):
    a = shot(profile, case_id, tmp_path, "a.png", ORDER_PAGE, seed=1)
    b = shot(profile, case_id, tmp_path, "b.png", PAYMENT_PAGE, seed=2)
    c = shot(profile, case_id, tmp_path, "c.png", ["设置", "通用"], seed=3)
    with profile.session() as s:
        n0 = s.scalar(select(func.count()).select_from(LedgerEntry))
        changed = accept_many(s, case_id, [a, b, c], ["category"])
    assert set(changed) == {a, b}
    with profile.session() as s:
        assert s.scalar(select(func.count()).select_from(LedgerEntry)) == n0 + 2
        assert [s.get(Exhibit, i).category for i in (a, b, c)] == ["non_delivery", "funds", "other"]
    import pytest

    from kami_desktop.core.evidence.exhibits import ExhibitError

    with profile.session() as s, pytest.raises(ExhibitError, match="没有“colour”"):
        accept_many(s, case_id, None, ["colour"])


def test_the_status_bar_clock_is_never_the_time_suggested():
    from kami_desktop.core.triage.extract import rows_from_page
    from tests.core.triage.fixtures import page

    only_clock = page("0" * 64, ["订单详情", "订单状态 未到账"], status_bar="3月12日 20:31")
    out, _found, _status = propose(
        state(reference=datetime(2025, 3, 20, tzinfo=CHINA_TZ)), rows_from_page(only_clock)
    )
    assert "captured_at" not in {f.field for f in out} and "category" in {f.field for f in out}
    with_time = page("0" * 64, ["订单详情", "支付时间 2025-03-12 20:30:15"], status_bar="20:45")
    out, _found, _status = propose(state(), rows_from_page(with_time))
    [when] = [f for f in out if f.field == "captured_at"]
    assert when.value == datetime(2025, 3, 12, 20, 30, 15, tzinfo=CHINA_TZ)
