"""Shared helpers for chat parsers: the encoding (checked piece by piece), line handling, the caps that keep
a parsed chat bounded in memory, and message kinds from placeholders."""

from __future__ import annotations

import re

from kami_desktop.core.chats.model import ChatError
from kami_desktop.core.util.textstream import Buffer, iter_lines, undecodable

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
# A dispute's chat with a shop's customer service runs to hundreds or a few thousand messages; even years of
# a busy private chat (100 a day for five years) stay under 200 000. That many messages keep a parsed chat
# near 200 MB in memory; more is refused with advice to export one conversation.
MAX_MESSAGES = 200_000
MAX_LINES = 10 * MAX_MESSAGES  # physical lines of a text export, empty ones included
MAX_MESSAGE_CHARS = 100_000  # one message; QQ and WeChat cap a text message at a few thousand characters


def too_many_messages(name: str, line: int | None) -> ChatError:
    return ChatError(
        name,
        f"聊天记录超过 {MAX_MESSAGES} 条消息，超出了上限；请在导出工具中只导出与对方的那一段会话（或按时间分段导出），再导入。",
        line,
    )


def too_many_lines(name: str) -> ChatError:
    return ChatError(
        name, f"文件超过 {MAX_LINES} 行（含空行），超出了聊天记录的上限，文件可能已损坏或不是聊天记录。"
    )


def message_too_long(name: str, line: int) -> ChatError:
    return ChatError(
        name, f"这条消息超过 {MAX_MESSAGE_CHARS} 个字符，超出了上限，不像聊天消息，文件可能已损坏。", line
    )


def strip_eol(line: str) -> str:
    """A line from ``iter_lines`` without its CRLF, LF or CR."""
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith(("\n", "\r")):
        return line[:-1]
    return line


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only (not on U+2028 & co., which may appear inside a message)."""
    return _LINE_BREAK.split(text)


def kind_of(text: str) -> str:
    stripped = text.strip()
    return PLACEHOLDERS.get(stripped, "text")


def choose_encoding(data: Buffer, name: str) -> tuple[str, str, int]:
    """(codec, label, BOM bytes to skip): BOM first; then UTF-8; UTF-16 without BOM (NUL pattern); GB18030
    (re-saved exports). Checked piece by piece: the file is never decoded whole."""
    if data.startswith(b"\xef\xbb\xbf"):
        attempts, skip = [("utf-8", "utf-8-sig")], 3
    elif data.startswith(b"\xff\xfe"):
        attempts, skip = [("utf-16-le", "utf-16")], 2
    elif data.startswith(b"\xfe\xff"):
        attempts, skip = [("utf-16-be", "utf-16")], 2
    else:
        attempts, skip = [("utf-8", "utf-8")], 0
        sample = bytes(data[:4000])
        if len(sample) >= 4 and sample.count(b"\x00") > len(sample) // 4:
            even_nuls = sample[0::2].count(0)
            attempts.insert(
                0,
                ("utf-16-be", "utf-16-be")
                if even_nuls > sample[1::2].count(0)
                else ("utf-16-le", "utf-16-le"),
            )
        attempts.append(("gb18030", "gb18030"))
    size = len(data)
    furthest: tuple[int, int] | None = None
    for codec, label in attempts:
        bad = undecodable(data, codec, skip)
        if bad is None:
            _refuse_nul(data, codec, skip, name)
            return codec, label, skip
        start, end = bad
        if end >= size and start >= size - 4:  # only the very last character is broken
            raise ChatError(
                name,
                "文件末尾不完整（最后一个字符被截断），可能复制或导出不完整。",
                data.count(b"\n", skip, start) + 1,
            )
        if furthest is None or start > furthest[0]:
            furthest = bad
    assert furthest is not None
    raise ChatError(
        name,
        "无法识别文件编码（不是 UTF-8、UTF-16 或 GBK），文件可能已损坏。",
        data.count(b"\n", skip, furthest[0]) + 1,
    )


def _refuse_nul(data: Buffer, codec: str, skip: int, name: str) -> None:
    if not codec.startswith("utf-16"):
        pos = data.find(b"\x00", skip)
        if pos >= 0:
            raise ChatError(
                name, "文件含有二进制内容（NUL 字符），不是文本聊天记录。", data.count(b"\n", skip, pos) + 1
            )
        return
    for number, line in enumerate(iter_lines(data, codec, skip), start=1):
        if "\x00" in line:
            raise ChatError(name, "文件含有二进制内容（NUL 字符），不是文本聊天记录。", number)
