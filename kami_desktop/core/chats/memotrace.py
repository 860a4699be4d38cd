"""WeChat exports made by MemoTrace (留痕, LC044/WeChatMsg): CSV and TXT; plus the PyWxDump CSV."""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePath

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
from kami_desktop.core.chats.wxtypes import PLACEHOLDER, describe, media_path, voice_body
from kami_desktop.core.util.timeutil import china_local, from_timestamp

FORMAT_CSV = "memotrace-csv"
FORMAT_TXT = "memotrace-txt"
FORMAT_PYWXDUMP = "pywxdump-csv"
CSV_HEADER = [
    "localId",
    "TalkerId",
    "Type",
    "SubType",
    "IsSender",
    "CreateTime",
    "Status",
    "StrContent",
    "StrTime",
    "Remark",
    "NickName",
    "Sender",
]
PYWXDUMP_HEADER = [
    "id",
    "MsgSvrID",
    "type_name",
    "is_sender",
    "talker",
    "room_name",
    "msg",
    "src",
    "CreateTime",
]
PYWXDUMP_OLD_HEADER = [
    "id",
    "MsgSvrID",
    "type_name",
    "is_sender",
    "talker",
    "room_name",
    "content",
    "CreateTime",
]
TXT_HEADER = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2})(?: (.*))?$")
ME_DEFAULT = "我"
_MIN_TS, _MAX_TS = 946_684_800, 4_102_444_800  # 2000-01-01 .. 2100-01-01


def contact_from_file(name: str) -> str:
    """MemoTrace names files '<备注>_utf8.csv' / '<备注>.txt'; a zip member name is 'x.zip 中的 y'."""
    stem = PurePath(name.rsplit(" 中的 ", 1)[-1]).stem
    return stem[: -len("_utf8")] if stem.endswith("_utf8") else stem


def header_of(text: str) -> list[str]:
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip("\r")
    return [c.strip() for c in first.split(",")]


def _records(lines: Iterable[str], name: str) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, fields) per CSV record; more than ``MAX_LINES`` lines is refused while reading."""

    def without_bom(it: Iterable[str]) -> Iterator[str]:
        first = True
        for line in it:
            yield line.lstrip("\ufeff") if first else line
            first = False

    reader = csv.reader(without_bom(lines))
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ChatError(name, f"CSV 格式错误，或这一行过长（{exc}）。", line) from None
        if reader.line_num > MAX_LINES:
            raise too_many_lines(name)
        yield line, row
        line = reader.line_num + 1


def _keep(messages: list[Message], message: Message, name: str) -> None:
    if len(messages) >= MAX_MESSAGES:
        raise too_many_messages(name, message.line)
    messages.append(message)


def _parse_time(create: str, strtime: str) -> tuple[datetime | None, bool]:
    """CreateTime (Unix seconds) is authoritative; StrTime depends on the exporting PC's time zone."""
    when = None
    try:
        ts = int(create.strip())
        if _MIN_TS <= ts <= _MAX_TS:
            when = from_timestamp(ts)
    except ValueError:
        pass
    local = None
    try:
        local = china_local(datetime.fromisoformat(strtime.strip())) if strtime.strip() else None
    except ValueError:
        local = None
    if when is None:
        return local, False
    return when, local is not None and local != when


def parse_memotrace_csv(lines: Iterable[str], name: str, encoding: str, me: str | None) -> ParsedChat:
    records = _records(lines, name)
    next(records, None)  # header, checked by the caller
    contact = contact_from_file(name)
    messages: list[Message] = []
    shifted = 0
    for line, row in records:
        if not any(c.strip() for c in row):
            continue
        if len(row) < 9:
            raise ChatError(name, f"这一行只有 {len(row)} 列（应有 9 或 12 列），文件可能被截断。", line)
        if len(row) > len(CSV_HEADER):
            raise ChatError(name, f"这一行有 {len(row)} 列，比表头多；文件可能已损坏。", line)
        row = row + [""] * (len(CSV_HEADER) - len(row))
        _, _, type_, sub, is_sender, create, _, content, strtime, remark, nick, wxid = row
        when, tz_shift = _parse_time(create, strtime)
        if when is None:
            raise ChatError(
                name, f"消息时间无法识别（CreateTime“{create[:20]}”，StrTime“{strtime[:25]}”）。", line
            )
        shifted += tz_shift
        kind, body = describe(type_, sub, content.replace("\r\n", "\n"))
        is_me = is_sender.strip() == "1"
        if kind == "system":
            sender, is_me = "", False
        elif is_me:
            sender = (me or "").strip() or ME_DEFAULT
        else:
            sender = remark.strip() or nick.strip() or wxid.strip() or contact
        _keep(messages, Message(when, sender, is_me, kind, body, line, wxid.strip(), contact), name)
    warnings = []
    if shifted:
        warnings.append(
            f"有 {shifted} 条消息的 StrTime 与 CreateTime 不一致（导出电脑的时区不是北京时间），已按 CreateTime 换算为北京时间。"
        )
    return _done(FORMAT_CSV, messages, warnings, name, encoding)


