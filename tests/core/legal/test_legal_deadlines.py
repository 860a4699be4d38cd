"""Deadlines on the escalation path and their status relative to today."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from kami_desktop.core.legal.deadlines import (
    EVENT_KINDS,
    Deadline,
    Event,
    complaint_12315_deadlines,
    deadline_status,
    deadlines_from_events,
    demand_deadline,
    limitation_deadline,
)


def D(s: str) -> date:
    return date.fromisoformat(s)


def nth_workday_after(start: date, n: int) -> date:
    d, k = start, 0
    while k < n:
        d += timedelta(days=1)
        k += chinese_calendar.is_workday(d)
    return d


def by_key(deadlines: list[Deadline]) -> dict[str, Deadline]:
    return {d.key: d for d in deadlines}


def test_demand_deadline_default_seven_working_days():
    d = demand_deadline(D("2026-09-25"), delivered=D("2026-09-28"), today=D("2026-09-28"))
    assert d.key == "demand_reply" and d.label == "催告函答复期限"
    assert d.due == D("2026-10-13") and not d.provisional and not d.estimated
    assert "7个工作日" in d.basis and "137" in d.basis
    assert d.start == D("2026-09-28")  # counted from delivery, not from sending


def test_demand_deadline_estimated_from_sending_plus_the_channels_allowance():
    # EMS: 3 days -> arrival 10-01 (National Day); working days 10-08, 10-09, 10-10 (a Saturday
    # make-up day), 10-12, 10-13, 10-14, 10-15.
    post = demand_deadline(D("2026-09-28"), channel="EMS邮寄", today=D("2026-09-28"))
    assert (post.start, post.due, post.estimated) == (D("2026-10-01"), D("2026-10-15"), True)
    assert post.label == "催告函答复期限（预估）" and "估算3天送达" in post.basis
    # electronic: 1 day -> arrival 09-29; 09-30, 10-08, 10-09, 10-10, 10-12, 10-13, 10-14
    mail = demand_deadline(D("2026-09-28"), channel="电子邮件", today=D("2026-09-28"))
    assert (mail.start, mail.due) == (D("2026-09-29"), D("2026-10-14"))
    unknown = demand_deadline(D("2026-09-28"), today=D("2026-09-28"))
    assert unknown.start == D("2026-10-01") and "送达方式未记录" in unknown.basis
    # a delivery recorded before the sending date belongs to an earlier letter
    stale = demand_deadline(D("2026-09-28"), delivered=D("2026-09-01"), channel="EMS")
    assert stale.estimated and stale.start == D("2026-10-01")


def test_demand_deadline_range():
    assert demand_deadline(None, 3, delivered=D("2026-09-28"), today=D("2026-09-28")).due == D("2026-10-08")
    for bad in (2, 8):
        with pytest.raises(ValueError):
            demand_deadline(D("2026-09-28"), bad)
    with pytest.raises(ValueError):
        demand_deadline(None)


@pytest.mark.parametrize(
    "today, near_days, expected",
    [
        ("2026-10-09", 3, "ok"),  # 4 days left
        ("2026-10-10", 3, "near"),  # 3 days left
        ("2026-10-13", 3, "near"),  # due today, open until 24:00
        ("2026-10-14", 3, "past"),
        ("2026-10-09", 4, "near"),
        ("2026-10-13", 0, "near"),
        ("2026-10-12", 0, "ok"),
    ],
)
def test_status_boundaries(today, near_days, expected):
    d = demand_deadline(D("2026-09-28"), delivered=D("2026-09-28"), today=D("2026-01-01"))
    assert deadline_status(d, D(today), near_days) == expected


def test_done_wins_over_past():
    d = demand_deadline(D("2026-09-28"), today=D("2026-01-01"))
    d.done = True
    assert deadline_status(d, D("2027-01-01")) == "done"


def test_status_default_uses_today_from_timeutil():
    d = demand_deadline(D("2020-01-02"))
    assert d.status == "past"


def test_limitation_three_years_from_discovery():
    d = limitation_deadline(D("2023-03-15"), today=D("2026-03-01"))
    assert d.due == D("2026-03-16")  # 2026-03-15 is a Sunday
    assert d.status == "ok"
    assert "188" in d.basis and "195" in d.basis


def test_limitation_restarts_from_written_demand():
    d = limitation_deadline(D("2023-03-15"), D("2025-06-10"), today=D("2026-03-01"))
    # 2028-06-10 is a Saturday; 2028 is outside chinese_calendar, so the date is provisional.
    assert d.start == D("2025-06-10")
    assert d.due == D("2028-06-12") and d.provisional
    assert "中断" in d.label


def test_interruption_before_discovery_is_ignored():
    d = limitation_deadline(D("2023-03-15"), D("2023-01-01"), today=D("2024-01-01"))
    assert d.start == D("2023-03-15")


def test_limitation_restarts_from_the_demand_letters_arrival():
    # delivered recorded: from delivery, certain
    got = by_key(
        deadlines_from_events(
            [("discovered", "2025-03-12"), ("demand_sent", "2026-03-02"), ("demand_delivered", "2026-03-05")],
            D("2026-03-10"),
        )
    )
    assert got["limitation"].start == D("2026-03-05") and not got["limitation"].estimated
    # only sent: estimated from the sending day, the basis saying what holds if it never arrives
    got = by_key(
        deadlines_from_events([("discovered", "2025-03-12"), ("demand_sent", "2026-03-02")], D("2026-03-10"))
    )
    lim = got["limitation"]
    assert lim.start == D("2026-03-02") and lim.estimated and lim.to_json()["estimated"]
    assert "自送达之日起重新计算" in lim.basis and "时效仍于2028-03-13届满" in lim.basis
    # a second letter sent after the first one's delivery: estimated from it, the first delivery the floor
    got = by_key(
        deadlines_from_events(
            [
                ("discovered", "2025-03-12"),
                ("demand_sent", "2026-03-02"),
                ("demand_delivered", "2026-03-05"),
                ("demand_sent", "2026-06-01"),
            ],
            D("2026-06-02"),
        )
    )
    lim = got["limitation"]
    assert lim.start == D("2026-06-01") and lim.estimated and "时效仍于2029-03-05届满" in lim.basis
    # a 12315 complaint later than the estimated restart is certain: not estimated
    got = by_key(
        deadlines_from_events(
            [
                ("discovered", "2025-03-12"),
                ("demand_sent", "2026-03-02"),
                ("complaint_12315_filed", "2026-03-20"),
            ],
            D("2026-03-21"),
        )
    )
    assert got["limitation"].start == D("2026-03-20") and not got["limitation"].estimated


def test_12315_acceptance_and_estimated_mediation():
    acceptance, mediation = complaint_12315_deadlines(D("2026-09-28"), today=D("2026-09-28"))
    assert acceptance.due == D("2026-10-13")
    assert mediation.start == acceptance.due
    assert mediation.due == nth_workday_after(D("2026-10-13"), 45)
    assert "估算" in mediation.basis


def test_12315_mediation_from_actual_acceptance():
    acceptance, mediation = complaint_12315_deadlines(D("2026-09-28"), D("2026-10-09"), today=D("2026-10-09"))
    assert acceptance.status == "done"
    assert mediation.due == nth_workday_after(D("2026-10-09"), 45)
    assert "估算" not in mediation.basis


def test_events_scenario():
    events = [
        ("discovered", "2026-03-01"),
        {"kind": "demand_sent", "date": "2026-03-05"},
        Event("demand_delivered", D("2026-03-06")),
        ("complaint_12315_filed", D("2026-03-20")),
    ]
    out = deadlines_from_events(events, D("2026-03-25"))
    assert [d.due for d in out] == sorted(d.due for d in out)
    got = by_key(out)
    assert got["demand_reply"].due == D("2026-03-17") and got["demand_reply"].status == "past"
    assert got["12315_acceptance"].due == D("2026-03-31") and got["12315_acceptance"].status == "ok"
    assert got["12315_mediation"].due == nth_workday_after(D("2026-03-31"), 45)
    assert got["limitation"].start == D("2026-03-20")  # the complaint is the latest interruption
    assert got["12315_filing_window"].status == "done"
    assert all(d.to_json()["due"] == d.due.isoformat() for d in out)


def test_events_replies_and_decisions_mark_done():
    events = [
        ("discovered", "2026-03-01"),
        ("demand_sent", "2026-03-05"),
        ("demand_answered", "2026-03-10"),
        ("complaint_12315_filed", "2026-03-20"),
        ("complaint_12315_accepted", "2026-03-24"),
        ("mediation_ended", "2026-04-20"),
    ]
    got = by_key(deadlines_from_events(events, D("2026-04-21")))
    assert got["demand_reply"].status == "done"
    assert got["12315_acceptance"].status == "done"
    assert got["12315_mediation"].status == "done"
    assert got["12315_mediation"].due == nth_workday_after(D("2026-03-24"), 45)
    assert got["limitation"].start == D("2026-04-20")  # restarts when the procedure ends
    assert got["limitation"].status == "ok"


def test_new_demand_after_answer_is_open_again():
    events = [("demand_sent", "2026-03-05"), ("demand_answered", "2026-03-10"), ("demand_sent", "2026-04-01")]
    got = by_key(deadlines_from_events(events, D("2026-04-02")))
    assert got["demand_reply"].start == D("2026-04-04")  # 04-01 + 3 days' delivery allowance
    assert got["demand_reply"].estimated and got["demand_reply"].status == "ok"


def test_rejected_complaint_has_no_mediation():
    events = [("complaint_12315_filed", "2026-03-20"), ("complaint_12315_rejected", "2026-03-25")]
    got = by_key(deadlines_from_events(events, D("2026-03-26")))
    assert got["12315_acceptance"].status == "done"
    assert "12315_mediation" not in got


def test_lawsuit_and_fee_notice():
    events = [("discovered", "2024-01-10"), ("lawsuit_filed", "2026-09-01"), ("fee_notice", "2026-09-24")]
    got = by_key(deadlines_from_events(events, D("2026-09-30")))
    assert got["limitation"].status == "done"
    assert got["court_fee_payment"].due == D("2026-10-08")  # 10/1 falls in the National Day break
    assert got["court_fee_payment"].status == "ok"
    got = by_key(deadlines_from_events([*events, ("fee_paid", "2026-09-25")], D("2026-10-30")))
    assert got["court_fee_payment"].status == "done"


def test_resolved_closes_everything():
    events = [("discovered", "2026-03-01"), ("demand_sent", "2026-03-05"), ("resolved", "2026-03-06")]
    assert {d.status for d in deadlines_from_events(events, D("2027-06-01"))} == {"done"}


def test_near_days_is_configurable():
    events = [("demand_sent", "2026-03-05"), ("demand_delivered", "2026-03-05")]  # due 2026-03-16
    assert deadlines_from_events(events, D("2026-03-09"), 3)[0].status == "ok"
    assert deadlines_from_events(events, D("2026-03-09"), 7)[0].status == "near"


def test_bad_events():
    with pytest.raises(ValueError):
        deadlines_from_events([("no_such_kind", "2026-01-01")], D("2026-01-02"))
    with pytest.raises(ValueError):
        deadlines_from_events([{"kind": "demand_sent"}], D("2026-01-02"))
    assert deadlines_from_events([], D("2026-01-02")) == []
    assert all(label for label in EVENT_KINDS.values())
