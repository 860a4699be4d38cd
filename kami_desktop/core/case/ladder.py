"""The escalation ladder: 协商 → 投诉 (12315 / 黑猫 / 聚投诉) → 诉讼, its recorded steps and the deadlines.

Steps are ``LadderStep`` rows. Each step kind belongs to a stage and, where the law attaches a period to
it, maps to an event of :data:`kami_desktop.core.legal.EVENT_KINDS`; the deadlines come from
``core.legal.deadlines_from_events`` plus ``Case.discovered_on`` (the 3-year limitation, restarted by a
written demand). Recording a step moves ``Case.stage`` forward, never back. A step with ``done=False``
is planned: it is listed but does not count for the deadlines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import CaseError, get_case, update_case
from kami_desktop.core.case.discovery import CountedFrom, counted_from
from kami_desktop.core.legal.deadlines import DEMAND_DEFAULT_WORKDAYS, Deadline, Event, deadlines_from_events
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.edits import record_edit
from kami_desktop.core.store.model import Case, LadderStep
from kami_desktop.core.util.timeutil import now
from kami_desktop.core.vocab import STAGES


class LadderError(CaseError):
    pass


@dataclass(frozen=True)
class StepKind:
    code: str
    label: str
    stage: str
    event: str | None  # the core.legal event kind it implies, if any


STEP_KINDS: dict[str, StepKind] = {
    k.code: k
    for k in (
        StepKind("demand_sent", "发出书面退款要求（催告函）", "negotiation", "demand_sent"),
        StepKind("demand_delivered", "催告函已送达平台", "negotiation", "demand_delivered"),
        StepKind("platform_replied", "平台已答复", "negotiation", "demand_answered"),
        StepKind("platform_agreed", "平台同意退款或承认欠款", "negotiation", "obligor_acknowledged"),
        StepKind("payment_complaint_filed", "向支付渠道投诉（微信支付/支付宝）", "complaint", None),
        StepKind("complaint_12315_filed", "12315投诉已提交", "complaint", "complaint_12315_filed"),
        StepKind("complaint_12315_accepted", "12315已受理", "complaint", "complaint_12315_accepted"),
        StepKind("complaint_12315_rejected", "12315不予受理", "complaint", "complaint_12315_rejected"),
        StepKind("mediation_ended", "12315调解结束", "complaint", "mediation_ended"),
        StepKind("heimao_filed", "黑猫投诉已提交", "complaint", None),
        StepKind("jutousu_filed", "聚投诉已提交", "complaint", None),
        StepKind("lawsuit_filed", "已向法院起诉", "litigation", "lawsuit_filed"),
        StepKind("fee_notice", "收到交纳诉讼费通知", "litigation", "fee_notice"),
        StepKind("fee_paid", "已交纳诉讼费", "litigation", "fee_paid"),
        StepKind("judgment_received", "收到判决书或调解书", "litigation", None),
        StepKind("resolved", "已退款，纠纷解决", "closed", "resolved"),
    )
}
STAGE_ORDER = tuple(STAGES)  # negotiation, complaint, litigation, closed


def step_kind_code(text: str) -> str:
    t = (text or "").strip()
    if t in STEP_KINDS:
        return t
    for k in STEP_KINDS.values():
        if t == k.label:
            return k.code
    choices = "、".join(f"{k.label}({k.code})" for k in STEP_KINDS.values())
    raise LadderError(f"未知的进展类型：{text!r}；可选：{choices}")


def _date(value: Any) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise LadderError(f"日期格式不正确：{value!r}（例：2025-09-26）") from exc


def step_summary(st: LadderStep) -> dict[str, Any]:
    k = STEP_KINDS.get(st.kind)
    return {
        "id": st.id,
        "case_id": st.case_id,
        "kind": st.kind,
        "kind_label": k.label if k else st.kind,
        "stage": k.stage if k else "",
        "on": st.on.isoformat(),
        "channel": st.channel,
        "reference": st.reference,
        "note": st.note,
        "done": bool(st.done),
        "workdays": st.workdays,
    }


def list_steps(s: Session, case_id: int) -> list[LadderStep]:
    get_case(s, case_id)
    return list(
        s.scalars(
            select(LadderStep).where(LadderStep.case_id == case_id).order_by(LadderStep.on, LadderStep.id)
        )
    )


def get_step(s: Session, step_id: int) -> LadderStep:
    st = s.get(LadderStep, step_id)
    if st is None:
        raise LadderError(f"进展记录 {step_id} 不存在")
    return st


def _advance_stage(s: Session, case: Case, kind: str) -> None:
    target = STEP_KINDS[kind].stage
    current = case.stage if case.stage in STAGE_ORDER else STAGE_ORDER[0]
    if STAGE_ORDER.index(target) > STAGE_ORDER.index(current):
        update_case(s, case.id, stage=target)


def _workdays(code: str, value: Any) -> int | None:
    """The period a demand letter granted (3–7 working days); other steps carry none."""
    if value in (None, ""):
        return None
    if code != "demand_sent":
        raise LadderError("只有“发出书面退款要求（催告函）”可以设置答复期限")
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise LadderError(f"答复期限应为 3 到 7 个工作日：{value!r}") from None
    if not 3 <= n <= 7:
        raise LadderError(f"答复期限应为 3 到 7 个工作日：{n}")
    return n


def record_step(
    s: Session,
    case_id: int,
    kind: str,
    on: Any,
    *,
    channel: str = "",
    reference: str = "",
    note: str = "",
    done: bool = True,
    workdays: int | None = None,
) -> LadderStep:
    """Record a step taken (``done``) or planned; a taken step moves the case's stage forward.

    ``workdays``: for a demand letter, the period it granted (default: 7 working days when computing)."""
    case = get_case(s, case_id)
    code = step_kind_code(kind)
    period = _workdays(code, workdays)
    day = _date(on)
    if done and day > now().date():
        raise LadderError("已完成的进展日期不能晚于今天；尚未发生的请记为计划")
    st = LadderStep(
        case_id=case_id,
        kind=code,
        on=day,
        channel=(channel or "").strip(),
        reference=(reference or "").strip(),
        note=(note or "").strip(),
        done=bool(done),
        workdays=period,
        created_at=now(),
    )
    s.add(st)
    s.flush()
    ledger.append(s, "ladder.step", {"step": step_summary(st)}, case_id=case_id)
    if done:
        _advance_stage(s, case, code)
    return st


def edit_step(s: Session, step_id: int, **fields: Any) -> LadderStep:
    st = get_step(s, step_id)
    new: dict[str, Any] = {}
    for k, v in fields.items():
        if k == "on":
            new[k] = _date(v)
        elif k in ("channel", "reference", "note"):
            new[k] = str(v or "").strip()
        elif k == "done":
            new[k] = bool(v)
        elif k == "workdays":
            new[k] = _workdays(st.kind, v)
        else:
            raise LadderError(f"未知字段 {k}")
    if new.get("done", st.done) and new.get("on", st.on) > now().date():
        raise LadderError("已完成的进展日期不能晚于今天")
    if record_edit(s, st, new) and st.done:
        _advance_stage(s, get_case(s, st.case_id), st.kind)
    return st


def remove_step(s: Session, step_id: int) -> None:
    """Delete a step (the case's stage is left as it is)."""
    st = get_step(s, step_id)
    case_id, summary = st.case_id, step_summary(st)
    s.delete(st)
    s.flush()
    ledger.append(s, "ladder.step_remove", {"step": summary}, case_id=case_id)


# ----------------------------------------------------------------------------- dashboard


@dataclass
class Dashboard:
    case_id: int
    stage: str
    today: date
    deadlines: list[Deadline]
    next_deadline: Deadline | None
    next_steps: list[str]  # what to do next, Chinese, most urgent first
    steps: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)

    @property
    def stage_label(self) -> str:
        return STAGES.get(self.stage, self.stage)

    @property
    def provisional(self) -> bool:
        return any(d.provisional for d in self.deadlines)

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "stage": self.stage,
            "stage_label": self.stage_label,
            "today": self.today.isoformat(),
            "next_deadline": None if self.next_deadline is None else self.next_deadline.to_json(),
            "deadlines": [d.to_json() for d in self.deadlines],
            "provisional": self.provisional,
            "next_steps": list(self.next_steps),
            "steps": list(self.steps),
            "warnings": list(self.warnings),
        }


