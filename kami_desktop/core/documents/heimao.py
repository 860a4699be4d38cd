"""黑猫投诉 text: 投诉对象, 投诉问题, 投诉要求, 涉诉金额, 标题, 详细描述 — for a public site.

黑猫 complaints are published, so the text carries no ID number, phone or address of the user (they
are masked even if they appear in a fact's description). Length limits come from ``limits.json``
(channel ``heimao``); unknown limits show as 未确认.
"""

from __future__ import annotations

from kami_desktop.core.documents.context import CaseContext
from kami_desktop.core.documents.fitting import UNCONFIRMED, Fitted, fit, redact
from kami_desktop.core.documents.layout import Built, Doc, Heading, Missing, P, Table, Title
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.documents.texts import (
    claim_item_lines,
    claim_subject,
    date_cn,
    dispute_summary,
    fact_line,
    money,
)
from kami_desktop.core.legal.data import Limits

CHANNEL = "heimao"


def _limit(limits: Limits, name: str) -> int | None:
    try:
        return limits.field_max_chars(CHANNEL, name)
    except KeyError:
        return None


def build(ctx: CaseContext, opts: DocOptions, m: Missing, limits: Limits) -> Built:
    me = ctx.self_party
    doc = Doc(
        title="黑猫投诉文本",
        subject=f"{ctx.title}：黑猫投诉",
        author=me.name if me else "",
        keywords="黑猫投诉",
        body_size=11,
    )
    doc.add(Title("黑猫投诉文本", subtitle="黑猫投诉（tousu.sina.com.cn）· 投诉内容会公开展示"))
    doc.add(
        P(
            "本文本已去除身份证号、手机号和住址。上传的图片也会公开：请先遮挡图片中的姓名、身份证号、手机号、住址和完整订单号，"
            "只上传打码后的副本，不要上传原始截图。",
            size=10,
        )
    )
    warnings: list[str] = []

    platform = m.need(ctx.platform_name, "平台名称", "case.platform_name")
    op = ctx.operator
    target = platform + (f"（运营主体：{op.name}）" if op and op.name and op.name != platform else "")
    amount = (
        f"{money(ctx.claimed_amount)}元"
        if ctx.claimed_amount is not None
        else m.blank("主张金额（元）", "case.claimed_amount") + "元"
    )
    title = fit([f"{platform}拒不退还{claim_subject(ctx)}，要求退款{amount}"], _limit(limits, "标题"))
    pieces = [redact(dispute_summary(ctx, m), ctx)]
    pieces += [redact(fact_line(f, refs=False), ctx) for f in ctx.facts]
    pieces += [redact(line, ctx) for line in claim_item_lines(ctx, refs=False)]
    if ctx.demand_step:
        pieces.append(f"{date_cn(ctx.demand_step.on)}本人已书面催告退款，对方逾期未退还。")
    pieces.append(f"要求：退还{claim_subject(ctx)}，合计{amount}。")
    body = fit(pieces, _limit(limits, "详细描述"))
    for name, f in (("标题", title), ("详细描述", body)):
        if f.shortened:
            warnings.append(f"“{name}”超过{f.limit}字上限，已删去后面的内容，请核对。")

    def row(name: str, value: str, limit_of: Fitted | None = None) -> list[str]:
        f = limit_of or Fitted(value, _limit(limits, name))
        return [name, value, f.count]

    doc.add(Heading("填写内容（按页面顺序）"))
    doc.add(
        Table(
            [
                ["页面字段", "填写内容", "字数 / 上限"],
                row("投诉对象", target + "（在页面搜索商家，选择名称一致的一项）"),
                row("投诉问题", "扣款不退 / 拒绝退款（按页面选项选择最接近的一项）"),
                row("投诉要求", "退款"),
                row("涉诉金额", amount),
                row("标题", title.text, title),
                row("详细描述", body.text, body),
            ],
            [1.6, 7.0, 1.4],
            label_columns=(0,),
            center_columns=(2,),
        )
    )
    doc.add(
        P(f"字段长度上限来自本应用的限制数据表；“{UNCONFIRMED}”表示尚不知道上限，以页面提示为准。", size=10)
    )
    return Built(doc, ["黑猫投诉页面公开可见：图片请使用打码后的副本。"], warnings)
