"""The binder's front: cover (封面), evidence list (证据目录), optional case summary and timeline."""

from __future__ import annotations

from datetime import date, datetime

from kami_desktop.core.dossier.layout import col_widths, esc, esc_breakable, header_row
from kami_desktop.core.dossier.money import ClaimSnap
from kami_desktop.core.dossier.options import DossierOptions
from kami_desktop.core.dossier.snapshot import CaseSnap, ExhibitSnap
from kami_desktop.core.dossier.stories import SectionWriter
from kami_desktop.core.util.pronouns import in_party_voice

FORM = "电子数据打印件"
BLANK = "________________"


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def fmt_time(dt: datetime | None, compact: bool = False) -> str:
    """2025-03-12 20:30:11（北京时间）; compact drops the zone when it is China's (stated once nearby)."""
    if dt is None:
        return "—"
    off = dt.utcoffset()
    china = off is not None and off.total_seconds() == 8 * 3600
    if china:
        return dt.strftime("%Y-%m-%d %H:%M:%S") + ("" if compact else "（北京时间）")
    return dt.strftime("%Y-%m-%d %H:%M:%S") + f" UTC{dt.strftime('%z')[:3]}:{dt.strftime('%z')[3:]}"


def pages_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def party_line(snap: CaseSnap) -> str:
    people = snap.defendants or [p for p in snap.parties if p.role == "operator"]
    if not people:
        return esc(snap.platform_name) if snap.platform_name else BLANK
    out = []
    for p in people:
        extra = f"（统一社会信用代码 {esc(p.uscc)}）" if p.uscc else ""
        out.append(("被告 " if p.is_defendant else "") + esc(p.name) + extra)
    return "<br/>".join(out)


def _meta_rows(items: list[tuple[str, str]], size: str = "12pt") -> str:
    w1, w2 = col_widths([24, 76], per_cell=8.6)
    rows = "".join(
        f"<tr><td style='border:none;text-align:right;font-size:{size};padding:6pt 4pt;width:{w1:.1f}pt'>{k}：</td>"
        f"<td style='border:none;border-bottom:0.6pt solid #000;font-size:{size};padding:6pt 4pt;width:{w2:.1f}pt'>"
        f"{v}</td></tr>"
        for k, v in items
    )
    return f"<table>{rows}</table>"


def cover_html(snap: CaseSnap, opts: DossierOptions, submitted: date, total_pages: int) -> str:
    items = [
        ("案件名称", esc(snap.title)),
        ("案号", esc(opts.case_number) or "（立案后填写）"),
        ("案由", esc(opts.cause) or BLANK),
        ("提交人", esc(opts.submitter) or BLANK),
        ("对方当事人", party_line(snap)),
        ("受理法院", esc(opts.court) or BLANK),
        ("证据数量", f"共 {len(snap.exhibits)} 件，本证据册共 {total_pages} 页"),
        ("提交日期", cn_date(submitted)),
    ]
    return (
        "<div style='height:90pt'></div>"
        "<h1 style='font-size:30pt'>证 据 材 料</h1>"
        f"<p style='text-align:center;font-size:13pt;margin-bottom:50pt'>{esc(snap.title)}</p>"
        f"{_meta_rows(items)}"
        "<div style='height:60pt'></div>"
        "<p class='note'>本证据册的证据页均由电子数据直接打印生成，每页页脚注明证据编号、连续页码与原始文件哈希值摘要；"
        "原始电子文件及哈希校验清单随附（见附录），可当庭出示、核对。</p>"
    )


def brief_note(notes: str, limit: int = 80) -> str:
    """The notes as the 证据目录 prints them: whole sentences only; a longer note ends at the last
    sentence that fits and points to the exhibit page, where the notes are printed in full."""
    text = " ".join(notes.split())
    if len(text) <= limit:
        return text
    cut = max(text.rfind(p, 0, limit) for p in "。；！？;")
    if cut <= 0:
        return "（见证据页备注）"
    return text[: cut + 1] + "（全文见证据页备注）"


