"""Classic PC QQ 消息管理器 text export (全部消息记录.txt / <对象>.txt).

Blocks separated by 64 '=' characters carry 消息分组:X and 消息对象:Y; a message starts only at a
line ``YYYY-MM-DD H:MM:SS[ AM|PM] sender`` and runs (empty lines included) until the next one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from kami_desktop.core.chats.common import (
    MAX_LINE,
    MAX_LINES,
    MAX_MESSAGE_CHARS,
    MAX_MESSAGES,
    kind_of,
    message_too_long,
    strip_eol,
    too_many_lines,
    too_many_messages,
)
from kami_desktop.core.chats.model import ChatError, Message, ParsedChat, participants_of
from kami_desktop.core.util.timeutil import china_local

FORMAT = "qq-txt"
TITLE = "消息记录（此消息记录为文本格式"
SEPARATOR = re.compile(r"^={40,}$")
HEADER = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2})(?: ([AaPp][Mm]))?(?: (.*))?$")
_ID = re.compile(r"^(.*?)\s*(?:\((\d{4,})\)|<([^<>\s]+@[^<>\s]+)>)$")
_TITLE_PREFIX = re.compile(r"^【[^】]{1,10}】")
RECENT = "最近联系人"
SYSTEM_IDS = {"10000", "1000000"}


def looks_like_qq(lines: list[str]) -> bool:
    head = [line.strip() for line in lines[:12]]
    if head and head[0].startswith(TITLE):
        return True
    return any(
        SEPARATOR.match(a) and b.startswith(("消息分组:", "消息对象:"))
        for a, b in zip(head, head[1:], strict=False)
    )


def split_sender(raw: str) -> tuple[str, str]:
    """'群名片(12345)' -> ('群名片', '12345'); '昵称<a@b.com>' -> ('昵称', 'a@b.com'); bare names have no id."""
    raw = raw.strip()
    m = _ID.match(raw)
    name, ident = (m.group(1), m.group(2) or m.group(3)) if m else (raw, "")
    name = _TITLE_PREFIX.sub("", name).strip()
    return (name or ident), ident


@dataclass
class _Draft:
    line: int
    time: datetime
    sender: str
    sender_id: str
    conversation: str
    group: str
    body: list[str] = field(default_factory=list)
    chars: int = 0


def _time(m: re.Match, ampm: str) -> datetime | None:
    y, mo, d, h, mi, s = (int(m.group(i)) for i in range(1, 7))
    ampm = ampm.upper()
    if ampm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm == "PM" else 0)
    try:
        return china_local(datetime(y, mo, d, h, mi, s))
    except ValueError:
        return None


def parse_qq(lines: Iterable[str], name: str, encoding: str, me: str | None) -> ParsedChat:
    """Parse the decoded lines (with or without line endings) of a QQ export, streamed and capped."""
    drafts: list[_Draft] = []
    warnings: list[str] = []
    group = conversation = ""
    after_separator = False
    current: _Draft | None = None
    stray = 0
    for number, raw in enumerate(lines, start=1):
        if number > MAX_LINES:
            raise too_many_lines(name)
        if len(raw) > MAX_LINE:
            raise ChatError(name, "这一行过长，不像 QQ 聊天记录，文件可能已损坏。", number)
        line = strip_eol(raw).lstrip("\ufeff")
        stripped = line.strip()
        if SEPARATOR.match(stripped):
            current = None
            after_separator = True
            continue
        if after_separator and stripped.startswith("消息分组:"):
            group = stripped[len("消息分组:") :].strip()
            conversation = ""
            continue
        if after_separator and stripped.startswith("消息对象:"):
            conversation = stripped[len("消息对象:") :].strip()
            continue
        if stripped:
            after_separator = False
        m = HEADER.match(line.rstrip())
        if m:
            ampm, rest = m.group(7) or "", m.group(8)
            if ampm and not 1 <= int(m.group(4)) <= 12:  # 24-hour time and a sender called "AM"/"PM"
                ampm, rest = "", ampm + (" " + rest if rest is not None else "")
            when = _time(m, ampm)
            if when is None:
                raise ChatError(name, f"消息时间“{stripped[:25]}”无法识别。", number)
            sender, sender_id = split_sender(rest or "")
            if len(drafts) >= MAX_MESSAGES:
                raise too_many_messages(name, number)
            current = _Draft(number, when, sender, sender_id, conversation, group)
            drafts.append(current)
        elif current is not None:
            current.chars += len(line) + 1
            if current.chars > MAX_MESSAGE_CHARS:
                raise message_too_long(name, current.line)
            current.body.append(line)
        elif stripped and not (number <= 2 and stripped.startswith(TITLE)):
            stray += 1
    if stray:
        warnings.append(f"有 {stray} 行内容不属于任何一条消息（前面没有时间行），已忽略。")
    recent = [d for d in drafts if d.group == RECENT]
    if recent:
        warnings.append(f"已跳过“{RECENT}”分组中的 {len(recent)} 条消息（与其他分组重复）。")
        drafts = [d for d in drafts if d.group != RECENT]
    messages = _finish(drafts, me, warnings)
    if not messages:
        warnings.append("没有读到任何消息。")
    return ParsedChat(FORMAT, messages, participants_of(messages), warnings, file=name, encoding=encoding)


def _is_system(d: _Draft) -> bool:
    return d.sender_id in SYSTEM_IDS or d.sender == "系统消息"


def _me_names(drafts: list[_Draft], me: str | None, warnings: list[str]) -> dict[str, set[str]]:
    """Which sender names are 'me', per conversation."""
    convs: dict[str, list[_Draft]] = {}
    for d in drafts:
        convs.setdefault(d.conversation, []).append(d)
    if me and me.strip():
        key = me.strip()
        found = {d.sender for d in drafts if key in (d.sender, d.sender_id)}
        if not found:
            warnings.append(f"没有找到发送者“{key}”的消息，请核对本人的昵称或 QQ 号。")
        return {c: found for c in convs}
    result: dict[str, set[str]] = {}
    undecided = []
    for conv, items in convs.items():
        senders = {d.sender for d in items if not _is_system(d)}
        others = senders - {conv}
        if conv in senders and len(others) == 1:  # a private chat: whoever is not the contact is me
            result[conv] = others
        else:
            result[conv] = set()
            if senders:
                undecided.append(conv or "（未命名）")
    if undecided:
        warnings.append(
            "未指定本人的昵称或 QQ 号，无法判断以下会话中哪些消息是本人发送的："
            + "、".join(undecided[:5])
            + "。"
        )
    return result


def _finish(drafts: list[_Draft], me: str | None, warnings: list[str]) -> list[Message]:
    mine = _me_names(drafts, me, warnings)
    out = []
    for d in drafts:
        body = d.body
        while body and not body[-1].strip():
            body = body[:-1]
        while body and not body[0].strip():
            body = body[1:]
        text = "\n".join(body)
        kind = "system" if _is_system(d) else kind_of(text)
        out.append(
            Message(
                d.time,
                d.sender,
                d.sender in mine.get(d.conversation, set()),
                kind,
                text,
                d.line,
                d.sender_id,
                d.conversation,
                d.group,
            )
        )
    return out
