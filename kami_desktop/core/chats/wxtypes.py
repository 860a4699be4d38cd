"""WeChat message types (the MSG table's Type/SubType) turned into a kind and a readable text."""

from __future__ import annotations

import html
import re

TYPE_KINDS = {
    1: "text",
    3: "image",
    34: "voice",
    42: "card",
    43: "video",
    47: "sticker",
    48: "location",
    50: "call",
    0: "system",
    10000: "system",
    10002: "system",
}
APP_KINDS = {5: "link", 6: "file", 57: "quote", 2000: "transfer", 3: "music", 2001: "red_packet"}
PLACEHOLDER = {
    "image": "[图片]",
    "voice": "[语音]",
    "video": "[视频]",
    "sticker": "[表情包]",
    "call": "[通话]",
    "card": "[名片]",
    "location": "[位置]",
    "link": "[链接]",
    "file": "[文件]",
    "music": "[音乐分享]",
    "transfer": "[转账]",
    "red_packet": "[红包]",
    "app": "[应用消息]",
}
PAY_STATES = {"1": "发起转账", "3": "已收款", "4": "已退还", "5": "已过期", "7": "待收款", "8": "已收款"}


def _int(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def tag(xml: str, name: str) -> str:
    m = re.search(rf"<{name}(?:\s[^>]*)?>\s*(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?\s*</{name}>", xml, re.S)
    return html.unescape(m.group(1)).strip() if m else ""


def attr(xml: str, name: str) -> str:
    m = re.search(rf'\b{name}\s*=\s*"([^"]*)"', xml)
    return html.unescape(m.group(1)).strip() if m else ""


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def describe(type_value: object, subtype_value: object, content: str) -> tuple[str, str]:
    """(kind, text) for one message; XML payloads are reduced to what a reader needs."""
    t, sub = _int(type_value), _int(subtype_value) or 0
    content = content or ""
    is_xml = content.lstrip().startswith("<")
    if t == 1 or t is None and not is_xml:
        return "text", content
    if t in (0, 10000, 10002):
        if is_xml:
            text = (
                tag(content, "revokemsg")
                or tag(content, "content")
                or re.sub(r"<[^>]+>", "", content).strip()
            )
            return "system", html.unescape(text)
        return "system", content
    if t == 49:
        kind = APP_KINDS.get(sub, "app")
        if not is_xml:
            return kind, _join(PLACEHOLDER[kind] if kind != "quote" else "", content)
        title = tag(content, "title")
        if kind == "transfer":
            state = PAY_STATES.get(tag(content, "paysubtype"), "")
            memo = tag(content, "pay_memo")
            return kind, _join("[转账]", tag(content, "feedesc"), state, f"备注：{memo}" if memo else "")
        if kind == "quote":
            refer = tag(content, "refermsg")
            quoted = f"{tag(refer, 'displayname')}:{tag(refer, 'content')}" if refer else ""
            return kind, title + (f"\n引用:{quoted}" if quoted else "")
        if kind == "link":
            return kind, _join("[链接]", title, tag(content, "url"))
        return kind, _join(PLACEHOLDER[kind], title)
    kind = TYPE_KINDS.get(t, "app") if t is not None else "app"
    if kind == "text":
        return kind, content
    if not is_xml:
        return kind, _join(PLACEHOLDER.get(kind, ""), content) if content else PLACEHOLDER.get(kind, "[消息]")
    if kind == "voice":
        ms = _int(attr(content, "voicelength"))
        return kind, _join("[语音]", f"{round(ms / 1000)}秒" if ms else "")
    if kind == "location":
        return kind, _join("[位置]", attr(content, "label"), attr(content, "poiname"))
    if kind == "card":
        return kind, _join("[名片]", attr(content, "nickname"))
    if kind == "app":
        return kind, f"[消息类型{t}]"
    return kind, PLACEHOLDER.get(kind, "[消息]")


VOICE_TEXT_LABEL = "微信语音转文字"  # WeChat's recognition, never the user's own transcript
MAX_MEDIA_PATH = 1000


def voice_body(length: str = "", voice_text: str = "") -> str:
    """'[语音]', then the length an export states, then WeChat's own speech-to-text in brackets that say
    whose it is: '[语音] 5秒（微信语音转文字：余额不退）'."""
    said = " ".join(voice_text.split())
    return _join("[语音]", length) + (f"（{VOICE_TEXT_LABEL}：{said}）" if said else "")


def media_path(value: str) -> str:
    """The media file an export names for a message, as written; empty when the value is no file path."""
    value = value.strip()
    if not value or len(value) > MAX_MEDIA_PATH or value.startswith("<") or any(c in value for c in "\r\n\0"):
        return ""
    return value
