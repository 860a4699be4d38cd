"""The case's money, one source of truth: the reconciliation of its bills over the counterparty checklist,
its claim items, and the warnings that compare them.

The CLI (``kami claim list``, ``kami bill counterparties``), the GUI, the documents and the binder all
read ``case_money`` / ``counterparty_list``; nothing else re-parses a bill or sums rows on its own.
The claim is the principal of the claim items. The bills' net paid (付款 − 退款 to the platform) is shown
beside it as context and becomes the claim only when the user says so (``apply_net_paid`` with
``net_paid_is_the_loss=True``), as one item that names the rows it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kami_desktop.core.bills.counterparties import Decision, record_choices
from kami_desktop.core.bills.counterparties import platform_rule as case_platform_rule
from kami_desktop.core.bills.platform import counterparty_key, entity_name, name_key
from kami_desktop.core.bills.reconcile import PAYMENT, REFUND, reconcile
from kami_desktop.core.bills.store import (
    BillStoreError,
    BlobPath,
    CaseReconciliation,
    case_transactions,
    reconcile_stored,
)
from kami_desktop.core.case import claim_drafts, claims
from kami_desktop.core.case.cases import get_case
from kami_desktop.core.case.claim_drafts import ClaimDraft
from kami_desktop.core.case.claims import ClaimView
from kami_desktop.core.store.model import ClaimItem
from kami_desktop.core.util.money import money_str

ZERO = Decimal("0.00")


def yuan(d: Decimal) -> str:
    return f"¥{d:,.2f}"


# ----------------------------------------------------------------------------- the counterparty checklist
@dataclass
class Counterparty:
    name: str  # as the bill writes it
    account: str
    rows: int
    paid: Decimal
    refunded: Decimal
    selected: bool
    why: str
    key: tuple[str, str] = ("", "")
    examples: list[str] = field(default_factory=list)  # a few 商品说明, to recognise it
    origin: str = ""  # of the stored choice: user | keyword:<old keyword>; "" when none is stored

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "account": self.account,
            "rows": self.rows,
            "paid": money_str(self.paid),
            "refunded": money_str(self.refunded),
            "selected": self.selected,
            "why": self.why,
            "examples": list(self.examples),
        }


@dataclass
class CounterpartyList:
    counterparties: list[Counterparty]
    paid: Decimal
    refunded: Decimal
    net: Decimal
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "counterparties": [c.to_json() for c in self.counterparties],
            "paid": money_str(self.paid),
            "refunded": money_str(self.refunded),
            "net": money_str(self.net),
            "warnings": list(self.warnings),
        }


def counterparty_list(s: Session, case_id: int, blob_path: BlobPath | None = None) -> CounterpartyList:
    """Every counterparty of the case's bills with its rows and sums, selected ones first. A group's sums are
    what its rows would add if it were the platform; the totals are those of the case reconciliation."""
    rule = case_platform_rule(s, case_id)
    pairs = case_transactions(s, case_id, blob_path)
    txs = [t for t, _ in pairs]
    recon = reconcile_stored(s, case_id, rule, blob_path)
    every = reconcile(txs, [t.counterparty for t in txs if t.counterparty.strip()])  # each group as if chosen
    groups: dict[tuple[str, str], Counterparty] = {}
    for t in txs:
        key = counterparty_key(t)
        g = groups.get(key)
        if g is None:
            selected, why = rule.decide(*key)
            choice = rule.choices.get(key)
            g = groups[key] = Counterparty(
                t.counterparty.strip(),
                key[1],
                0,
                ZERO,
                ZERO,
                selected,
                why,
                key,
                origin=choice.origin if choice else "",
            )
        g.rows += 1
        if t.description and len(g.examples) < 3 and t.description not in g.examples:
            g.examples.append(t.description)
    for r in every.rows:
        g = groups.get(counterparty_key(r.transaction))
        if g is None:
            continue
        if r.role == PAYMENT:
            g.paid += r.counted
            g.refunded += r.status_refund
        elif r.role == REFUND:
            g.refunded += r.counted
    out = sorted(groups.values(), key=lambda g: (not g.selected, -g.paid, g.name, g.account))
    warnings = []
    blank = groups.get(("", ""))
    if blank is not None:
        warnings.append(
            f"有 {blank.rows} 笔交易没有写明交易对方，不能计入；导出支付宝账单时请打开“展示交易对手信息”。"
        )
    if txs and not any(g.selected for g in out):
        warnings.append("还没有选择平台：请在清单中勾选平台（收款方）在账单中的名称。")
    return CounterpartyList(out, recon.paid, recon.refunded, recon.net, warnings)


def _groups_named(lst: CounterpartyList, name: str) -> list[Counterparty]:
    wanted = name_key(name)
    hits = [c for c in lst.counterparties if c.key[0] == wanted and c.key[0]]
    if not hits:
        hits = [c for c in lst.counterparties if c.key[0] and entity_name(c.key[0]) == entity_name(name)]
    return hits


def select_counterparties(
    s: Session,
    case_id: int,
    select: Iterable[str] = (),
    deselect: Iterable[str] = (),
    blob_path: BlobPath | None = None,
) -> CounterpartyList:
    """Confirm counterparties (by name, every account under it) as the platform or not; stored as the
    user's choices, recorded in the ledger. An unknown name changes nothing and is reported."""
    select, deselect = [n for n in select if n.strip()], [n for n in deselect if n.strip()]
    both = {name_key(n) for n in select} & {name_key(n) for n in deselect}
    if both:
        raise BillStoreError(f"同一个交易对方不能既选中又取消：{'、'.join(sorted(both))}")
    lst = counterparty_list(s, case_id, blob_path)
    decisions: list[Decision] = []
    for names, on in ((select, True), (deselect, False)):
        for n in names:
            hits = _groups_named(lst, n)
            if not hits:
                known = "、".join(c.name for c in lst.counterparties[:8] if c.name)
                raise BillStoreError(
                    f"本案的账单中没有交易对方“{n}”。账单中的交易对方有：{known or '（无）'}"
                )
            decisions += [Decision(c.key[0], c.key[1], c.name, on) for c in hits]
    record_choices(s, case_id, decisions)
    return counterparty_list(s, case_id, blob_path)


