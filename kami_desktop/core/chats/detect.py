"""Recognise a chat export by its content and dispatch to the right parser."""

from __future__ import annotations

import re
from pathlib import Path

from kami_desktop.core.chats.common import choose_encoding, split_lines
from kami_desktop.core.chats.memotrace import (
    CSV_HEADER,
    PYWXDUMP_HEADER,
    PYWXDUMP_OLD_HEADER,
    TXT_HEADER,
    header_of,
    parse_memotrace_csv,
    parse_memotrace_txt,
    parse_pywxdump_csv,
)
from kami_desktop.core.chats.memotrace_html import looks_like_memotrace_html, parse_memotrace_html
from kami_desktop.core.chats.model import ChatError, ParsedChat
from kami_desktop.core.chats.qq import looks_like_qq, parse_qq
from kami_desktop.core.util.fsutil import read_capped
from kami_desktop.core.util.textstream import Buffer, head_text, iter_lines, whole_text

MAX_CHAT_BYTES = 300 * 1024 * 1024
HTML_HEAD = 2_000_000  # characters searched for MemoTrace's chatMessages array
_CONTENT = re.compile(rb"[^ \t\r\n\x00\xef\xbb\xbf\xff\xfe]")
INTERNAL_ERROR = "解析时发生内部错误"
_NOT_A_CHAT = (
    "不是可识别的聊天记录导出文件（支持 QQ 消息管理器导出的 txt，以及留痕/MemoTrace 导出的 CSV、TXT、HTML）"
)
_MAGIC = (
    (b"PK\x03\x04", "这是压缩包或 Word/Excel 文件；请先解压，或把文档作为证据文件直接导入。"),
    (b"%PDF", "这是 PDF 文件；请作为证据文件直接导入。"),
    (b"\x89PNG", "这是图片；聊天截图请作为证据文件导入。"),
    (b"\xff\xd8\xff", "这是图片；聊天截图请作为证据文件导入。"),
    (b"SQLite format 3", "这是聊天数据库文件，请先用留痕（MemoTrace）等工具导出为 CSV/TXT/HTML。"),
)


def parse_chat(path: Path | str, me: str | None = None) -> ParsedChat:
    """Parse a QQ / MemoTrace chat export. ``me`` is your own nickname or QQ number/wxid (optional)."""
    p = Path(path)
    data = read_capped(p, MAX_CHAT_BYTES, ChatError, "，无法作为聊天记录读取")
    return parse_chat_bytes(data, p.name, me)


def parse_chat_bytes(data: Buffer, name: str, me: str | None = None) -> ParsedChat:
    """Same as parse_chat for bytes in memory; only ChatError escapes."""
    try:
        return _parse(data if isinstance(data, bytes | bytearray) else bytes(data), name, me)
    except ChatError:
        raise
    except RecursionError:
        raise ChatError(name, "文件结构嵌套过深，无法解析。") from None
    except Exception as exc:  # noqa: BLE001 - last line of defence: a message for the user, the app stays up
        raise ChatError(name, f"{INTERNAL_ERROR}（{type(exc).__name__}），请保留此文件以便排查。") from exc


def _parse(data: Buffer, name: str, me: str | None) -> ParsedChat:
    if _CONTENT.search(data) is None:  # nothing but blanks, NULs and BOMs (searched, never copied)
        raise ChatError(name, "文件是空的。")
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise ChatError(name, reason)
    codec, encoding, skip = choose_encoding(data, name)
    page = head_text(data, codec, skip, HTML_HEAD)
    head = page[:200_000]
    lines = split_lines(head.lstrip("\ufeff"))[:40]
    if looks_like_qq(lines):
        return parse_qq(iter_lines(data, codec, skip), name, encoding, me)
    header = header_of(head)
    if header == CSV_HEADER:
        return parse_memotrace_csv(iter_lines(data, codec, skip), name, encoding, me)
    if header in (PYWXDUMP_HEADER, PYWXDUMP_OLD_HEADER):
        return parse_pywxdump_csv(iter_lines(data, codec, skip), name, encoding, me)
    if looks_like_memotrace_html(page):
        return parse_memotrace_html(whole_text(data, codec, skip), name, encoding, me)
    first = next((line.strip() for line in lines if line.strip()), "")
    if TXT_HEADER.match(first):
        return parse_memotrace_txt(iter_lines(data, codec, skip), name, encoding, me)
    if header[:3] == CSV_HEADER[:3]:
        raise ChatError(
            name, "表头与留痕（MemoTrace）CSV 不一致，缺少或多出了列：" + ",".join(header)[:120], 1
        )
    if "微信支付账单明细" in head or "电子客户回单" in head or "支付宝交易记录明细查询" in head:
        raise ChatError(name, "这是支付账单，不是聊天记录；请用“导入账单”。")
    snippet = first[:30] + ("…" if len(first) > 30 else "")
    raise ChatError(name, f"{_NOT_A_CHAT}。开头是“{snippet}”。")
