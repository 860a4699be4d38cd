"""退款催告函 (rung 1): facts, balance, legal basis, a deadline in working days, next steps.

Optionally the letter also serves as a 解除通知 (民法典 563/565) and states that it interrupts the
limitation period (民法典 195). The period runs from the letter's arrival (民法典 137): the recorded
delivery date, else the sending date plus the channel's delivery allowance, and then the letter says
the date is an estimate. ``kami legal deadlines`` and the complaint's interest start use the same
:func:`demand_period`.
"""

from __future__ import annotations

from datetime import date

from kami_desktop.core.documents.context import CaseContext
from kami_desktop.core.documents.dispute import grievance
from kami_desktop.core.documents.layout import Built, Doc, Heading, Missing, P, Para, Title, lead
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.documents.texts import (
    LAW_CIVIL_577,
    LAW_CIVIL_985,
    LAW_CONSUMER_53,
    LAW_FORMAT_TERMS,
    LAW_LIMITATION,
    LAW_PREPAID_15_17,
    LAW_TERMINATION,
    amount_text,
    bills_line,
    claim_item_lines,
    date_cn,
    dispute_summary,
    fact_lines,
    party_names,
)
from kami_desktop.core.legal.deadlines import demand_answer_period
from kami_desktop.core.legal.notice import AnswerPeriod


def demand_sent_on(ctx: CaseContext, opts: DocOptions) -> date | None:
    """When the demand letter was (or will be) sent: the option, else the ladder step."""
    step = ctx.demand_step
    return opts.sent_on or (step.on if step else None)


def sent_date(ctx: CaseContext, opts: DocOptions) -> date | None:
    """For the letter itself: the sending date, else the letter's own date."""
    return demand_sent_on(ctx, opts) or opts.date


def demand_workdays(ctx: CaseContext, opts: DocOptions) -> int:
    step = ctx.demand_step
    return opts.demand_workdays(step.workdays if step else None)


def demand_channel(ctx: CaseContext, opts: DocOptions) -> str:
    step = ctx.demand_step
    return opts.channel or (step.channel if step else "")


def demand_period(ctx: CaseContext, opts: DocOptions, *, for_letter: bool = True) -> AnswerPeriod | None:
    """The letter's answer period, from its recorded delivery or its (estimated) arrival.

    ``for_letter``: a letter not yet sent is dated by the letter's own date."""
    sent = sent_date(ctx, opts) if for_letter else demand_sent_on(ctx, opts)
    delivered = ctx.demand_delivered_on
    if sent is None and delivered is None:
        return None
    return demand_answer_period(
        sent, demand_workdays(ctx, opts), delivered=delivered, channel=demand_channel(ctx, opts)
    )