def choose_counterparties(
    s: Session,
    case_id: int,
    chosen: Iterable[tuple[str, str, bool]],
    blob_path: BlobPath | None = None,
) -> CounterpartyList:
    """The checklist's answer: (name key, account, selected) per group, exactly as ``counterparty_list``
    keys them (the GUI's checkboxes). A group that is not in the case's bills changes nothing."""
    lst = counterparty_list(s, case_id, blob_path)
    groups = {c.key: c for c in lst.counterparties}
    decisions = []
    for name, account, on in chosen:
        c = groups.get((name, account))
        if c is None:
            raise BillStoreError(f"本案的账单中没有交易对方“{name}”{f'（{account}）' if account else ''}。")
        if on and not name:
            raise BillStoreError("没有写明交易对方的交易不能计入平台交易。")
        decisions.append(Decision(name, account, c.name, bool(on)))
    record_choices(s, case_id, decisions)
    return counterparty_list(s, case_id, blob_path)


# ----------------------------------------------------------------------------- the case's money
@dataclass
class CaseMoney:
    recon: CaseReconciliation
    items: list[ClaimView]
    principal: Decimal
    claimed_amount: Decimal | None  # what the case records (set by ``claim apply`` or by hand)
    warnings: list[str] = field(default_factory=list)

    @property
    def has_bills(self) -> bool:
        return bool(self.recon.bills)

    @property
    def net_paid(self) -> Decimal | None:
        return self.recon.net if self.has_bills else None

    @property
    def claim(self) -> Decimal | None:
        """The amount the documents claim: the items' principal, else a hand-set claimed amount."""
        return self.principal if self.items else self.claimed_amount

    @property
    def context(self) -> str:
        """'充值合计 ¥2,148.00，已退 ¥350.00，净付款 ¥1,798.00；主张 ¥837.50（2 项），其余 ¥960.50 未主张'."""
        if not self.has_bills:
            return "尚未导入账单。"
        text = (
            f"向平台付款（充值）合计 {yuan(self.recon.paid)}，已退 {yuan(self.recon.refunded)}，"
            f"净付款 {yuan(self.recon.net)}"
        )
        if self.items:
            text += f"；主张 {yuan(self.principal)}（{len(self.items)} 项）"
            rest = self.recon.net - self.principal
            if rest > 0:
                text += f"，其余 {yuan(rest)} 为已消费（已交付）或未主张的部分"
        return text + "。"

    def to_json(self) -> dict[str, Any]:
        return {
            "items": [i.to_json() for i in self.items],
            "principal": money_str(self.principal),
            "net_paid": None if self.net_paid is None else money_str(self.net_paid),
            "paid": money_str(self.recon.paid),
            "refunded": money_str(self.recon.refunded),
            "claimed_amount": None if self.claimed_amount is None else money_str(self.claimed_amount),
            "claim": None if self.claim is None else money_str(self.claim),
            "context": self.context,
            "warnings": list(self.warnings),
        }


