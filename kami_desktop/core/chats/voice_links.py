"""Voice messages of a chat export and the audio files the export holds beside it.

A MemoTrace HTML export writes a voice message as ``text:'./voice/<file>'`` with the audio in ``voice/``
beside the page; a PyWxDump CSV names the file in ``src``. When such a chat is imported, each named file
that really lies inside the export's folder is imported as a voice exhibit of its own (the normal import:
vault, hashes, ledger), titled by the message's time and sender, and the message is linked to it by the
file's SHA-256 (``chat_voice_links``). A file that is missing, lies outside the folder (``..``, an
absolute path elsewhere, a link out), is too large or does not decode is named in the report and never
fails the chat import.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.case.facts import exhibit_numbers
from kami_desktop.core.chats.audio import MAX_AUDIO_BYTES
from kami_desktop.core.chats.model import ChatError, Message
from kami_desktop.core.chats.speakers import Conversation
from kami_desktop.core.chats.voice import VoiceError, decode_voice_bytes
from kami_desktop.core.chats.wxtypes import VOICE_TEXT_LABEL
from kami_desktop.core.errors import UserError
from kami_desktop.core.evidence.exhibits import edit_exhibit, get_exhibit
from kami_desktop.core.evidence.importer import ImportedItem
from kami_desktop.core.evidence.sources import import_source_file, live_holder
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Chat, ChatVoiceLink, Exhibit, ExhibitFile
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.fsutil import read_capped
from kami_desktop.core.util.timeutil import CHINA_TZ

VOICE_PURPOSE = "证明对方在语音消息中所说的内容"
MY_VOICE_PURPOSE = "证明本人在语音消息中向对方所说的内容"
_DRIVE = re.compile(r"^[A-Za-z]:")


class VoiceFileRefused(UserError, ValueError):
    """A voice file the export names that is not imported: the message names the file and the reason."""


@dataclass
class VoiceFiles:
    """What became of the audio files a chat export's voice messages name."""

    referenced: int = 0  # voice messages naming a file
    found: int = 0  # files that exist inside the export's folder
    imported: list[dict] = field(default_factory=list)  # {media, exhibit_id, title}: new voice exhibits
    present: list[dict] = field(
        default_factory=list
    )  # {media, exhibit_id, title}: the case already held them
    trashed: list[dict] = field(default_factory=list)  # {media, exhibit_id, title}: held in the case's trash
    missing: list[str] = field(default_factory=list)  # paths as written, no such file
    refused: list[dict] = field(default_factory=list)  # {media, reason}: outside the folder, too large, bad

    def to_json(self) -> dict:
        return {
            "referenced": self.referenced,
            "found": self.found,
            "imported": list(self.imported),
            "present": list(self.present),
            "trashed": list(self.trashed),
            "missing": list(self.missing),
            "refused": list(self.refused),
        }

    def summary(self) -> str:
        """One line for the import report; empty when the export named no voice file."""
        if not self.referenced:
            return ""
        text = (
            f"语音消息引用的音频文件 {self.referenced} 个：找到 {self.found} 个，新导入 {len(self.imported)} 个，"
            f"已在本案中 {len(self.present)} 个，缺失 {len(self.missing)} 个"
        )
        if self.trashed:
            text += f"，在回收站中 {len(self.trashed)} 个（未重新导入）"
        if self.refused:
            text += f"，未导入 {len(self.refused)} 个"
        return text

    def problems(self) -> list[str]:
        """Each missing or refused file, named (capped: a broken export may name thousands)."""
        out = [
            f"语音文件“{m}”不在导出文件夹中（缺失），该条语音消息只有文字记录。" for m in self.missing[:20]
        ]
        if len(self.missing) > 20:
            out.append(f"……另有 {len(self.missing) - 20} 个语音文件缺失。")
        out += [
            f"语音文件“{t['media']}”的录音在回收站中（《{t['title']}》），未重新导入；需要时请从回收站恢复。"
            for t in self.trashed[:20]
        ]
        out += [f"语音文件“{r['media']}”未导入：{r['reason']}" for r in self.refused[:20]]
        if len(self.refused) > 20:
            out.append(f"……另有 {len(self.refused) - 20} 个语音文件未导入。")
        return out


