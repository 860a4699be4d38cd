"""黑猫投诉 text: 投诉对象, 投诉问题, 投诉要求, 涉诉金额, 标题, 详细描述 — for a public site.

黑猫 complaints are published, so the text carries no ID number, phone, bank card, e-mail or address of
the user (masked even if they appear in a fact's description, by the rules of core.legal.private_data that
the masked image copies use too), and order and transaction numbers keep only
their last 4 digits. Length limits come from ``limits.json`` (channel ``heimao``); a field cut to its
limit is warned about. 涉诉金额 is a plain number.
"""

from __future__ import annotations

from kami_desktop.core.documents.context import CaseContext
from kami_desktop.core.documents.fitting import Fitted, redact
from kami_desktop.core.documents.layout import Built, Doc, Heading, Missing, P, Table, Title
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.documents.portal import (
    amount,
    chronology,
    field,
    limit_of,
    limits_note,
    masked_numbers,
    short_description,
)
from kami_desktop.core.documents.texts import claim_subject
from kami_desktop.core.legal.data import Limits

CHANNEL = "heimao"


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
            "本文本已去除身份证号、手机号、银行卡号、电子邮箱和住址，订单号、交易单号只保留末4位。上传的图片也会公开："
            "请先遮挡图片中的姓名、身份证号、手机号、银行卡号、住址和完整订单号，只上传打码后的副本，不要上传原始截图"
            "（在证据页右键“制作打码副本…”制作副本并“导出上传文件夹…”，原件不变）。",
            size=10,
        )
    )
    warnings: list[str] = []

    def public(text: str) -> str:
        return masked_numbers(redact(text, ctx))

    platform = m.need(ctx.platform_name, "平台名称", "case.platform_name")
    op = ctx.operator
    target = platform + (f"（运营主体：{op.name}）" if op and op.name and op.name != platform else "")
    total = amount(ctx, m)
    title_limit = limit_of(limits, CHANNEL, "标题")
    titles = [
        f"{platform}拒不退还{claim_subject(ctx)}，要求退款{total}元",
        f"{platform}扣款不退，要求退款{total}元",
    ]
    fitting = [t for t in titles if title_limit is None or len(t) <= title_limit]
    title = field(limits, CHANNEL, "标题", fitting[0] if fitting else titles[-1], warnings)
    pieces = [public(p) for p in short_description(ctx, m)]
    pieces += [public(line) for line in chronology(ctx, public=True)]
    body = field(limits, CHANNEL, "详细描述", pieces, warnings)
    ask = field(limits, CHANNEL, "投诉要求", "退款", warnings)

    def row(name: str, value: str) -> list[str]:
        return [name, value, Fitted(value, limit_of(limits, CHANNEL, name)).count]

    doc.add(Heading("填写内容（按页面顺序）"))
    doc.add(
        Table(
            [
                ["页面字段", "填写内容", "字数 / 上限"],
                row("投诉对象", target + "（在页面搜索商家，选择名称一致的一项）"),
                row("投诉问题", "扣款不退 / 拒绝退款（按页面选项选择最接近的一项）"),
                [ask.name, ask.text, ask.count],
                row("涉诉金额", total),
                [title.name, title.text, title.count],
                [body.name, body.text, body.count],
            ],
            [1.6, 7.0, 1.4],
            label_columns=(0,),
            center_columns=(2,),
        )
    )
    doc.add(P(limits_note(limits, CHANNEL), size=10))
    return Built(doc, ["黑猫投诉页面公开可见：图片请使用打码后的副本。"], warnings)