def case_money(s: Session, case_id: int, blob_path: BlobPath | None = None) -> CaseMoney:
    case = get_case(s, case_id)
    recon = reconcile_stored(s, case_id, None, blob_path)
    items = claims.list_items(s, case_id)
    money = CaseMoney(recon, items, claims.principal(items), case.claimed_amount)
    money.warnings = _warnings(money)
    return money


def _warnings(m: CaseMoney) -> list[str]:
    out = claims.item_warnings(m.items)
    counted = {r.bill_row_id for r in m.recon.stored if r.role == PAYMENT} | set(m.recon.duplicate_row_ids)
    for i in m.items:
        for e in i.evidence:
            if e.kind == "bill_row" and e.id is not None and e.state == "ok" and e.id not in counted:
                out.append(
                    f"主张项 {i.id} 关联的{e.label}不是计入的平台付款（其交易对方没有选为平台），请核对。"
                )
    if m.items and m.net_paid is not None and m.principal > m.net_paid:
        out.append(
            f"主张本金 {yuan(m.principal)} 超过账单显示的净付款 {yuan(m.net_paid)}（{m.context.rstrip('。')}）："
            "请核对是否还有未导入的账单、平台是否选全，或某一项的金额是否有误。"
        )
    if not m.items and m.claimed_amount is not None:
        out.append(
            f"主张金额 {yuan(m.claimed_amount)} 是手工填写的，没有主张项说明它由哪些款项组成；文书将按此金额书写。"
            "请逐项添加主张项（每一笔要求退还的款项及其证据）。"
        )
    elif m.items and m.claimed_amount is not None and m.claimed_amount != m.principal:
        out.append(
            f"案件记录的主张金额 {yuan(m.claimed_amount)} 与主张项合计 {yuan(m.principal)} 不一致；"
            f"文书按主张项合计 {yuan(m.principal)} 书写。请“设为主张金额”（kami claim apply）使两者一致。"
        )
    elif not m.items:
        out.append("本案还没有主张项：请逐项添加要求退还的款项及其证据。")
    return out


# ----------------------------------------------------------------------------- claim items from bill rows
def refunded_on(recon: CaseReconciliation, bill_row_id: int) -> Decimal | None:
    """What the case reconciliation counts as refunded on this payment row (None: not a counted payment)."""
    payment = next((r for r in recon.stored if r.bill_row_id == bill_row_id and r.role == PAYMENT), None)
    if payment is None:
        return None
    return min(payment.refunded, payment.transaction.amount)


def draft_from_bill_row(s: Session, row_id: int, blob_path: BlobPath | None = None) -> ClaimDraft:
    draft = claim_drafts.draft_from_bill_row(s, row_id)
    back = refunded_on(reconcile_stored(s, draft.case_id, None, blob_path), row_id)
    if back is not None:
        draft.refunded = back
    return draft


