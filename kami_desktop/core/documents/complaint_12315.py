"""12315 投诉 field sheet: every field of the online form in order, the text to type, its length limit.

The 12315 complaint page has been reported to block paste, so this is a typing sheet. Field limits
come from the editable ``limits.json`` (the user's copy in the profile wins); unknown limits show as
未确认. Required by 《市场监督管理投诉举报处理暂行办法》art 9: the complainant's 姓名/电话/通讯地址, the
respondent's 名称/地址, the request and the facts.
"""

from __future__ import annotations

from kami_desktop.core.documents.attachments import plan_attachments
from kami_desktop.core.documents.context import CaseContext
from kami_desktop.core.documents.fitting import UNCONFIRMED, Fitted
from kami_desktop.core.documents.layout import Built, Doc, Heading, Missing, P, Table, Title
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.documents.portal import (
    Field,
    amount,
    chronology,
    disputed_order_ids,
    field,
    limit_of,
    limits_note,
    numbers_field,
    purchase_date,
    short_description,
)
from kami_desktop.core.documents.texts import claim_breakdown, date_cn
from kami_desktop.core.legal.data import Limits
from kami_desktop.core.legal.deadlines import complaint_filing_window

CHANNEL = "12315"
WIDTHS = [0.6, 2.0, 5.8, 1.3]


def _limit(limits: Limits, name: str) -> int | None:
    return limit_of(limits, CHANNEL, name)


def _row(limits: Limits, n: int, name: str, value: str) -> list[str]:
    return [str(n), name, value, Fitted(value, _limit(limits, name)).count]


def _frow(n: int, f: Field) -> list[str]:
    return [str(n), f.name, f.text, f.count]


def description(ctx: CaseContext, limits: Limits, m: Missing, warnings: list[str]) -> Field:
    """The short 问题描述: what happened, what was asked, the amount (the chronology is apart)."""
    return field(limits, CHANNEL, "问题描述", short_description(ctx, m), warnings)


def demand_text(ctx: CaseContext, m: Missing, limits: Limits, warnings: list[str]) -> Field:
    total = amount(ctx, m)
    what = claim_breakdown(ctx).removeprefix("其中：")
    first = f"要求经营者退还{what}，合计{total}元" if what else f"要求经营者退还预付款（账户余额）{total}元"
    return field(
        limits, CHANNEL, "诉求", [first, "，并承担预付款的利息（消费者权益保护法第五十三条）。"], warnings
    )


