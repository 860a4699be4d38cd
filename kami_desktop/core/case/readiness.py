"""Case readiness: the evidence classes the seed article names, each present / weak / missing.

1. 资金流水 — a payment bill; a bill marked personal_only (个人对账版) or payment screenshots alone are
   weak (证据规定 art 90: a lone screenshot cannot alone prove a fact): ask for the official 交易流水证明.
2. 平台交互 — chats or interaction exhibits, including proof that a refund was asked for (a 申请退款 fact,
   a written demand step, or a refund message the user sent).
3. 未交付证明 — 充值失败提示, unfinished orders, 卡密 never received.
4. 运营主体 — an operator party with a valid 统一社会信用代码 and a linked 营业执照 / ICP备案 exhibit.
   Then each defendant: its basis for being sued and its registration record (a 国家企业信用信息公示系统
   report; a third-party screenshot or licence photo is weak).
5. 平台规则 — the platform's agreement and balance / refund rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.case.parties import check_field
from kami_desktop.core.case.party_basis import effective_basis
from kami_desktop.core.store.model import (
    Bill,
    Chat,
    ChatMessage,
    Exhibit,
    Fact,
    FactExhibit,
    LadderStep,
    Party,
    PartyExhibit,
)
from kami_desktop.core.vocab import CHAT_WORDS

PRESENT, WEAK, MISSING = "present", "weak", "missing"
STATUS_LABELS = {PRESENT: "已具备", WEAK: "较弱", MISSING: "缺少"}
OFFICIAL_WORDS = ("交易流水证明", "交易明细证明", "流水证明", "银行流水", "对账单")


@dataclass(frozen=True)
class ReadinessItem:
    key: str
    label: str
    status: str  # present | weak | missing
    detail: str  # what was found (Chinese)
    todo: str  # what to do next (Chinese; '' when nothing)
    exhibit_ids: tuple[int, ...] = ()

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "status": self.status,
            "status_label": self.status_label,
            "detail": self.detail,
            "todo": self.todo,
            "exhibit_ids": list(self.exhibit_ids),
        }


@dataclass(frozen=True)
class Readiness:
    case_id: int
    items: tuple[ReadinessItem, ...]

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def ready(self) -> bool:
        return self.count(MISSING) == 0

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "ready": self.ready,
            "present": self.count(PRESENT),
            "weak": self.count(WEAK),
            "missing": self.count(MISSING),
            "items": [i.to_json() for i in self.items],
        }


class _Case:
    """The case's live evidence, loaded once."""

    def __init__(self, s: Session, case_id: int) -> None:
        self.s, self.case_id = s, case_id
        self.exhibits = list(
            s.scalars(select(Exhibit).where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None)))
        )
        live = [e.id for e in self.exhibits]
        self.bills = list(s.scalars(select(Bill).where(Bill.exhibit_id.in_(live)))) if live else []
        self.chats = list(s.scalars(select(Chat).where(Chat.exhibit_id.in_(live)))) if live else []

    def category(self, code: str) -> list[Exhibit]:
        return [e for e in self.exhibits if e.category == code]


def _ids(exhibits: Iterable[Exhibit | int]) -> tuple[int, ...]:
    return tuple(sorted({e.id if isinstance(e, Exhibit) else int(e) for e in exhibits}))


def _funds(c: _Case) -> ReadinessItem:
    label = "资金流水"
    full = [b for b in c.bills if not b.personal_only]
    personal = [b for b in c.bills if b.personal_only]
    # an official statement is recognised by its title or tags, never by a note: a personal-only bill's
    # advice (and, in databases older than 0007, its notes) asks for a 交易流水证明, which is not having one
    personal_ids = {b.exhibit_id for b in personal}
    official = [
        e
        for e in c.category("funds")
        if e.id not in personal_ids and any(w in " ".join([e.title, *e.tags]) for w in OFFICIAL_WORDS)
    ]
    bill_ids = _ids(b.exhibit_id for b in c.bills)
    if full or official:
        found = [f"{len(full)}份账单"] if full else []
        found += [f"{len(official)}份交易流水证明"] if official else []
        return ReadinessItem(
            "funds",
            label,
            PRESENT,
            "已有" + "、".join(found) + "。",
            "",
            _ids([*official, *(b.exhibit_id for b in full)]),
        )
    if personal:
        return ReadinessItem(
            "funds",
            label,
            WEAK,
            "只有个人对账版账单（账单注明“仅供个人对账使用”），作为证据较弱。",
            "向支付宝申请“交易流水证明”或向微信支付申请“交易明细证明”（选择用作证明材料，而不是个人对账），导入本案。",
            bill_ids,
        )
    shots = c.category("funds")
    if shots:
        return ReadinessItem(
            "funds",
            label,
            WEAK,
            f"只有{len(shots)}件付款截图，没有账单；单独的截图证明力较弱。",
            "从支付宝或微信支付导出账单并导入；金额较大时申请官方交易流水证明。",
            _ids(shots),
        )
    return ReadinessItem(
        "funds",
        label,
        MISSING,
        "还没有充值付款的记录。",
        "导入支付宝或微信支付账单（或付款详情截图），显示扣款金额、时间和收款方。",
    )


