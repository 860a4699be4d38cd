"""The case file's domain model (SQLAlchemy 2 typed ORM).

Case ─< Party, Case ─< Exhibit ─< ExhibitFile >─ Blob; LedgerEntry is the hash-chained log. The tables of
derived data (OcrText, MaskedCopy) are in ``model_derived``, the base in ``model_base``; all are importable here.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kami_desktop.core.store.model_base import NAMING as NAMING  # re-exported: callers import them from here
from kami_desktop.core.store.model_base import Base as Base
from kami_desktop.core.store.model_derived import MaskedCopy as MaskedCopy  # the derived tables: see there
from kami_desktop.core.store.model_derived import OcrText as OcrText
from kami_desktop.core.store.model_triage import (
    SuggestionDismissal as SuggestionDismissal,
)  # the user's choice
from kami_desktop.core.store.types import AwareDateTime, ISODate, JSONList, Money


class Case(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    platform_name: Mapped[str] = mapped_column(String(200), default="")
    platform_url: Mapped[str] = mapped_column(String(500), default="")
    cause_type: Mapped[str] = mapped_column(String(20), default="unknown")  # the first of ``causes``
    # 0007: every cause of the case, in the user's order (a case may have more than one)
    causes: Mapped[list[str]] = mapped_column(JSONList, default=list)
    discovered_on: Mapped[date | None] = mapped_column(ISODate, nullable=True)
    claimed_amount: Mapped[Decimal | None] = mapped_column(Money, nullable=True)
    stage: Mapped[str] = mapped_column(String(20), default="negotiation")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)
    archived_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    # 0002–0004: bill counterparty keywords. 0005 turned them into CounterpartyChoice rows; no longer read,
    # kept so that a database never loses what it held.
    platform_terms: Mapped[list[str]] = mapped_column(JSONList, default=list)

    parties: Mapped[list[Party]] = relationship(back_populates="case", cascade="all, delete-orphan")
    exhibits: Mapped[list[Exhibit]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="Exhibit.position"
    )


class Party(Base):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="operator")
    name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str] = mapped_column(String(32), default="")
    icp: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    legal_representative: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    is_defendant: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    # a natural person (the user, 本人): what a 民事起诉状 needs
    id_number: Mapped[str] = mapped_column(String(32), default="")
    gender: Mapped[str] = mapped_column(String(10), default="")
    birth_date: Mapped[date | None] = mapped_column(ISODate, nullable=True)
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    occupation: Mapped[str] = mapped_column(String(100), default="")
    legal_rep_title: Mapped[str] = mapped_column(String(50), default="")
    # 0007: why this party is sued, as the documents state it (core.case.party_basis.BASES)
    basis: Mapped[str] = mapped_column(String(30), default="")

    case: Mapped[Case] = relationship(back_populates="parties")


class Blob(Base):
    """One stored original, named by its SHA-256 in the vault. Never changed."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    sm3: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    first_seen: Mapped[datetime] = mapped_column(AwareDateTime)


class Exhibit(Base):
    """One numbered item of evidence; holds one or more files in order."""

    __tablename__ = "exhibits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(20), default="other")
    purpose: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    captured_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSONList, default=list)
    transcript: Mapped[str | None] = mapped_column(Text, nullable=True)  # the user's own, of a recording
    key_frames: Mapped[list[str]] = mapped_column(JSONList, nullable=True, default=list)  # picked video times
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)
    trashed_at: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)

    case: Mapped[Case] = relationship(back_populates="exhibits")
    files: Mapped[list[ExhibitFile]] = relationship(
        back_populates="exhibit", cascade="all, delete-orphan", order_by="ExhibitFile.position"
    )

    __table_args__ = (Index("ix_exhibits_case_position", "case_id", "position"),)


class ExhibitFile(Base):
    """One file of an exhibit: a reference to a Blob plus what was known about the file on import."""

    __tablename__ = "exhibit_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id", ondelete="CASCADE"), index=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    original_name: Mapped[str] = mapped_column(String(500))
    original_path: Mapped[str] = mapped_column(Text, default="")
    file_mtime: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    exif_time: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime)
    width: Mapped[int | None] = mapped_column(Integer, nullable=True)
    height: Mapped[int | None] = mapped_column(Integer, nullable=True)
    problem: Mapped[str] = mapped_column(Text, default="")

    exhibit: Mapped[Exhibit] = relationship(back_populates="files")
    blob: Mapped[Blob] = relationship()

    @property
    def media_type(self) -> str:
        return self.blob.media_type


class LedgerEntry(Base):
    """Append-only, hash-chained record: hash = sha256(prev_hash + canonical JSON of the entry)."""

    __tablename__ = "ledger"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime)
    action: Mapped[str] = mapped_column(String(50))
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    exhibit_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("hash"),)


