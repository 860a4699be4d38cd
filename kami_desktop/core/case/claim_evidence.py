"""The evidence of a claim item (主张项): links to exhibits, bill rows and chat messages, checked when they
are made (the evidence must be in the case and not in the 回收站) and read back with their state (ok,
trashed, deleted for good). ``core.case.claims`` stores the links; what is here only reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import CaseError
from kami_desktop.core.store.model import Bill, BillRow, Chat, ChatMessage, ClaimEvidence, Exhibit
from kami_desktop.core.util.money import money_str
from kami_desktop.core.util.timeutil import CHINA_TZ

SOURCE_LABELS = {"alipay": "支付宝", "wechat": "微信支付"}


class ClaimError(CaseError):
    """A claim item that cannot be recorded as given (the message is Chinese)."""


# ----------------------------------------------------------------------------- evidence links
def live_exhibit(s: Session, case_id: int, exhibit_id: int, what: str) -> Exhibit:
    ex = s.get(Exhibit, exhibit_id)
    if ex is None or ex.case_id != case_id:
        raise ClaimError(f"{what}不在本案件中。")
    if ex.trashed_at is not None:
        raise ClaimError(f"{what}（证据《{ex.title}》）已在回收站中，不能作为主张项的证据；请先恢复。")
    return ex


def bill_row_label(row: BillRow, bill: Bill) -> str:
    return (
        f"{SOURCE_LABELS.get(bill.source, '')}账单第 {row.row} 行（{row.time.astimezone(CHINA_TZ):%Y-%m-%d %H:%M}"
        f" {row.counterparty} ¥{money_str(row.amount)}）"
    )


def message_label(m: ChatMessage) -> str:
    text = " ".join((m.text or "").split())
    text = text[:30] + ("…" if len(text) > 30 else "")
    return f"聊天记录第 {m.seq} 条（{m.time.astimezone(CHINA_TZ):%Y-%m-%d %H:%M} {m.sender}：{text}）"


def evidence_links(
    s: Session,
    case_id: int,
    exhibit_ids: Iterable[int],
    bill_row_ids: Iterable[int],
    chat_message_ids: Iterable[int],
) -> list[ClaimEvidence]:
    out: list[ClaimEvidence] = []
    for i in dict.fromkeys(int(x) for x in exhibit_ids):
        ex = live_exhibit(s, case_id, i, f"证据 {i}")
        out.append(ClaimEvidence(kind="exhibit", exhibit_id=i, label=f"证据《{ex.title}》"))
    for i in dict.fromkeys(int(x) for x in bill_row_ids):
        row = s.get(BillRow, i)
        bill = s.get(Bill, row.bill_id) if row is not None else None
        if row is None or bill is None:
            raise ClaimError(f"账单行 {i} 不存在。")
        live_exhibit(s, case_id, bill.exhibit_id, f"账单行 {i}")
        out.append(ClaimEvidence(kind="bill_row", bill_row_id=i, label=bill_row_label(row, bill)))
    for i in dict.fromkeys(int(x) for x in chat_message_ids):
        msg = s.get(ChatMessage, i)
        chat = s.get(Chat, msg.chat_id) if msg is not None else None
        if msg is None or chat is None:
            raise ClaimError(f"聊天消息 {i} 不存在。")
        live_exhibit(s, case_id, chat.exhibit_id, f"聊天消息 {i}")
        out.append(ClaimEvidence(kind="chat_message", chat_message_id=i, label=message_label(msg)))
    return out


@dataclass(frozen=True)
class EvidenceRef:
    kind: str  # exhibit | bill_row | chat_message
    id: int | None  # None: deleted for good
    exhibit_id: int | None  # the exhibit that holds it
    label: str
    state: str  # ok | trashed | deleted

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def evidence_ref(s: Session, link: ClaimEvidence) -> EvidenceRef:
    holder: int | None
    if link.kind == "bill_row":
        ref = link.bill_row_id
        row = s.get(BillRow, ref) if ref is not None else None
        bill = s.get(Bill, row.bill_id) if row is not None else None
        holder = bill.exhibit_id if bill is not None else None
    elif link.kind == "chat_message":
        ref = link.chat_message_id
        msg = s.get(ChatMessage, ref) if ref is not None else None
        chat = s.get(Chat, msg.chat_id) if msg is not None else None
        holder = chat.exhibit_id if chat is not None else None
    else:
        ref = holder = link.exhibit_id
    ex = s.get(Exhibit, holder) if holder is not None else None
    state = "deleted" if ex is None else ("trashed" if ex.trashed_at is not None else "ok")
    return EvidenceRef(link.kind, ref, holder if ex is not None else None, link.label, state)


def link_labels(
    s: Session,
    case_id: int,
    exhibit_ids: Iterable[int] = (),
    bill_row_ids: Iterable[int] = (),
    chat_message_ids: Iterable[int] = (),
) -> list[EvidenceRef]:
    """The evidence a set of links would show, before it is stored (a draft's, in the claim dialog)."""
    return [
        evidence_ref(s, link)
        for link in evidence_links(s, case_id, exhibit_ids, bill_row_ids, chat_message_ids)
    ]