def parse_pywxdump_csv(lines: Iterable[str], name: str, encoding: str, me: str | None) -> ParsedChat:
    records = _records(lines, name)
    _, header = next(records)
    cols = {h.strip().lstrip("\ufeff"): i for i, h in enumerate(header)}
    messages: list[Message] = []
    for line, row in records:
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise ChatError(
                name, f"这一行有 {len(row)} 列，表头有 {len(header)} 列；文件可能被截断或损坏。", line
            )

        def get(key: str, row: list[str] = row) -> str:
            return row[cols[key]].strip() if key in cols else ""

        raw = get("CreateTime")
        when, _ = _parse_time(raw, raw if not raw.isdigit() else "")
        if when is None:
            raise ChatError(name, f"消息时间“{raw[:25]}”无法识别。", line)
        content = get("msg") if "msg" in cols else _json_msg(get("content"))
        kind = _pywxdump_kind(get("type_name"), content)
        media = voice_text = ""
        if kind == "voice":
            media = media_path(get("src"))
            content, voice_text = _pywxdump_voice(content)
        if not content.strip() and kind in PLACEHOLDER:
            content = PLACEHOLDER[kind]
        is_me = get("is_sender") == "1"
        sender = ((me or "").strip() or get("talker") or ME_DEFAULT) if is_me else get("talker")
        if kind == "system":
            sender, is_me = "", False
        message = Message(
            when,
            sender,
            is_me,
            kind,
            content,
            line,
            get("talker"),
            get("room_name"),
            media=media,
            voice_text=voice_text,
        )
        _keep(messages, message, name)
    return _done(FORMAT_PYWXDUMP, messages, [], name, encoding)


_PYWX_VOICE = re.compile(r"^\s*语音时长[:：]\s*(\d+(?:\.\d+)?)\s*(秒|s)?\s*(?:翻译结果[:：]\s*(.*))?$", re.S)


def _pywxdump_voice(msg: str) -> tuple[str, str]:
    """PyWxDump writes a voice message as '语音时长：N' and, when WeChat recognised it, '翻译结果：…'
    (WeChat's speech-to-text); anything else it wrote is kept as it is."""
    m = _PYWX_VOICE.match(msg)
    if not m:
        return msg, ""
    said = " ".join((m.group(3) or "").split())
    return voice_body(f"{m.group(1)}秒" if m.group(2) else "", said), said


def _json_msg(value: str) -> str:
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        return value
    if isinstance(data, dict):
        return str(data.get("msg", data.get("content", value)))
    return value


_PYWX_KINDS = (
    ("通话", "call"),
    ("系统", "system"),
    ("撤回", "system"),
    ("文本", "text"),
    ("引用", "quote"),
    ("图片", "image"),
    ("语音", "voice"),
    ("视频", "video"),
    ("表情", "sticker"),
    ("文件", "file"),
    ("转账", "transfer"),
    ("红包", "red_packet"),
    ("链接", "link"),
    ("位置", "location"),
    ("名片", "card"),
)


def _pywxdump_kind(type_name: str, content: str) -> str:
    for word, kind in _PYWX_KINDS:
        if word in type_name:
            return kind
    return kind_of(content) if not type_name else "app"


@dataclass
class _Draft:
    line: int
    time: datetime
    rest: str
    body: list[str] = field(default_factory=list)
    chars: int = 0


def parse_memotrace_txt(lines: Iterable[str], name: str, encoding: str, me: str | None) -> ParsedChat:
    drafts: list[_Draft] = []
    stray = 0
    for number, raw in enumerate(lines, start=1):
        if number > MAX_LINES:
            raise too_many_lines(name)
        if len(raw) > MAX_LINE:
            raise ChatError(name, "这一行过长，不像聊天记录，文件可能已损坏。", number)
        line = strip_eol(raw)
        m = TXT_HEADER.match(line.lstrip("\ufeff").rstrip())
        if m:
            try:
                when = china_local(datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S"))
            except ValueError:
                raise ChatError(name, f"消息时间“{m.group(1)}”无法识别。", number) from None
            if len(drafts) >= MAX_MESSAGES:
                raise too_many_messages(name, number)
            drafts.append(_Draft(number, when, m.group(2) or ""))
        elif drafts:
            draft = drafts[-1]
            draft.chars += len(line) + 1
            if draft.chars > MAX_MESSAGE_CHARS:
                raise message_too_long(name, draft.line)
            draft.body.append(line)
        elif line.strip():
            stray += 1
    contact = contact_from_file(name)
    me_name = (me or "").strip()
    rows = []
    for d in drafts:
        body = d.body
        while body and not body[-1].strip():
            body = body[:-1]
        if not body:  # a system line: '{StrTime} {content}' with no name line
            rows.append((d, "", html.unescape(d.rest), "system"))
        else:
            text_ = "\n".join(body)
            kind = "quote" if any(b.startswith("引用:") for b in body) else kind_of(text_)
            rows.append((d, html.unescape(d.rest.strip()), text_, kind))
    senders = {s for _, s, _, k in rows if k != "system"}
    warnings = [f"有 {stray} 行内容出现在第一条消息之前，已忽略。"] if stray else []
    if not me_name:
        others = senders - {contact}
        if contact in senders and len(others) == 1:
            me_name = next(iter(others))
        elif len(senders) > 1:
            warnings.append("未指定本人的微信昵称，无法判断哪些消息是本人发送的。")
    messages = [
        Message(d.time, s, bool(me_name) and s == me_name, k, t, d.line, "", contact) for d, s, t, k in rows
    ]
    return _done(FORMAT_TXT, messages, warnings, name, encoding)


def _done(fmt: str, messages: list[Message], warnings: list[str], name: str, encoding: str) -> ParsedChat:
    if not messages:
        warnings.append("没有读到任何消息。")
    return ParsedChat(fmt, messages, participants_of(messages), warnings, file=name, encoding=encoding)
