"""The ladder: steps, stage moves, and deadlines computed with the 调休 calendar."""

from __future__ import annotations

import json
from datetime import date, timedelta

import chinese_calendar
import pytest

from kami_desktop.core.case.cases import get_case, update_case
from kami_desktop.core.case.ladder import (
    STEP_KINDS,
    LadderError,
    case_dashboard,
    dashboard,
    edit_step,
    list_steps,
    record_step,
    remove_step,
    step_kind_code,
    step_summary,
)
from kami_desktop.core.legal.deadlines import EVENT_KINDS
from kami_desktop.core.store import ledger
from kami_desktop.core.util.timeutil import now


def D(s: str) -> date:
    return date.fromisoformat(s)


def nth_workday_after(start: date, n: int) -> date:
    d, k = start, 0
    while k < n:
        d += timedelta(days=1)
        k += chinese_calendar.is_workday(d)
    return d


def by_key(dash):
    return {d.key: d for d in dash.deadlines}


def test_every_step_kind_maps_to_a_stage_and_a_known_event():
    for k in STEP_KINDS.values():
        assert k.stage in ("negotiation", "complaint", "litigation", "closed")
        assert k.event is None or k.event in EVENT_KINDS
    assert step_kind_code("12315投诉已提交") == "complaint_12315_filed"
    with pytest.raises(LadderError, match="可选"):
        step_kind_code("上访")


def test_demand_before_the_2025_national_day_holiday(profile, case_id):
    """Delivered Fri 2025-09-26. Working days: 9/28 (Sun, 调休), 9/29, 9/30, then 10/1–10/8 off, 10/9,
    10/10, 10/11 (Sat, 调休), 10/13 — the 7th working day is Monday 2025-10-13."""
    with profile.session() as s:
        record_step(s, case_id, "demand_sent", "2025-09-26", channel="邮件")
        record_step(s, case_id, "demand_delivered", "2025-09-26")
        dash = case_dashboard(s, case_id, D("2025-09-29"))
    demand = by_key(dash)["demand_reply"]
    assert demand.due == D("2025-10-13") == nth_workday_after(D("2025-09-26"), 7)
    assert not demand.estimated and demand.start == D("2025-09-26")
    assert not demand.provisional and demand.status == "ok"
    assert dash.next_deadline is demand and dash.stage == "negotiation"
    assert "等待平台答复" in dash.next_steps[0] and "2025-10-13" in dash.next_steps[0]
    with profile.session() as s:
        short = case_dashboard(s, case_id, D("2025-09-29"), demand_workdays=3)
    assert by_key(short)["demand_reply"].due == D("2025-09-30")
    with profile.session() as s:
        near = case_dashboard(s, case_id, D("2025-10-11"))
        past = case_dashboard(s, case_id, D("2025-10-14"))
    assert by_key(near)["demand_reply"].status == "near"
    assert by_key(past)["demand_reply"].status == "past" and past.next_deadline is None
    assert "12315" in past.next_steps[0] and "黑猫投诉" in past.next_steps[0]


def test_reply_marks_the_demand_done(profile, case_id):
    with profile.session() as s:
        record_step(s, case_id, "demand_sent", "2025-09-26")
        record_step(s, case_id, "platform_replied", "2025-09-30", note="客服称不退")
        dash = case_dashboard(s, case_id, D("2025-10-20"))
    assert by_key(dash)["demand_reply"].status == "done"
    assert dash.next_steps[0].startswith("平台已答复")


def test_12315_dates_and_stage(profile, case_id):
    """legal.md §7 cross-check: a complaint received 2026-09-28 must be decided by 2026-10-13."""
    with profile.session() as s:
        record_step(s, case_id, "complaint_12315_filed", "2026-09-28", reference="TS2026092800001")
        assert get_case(s, case_id).stage == "complaint"
        dash = case_dashboard(s, case_id, D("2026-10-12"))
    dl = by_key(dash)
    assert dl["12315_acceptance"].due == D("2026-10-13") and dl["12315_acceptance"].status == "near"
    assert dl["12315_mediation"].due == nth_workday_after(
        D("2026-10-13"), 45
    )  # estimated from the latest day
    assert "等待12315决定是否受理" in dash.next_steps[0]
    assert any("黑猫投诉" in t for t in dash.next_steps)
    with profile.session() as s:
        record_step(s, case_id, "complaint_12315_accepted", "2026-10-09")
        record_step(s, case_id, "heimao_filed", "2026-10-09")
        dash = case_dashboard(s, case_id, D("2026-10-12"))
    dl = by_key(dash)
    assert dl["12315_acceptance"].status == "done"
    assert dl["12315_mediation"].due == nth_workday_after(D("2026-10-09"), 45)
    assert not dl["12315_mediation"].provisional
    assert dash.next_steps == [
        f"12315已受理，等待调解（最迟至{dl['12315_mediation'].due.isoformat()}）；"
        "保持电话畅通，调解不成可起诉。"
    ]


