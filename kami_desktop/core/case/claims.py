"""Claim items (主张项): what the user claims back, item by item, each with the evidence that shows it.

The claimed principal is the sum over the items of ``amount − refunded``. An item has a kind (未到账的
充值, 被扣除的余额 with its reason, 已付款未交付的订单, 剩余余额, 重复扣款, 其他), an amount, a date, a
description in the user's words, links to exhibits, bill rows and chat messages, and the part already
refunded. The net paid of the bills is context for the claim and never becomes it silently (消法 53 and
预付式消费解释 15–17 refund the prepayment not performed and the balance left, not every payment).

Every change is a ledger entry (``claim.add`` / ``claim.edit`` / ``claim.remove`` / ``claim.apply``). The
comparison with the bills' net paid is made by ``core.bills.money``, which sees both.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kami_desktop.core.case.cases import get_case, update_case
from kami_desktop.core.case.claim_evidence import (  # re-exported: callers import them from here
    SOURCE_LABELS as SOURCE_LABELS,
)
from kami_desktop.core.case.claim_evidence import ClaimError, EvidenceRef, evidence_links, evidence_ref
from kami_desktop.core.case.claim_evidence import link_labels as link_labels
from kami_desktop.core.case.claim_evidence import live_exhibit as live_exhibit
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import ClaimItem
from kami_desktop.core.util.money import money_str, parse_amount
from kami_desktop.core.util.timeutil import CHINA_TZ, now
from kami_desktop.core.vocab import VocabError, parse_code

CLAIM_KINDS: dict[str, str] = {
    "topup_not_credited": "未到账的充值",
    "deducted": "被扣除的余额",
    "undelivered_order": "已付款未交付的订单",
    "remaining_balance": "剩余余额",
    "duplicate_charge": "重复扣款",
    "other": "其他",
}
DEDUCTION_REASONS: dict[str, str] = {
    "auto_renewal": "自动续费",
    "service_fee": "服务费",
    "expiry": "余额过期",
    "unexplained": "不明扣款",
}
EDITABLE = (
    "kind",
    "reason",
    "amount",
    "refunded",
    "on",
    "description",
    "exhibit_ids",
    "bill_row_ids",
    "chat_message_ids",
    "verified",
)
LINK_FIELDS = {"exhibit": "exhibit_ids", "bill_row": "bill_row_ids", "chat_message": "chat_message_ids"}
ZERO = Decimal("0.00")


# ----------------------------------------------------------------------------- input
def kind_code(text: str) -> str:
    try:
        return parse_code(CLAIM_KINDS, text, "主张项类型")
    except VocabError as exc:
        raise ClaimError(str(exc)) from None


def reason_text(kind: str, reason: str) -> str:
    """The stored reason: a known one as its code, another as the user's words (only for 被扣除的余额)."""
    reason = (reason or "").strip()
    if kind != "deducted":
        if reason:
            raise ClaimError(f"只有“被扣除的余额”需要填写扣除原因；“{CLAIM_KINDS[kind]}”不填原因。")
        return ""
    if not reason:
        choices = "、".join(DEDUCTION_REASONS.values())
        raise ClaimError(f"“被扣除的余额”需要写明平台扣除的原因，例如：{choices}。")
    for code, label in DEDUCTION_REASONS.items():
        if reason in (code, label):
            return code
    if len(reason) > 50:
        raise ClaimError("扣除原因最多 50 个字；详细经过请写在说明中。")
    return reason


def reason_label(reason: str) -> str:
    return DEDUCTION_REASONS.get(reason, reason)


def parse_on(value: Any) -> date:
    """A date from a date/datetime or text ('2025-03-08', '2025/3/8', '2025年3月8日', full-width digits)."""
    if isinstance(value, datetime):
        return value.astimezone(CHINA_TZ).date()
    if isinstance(value, date):
        return value
    raw = str(value or "").strip()
    text = unicodedata.normalize("NFKC", raw)
    for a, b in (("年", "-"), ("月", "-"), ("日", ""), ("/", "-"), (".", "-")):
        text = text.replace(a, b)
    parts = text.strip("-").split("-")
    try:
        d = date(int(parts[0]), int(parts[1]), int(parts[2])) if len(parts) == 3 else None
    except ValueError:
        d = None
    if d is None:
        raise ClaimError(f"日期“{raw}”无法识别，请写成 2025-03-08 的形式。")
    return d


