"""Suggested facts from the case's stored bills and chats, for the user to confirm or dismiss.

* Bill rows (``BillRow``): reconciled over the case's counterparty checklist
  (``core.bills.counterparties.platform_rule``): payments to the platform → 充值, refunds → 退款.
* Chat messages (``ChatMessage``): a speaker's turn — consecutive messages of ONE sender, never two
  people's words together — that speaks of refunds or deductions (退款, 退钱, 扣款, 封号, 冻结, 不退 …)
  → 申请退款 when the user (本人) said it, 平台答复 when the platform's staff (平台客服) did; other users of
  a group chat (其他用户) are never suggested. The text quotes the speaker by role: 平台客服“……”, so a
  document reads “2026年5月29日 10:02，平台客服“……””. Named after the turn's first matching message.

A suggestion is named by its origin, ``bill:<row id>`` or ``chat:<message id>``. Accepting it creates a
Fact with that origin, linked to the bill's or chat's exhibit. Dismissing it appends a
``fact.suggestion_dismissed`` ledger entry; removing an accepted fact counts as dismissing it;
``restore_suggestion`` appends ``fact.suggestion_restored``. So the ledger — which records every user
decision anyway — is the one place that remembers handled suggestions, and the facts table holds only
real facts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.bills import reconcile
from kami_desktop.core.bills.counterparties import platform_rule
from kami_desktop.core.bills.model import Transaction
from kami_desktop.core.bills.reconcile import PAYMENT, REFUND
from kami_desktop.core.case.cases import get_case
from kami_desktop.core.case.facts import FACT_KINDS, FactError, add_fact
from kami_desktop.core.chats.speakers import ME, PLATFORM, SYSTEM, quote
from kami_desktop.core.chats.store import role_of
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Bill, BillRow, Chat, ChatMessage, Exhibit, Fact, LedgerEntry
from kami_desktop.core.util.money import money_str
from kami_desktop.core.util.timeutil import iso
from kami_desktop.core.vocab import CHAT_WORDS

DISMISSED = "fact.suggestion_dismissed"
RESTORED = "fact.suggestion_restored"
CHAT_GAP = timedelta(minutes=30)
SUGGESTED_ROLES = {ME: "refund_request", PLATFORM: "platform_reply"}  # never OTHER: another customer
_CLOSED = "。！？!?，,；;…"
SOURCES = {"alipay": "支付宝", "wechat": "微信支付"}


@dataclass(frozen=True)
class Suggestion:
    origin: str  # 'bill:<row id>' | 'chat:<message id>'
    kind: str
    occurred_at: datetime
    description: str
    exhibit_id: int
    source_label: str  # where it was found, e.g. 支付宝账单第12行
    amount: Decimal | None = None

    @property
    def kind_label(self) -> str:
        return FACT_KINDS.get(self.kind, self.kind)

    def to_json(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "occurred_at": iso(self.occurred_at),
            "description": self.description,
            "exhibit_id": self.exhibit_id,
            "source_label": self.source_label,
            "amount": None if self.amount is None else money_str(self.amount),
        }


def handled_origins(s: Session, case_id: int) -> set[str]:
    """Origins already accepted (a fact has them) or dismissed (ledger), minus restored ones."""
    done = set(s.scalars(select(Fact.origin).where(Fact.case_id == case_id, Fact.origin != "user")))
    q = (
        select(LedgerEntry.action, LedgerEntry.payload)
        .where(LedgerEntry.case_id == case_id, LedgerEntry.action.in_((DISMISSED, RESTORED, "fact.remove")))
        .order_by(LedgerEntry.seq)
    )
    for action, payload in s.execute(q):
        origin = json.loads(payload).get("origin") or "user"
        if origin == "user":
            continue
        if action == RESTORED:
            done.discard(origin)
        else:
            done.add(origin)
    return done


def _bill_suggestions(s: Session, case_id: int) -> list[Suggestion]:
    rows = s.execute(
        select(BillRow, Bill.source, Bill.exhibit_id)
        .join(Bill, Bill.id == BillRow.bill_id)
        .join(Exhibit, Exhibit.id == Bill.exhibit_id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
        .order_by(BillRow.time, BillRow.id)
    ).all()
    if not rows:
        return []
    txs: list[Transaction] = []
    meta: dict[int, tuple[BillRow, str, int]] = {}
    seen: set[tuple[Any, ...]] = set()
    for r, source, exhibit_id in rows:
        key = (
            (source, r.order_id, r.direction, r.amount, r.time)
            if r.order_id
            else (source, r.time, r.counterparty, r.description, r.direction, r.amount)
        )
        if (
            key in seen
        ):  # the same transaction in two overlapping exports: suggested once, like it counts once
            continue
        seen.add(key)
        t = Transaction(
            r.time,
            r.category,
            r.counterparty,
            r.counterparty_account,
            r.description,
            r.direction,
            r.amount,
            r.payment_method,
            r.status,
            r.order_id,
            r.merchant_order_id,
            r.note,
            r.row,
            source=source,
        )
        txs.append(t)
        meta[id(t)] = (r, source, exhibit_id)
    out = []
    for rec in reconcile(txs, platform_rule(s, case_id)).rows:
        if rec.role not in (PAYMENT, REFUND):
            continue
        r, source, exhibit_id = meta[id(rec.transaction)]
        where = f"{SOURCES.get(source, source)}账单第{r.row}行"
        if rec.role == PAYMENT:
            text = f"向“{r.counterparty}”付款 ¥{money_str(r.amount)}"
            text += f"（{r.description}）" if r.description else ""
            kind = "recharge"
        else:
            text = f"“{r.counterparty or r.category}”退款 ¥{money_str(r.amount)}"
            kind = "refund"
        if r.order_id:
            text += f"，交易单号 {r.order_id}"
        out.append(Suggestion(f"bill:{r.id}", kind, r.time, text, exhibit_id, where, r.amount))
    return out


def _matches(text: str) -> bool:
    return any(w in text for w in CHAT_WORDS)


def _joined(texts: list[str]) -> str:
    out = ""
    for t in (" ".join(t.split()) for t in texts):
        if out and t:
            out += "" if out[-1] in _CLOSED else "；"
        out += t
    return out


def _turns(rows: list[tuple[ChatMessage, int]]) -> list[tuple[list[ChatMessage], int, str]]:
    """Consecutive messages of ONE sender in one chat (a new turn when someone else speaks, after a
    system message, or after ``CHAT_GAP`` of silence), with the exhibit and the speaker's role."""
    turns: list[tuple[list[ChatMessage], int, str]] = []
    current: list[ChatMessage] = []
    for m, exhibit_id in rows:
        role = role_of(m)
        if role == SYSTEM:
            current = []
            continue
        last = current[-1] if current else None
        if (
            last is not None
            and last.chat_id == m.chat_id
            and (last.sender_id or last.sender) == (m.sender_id or m.sender)
            and role_of(last) == role
            and m.time - last.time <= CHAT_GAP
        ):
            current.append(m)
            continue
        current = [m]
        turns.append((current, exhibit_id, role))
    return turns