def build(ctx: CaseContext, opts: DocOptions, m: Missing, limits: Limits) -> Built:
    me = ctx.self_party
    op = ctx.operator
    doc = Doc(
        title="12315投诉填写单",
        subject=f"{ctx.title}：全国12315平台投诉",
        author=me.name if me else "",
        keywords="12315,投诉",
        body_size=11,
    )
    warnings: list[str] = []
    ch = limits.channels.get(CHANNEL, {})
    doc.add(Title("12315投诉填写单", subtitle="全国12315平台（www.12315.cn）· 我要投诉 · 按页面顺序逐项录入"))
    if ch.get("paste_blocked"):
        doc.add(
            P("注意：" + str(ch.get("paste_note") or "投诉页面可能禁止粘贴，请按本表逐字录入。"), size=10)
        )
    doc.add(P(limits_note(limits, CHANNEL), size=10))
    op_key = f"party.{op.id}" if op else "party.operator"
    doc.add(Heading("一、被投诉企业"))
    doc.add(
        Table(
            [
                ["序号", "页面字段", "填写内容", "字数 / 上限"],
                _row(
                    limits, 1, "企业名称", m.need(op.name if op else "", "被投诉企业名称", op_key + ".name")
                ),
                _row(
                    limits,
                    2,
                    "统一社会信用代码",
                    m.need(op.uscc if op else "", "被投诉企业统一社会信用代码", op_key + ".uscc"),
                ),
                _row(
                    limits,
                    3,
                    "企业地址",
                    m.need(op.address if op else "", "被投诉企业地址", op_key + ".address"),
                ),
                _row(limits, 4, "网店/平台名称", m.need(ctx.platform_name, "平台名称", "case.platform_name")),
                _row(limits, 5, "网址", ctx.platform_url or (op.website if op else "") or "（无）"),
                _row(limits, 6, "ICP备案号（参考）", (op.icp if op else "") or "（未记录）"),
            ],
            WIDTHS,
            center_columns=(0, 3),
        )
    )
    doc.add(
        P(
            "提示：先用统一社会信用代码搜索企业，搜不到再用名称搜索；网店/平台名称和网址用于说明购买渠道。",
            size=10,
        )
    )

    doc.add(Heading("二、消费者信息（页面通常按实名信息自动填写，请核对）"))
    doc.add(
        Table(
            [
                ["序号", "页面字段", "填写内容", "字数 / 上限"],
                _row(limits, 1, "姓名", m.need(me.name if me else "", "投诉人姓名", "party.self.name")),
                _row(limits, 2, "电话", m.need(me.phone if me else "", "投诉人电话", "party.self.phone")),
                _row(
                    limits,
                    3,
                    "通讯地址",
                    m.need(me.address if me else "", "投诉人通讯地址", "party.self.address"),
                ),
            ],
            WIDTHS,
            center_columns=(0, 3),
        )
    )

    desc = description(ctx, limits, m, warnings)
    want = demand_text(ctx, m, limits, warnings)
    product = field(
        limits,
        CHANNEL,
        "商品/服务名称",
        f"“{ctx.platform_name or '平台'}”账户充值余额（虚拟商品预付款）",
        warnings,
    )
    orders = disputed_order_ids(ctx) or ([] if ctx.claim_items else ctx.order_ids)  # no items: the top-ups
    order_field = (
        numbers_field(limits, CHANNEL, "订单号", orders, warnings)
        if orders
        else Field("订单号", Fitted(m.blank("订单号", "claims.order_id"), _limit(limits, "订单号")))
    )
    doc.add(Heading("三、投诉详情"))
    doc.add(
        Table(
            [
                ["序号", "页面字段", "填写内容", "字数 / 上限"],
                _frow(1, product),
                _row(limits, 2, "商品/服务类别", "按页面选项选择最接近的一项（如虚拟商品、预付式消费）"),
                _row(limits, 3, "购买/消费时间", purchase_date(ctx, m)),
                _row(limits, 4, "金额（元）", amount(ctx, m)),
                _frow(5, order_field),
                _row(limits, 6, "问题类型", "按页面选项选择（如退款问题、预付卡/充值问题）"),
                _frow(7, desc),
                _frow(8, want),
            ],
            WIDTHS,
            center_columns=(0, 3),
        )
    )
    story = chronology(ctx, public=False)
    if story:
        doc.add(Heading("事实经过（备用：页面有“补充说明”栏或工作人员要求补充时使用，不必填入问题描述）"))
        doc.add(*[P(line, indent=False, size=10) for line in story])

    doc.add(Heading("四、附件"))
    att = ch.get("attachments", {})
    mb = att.get("max_bytes_each")
    doc.add(
        P(
            f"格式：{'、'.join(att.get('formats') or []) or UNCONFIRMED}；单个文件上限："
            f"{f'{mb / 1048576:g} MB' if mb else UNCONFIRMED}；数量上限：{att.get('max_count') or UNCONFIRMED}。"
            "用“导出12315附件”生成下列文件（长截图会分段，原始文件不会被修改）：",
            size=10,
        )
    )
    plan = plan_attachments(ctx, limits, CHANNEL)
    rows = [["序号", "附件文件名", "对应证据", "说明"]]
    rows += [
        [
            str(i),
            a.name,
            f"证据{a.number} {a.exhibit_title}",
            f"第{a.part}/{a.parts}段" if a.parts > 1 else "",
        ]
        for i, a in enumerate(plan, start=1)
    ]
    if len(rows) == 1:
        rows.append(["", "（案件中没有图片证据）", "", ""])
    doc.add(Table(rows, [0.6, 4.4, 3.3, 1.4], center_columns=(0,)))

    doc.add(Heading("五、提交前核对"))
    checks = [
        "□ 本次充值是为生活消费（自己使用）。为转售、代理、分站经营而充值的，可能不属于消费者投诉，不予受理"
        "（《市场监督管理投诉举报处理暂行办法》第三条、第十五条）。"
    ]
    if ctx.discovered_on:
        window = complaint_filing_window(ctx.discovered_on, today=ctx.discovered_on)
        checks.append(
            f"□ 投诉期限：自知道权益受损之日（{date_cn(ctx.discovered_on)}）起3年内，即最迟{date_cn(window.due)}"
            "前提交（第十五条第（四）项；此期限不因催告而中断）。"
        )
    else:
        checks.append(
            "□ 投诉期限：自知道权益受损之日起3年内（" + m.blank("发现扣款日期", "case.discovered_on") + "）。"
        )
    checks += [
        "□ 由经营者住所地的县级市场监督管理部门处理（第十二条）；收到投诉后7个工作日内决定是否受理（第十四条），"
        "受理后45个工作日内未达成调解协议的终止调解。",
        "□ 提交后记下投诉编号，在本应用的维权进度中登记提交日期，以便跟踪受理和调解期限。",
    ]
    doc.add(*[P(c, indent=False) for c in checks])
    return Built(doc, [], warnings)
