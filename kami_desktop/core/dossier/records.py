"""Bills and chat logs in the binder.

A bill is printed from what was stored when it was imported (``core.bills.sheets``, taken into the case
snapshot): the export itself on landscape pages, then the plaintiff's 对账说明（标注版） from the case
reconciliation (``bill_annotation``). A file that is not a stored bill of the case is declined and printed
as text. A chat log imported as a chat is printed from its stored messages, one conversation per exhibit, each
speaker with their role (本人 / 平台客服 / 其他用户); any other chat export is read through its parser
(conversations separated), and when the parser cannot read it, the file is printed as text.
"""

from __future__ import annotations

from datetime import datetime

from kami_desktop.core.chats import ChatError, parse_chat
from kami_desktop.core.dossier.bill_annotation import claim_refs, render_bill_exhibit
from kami_desktop.core.dossier.layout import esc, header_row
from kami_desktop.core.dossier.render_base import TEXT_TYPES, Decline, FileContext
from kami_desktop.core.dossier.snapshot import FileSnap

MAX_ROWS = 5000


def accepts_bill(f: FileSnap) -> bool:
    """Any file may be a stored bill (a GBK export can sniff as octet-stream); ``render_bill`` declines
    a file that is not one before drawing anything."""
    return True


def accepts_chat(f: FileSnap) -> bool:
    return f.media_type in TEXT_TYPES


def _t(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S") if dt else ""


def render_bill(ctx: FileContext) -> None:
    sheet = ctx.case.bill_sheets.get(ctx.file.sha256)
    if sheet is None:
        raise Decline()
    refs = claim_refs(ctx.case.money)
    render_bill_exhibit(ctx, sheet, ctx.case.bill_marks.get(ctx.file.sha256), refs)


KIND_LABELS = {
    "image": "图片",
    "voice": "语音",
    "video": "视频",
    "sticker": "表情",
    "file": "文件",
    "link": "链接",
    "quote": "引用",
    "transfer": "转账",
    "red_packet": "红包",
    "music": "音乐",
    "call": "通话",
    "location": "位置",
    "card": "名片",
    "app": "小程序/应用消息",
    "system": "系统消息",
}


ROLE_SUFFIX = {"me": "（本人）", "platform": "（平台客服）", "other": "（其他用户）"}


def _kind_prefix(kind: str, text: str) -> str:
    """'[图片] ' before a message whose text does not already say what it is: an export that writes the
    placeholder itself ('[图片]') prints it once, as the original shows it."""
    if kind not in KIND_LABELS or kind == "system" or text.lstrip().startswith("["):
        return ""
    return f"[{KIND_LABELS[kind]}] "


def voice_refs(ctx: FileContext, voices: dict[int, str]) -> dict[int, str]:
    """seq → '录音见证据3《语音消息 …》' for the voice messages whose audio file is an exhibit of this
    binder (a file left out of the binder is not named)."""
    if not voices:
        return {}
    where = {f.sha256: (e, f) for e, f in ctx.case.all_files()}
    return {
        seq: f"录音见{where[sha][0].label(where[sha][1])}《{where[sha][0].title}》"
        for seq, sha in voices.items()
        if sha in where
    }


def _row(
    n: int,
    when: datetime,
    sender: str,
    sender_id: str,
    role: str,
    kind: str,
    text: str,
    line: int,
    *,
    voice: str = "",
) -> str:
    who = "系统消息" if role == "system" else esc(sender) + ROLE_SUFFIX.get(role, "")
    if sender_id and sender_id != sender:
        who += f"<br/><span class='muted'>{esc(sender_id)}</span>"
    body = esc(_kind_prefix(kind, text)) + esc(text).replace(chr(10), "<br/>")
    if voice:
        body += f"<br/><b>（{esc(voice)}）</b>"
    return (
        f"<tr><td class='c'>{n}</td><td>{esc(_t(when))}</td><td>{who}</td>"
        f"<td>{body}</td><td class='c'>{line}</td></tr>"
    )


def render_chat(ctx: FileContext) -> None:
    sheet = ctx.case.chats.get((ctx.exhibit.id, ctx.file.sha256))
    refs = voice_refs(ctx, ctx.case.chat_voices.get((ctx.exhibit.id, ctx.file.sha256), {}))
    if sheet is not None and sheet.conversation:  # one conversation as stored, every speaker with their role
        rows = [_row(*m, voice=refs.get(m[0], "")) for m in sheet.messages[:MAX_ROWS]]
        total, people = (
            sheet.total,
            list(dict.fromkeys(m[2] for m in sheet.messages if m[4] != "system")),
        )
        what = (
            f"{'群聊' if sheet.group_chat else '会话'}“{esc(sheet.conversation)}”，"
            if sheet.conversation
            else ""
        )
    else:
        try:
            chat = parse_chat(ctx.path)
        except ChatError:
            raise Decline() from None
        rows, conversation = [], None
        several = len({m.conversation for m in chat.messages}) > 1
        for i, m in enumerate(chat.messages[:MAX_ROWS], start=1):
            if several and m.conversation != conversation:
                conversation = m.conversation
                rows.append(f"<tr><td colspan='5'><b>会话：{esc(conversation or '（未命名）')}</b></td></tr>")
            role = "system" if m.kind == "system" else ("me" if m.is_me else "")
            voice = refs.get(i, "") if not several else ""  # a chat stored whole: its seq is the file's order
            rows.append(_row(i, m.time, m.sender, m.sender_id, role, m.kind, m.text, m.line, voice=voice))
        total, people, what = len(chat.messages), chat.participants, ""
    if not total:
        raise Decline()
    heading = "<h3>聊天记录文字稿</h3>"
    intro = (
        f"<p class='note'>{what}按原始导出文件逐条排印，共 {total} 条消息，顺序与原文件一致，未做删改；"
        f"“行号”为该条消息在原始文件中的起始行。参与者：{esc('、'.join(people[:8]))}。</p>"
    )
    head = header_row([("序", 6), ("时间", 19), ("发送方", 17), ("内容", 50), ("行号", 8)])
    table = f"<table class='small'>{head}{''.join(rows)}</table>"
    if total > MAX_ROWS:
        table += f"<p class='note'>（仅列出前 {MAX_ROWS} 条，其余见原始文件）</p>"
    ctx.flow.html(heading + intro + table)  # parse warnings are advice: app only
    ctx.notes.append("聊天记录，按解析结果排印为文字稿")
