"""民事起诉状, classic layout (民事诉讼法 art 124): the filing pages only (the notes go to 内部提示).

Plaintiff = the party with role ``self``; defendants = the parties marked ``is_defendant``. Claims:
the principal, LPR interest from a chosen start date, costs borne by the defendants.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kami_desktop.core.documents.claims import (
    INTEREST_BASIS,
    InterestClaim,
    court_name,
    court_notes,
    interest_claim,
    interest_clause,
    interest_detail,
    total_claim,
)
from kami_desktop.core.documents.context import CaseContext
from kami_desktop.core.documents.defendants import (
    basis_sentences,
    defendant_labels,
    defendants_ref,
    liability,
)
from kami_desktop.core.documents.demand import demand_sent_on, demand_workdays
from kami_desktop.core.documents.dispute import breach_text
from kami_desktop.core.documents.filing import attachment_lines, signature_block
from kami_desktop.core.documents.layout import Built, Doc, Heading, Missing, P, Para, Title
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.documents.texts import (
    LAW_CIVIL_577,
    LAW_CIVIL_985,
    LAW_CONSUMER_53,
    LAW_FORMAT_TERMS,
    LAW_PREPAID_15_17,
    amount_text,
    bills_line,
    claim_breakdown,
    claim_item_lines,
    company_intro,
    date_cn,
    dispute_summary,
    fact_lines,
    money,
    person_intro,
    rmb_upper,
)


def party_blocks(ctx: CaseContext, m: Missing) -> list[Para]:
    out = [P(person_intro(ctx.self_party, m, "原告"), indent=False)]
    defendants = ctx.defendants
    if not defendants:
        out.append(
            P("被告：" + m.blank("被告（请在当事人中勾选“列为被告”）", "party.defendant"), indent=False)
        )
    for label, p in zip(defendant_labels(defendants), defendants, strict=True):
        for i, line in enumerate(company_intro(p, m, label)):
            out.append(P(line, indent=i > 0))
    return out


CN_NUMBERS = "一二三四五六七八九十"


@dataclass
class ClaimTexts:
    """The claims as separate texts (the classic layout numbers them, the 要素式 puts them in rows)."""

    principal: str
    interest: str
    extra: list[str]
    costs: str

    def numbered(self) -> list[str]:
        lines = [
            self.principal + "；",
            self.interest + "；",
            *[x + "；" for x in self.extra],
            self.costs + "。",
        ]
        return [f"{CN_NUMBERS[i]}、{line}" for i, line in enumerate(lines)]


def claim_texts(ctx: CaseContext, opts: DocOptions, m: Missing) -> tuple[ClaimTexts, InterestClaim]:
    ic = interest_claim(ctx, opts, m)
    lia = liability(ctx)
    breakdown = claim_breakdown(ctx)
    texts = ClaimTexts(
        f"判令{lia.who}{lia.jointly}向原告返还预付款{amount_text(ctx, m)}"
        + (f"（{breakdown}）" if breakdown else ""),
        f"判令{lia.who}{lia.jointly}向原告支付利息损失（{interest_clause(ctx, ic, m)}）",
        lia.extra,
        f"本案诉讼费用由{lia.payers}负担",
    )
    return texts, ic


def claims_blocks(ctx: CaseContext, opts: DocOptions, m: Missing) -> tuple[list[Para], InterestClaim]:
    texts, ic = claim_texts(ctx, opts, m)
    lines = texts.numbered()
    total = total_claim(ctx, ic)
    if total is not None and ic.amount is not None:
        lines.append(f"以上金额暂计人民币{money(total)}元（大写：{rmb_upper(total)}）。")
    return [P(line) for line in lines], ic


def build(ctx: CaseContext, opts: DocOptions, m: Missing) -> Built:
    me = ctx.self_party
    doc = Doc(
        title="民事起诉状",
        subject=f"{opts.cause}：{ctx.title}",
        author=me.name if me else "",
        keywords=f"民事起诉状,{opts.cause}",
    )
    doc.add(Title("民事起诉状"))
    doc.add(*party_blocks(ctx, m))
    doc.add(Heading("诉讼请求"))
    claims, ic = claims_blocks(ctx, opts, m)
    doc.add(*claims)

    doc.add(Heading("事实与理由"))
    doc.add(P(dispute_summary(ctx, m, me="原告") + "".join(basis_sentences(ctx, m))))
    facts = fact_lines(ctx, party="原告")
    if facts:
        doc.add(P("具体经过如下："))
        doc.add(*[P(f"{i}. {line}") for i, line in enumerate(facts, start=1)])
    else:
        doc.add(P(m.blank("事实经过（充值、扣款、申请退款等时间和经过）", "facts")))
    items = claim_item_lines(ctx, party="原告")
    if items:
        doc.add(P("原告请求返还的本金由以下各项组成："))
        doc.add(*[P(line) for line in items])
    if bills_line(ctx):
        doc.add(P(bills_line(ctx)))
    sent = demand_sent_on(ctx, opts)
    who = defendants_ref(ctx.defendants)
    if sent is not None:
        doc.add(
            P(
                f"{date_cn(sent)}，原告向{who}发出退款催告函，要求{who}在收到该函之日起{demand_workdays(ctx, opts)}"
                "个工作日内退还上述款项"
                + (f"，该函于{date_cn(ctx.demand_delivered_on)}送达" if _delivered(ctx, sent) else "")
                + f"，{who}至今未予退还。"
            )
        )
    doc.add(P(breach_text(ctx, "原告", defendants_ref(ctx.defendants))))
    laws = [LAW_CONSUMER_53, LAW_CIVIL_577] + ([LAW_FORMAT_TERMS] if "hidden_rule" in ctx.causes else [])
    laws += [LAW_PREPAID_15_17, LAW_CIVIL_985]
    doc.add(*[P(law) for law in laws])
    doc.add(
        P(
            "为维护原告的合法权益，原告依照《中华人民共和国民事诉讼法》第一百二十二条的规定向贵院提起诉讼，请求判如所请。"
        )
    )

    doc.add(Heading("证据和证据来源"))
    if ctx.exhibits:
        doc.add(P(f"详见所附《证据目录》（共{len(ctx.exhibits)}项）。"))
    else:
        doc.add(P(m.blank("证据（请先在证据库中导入证据）", "exhibits")))

    n = max(len(ctx.defendants), 1)
    doc.add(
        P("此致", indent=True, space_before=12, keep=True),
        P(court_name(ctx, opts, m), indent=False, keep=True),
    )
    doc.add(*signature_block(me.name if me and me.name else "", opts.date))
    doc.add(*attachment_lines(len(ctx.defendants), len(ctx.exhibits)))
    notes = notes_page(ctx, opts, ic, n)  # the user's 内部提示: its own file, never a page of the filing
    return Built(doc, notes, list(ic.warnings))


def _delivered(ctx: CaseContext, sent: date) -> bool:
    return ctx.demand_delivered_on is not None and ctx.demand_delivered_on >= sent


def notes_page(ctx: CaseContext, opts: DocOptions, ic: InterestClaim, n: int) -> list[str]:
    notes = [
        f"份数：起诉状共需{n + 1}份（正本1份交法院，副本{n}份按被告人数提交，民事诉讼法第一百二十三条），"
        f"证据材料每位被告1份、法院1份，本人另留1份。",
        f"案由：本状按“{opts.cause}”起草；法院也可能确定为网络服务合同纠纷等，以立案审查为准。",
    ]
    notes += court_notes(ctx, opts, ic)
    if ic.start is not None:
        notes.append(f"利息依据：{INTEREST_BASIS}；起算日为{ic.start_text}。")
        notes += interest_detail(ic)
    notes += ic.warnings
    return notes
