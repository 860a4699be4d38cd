"""Shared wording: dates, money (with the 大写 form), party descriptions, facts, statutes.

Statute texts quoted here are the ones legal.md marks as confirmed; articles it only summarises
(预付式消费解释 arts 15–17) are paraphrased, never put in quotation marks.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from kami_desktop.core.chats.speakers import formal_quote
from kami_desktop.core.documents.context import CaseContext, ClaimInfo, FactInfo, PartyInfo
from kami_desktop.core.documents.layout import Missing
from kami_desktop.core.util.money import CENT
from kami_desktop.core.util.pronouns import in_party_voice
from kami_desktop.core.util.timeutil import CHINA_TZ

# --------------------------------------------------------------------------- dates and money


def date_cn(d: date | datetime | None) -> str:
    if not d:
        return ""
    if isinstance(d, datetime):
        d = d.astimezone(CHINA_TZ).date()
    return f"{d.year}年{d.month}月{d.day}日"


def datetime_cn(dt: datetime) -> str:
    local = dt.astimezone(CHINA_TZ)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return date_cn(local)
    return f"{date_cn(local)} {local:%H:%M}"


def money(amount: Decimal | None) -> str:
    if amount is None:
        return ""
    return f"{amount.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def _group_upper(g: int) -> str:
    out, zero = "", False
    for pos in (3, 2, 1, 0):
        d = g // 10**pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _UNITS[pos]
    return out


def _int_upper(n: int) -> str:
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out, zero = "", False
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if g == 0:
            zero = bool(out)
            continue
        if out and (zero or g < 1000):
            out += "零"
        zero = False
        out += _group_upper(g) + _GROUPS[idx]
    return out


def rmb_upper(amount: Decimal) -> str:
    """Chinese financial uppercase: 1798.00 → 壹仟柒佰玖拾捌元整; 100.05 → 壹佰元零伍分."""
    a = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    if a < 0:
        return "负" + rmb_upper(-a)
    cents = int(a * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return "零元整"
    out = _int_upper(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return out + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    return out + (_DIGITS[fen] + "分" if fen else "整")


def amount_text(ctx: CaseContext, m: Missing, *, upper: bool = True) -> str:
    """'人民币1,798.00元（大写：壹仟柒佰玖拾捌元整）' or a blank."""
    if ctx.claimed_amount is None:
        return "人民币" + m.blank("主张金额（元）", "case.claimed_amount") + "元"
    text = f"人民币{money(ctx.claimed_amount)}元"
    return text + (f"（大写：{rmb_upper(ctx.claimed_amount)}）" if upper else "")


# --------------------------------------------------------------------------- parties


def is_person(p: PartyInfo) -> bool:
    return p.role == "self" or bool(p.id_number or p.gender or p.birth_date)


def person_intro(p: PartyInfo | None, m: Missing, who: str, key: str = "party.self", label: str = "") -> str:
    """'原告：张三，男，1990年1月1日出生，汉族，职业：…，住…，公民身份号码：…，联系电话：…。'"""
    if p is None:
        return f"{who}：" + m.blank(f"{who}信息（请在当事人中添加“本人”）", key)
    lb = label or who
    parts = [
        m.need(p.name, f"{lb}姓名", f"{key}.name"),
        m.need(p.gender, f"{lb}性别", f"{key}.gender"),
        (date_cn(p.birth_date) + "出生") if p.birth_date else m.blank(f"{lb}出生日期", f"{key}.birth_date"),
        m.need(p.ethnicity, f"{lb}民族", f"{key}.ethnicity"),
        "职业：" + m.need(p.occupation, f"{lb}职业", f"{key}.occupation"),
        "住" + m.need(p.address, f"{lb}住所", f"{key}.address"),
        "公民身份号码：" + m.need(p.id_number, f"{lb}身份证号码", f"{key}.id_number"),
        "联系电话：" + m.need(p.phone, f"{lb}联系电话", f"{key}.phone"),
    ]
    return f"{who}：" + "，".join(parts) + "。"


def company_intro(p: PartyInfo, m: Missing, who: str) -> list[str]:
    """Lines for an entity party: name, 住所地, 统一社会信用代码, 法定代表人 and 职务, phone."""
    key = f"party.{p.id}"
    label = p.name or who
    if is_person(p):
        return [person_intro(p, m, who, key, label)]
    first = (
        f"{who}：{m.need(p.name, f'{who}名称', key + '.name')}，"
        f"住所地：{m.need(p.address, f'{label}住所地', key + '.address')}，"
        f"统一社会信用代码：{m.need(p.uscc, f'{label}统一社会信用代码', key + '.uscc')}。"
    )
    rep = (
        f"法定代表人：{m.need(p.legal_representative, f'{label}法定代表人', key + '.legal_representative')}，"
        f"职务：{m.need(p.legal_rep_title, f'{label}法定代表人职务', key + '.legal_rep_title')}。"
    )
    if p.phone:
        rep += f"联系电话：{p.phone}。"
    return [first, rep]


def party_names(parties: list[PartyInfo]) -> str:
    return "、".join(p.name for p in parties if p.name)


# --------------------------------------------------------------------------- the dispute


def platform_text(ctx: CaseContext, m: Missing) -> str:
    name = m.need(ctx.platform_name, "平台名称", "case.platform_name")
    return f"“{name}”平台" + (f"（网址：{ctx.platform_url}）" if ctx.platform_url else "")


def dispute_summary(ctx: CaseContext, m: Missing, me: str = "本人") -> str:
    """One paragraph composed from the case (``core.documents.dispute``): kept here for its callers."""
    from kami_desktop.core.documents.dispute import dispute_summary as compose

    return compose(ctx, m, me)


def exhibit_refs(numbers: list[int]) -> str:
    return "、".join(f"证据{n}" for n in numbers)


def fact_line(f: FactInfo, *, refs: bool = True, party: str = "") -> str:
    """One recorded fact, dated; ``party`` (原告 in a court document): the user's first person in their own
    description becomes the party (``util.pronouns``), quoted words untouched."""
    text = formal_quote((f.description or f.label).strip()).rstrip("。；;")
    if party:
        text = in_party_voice(text, party)
    cited = f"（见{exhibit_refs(f.exhibit_numbers)}）" if refs and f.exhibit_numbers else ""
    return f"{datetime_cn(f.occurred_at)}，{text}{cited}。"


def fact_lines(ctx: CaseContext, party: str = "") -> list[str]:
    return [fact_line(f, party=party) for f in ctx.facts]


# --------------------------------------------------------------------------- the claim, item by item


def claim_item_line(c: ClaimInfo, *, refs: bool = True, party: str = "") -> str:
    """'2025年3月20日，被扣除的余额（自动续费）：…，金额487.50元（见证据3）。'"""
    text = f"{date_cn(c.on)}，{c.kind_label}"
    desc = c.description.strip().rstrip("。；;，,")
    if party:
        desc = in_party_voice(desc, party)
    if desc:
        text += f"：{desc}"
    text += f"，金额{money(c.amount)}元"
    if c.refunded:
        text += f"，其中已退还{money(c.refunded)}元，尚未退还{money(c.claimed)}元"
    if refs and c.exhibit_numbers:
        text += f"（见{exhibit_refs(c.exhibit_numbers)}）"
    return text + "。"


def claim_item_lines(ctx: CaseContext, *, refs: bool = True, party: str = "") -> list[str]:
    """The numbered items and the line that adds them up to the claim (empty without items)."""
    if not ctx.claim_items:
        return []
    lines = [f"{c.number}. {claim_item_line(c, refs=refs, party=party)}" for c in ctx.claim_items]
    parts = "＋".join(money(c.claimed) for c in ctx.claim_items)
    total = money(ctx.claimed_amount)
    lines.append(
        f"以上{len(ctx.claim_items)}项合计{total}元"
        + (f"（{parts}＝{total}）。" if len(ctx.claim_items) > 1 else "。")
    )
    return lines


def bills_line(ctx: CaseContext, me: str = "原告") -> str:
    """What the bills show, as context for the claim (empty without bills or items)."""
    if ctx.paid is None or ctx.refunded is None or not ctx.claim_items or ctx.claimed_amount is None:
        return ""
    text = f"根据{me}的支付账单，{me}向平台付款（充值）合计{money(ctx.paid)}元，平台已退还{money(ctx.refunded)}元"
    rest = ctx.paid - ctx.refunded - ctx.claimed_amount
    if rest > 0:
        text += f"；{me}仅就上述未获交付、未获退还的款项请求返还，其余{money(rest)}元为已消费（已交付）或不在本次请求范围内的部分"
    return text + "。"


def claim_breakdown(ctx: CaseContext) -> str:
    """'其中：被扣除的余额（自动续费）487.50元、已付款未交付的订单350.00元' (empty without items)."""
    if not ctx.claim_items:
        return ""
    return "其中：" + "、".join(f"{c.kind_label}{money(c.claimed)}元" for c in ctx.claim_items)


def claim_subject(ctx: CaseContext) -> str:
    """What is claimed back, in words: the items' kinds, or the prepayment when there are no items."""
    if not ctx.claim_items:
        return "预付款（账户余额）"
    kinds = list(dict.fromkeys(c.kind_label for c in ctx.claim_items))
    return "、".join(kinds)


