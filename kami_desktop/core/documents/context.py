"""Everything a document needs from one case, read once from the database into plain objects.

Reads the ORM directly (cases, parties, live exhibits in binder order, facts with their exhibits and
bill rows, ladder steps), so the documents do not depend on the modules that edit those rows. The money
comes from the one source of truth, ``core.bills.money.case_money``: the claim is the principal of the
claim items (else a hand-set claimed amount, with a warning), the bills' net paid is context only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kami_desktop.core.bills.money import case_money
from kami_desktop.core.case.cases import case_causes, get_case
from kami_desktop.core.case.parties import id_number_facts
from kami_desktop.core.evidence.advice import advice_by_exhibit, court_notes
from kami_desktop.core.evidence.exhibits import list_exhibits
from kami_desktop.core.evidence.times import chat_times, screen_texts, time_label
from kami_desktop.core.store.model import BillRow, Fact, LadderStep, Party
from kami_desktop.core.util.timeutil import CHINA_TZ

# Fact and ladder-step kinds are free text written by other parts of the app; these aliases cover the
# English codes and the Chinese words they may use.
TOPUP_KINDS = {"topup", "top_up", "recharge", "payment", "pay", "充值", "支付", "付款"}
DEDUCTION_KINDS = {"deduction", "deduct", "debit", "扣款", "扣除"}
REFUND_REQUEST_KINDS = {"refund_request", "request_refund", "申请退款", "要求退款"}
DEMAND_STEP_KINDS = {
    "demand_sent",
    "demand",
    "demand_letter",
    "demand_letter_sent",
    "催告函发出",
    "发出催告函",
}

FACT_KIND_LABELS = {  # the codes of core.case.facts.FACT_KINDS plus a few older spellings
    "recharge": "充值",
    "topup": "充值",
    "payment": "付款",
    "deduction": "扣款",
    "non_delivery": "未到账/未交付",
    "refund_request": "申请退款",
    "platform_reply": "平台答复",
    "reply": "平台答复",
    "refund": "退款",
    "complaint": "投诉",
    "lawsuit": "起诉",
    "other": "其他",
    "demand_sent": "发出催告函",
}


@dataclass
class PartyInfo:
    id: int
    role: str
    name: str
    uscc: str = ""
    icp: str = ""
    address: str = ""
    legal_representative: str = ""
    legal_rep_title: str = ""
    phone: str = ""
    website: str = ""
    is_defendant: bool = False
    notes: str = ""
    id_number: str = ""
    gender: str = ""
    birth_date: date | None = None
    ethnicity: str = ""
    occupation: str = ""
    basis: str = ""  # why this party is sued (core.case.party_basis.BASES); '' when not chosen


@dataclass
class FileInfo:
    id: int
    sha256: str
    name: str
    media_type: str
    size: int
    width: int | None
    height: int | None


@dataclass
class ExhibitInfo:
    id: int
    number: int  # 1-based binder number among the live exhibits
    title: str
    category: str
    purpose: str
    source: str
    captured_at: datetime | None
    notes: str  # the user's notes for the court (advice lines removed)
    files: list[FileInfo] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)  # the product's advice: never printed on a court copy
    time_label: str = "取证时间"  # where captured_at came from (evidence.times)

    @property
    def is_image(self) -> bool:
        return any(f.media_type.startswith("image/") for f in self.files)


@dataclass
class FactInfo:
    id: int
    occurred_at: datetime
    kind: str
    description: str
    disputed: bool
    exhibit_numbers: list[int] = field(default_factory=list)
    order_ids: list[str] = field(default_factory=list)
    amount: Decimal | None = None  # from a linked bill row

    @property
    def label(self) -> str:
        return FACT_KIND_LABELS.get(self.kind, self.kind)


@dataclass
class ClaimInfo:
    """One claim item (主张项) as the documents state it."""

    number: int
    kind_label: str
    on: date
    description: str
    amount: Decimal
    refunded: Decimal
    exhibit_numbers: list[int] = field(default_factory=list)
    kind: str = "other"  # core.case.claims.CLAIM_KINDS code
    reason: str = (
        ""  # for 被扣除的余额: auto_renewal / service_fee / expiry / unexplained or the user's words
    )
    order_ids: list[str] = field(default_factory=list)  # the disputed orders (from linked bill rows)

    @property
    def claimed(self) -> Decimal:
        return self.amount - self.refunded


@dataclass
class StepInfo:
    id: int
    kind: str
    on: date
    channel: str
    reference: str
    note: str
    done: bool
    workdays: int | None = None  # a demand letter's answer period, as recorded


@dataclass
class CaseContext:
    case_id: int
    title: str
    platform_name: str
    platform_url: str
    cause_type: str  # the first of ``causes``
    discovered_on: date | None
    claimed_amount: Decimal | None  # the claim: the items' principal, else the hand-set claimed amount
    notes: str
    created_at: datetime
    updated_at: datetime
    parties: list[PartyInfo] = field(default_factory=list)
    exhibits: list[ExhibitInfo] = field(default_factory=list)
    facts: list[FactInfo] = field(default_factory=list)
    steps: list[StepInfo] = field(default_factory=list)
    claim_items: list[ClaimInfo] = field(default_factory=list)  # the claim, item by item
    paid: Decimal | None = None  # the bills: paid to the platform (None: no bill imported)
    refunded: Decimal | None = None
    money_context: str = ""  # '向平台付款（充值）合计 … 已退 … 净付款 …'
    money_warnings: list[str] = field(default_factory=list)
    causes: list[str] = field(default_factory=list)  # every cause of the case, in the user's order

    # ----------------------------------------------------------------- parties
    def by_role(self, role: str) -> list[PartyInfo]:
        return [p for p in self.parties if p.role == role]

    @property
    def self_party(self) -> PartyInfo | None:
        mine = self.by_role("self")
        return mine[0] if mine else None

    @property
    def defendants(self) -> list[PartyInfo]:
        return [p for p in self.parties if p.is_defendant and p.role != "self"]

    @property
    def counterparties(self) -> list[PartyInfo]:
        """Who a letter or complaint is addressed to: the defendants, else the operators, else the payees."""
        return self.defendants or self.by_role("operator") or self.by_role("payee")

    @property
    def operator(self) -> PartyInfo | None:
        ops = [p for p in self.by_role("operator") if p.is_defendant] or self.by_role("operator")
        return ops[0] if ops else (self.counterparties[0] if self.counterparties else None)

    # ----------------------------------------------------------------- facts and steps
    def facts_of(self, kinds: set[str]) -> list[FactInfo]:
        return [f for f in self.facts if f.kind.lower() in kinds]

    @property
    def demand_step(self) -> StepInfo | None:
        found = [s for s in self.steps if s.kind.lower() in DEMAND_STEP_KINDS]
        return max(found, key=lambda s: (s.on, s.id)) if found else None

    @property
    def demand_delivered_on(self) -> date | None:
        """The latest recorded delivery of a demand letter (a taken ``demand_delivered`` step)."""
        found = [s.on for s in self.steps if s.kind.lower() == "demand_delivered" and s.done]
        return max(found) if found else None

    @property
    def order_ids(self) -> list[str]:
        out: list[str] = []
        for f in self.facts_of(TOPUP_KINDS) or self.facts:
            for o in f.order_ids:
                if o and o not in out:
                    out.append(o)
        return out

    @property
    def first_topup(self) -> datetime | None:
        tops = self.facts_of(TOPUP_KINDS)
        return min(f.occurred_at for f in tops) if tops else None

    @property
    def stamp(self) -> datetime:
        """A fixed time for file metadata, derived from the case (changes only when the case does)."""
        return self.updated_at.astimezone(CHINA_TZ)

    def exhibit_by_id(self, exhibit_id: int) -> ExhibitInfo | None:
        return next((e for e in self.exhibits if e.id == exhibit_id), None)


def _party(p: Party) -> PartyInfo:
    facts = id_number_facts(p.id_number) if p.id_number else None
    return PartyInfo(
        id=p.id,
        role=p.role,
        name=p.name or "",
        uscc=p.uscc or "",
        icp=p.icp or "",
        address=p.address or "",
        legal_representative=p.legal_representative or "",
        legal_rep_title=p.legal_rep_title or "",
        phone=p.phone or "",
        website=p.website or "",
        is_defendant=bool(p.is_defendant),
        notes=p.notes or "",
        id_number=p.id_number or "",
        # what the user left blank, the 身份证号 states (a mismatch is the party advice's to point out)
        gender=p.gender or (facts[1] if facts else ""),
        birth_date=p.birth_date or (facts[0] if facts else None),
        ethnicity=p.ethnicity or "",
        occupation=p.occupation or "",
        basis=p.basis or "",
    )


def _bill_row_id(origin: str) -> int | None:
    if origin.startswith("bill:"):
        try:
            return int(origin.split(":", 1)[1])
        except ValueError:
            return None
    return None


def load_context(s: Session, case_id: int) -> CaseContext:
    """Read case ``case_id`` (raises CaseError when it does not exist)."""
    case = get_case(s, case_id)
    ctx = CaseContext(
        case_id=case.id,
        title=case.title or "",
        platform_name=case.platform_name or "",
        platform_url=case.platform_url or "",
        cause_type=case.cause_type or "unknown",
        causes=case_causes(case),
        discovered_on=case.discovered_on,
        claimed_amount=None,  # set below from the claim items
        notes=case.notes or "",
        created_at=case.created_at,
        updated_at=case.updated_at,
    )
    parties = s.scalars(select(Party).where(Party.case_id == case_id).order_by(Party.id))
    ctx.parties = [_party(p) for p in parties]

    numbers: dict[int, int] = {}
    advice = advice_by_exhibit(s, case_id)
    screens = screen_texts(s, case_id)
    chats = chat_times(s, case_id)
    for n, ex in enumerate(list_exhibits(s, case_id), start=1):
        numbers[ex.id] = n
        ctx.exhibits.append(
            ExhibitInfo(
                id=ex.id,
                number=n,
                title=ex.title or "",
                category=ex.category or "other",
                purpose=ex.purpose or "",
                source=ex.source or "",
                captured_at=ex.captured_at,
                time_label=time_label(ex.captured_at, ex.files, screens.get(ex.id, ""), chats.get(ex.id)),
                notes=court_notes(ex.notes or "", advice.get(ex.id, [])),
                advice=list(advice.get(ex.id, [])),
                files=[
                    FileInfo(
                        f.id,
                        f.blob_sha256,
                        f.original_name,
                        f.blob.media_type,
                        f.blob.size,
                        f.width,
                        f.height,
                    )
                    for f in ex.files
                ],
            )
        )

    facts = s.scalars(
        select(Fact)
        .where(Fact.case_id == case_id)
        .order_by(Fact.occurred_at, Fact.id)
        .options(selectinload(Fact.exhibit_links))
    )
    for f in facts:
        info = FactInfo(f.id, f.occurred_at, f.kind or "", f.description or "", bool(f.disputed))
        info.exhibit_numbers = sorted(
            numbers[link.exhibit_id] for link in f.exhibit_links if link.exhibit_id in numbers
        )
        row_id = _bill_row_id(f.origin or "")
        row = s.get(BillRow, row_id) if row_id is not None else None
        if row is not None:
            info.order_ids = [o for o in (row.order_id.strip(), row.merchant_order_id.strip()) if o]
            info.amount = row.amount
        ctx.facts.append(info)

    money = case_money(s, case_id)
    ctx.claimed_amount = money.claim
    ctx.claim_items = [
        ClaimInfo(
            n,
            i.kind_label,
            i.on,
            i.description,
            i.amount,
            i.refunded,
            sorted(numbers[e] for e in i.exhibit_ids if e in numbers),
            kind=i.kind,
            order_ids=_order_ids(s, i.ids_of("bill_row")),
            reason=i.reason,
        )
        for n, i in enumerate(money.items, start=1)
    ]
    if money.has_bills:
        ctx.paid, ctx.refunded = money.recon.paid, money.recon.refunded
        ctx.money_context = money.context
    ctx.money_warnings = list(money.warnings)

    steps = s.scalars(
        select(LadderStep).where(LadderStep.case_id == case_id).order_by(LadderStep.on, LadderStep.id)
    )
    ctx.steps = [
        StepInfo(
            st.id,
            st.kind or "",
            st.on,
            st.channel or "",
            st.reference or "",
            st.note or "",
            bool(st.done),
            st.workdays,
        )
        for st in steps
    ]
    return ctx


def _order_ids(s: Session, row_ids: list[int]) -> list[str]:
    """The order numbers of a claim item's bill rows: the merchant's (the platform's order) when the bill
    has one, else the payment's transaction number."""
    rows = [s.get(BillRow, i) for i in row_ids]
    return [o for r in rows if r is not None and (o := (r.merchant_order_id or r.order_id).strip())]
