"""A claim item in one step from one piece of evidence: a bill row, a chat message or an exhibit.

A draft carries what the evidence shows (a payment's amount, date and order number, the part the bills
show refunded; a message's date and the one amount it names; an exhibit's date and purpose) and a
suggested kind; the user confirms or corrects it and ``add_from_draft`` records it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kami_desktop.core.case.claims import CLAIM_KINDS, ZERO, ClaimError, add_item, kind_code, live_exhibit
from kami_desktop.core.chats.speakers import quote, stored_role
from kami_desktop.core.store.model import Bill, BillRow, Chat, ChatMessage, ClaimItem, Exhibit
from kami_desktop.core.util.money import money_str, parse_amount
from kami_desktop.core.util.timeutil import CHINA_TZ


@dataclass
class ClaimDraft:
    """A claim item prefilled from one piece of evidence, for the user to confirm or correct."""

    case_id: int
    kind: str
    on: date
    description: str
    amount: Decimal | None = None
    refunded: Decimal = ZERO
    reason: str = ""
    exhibit_ids: list[int] = field(default_factory=list)
    bill_row_ids: list[int] = field(default_factory=list)
    chat_message_ids: list[int] = field(default_factory=list)
    origin: str = "user"

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "kind": self.kind,
            "kind_label": CLAIM_KINDS.get(self.kind, self.kind),
            "reason": self.reason,
            "on": self.on.isoformat(),
            "description": self.description,
            "amount": None if self.amount is None else money_str(self.amount),
            "refunded": money_str(self.refunded),
            "exhibits": self.exhibit_ids,
            "bill_rows": self.bill_row_ids,
            "chat_messages": self.chat_message_ids,
            "origin": self.origin,
        }


_HINTS = (  # words of a chat message or a title -> (kind, reason) suggested for the draft
    ("续费", "deducted", "auto_renewal"),
    ("服务费", "deducted", "service_fee"),
    ("手续费", "deducted", "service_fee"),
    ("过期", "deducted", "expiry"),
    ("未到账", "topup_not_credited", ""),
    ("没到账", "topup_not_credited", ""),
    ("未发货", "undelivered_order", ""),
    ("未交付", "undelivered_order", ""),
    ("没收到", "undelivered_order", ""),
    ("重复扣", "duplicate_charge", ""),
    ("扣", "deducted", "unexplained"),
)
_AMOUNT_IN_TEXT = re.compile(r"[¥￥]\s*(\d[\d,]*(?:\.\d{1,2})?)|(\d[\d,]*(?:\.\d{1,2})?)\s*元")


def _hint(text: str, default: str = "other") -> tuple[str, str]:
    for word, kind, reason in _HINTS:
        if word in text:
            return kind, reason
    return default, ""


def amount_in_text(text: str) -> Decimal | None:
    """The one amount a message names ('扣除余额487.50元', '¥350'); None when none or several."""
    found = set()
    for m in _AMOUNT_IN_TEXT.finditer(unicodedata.normalize("NFKC", text or "")):
        try:
            found.add(parse_amount(m.group(1) or m.group(2)))
        except ValueError:
            continue
    found.discard(ZERO)
    return found.pop() if len(found) == 1 else None


def _holder(s: Session, exhibit_id: int, what: str) -> Exhibit:
    """The live exhibit that holds the evidence (raises ClaimError when it is gone or in the trash)."""
    ex = s.get(Exhibit, exhibit_id)
    if ex is None:
        raise ClaimError(f"{what}所在的证据已不存在。")
    return live_exhibit(s, ex.case_id, ex.id, what)


def draft_from_exhibit(s: Session, exhibit_id: int) -> ClaimDraft:
    if s.get(Exhibit, exhibit_id) is None:
        raise ClaimError(f"证据 {exhibit_id} 不存在。")
    ex = _holder(s, exhibit_id, f"证据 {exhibit_id}")
    when = ex.captured_at or ex.created_at
    default = "undelivered_order" if ex.category == "non_delivery" else "other"
    kind, reason = _hint(f"{ex.title} {ex.purpose}", default)
    return ClaimDraft(
        ex.case_id,
        kind,
        when.astimezone(CHINA_TZ).date(),
        (ex.purpose or ex.title or "").strip()[:300],
        reason=reason,
        exhibit_ids=[ex.id],
        origin=f"exhibit:{ex.id}",
    )


def draft_from_chat_message(s: Session, message_id: int) -> ClaimDraft:
    msg = s.get(ChatMessage, message_id)
    chat = s.get(Chat, msg.chat_id) if msg is not None else None
    if msg is None or chat is None:
        raise ClaimError(f"聊天消息 {message_id} 不存在。")
    ex = _holder(s, chat.exhibit_id, f"聊天消息 {message_id}")
    text = " ".join((msg.text or "").split())
    kind, reason = _hint(text)
    role = stored_role(msg.role, msg.kind, msg.sender, msg.is_me)
    return ClaimDraft(
        ex.case_id,
        kind,
        msg.time.astimezone(CHINA_TZ).date(),
        quote(role, text[:290]),
        amount=amount_in_text(text),
        reason=reason,
        chat_message_ids=[msg.id],
        origin=f"chat:{msg.id}",
    )


def draft_from_bill_row(s: Session, row_id: int, refunded: Decimal | None = None) -> ClaimDraft:
    """A payment row as an item: its amount, the part the bills show refunded (``refunded``, from the case
    reconciliation; else what the row itself states), its date and order number."""
    row = s.get(BillRow, row_id)
    bill = s.get(Bill, row.bill_id) if row is not None else None
    if row is None or bill is None:
        raise ClaimError(f"账单行 {row_id} 不存在。")
    ex = _holder(s, bill.exhibit_id, f"账单行 {row_id}")
    if row.direction != "支出":
        raise ClaimError(
            f"账单第 {row.row} 行是“{row.direction or '不计收支'}”，不是一笔付款，不能作为主张项；"
            "退款请填在对应付款的主张项的“已退金额”中。"
        )
    back = refunded if refunded is not None else min(row.refund_total or ZERO, row.amount)
    if back > row.amount:
        raise ClaimError(
            f"账单第 {row.row} 行的退款合计 ¥{money_str(back)} 大于付款 ¥{money_str(row.amount)}，请核对账单。"
        )
    kind = "topup_not_credited" if "充值" in f"{row.category}{row.description}" else "undelivered_order"
    text = "，".join(x for x in (row.counterparty, row.description) if x)
    if row.order_id:
        text += f"（交易单号 {row.order_id}）"
    return ClaimDraft(
        ex.case_id,
        kind,
        row.time.astimezone(CHINA_TZ).date(),
        text[:300],
        amount=row.amount,
        refunded=back,
        bill_row_ids=[row.id],
        origin=f"bill:{row.id}",
    )


def add_from_draft(s: Session, draft: ClaimDraft, **overrides: Any) -> ClaimItem:
    """Record ``draft`` as an item, with the user's corrections in ``overrides`` (kind, amount, …)."""
    values: dict[str, Any] = {
        "kind": draft.kind,
        "amount": draft.amount,
        "on": draft.on,
        "reason": draft.reason,
        "description": draft.description,
        "refunded": draft.refunded,
        "exhibit_ids": draft.exhibit_ids,
        "bill_row_ids": draft.bill_row_ids,
        "chat_message_ids": draft.chat_message_ids,
    }
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "kind" in overrides and overrides["kind"] is not None and "reason" not in overrides:
        if kind_code(overrides["kind"]) != draft.kind:
            values["reason"] = ""
    if values["amount"] in (None, ""):
        raise ClaimError("请写明这一项要求退还的金额。")
    return add_item(
        s,
        draft.case_id,
        values.pop("kind"),
        values.pop("amount"),
        values.pop("on"),
        origin=draft.origin,
        **values,
    )
