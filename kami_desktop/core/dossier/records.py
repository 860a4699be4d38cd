"""Bills and chat logs printed from the parsed file: a table of the platform's rows, a transcript.

Both read the exhibit's own file through the parsers (``core.bills.parse_bill``,
``core.chats.parse_chat``); when a parser cannot read it, the renderer declines and the file is
printed as text.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kami_desktop.core.bills import BillError, parse_bill, reconcile, suggest_terms
from kami_desktop.core.chats import ChatError, parse_chat
from kami_desktop.core.dossier.layout import esc, header_row
from kami_desktop.core.dossier.render_base import TEXT_TYPES, Decline, FileContext
from kami_desktop.core.dossier.snapshot import FileSnap
from kami_desktop.core.util.money import money_str

BILL_TYPES = (
    *TEXT_TYPES,
    "application/zip",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
SOURCES = {"alipay": "支付宝", "wechat": "微信支付"}
ROLES = {"payment": "付款", "refund": "退款", "unpaid": "未付款", "other": "不计"}
MAX_ROWS = 5000


def accepts_bill(f: FileSnap) -> bool:
    return f.media_type in BILL_TYPES


def accepts_chat(f: FileSnap) -> bool:
    return f.media_type in TEXT_TYPES


def _t(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S") if dt else ""


def render_bill(ctx: FileContext) -> None:
    try:
        bill = parse_bill(ctx.path)
    except BillError:
        raise Decline() from None
    case = ctx.case
    confirmed = bool(case.platform_terms)
    terms = case.platform_terms or suggest_terms(case.platform_name, [p.name for p in case.parties], bill)
    recon = reconcile(bill, terms) if terms else None
    source = SOURCES.get(bill.source, bill.source)
    intro = [f"<h3>{esc(source)}账单 · 与平台相关的交易</h3>"]
    facts = [
        ("账户", bill.account),
        ("姓名", bill.holder),
        ("账单期间", f"{_t(bill.period_start)} 至 {_t(bill.period_end)}" if bill.period_start else ""),
        ("导出时间", _t(bill.exported_at)),
        ("账单总行数", str(len(bill.transactions))),
    ]
    intro.append("<p>" + "；".join(f"{k}：{esc(v)}" for k, v in facts if v) + "</p>")
    if bill.personal_only:
        intro.append(
            "<p class='note'>注意：该账单注明“本明细仅供个人对账使用”。如需更强的证明力，"
            "可向支付机构申请盖章的交易流水证明。</p>"
        )
    if recon is not None and recon.rows:
        how = "用户确认的平台名称" if confirmed else "按案件中的平台及当事人名称自动识别"
        intro.append(
            f"<p>筛选关键词（{how}）：{esc('、'.join(recon.terms))}；下表“行号”为原始账单文件中的行号。</p>"
        )
        rows = [(r.transaction, ROLES.get(r.role, r.role), r.reason) for r in recon.rows]
        totals = (
            f"<p><b>合计：</b>付款 ¥{money_str(recon.paid)}，退款 ¥{money_str(recon.refunded)}，"
            f"净付款（主张金额依据） ¥{money_str(recon.net)}；计入 {sum(1 for r in recon.rows if r.role == 'payment')}"
            f" 笔付款、{sum(1 for r in recon.rows if r.role == 'refund')} 笔退款。</p>"
        )
        warn = "".join(f"<p class='note'>提示：{esc(w)}</p>" for w in recon.warnings)
    else:
        intro.append(
            "<p class='note'>未能在账单中识别出与本案平台相关的交易（请在案件中填写平台名称），"
            "以下列出账单的全部交易；“行号”为原始账单文件中的行号。</p>"
        )
        rows = [(t, "", "") for t in bill.transactions]
        spent = sum((t.amount for t in bill.transactions if t.direction == "支出"), Decimal("0"))
        totals = f"<p><b>合计：</b>共 {len(rows)} 行，其中“支出”合计 ¥{money_str(spent)}。</p>"
        warn = ""
    cut = len(rows) > MAX_ROWS
    body = "".join(
        f"<tr><td class='c'>{t.row}</td><td>{esc(_t(t.time))}</td><td>{esc(t.counterparty)}</td>"
        f"<td>{esc(t.description)}<br/><span class='order'>{esc(t.order_id).replace('_', '_<br/>')}</span></td>"
        f"<td class='c'>{esc(t.direction)}</td><td class='r'>{money_str(t.amount)}</td>"
        f"<td>{esc(t.status)}</td><td>{esc(role)}</td></tr>"
        for t, role, _reason in rows[:MAX_ROWS]
    )
    head = header_row(
        [
            ("行号", 5),
            ("交易时间", 11),
            ("交易对方", 12),
            ("商品说明 / 交易订单号", 33),
            ("收/支", 6),
            ("金额（元）", 10),
            ("交易状态", 12),
            ("计入", 8),
        ]
    )
    table = f"<table class='small'>{head}{body}</table>"
    if cut:
        table += f"<p class='note'>（仅列出前 {MAX_ROWS} 行，其余见原始账单文件）</p>"
    ctx.flow.html("".join(intro) + table + totals + warn)
    ctx.notes.append(f"{source}账单，按解析结果排印为表格")


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


def render_chat(ctx: FileContext) -> None:
    try:
        chat = parse_chat(ctx.path)
    except ChatError:
        raise Decline() from None
    if not chat.messages:
        raise Decline()
    rows, conversation = [], None
    several = len({m.conversation for m in chat.messages}) > 1
    for i, m in enumerate(chat.messages[:MAX_ROWS], start=1):
        if several and m.conversation != conversation:
            conversation = m.conversation
            rows.append(f"<tr><td colspan='5'><b>会话：{esc(conversation or '（未命名）')}</b></td></tr>")
        kind = f"[{KIND_LABELS[m.kind]}] " if m.kind in KIND_LABELS else ""
        who = esc(m.sender) + ("（本人）" if m.is_me else "")
        if m.sender_id and m.sender_id != m.sender:
            who += f"<br/><span class='muted'>{esc(m.sender_id)}</span>"
        rows.append(
            f"<tr><td class='c'>{i}</td><td>{esc(_t(m.time))}</td><td>{who}</td>"
            f"<td>{esc(kind)}{esc(m.text).replace(chr(10), '<br/>')}</td><td class='c'>{m.line}</td></tr>"
        )
    people = "、".join(chat.participants[:8])
    heading = "<h3>聊天记录文字稿</h3>"
    intro = (
        f"<p class='note'>按原始导出文件逐条排印，共 {len(chat.messages)} 条消息，顺序与原文件一致，未做删改；"
        f"“行号”为该条消息在原始文件中的起始行。参与者：{esc(people)}。</p>"
    )
    warn = "".join(f"<p class='note'>提示：{esc(w)}</p>" for w in chat.warnings)
    head = header_row([("序", 6), ("时间", 19), ("发送方", 17), ("内容", 50), ("行号", 8)])
    table = f"<table class='small'>{head}{''.join(rows)}</table>"
    if len(chat.messages) > MAX_ROWS:
        table += f"<p class='note'>（仅列出前 {MAX_ROWS} 条，其余见原始文件）</p>"
    ctx.flow.html(heading + intro + warn + table)
    ctx.notes.append("聊天记录，按解析结果排印为文字稿")
