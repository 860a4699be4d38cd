"""Shared helpers for chat parsers: decoding, line splitting, message kinds from placeholders."""

from __future__ import annotations

import re

from kami_desktop.core.chats.model import ChatError

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# placeholders written by QQ and MemoTrace for media
PLACEHOLDERS = {
    "[图片]": "image",
    "[语音]": "voice",
    "[视频]": "video",
    "[表情]": "sticker",
    "[表情包]": "sticker",
    "[动画表情]": "sticker",
    "[文件]": "file",
    "[音乐分享]": "music",
    "[链接]": "link",
    "[位置]": "location",
    "[名片]": "card",
    "[转账]": "transfer",
    "[红包]": "red_packet",
    "[语音通话]": "call",
    "[视频通话]": "call",
}
MAX_LINE = 1_000_000  # characters; a longer "line" is not a chat export


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (not on U+2028 & co., which may appear inside a message)."""
    return _LINE_BREAK.split(text)


def line_at(text: str, pos: int) -> int:
    return len(_LINE_BREAK.findall(text, 0, pos)) + 1 if pos else 1


def kind_of(text: str) -> str:
    stripped = text.strip()
    return PLACEHOLDERS.get(stripped, "text")


def decode_chat(data: bytes, name: str) -> tuple[str, str]:
    """BOM first; then UTF-8; UTF-16 without BOM (NUL pattern); GB18030 (re-saved exports)."""
    if data.startswith(b"\xef\xbb\xbf"):
        attempts, skip = [("utf-8", "utf-8-sig")], 3
    elif data.startswith(b"\xff\xfe"):
        attempts, skip = [("utf-16-le", "utf-16")], 2
    elif data.startswith(b"\xfe\xff"):
        attempts, skip = [("utf-16-be", "utf-16")], 2
    else:
        attempts, skip = [("utf-8", "utf-8")], 0
        sample = data[:4000]
        if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
            even_nuls = sample[0::2].count(0)
            attempts.insert(
                0,
                ("utf-16-be", "utf-16-be")
                if even_nuls > sample[1::2].count(0)
                else ("utf-16-le", "utf-16-le"),
            )
        attempts.append(("gb18030", "gb18030"))
    body = data[skip:]
    furthest: UnicodeDecodeError | None = None
    for codec, label in attempts:
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as exc:
            if exc.end >= len(body) and exc.start >= len(body) - 4:  # only the very last character is broken
                raise ChatError(
                    name,
                    "文件末尾不完整（最后一个字符被截断），可能复制或导出不完整。",
                    body.count(b"\n", 0, exc.start) + 1,
                ) from None
            if furthest is None or exc.start > furthest.start:
                furthest = exc
            continue
        if "\x00" in text:
            pos = text.index("\x00")
            raise ChatError(name, "文件含有二进制内容（NUL 字符），不是文本聊天记录。", line_at(text, pos))
        return text, label
    assert furthest is not None
    raise ChatError(
        name,
        "无法识别文件编码（不是 UTF-8、UTF-16 或 GBK），文件可能已损坏。",
        body.count(b"\n", 0, furthest.start) + 1,
    )
