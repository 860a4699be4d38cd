"""Chat logs in a case: import (exhibit + every message, all or nothing), reading and search; the
original chat file is never modified. A voice file given to ``import_chat`` is stored by
``voice_store`` (re-exported here); an excerpt (a span of messages as a new exhibit) is made by
``excerpts``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.chats import ChatError, ParsedChat, parse_chat_bytes
from kami_desktop.core.chats.detect import MAX_CHAT_BYTES
from kami_desktop.core.chats.speakers import (
    Conversation,
    Sender,
    conversations,
    list_senders,
    resolve_me,
    stored_role,
)
from kami_desktop.core.chats.voice_links import import_chat_voices

# voice files, re-exported: callers import them from here
from kami_desktop.core.chats.voice_store import VoiceImport as VoiceImport
from kami_desktop.core.chats.voice_store import format_duration as format_duration
from kami_desktop.core.chats.voice_store import import_voice as import_voice
from kami_desktop.core.chats.voice_store import is_voice as is_voice
from kami_desktop.core.evidence.exhibits import ExhibitError, edit_exhibit, get_exhibit, next_position
from kami_desktop.core.evidence.importer import ImportedItem, record_import
from kami_desktop.core.evidence.sources import import_source_file
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Chat, ChatMessage, Exhibit, ExhibitFile
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.fsutil import read_capped
from kami_desktop.core.util.timeutil import iso, now

FORMAT_LABELS = {
    "qq-txt": "QQ",
    "memotrace-csv": "微信",
    "memotrace-txt": "微信",
    "memotrace-html": "微信",
    "pywxdump-csv": "微信",
}
CHAT_PURPOSE = "证明与平台客服沟通的经过及平台的答复"
PARSER_ME_WARNING = "未指定本人"  # the parser's own hint; the import says it per conversation instead


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
    chats: list[dict] = field(default_factory=list)  # one per conversation of the export
    kind: str = "chat"
    voices: dict = field(default_factory=dict)  # the audio files its voice messages name: voice_links

    def to_json(self) -> dict:
        return dict(self.__dict__)


# ----------------------------------------------------------------------------- import
def chat_title(chat: ParsedChat | Conversation) -> str:
    """'QQ聊天记录（与星辰客服）2026-03-01—2026-03-02'; a group chat: 'QQ群聊记录（星辰卡盟售后群）…'."""
    fmt = chat.format if isinstance(chat, ParsedChat) else ""
    label = FORMAT_LABELS.get(fmt, "")
    if isinstance(chat, Conversation):
        label = chat.label
        if chat.group:
            times = [m.time for m in chat.messages]
            span = f" {min(times):%Y-%m-%d}—{max(times):%Y-%m-%d}" if times else ""
            return f"{label}群聊记录（{chat.name or '未命名群'}）{span}"
    others = []
    for m in chat.messages:
        if not m.is_me and m.kind != "system" and m.sender and m.sender not in others:
            others.append(m.sender)
    with_whom = f"（与{'、'.join(others[:2])}{'等' if len(others) > 2 else ''}）" if others else ""
    times = [m.time for m in chat.messages]
    span = f" {min(times):%Y-%m-%d}—{max(times):%Y-%m-%d}" if times else ""
    return f"{label}聊天记录{with_whom}{span}"


def _choices(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def chat_senders(path: Path | str) -> list[Sender]:
    """The senders of an export (name, aliases, id, message count), for choosing "me" before importing."""
    p = Path(path)
    return list_senders(parse_chat_bytes(read_capped(p, MAX_CHAT_BYTES, ChatError), p.name))


def import_chat(
    profile: Profile,
    case_id: int,
    path: Path | str,
    me: str | list[str] | None = None,
    *,
    staff: str | list[str] | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ChatImport | VoiceImport:
    """Parse, then store the export as 平台交互 exhibits with every message: one chat and one exhibit per
    conversation of the export (voice files: see import_voice).

    ``me`` / ``staff``: senders of the export (an id, a name or an alias, as ``chat_senders`` lists them)
    who are the user / the platform's staff in group chats; a value that names no sender is refused.
    Raises ChatError before anything is stored; importing the same file again adds nothing."""
    p = Path(path)
    if is_voice(p):
        return import_voice(profile, case_id, p)
    progress(0, 3, p.name)
    with profile.session() as s:
        get_case(s, case_id)
    data = read_capped(p, MAX_CHAT_BYTES, ChatError)
    chat = parse_chat_bytes(data, p.name)
    me_keys = resolve_me(chat, _choices(me))
    staff_keys = resolve_me(chat, _choices(staff)) - me_keys
    convs = conversations(chat, me_keys, staff_keys)
    for c in convs:
        c.label = FORMAT_LABELS.get(chat.format, "")
    sha = hashlib.sha256(data).hexdigest()
    progress(1, 3, p.name)
    with profile.session() as s:
        existing = list(
            s.scalars(
                select(Chat.id)
                .join(Exhibit, Exhibit.id == Chat.exhibit_id)
                .where(Chat.blob_sha256 == sha, Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
                .order_by(Chat.id)
            )
        )
    duplicate = bool(existing)
    if not existing:
        if cancel is not None and cancel():
            raise ChatError(p.name, "导入已取消")
        progress(2, 3, p.name)
        who = "、".join(_choices(me))

        def store(s: Session, item: ImportedItem, created: bool) -> list[int]:
            return [
                _store(s, case_id, _exhibit_for(s, case_id, item, created, i), sha, chat, c, who)
                for i, c in enumerate(convs or [Conversation("", False, [], [])])
            ]

        _, existing = import_source_file(
            profile,
            case_id,
            p,
            data,
            category="interaction",
            captured_at=None,
            source="聊天记录导出文件",
            error=ChatError,
            store=store,
        )
    voices = import_chat_voices(profile, case_id, p, existing, convs, progress=progress, cancel=cancel)
    progress(3, 3, p.name)
    with profile.session() as s:
        infos = [chat_info(s, i) for i in existing]
    first = infos[0]
    warnings = [w for w in chat.warnings if not w.startswith(PARSER_ME_WARNING)]
    warnings += [w for c in convs for w in c.warnings] + voices.problems()
    return ChatImport(
        chat_id=first["chat_id"],
        exhibit_id=first["exhibit_id"],
        sha256=sha,
        duplicate=duplicate,
        format=chat.format,
        messages=len(chat.messages),
        participants=list(chat.participants),
        me=", ".join(_choices(me)),
        first=min((i["first"] for i in infos if i["first"]), default=None),
        last=max((i["last"] for i in infos if i["last"]), default=None),
        title=first["title"],
        warnings=warnings,
        chats=[
            {k: i[k] for k in ("chat_id", "exhibit_id", "title", "conversation", "group_chat", "messages")}
            for i in infos
        ],
        voices=voices.to_json() | {"summary": voices.summary()},
    )


def _exhibit_for(s: Session, case_id: int, item: ImportedItem, created: bool, index: int) -> int:
    """The first conversation lives in the imported exhibit; each further one gets an exhibit of its own
    holding the same original file (recorded as an import of that file, so the ledger replays it)."""
    if index == 0:
        return item.exhibit_id
    first = get_exhibit(s, item.exhibit_id)
    src = next(f for f in first.files if f.blob_sha256 == item.sha256)
    stamp = now()
    ex = Exhibit(
        case_id=case_id,
        title=first.title,
        category="interaction",
        purpose="",
        source=first.source,
        captured_at=first.captured_at,
        position=next_position(s, case_id),
        notes="",
        tags=[],
        created_at=stamp,
        updated_at=stamp,
    )
    s.add(ex)
    s.flush()
    ef = ExhibitFile(
        exhibit_id=ex.id,
        blob_sha256=src.blob_sha256,
        position=1,
        original_name=src.original_name,
        original_path=src.original_path,
        file_mtime=src.file_mtime,
        exif_time=src.exif_time,
        imported_at=stamp,
        problem=src.problem,
    )
    s.add(ef)
    s.flush()
    record_import(s, src.blob, ex, ef, duplicate=True, new_exhibit=True)
    return ex.id


def _store(
    s: Session, case_id: int, exhibit_id: int, sha: str, chat: ParsedChat, conv: Conversation, me: str
) -> int:
    ex = get_exhibit(s, exhibit_id)
    if ex.category == "other" or not ex.purpose:  # an exhibit this import made (or an uncategorised one)
        times = [m.time for m in conv.messages]
        edit_exhibit(
            s,
            ex.id,
            title=chat_title(conv)[:300],
            category="interaction",
            purpose=ex.purpose or CHAT_PURPOSE,
            captured_at=max(times) if times else ex.captured_at,
        )
    row = Chat(
        exhibit_id=ex.id,
        blob_sha256=sha,
        format=chat.format,
        participants=conv.participants,
        me=me[:200],
        warnings=[w for w in chat.warnings if not w.startswith(PARSER_ME_WARNING)] + conv.warnings,
        imported_at=now(),
        conversation=conv.name[:300],
        group_chat=conv.group,
    )
    s.add(row)
    s.flush()
    if conv.messages:
        s.execute(
            insert(ChatMessage),
            [
                {
                    "chat_id": row.id,
                    "seq": i,
                    "line": m.line,
                    "time": m.time,
                    "sender": m.sender[:200],
                    "sender_id": m.sender_id[:200],
                    "is_me": m.is_me,
                    "role": role,
                    "kind": m.kind[:20],
                    "text": m.text,
                }
                for i, (m, role) in enumerate(zip(conv.messages, conv.roles, strict=True), start=1)
            ],
        )
    ledger.append(
        s,
        "chat.import",
        {
            "chat_id": row.id,
            "sha256": sha,
            "format": chat.format,
            "conversation": conv.name,
            "messages": len(conv.messages),
            "me": me,
        },
        case_id=case_id,
        exhibit_id=ex.id,
    )
    return row.id


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
        "conversation": chat.conversation,
        "group_chat": bool(chat.group_chat),
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


def role_of(m: ChatMessage) -> str:
    """A message's speaker role (me / platform / other / system); see ``speakers.stored_role``."""
    return stored_role(m.role, m.kind, m.sender, m.is_me)
