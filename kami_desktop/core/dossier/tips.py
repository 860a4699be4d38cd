"""内部提示（不提交法院）.pdf: the product's advice about this binder, beside it in the bundle, never in it.

The binder and its 证据目录 carry only what the user wrote for the court. What the app has to tell the
user — a bill that is only a 个人对账 copy, a chat whose own messages could not be told apart, what the
claimed amount still lacks, how many copies to print — goes into this separate file. The bundle's
manifest lists it under ``not_for_filing`` and 校验说明.txt says not to file it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf

from kami_desktop.core.dossier.layout import CONTENT, CSS, PAGE, esc
from kami_desktop.core.dossier.snapshot import CaseSnap
from kami_desktop.core.legal.copies import evidence_copies

TIPS = "内部提示（不提交法院）.pdf"
HEADING = "内部提示（仅供本人参考，不提交法院，不要装订进证据册）"


def tips_sections(snap: CaseSnap) -> list[tuple[str, list[str]]]:
    """(heading, lines) for every kind of advice the case has; empty sections are left out."""
    exhibits = [f"证据{e.number}（{e.title}）：{a}" for e in snap.exhibits for a in e.advice]
    copies = evidence_copies(max(len(snap.defendants), 1))
    printing = [
        f"证据册打印{copies.total}份：法院1份、每位被告各1份（共{copies.opposing}份）、本人留存1份。",
        "开庭时请携带原始电子数据（手机、电脑或存储介质）以备核对原件。",
    ]
    sections = [
        ("证据方面的建议", exhibits),
        ("主张金额", list(snap.money.warnings)),
        ("打印与提交", printing),
    ]
    return [(h, lines) for h, lines in sections if lines]


def tips_pdf(snap: CaseSnap) -> bytes:
    body = f"<h2>{esc(HEADING)}</h2><p class='note'>案件：{esc(snap.title)}</p>"
    for heading, lines in tips_sections(snap):
        body += f"<h3>{esc(heading)}</h3>" + "".join(
            f"<p>{i}. {esc(line)}</p>" for i, line in enumerate(lines, start=1)
        )
    story = pymupdf.Story(body, user_css=CSS + "p, h3 { font-size: 10pt; }")
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    more = 1
    while more:
        dev = writer.begin_page(PAGE)
        more, _ = story.place(CONTENT)
        story.draw(dev)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buf.getvalue())
    doc.set_metadata({"title": HEADING, "subject": snap.title, "creator": "kami_desktop"})
    out = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return out


def write_tips(snap: CaseSnap, path: Path) -> None:
    path.write_bytes(tips_pdf(snap))