# ----------------------------------------------------------------------------- where the file is
def resolve_media(folder: Path, media: str) -> Path:
    """The file ``media`` (as the export wrote it) names inside ``folder``. Raises FileNotFoundError when
    there is no such file, VoiceFileRefused when the path leads out of the folder or to no regular file."""
    raw = media.strip().replace("\\", "/")
    if raw.lower().startswith("file://"):
        raw = raw[7:]
    parts = PurePosixPath(raw).parts
    if ".." in parts:
        raise VoiceFileRefused("路径含“..”，指向导出文件夹之外，为安全起见不读取")
    root = folder.resolve()
    if raw.startswith("/") or _DRIVE.match(raw):  # absolute: only a path into the export's own folder
        candidate = Path(raw)
        if not candidate.is_absolute() or not _inside(Path(os.path.normpath(candidate)), root):
            raise VoiceFileRefused("是导出文件夹之外的绝对路径，为安全起见不读取")
    else:
        candidate = root.joinpath(*[p for p in parts if p not in ("", ".")])
    if not os.path.lexists(candidate):
        raise FileNotFoundError(media)
    real = candidate.resolve()
    if not _inside(real, root):
        raise VoiceFileRefused("是指向导出文件夹之外的链接，为安全起见不读取")
    try:
        mode = real.stat().st_mode
    except OSError as exc:
        raise FileNotFoundError(media) from exc
    if not stat.S_ISREG(mode):
        raise VoiceFileRefused("不是普通文件")
    return real


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


