"""Bills and chat logs printed from what the case file holds: a table of the platform's rows, a transcript.

A bill is printed from its rows as stored at import and the one case reconciliation (``snapshot.money``,
taken from ``core.bills.money``): it is never parsed again here, and a file that is not a stored bill
is declined (and printed as text). Rows that two overlapping bills share are printed and counted under
the first of them in binder order; the case's totals and the claim are printed once, on the 主张金额
page of the front matter. Chat logs are still read through the chat parser.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from kami_desktop.core.chats import ChatError, parse_chat
from kami_desktop.core.dossier.layout import esc, header_row
from kami_desktop.core.dossier.money import BillRowSnap, BillSnap
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
ZERO = Decimal("0.00")


def accepts_bill(f: FileSnap) -> bool:
    return f.media_type in BILL_TYPES


def accepts_chat(f: FileSnap) -> bool:
    return f.media_type in TEXT_TYPES


def _t(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S") if dt else ""


def _role(r: BillRowSnap) -> str:
    text = ROLES.get(r.role or "", "")
    if r.role == "refund" and r.linked is not None:
        text += f"（对应证据{r.linked[0]}第{r.linked[1]}行）"
    if r.claim_items:
        text += "<br/>主张项" + "、".join(str(n) for n in r.claim_items)
    return text


def _bill_intro(bill: BillSnap) -> list[str]:
    source = SOURCES.get(bill.source, bill.source)
    intro = [f"<h3>{esc(source)}账单 · 与平台相关的交易</h3>"]
    facts = [
        ("账户", bill.account),
        ("姓名", bill.holder),
        ("账单期间", f"{_t(bill.period_start)} 至 {_t(bill.period_end)}" if bill.period_start else ""),
        ("账单总行数", str(len(bill.rows))),
    ]
    intro.append("<p>" + "；".join(f"{k}：{esc(v)}" for k, v in facts if v) + "</p>")
    if bill.personal_only:
        intro.append(
            "<p class='note'>注意：该账单注明“本明细仅供个人对账使用”。如需更强的证明力，"
            "可向支付机构申请盖章的交易流水证明。</p>"
        )
    return intro


def render_bill(ctx: FileContext) -> None:
    bill = ctx.case.money.bills.get(ctx.file.sha256)
    if bill is None:  # not a stored bill of this case: the next renderer prints the file as it is
        raise Decline()
    intro = _bill_intro(bill)
    shown = bill.platform_rows
    if shown or bill.repeated:
        names = "、".join(ctx.case.money.counterparties)
        intro.append(
            f"<p>计入的交易对方（本人确认的平台收款方）：{esc(names)}；下表“行号”为原始账单文件中的行号。</p>"
        )
        rows = [(r.tx, _role(r)) for r in shown]
        pays = [r for r in shown if r.role == "payment"]
        backs = [r for r in shown if r.role == "refund"]
        paid = sum((r.counted for r in pays), ZERO)
        back = sum((r.counted for r in backs), ZERO) + sum((r.status_refund for r in pays), ZERO)
        totals = (
            f"<p><b>本账单列出的平台交易：</b>付款 {len(pays)} 笔 ¥{paid:,.2f}，"
            f"退款 {len(backs)} 笔 ¥{back:,.2f}。全案合计与主张金额见“主张金额”页。</p>"
        )
        if bill.repeated:
            where = sorted({f"证据{r.shown_in[0]}" for r in bill.repeated if r.shown_in})
            totals += (
                f"<p class='note'>另有 {len(bill.repeated)} 笔平台交易与{'、'.join(where)}重复（同一账户的账单期间重叠），"
                f"已在{'、'.join(where)}中列出并计算，此处不再重复（行号："
                f"{'、'.join(str(r.tx.row) for r in bill.repeated)}）。</p>"
            )
    else:
        intro.append(
            "<p class='note'>本账单中没有选为平台的交易对方，以下列出账单的全部交易；"
            "“行号”为原始账单文件中的行号。</p>"
        )
        rows = [(r.tx, "") for r in bill.rows]
        totals = f"<p>共 {len(rows)} 行。</p>"
    cut = len(rows) > MAX_ROWS
    body = "".join(
        f"<tr><td class='c'>{t.row}</td><td>{esc(_t(t.time))}</td><td>{esc(t.counterparty)}</td>"
        f"<td>{esc(t.description)}<br/><span class='order'>{esc(t.order_id).replace('_', '_<br/>')}</span></td>"
        f"<td class='c'>{esc(t.direction)}</td><td class='r'>{money_str(t.amount)}</td>"
        f"<td>{esc(t.status)}</td><td>{role}</td></tr>"
        for t, role in rows[:MAX_ROWS]
    )
    head = header_row(
        [
            ("行号", 5),
            ("交易时间", 11),
            ("交易对方", 12),
            ("商品说明 / 交易订单号", 31),
            ("收/支", 6),
            ("金额（元）", 10),
            ("交易状态", 12),
            ("计入", 10),
        ]
    )
    table = f"<table class='small'>{head}{body}</table>"
    if cut:
        table += f"<p class='note'>（仅列出前 {MAX_ROWS} 行，其余见原始账单文件）</p>"
    ctx.flow.html("".join(intro) + table + totals)
    ctx.notes.append(f"{SOURCES.get(bill.source, bill.source)}账单，按导入时保存的交易排印为表格")


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