def _interaction(c: _Case) -> ReadinessItem:
    label = "平台交互（含退款申请）"
    s = c.s
    evidence = c.category("interaction") + [
        e for e in c.exhibits if e.id in {ch.exhibit_id for ch in c.chats}
    ]
    requests = list(s.scalars(select(Fact).where(Fact.case_id == c.case_id, Fact.kind == "refund_request")))
    linked = s.scalars(
        select(FactExhibit.exhibit_id).where(FactExhibit.fact_id.in_([f.id for f in requests]))
    ).all()
    demands = s.scalar(
        select(func.count())
        .select_from(LadderStep)
        .where(
            LadderStep.case_id == c.case_id,
            LadderStep.done.is_(True),
            LadderStep.kind.in_(("demand_sent", "demand_delivered")),
        )
    )
    asked_in_chat = 0
    if c.chats:
        asked_in_chat = (
            s.scalar(
                select(func.count())
                .select_from(ChatMessage)
                .where(
                    ChatMessage.chat_id.in_([ch.id for ch in c.chats]),
                    ChatMessage.is_me.is_(True),
                    or_(*[ChatMessage.text.contains(w) for w in CHAT_WORDS]),
                )
            )
            or 0
        )
    ids = _ids([*evidence, *linked])
    proof = bool(requests or demands or asked_in_chat)
    if evidence and proof:
        how = (
            "时间线中已记录退款申请"
            if requests
            else "已发出书面催告"
            if demands
            else "聊天记录中有你要求退款的消息（建议在时间线中确认为“申请退款”）"
        )
        return ReadinessItem("interaction", label, PRESENT, f"已有{len(ids)}件交互证据；{how}。", "", ids)
    if evidence:
        return ReadinessItem(
            "interaction",
            label,
            WEAK,
            f"已有{len(ids)}件交互证据，但还不能证明你提出过退款申请。",
            "在客服对话中明确要求退款并截图，或发出书面催告函；然后在时间线中记录“申请退款”。",
            ids,
        )
    if proof:
        return ReadinessItem(
            "interaction",
            label,
            WEAK,
            "已记录退款申请或书面催告，但没有对应的聊天记录或工单截图。",
            "导入与客服的聊天记录（连续、含对方账号页面）或投诉工单截图，并关联到“申请退款”事实。",
            ids,
        )
    return ReadinessItem(
        "interaction",
        label,
        MISSING,
        "还没有与平台交互的证据。",
        "导入与客服的聊天记录、工单截图，证明你已要求退款而平台未妥善处理。",
    )


def _non_delivery(c: _Case) -> ReadinessItem:
    label = "未交付证明"
    shots = c.category("non_delivery")
    if shots:
        return ReadinessItem(
            "non_delivery", label, PRESENT, f"已有{len(shots)}件未交付证明。", "", _ids(shots)
        )
    facts = c.s.scalar(
        select(func.count())
        .select_from(Fact)
        .where(Fact.case_id == c.case_id, Fact.kind.in_(("non_delivery", "deduction")))
    )
    if facts:
        return ReadinessItem(
            "non_delivery",
            label,
            WEAK,
            "时间线中记录了扣款或未到账，但没有对应的证据。",
            "截图充值失败提示、订单未完成状态或未收到卡密的页面，导入为“未交付证明”。",
        )
    return ReadinessItem(
        "non_delivery",
        label,
        MISSING,
        "还没有证明商品或服务未交付的证据。",
        "截图充值失败提示、订单未完成状态、虚拟卡密未收到的页面。",
    )