def case_events(case: Case, steps: list[LadderStep], counted: CountedFrom | None = None) -> list[Event]:
    """The core.legal events of a case: the day its 3-year periods count from (``counted``: the earlier
    of the 发现扣款日期 and the earliest claim item; the given date alone when not passed) plus every
    taken step that implies one."""
    on, note = (counted.on, counted.note) if counted is not None else (case.discovered_on, "")
    out = [Event("discovered", on, note)] if on else []
    for st in steps:
        k = STEP_KINDS.get(st.kind)
        if st.done and k is not None and k.event is not None:
            out.append(Event(k.event, st.on, st.kind, st.channel or ""))
    return out


def case_dashboard(
    s: Session,
    case_id: int,
    today: date | None = None,
    *,
    demand_workdays: int | None = None,
    near_days: int = 3,
) -> Dashboard:
    """``demand_workdays`` overrides the period; by default the latest demand letter's own (or 7)."""
    case = get_case(s, case_id)
    today = today or now().date()
    steps = list_steps(s, case_id)
    if demand_workdays is None:
        granted = [st.workdays for st in steps if st.done and st.kind == "demand_sent" and st.workdays]
        demand_workdays = granted[-1] if granted else DEMAND_DEFAULT_WORKDAYS
    counted = counted_from(s, case)
    deadlines = deadlines_from_events(
        case_events(case, steps, counted), today, near_days, demand_workdays=demand_workdays
    )
    upcoming = [d for d in deadlines if d.status in ("ok", "near")]
    taken = {st.kind: st.on for st in steps if st.done}
    warnings = []
    if case.discovered_on is None and counted.on is None:
        warnings.append("尚未填写发现扣款的日期：填写后才能计算诉讼时效和12315投诉期限。")
    elif case.discovered_on is None:
        warnings.append(
            f"尚未填写发现扣款的日期：诉讼时效和12315投诉期限暂按最早的主张项日期（{counted.on}）计算，"
            "请填写发现扣款的日期。"
        )
    elif counted.moved:
        warnings.append(
            f"主张项中最早的日期（{counted.on}）早于填写的发现扣款日期"
            f"（{case.discovered_on.isoformat()}）：诉讼时效和12315投诉期限自知道或者应当知道权利受到损害之日"
            "起算，已按较早的日期计算；请核对发现日期。"
        )
    if any(d.provisional for d in deadlines):
        warnings.append(
            "部分期限按暂定节假日安排计算（尚无当年国务院放假通知），标注“暂定”，请在通知发布后核对。"
        )
    return Dashboard(
        case.id,
        case.stage,
        today,
        deadlines,
        upcoming[0] if upcoming else None,
        _next_steps(taken, {d.key: d for d in deadlines}),
        [step_summary(st) for st in steps],
        warnings,
    )