def index_rows(snap: CaseSnap, ranges: dict[int, tuple[int, int]]) -> list[str]:
    rows = []
    for e in snap.exhibits:
        first, last = ranges[e.number]
        remark = []
        if e.files:
            h = e.files[0].sha256
            remark.append(f"SHA-256：<br/><span class='mono'>{h[:8]} {h[8:16]}…</span>")
            if len(e.files) > 1:
                remark.append(f"共 {len(e.files)} 个文件")
        if e.notes:
            remark.append(esc(brief_note(e.notes)))
        rows.append(
            f"<tr id='ex-{e.number}'><td class='c'>{e.number}</td><td>{esc(e.title)}</td>"
            f"<td>{esc(e.source) or '（未填写）'}</td><td>{esc(e.purpose) or '（未填写）'}</td>"
            f"<td class='c'>{pages_text(first, last)}</td><td>{FORM}</td>"
            f"<td class='small'>{'<br/>'.join(remark)}</td></tr>"
        )
    return rows


INDEX_HEAD = header_row(
    [
        ("序号", 5.5),
        ("证据名称", 16),
        ("证据来源", 19),
        ("证明目的", 27),
        ("页码", 8),
        ("原件/复印件", 9.5),
        ("备注", 15),
    ]
)


def index_top(snap: CaseSnap, opts: DossierOptions, submitted: date, first: bool) -> str:
    title = "<h2>证 据 目 录</h2>" if first else "<h2>证据目录（续）</h2>"
    if not first:
        return title
    bits = [
        f"案号：{esc(opts.case_number) or '__________'}",
        f"案由：{esc(opts.cause) or '__________'}",
        f"提交人：{esc(opts.submitter) or '__________'}",
        f"提交日期：{cn_date(submitted)}",
    ]
    return (
        title + f"<p>{'　　'.join(bits[:2])}</p><p>{'　　'.join(bits[2:])}</p>"
        f"<p>对方当事人：{party_line(snap).replace('<br/>', '；')}</p>"
    )


def signature_html(opts: DossierOptions) -> str:
    who = f"{esc(opts.submitter)}　" if opts.submitter else ""
    return (
        "<p class='note' style='margin-top:6pt'>说明：页码为本证据册连续页码。各证据均为电子数据直接打印的打印件"
        "（视为原件，《最高人民法院关于民事诉讼证据的若干规定》第十五条），原始电子文件随附存储介质、可当庭出示，"
        "其 SHA-256/SM3 哈希值见附录。</p>"
        f"<p style='margin-top:28pt;font-size:11pt'>提交人（签名/盖章）：{who}____________________</p>"
        "<p style='margin-top:14pt;font-size:11pt'>日期：________年____月____日</p>"
    )


def summary_html(opts: DossierOptions) -> str:
    """The user's 案情简述, their first person turned to 原告 (the binder is the plaintiff's)."""
    paras = [in_party_voice(p.strip()) for p in opts.summary.replace("\r\n", "\n").split("\n") if p.strip()]
    return "<h2>案 情 简 述</h2>" + "".join(
        f"<p style='text-indent:18pt;font-size:11pt'>{esc(p)}</p>" for p in paras
    )


def facts_of(snap: CaseSnap, opts: DossierOptions) -> list:
    return snap.facts if opts.facts is None else opts.facts


def timeline_rows(snap: CaseSnap, opts: DossierOptions, ranges: dict[int, tuple[int, int]]) -> list[str]:
    rows = []
    for i, f in enumerate(facts_of(snap, opts), start=1):
        refs = "、".join(
            f"证据{n}（第{pages_text(*ranges[n])}页）" if n in ranges else f"证据{n}" for n in f.exhibits
        )
        rows.append(
            f"<tr><td class='c'>{i}</td><td>{esc(f.when)}</td><td>{esc(f.text)}</td><td>{refs}</td></tr>"
        )
    return rows