def _chat_suggestions(s: Session, case_id: int) -> list[Suggestion]:
    """One suggestion per turn of the user or of the platform's staff that speaks of refunds or
    deductions; other users of a group chat are never suggested (their words are not the platform's)."""
    rows = s.execute(
        select(ChatMessage, Chat.exhibit_id)
        .join(Chat, Chat.id == ChatMessage.chat_id)
        .join(Exhibit, Exhibit.id == Chat.exhibit_id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
        .order_by(ChatMessage.chat_id, ChatMessage.seq)
    ).all()
    out = []
    for msgs, exhibit_id, role in _turns([(m, e) for m, e in rows]):
        if role not in SUGGESTED_ROLES:
            continue
        start = next((i for i, m in enumerate(msgs) if m.text and _matches(m.text)), None)
        if start is None:
            continue
        said = msgs[start:]
        body = _joined([m.text for m in said if m.kind != "system"])
        if len(body) > 200:
            body = body[:199] + "…"
        first = said[0]
        kind = SUGGESTED_ROLES[role]
        where = f"聊天记录第{first.seq}条" + (f"起共{len(said)}条" if len(said) > 1 else "")
        out.append(Suggestion(f"chat:{first.id}", kind, first.time, quote(role, body), exhibit_id, where))
    return out


def suggest_facts(s: Session, case_id: int) -> list[Suggestion]:
    """Not yet handled suggestions from bills and chats, in time order."""
    get_case(s, case_id)
    handled = handled_origins(s, case_id)
    found = [
        x for x in _bill_suggestions(s, case_id) + _chat_suggestions(s, case_id) if x.origin not in handled
    ]
    found.sort(key=lambda x: (x.occurred_at, x.origin))
    return found


def _find(s: Session, case_id: int, origin: str) -> Suggestion:
    for x in suggest_facts(s, case_id):
        if x.origin == origin:
            return x
    raise FactError(f"没有待确认的建议 {origin!r}（可能已确认或已忽略）")


def accept_suggestion(
    s: Session,
    case_id: int,
    origin: str,
    *,
    kind: str | None = None,
    description: str | None = None,
    disputed: bool = False,
) -> Fact:
    """Create the suggested Fact (the user may correct kind and description), linked to its exhibit."""
    x = _find(s, case_id, origin)
    return add_fact(
        s,
        case_id,
        x.occurred_at,
        kind or x.kind,
        x.description if description is None else description,
        disputed=disputed,
        exhibit_ids=[x.exhibit_id],
        origin=x.origin,
        action="fact.accept",
    )


def dismiss_suggestion(s: Session, case_id: int, origin: str) -> None:
    x = _find(s, case_id, origin)
    ledger.append(
        s,
        DISMISSED,
        {"origin": x.origin, "kind": x.kind, "description": x.description},
        case_id=case_id,
        exhibit_id=x.exhibit_id,
    )


def restore_suggestion(s: Session, case_id: int, origin: str) -> None:
    """Offer a dismissed suggestion again (an accepted one stays handled while its fact exists)."""
    get_case(s, case_id)
    if origin not in handled_origins(s, case_id):
        raise FactError(f"建议 {origin!r} 未被忽略")
    ledger.append(s, RESTORED, {"origin": origin}, case_id=case_id)


__all__ = [
    "Suggestion",
    "accept_suggestion",
    "dismiss_suggestion",
    "handled_origins",
    "restore_suggestion",
    "suggest_facts",
]