def dashboard(profile: Profile, case_id: int, today: date | None = None, **kw: Any) -> Dashboard:
    """:func:`case_dashboard` in its own session of ``profile``."""
    with profile.session() as s:
        return case_dashboard(s, case_id, today, **kw)


_PUBLIC_SITES = "可同时在黑猫投诉、聚投诉发布投诉（公开平台，上传前请遮盖身份证号、手机号和住址）。"
_SUE = "准备起诉：生成民事起诉状和证据目录，向被告住所地或你的住所地（网络交付的合同履行地）法院起诉。"


def _next_steps(taken: dict[str, date], dl: dict[str, Deadline]) -> list[str]:
    """What to do next, from the steps taken and the deadlines' states."""
    if "resolved" in taken:
        return ["纠纷已解决。请保留全部证据和退款记录，以备日后核对。"]
    out: list[str] = []
    lim = dl.get("limitation")
    if lim is not None and not lim.done and lim.status in ("near", "past"):
        out.append(f"诉讼时效将于{lim.due.isoformat()}届满：请尽快起诉或再次发出书面催告以中断时效。")
    if "lawsuit_filed" in taken:
        fee = dl.get("court_fee_payment")
        if fee is not None and not fee.done:
            out.append(f"在{fee.due.isoformat()}前交纳诉讼费（接到通知次日起7日内），逾期可能按撤诉处理。")
        else:
            out.append("等待法院立案、交费和开庭通知；按通知提交证据，开庭时带上手机等原始载体以便核对原件。")
        return out
    if "complaint_12315_filed" in taken:
        acc, med = dl.get("12315_acceptance"), dl.get("12315_mediation")
        if "complaint_12315_rejected" in taken:
            out.append("12315不予受理：" + _SUE)
        elif "mediation_ended" in taken:
            out.append("12315调解已结束。如仍未退款，" + _SUE)
        elif "complaint_12315_accepted" in taken and med is not None:
            if med.status == "past":
                out.append(f"12315调解期限已于{med.due.isoformat()}届满：可要求终止调解，" + _SUE)
            else:
                out.append(
                    f"12315已受理，等待调解（最迟至{med.due.isoformat()}）；保持电话畅通，调解不成可起诉。"
                )
        elif acc is not None and acc.status == "past":
            out.append(f"12315受理决定期限已过（{acc.due.isoformat()}）：登录12315查看进度或致电12315询问。")
        elif acc is not None:
            out.append(f"等待12315决定是否受理（至{acc.due.isoformat()}）。")
        if not {"heimao_filed", "jutousu_filed"} & taken.keys():
            out.append(_PUBLIC_SITES)
        return out
    demand = dl.get("demand_reply")
    if demand is None:
        if {"heimao_filed", "jutousu_filed", "payment_complaint_filed"} & taken.keys():
            out.append("向12315投诉（需要运营主体的名称、地址和你的退款诉求），投诉同时中断诉讼时效。")
        out.append(
            "发出书面退款要求（催告函）：写明余额、扣款经过和法律依据，给出3–7个工作日的期限，"
            "并保存发送记录（截图、邮件或快递单号）。"
        )
    elif demand.done:
        out.append("平台已答复。如仍未退款，向12315投诉；" + _PUBLIC_SITES)
    elif demand.status == "past":
        out.append(f"催告期限已于{demand.due.isoformat()}届满而平台未处理：向12315投诉；" + _PUBLIC_SITES)
    else:
        out.append(f"等待平台答复（期限至{demand.due.isoformat()}）；继续保存与客服的聊天记录。")
    return out


__all__ = [
    "STEP_KINDS",
    "Dashboard",
    "LadderError",
    "StepKind",
    "case_dashboard",
    "case_events",
    "dashboard",
    "edit_step",
    "get_step",
    "list_steps",
    "record_step",
    "remove_step",
    "step_kind_code",
    "step_summary",
]