# ----------------------------------------------------------------------------- import
def import_chat_voices(
    profile: Profile,
    case_id: int,
    export: Path,
    chat_ids: list[int],
    convs: list[Conversation],
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> VoiceFiles:
    """Import the audio files the voice messages of ``convs`` (stored as ``chat_ids``, in order) name,
    beside ``export``; link each message to its file. Importing the same export again adds nothing."""
    out = VoiceFiles()
    folder = export.parent
    done: dict[str, tuple[str | None, str]] = {}  # media → (sha, problem) this run
    total = sum(1 for c in convs for m in c.messages if m.kind == "voice" and m.media)
    for chat_id, conv in zip(chat_ids, convs, strict=False):
        with profile.session() as s:
            chat = s.get(Chat, chat_id)
            chat_title = get_exhibit(s, chat.exhibit_id).title if chat is not None else ""
        for seq, m in enumerate(conv.messages, start=1):
            if m.kind != "voice" or not m.media:
                continue
            if cancel is not None and cancel():
                return out
            out.referenced += 1
            progress(out.referenced, total, m.media)
            if m.media not in done:
                done[m.media] = _one(profile, case_id, folder, m, chat_title, out)
            sha, problem = done[m.media]
            _link(profile, case_id, chat_id, seq, m.media, sha, problem)
    return out


def _one(
    profile: Profile, case_id: int, folder: Path, m: Message, chat_title: str, out: VoiceFiles
) -> tuple[str | None, str]:
    try:
        path = resolve_media(folder, m.media)
    except FileNotFoundError:
        out.missing.append(m.media)
        return None, "缺失"
    except (VoiceFileRefused, OSError) as exc:
        reason = (
            str(exc) if isinstance(exc, UserError) else f"无法读取（{exc.strerror or type(exc).__name__}）"
        )
        out.refused.append({"media": m.media, "reason": reason})
        return None, reason
    out.found += 1
    try:
        data = read_capped(path, MAX_AUDIO_BYTES, ChatError)
        if not data:
            raise VoiceFileRefused("文件是空的")
        sha = hashlib.sha256(data).hexdigest()
        with profile.session() as s:
            holder = live_holder(s, case_id, sha)
            if holder is not None:  # the case holds these bytes already (an earlier import, a dropped folder)
                out.present.append(
                    {"media": m.media, "exhibit_id": holder, "title": get_exhibit(s, holder).title}
                )
                return sha, ""
            binned = trashed_holder(s, case_id, sha)
            if binned is not None:  # the user put it in the trash: not made again behind their back
                out.trashed.append(
                    {"media": m.media, "exhibit_id": binned, "title": get_exhibit(s, binned).title}
                )
                return sha, ""
        # a file that is no sound is not made a voice exhibit; its decoded length is the one the binder prints
        decoded = decode_voice_bytes(data, m.media, rate=8000)
        item, title = _store(profile, case_id, path, data, m, chat_title, decoded.duration)
    except (UserError, OSError) as exc:
        reason = _reason(exc)
        out.refused.append({"media": m.media, "reason": reason})
        return None, reason
    out.imported.append({"media": m.media, "exhibit_id": item.exhibit_id, "title": title})
    return item.sha256, ""


def trashed_holder(s: Session, case_id: int, sha256: str) -> int | None:
    """The exhibit in the case's trash that holds these bytes, if any (and none live does)."""
    return s.scalar(
        select(ExhibitFile.exhibit_id)
        .join(Exhibit)
        .where(ExhibitFile.blob_sha256 == sha256, Exhibit.case_id == case_id, Exhibit.trashed_at.is_not(None))
        .order_by(Exhibit.trashed_at.desc())
        .limit(1)
    )


def _reason(exc: Exception) -> str:
    if isinstance(exc, VoiceError):
        return f"不是可以播放的音频：{str(exc).replace('；原文件已原样保存', '').replace('，原文件已原样保存', '')}"
    if isinstance(exc, ChatError):
        return exc.reason
    if isinstance(exc, UserError):
        return str(exc)
    return f"无法读取（{getattr(exc, 'strerror', '') or type(exc).__name__}）"


def voice_title(when: datetime, sender: str) -> str:
    """'语音消息 2025-03-12 20:30 客服小王'."""
    return f"语音消息 {when.astimezone(CHINA_TZ):%Y-%m-%d %H:%M} {sender or '未知发送方'}".strip()


def _store(
    profile: Profile, case_id: int, path: Path, data: bytes, m: Message, chat_title: str, decoded: float
) -> tuple[ImportedItem, str]:
    tenths = round(decoded * 10) / 10
    when = f"{m.time.astimezone(CHINA_TZ):%Y-%m-%d %H:%M:%S}"
    source = f"聊天记录《{chat_title}》中 {when} {m.sender} 发送的语音消息（导出文件夹内的 {m.media}）"

    def describe(s: Session, item: ImportedItem, created: bool) -> str:
        if created:
            notes = [f"时长约 {tenths:.1f} 秒（解码原文件测得）"]
            if m.voice_text:
                notes.append(f"{VOICE_TEXT_LABEL}（微信自动识别，非本人整理）：{m.voice_text}")
            edit_exhibit(
                s,
                item.exhibit_id,
                title=voice_title(m.time, m.sender)[:300],
                purpose=MY_VOICE_PURPOSE if m.is_me else VOICE_PURPOSE,
                notes="\n".join(notes),
            )
            ledger.append(
                s,
                "voice.import",
                {"sha256": item.sha256, "duration": round(decoded, 3), "chat_media": m.media},
                case_id=case_id,
                exhibit_id=item.exhibit_id,
            )
        return get_exhibit(s, item.exhibit_id).title

    return import_source_file(
        profile,
        case_id,
        path,
        data,
        category="interaction",
        captured_at=m.time,
        source=source[:1000],
        error=ChatError,
        store=describe,
    )


def _link(
    profile: Profile, case_id: int, chat_id: int, seq: int, media: str, sha: str | None, problem: str
) -> None:
    """Record (or bring up to date) the link of message ``seq``; a change goes through the ledger."""
    with profile.session() as s:
        row = s.scalar(
            select(ChatVoiceLink).where(ChatVoiceLink.chat_id == chat_id, ChatVoiceLink.seq == seq)
        )
        if row is not None and row.sha256 and not sha:
            return  # an earlier import found the file; a later one without it keeps that link
        if row is not None and (row.media, row.sha256, row.problem) == (media[:1000], sha, problem):
            return
        if row is None:
            row = ChatVoiceLink(chat_id=chat_id, seq=seq, media=media[:1000], sha256=sha, problem=problem)
            s.add(row)
        else:
            row.media, row.sha256, row.problem = media[:1000], sha, problem
        s.flush()
        chat = s.get(Chat, chat_id)
        ledger.append(
            s,
            "chat.voice_link",
            {"chat_id": chat_id, "seq": seq, "media": media, "sha256": sha, "problem": problem},
            case_id=case_id,
            exhibit_id=chat.exhibit_id if chat is not None else None,
        )


# ----------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class VoiceLink:
    seq: int
    media: str  # the path as the export wrote it
    sha256: str | None
    exhibit_id: int | None  # the case's live exhibit holding the file, None when none does
    number: int | None  # that exhibit's binder number (证据 N)
    title: str
    problem: str  # why the file is not in the case (missing, refused), empty when it was imported

    def to_json(self) -> dict:
        return dict(self.__dict__)


def chat_voice_links(s: Session, chat_id: int) -> dict[int, VoiceLink]:
    """seq → the link of each voice message of the chat that names a file."""
    chat = s.get(Chat, chat_id)
    if chat is None:
        return {}
    case_id = s.scalar(select(Exhibit.case_id).where(Exhibit.id == chat.exhibit_id))
    rows = list(s.scalars(select(ChatVoiceLink).where(ChatVoiceLink.chat_id == chat_id)))
    if not rows or case_id is None:
        return {}
    holders = {r.sha256: live_holder(s, case_id, r.sha256) for r in rows if r.sha256}
    numbers = exhibit_numbers(s, case_id, [h for h in holders.values() if h is not None])
    out: dict[int, VoiceLink] = {}
    for row in rows:
        holder = holders.get(row.sha256) if row.sha256 else None
        number, title = numbers.get(holder, (None, "")) if holder is not None else (None, "")
        out[row.seq] = VoiceLink(row.seq, row.media, row.sha256, holder, number, title, row.problem)
    return out


def linked_shas(s: Session, chat_id: int) -> dict[int, str]:
    """seq → SHA-256 of the audio file linked to that message (the binder finds the exhibit by it)."""
    return {
        seq: str(sha)
        for seq, sha in s.execute(
            select(ChatVoiceLink.seq, ChatVoiceLink.sha256).where(
                ChatVoiceLink.chat_id == chat_id, ChatVoiceLink.sha256.is_not(None)
            )
        )
    }


def snapshot_voice_links(s: Session, case_id: int) -> dict[tuple[int, str], dict[int, str]]:
    """(chat exhibit id, chat file SHA-256) → seq → SHA-256 of the audio file that voice message names,
    for the case's live chats (the binder looks the exhibit up by the audio's hash)."""
    out: dict[tuple[int, str], dict[int, str]] = {}
    rows = s.execute(
        select(Chat.exhibit_id, Chat.blob_sha256, ChatVoiceLink.seq, ChatVoiceLink.sha256)
        .join(ChatVoiceLink, ChatVoiceLink.chat_id == Chat.id)
        .join(Exhibit, Exhibit.id == Chat.exhibit_id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None), ChatVoiceLink.sha256.is_not(None))
        .order_by(Chat.id)
    )
    for exhibit_id, chat_sha, seq, sha in rows:
        out.setdefault((exhibit_id, chat_sha), {}).setdefault(seq, str(sha))
    return out
