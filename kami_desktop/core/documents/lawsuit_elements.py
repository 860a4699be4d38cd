"""民事起诉状（要素式）: the tabular layout courts use since 2025 "wherever a template exists".

The sections follow the first-batch 买卖合同纠纷 template of 法〔2024〕46号 as reproduced by third
parties (legal.md §3.2); whether 信息网络买卖合同 has its own template in the 2025 list is unconfirmed,
so the notes page tells the user to prefer the court's own form. Items the case file cannot know
(经常居住地, 电子送达, 保全, 管辖约定 …) are offered as tick boxes rather than invented.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kami_desktop.core.case.party_basis import BASES, effective_basis
from kami_desktop.core.documents.claims import court_name, total_claim
from kami_desktop.core.documents.context import TOPUP_KINDS, CaseContext
from kami_desktop.core.documents.defendants import defendant_labels, defendants_ref
from kami_desktop.core.documents.demand import demand_sent_on, demand_workdays
from kami_desktop.core.documents.dispute import delivery_text
from kami_desktop.core.documents.filing import attachment_lines, signature_block
from kami_desktop.core.documents.lawsuit import claim_texts, notes_page
from kami_desktop.core.documents.layout import Built, Doc, Heading, Missing, P, Table, Title
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.documents.texts import (
    amount_text,
    claim_item_lines,
    date_cn,
    fact_lines,
    money,
    party_names,
    platform_text,
)

BOX = "□"
WIDTHS = [1.3, 2.4, 6.3]


def _section(title: str, rows: list[tuple[str, str]]) -> Table:
    body = [[title if i == 0 else "", label, value] for i, (label, value) in enumerate(rows)]
    return Table([["项目", "要素", "填写内容"], *body], WIDTHS, label_columns=(0, 1), center_columns=(0,))


def plaintiff_rows(ctx: CaseContext, m: Missing) -> list[tuple[str, str]]:
    p = ctx.self_party

    def get(attr: str) -> Any:  # a PartyInfo field, or None without a party
        return getattr(p, attr) if p else None

    return [
        ("姓名", m.need(get("name"), "原告姓名", "party.self.name")),
        ("性别", f"{BOX}男 {BOX}女" if not get("gender") else get("gender")),
        ("出生日期", date_cn(get("birth_date")) or m.blank("原告出生日期", "party.self.birth_date")),
        ("民族", m.need(get("ethnicity"), "原告民族", "party.self.ethnicity")),
        ("职业/工作单位", m.need(get("occupation"), "原告职业", "party.self.occupation")),
        ("住所地（户籍所在地）", m.need(get("address"), "原告住所", "party.self.address")),
        ("经常居住地", f"{BOX}同住所地  {BOX}其他："),
        (
            "证件类型及号码",
            "居民身份证  " + m.need(get("id_number"), "原告身份证号码", "party.self.id_number"),
        ),
        ("联系电话", m.need(get("phone"), "原告联系电话", "party.self.phone")),
    ]


def defendant_rows(ctx: CaseContext, m: Missing) -> list[Table]:
    tables = []
    defendants = ctx.defendants
    if not defendants:
        return [
            _section("被告", [("名称", m.blank("被告（请在当事人中勾选“列为被告”）", "party.defendant"))])
        ]
    for label, p in zip(defendant_labels(defendants), defendants, strict=True):
        key = f"party.{p.id}"
        name = p.name or label
        rows = [
            ("名称", m.need(p.name, f"{label}名称", key + ".name")),
            ("住所地（主要办事机构所在地）", m.need(p.address, f"{name}住所地", key + ".address")),
            ("注册地/登记地", f"{BOX}同住所地  {BOX}其他："),
            ("统一社会信用代码", m.need(p.uscc, f"{name}统一社会信用代码", key + ".uscc")),
            (
                "法定代表人/主要负责人",
                m.need(p.legal_representative, f"{name}法定代表人", key + ".legal_representative"),
            ),
            ("职务", m.need(p.legal_rep_title, f"{name}法定代表人职务", key + ".legal_rep_title")),
            ("联系电话", p.phone or "不详"),
            ("类型", f"{BOX}有限责任公司 {BOX}股份有限公司 {BOX}个体工商户 {BOX}其他："),
        ]
        if p.website or p.icp:
            rows.append(("网站/ICP备案号", "；".join(x for x in (p.website, p.icp) if x)))
        basis = effective_basis(p.basis, p.role)
        rows.append(
            (
                "被诉依据",
                BASES[basis] if basis else m.blank(f"{name}的被诉依据", key + ".basis"),
            )
        )
        tables.append(_section(label, rows))
    return tables


def _facts_rows(ctx: CaseContext, opts: DocOptions, m: Missing) -> list[tuple[str, str]]:
    me = ctx.self_party
    first = ctx.first_topup
    paid = sum((f.amount for f in ctx.facts_of(TOPUP_KINDS) if f.amount is not None), Decimal("0.00"))
    if ctx.paid is not None:
        paid_text = f"原告向平台付款（充值）合计{money(ctx.paid)}元，平台已退还{money(ctx.refunded)}元；"
    elif paid:
        paid_text = f"原告已向平台账户充值（按账单记录合计{money(paid)}元），"
    else:
        paid_text = "原告已按平台要求预付充值款，"
    items = claim_item_lines(ctx, refs=True, party="原告")
    owed = (
        "原告请求返还的款项逐项如下：\n" + "\n".join(items)
        if items
        else f"被扣除且未退还的余额为{amount_text(ctx, m, upper=False)}。"
    )
    sent = demand_sent_on(ctx, opts)
    urged = (
        f"是。{date_cn(sent)}向{defendants_ref(ctx.defendants)}发出退款催告函，要求收到该函之日起{demand_workdays(ctx, opts)}个工作日内退款"
        + (
            f"，该函于{date_cn(ctx.demand_delivered_on)}送达"
            if ctx.demand_delivered_on and ctx.demand_delivered_on >= sent
            else ""
        )
        + f"，{defendants_ref(ctx.defendants)}未退还。"
        if sent
        else f"{BOX}是，时间和方式：            {BOX}否"
    )
    facts = fact_lines(ctx, party="原告")
    return [
        (
            "1. 合同的签订情况（名称、编号、签订时间、地点等）",
            f"原告在{platform_text(ctx, m)}注册账户并充值，双方以信息网络方式订立预付式消费（充值）合同。"
            + (f"首次充值时间：{date_cn(first)}。" if first else ""),
        ),
        (
            "2. 签约主体",
            f"买受人（消费者）：{me.name if me and me.name else '原告'}；出卖人（经营者）："
            + (party_names(ctx.defendants) or m.blank("被告", "party.defendant")),
        ),
        ("3. 标的物情况", "平台提供的虚拟商品或服务（如游戏点卡、话费充值、会员服务等），以账户余额支付。"),
        (
            "4. 合同约定的价款及支付方式",
            "按平台标价从预付余额中扣付；预付款通过"
            + (party_names(ctx.by_role("channel")) or "第三方支付渠道")
            + "充值。",
        ),
        (
            "5. 合同约定的交付时间、地点、方式",
            "通过信息网络交付；买受人住所地为合同履行地（民诉法解释第二十条）。",
        ),
        ("6. 合同约定的质量标准及检验方式", f"{BOX}有：            {BOX}无"),
        ("7. 合同约定的违约金（定金）", f"{BOX}有：            {BOX}无"),
        ("8. 价款支付情况", paid_text + owed),
        (
            "9. 交付情况",
            delivery_text(ctx, "原告"),
        ),
        ("10. 是否催促过履行", urged),
        ("11. 其他需要说明的内容", "\n".join(f"{i}. {t}" for i, t in enumerate(facts, start=1)) or "无"),
        (
            "12. 证据清单（可另附页）",
            f"详见所附《证据目录》（共{len(ctx.exhibits)}项）。"
            if ctx.exhibits
            else m.blank("证据（请先在证据库中导入证据）", "exhibits"),
        ),
    ]


def build(ctx: CaseContext, opts: DocOptions, m: Missing) -> Built:
    me = ctx.self_party
    doc = Doc(
        title="民事起诉状（要素式）",
        subject=f"{opts.cause}：{ctx.title}",
        author=me.name if me else "",
        keywords=f"民事起诉状,要素式,{opts.cause}",
        body_size=11,
    )
    doc.add(Title("民事起诉状", subtitle=f"（{opts.cause}）"))
    doc.add(Heading("当事人信息"))
    doc.add(_section("原告", plaintiff_rows(ctx, m)))
    doc.add(*defendant_rows(ctx, m))
    me_addr = me.address if me and me.address else m.blank("原告住所", "party.self.address")
    doc.add(
        _section(
            "其他",
            [
                ("委托诉讼代理人", f"{BOX}有（姓名、单位、代理权限）：            {BOX}无"),
                (
                    "送达地址及收件人、联系电话",
                    f"地址：{me_addr}；收件人：{me.name if me else ''}；"
                    f"电话：{me.phone if me and me.phone else ''}",
                ),
                (
                    "是否接受电子送达",
                    f"{BOX}是，方式：{BOX}短信 {BOX}微信 {BOX}电子邮件 {BOX}其他：        {BOX}否",
                ),
            ],
        )
    )

    doc.add(Heading("诉讼请求和依据"))
    claims, ic = claim_texts(ctx, opts, m)
    total = total_claim(ctx, ic)
    doc.add(
        _section(
            "诉讼请求",
            [
                ("1. 返还预付款（余额）", claims.principal),
                ("2. 利息", claims.interest),
                ("3. 诉讼费用", claims.costs),
                ("4. 其他请求", "；".join(claims.extra) or "无"),
                (
                    "5. 标的总额",
                    (
                        f"暂计人民币{money(total)}元（本金及暂计利息）"
                        if total is not None and ic.amount is not None
                        else amount_text(ctx, m, upper=False) + "及利息"
                    ),
                ),
                (
                    "6. 请求依据",
                    "合同约定：平台用户协议及充值规则；法律规定：《中华人民共和国消费者权益保护法》第五十三条，"
                    "《中华人民共和国民法典》第五百七十七条、第九百八十五条，《最高人民法院关于审理预付式消费民事纠纷案件"
                    "适用法律若干问题的解释》第十五条至第十七条",
                ),
            ],
        )
    )
    doc.add(
        _section(
            "约定管辖和诉讼保全",
            [
                ("1. 有无仲裁、法院管辖约定", f"{BOX}有，条款内容：            {BOX}无"),
                (
                    "2. 是否申请财产保全措施",
                    f"{BOX}已经诉前保全（法院、时间、案号）：            {BOX}申请诉讼保全  {BOX}否",
                ),
            ],
        )
    )
    doc.add(Heading("事实与理由"))
    doc.add(_section("事实与理由", _facts_rows(ctx, opts, m)))

    n = max(len(ctx.defendants), 1)
    doc.add(P("此致", space_before=12, keep=True), P(court_name(ctx, opts, m), indent=False, keep=True))
    doc.add(*signature_block(me.name if me and me.name else "", opts.date, label="具状人（签字、盖章）"))
    doc.add(*attachment_lines(len(ctx.defendants), len(ctx.exhibits)))
    notes = notes_page(ctx, opts, ic, n)
    notes.insert(
        1,
        "本状参照法〔2024〕46号文发布的要素式民事起诉状示范文本（买卖合同纠纷）的栏目编写，请逐项核对；"
        "“□”处请在打印后勾选或填写。受诉法院提供了专门文本的，以法院文本为准。",
    )
    notes.insert(
        2,
        "要素式文本：自2025年1月1日起，有示范文本的案件类型应当使用要素式文本并逐项填写；"
        "信息网络买卖合同是否有专门文本尚未核实，本状按买卖合同纠纷的栏目编写。",
    )
    if ic.result is None and ic.start is not None:
        notes.append("填写起诉日期后可自动计算暂计利息。")
    return Built(doc, notes, list(ic.warnings))