def _clean(field: str, value: Any) -> Any:
    if field in ("amount", "refunded"):
        what = "金额" if field == "amount" else "已退金额"
        try:
            amount = parse_amount(value if value not in (None, "") else "0", what)
        except ValueError as exc:
            raise ClaimError(str(exc)) from None
        if field == "amount" and amount <= 0:
            raise ClaimError("主张项的金额必须大于 0。")
        if amount < 0:
            raise ClaimError("已退金额不能为负数。")
        return amount
    if field == "on":
        d = parse_on(value)
        if d > now().date():
            raise ClaimError("主张项的日期不能晚于今天。")
        return d
    if field == "description":
        text = str(value or "").strip()
        if len(text) > 2000:
            raise ClaimError("说明最多 2000 个字。")
        return text
    raise ClaimError(f"未知字段 {field}")


# ----------------------------------------------------------------------------- reading
@dataclass
class ClaimView:
    id: int
    case_id: int
    kind: str
    reason: str
    amount: Decimal
    refunded: Decimal
    on: date
    description: str
    unverified: bool
    origin: str
    evidence: list[EvidenceRef] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        label = CLAIM_KINDS.get(self.kind, self.kind)
        return f"{label}（{reason_label(self.reason)}）" if self.reason else label

    @property
    def claimed(self) -> Decimal:
        """What this item adds to the principal: its amount less the part already refunded."""
        return self.amount - self.refunded

    @property
    def exhibit_ids(self) -> list[int]:
        """Live exhibits that show this item: linked directly or holding a linked bill row / message."""
        return list(dict.fromkeys(e.exhibit_id for e in self.evidence if e.state == "ok" and e.exhibit_id))

    def ids_of(self, kind: str) -> list[int]:
        return [e.id for e in self.evidence if e.kind == kind and e.id is not None]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "reason": self.reason,
            "amount": money_str(self.amount),
            "refunded": money_str(self.refunded),
            "claimed": money_str(self.claimed),
            "on": self.on.isoformat(),
            "description": self.description,
            "unverified": self.unverified,
            "origin": self.origin,
            "exhibits": self.exhibit_ids,
            "bill_rows": self.ids_of("bill_row"),
            "chat_messages": self.ids_of("chat_message"),
            "evidence": [e.to_json() for e in self.evidence],
        }


def _view(s: Session, item: ClaimItem) -> ClaimView:
    return ClaimView(
        item.id,
        item.case_id,
        item.kind,
        item.reason or "",
        item.amount,
        item.refunded if item.refunded is not None else ZERO,
        item.on,
        item.description or "",
        bool(item.unverified),
        item.origin or "user",
        [evidence_ref(s, link) for link in item.evidence],
    )


def get_item(s: Session, item_id: int) -> ClaimItem:
    item = s.get(ClaimItem, item_id)
    if item is None:
        raise ClaimError(f"主张项 {item_id} 不存在。")
    return item


def list_items(s: Session, case_id: int) -> list[ClaimView]:
    """The case's claim items in date order."""
    get_case(s, case_id)
    q = (
        select(ClaimItem)
        .where(ClaimItem.case_id == case_id)
        .order_by(ClaimItem.on, ClaimItem.id)
        .options(selectinload(ClaimItem.evidence))
    )
    return [_view(s, i) for i in s.scalars(q)]


def principal(items: Iterable[ClaimView]) -> Decimal:
    return sum((i.claimed for i in items), ZERO)


def item_warnings(items: list[ClaimView]) -> list[str]:
    """What is wrong with the items themselves: 待核实, no evidence, evidence trashed or deleted."""
    out: list[str] = []
    for i in items:
        name = f"主张项 {i.id}（{i.kind_label} ¥{money_str(i.claimed)}）"
        if i.unverified:
            out.append(f"{name}待核实：{i.description or '请核对金额和证据'}")
        if not i.evidence:
            out.append(f"{name}没有关联证据：请关联能证明它的截图、账单行或聊天记录。")
        for e in i.evidence:
            if e.state == "trashed":
                out.append(f"{name}的证据{e.label}已在回收站中；请恢复该证据或改为关联其他证据。")
            elif e.state == "deleted":
                out.append(f"{name}的证据{e.label}已被彻底删除；请改为关联其他证据。")
        if i.evidence and all(e.state != "ok" for e in i.evidence):
            out.append(f"{name}已没有可用的证据。")
    return out


# ----------------------------------------------------------------------------- changes
def _summary(item: ClaimItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "reason": item.reason,
        "amount": item.amount,
        "refunded": item.refunded,
        "on": item.on,
        "description": item.description,
        "unverified": bool(item.unverified),
        "origin": item.origin,
        "evidence": [
            {
                "kind": e.kind,
                "exhibit_id": e.exhibit_id,
                "bill_row_id": e.bill_row_id,
                "chat_message_id": e.chat_message_id,
                "label": e.label,
            }
            for e in item.evidence
        ],
    }