TIMELINE_HEAD = header_row([("序号", 7), ("时间", 18), ("事实", 50), ("对应证据", 25)])


CLAIMS_HEAD = header_row(
    [
        ("序号", 5),
        ("日期", 11),
        ("类别", 14),
        ("说明", 25),
        ("金额（元）", 10),
        ("已退（元）", 8),
        ("主张（元）", 10),
        ("对应证据", 17),
    ]
)


def _refs(c: ClaimSnap, ranges: dict[int, tuple[int, int]]) -> str:
    """'证据1第26行（第4页）；证据3（第6页）': each exhibit once, with the bill rows the item rests on."""
    rows: dict[int, list[int]] = {}
    for n, row in c.rows:
        rows.setdefault(n, []).append(row)
    out = []
    for n in sorted(set(c.exhibits) | set(rows)):
        text = f"证据{n}" + ("第" + "、".join(map(str, rows[n])) + "行" if n in rows else "")
        out.append(text + (f"（第{pages_text(*ranges[n])}页）" if n in ranges else ""))
    return "；".join(out)


def claims_html(snap: CaseSnap, ranges: dict[int, tuple[int, int]]) -> tuple[str, list[str], str]:
    """(heading, table rows, tail) of the 主张金额 page: the claim described by its items."""
    m = snap.money
    head = (
        "<h2>主 张 金 额</h2>"
        f"<p style='font-size:11pt'>请求返还的本金合计人民币 <b>{m.principal:,.2f}</b> 元，由以下 {len(m.claims)} 项组成"
        "（每项金额减去其中已退回的部分）：</p>"
    )
    rows = [
        f"<tr><td class='c'>{c.number}</td><td>{c.on:%Y-%m-%d}</td><td>{esc(c.kind_label)}</td>"
        f"<td>{esc_breakable(c.description)}</td><td class='r'>{c.amount:,.2f}</td>"
        f"<td class='r'>{c.refunded:,.2f}</td><td class='r'>{c.claimed:,.2f}</td>"
        f"<td class='small'>{_refs(c, ranges)}</td></tr>"
        for c in m.claims
    ]
    rows.append(
        f"<tr><td colspan='6' class='r'><b>合计</b></td><td class='r'><b>{m.principal:,.2f}</b></td><td></td></tr>"
    )
    tail = f"<p class='note'>账单对照：{esc(m.context)}</p>" if m.has_bills else ""
    return head, rows, tail


def write_front(
    w: SectionWriter,
    snap: CaseSnap,
    opts: DossierOptions,
    submitted: date,
    ranges: dict[int, tuple[int, int]],
    total_pages: int,
) -> None:
    w.section("封面", [cover_html(snap, opts, submitted, total_pages)])
    rows = index_rows(snap, ranges)
    w.section(
        "证据目录",
        w.table_pages(
            index_top(snap, opts, submitted, False),
            INDEX_HEAD,
            rows,
            signature_html(opts),
            first_head=index_top(snap, opts, submitted, True),
        ),
    )
    if opts.summary.strip():
        w.section("案情简述", [summary_html(opts)])
    if facts_of(snap, opts):
        w.section(
            "事实经过",
            w.table_pages(
                "<h2>事实经过（续）</h2>",
                TIMELINE_HEAD,
                timeline_rows(snap, opts, ranges),
                first_head="<h2>事 实 经 过</h2>",
            ),
        )
    if snap.money.claims:
        head, rows, tail = claims_html(snap, ranges)
        w.section(
            "主张金额", w.table_pages("<h2>主张金额（续）</h2>", CLAIMS_HEAD, rows, tail, first_head=head)
        )


def exhibit_label(e: ExhibitSnap) -> str:
    return f"证据{e.number} {e.title}"
