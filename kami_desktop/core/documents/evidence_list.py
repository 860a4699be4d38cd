"""证据目录: the live exhibits in binder order, numbered like the binder.

Columns 序号 / 证据名称 / 证据来源 / 证明目的 / 页码 / 原件/复印件 / 备注 (证据规定 art 19, 民诉法 art 69);
header 案号 (left blank for the court) / 案由 / 提交人 / 对方当事人 / 提交日期; signature and date line.
页码 comes from a binder manifest when one is given, else it is left empty for the user.
"""

from __future__ import annotations

from kami_desktop.core.documents.context import CaseContext, ExhibitInfo
from kami_desktop.core.documents.filing import DATE_BLANK
from kami_desktop.core.documents.layout import Built, Doc, Missing, P, Para, Table, Title
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.documents.texts import date_cn, datetime_cn, party_names
from kami_desktop.core.legal.copies import evidence_copies

FORM = "打印件（电子数据）"
HEADER = ["序号", "证据名称", "证据来源", "证明目的", "页码", "原件/复印件", "备注"]
WIDTHS = [0.6, 2.0, 2.0, 2.7, 0.7, 1.3, 2.3]


def remark(ex: ExhibitInfo) -> str:
    bits = []
    if ex.captured_at:
        bits.append(f"{ex.time_label}：{datetime_cn(ex.captured_at)}")
    if ex.files:
        bits.append(
            "SHA-256："
            + "；".join(f.sha256[:12] + "…" for f in ex.files[:3])
            + (f" 等{len(ex.files)}个文件" if len(ex.files) > 3 else "")
        )
    if ex.notes:
        bits.append(ex.notes)
    return "\n".join(bits)


def rows(ctx: CaseContext, opts: DocOptions, m: Missing) -> list[list[str]]:
    out = [HEADER]
    for ex in ctx.exhibits:
        name = ex.title or f"证据{ex.number}"
        if len(ex.files) > 1:
            name += f"（共{len(ex.files)}页/件）"
        out.append(
            [
                str(ex.number),
                name,
                m.need(ex.source, f"证据{ex.number}的来源", f"exhibit.{ex.id}.source"),
                m.need(ex.purpose, f"证据{ex.number}的证明目的", f"exhibit.{ex.id}.purpose"),
                opts.pages.get(ex.id, ""),
                FORM,
                remark(ex),
            ]
        )
    if not ctx.exhibits:
        out.append(["", m.blank("证据（请先在证据库中导入证据）", "exhibits"), "", "", "", "", ""])
    return out


def build(ctx: CaseContext, opts: DocOptions, m: Missing) -> Built:
    me = ctx.self_party
    doc = Doc(
        title="证据目录",
        subject=f"{ctx.title}：证据目录",
        author=me.name if me else "",
        keywords="证据目录,证据清单",
        body_size=11,
    )
    doc.add(Title("证据目录"))
    submitter = "原告 " + m.need(me.name if me else "", "提交人（本人）姓名", "party.self.name")
    doc.add(
        Table(
            [
                ["案号", "", "案由", opts.cause],
                [
                    "提交人",
                    submitter,
                    "对方当事人",
                    party_names(ctx.defendants) or party_names(ctx.counterparties) or "—",
                ],
                [
                    "提交日期",
                    date_cn(opts.date) if opts.date else DATE_BLANK,
                    "证据数量",
                    f"共{len(ctx.exhibits)}项",
                ],
            ],
            [1.2, 3.8, 1.4, 3.6],
            header_rows=0,
            label_columns=(0, 2),
        )
    )
    doc.add(Table(rows(ctx, opts, m), WIDTHS, size=9.5, center_columns=(0, 4)))
    doc.add(
        P(
            "说明：证据均为电子数据的打印件，直接来源于电子数据原件；原始文件及其SHA-256哈希值可当庭核对。",
            size=10,
        )
    )
    doc.add(
        Para([("提交人（签名）：", False)], align="right", indent=False, space_before=18),
        Para([(date_cn(opts.date) if opts.date else DATE_BLANK, False)], align="right", indent=False),
    )
    copies = evidence_copies(max(len(ctx.defendants), 1))
    notes = [
        f"证据目录及证据材料需一式{copies.filed}份：法院{copies.court}份，每位对方当事人1份（证据规定第十九条），"
        f"本人另留{copies.own}份。"
    ]
    if ctx.exhibits and not opts.pages:
        notes.append("页码栏为空：生成证据册后，可用证据册的清单填写页码。")
    return Built(doc, notes, [])