# ----------------------------------------------------------------------------- bills and chats (0002)
class Bill(Base):
    """A payment bill (Alipay / WeChat Pay export) stored as an exhibit, with its parsed rows."""

    __tablename__ = "bills"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id", ondelete="CASCADE"), index=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="RESTRICT"), index=True)
    source: Mapped[str] = mapped_column(String(20))  # alipay | wechat
    layout: Mapped[str] = mapped_column(String(50))
    personal_only: Mapped[bool] = mapped_column(Boolean, default=False)
    account: Mapped[str] = mapped_column(String(200), default="")
    holder: Mapped[str] = mapped_column(String(200), default="")
    period_start: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    period_end: Mapped[datetime | None] = mapped_column(AwareDateTime, nullable=True)
    warnings: Mapped[list[str]] = mapped_column(JSONList, default=list)
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime)
    # 0004: rows carry fund_status / refund_total themselves (older bills re-read them from the original)
    rows_complete: Mapped[bool] = mapped_column(Boolean, default=True)
    # 0006: the export as printed (JSON lists); older bills print from their original file instead
    column_names: Mapped[str] = mapped_column(Text, default="[]")
    head_lines: Mapped[str] = mapped_column(Text, default="[]")
    tail_lines: Mapped[str] = mapped_column(Text, default="[]")
    sheet_complete: Mapped[bool] = mapped_column(Boolean, default=True)

    transactions: Mapped[list[BillRow]] = relationship(
        back_populates="bill", cascade="all, delete-orphan", order_by="BillRow.row"
    )


class BillRow(Base):
    """One transaction of a bill, with the row number it came from in the hashed source file."""

    __tablename__ = "bill_rows"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id", ondelete="CASCADE"))
    row: Mapped[int] = mapped_column(Integer)
    time: Mapped[datetime] = mapped_column(AwareDateTime)
    category: Mapped[str] = mapped_column(String(100), default="")
    counterparty: Mapped[str] = mapped_column(String(300), default="")
    counterparty_account: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[str] = mapped_column(String(10), default="")
    amount: Mapped[Decimal] = mapped_column(Money)
    payment_method: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(100), default="")
    order_id: Mapped[str] = mapped_column(String(100), default="")
    merchant_order_id: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    fund_status: Mapped[str] = mapped_column(String(50), default="")  # 资金状态 (Alipay PC web layout)
    refund_total: Mapped[Decimal | None] = mapped_column(
        Money, nullable=True
    )  # refund the bill states on this row
    cells: Mapped[str] = mapped_column(Text, default="[]")  # 0006: every cell as the export shows it (JSON)

    bill: Mapped[Bill] = relationship(back_populates="transactions")

    __table_args__ = (Index("ix_bill_rows_bill_row", "bill_id", "row"),)


class Chat(Base):
    """A chat log export (QQ / MemoTrace) stored as an exhibit, with its parsed messages."""

    __tablename__ = "chats"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id", ondelete="CASCADE"), index=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="RESTRICT"), index=True)
    format: Mapped[str] = mapped_column(String(50))
    participants: Mapped[list[str]] = mapped_column(JSONList, default=list)
    me: Mapped[str] = mapped_column(String(200), default="")
    warnings: Mapped[list[str]] = mapped_column(JSONList, default=list)
    imported_at: Mapped[datetime] = mapped_column(AwareDateTime)
    conversation: Mapped[str] = mapped_column(String(300), default="")  # 0007: one conversation per chat
    group_chat: Mapped[bool] = mapped_column(Boolean, default=False)

    messages: Mapped[list[ChatMessage]] = relationship(
        back_populates="chat", cascade="all, delete-orphan", order_by="ChatMessage.seq"
    )


class ChatMessage(Base):
    __tablename__ = "chat_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chats.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    time: Mapped[datetime] = mapped_column(AwareDateTime)
    sender: Mapped[str] = mapped_column(String(200), default="")
    is_me: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(String(20), default="text")
    text: Mapped[str] = mapped_column(Text, default="")
    sender_id: Mapped[str] = mapped_column(String(200), default="")  # 0007: QQ number / e-mail / wxid
    role: Mapped[str] = mapped_column(String(10), default="")  # 0007: me | platform | other | system

    chat: Mapped[Chat] = relationship(back_populates="messages")

    __table_args__ = (Index("ix_chat_messages_chat_seq", "chat_id", "seq"),)


class ChatVoiceLink(Base):
    """0013: a voice message of a stored chat and the audio file its export named beside it. ``sha256`` is
    the file's content once imported (the exhibit holding it is the case's live exhibit with those bytes,
    so a merge or a restore keeps the link); None with ``problem`` saying why the file is not in the case.
    No foreign key to the blob: purging an unused original is never blocked by a link."""

    __tablename__ = "chat_voice_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(ForeignKey("chats.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    media: Mapped[str] = mapped_column(String(1000))  # the path as the export wrote it
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    problem: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("chat_id", "seq"),)