def add_item(
    s: Session,
    case_id: int,
    kind: str,
    amount: Any,
    on: Any,
    *,
    reason: str = "",
    description: str = "",
    refunded: Any = "0",
    exhibit_ids: Iterable[int] = (),
    bill_row_ids: Iterable[int] = (),
    chat_message_ids: Iterable[int] = (),
    origin: str = "user",
    unverified: bool = False,
) -> ClaimItem:
    """Record one claim item; nothing is stored when any part of it is wrong."""
    get_case(s, case_id)
    code = kind_code(kind)
    item = ClaimItem(
        case_id=case_id,
        kind=code,
        reason=reason_text(code, reason),
        amount=_clean("amount", amount),
        refunded=_clean("refunded", refunded),
        on=_clean("on", on),
        description=_clean("description", description),
        unverified=bool(unverified),
        origin=origin[:60],
        created_at=now(),
        updated_at=now(),
    )
    _check_refund(item.amount, item.refunded)
    item.evidence = evidence_links(s, case_id, exhibit_ids, bill_row_ids, chat_message_ids)
    s.add(item)
    s.flush()
    ledger.append(s, "claim.add", {"item": _summary(item)}, case_id=case_id)
    return item


def _check_refund(amount: Decimal, refunded: Decimal) -> None:
    if refunded > amount:
        raise ClaimError(
            f"已退金额 ¥{money_str(refunded)} 大于该项金额 ¥{money_str(amount)}：退款不能多于付款，请核对。"
        )


def edit_item(s: Session, item_id: int, **fields: Any) -> ClaimItem:
    """Change fields; ``*_ids`` replace that kind of link; ``verified=True`` clears 待核实. Old → new is
    recorded in the ledger; nothing changes when any value is wrong."""
    item = get_item(s, item_id)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ClaimError(f"未知字段 {'、'.join(sorted(unknown))}")
    before = _summary(item)
    kind = kind_code(fields["kind"]) if "kind" in fields else item.kind
    reason = fields.get("reason", item.reason if kind == item.kind or kind == "deducted" else "")
    values: dict[str, Any] = {
        "kind": kind,
        "reason": reason_text(kind, reason),
        **{k: _clean(k, fields[k]) for k in ("amount", "refunded", "on", "description") if k in fields},
    }
    _check_refund(values.get("amount", item.amount), values.get("refunded", item.refunded))
    links = None
    if any(k in fields for k in LINK_FIELDS.values()):  # the kinds given are replaced, the others kept
        links = [e for e in item.evidence if LINK_FIELDS[e.kind] not in fields]
        links += evidence_links(s, item.case_id, *(list(fields.get(k) or ()) for k in LINK_FIELDS.values()))
    for k, v in values.items():
        setattr(item, k, v)
    if links is not None:
        item.evidence = links
    if fields.get("verified"):
        item.unverified = False
    s.flush()
    after = _summary(item)
    changes = {k: {"old": before[k], "new": after[k]} for k in after if before[k] != after[k]}
    if changes:
        item.updated_at = now()
        ledger.append(  # the shape of every edit (core.store.edits), the links as one more field
            s, "claim.edit", {"entity": "claim", "id": item.id, "changes": changes}, case_id=item.case_id
        )
    return item


def link_exhibits(s: Session, item_id: int, exhibit_ids: Iterable[int]) -> ClaimItem:
    """Add exhibits to the evidence of an existing item (its other links stay); recorded as an edit."""
    item = get_item(s, item_id)
    linked = [e.exhibit_id for e in item.evidence if e.kind == "exhibit" and e.exhibit_id is not None]
    added = [int(i) for i in exhibit_ids if int(i) not in linked]
    if not added:
        return item
    return edit_item(s, item_id, exhibit_ids=linked + added)


def remove_item(s: Session, item_id: int) -> None:
    item = get_item(s, item_id)
    case_id, summary = item.case_id, _summary(item)
    s.delete(item)
    s.flush()
    ledger.append(s, "claim.remove", {"item": summary}, case_id=case_id)


def apply_principal(s: Session, case_id: int) -> Decimal:
    """Set the case's claimed amount to the principal of its items (ledger: case.edit + claim.apply)."""
    items = list_items(s, case_id)
    if not items:
        raise ClaimError("本案还没有主张项：请先添加主张项（每一笔要求退还的款项及其证据），再设定主张金额。")
    total = principal(items)
    if total <= 0:
        raise ClaimError(f"主张项合计为 ¥{money_str(total)}（已全部退还），不能作为主张金额。")
    old = get_case(s, case_id).claimed_amount
    update_case(s, case_id, claimed_amount=total)
    ledger.append(
        s,
        "claim.apply",
        {"old": old, "claimed_amount": total, "items": [{"id": i.id, "claimed": i.claimed} for i in items]},
        case_id=case_id,
    )
    return total
