"""Chat logs and voice messages in a case: import (exhibit + every message, all or nothing), reading,
search, and excerpts — a new derived exhibit holding a transcript of a span of messages; the
original chat file is never modified.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.chats import VOICE_EXTENSIONS, ChatError, ParsedChat, parse_chat_bytes
from kami_desktop.core.chats.audio import MAX_AUDIO_BYTES, audio_duration_bytes
from kami_desktop.core.chats.detect import MAX_CHAT_BYTES
from kami_desktop.core.evidence.exhibits import ExhibitError, edit_exhibit, get_exhibit
from kami_desktop.core.evidence.importer import ImportedItem, import_bytes
from kami_desktop.core.evidence.sources import import_source_file, live_holder
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Chat, ChatMessage, Exhibit, ExhibitFile
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.fsutil import read_capped
from kami_desktop.core.util.timeutil import CHINA_TZ, iso, now

FORMAT_LABELS = {
    "qq-txt": "QQ",
    "memotrace-csv": "微信",
    "memotrace-txt": "微信",
    "memotrace-html": "微信",
    "pywxdump-csv": "微信",
}
CHAT_PURPOSE = "证明与平台客服沟通的经过及平台的答复"


class ChatStoreError(ExhibitError):
    """A chat operation on the case that cannot be done (unknown chat, bad message range…)."""


@dataclass
class ChatImport:
    chat_id: int
    exhibit_id: int
    sha256: str
    duplicate: bool
    format: str
    messages: int
    participants: list[str]
    me: str
    first: str | None
    last: str | None
    title: str
    warnings: list[str] = field(default_factory=list)
    kind: str = "chat"

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class VoiceImport:
    exhibit_id: int
    sha256: str
    duplicate: bool
    duration: float | None  # seconds, None when the header could not be read
    title: str
    kind: str = "voice"

    def to_json(self) -> dict:
        return dict(self.__dict__)


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


def format_duration(seconds: float | None) -> str:
    """0:42, 12:05, 1:02:03 (rounded to the second); empty when unknown."""
    if seconds is None:
        return ""
    total = int(round(seconds))
    h, rest = divmod(total, 3600)
    m, sec = divmod(rest, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def is_voice(path: Path | str) -> bool:
    return Path(path).suffix.lower() in VOICE_EXTENSIONS


# ----------------------------------------------------------------------------- import
def chat_title(chat: ParsedChat) -> str:
    label = FORMAT_LABELS.get(chat.format, "")
    others = []
    for m in chat.messages:
        if not m.is_me and m.kind != "system" and m.sender and m.sender not in others:
            others.append(m.sender)
    with_whom = f"（与{'、'.join(others[:2])}{'等' if len(others) > 2 else ''}）" if others else ""
    times = [m.time for m in chat.messages]
    span = f" {min(times):%Y-%m-%d}—{max(times):%Y-%m-%d}" if times else ""
    return f"{label}聊天记录{with_whom}{span}"


def import_chat(
    profile: Profile,
    case_id: int,
    path: Path | str,
    me: str | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ChatImport | VoiceImport:
    """Parse, then store the export as a 平台交互 exhibit with every message (voice files: see import_voice).

    Raises ChatError before anything is stored; importing the same file again adds nothing."""
    p = Path(path)
    if is_voice(p):
        return import_voice(profile, case_id, p)
    progress(0, 3, p.name)
    with profile.session() as s:
        get_case(s, case_id)
    data = read_capped(p, MAX_CHAT_BYTES, ChatError)
    chat = parse_chat_bytes(data, p.name, me)
    sha = hashlib.sha256(data).hexdigest()
    progress(1, 3, p.name)
    with profile.session() as s:
        existing = s.scalar(
            select(Chat.id)
            .join(Exhibit, Exhibit.id == Chat.exhibit_id)
            .where(Chat.blob_sha256 == sha, Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
            .limit(1)
        )
    duplicate = existing is not None
    if existing is None:
        if cancel is not None and cancel():
            raise ChatError(p.name, "导入已取消")
        progress(2, 3, p.name)
        _, chat_id = import_source_file(
            profile,
            case_id,
            p,
            data,
            category="interaction",
            captured_at=None,
            source="聊天记录导出文件",
            error=ChatError,
            store=lambda s, item, created: _store(s, case_id, item.exhibit_id, sha, created, chat, me),
        )
    else:
        chat_id = existing
    progress(3, 3, p.name)
    with profile.session() as s:
        info = chat_info(s, chat_id)
    return ChatImport(
        chat_id=chat_id,
        exhibit_id=info["exhibit_id"],
        sha256=sha,
        duplicate=duplicate,
        format=chat.format,
        messages=len(chat.messages),
        participants=list(chat.participants),
        me=me or "",
        first=info["first"],
        last=info["last"],
        title=info["title"],
        warnings=list(chat.warnings),
    )


def _store(
    s: Session, case_id: int, exhibit_id: int, sha: str, created: bool, chat: ParsedChat, me: str | None
) -> int:
    ex = get_exhibit(s, exhibit_id)
    notes = "\n".join(chat.warnings)
    if created:
        times = [m.time for m in chat.messages]
        edit_exhibit(
            s,
            ex.id,
            title=chat_title(chat),
            category="interaction",
            purpose=CHAT_PURPOSE,
            notes=notes,
            captured_at=max(times) if times else None,
        )
    elif ex.category == "other":
        edit_exhibit(s, ex.id, category="interaction")
    row = Chat(
        exhibit_id=ex.id,
        blob_sha256=sha,
        format=chat.format,
        participants=list(chat.participants),
        me=(me or "")[:200],
        warnings=list(chat.warnings),
        imported_at=now(),
    )
    s.add(row)
    s.flush()
    if chat.messages:
        s.execute(
            insert(ChatMessage),
            [
                {
                    "chat_id": row.id,
                    "seq": i,
                    "line": m.line,
                    "time": m.time,
                    "sender": m.sender[:200],
                    "is_me": m.is_me,
                    "kind": m.kind[:20],
                    "text": m.text,
                }
                for i, m in enumerate(chat.messages, start=1)
            ],
        )
    ledger.append(
        s,
        "chat.import",
        {
            "chat_id": row.id,
            "sha256": sha,
            "format": chat.format,
            "messages": len(chat.messages),
            "me": me or "",
        },
        case_id=case_id,
        exhibit_id=ex.id,
    )
    return row.id


def import_voice(profile: Profile, case_id: int, path: Path | str) -> VoiceImport:
    """A voice message file as a 平台交互 exhibit; its duration (read from the header) goes into the title."""
    p = Path(path)
    with profile.session() as s:
        get_case(s, case_id)
    data = read_capped(p, MAX_AUDIO_BYTES, ChatError)
    if not data:
        raise ChatError(p.name, "文件是空的。")
    seconds = audio_duration_bytes(data, p.suffix.lower())

    def describe(s: Session, item: ImportedItem, created: bool) -> tuple[bool, str]:
        if created:
            length = format_duration(seconds)
            title = f"语音 {length}（{p.stem}）" if length else f"语音（{p.stem}）"
            notes = (
                f"时长 {length}（{seconds:g} 秒，从音频文件头读取）"
                if length
                else "未能从文件头读取时长（格式未知或文件损坏）"
            )
            edit_exhibit(s, item.exhibit_id, title=title[:300], notes=notes)
            ledger.append(
                s,
                "voice.import",
                {"sha256": item.sha256, "duration": seconds},
                case_id=case_id,
                exhibit_id=item.exhibit_id,
            )
        return created, get_exhibit(s, item.exhibit_id).title

    item, (created, title) = import_source_file(
        profile,
        case_id,
        p,
        data,
        category="interaction",
        captured_at=None,
        source="语音消息文件",
        error=ChatError,
        store=describe,
    )
    return VoiceImport(item.exhibit_id, item.sha256, not created, seconds, title)


# ----------------------------------------------------------------------------- reading
def get_chat(s: Session, chat_id: int, case_id: int | None = None) -> Chat:
    if case_id is not None:
        get_case(s, case_id)
    chat = s.get(Chat, chat_id)
    if chat is None or (case_id is not None and get_exhibit(s, chat.exhibit_id).case_id != case_id):
        raise ChatStoreError(f"聊天记录 {chat_id} 不存在" + (f"或不属于案件 {case_id}" if case_id else ""))
    return chat


def chat_info(s: Session, chat_id: int) -> dict:
    chat = get_chat(s, chat_id)
    ex = get_exhibit(s, chat.exhibit_id)
    n, first, last = s.execute(
        select(func.count(), func.min(ChatMessage.time), func.max(ChatMessage.time)).where(
            ChatMessage.chat_id == chat_id
        )
    ).one()
    to_dt = lambda v: datetime.fromisoformat(v) if isinstance(v, str) else v  # noqa: E731 - min/max on text
    return {
        "chat_id": chat.id,
        "exhibit_id": ex.id,
        "title": ex.title,
        "format": chat.format,
        "sha256": chat.blob_sha256,
        "messages": n,
        "first": iso(to_dt(first)),
        "last": iso(to_dt(last)),
        "participants": list(chat.participants),
        "me": chat.me,
        "warnings": list(chat.warnings),
        "trashed": ex.trashed_at is not None,
    }


def list_chats(s: Session, case_id: int) -> list[dict]:
    """The case's chats whose exhibit is not in the trash, in binder order."""
    get_case(s, case_id)
    ids = s.scalars(
        select(Chat.id)
        .join(Exhibit, Exhibit.id == Chat.exhibit_id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
        .order_by(Exhibit.position, Chat.id)
    )
    return [chat_info(s, i) for i in ids]


def chat_messages(
    s: Session, chat_id: int, first_seq: int | None = None, last_seq: int | None = None
) -> list[ChatMessage]:
    q = select(ChatMessage).where(ChatMessage.chat_id == chat_id)
    if first_seq is not None:
        q = q.where(ChatMessage.seq >= first_seq)
    if last_seq is not None:
        q = q.where(ChatMessage.seq <= last_seq)
    return list(s.scalars(q.order_by(ChatMessage.seq)))


def search_chat(s: Session, chat_id: int, text: str) -> list[int]:
    """Sequence numbers of messages whose text or sender contains ``text`` (case-insensitive)."""
    needle = text.strip().casefold()
    if not needle:
        return []
    return [
        m.seq
        for m in chat_messages(s, chat_id)
        if needle in m.text.casefold() or needle in m.sender.casefold()
    ]


# ----------------------------------------------------------------------------- excerpts
def transcript(messages: list[ChatMessage], header: list[str]) -> str:
    out = [*header, ""]
    for m in messages:
        who = f"{m.sender}（我）" if m.is_me else (m.sender or "系统消息")
        out.append(f"[{m.seq}] {m.time.astimezone(CHINA_TZ):%Y-%m-%d %H:%M:%S}  {who}")
        out.extend(m.text.splitlines() or [""])
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
            raise ChatStoreError(f"聊天记录所在的证据 {src.id} 在回收站中，请先恢复")
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
            f"摘录自证据 {src.id}《{src.title}》，原始文件 {original}（SHA-256 {chat.blob_sha256}），"
            f"第 {first_seq}—{last_seq} 条消息（原文件{lines}）"
        )
        header = [
            "聊天记录摘录",
            f"摘自：证据 {src.id}《{src.title}》",
            f"原始文件：{original}",
            f"原始文件 SHA-256：{chat.blob_sha256}",
            f"范围：第 {first_seq}—{last_seq} 条消息，共 {len(msgs)} 条（消息起始行：原文件{lines}）",
            "说明：本摘录逐字取自原始文件的解析结果，原始文件本身未作任何改动。",
        ]
        text = transcript(msgs, header)
        title = f"聊天摘录：{src.title}（第 {first_seq}—{last_seq} 条）"[:300]
        held_before = live_holder(s, case_id, hashlib.sha256(text.encode("utf-8")).hexdigest())
    report = import_bytes(
        profile,
        case_id,
        text.encode("utf-8"),
        f"聊天摘录_{src.id}_{first_seq}-{last_seq}.txt",
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
                notes=f"由证据 {src.id} 摘录生成；原始聊天记录文件未改动。",
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
