"""The bill exhibit in the binder: the bill itself (``bill_pages``), then the plaintiff's
对账说明（标注版）: the rows the case reconciliation counts, by the bill's own row numbers, their sums,
and — when given — the claim items (主张项) they support.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kami_desktop.core.bills.sheets import BillSheet, case_sheets
from kami_desktop.core.dossier.bill_pages import (
    ROLES,
    SOURCES,
    BillMarks,
    ClaimRef,
    CountedRow,
    bill_page_html,
    marks_from_reconciliation,
    paginate,
    place_landscape,
)
from kami_desktop.core.dossier.layout import CONTENT, CSS, esc, header_row
from kami_desktop.core.dossier.money import MoneySnap
from kami_desktop.core.util.money import money_str

TITLE = "对账说明（标注版）"


def snapshot_bills(
    s: Session, case_id: int, blob_path: Callable[[str], Path]
) -> tuple[dict[str, BillSheet], dict[str, BillMarks]]:
    """Every live bill's sheet and its marks from the case reconciliation, keyed by file SHA-256."""
    from kami_desktop.core.bills.store import reconcile_stored

    sheets = case_sheets(s, case_id, blob_path)
    if not sheets:
        return {}, {}
    recon = reconcile_stored(s, case_id, None, blob_path)
    return sheets, {sha: marks_from_reconciliation(recon, sheet) for sha, sheet in sheets.items()}


def claim_refs(money: MoneySnap) -> list[ClaimRef]:
    """The case's claim items as the annotation names them (主张项N, the binder's 主张金额 page numbering),
    each with the bill rows it rests on (a row printed under an earlier, overlapping bill included)."""
    refs = []
    for c in money.claims:
        rows = frozenset(r.id for b in money.bills.values() for r in b.rows if c.number in r.claim_items)
        refs.append(ClaimRef(f"主张项{c.number}（{c.kind_label}）", c.claimed, rows))
    return refs


def _rows_text(rows: list[int]) -> str:
    """第 3、5–9、12 行: runs of consecutive row numbers are written as ranges."""
    if not rows:
        return "无"
    if len(rows) > 30:
        return f"共 {len(rows)} 笔，行号见上表"
    runs: list[list[int]] = []
    for r in sorted(set(rows)):
        if runs and r == runs[-1][-1] + 1:
            runs[-1].append(r)
        else:
            runs.append([r])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs]
    return "第 " + "、".join(parts) + " 行"


def _yuan(d: Any) -> str:
    return f"¥{d:,.2f}"