def draft_from(
    s: Session,
    case_id: int,
    *,
    exhibit_ids: Iterable[int] = (),
    bill_row_ids: Iterable[int] = (),
    chat_message_ids: Iterable[int] = (),
    blob_path: BlobPath | None = None,
) -> ClaimDraft | None:
    """The draft of the first piece of evidence given (a bill row, else a message, else an exhibit)."""
    rows, msgs, exs = list(bill_row_ids), list(chat_message_ids), list(exhibit_ids)
    if rows:
        draft = draft_from_bill_row(s, int(rows[0]), blob_path)
    elif msgs:
        draft = claim_drafts.draft_from_chat_message(s, int(msgs[0]))
    elif exs:
        draft = claim_drafts.draft_from_exhibit(s, int(exs[0]))
    else:
        return None
    if draft.case_id != case_id:
        raise claims.ClaimError("这份证据不属于本案件。")
    draft.bill_row_ids, draft.chat_message_ids, draft.exhibit_ids = rows, msgs, exs
    if len(rows) > 1 or (not rows and len(msgs) > 1):  # several amounts: the total is the user's to state
        draft.amount, draft.refunded = None, ZERO
    return draft


def add_claim(
    s: Session,
    case_id: int,
    kind: str,
    amount: Any = None,
    on: Any = None,
    *,
    reason: str | None = None,
    description: str | None = None,
    refunded: Any = None,
    exhibit_ids: Iterable[int] = (),
    bill_row_ids: Iterable[int] = (),
    chat_message_ids: Iterable[int] = (),
    blob_path: BlobPath | None = None,
) -> ClaimItem:
    """Add an item; what is not given (amount, date, refunded part, description) comes from the one piece of
    evidence it is made from (a bill row's amount and date, a message's date …)."""
    get_case(s, case_id)
    draft = draft_from(
        s,
        case_id,
        exhibit_ids=exhibit_ids,
        bill_row_ids=bill_row_ids,
        chat_message_ids=chat_message_ids,
        blob_path=blob_path,
    )
    if draft is None:
        if amount in (None, "") or on in (None, ""):
            raise claims.ClaimError(
                "请写明金额（--amount）和日期（--on），或从一笔账单、一条消息或一件证据生成。"
            )
        return claims.add_item(
            s,
            case_id,
            kind,
            amount,
            on,
            reason=reason or "",
            description=description or "",
            refunded=refunded or "0",
        )
    return claim_drafts.add_from_draft(
        s, draft, kind=kind, amount=amount, on=on, reason=reason, description=description, refunded=refunded
    )


def apply_net_paid(
    s: Session, case_id: int, *, net_paid_is_the_loss: bool = False, blob_path: BlobPath | None = None
) -> CaseMoney:
    """Make the bills' net paid the claim — only when the user states that it is the loss: then as one claim
    item (付款 − 已退) linked to every counted payment row, and the claimed amount set from the items."""
    if not net_paid_is_the_loss:
        raise BillStoreError(
            "净付款（付款 − 退款）不等于损失：已经交付的消费不能要求退还。请逐项添加主张项（kami claim add），"
            "再用 kami claim apply 设定主张金额。如果确认全部净付款都是损失，请加 --net-paid-is-the-loss。"
        )
    money = case_money(s, case_id, blob_path)
    recon = money.recon
    if money.items:
        raise BillStoreError("本案已有主张项，不能再把净付款整体设为主张；请在主张项中修改。")
    if not recon.terms:
        raise BillStoreError("还没有选择哪些交易对方是平台，无法计算净付款。")
    payments = [r for r in recon.stored if r.role == PAYMENT]
    if not payments:
        raise BillStoreError("账单中没有找到向平台付款的记录，无法计算净付款。")
    if recon.net <= 0:
        raise BillStoreError(f"退款不少于付款（净付款 {yuan(recon.net)}），没有可以主张的金额。")
    claims.add_item(
        s,
        case_id,
        "other",
        recon.paid,
        max(p.transaction.time for p in payments),
        refunded=recon.refunded,
        description=(
            f"向平台付款 {len(payments)} 笔合计 {yuan(recon.paid)}，平台已退 {yuan(recon.refunded)}；"
            "本人确认净付款全部未获交付。"
        ),
        bill_row_ids=[p.bill_row_id for p in payments],
        origin="net_paid",
    )
    claims.apply_principal(s, case_id)
    return case_money(s, case_id, blob_path)
