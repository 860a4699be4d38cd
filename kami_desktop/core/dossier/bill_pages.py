"""The bill exhibit as the bill: every row and every column of the export, its header lines and its own
row numbers, typeset on landscape pages; then, on pages of their own, the plaintiff's 对账说明（标注版）.

The bill pages carry nothing of the app's: no "计入" column, no totals. Which rows count, and the sums,
appear only in the annotation, which is titled as the plaintiff's and names the rows by the bill's own
row numbers. Long identifiers (交易订单号, 商家订单号 …) are never wrapped, so ``pdftotext`` finds them
whole; when a bill is too wide the type gets smaller rather than an order number being cut.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

import pymupdf

from kami_desktop.core.bills.sheets import BillSheet
from kami_desktop.core.dossier.layout import CONTENT, LANDSCAPE, LANDSCAPE_CONTENT, PAGE, esc, new_story
from kami_desktop.core.util.cjkfont import CSS_FAMILY

SOURCES = {"alipay": "支付宝", "wechat": "微信支付"}
ROLES = {"payment": "付款", "refund": "退款"}
ZERO = Decimal("0.00")
SIZES = (6.5, 6.0, 5.5, 5.0, 4.5)  # type sizes tried for the bill table, largest first
PAD = 5.5  # cell padding and border, points per cell
MONO = 0.6  # advance of a monospace digit, in em
ID_COLUMN = re.compile(r"(单号|订单号|^交易号$|账号)")
_TOKEN = re.compile(r"[\x21-\x7e]+")

CSS = """
* { font-family: SERIF; line-height: 1.25; }
body { margin: 0; }
p { margin: 0 0 1.5pt 0; font-size: 7pt; }
h3 { font-size: 10pt; margin: 0 0 3pt 0; }
.cap { font-size: 7pt; color: #555555; margin-bottom: 3pt; }
table { border-collapse: collapse; }
th, td { border: 0.5pt solid #000; padding: 1.5pt 2pt; vertical-align: top; }
th { background-color: #e8e8e8; font-weight: bold; text-align: center; }
.id { font-family: monospace; white-space: nowrap; }
.c { text-align: center; }
""".replace("SERIF", CSS_FAMILY)


# ----------------------------------------------------------------------------- what the annotation says
@dataclass(frozen=True)
class CountedRow:
    """A row of this bill that the case reconciliation counts (or shows and leaves out)."""

    row: int  # the bill's own row number
    bill_row_id: int
    role: str  # payment | refund
    amount: Decimal  # the row's amount
    counted: Decimal  # what goes into the sum
    time: str = ""
    counterparty: str = ""
    reason: str = ""
    status_refund: Decimal = ZERO  # a payment's refund stated only by its status, counted as refunded


@dataclass(frozen=True)
class ClaimRef:
    """A claim item (主张项) and the bill rows that show it."""

    label: str
    amount: Decimal
    bill_row_ids: frozenset[int] = frozenset()


@dataclass
class BillMarks:
    rows: list[CountedRow]
    basis: str = ""  # how the platform's rows were chosen
    duplicates: list[int] = field(default_factory=list)  # rows of this bill counted in another bill instead
    warnings: list[str] = field(default_factory=list)

    @property
    def paid(self) -> Decimal:
        return sum((r.counted for r in self.rows if r.role == "payment"), ZERO)

    @property
    def refunded(self) -> Decimal:
        refunds = sum((r.counted for r in self.rows if r.role == "refund"), ZERO)
        return refunds + sum((r.status_refund for r in self.rows), ZERO)


def marks_from_reconciliation(recon: Any, sheet: BillSheet) -> BillMarks:
    """This bill's rows in a case reconciliation (rows carrying ``bill_id``/``bill_row_id``)."""
    rows = []
    for r in recon.rows:
        if getattr(r, "bill_id", None) != sheet.bill_id or r.role not in ROLES:
            continue
        t = r.transaction
        rows.append(
            CountedRow(
                t.row,
                getattr(r, "bill_row_id", 0),
                r.role,
                t.amount,
                r.counted,
                t.time.strftime("%Y-%m-%d %H:%M:%S"),
                t.counterparty,
                r.reason,
                getattr(r, "status_refund", ZERO),
            )
        )
    rows.sort(key=lambda r: r.row)
    skipped = set(getattr(recon, "duplicate_row_ids", ()) or ())
    terms = "、".join(getattr(recon, "terms", []) or [])
    return BillMarks(
        rows,
        basis=f"交易对方或商品说明含有本案平台的名称（{terms}）" if terms else "",
        duplicates=[x.row for x in sheet.rows if x.bill_row_id in skipped],
        warnings=list(getattr(recon, "warnings", [])),
    )


# ----------------------------------------------------------------------------- column widths
def _sans(text: str, size: float) -> float:
    from kami_desktop.core.dossier.linebreak import text_width

    return text_width(text, size) * 1.08


def _mono(text: str, size: float) -> float:
    return len(text) * MONO * size * 1.02


def plan_columns(
    columns: list[str], rows: list[tuple[str, ...]], avail: float
) -> tuple[float, list[float], set[int]]:
    """(type size, width of each column incl. 行号, the columns that must not wrap).

    Identifiers never wrap; headings stay on one line while the type can shrink for it, and wrap only
    when nothing else fits."""
    names = ["行号", *columns]
    table = [list(names)] + [list(r) for r in rows]
    ids = {j for j, n in enumerate(names) if j and ID_COLUMN.search(n)}
    attempts = [(size, True) for size in SIZES] + [(SIZES[-1], False)]
    for size, whole_heads in attempts:
        need, nat = [], []
        for j in range(len(names)):
            texts = [line[j] if j < len(line) else "" for line in table]
            head = _sans(names[j] if whole_heads else names[j][:2], size * 1.05)
            if j in ids or j == 0:
                w = max([_mono(t, size) for t in texts[1:]] + [head])
                need.append(w)
                nat.append(w)
                continue
            tokens = [tok for t in texts[1:] for tok in _TOKEN.findall(t)] or [""]
            need.append(max(head, size * 1.1, *(_sans(tok, size) for tok in tokens)))
            nat.append(max([_sans(t, size) for t in texts[1:]] + [head]))
        total = sum(need) + PAD * len(names)
        if total <= avail:
            break
    extra = max(avail - total, 0.0)
    want = [max(n - m, 0.0) for n, m in zip(nat, need, strict=True)]
    grow = sum(want)
    widths = [m + (min(w, extra * w / grow) if grow else 0.0) for m, w in zip(need, want, strict=True)]
    spare = avail - sum(widths) - PAD * len(names)
    text_cols = [j for j in range(1, len(names)) if j not in ids] or list(range(len(names)))
    for j in text_cols:
        widths[j] += max(spare, 0.0) / len(text_cols)
    return size, widths, ids


# ----------------------------------------------------------------------------- the bill pages
def _table_head(names: list[str], widths: list[float], size: float) -> str:
    cells = "".join(
        f"<th style='width:{w:.1f}pt;font-size:{size}pt'>{esc(n)}</th>"
        for n, w in zip(names, widths, strict=True)
    )
    return f"<tr>{cells}</tr>"


def _row_html(values: list[str], ids: set[int], size: float, k: int) -> str:
    cells = []
    for j, v in enumerate(values):
        cls = " class='id'" if j in ids else (" class='c'" if j == 0 else "")
        cells.append(f"<td{cls} style='font-size:{size}pt'>{esc(v)}</td>")
    return f"<tr id='r{k}'>{''.join(cells)}</tr>"


def _heights(table: str, rows: list[str], rect: pymupdf.Rect, css: str) -> list[float]:
    tagged = [r if " id=" in r[:12] else r.replace("<tr", f"<tr id='r{k}'", 1) for k, r in enumerate(rows)]
    story = new_story(table.replace("</table>", "".join(tagged) + "</table>"), css)
    found: dict[str, float] = {}

    def record(pos: Any) -> None:
        if getattr(pos, "id", "") and pos.open_close & 1 and pos.id not in found:
            found[pos.id] = pos.rect[3] - pos.rect[1]

    story.place(pymupdf.Rect(rect.x0, 0, rect.x1, 1e6))
    story.element_positions(record)
    return [found.get(f"r{k}", rect.height) for k in range(len(rows))]


def _height(html: str, rect: pymupdf.Rect, css: str) -> float:
    story = new_story(html, css)
    _, filled = story.place(pymupdf.Rect(rect.x0, 0, rect.x1, 1e6))
    return filled[3]


def _fits(html: str, rect: pymupdf.Rect, css: str) -> bool:
    more, _ = new_story(html, css).place(rect)
    return not more


def paginate(
    lead: str,
    cont: str,
    head: str,
    rows: list[str],
    tail: str,
    rect: pymupdf.Rect,
    css: str,
    table_tag: str = "<table>",
) -> list[str]:
    """A table as one HTML page per sheet of ``rect``, each repeating the headings ``head``: ``lead`` opens
    the first page, ``cont`` the others, ``tail`` follows the last row."""
    empty = f"{table_tag}{head}</table>"
    avail = [
        rect.height - _height(lead + empty, rect, css) - 2,
        rect.height - _height(cont + empty, rect, css) - 2,
    ]
    chunks: list[list[int]] = [[]]
    used = 0.0
    for k, h in enumerate(_heights(empty, rows, rect, css) if rows else []):
        if chunks[-1] and used + h > avail[len(chunks) > 1]:
            chunks.append([])
            used = 0.0
        chunks[-1].append(k)
        used += h

    def html(i: int, idx: list[int], with_tail: bool) -> str:
        t = f"{table_tag}{head}{''.join(rows[k] for k in idx)}</table>" if idx else ""
        return (lead if i == 0 else cont) + t + (tail if with_tail else "")

    i = 0
    while i < len(chunks):  # borders and rounding: move a row on when a page overflows
        while len(chunks[i]) > 1 and not _fits(html(i, chunks[i], False), rect, css):
            if i + 1 == len(chunks):
                chunks.append([])
            chunks[i + 1].insert(0, chunks[i].pop())
        i += 1
    pages = [html(i, idx, False) for i, idx in enumerate(chunks)]
    last = len(chunks) - 1
    if _fits(html(last, chunks[last], True), rect, css):
        pages[last] = html(last, chunks[last], True)
    else:
        pages.append(cont + tail)
    return pages


def bill_page_html(sheet: BillSheet, title: str, header: str = "") -> list[str]:
    """The bill as a list of landscape pages (HTML), each repeating the column headings; ``header`` (the
    exhibit header, when the bill opens its exhibit) leads the first page, above the first rows."""
    source = SOURCES.get(sheet.source, sheet.source)
    names = ["行号", *sheet.columns]
    values = [
        [str(r.row), *(list(r.cells) + [""] * len(sheet.columns))[: len(sheet.columns)]] for r in sheet.rows
    ]
    size, widths, ids = plan_columns(sheet.columns, [tuple(v) for v in values], LANDSCAPE_CONTENT.width)
    head = _table_head(names, widths, size)
    rows = [_row_html(v, ids, size, k) for k, v in enumerate(values)]
    first_rows = f"第 {sheet.rows[0].row}–{sheet.rows[-1].row} 行" if sheet.rows else "无交易行"
    lead = header + (
        (
            f"<h3>{esc(title)}：账单原文</h3><p class='cap'>"
            if not header
            else "<p class='cap'><b>账单原文：</b>"
        )
        + f"按{esc(source)}导出文件原样逐行逐栏排印：表头说明 {len([x for x in sheet.head_lines if x])} 行，"
        f"交易 {len(sheet.rows)} 行（原文件{first_rows}），每行 {len(sheet.columns)} 栏。“行号”为该行在原文件中的行号。"
        "本证据的对账说明（标注版）另页附后。</p>"
        + "".join(f"<p>{esc(line)}</p>" for line in sheet.head_lines if line)
        + "".join(f"<p class='cap'>{esc(n)}</p>" for n in sheet.notes)
    )
    cont = f"<p class='cap'>{esc(title)}：账单原文（续）</p>"
    tail = "".join(f"<p>{esc(line)}</p>" for line in sheet.tail_lines if line)
    tail += f"<p class='cap'>（账单原文至此结束，共 {len(sheet.rows)} 行交易）</p>"
    return paginate(lead, cont, head, rows, tail, LANDSCAPE_CONTENT, CSS)


def place_landscape(flow: Any, pages: list[str]) -> int:
    """Lay the pages out landscape and add them to the binder as portrait sheets turned a quarter."""
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    for html in pages:
        story = new_story(html, CSS)
        more = 1
        while more:  # a page too long after all continues on the next
            dev = writer.begin_page(LANDSCAPE)
            more, _ = story.place(LANDSCAPE_CONTENT)
            story.draw(dev)
            writer.end_page()
    writer.close()
    src = pymupdf.open("pdf", buf.getvalue())
    start = flow.doc.xref_length()
    for i in range(src.page_count):
        flow.new_page()
        flow.tags[-1] = replace(flow.tags[-1], landscape=True)
        page = flow.page()
        page.show_pdf_page(PAGE, src, i, rotate=90)
        page.set_rotation(90)
    n = src.page_count
    src.close()
    flow.share_fonts(start)  # one copy of the embedded font in the binder
    flow.y = CONTENT.y1  # whatever follows starts on a new (portrait) page
    return n