def annotation_parts(
    sheet: BillSheet, marks: BillMarks | None, label: str, claims: list[ClaimRef] | None = None
) -> tuple[str, str, list[str], str]:
    """(opening text, table headings, one table row per counted row, closing text)."""
    source = SOURCES.get(sheet.source, sheet.source)
    lead = [
        f"<h3>{TITLE}</h3>",
        "<p><b>本说明是原告（提交人）对上列账单所作的标注，不是账单原文。</b>"
        f"原告根据{esc(label)}（{esc(source)}账单，SHA-256 {esc(sheet.sha256[:16])}…，共 {len(sheet.rows)} 行交易）"
        "标出与本案有关的交易；“行号”即账单原文中的行号，可逐行对照前页原文核对。</p>",
    ]
    rows = marks.rows if marks else []
    if marks and marks.basis:
        lead.append(f"<p>确定方式：{esc(marks.basis)}。</p>")
    if marks is None or not rows:
        return "".join(lead) + "<p>本账单中没有计入本案的交易。</p>", "", [], ""
    supports = _supports(rows, claims)
    cols: list[tuple[str, float]] = [
        ("行号", 6),
        ("交易时间", 17),
        ("交易对方", 20),
        ("金额（元）", 10),
        ("计为", 6),
    ]
    cols += [("计入（元）", 10), ("说明", 31 if supports is None else 17)]
    if supports is not None:
        cols.append(("支持的主张项", 14))
    body = []
    for r in rows:
        cells = [
            f"<td class='c'>{r.row}</td>",
            f"<td>{esc(r.time)}</td>",
            f"<td>{esc(r.counterparty)}</td>",
            f"<td class='r'>{money_str(r.amount)}</td>",
            f"<td class='c'>{ROLES[r.role]}</td>",
            f"<td class='r'>{money_str(r.counted)}</td>",
            f"<td>{esc(_reason(r))}</td>",
        ]
        if supports is not None:
            cells.append(f"<td>{esc('；'.join(supports.get(r.bill_row_id, [])))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    pays = [r.row for r in rows if r.role == "payment"]
    refunds = [r.row for r in rows if r.role == "refund" or r.status_refund]
    tail = [
        f"<p style='margin-top:4pt'><b>本账单合计：</b>付款 {_yuan(marks.paid)}（{_rows_text(pays)}），"
        f"退款 {_yuan(marks.refunded)}（{_rows_text(refunds)}），净付款 {_yuan(marks.paid - marks.refunded)}。</p>"
    ]
    if marks.duplicates:
        tail.append(
            f"<p>{_rows_text(marks.duplicates)}与本案另一份账单中的同一笔交易重复，只在另一份账单中计算一次。</p>"
        )
    tail.append(
        "<p class='note'>净付款是向平台付款与平台退款之差，仅作为背景；原告的主张金额以起诉状所列各主张项为准。</p>"
    )
    listed = [c for c in claims or [] if c.bill_row_ids & {r.bill_row_id for r in rows}]
    if listed:
        tail.append("<p><b>本账单支持的主张项：</b></p>")
        for i, c in enumerate(listed, start=1):
            lines = sorted(r.row for r in rows if r.bill_row_id in c.bill_row_ids)
            tail.append(f"<p>{i}. {esc(c.label)} {_yuan(c.amount)}——{_rows_text(lines)}</p>")
    return "".join(lead), header_row(cols), body, "".join(tail)


def annotation_html(
    sheet: BillSheet, marks: BillMarks | None, label: str, claims: list[ClaimRef] | None = None
) -> str:
    """The 对账说明（标注版） of one bill as one piece of HTML. ``claims``: the case's claim items, if any."""
    lead, head, rows, tail = annotation_parts(sheet, marks, label, claims)
    table = f"<table class='small'>{head}{''.join(rows)}</table>" if rows else ""
    return lead + table + tail


def annotation_pages(
    sheet: BillSheet, marks: BillMarks | None, label: str, claims: list[ClaimRef] | None = None
) -> list[str]:
    """The same, one HTML per binder page, the table headings repeated on each."""
    lead, head, rows, tail = annotation_parts(sheet, marks, label, claims)
    if not rows:
        return [lead]
    cont = f"<p class='note'>{TITLE}（续）</p>"
    return paginate(lead, cont, head, rows, tail, CONTENT, CSS, "<table class='small'>")


def _reason(r: CountedRow) -> str:
    text = r.reason
    if r.status_refund:
        text = (text + "；" if text else "") + f"状态显示已退款 {_yuan(r.status_refund)}，计入退款"
    return text


def _supports(rows: list[CountedRow], claims: list[ClaimRef] | None) -> dict[int, list[str]] | None:
    if not claims:
        return None
    out: dict[int, list[str]] = {}
    for c in claims:
        for r in rows:
            if r.bill_row_id in c.bill_row_ids:
                out.setdefault(r.bill_row_id, []).append(c.label)
    return out


def render_bill_exhibit(
    ctx: Any, sheet: BillSheet, marks: BillMarks | None, claims: list[ClaimRef] | None = None
) -> None:
    """The bill pages (landscape), then the annotation (portrait), for one exhibit file."""
    flow = ctx.flow
    label = f"{ctx.exhibit.label(ctx.file)}（{ctx.file.bundle_path}）"
    title = f"{ctx.exhibit.label(ctx.file)}　{ctx.exhibit.title}"
    header, ctx.header = ctx.header, ""
    pages = place_landscape(flow, bill_page_html(sheet, title, header))
    flow.continued = f"证据{ctx.exhibit.number}（续）"
    for html in annotation_pages(sheet, marks, label, claims):
        flow.y = CONTENT.y1  # each prepared page on a page of its own
        flow.html(html)
    ctx.notes.append(f"账单原文横向排印 {pages} 页，另附{TITLE}")
