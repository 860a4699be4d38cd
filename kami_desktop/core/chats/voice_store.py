"""Voice messages in a case: a voice file (AMR, SILK, MP3, M4A, WAV…) stored as a 平台交互 exhibit whose
title and notes give its duration, read from the audio header. The original file is never modified; its
WAV copy for listening is ``core.evidence.voice``'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.chats import VOICE_EXTENSIONS, ChatError
from kami_desktop.core.chats.audio import MAX_AUDIO_BYTES, audio_duration_bytes
from kami_desktop.core.evidence.exhibits import edit_exhibit, get_exhibit
from kami_desktop.core.evidence.importer import ImportedItem
from kami_desktop.core.evidence.sources import import_source_file
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.util.fsutil import read_capped


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