# --------------------------------------------------------------------------- statutes

LAW_CONSUMER_53 = (
    "《中华人民共和国消费者权益保护法》第五十三条规定：“经营者以预收款方式提供商品或者服务的，应当按照约定提供。"
    "未按照约定提供的，应当按照消费者的要求履行约定或者退回预付款；并应当承担预付款的利息、消费者必须支付的合理费用。”"
)
LAW_CIVIL_577 = (
    "《中华人民共和国民法典》第五百七十七条规定：“当事人一方不履行合同义务或者履行合同义务不符合约定的，"
    "应当承担继续履行、采取补救措施或者赔偿损失等违约责任。”"
)
LAW_CIVIL_985 = (
    "即便不存在有效的扣款依据，依照《中华人民共和国民法典》第九百八十五条，得利人没有法律根据取得不当利益的，"
    "受损失的人可以请求得利人返还取得的利益。"
)
LAW_PREPAID_15_17 = (
    "依照《最高人民法院关于审理预付式消费民事纠纷案件适用法律若干问题的解释》（法释〔2025〕4号）第十五条至第十七条，"
    "预付式消费合同解除后，经营者应当返还剩余预付款并支付利息；利息有约定的按约定，没有约定的按一年期贷款市场报价利率计算。"
)
LAW_FORMAT_TERMS = (
    "平台以格式条款扣除余额的，依照《中华人民共和国民法典》第四百九十六条、第四百九十七条，提供格式条款的一方未履行提示、"
    "说明义务的，对方可以主张该条款不成为合同的内容；不合理地免除或者减轻其责任、排除对方主要权利的格式条款无效。"
)
LAW_TERMINATION = (
    "鉴于贵司的违约行为已致使合同目的不能实现，本人依照《中华人民共和国民法典》第五百六十三条、第五百六十五条，"
    "特此通知解除本人与贵司之间的预付式消费（充值）合同，合同自本函到达贵司时解除。"
)
LAW_LIMITATION = (
    "本函系本人依照《中华人民共和国民法典》第一百九十五条第（一）项向贵司提出的履行请求，诉讼时效自本函到达贵司之日起中断，"
    "并重新计算。"
)