def test_limitation_runs_from_discovery_and_restarts_on_a_demand(profile, case_id):
    with profile.session() as s:
        update_case(s, case_id, discovered_on="2025-03-12")
        lim = by_key(case_dashboard(s, case_id, D("2025-04-01")))["limitation"]
        assert lim.start == D("2025-03-12") and lim.due == D("2028-03-13")  # 2028-03-12 is a Sunday
        assert lim.provisional  # 2028 is beyond the official schedules
        record_step(s, case_id, "demand_sent", "2025-09-26")
        dash = case_dashboard(s, case_id, D("2025-10-01"))
    lim = by_key(dash)["limitation"]
    # the letter interrupts on arrival (民法典 195, 137); its arrival is not recorded: estimated, counted
    # from the sending day (the earliest it can have arrived), and what happens if it never arrives
    assert lim.start == D("2025-09-26") and lim.due == D("2028-09-26")
    assert lim.estimated and "自催告函送达之日起重新计算" in lim.label and "预估" in lim.label
    assert "尚未记录送达日期" in lim.basis and "如未能送达则不中断，时效仍于2028-03-13届满" in lim.basis
    assert by_key(dash)["12315_filing_window"].due == D("2028-03-13")  # a demand does not extend this one
    assert dash.provisional and any("暂定" in w for w in dash.warnings)
    with profile.session() as s:  # the 签收 date recorded: the restart counts from it, not estimated
        record_step(s, case_id, "demand_delivered", "2025-09-29")
        lim = by_key(case_dashboard(s, case_id, D("2025-10-01")))["limitation"]
    assert lim.start == D("2025-09-29") and lim.due == D("2028-09-29") and not lim.estimated
    assert "已中断" in lim.label and "催告函于2025-09-29送达" in lim.basis


def test_claim_items_older_than_the_discovery_date_are_pointed_out(profile, case_id):
    """The deadlines count from 发现扣款日期; a claim item dated earlier means the user should arguably
    have known from then (民法典 188 “应当知道”): the periods count from the earlier date, and say so."""
    from kami_desktop.core.case.claims import add_item

    with profile.session() as s:
        update_case(s, case_id, discovered_on="2025-05-29")
        dash = case_dashboard(s, case_id, D("2025-06-01"))
        assert not any("早于填写的发现扣款日期" in w for w in dash.warnings)
        assert by_key(dash)["limitation"].start == D("2025-05-29")
        add_item(s, case_id, "topup_not_credited", "300.00", "2025-03-01")
        dash = case_dashboard(s, case_id, D("2025-06-01"))
    assert any(
        "主张项中最早的日期（2025-03-01）早于填写的发现扣款日期（2025-05-29）" in w for w in dash.warnings
    )
    assert any("已按较早的日期计算" in w for w in dash.warnings)
    for key in ("limitation", "12315_filing_window"):
        d = by_key(dash)[key]
        assert d.start == D("2025-03-01") and d.due == D("2028-03-01"), key
        assert "填写的发现扣款日期为2025-05-29，但最早的主张项日期2025-03-01更早" in d.basis
        assert "稳妥起见按较早的日期起算" in d.basis


def test_a_case_without_a_discovery_date_is_offered_its_earliest_claim_item(profile, case_id):
    from kami_desktop.core.case.claims import add_item
    from kami_desktop.core.case.discovery import suggested_discovery

    with profile.session() as s:
        assert suggested_discovery(s, case_id) is None
        add_item(s, case_id, "topup_not_credited", "300.00", "2025-04-02")
        add_item(s, case_id, "topup_not_credited", "100.00", "2025-03-01")
        assert suggested_discovery(s, case_id) == D("2025-03-01")
        dash = case_dashboard(s, case_id, D("2025-06-01"))
        lim = by_key(dash)["limitation"]
        assert (
            lim.start == D("2025-03-01")
            and "尚未填写发现扣款日期：暂按最早的主张项日期2025-03-01起算" in lim.basis
        )
        assert any("请填写发现扣款的日期" in w for w in dash.warnings)
        update_case(s, case_id, discovered_on="2025-02-20")  # a date given: no more suggestion, and it counts
        assert suggested_discovery(s, case_id) is None
        lim = by_key(case_dashboard(s, case_id, D("2025-06-01")))["limitation"]
    assert lim.start == D("2025-02-20") and "起算日" not in lim.basis


def test_missing_discovery_date_is_a_warning(profile, case_id):
    with profile.session() as s:
        dash = case_dashboard(s, case_id, D("2025-10-01"))
    assert dash.deadlines == [] and dash.next_deadline is None
    assert any("发现扣款的日期" in w for w in dash.warnings)
    assert dash.next_steps[-1].startswith("发出书面退款要求")