# ----------------------------------------------------------------------------- the ladder (0003)
class Fact(Base):
    """A dated event of the dispute (充值, 扣款, 申请退款, 平台答复, 投诉, 起诉 …) linked to exhibits."""

    __tablename__ = "facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    occurred_at: Mapped[datetime] = mapped_column(AwareDateTime)
    kind: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text, default="")
    disputed: Mapped[bool] = mapped_column(Boolean, default=False)
    origin: Mapped[str] = mapped_column(String(60), default="user")  # user | bill:<row id> | chat:<msg id>
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)

    exhibit_links: Mapped[list[FactExhibit]] = relationship(cascade="all, delete-orphan")

    @property
    def exhibit_ids(self) -> list[int]:
        """The linked exhibits' ids; assigning a list replaces the links (kept ones stay as they are)."""
        return [link.exhibit_id for link in self.exhibit_links]

    @exhibit_ids.setter
    def exhibit_ids(self, ids: list[int]) -> None:
        keep = [link for link in self.exhibit_links if link.exhibit_id in ids]
        have = {link.exhibit_id for link in keep}
        self.exhibit_links = keep + [FactExhibit(exhibit_id=i) for i in ids if i not in have]


class FactExhibit(Base):
    __tablename__ = "fact_exhibits"

    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id", ondelete="CASCADE"), primary_key=True)


class PartyExhibit(Base):
    """Evidence of who a party is: 营业执照, ICP备案 page, customer-service contacts…"""

    __tablename__ = "party_exhibits"

    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), default="")


class LadderStep(Base):
    """A step taken on the escalation ladder (催告函发出, 12315 投诉提交/受理, 调解结束, 起诉 …)."""

    __tablename__ = "ladder_steps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    on: Mapped[date] = mapped_column(ISODate)
    channel: Mapped[str] = mapped_column(String(100), default="")
    reference: Mapped[str] = mapped_column(String(200), default="")  # 投诉单号, 快递单号…
    note: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    workdays: Mapped[int | None] = mapped_column(Integer, nullable=True)  # demand letters: the period granted
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)


# ----------------------------------------------------------------------------- the claim (0005)
class ClaimItem(Base):
    """One amount the user claims back (主张项). The case's claimed principal is the sum over its items of
    ``amount − refunded``; each item names its kind, its date, the user's own words and its evidence."""

    __tablename__ = "claim_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # core.case.claims.CLAIM_KINDS
    reason: Mapped[str] = mapped_column(String(50), default="")  # kind 'deducted': 自动续费, 服务费 …
    amount: Mapped[Decimal] = mapped_column(Money)
    refunded: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))  # part already paid back
    on: Mapped[date] = mapped_column(ISODate)
    description: Mapped[str] = mapped_column(Text, default="")
    unverified: Mapped[bool] = mapped_column(
        Boolean, default=False
    )  # 待核实 (e.g. carried over from net paid)
    origin: Mapped[str] = mapped_column(String(60), default="user")  # user | bill:<row> | chat:<msg> | …
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime)

    evidence: Mapped[list[ClaimEvidence]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="ClaimEvidence.id"
    )


class ClaimEvidence(Base):
    """What shows a claim item: an exhibit, a bill row or a chat message. ``label`` keeps what it was when
    linked, so a link whose evidence was deleted for good (the id becomes NULL) can still be named."""

    __tablename__ = "claim_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("claim_items.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # exhibit | bill_row | chat_message
    exhibit_id: Mapped[int | None] = mapped_column(
        ForeignKey("exhibits.id", ondelete="SET NULL"), nullable=True
    )
    bill_row_id: Mapped[int | None] = mapped_column(
        ForeignKey("bill_rows.id", ondelete="SET NULL"), nullable=True
    )
    chat_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("chat_messages.id", ondelete="SET NULL"), nullable=True
    )
    label: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[ClaimItem] = relationship(back_populates="evidence")


class CounterpartyChoice(Base):
    """The user's decision whether a bill counterparty (交易对方, with 对方账号 where the bill has it) is the
    platform, i.e. whether its rows count in the case reconciliation. ``name`` is the normalised key."""

    __tablename__ = "counterparty_choices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    account: Mapped[str] = mapped_column(String(200), default="")
    label: Mapped[str] = mapped_column(String(300), default="")  # the name as the bill writes it
    selected: Mapped[bool] = mapped_column(Boolean)
    origin: Mapped[str] = mapped_column(String(250), default="user")  # user | keyword:<old platform keyword>
    decided_at: Mapped[datetime] = mapped_column(AwareDateTime)

    __table_args__ = (UniqueConstraint("case_id", "name", "account"),)
