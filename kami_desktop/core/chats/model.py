"""Data model of a parsed chat export (QQ message manager, MemoTrace, PyWxDump)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kami_desktop.core.errors import UserError
from kami_desktop.core.util.timeutil import iso

KINDS = (
    "text",
    "image",
    "voice",
    "video",
    "sticker",
    "file",
    "link",
    "quote",
    "transfer",
    "red_packet",
    "music",
    "call",
    "location",
    "card",
    "app",
    "system",
)


class ChatError(UserError, ValueError):
    """A chat export that cannot be read. The message is Chinese and names the file (and the line)."""

    def __init__(self, file: str, reason: str, line: int | None = None):
        self.file = file
        self.reason = reason
        self.line = line
        where = f"第 {line} 行：" if line is not None else ""
        super().__init__(f"{file}：{where}{reason}")


@dataclass(frozen=True)
class Message:
    time: datetime  # aware, +08:00
    sender: str  # display name (QQ number / e-mail / wxid split off into sender_id)
    is_me: bool
    kind: str  # one of KINDS
    text: str  # whole message, multi-line kept
    line: int  # 1-based line in the export where the message starts
    sender_id: str = ""
    conversation: str = ""  # QQ 消息对象 / MemoTrace contact, when the export holds several
    group: str = ""  # QQ 消息分组 (我的好友, 我的群聊 …)
    media: str = ""  # a voice message: the audio file the export references, as written there
    voice_text: str = ""  # WeChat's own speech-to-text of a voice message, when the export carries it

    def to_json(self) -> dict:
        return {
            "time": iso(self.time),
            "sender": self.sender,
            "is_me": self.is_me,
            "kind": self.kind,
            "text": self.text,
            "line": self.line,
            "sender_id": self.sender_id,
            "conversation": self.conversation,
            "group": self.group,
            "media": self.media,
            "voice_text": self.voice_text,
        }


@dataclass
class ParsedChat:
    format: str  # 'qq-txt' | 'memotrace-csv' | 'memotrace-txt' | 'memotrace-html' | 'pywxdump-csv'
    messages: list[Message]
    participants: list[str]
    warnings: list[str] = field(default_factory=list)
    file: str = ""
    encoding: str = ""

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "format": self.format,
            "encoding": self.encoding,
            "messages": len(self.messages),
            "first": iso(min(m.time for m in self.messages)) if self.messages else None,
            "last": iso(max(m.time for m in self.messages)) if self.messages else None,
            "participants": list(self.participants),
            "warnings": list(self.warnings),
            "items": [m.to_json() for m in self.messages],
        }


def participants_of(messages: list[Message]) -> list[str]:
    seen: dict[str, None] = {}
    for m in messages:
        if m.kind != "system" and m.sender:
            seen.setdefault(m.sender, None)
    return list(seen)