def test_provisional_deadline_in_2027(profile, case_id):
    with profile.session() as s:
        record_step(s, case_id, "demand_sent", "2025-09-26")
        st = list_steps(s, case_id)[0]
    with profile.session() as s:
        s.get(type(st), st.id).on = D("2027-03-01")  # as if recorded in 2027
    dash = dashboard(profile, case_id, D("2027-03-02"))
    demand = by_key(dash)["demand_reply"]
    # no delivery recorded, channel unknown: arrival estimated 03-04, then 7 fallback working days
    assert demand.provisional and demand.estimated and demand.due == D("2027-03-15")
    assert dash.to_json()["provisional"] is True and dash.to_json()["next_deadline"]["provisional"] is True


def test_stage_moves_forward_only_and_is_logged(profile, case_id):
    with profile.session() as s:
        record_step(s, case_id, "lawsuit_filed", "2025-11-03")
        assert get_case(s, case_id).stage == "litigation"
        record_step(s, case_id, "demand_sent", "2025-09-26")
        assert get_case(s, case_id).stage == "litigation"
        edits = [json.loads(e.payload) for e in ledger.entries(s, case_id) if e.action == "case.edit"]
        assert edits == [
            {
                "entity": "case",
                "id": case_id,
                "changes": {"stage": {"old": "negotiation", "new": "litigation"}},
            }
        ]
        assert [e.action for e in ledger.entries(s, case_id)].count("ladder.step") == 2
        record_step(s, case_id, "fee_notice", "2025-11-05")
        dash = case_dashboard(s, case_id, D("2025-11-10"))
        assert by_key(dash)["court_fee_payment"].due == D("2025-11-12")
        assert "交纳诉讼费" in dash.next_steps[0]
        record_step(s, case_id, "resolved", "2025-11-20")
        dash = case_dashboard(s, case_id, D("2025-11-21"))
        assert get_case(s, case_id).stage == "closed"
        assert all(d.status == "done" for d in dash.deadlines) and dash.next_steps[0].startswith("纠纷已解决")


def test_planned_steps_do_not_count_and_future_steps_must_be_planned(profile, case_id):
    tomorrow = now().date() + timedelta(days=1)
    with profile.session() as s:
        with pytest.raises(LadderError, match="计划"):
            record_step(s, case_id, "demand_sent", tomorrow)
        st = record_step(s, case_id, "lawsuit_filed", tomorrow, done=False)
        assert get_case(s, case_id).stage == "negotiation"
        assert case_dashboard(s, case_id).deadlines == []
        with pytest.raises(LadderError, match="晚于今天"):
            edit_step(s, st.id, done=True)


def test_edit_and_remove_steps(profile, case_id):
    with profile.session() as s:
        st = record_step(s, case_id, "demand_sent", "2025-09-25")
        edit_step(s, st.id, on="2025-09-26", reference="EMS1234", channel="EMS")
        # EMS: arrival estimated 09-29; then 9/30, 10/9, 10/10, 10/11 (Sat, 调休), 10/13, 10/14, 10/15
        assert by_key(case_dashboard(s, case_id, D("2025-09-29")))["demand_reply"].due == D("2025-10-15")
        with pytest.raises(LadderError, match="日期格式"):
            edit_step(s, st.id, on="9月26日")
        remove_step(s, st.id)
        assert list_steps(s, case_id) == []
        acts = [e.action for e in ledger.entries(s, case_id)]
        assert acts[-2:] == ["ladder.step_edit", "ladder.step_remove"]


def test_the_demand_letters_own_period_sets_its_deadline(profile, case_id):
    with profile.session() as s:
        st = record_step(s, case_id, "demand_sent", "2025-09-26", workdays=3)
        record_step(s, case_id, "demand_delivered", "2025-09-26")
        assert step_summary(st)["workdays"] == 3
        dash = case_dashboard(s, case_id, today=D("2025-09-27"))
        demand = next(d for d in dash.deadlines if d.key.startswith("demand"))
        assert demand.due == nth_workday_after(D("2025-09-26"), 3)
        assert (
            case_dashboard(s, case_id, today=D("2025-09-27"), demand_workdays=7).deadlines != dash.deadlines
        )
        with pytest.raises(LadderError):
            record_step(s, case_id, "demand_sent", "2025-09-26", workdays=10)
        with pytest.raises(LadderError):
            record_step(s, case_id, "lawsuit_filed", "2025-10-26", workdays=5)
        edit_step(s, st.id, workdays=5)
        dash = case_dashboard(s, case_id, today=D("2025-09-27"))
        demand = next(d for d in dash.deadlines if d.key.startswith("demand"))
        assert demand.due == nth_workday_after(D("2025-09-26"), 5)
