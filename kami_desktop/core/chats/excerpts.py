"""Chat excerpts — a new derived exhibit holding a transcript of a span of messages (the original chat
file is never modified) — and the binder's view of the stored chats.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.chats.speakers import ROLE_LABELS, SYSTEM
from kami_desktop.core.chats.store import CHAT_PURPOSE, ChatStoreError, chat_messages, get_chat, role_of
from kami_desktop.core.chats.voice_links import chat_voice_links
from kami_desktop.core.evidence.exhibits import edit_exhibit, get_exhibit
from kami_desktop.core.evidence.importer import import_bytes
from kami_desktop.core.evidence.sources import live_holder
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Chat, ChatMessage, Exhibit, ExhibitFile
from kami_desktop.core.util.timeutil import CHINA_TZ


@dataclass
class Excerpt:
    exhibit_id: int
    sha256: str
    duplicate: bool
    chat_id: int
    source_exhibit_id: int
    source_sha256: str
    first_seq: int
    last_seq: int
    messages: int
    title: str
    source: str

    def to_json(self) -> dict:
        return dict(self.__dict__)


# ----------------------------------------------------------------------------- excerpts
def transcript(messages: list[ChatMessage], header: list[str], voices: dict[int, str] | None = None) -> str:
    """``voices``: seq → the title of the exhibit holding that voice message's recording."""
    out = [*header, ""]
    for m in messages:
        role = role_of(m)
        who = "系统消息" if role == SYSTEM else f"{m.sender}（{ROLE_LABELS[role]}）"
        out.append(f"[{m.seq}] {m.time.astimezone(CHINA_TZ):%Y-%m-%d %H:%M:%S}  {who}")
        out.extend(m.text.splitlines() or [""])
        if voices and m.seq in voices:
            out.append(f"（录音见证据《{voices[m.seq]}》）")
        out.append("")
    return "\n".join(out)


def excerpt_exhibit(profile: Profile, case_id: int, chat_id: int, first_seq: int, last_seq: int) -> Excerpt:
    """A NEW exhibit holding a UTF-8 transcript of messages first_seq..last_seq (the original is untouched)."""
    if first_seq > last_seq:
        first_seq, last_seq = last_seq, first_seq
    with profile.session() as s:
        chat = get_chat(s, chat_id, case_id)
        src = get_exhibit(s, chat.exhibit_id)
        if src.trashed_at is not None:
            raise ChatStoreError(f"聊天记录所在的证据《{src.title}》在回收站中，请先恢复")
        msgs = chat_messages(s, chat_id, first_seq, last_seq)
        if not msgs:
            raise ChatStoreError(f"聊天记录 {chat_id} 中没有第 {first_seq}—{last_seq} 条消息")
        original = (
            s.scalar(
                select(ExhibitFile.original_name)
                .where(ExhibitFile.exhibit_id == src.id, ExhibitFile.blob_sha256 == chat.blob_sha256)
                .limit(1)
            )
            or ""
        )
        first_seq, last_seq = msgs[0].seq, msgs[-1].seq
        lines = f"第 {msgs[0].line}—{msgs[-1].line} 行"
        source = (
            f"摘录自《{src.title}》，原始文件 {original}（SHA-256 {chat.blob_sha256}），"
            f"第 {first_seq}—{last_seq} 条消息（原文件{lines}）"
        )
        header = [
            "聊天记录摘录",
            f"摘自：《{src.title}》",  # by title: a binder number changes when the order does
            f"原始文件：{original}",
            f"原始文件 SHA-256：{chat.blob_sha256}",
            f"范围：第 {first_seq}—{last_seq} 条消息，共 {len(msgs)} 条（消息起始行：原文件{lines}）",
            "说明：本摘录逐字取自原始文件的解析结果，原始文件本身未作任何改动。",
        ]
        links = chat_voice_links(s, chat_id)
        voices = {seq: link.title for seq, link in links.items() if link.exhibit_id is not None}
        text = transcript(msgs, header, voices)
        title = f"聊天摘录：{src.title}（第 {first_seq}—{last_seq} 条）"[:300]
        held_before = live_holder(s, case_id, hashlib.sha256(text.encode("utf-8")).hexdigest())
    report = import_bytes(
        profile,
        case_id,
        text.encode("utf-8"),
        f"聊天摘录_{first_seq}-{last_seq}.txt",
        source=source,
        category="interaction",
    )
    if report.errors or not report.imported:
        raise ChatStoreError(report.errors[0].reason if report.errors else "摘录未能保存")
    item = report.imported[0]
    with profile.session() as s:
        if held_before is None:
            edit_exhibit(
                s,
                item.exhibit_id,
                title=title,
                purpose=CHAT_PURPOSE,
                notes=f"由《{src.title}》摘录生成；原始聊天记录文件未改动。",
            )
            ledger.append(
                s,
                "chat.excerpt",
                {
                    "chat_id": chat_id,
                    "source_exhibit_id": src.id,
                    "source_sha256": chat.blob_sha256,
                    "first_seq": first_seq,
                    "last_seq": last_seq,
                    "sha256": item.sha256,
                },
                case_id=case_id,
                exhibit_id=item.exhibit_id,
            )
        title = get_exhibit(s, item.exhibit_id).title
    return Excerpt(
        item.exhibit_id,
        item.sha256,
        held_before is not None,
        chat_id,
        src.id,
        chat.blob_sha256,
        first_seq,
        last_seq,
        len(msgs),
        title,
        source,
    )


# ----------------------------------------------------------------------------- the binder's view
@dataclass(frozen=True)
class ChatSheet:
    """A stored chat as the binder prints it: its conversation and its first ``PRINT_ROWS`` messages, each
    with its speaker's role (``total`` counts them all)."""

    sha256: str
    format: str
    conversation: str
    group_chat: bool
    messages: list[
        tuple[int, datetime, str, str, str, str, str, int]
    ]  # seq time sender id role kind text line
    total: int


PRINT_ROWS = 5000  # the binder prints at most this many messages of one chat (the rest: see the original)


def snapshot_chats(s: Session, case_id: int) -> dict[tuple[int, str], ChatSheet]:
    """(exhibit id, file SHA-256) → the conversation stored from that file in that exhibit. Chats stored
    before conversations were kept apart (no conversation name) are left to the binder's parser."""
    out: dict[tuple[int, str], ChatSheet] = {}
    chats = s.scalars(
        select(Chat)
        .join(Exhibit, Exhibit.id == Chat.exhibit_id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None), Chat.conversation != "")
        .order_by(Chat.id)
    )
    for c in chats:
        if (c.exhibit_id, c.blob_sha256) in out:
            continue
        total = s.scalar(select(func.count()).where(ChatMessage.chat_id == c.id)) or 0
        rows = [
            (m.seq, m.time, m.sender, m.sender_id, role_of(m), m.kind, m.text, m.line)
            for m in s.scalars(
                select(ChatMessage)
                .where(ChatMessage.chat_id == c.id)
                .order_by(ChatMessage.seq)
                .limit(PRINT_ROWS)
            )
        ]
        out[(c.exhibit_id, c.blob_sha256)] = ChatSheet(
            c.blob_sha256, c.format, c.conversation, c.group_chat, rows, total
        )
    return out