def build(ctx: CaseContext, opts: DocOptions, m: Missing) -> Built:
    title = "退款催告函暨解除合同通知书" if opts.termination else "退款催告函"
    me = ctx.self_party
    doc = Doc(
        title=title,
        subject=f"{ctx.title}：要求退款",
        author=me.name if me else "",
        keywords="催告函,退款,预付款",
    )
    notes: list[str] = []
    warnings: list[str] = []
    doc.add(Title(title))

    targets = ctx.counterparties
    if targets:
        for t in targets:
            line = f"致：{t.name}"
            if t.uscc:
                line += f"（统一社会信用代码：{t.uscc}）"
            doc.add(P(line, indent=False))
            if t.address:
                doc.add(P(f"地址：{t.address}", indent=False))
        salutation = party_names(targets)
    else:
        doc.add(P("致：" + m.blank("被催告方（平台运营主体）名称", "party.operator.name"), indent=False))
        salutation = "贵司"
    doc.add(P(f"{salutation}：", indent=False, space_before=6))

    name = m.need(me.name if me else "", "催告人（本人）姓名", "party.self.name")
    doc.add(P(f"本人{name}就贵司{grievance(ctx)}、拒不退还一事，特致函如下：", space_before=0))
    doc.add(Heading("一、基本事实"))
    doc.add(P(dispute_summary(ctx, m)))
    facts = fact_lines(ctx)
    if facts:
        doc.add(P("具体经过如下：", indent=True))
        for i, line in enumerate(facts, start=1):
            doc.add(P(f"{i}. {line}"))
    else:
        doc.add(P(m.blank("事实经过（充值、扣款、申请退款等时间和经过）", "facts")))
    items = claim_item_lines(ctx)
    if items:
        doc.add(P("本人要求贵司退还的款项逐项如下：", indent=True))
        doc.add(*[P(line) for line in items])
        if bills_line(ctx, me="本人"):
            doc.add(P(bills_line(ctx, me="本人")))

    doc.add(Heading("二、法律依据"))
    laws = [LAW_CONSUMER_53, LAW_CIVIL_577]
    if "hidden_rule" in ctx.causes:
        laws.append(LAW_FORMAT_TERMS)
    laws += [LAW_PREPAID_15_17, LAW_CIVIL_985]
    for i, law in enumerate(laws, start=1):
        doc.add(P(f"{i}. {law}"))

    doc.add(Heading("三、本人的要求"))
    n = demand_workdays(ctx, opts)
    ap = demand_period(ctx, opts)
    amount = amount_text(ctx, m)
    if ap is not None:
        due = date_cn(ap.due)
        if ap.estimated:
            how = f"本函于{date_cn(ap.sent)}发出" if ap.sent else "本函"
            channel = demand_channel(ctx, opts)
            how = how.replace("发出", f"以{channel}方式发出") if channel and ap.sent else how
            when = (
                f"自收到本函之日起{n}个工作日内（{how}，按{ap.channel.days}日送达估算，即于{due}（含当日）前；"
                "期限以本函实际送达之日起算）"
            )
        else:
            when = f"自本函送达之日（{date_cn(ap.arrival)}）起{n}个工作日内，即于{due}（含当日）前"
        notes.append(f"履行期限：{ap.explain()}。")
        if ap.estimated:
            notes.append(
                "催告函到达对方时生效（民法典第137条）。收到妥投记录或对方已读后，请在维权进度中记录"
                "“催告函已送达平台”及日期，期限将按实际送达日重新计算。"
            )
        if ap.provisional:
            warnings.append(f"{ap.due.year}年的放假调休安排尚未确认，期限届满日{due}为暂定日期，请核对。")
    else:
        due = ""
        when = (
            f"自收到本函之日起{n}个工作日内（即"
            + m.blank("履行期限届满日（填写发函日期后自动计算）", "step.demand_sent")
            + "前）"
        )
    doc.add(
        P(
            f"请贵司{when}，将{'上述款项合计' if items else '本人的预付款（账户余额）'}{amount}原路退还至本人的"
            "付款账户，并书面（或通过平台消息）答复处理结果。"
        )
    )
    if opts.termination:
        doc.add(P(LAW_TERMINATION))
    if opts.interrupt_limitation:
        doc.add(P(LAW_LIMITATION))

    doc.add(Heading("四、逾期不退的后续措施"))
    deadline = f"{due}前" if due and ap is not None and not ap.estimated else "上述期限内"
    doc.add(
        P(f"如贵司在{deadline}未退还上述款项，本人将依法采取以下措施，由此产生的一切后果及费用由贵司承担：")
    )
    for i, measure in enumerate(
        (
            "向全国12315平台（市场监督管理部门）投诉，并就格式条款等违法线索进行举报；",
            "向支付渠道（支付宝、微信支付等）投诉，并在黑猫投诉等公开平台投诉；",
            "向有管辖权的人民法院提起诉讼，要求贵司返还上述款项，并支付自履行期限届满次日起按全国银行间同业拆借中心"
            "公布的一年期贷款市场报价利率计算的利息及本人维权的合理费用。",
        ),
        start=1,
    ):
        doc.add(P(f"{i}. {measure}"))
    doc.add(P("特此函告。", space_before=6, keep=True))

    channel = demand_channel(ctx, opts)
    doc.add(
        lead(
            "送达方式：",
            m.need(channel, "送达方式（如EMS邮寄、电子邮件、平台客服工单）", "step.demand_sent.channel"),
            space_before=6,
            keep=True,
        )
    )
    phone = m.need(me.phone if me else "", "催告人联系电话", "party.self.phone")
    letter_date = opts.date or sent_date(ctx, opts)
    doc.add(
        Para([(f"催告人：{name}", False)], align="right", indent=False, space_before=18, keep=True),
        Para([(f"联系电话：{phone}", False)], align="right", indent=False, keep=True),
    )
    if me and me.address:
        doc.add(Para([(f"联系地址：{me.address}", False)], align="right", indent=False, keep=True))
    doc.add(
        Para(
            [(date_cn(letter_date) if letter_date else m.blank("发函日期", "step.demand_sent"), False)],
            align="right",
            indent=False,
        )
    )

    notes.append(
        "请保留发送凭证：EMS详情单及妥投记录、电子邮件发送记录或客服工单截图，并在维权进度中记录发函日期和渠道。"
    )
    if opts.interrupt_limitation:
        notes.append("催告函到达对方时诉讼时效中断（民法典第195条），请保存能证明到达的凭证。")
    return Built(doc, notes, warnings)
