"""MemoTrace HTML export: messages are JS object literals in ``const chatMessages = [ … ];``.

A small tolerant reader for JS literals (bare keys, single/double quotes, escapes, trailing
commas, comments) extracts them; nothing is evaluated.
"""

from __future__ import annotations

import html
import re

from kami_desktop.core.chats.common import (
    MAX_MESSAGE_CHARS,
    MAX_MESSAGES,
    message_too_long,
    too_many_messages,
)
from kami_desktop.core.chats.model import ChatError, Message, ParsedChat, participants_of
from kami_desktop.core.chats.wxtypes import PAY_STATES, describe, media_path, voice_body
from kami_desktop.core.util.timeutil import from_timestamp

FORMAT = "memotrace-html"
START = re.compile(r"(?:const|let|var)\s+chatMessages\s*=\s*\[")
MAX_DEPTH = 20

_WS = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER = re.compile(r"-?(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)")
_STRINGS = {q: re.compile(rf"{q}((?:[^{q}\\]|\\.)*){q}", re.S) for q in ("'", '"', "`")}
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.S)
_SIMPLE = {
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "0": "\0",
    "\n": "",
    "\r\n": "",
    "\r": "",
}


class _JSError(Exception):
    def __init__(self, pos: int, reason: str):
        super().__init__(reason)
        self.pos = pos
        self.reason = reason


class _TooMany(_JSError):
    """An array with more than ``MAX_MESSAGES`` items: refused while reading, before it is all in memory."""


def _unescape(body: str) -> str:
    def repl(m: re.Match) -> str:
        e = m.group(1)
        if e in _SIMPLE:
            return _SIMPLE[e]
        if e.startswith("u{"):
            return chr(min(int(e[2:-1], 16), 0x10FFFF))
        if e[0] in "ux" and len(e) > 1:
            return chr(int(e[1:], 16))
        return e

    return _ESCAPE.sub(repl, body) if "\\" in body else body


class _Reader:
    def __init__(self, text: str):
        self.text = text

    def ws(self, pos: int) -> int:
        m = _WS.match(self.text, pos)  # matches the empty string, so always a match
        return m.end() if m else pos

    def value(self, pos: int, depth: int) -> tuple[object, int]:
        if depth > MAX_DEPTH:
            raise _JSError(pos, "嵌套过深")
        pos = self.ws(pos)
        if pos >= len(self.text):
            raise _JSError(pos, "文件在数据中间结束")
        ch = self.text[pos]
        if ch == "{":
            return self.obj(pos, depth)
        if ch == "[":
            return self.array(pos, depth)
        if ch in _STRINGS:
            m = _STRINGS[ch].match(self.text, pos)
            if not m:
                raise _JSError(pos, "字符串没有结束")
            return _unescape(m.group(1)), m.end()
        m = _NUMBER.match(self.text, pos)
        if m:
            raw = m.group(0)
            try:
                return (
                    int(raw, 16)
                    if raw.lower().lstrip("-").startswith("0x")
                    else int(raw)
                    if raw.lstrip("-").isdigit()
                    else float(raw)
                ), m.end()
            except (ValueError, OverflowError):
                raise _JSError(pos, "数字无法识别") from None
        m = _IDENT.match(self.text, pos)
        if m:
            word = m.group(0)
            return {"true": True, "false": False, "null": None, "undefined": None}.get(word, word), m.end()
        raise _JSError(pos, f"无法识别的字符“{ch}”")

    def array(self, pos: int, depth: int) -> tuple[list, int]:
        out: list = []
        pos += 1
        while True:
            pos = self.ws(pos)
            if pos >= len(self.text):
                raise _JSError(pos, "数组没有结束")
            if self.text[pos] == "]":
                return out, pos + 1
            item_start = self.ws(pos)
            if len(out) >= MAX_MESSAGES:
                raise _TooMany(item_start, "数组过长")
            item, pos = self.value(pos, depth + 1)
            out.append((item_start, item))
            pos = self.ws(pos)
            if pos < len(self.text) and self.text[pos] == ",":
                pos += 1
            elif pos < len(self.text) and self.text[pos] != "]":
                raise _JSError(pos, "数组元素之间缺少逗号")

    def obj(self, pos: int, depth: int) -> tuple[dict, int]:
        out: dict = {}
        pos += 1
        while True:
            pos = self.ws(pos)
            if pos >= len(self.text):
                raise _JSError(pos, "对象没有结束")
            ch = self.text[pos]
            if ch == "}":
                return out, pos + 1
            if ch in _STRINGS:
                key, pos = self.value(pos, depth + 1)
            else:
                m = _IDENT.match(self.text, pos) or _NUMBER.match(self.text, pos)
                if not m:
                    raise _JSError(pos, "对象的键无法识别")
                key, pos = m.group(0), m.end()
            pos = self.ws(pos)
            if pos >= len(self.text) or self.text[pos] != ":":
                raise _JSError(pos, "对象的键后面缺少冒号")
            value, pos = self.value(pos + 1, depth + 1)
            out[str(key)] = _strip_positions(value)
            pos = self.ws(pos)
            if pos < len(self.text) and self.text[pos] == ",":
                pos += 1
            elif pos < len(self.text) and self.text[pos] != "}":
                raise _JSError(pos, "对象成员之间缺少逗号")


