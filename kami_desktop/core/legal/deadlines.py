"""Deadlines along the escalation path: demand letter → 12315 → court.

Each deadline says which rule produced it (``basis``, Chinese) and whether its date relies on the
fallback holiday calendar (``provisional``). Statuses relative to "today":

* ``past`` — today is after the due date (a deadline runs to 24:00 of its due date, 民法典 203);
* ``near`` — at most ``near_days`` calendar days left (the due date itself counts as near);
* ``ok`` — further away;
* ``done`` — a later event satisfied it (a reply, an acceptance decision, a lawsuit filed …).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from kami_desktop.core.legal.calendar import WorkCalendar
from kami_desktop.core.legal.notice import AnswerPeriod, answer_period, limitation_restart
from kami_desktop.core.legal.periods import add_workdays, period_end
from kami_desktop.core.util import timeutil

DEMAND_DEFAULT_WORKDAYS = 7
DEMAND_MIN_WORKDAYS = 3
DEMAND_MAX_WORKDAYS = 7
LIMITATION_YEARS = 3
ACCEPTANCE_WORKDAYS = 7
MEDIATION_WORKDAYS = 45
COURT_FEE_DAYS = 7
DEFAULT_NEAR_DAYS = 3

STATUSES = ("ok", "near", "past", "done")

# Event kinds understood by deadlines_from_events(), with their Chinese labels.
EVENT_KINDS: dict[str, str] = {
    "discovered": "发现扣款（知道权利受损及义务人）",
    "demand_sent": "发出书面催告/退款要求",
    "demand_delivered": "催告函送达对方",
    "demand_answered": "对方答复或履行",
    "obligor_acknowledged": "对方同意履行或承认欠款",
    "complaint_12315_filed": "向12315提交投诉",
    "complaint_12315_accepted": "12315决定受理",
    "complaint_12315_rejected": "12315决定不予受理",
    "mediation_ended": "12315调解终止或达成协议",
    "lawsuit_filed": "向法院起诉",
    "fee_notice": "收到法院交纳诉讼费用通知",
    "fee_paid": "已交纳诉讼费用",
    "resolved": "纠纷已解决（已退款）",
}

_BASIS_DEMAND = (
    "书面催告中给出的履行期限：催告函到达对方时生效（民法典第137条），自送达次日起{n}个工作日，"
    "遇调休按国务院办公厅放假安排计算。{how}"
)
_BASIS_LIMITATION = (
    "民法典第188条：诉讼时效3年，自知道或应当知道权利受损及义务人之日起算；第195条：权利人向义务人提出履行请求、"
    "义务人同意履行、权利人提起诉讼或申请仲裁的，诉讼时效中断，从中断时起重新计算；期间按第201–203条计算"
)
_BASIS_LIMITATION_COMPLAINT = (
    "；向12315等有权处理纠纷的机关投诉亦中断时效（诉讼时效规定第12条，条文编号待核实），自程序终结时重新计算"
)
_BASIS_ACCEPTANCE = (
    "《市场监督管理投诉举报处理暂行办法》第14条、消法第46条：收到投诉之日起7个工作日内决定是否受理"
)
_BASIS_MEDIATION = "《市场监督管理投诉举报处理暂行办法》：受理之日起45个工作日内未达成调解协议的，终止调解"
_BASIS_MEDIATION_EST = "；受理日未知，按最迟受理日估算"
_BASIS_FILING_WINDOW = "《市场监督管理投诉举报处理暂行办法》第15条：自知道或应当知道权益受侵害之日起超过3年的投诉不予受理（不因催告中断）"
_BASIS_COURT_FEE = "《诉讼费用交纳办法》第22条：自接到交纳诉讼费用通知次日起7日内交纳案件受理费"


@dataclass
class Deadline:
    key: str
    label: str
    due: date
    provisional: bool
    basis: str
    status: str = "ok"
    done: bool = False
    start: date | None = None  # the date the period was counted from
    estimated: bool = False  # counted from an estimated date (a demand letter's delivery not recorded yet)

    def to_json(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "due": self.due.isoformat(),
            "provisional": self.provisional,
            "estimated": self.estimated,
            "basis": self.basis,
            "status": self.status,
            "start": None if self.start is None else self.start.isoformat(),
        }

    def refresh(self, today: date, near_days: int = DEFAULT_NEAR_DAYS) -> Deadline:
        self.status = deadline_status(self, today, near_days)
        return self


def deadline_status(deadline: Deadline, today: date, near_days: int = DEFAULT_NEAR_DAYS) -> str:
    if near_days < 0:
        raise ValueError("near_days 不能为负数")
    if deadline.done:
        return "done"
    left = (deadline.due - today).days
    if left < 0:
        return "past"
    if left <= near_days:
        return "near"
    return "ok"


def _today(today: date | None) -> date:
    return today if today is not None else timeutil.now().date()


def demand_deadline(
    sent: date | None,
    workdays: int = DEMAND_DEFAULT_WORKDAYS,
    *,
    delivered: date | None = None,
    channel: str = "",
    today: date | None = None,
    near_days: int = DEFAULT_NEAR_DAYS,
    cal: WorkCalendar | None = None,
) -> Deadline:
    """Reply deadline of a demand letter: ``workdays`` (3–7, default 7) working days after its arrival.

    Arrival is ``delivered`` when recorded, else ``sent`` plus the channel's delivery allowance, and
    then the deadline is marked ``estimated`` (see :mod:`kami_desktop.core.legal.notice`)."""
    ap = demand_answer_period(sent, workdays, delivered=delivered, channel=channel, cal=cal)
    label = "催告函答复期限" + ("（预估）" if ap.estimated else "")
    d = Deadline(
        "demand_reply",
        label,
        ap.due,
        ap.provisional,
        _BASIS_DEMAND.format(n=workdays, how=ap.explain()),
        start=ap.arrival,
        estimated=ap.estimated,
    )
    return d.refresh(_today(today), near_days)


def demand_answer_period(
    sent: date | None,
    workdays: int = DEMAND_DEFAULT_WORKDAYS,
    *,
    delivered: date | None = None,
    channel: str = "",
    cal: WorkCalendar | None = None,
) -> AnswerPeriod:
    """:func:`~kami_desktop.core.legal.notice.answer_period` with the 3–7 working-day check."""
    if not DEMAND_MIN_WORKDAYS <= workdays <= DEMAND_MAX_WORKDAYS:
        raise ValueError(
            f"催告期限应为{DEMAND_MIN_WORKDAYS}–{DEMAND_MAX_WORKDAYS}个工作日，实际为 {workdays}"
        )
    return answer_period(workdays, sent=sent, delivered=delivered, channel=channel, cal=cal)


def limitation_deadline(
    discovered: date,
    last_interruption: date | None = None,
    *,
    today: date | None = None,
    near_days: int = DEFAULT_NEAR_DAYS,
    cal: WorkCalendar | None = None,
    basis_extra: str = "",
    estimated: bool = False,
    proven: date | None = None,
) -> Deadline:
    """End of the 3-year limitation (诉讼时效), restarted by the latest written demand or other interruption.

    An interruption before ``discovered`` cannot restart anything and is ignored. ``estimated``: the
    latest interruption is a demand letter whose arrival is not recorded (its restart is estimated);
    ``proven`` is then the latest interruption that is certain, and the basis names the date the
    limitation ends if the letter never arrived.
    """
    start = discovered
    if last_interruption is not None and last_interruption > discovered:
        start = last_interruption
    estimated = estimated and start != discovered
    dd = period_end(start, years=LIMITATION_YEARS, cal=cal)
    if start == discovered:
        label = "诉讼时效届满"
    elif estimated:
        label = "诉讼时效届满（自催告函送达之日起重新计算，预估）"
    else:
        label = "诉讼时效届满（已中断，重新计算）"
    basis = _BASIS_LIMITATION + basis_extra
    if estimated:
        floor = max(discovered, proven) if proven is not None else discovered
        if_lost = period_end(floor, years=LIMITATION_YEARS, cal=cal)
        basis += (
            f"；催告函到达对方时才中断时效，如未能送达则不中断，时效仍于{if_lost.due.isoformat()}届满："
            "请保存送达凭证（签收记录、邮件或站内信送达记录）并记录送达日期"
        )
    return Deadline(
        "limitation", label, dd.due, dd.provisional, basis, start=start, estimated=estimated
    ).refresh(_today(today), near_days)


def complaint_12315_deadlines(
    filed: date,
    accepted: date | None = None,
    *,
    today: date | None = None,
    near_days: int = DEFAULT_NEAR_DAYS,
    cal: WorkCalendar | None = None,
) -> list[Deadline]:
    """Acceptance decision (7 working days after filing) and end of mediation (45 working days after
    acceptance; estimated from the latest possible acceptance date when ``accepted`` is unknown)."""
    t = _today(today)
    acc = add_workdays(filed, ACCEPTANCE_WORKDAYS, cal=cal)
    acceptance = Deadline(
        "12315_acceptance", "12315受理决定期限", acc.due, acc.provisional, _BASIS_ACCEPTANCE, start=filed
    )
    acceptance.done = accepted is not None
    med_start = accepted if accepted is not None else acc.due
    med = add_workdays(med_start, MEDIATION_WORKDAYS, cal=cal)
    mediation = Deadline(
        "12315_mediation",
        "12315调解期限",
        med.due,
        med.provisional or (accepted is None and acc.provisional),
        _BASIS_MEDIATION + ("" if accepted is not None else _BASIS_MEDIATION_EST),
        start=med_start,
    )
    return [acceptance.refresh(t, near_days), mediation.refresh(t, near_days)]


def complaint_filing_window(
    discovered: date,
    *,
    today: date | None = None,
    near_days: int = DEFAULT_NEAR_DAYS,
    cal: WorkCalendar | None = None,
) -> Deadline:
    """Last day to file a 12315 complaint (3 years from discovery, not interruptible; art 15(4))."""
    dd = period_end(discovered, years=3, cal=cal)
    return Deadline(
        "12315_filing_window", "12315投诉期限", dd.due, dd.provisional, _BASIS_FILING_WINDOW, start=discovered
    ).refresh(_today(today), near_days)


def court_fee_deadline(
    notice: date,
    *,
    today: date | None = None,
    near_days: int = DEFAULT_NEAR_DAYS,
    cal: WorkCalendar | None = None,
) -> Deadline:
    dd = period_end(notice, days=COURT_FEE_DAYS, cal=cal)
    return Deadline(
        "court_fee_payment", "交纳诉讼费用期限", dd.due, dd.provisional, _BASIS_COURT_FEE, start=notice
    ).refresh(_today(today), near_days)


# --------------------------------------------------------------------------- events → deadlines


@dataclass(frozen=True)
class Event:
    kind: str
    on: date
    note: str = ""
    channel: str = ""  # how a demand letter was sent (its delivery allowance depends on it)


def _coerce(ev: Event | Mapping | tuple) -> Event:
    if isinstance(ev, Event):
        out = ev
    elif isinstance(ev, Mapping):
        on = ev.get("on", ev.get("date"))
        out = Event(
            str(ev["kind"]),
            date.fromisoformat(on) if isinstance(on, str) else on,
            str(ev.get("note", "")),
            str(ev.get("channel", "")),
        )
    else:
        kind, on = ev[0], ev[1]
        out = Event(str(kind), date.fromisoformat(on) if isinstance(on, str) else on)
    if out.kind not in EVENT_KINDS:
        raise ValueError(f"未知的事件类型：{out.kind!r}")
    if not isinstance(out.on, date):
        raise ValueError(f"事件 {out.kind} 缺少日期")
    return out


class _StatusArgs(TypedDict):
    """The keyword arguments every deadline function takes to compute its status."""

    today: date | None
    near_days: int
    cal: WorkCalendar | None


def deadlines_from_events(
    events: Iterable[Event | Mapping | tuple],
    today: date,
    near_days: int = DEFAULT_NEAR_DAYS,
    *,
    demand_workdays: int = DEMAND_DEFAULT_WORKDAYS,
    cal: WorkCalendar | None = None,
) -> list[Deadline]:
    """All deadlines implied by a case's dated events, each with its status, sorted by due date.

    Events may be :class:`Event`, ``{"kind": ..., "date": "YYYY-MM-DD"}`` or ``(kind, date)``; kinds are
    the keys of :data:`EVENT_KINDS`. Where a kind repeats, the latest occurrence counts.
    """
    evs = sorted((_coerce(e) for e in events), key=lambda e: e.on)
    last: dict[str, date] = {}
    channels: dict[str, str] = {}
    notes: dict[str, str] = {}
    for e in evs:
        last[e.kind] = e.on
        channels[e.kind] = e.channel
        notes[e.kind] = e.note

    def after(kind: str, ref: date | None) -> bool:
        return ref is not None and kind in last and last[kind] >= ref

    resolved = last.get("resolved")
    kw: _StatusArgs = {"today": today, "near_days": near_days, "cal": cal}
    out: list[Deadline] = []

    sent, delivered = last.get("demand_sent"), last.get("demand_delivered")
    if sent is not None or delivered is not None:
        d = demand_deadline(
            sent, demand_workdays, delivered=delivered, channel=channels.get("demand_sent", ""), **kw
        )
        demand_from = sent if sent is not None else delivered
        d.done = after("demand_answered", demand_from) or after("lawsuit_filed", demand_from)
        out.append(d)

    filed = last.get("complaint_12315_filed")
    if filed is not None:
        accepted = last.get("complaint_12315_accepted") if after("complaint_12315_accepted", filed) else None
        acceptance, mediation = complaint_12315_deadlines(filed, accepted, **kw)
        rejected = after("complaint_12315_rejected", filed)
        acceptance.done = accepted is not None or rejected
        out.append(acceptance)
        if not rejected:
            mediation.done = after("mediation_ended", filed)
            out.append(mediation)

    discovered = last.get("discovered")
    if discovered is not None:
        # (date, certain): a demand letter interrupts on arrival, estimated while it is not recorded
        interruptions = [(last["obligor_acknowledged"], True)] if "obligor_acknowledged" in last else []
        restart = limitation_restart(sent, delivered)
        if restart is not None:
            interruptions.append((restart.on, not restart.estimated))
            if restart.estimated and delivered is not None:  # an earlier letter's recorded delivery
                interruptions.append((delivered, True))
        extra = f"。本案：{restart.explain()}" if restart is not None else ""
        if filed is not None:
            interruptions.append(
                (last.get("mediation_ended", filed) if after("mediation_ended", filed) else filed, True)
            )
            extra = _BASIS_LIMITATION_COMPLAINT + extra
        latest = max(interruptions, key=lambda x: (x[0], x[1])) if interruptions else None
        certain = [on for on, sure in interruptions if sure]
        lim = limitation_deadline(
            discovered,
            latest[0] if latest else None,
            basis_extra=extra,
            estimated=latest is not None and not latest[1],
            proven=max(certain) if certain else None,
            **kw,
        )
        lim.done = "lawsuit_filed" in last
        window = complaint_filing_window(discovered, **kw)
        window.done = filed is not None and filed >= discovered
        for d in (lim, window):  # why the periods count from this day (a claim item older than the 发现日期)
            d.basis += f"。起算日：{notes['discovered']}" if notes.get("discovered") else ""
            out.append(d)

    if "fee_notice" in last:
        fee = court_fee_deadline(last["fee_notice"], **kw)
        fee.done = after("fee_paid", last["fee_notice"])
        out.append(fee)

    for d in out:
        if resolved is not None:
            d.done = True
        d.refresh(today, near_days)
    out.sort(key=lambda d: (d.due, d.key))
    return out