def _identity(c: _Case) -> ReadinessItem:
    label = "运营主体身份"
    s = c.s
    operators = list(s.scalars(select(Party).where(Party.case_id == c.case_id, Party.role == "operator")))
    unlinked = c.category("identity")
    if not operators:
        return ReadinessItem(
            "identity",
            label,
            MISSING,
            "还没有填写平台的运营主体。",
            "在平台网站底部找到公司名称和ICP备案号，到工信部ICP备案系统或国家企业信用信息公示系统核实，"
            "然后在“当事人”中添加运营主体。",
            _ids(unlinked),
        )
    live = {e.id for e in c.exhibits}
    ranked = []
    for op in operators:
        chk = check_field("uscc", op.uscc)
        valid = chk is not None and chk.valid
        links = [
            (pe.exhibit_id, pe.kind)
            for pe in s.scalars(select(PartyExhibit).where(PartyExhibit.party_id == op.id))
            if pe.exhibit_id in live
        ]
        proof = any(k in ("gsxt", "licence", "third_party", "icp") for _, k in links)
        ranked.append((2 * valid + proof, -op.id, op.name, valid, proof, _ids(i for i, _ in links)))
    _, _, name, valid, proof, ids = max(ranked)
    if valid and proof:
        return ReadinessItem(
            "identity", label, PRESENT, f"运营主体“{name}”的代码有效，并有营业执照或备案证据。", "", ids
        )
    gaps = [
        g for g, ok in (("有效的统一社会信用代码", valid), ("关联营业执照或ICP备案截图", proof)) if not ok
    ]
    todo = f"为运营主体“{name}”补充：" + "、".join(gaps) + "。"
    if unlinked and not proof:
        todo += f"本案有{len(unlinked)}件“主体信息”类证据，可在当事人中关联到运营主体。"
    return ReadinessItem("identity", label, WEAK, f"已填写运营主体“{name}”，但身份证据不完整。", todo, ids)


def _defendants(c: _Case) -> list[ReadinessItem]:
    """One item per defendant: its basis, and its registration record (登记信息) — a 国家企业信用信息公示系统
    report is preferred; a third-party lookup screenshot or a licence photo is weaker."""
    out = []
    live = {e.id for e in c.exhibits}
    defendants = c.s.scalars(
        select(Party).where(Party.case_id == c.case_id, Party.is_defendant.is_(True)).order_by(Party.id)
    )
    for p in defendants:
        label = f"被告身份：{p.name}"
        links = [
            (pe.exhibit_id, pe.kind)
            for pe in c.s.scalars(select(PartyExhibit).where(PartyExhibit.party_id == p.id))
            if pe.exhibit_id in live
        ]
        ids = _ids(i for i, _ in links)
        kinds = {k for _, k in links}
        basis = effective_basis(p.basis or "", p.role)
        todo = []
        if not basis:
            todo.append(
                "在当事人中为其选择被诉依据（运营者、收款方且为实际经营者、平台未能提供经营者真实信息或共同经营）"
            )
        if "gsxt" in kinds:
            status, detail = PRESENT, "已有国家企业信用信息公示系统的登记信息。"
        elif kinds & {"licence", "third_party", "icp"}:
            status, detail = WEAK, "只有营业执照照片、第三方查询截图或ICP备案截图。"
            todo.append(
                "到国家企业信用信息公示系统（www.gsxt.gov.cn）查询并打印或下载其企业信用信息报告，"
                "导入后关联为“国家企业信用信息公示系统报告”（官方来源，优于第三方截图）"
            )
        else:
            status, detail = MISSING, "还没有其登记信息的证据。"
            todo.append(
                "到国家企业信用信息公示系统（www.gsxt.gov.cn）查询其名称、统一社会信用代码、住所和法定代表人，"
                "下载企业信用信息报告，导入后在当事人中关联为“国家企业信用信息公示系统报告”"
            )
        if status == PRESENT and not basis:
            status = WEAK
        out.append(
            ReadinessItem(
                f"defendant:{p.id}", label, status, detail, "；".join(todo) + ("。" if todo else ""), ids
            )
        )
    return out


def _rules(c: _Case) -> ReadinessItem:
    label = "平台规则"
    shots = c.category("rules")
    if shots:
        return ReadinessItem("rules", label, PRESENT, f"已有{len(shots)}件平台规则证据。", "", _ids(shots))
    return ReadinessItem(
        "rules",
        label,
        MISSING,
        "还没有平台规则页面。",
        "截图或保存平台用户协议、余额使用和退款规则页面（特别是余额有效期、扣款、"
        "“虚拟商品概不退款”等条款），导入为“平台规则”。",
    )


def readiness(s: Session, case_id: int) -> Readiness:
    """The checklist for a case, in the seed article's order."""
    get_case(s, case_id)
    c = _Case(s, case_id)
    items = (_funds(c), _interaction(c), _non_delivery(c), _identity(c), *_defendants(c), _rules(c))
    return Readiness(case_id, items)


__all__ = ["MISSING", "PRESENT", "STATUS_LABELS", "WEAK", "Readiness", "ReadinessItem", "readiness"]