def _strip_positions(value: object) -> object:
    if isinstance(value, list):
        return [_strip_positions(v[1]) if isinstance(v, tuple) else v for v in value]
    return value


def looks_like_memotrace_html(text: str) -> bool:
    return START.search(text[:2_000_000]) is not None


def parse_memotrace_html(text: str, name: str, encoding: str, me: str | None) -> ParsedChat:
    def line_of(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    start = START.search(text)
    if start is None:
        raise ChatError(name, "没有找到聊天数据（chatMessages），不是留痕（MemoTrace）导出的 HTML。")
    try:
        items, _ = _Reader(text).array(start.end() - 1, 0)
    except _TooMany as exc:
        raise too_many_messages(name, line_of(exc.pos)) from None
    except _JSError as exc:
        reason = (
            "文件不完整（聊天数据没有结束），可能导出或复制中断。"
            if exc.pos >= len(text)
            else f"聊天数据格式错误：{exc.reason}。"
        )
        raise ChatError(name, reason, line_of(min(exc.pos, len(text)))) from None
    messages = []
    line, counted = 1, 0
    for pos, item in items:  # in file order: count line breaks as we go, never a list of all of them
        line += text.count("\n", counted, pos)
        counted = pos
        if not isinstance(item, dict):
            raise ChatError(name, "聊天数据中有一项不是消息对象。", line)
        messages.append(_message(item, line, name, me))
    warnings = [] if messages else ["没有读到任何消息。"]
    return ParsedChat(FORMAT, messages, participants_of(messages), warnings, file=name, encoding=encoding)


def _message(item: dict, line: int, name: str, me: str | None) -> Message:
    ts = item.get("timestamp")
    if isinstance(ts, bool) or not isinstance(ts, int | float) or not 946_684_800 <= ts <= 4_102_444_800:
        raise ChatError(name, f"消息时间戳“{str(ts)[:20]}”无法识别。", line)
    when = from_timestamp(int(ts))
    raw_text = html.unescape(str(item.get("text") or ""))
    if len(raw_text) > MAX_MESSAGE_CHARS:
        raise message_too_long(name, line)
    type_value = item.get("type")
    kind, body = describe(type_value, item.get("sub_type", 0), raw_text)
    if kind == "transfer" and not raw_text.lstrip().startswith("<"):
        state = PAY_STATES.get(str(item.get("paysubtype", "")), "")
        body = " ".join(p for p in ("[转账]", raw_text, state) if p)
    if type_value == 0:
        kind, body = "system", raw_text
    media = voice_text = ""
    if kind == "voice" and not raw_text.lstrip().startswith("<"):  # text: './voice/<file>' beside the page
        media = media_path(raw_text)
        voice_text = " ".join(html.unescape(str(item.get("voice_to_text") or "")).split())[:MAX_MESSAGE_CHARS]
        body = voice_body("", voice_text) if media or not raw_text.strip() else body
    is_me = str(item.get("is_send", "0")).strip() in ("1", "True", "true")
    display = html.unescape(str(item.get("displayname") or "")).strip()
    if kind == "system":
        return Message(when, "", False, kind, body, line)
    sender = ((me or "").strip() or display or "我") if is_me else display
    return Message(when, sender, is_me, kind, body, line, media=media, voice_text=voice_text)
