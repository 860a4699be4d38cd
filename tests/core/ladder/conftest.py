"""Fixtures for parties, facts, ladder and readiness: exhibits, bills and chats inserted through the ORM."""

from __future__ import annotations

import hashlib
from datetime import datetime
from decimal import Decimal

import pytest

from kami_desktop.core.store.model import Bill, BillRow, Blob, Chat, ChatMessage, Exhibit
from kami_desktop.core.util.timeutil import CHINA_TZ, now


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CHINA_TZ)


class CaseBuilder:
    """Adds evidence rows to one case in a session (what the importers would have stored)."""

    def __init__(self, s, case_id: int) -> None:
        self.s, self.case_id = s, case_id
        self.n = 0

    def blob(self) -> str:
        self.n += 1
        sha = hashlib.sha256(f"blob-{self.case_id}-{self.n}".encode()).hexdigest()
        self.s.add(Blob(sha256=sha, sm3=sha, size=10, media_type="text/plain", first_seen=now()))
        self.s.flush()
        return sha

    def exhibit(self, title: str, category: str = "other", **kw) -> Exhibit:
        stamp = now()
        self.n += 1
        ex = Exhibit(
            case_id=self.case_id,
            title=title,
            category=category,
            position=self.n,
            created_at=stamp,
            updated_at=stamp,
            **kw,
        )
        self.s.add(ex)
        self.s.flush()
        return ex

    def bill(
        self, rows: list[dict], personal_only: bool = False, source: str = "alipay"
    ) -> tuple[Exhibit, list]:
        ex = self.exhibit("支付宝账单", "funds")
        bill = Bill(
            exhibit_id=ex.id,
            blob_sha256=self.blob(),
            source=source,
            layout="test",
            personal_only=personal_only,
            imported_at=now(),
        )
        self.s.add(bill)
        self.s.flush()
        out = []
        for i, r in enumerate(rows, start=2):
            row = BillRow(
                bill_id=bill.id,
                row=i,
                time=at(r["time"]),
                counterparty=r.get("counterparty", ""),
                category=r.get("category", ""),
                description=r.get("description", ""),
                direction=r.get("direction", "支出"),
                amount=Decimal(r["amount"]),
                payment_method=r.get("payment_method", "余额"),
                status=r.get("status", "交易成功"),
                order_id=r.get("order_id", ""),
                merchant_order_id=r.get("merchant_order_id", ""),
            )
            self.s.add(row)
            out.append(row)
        self.s.flush()
        return ex, out

    def chat(self, messages: list[tuple[str, bool, str]]) -> tuple[Exhibit, list]:
        """messages: (time, is_me, text)."""
        ex = self.exhibit("与客服的聊天记录", "interaction")
        chat = Chat(exhibit_id=ex.id, blob_sha256=self.blob(), format="qq-txt", me="我", imported_at=now())
        self.s.add(chat)
        self.s.flush()
        out = []
        for i, (t, is_me, text) in enumerate(messages, start=1):
            m = ChatMessage(
                chat_id=chat.id,
                seq=i,
                line=i * 3,
                time=at(t),
                sender="我" if is_me else "星辰客服",
                is_me=is_me,
                kind="text",
                text=text,
            )
            self.s.add(m)
            out.append(m)
        self.s.flush()
        return ex, out


@pytest.fixture
def build(profile, case_id):
    """build(s) -> CaseBuilder for the default case."""
    return lambda s: CaseBuilder(s, case_id)
