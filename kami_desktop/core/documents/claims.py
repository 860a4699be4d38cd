"""The money claims of a lawsuit (principal, LPR interest, costs) and the court / fee notes.

Interest: on the principal, from the chosen start date (default the day after the demand letter's
answer period, which runs from the letter's delivery — estimated from sending while no delivery is
recorded, :mod:`kami_desktop.core.legal.notice`) until actual payment, at the one-year LPR published
by the 全国银行间同业拆借中心. Which LPR is an option (:data:`~kami_desktop.core.legal.LPR_RULES`): by
default the LPR in force when the contract was formed (预付式消费解释 16–17; the first top-up unless
``lpr_date`` says otherwise), or the 同期 LPR per sub-period. The amount comes from the same
``compute_interest`` as ``kami legal interest`` with the same two dates (days = end − start) and is
printed with its whole formula. With a document date the amount up to that date is stated ("暂计至…").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from kami_desktop.core.documents.context import CaseContext
from kami_desktop.core.documents.demand import demand_period
from kami_desktop.core.documents.layout import Missing
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.documents.texts import date_cn, money
from kami_desktop.core.legal.data import LegalDataError, load_lpr
from kami_desktop.core.legal.fees import court_fee
from kami_desktop.core.legal.interest import LPR_RULES, InterestResult, compute_interest, interest_formula
from kami_desktop.core.legal.small_claims import normalize_province, small_claims_threshold

INTEREST_BASIS = (
    "《中华人民共和国消费者权益保护法》第五十三条（经营者应当承担预付款的利息）、"
    "《最高人民法院关于审理预付式消费民事纠纷案件适用法律若干问题的解释》第十六条、第十七条"
)
INTERNET_COURT_CITIES = {"北京": "北京互联网法院", "广州": "广州互联网法院", "杭州": "杭州互联网法院"}
TO_BE_CONFIRMED = "（利率待核实）"


@dataclass
class InterestClaim:
    start: date | None  # first day of interest ("自…起")
    end: date | None  # "暂计至…"
    rate: Decimal | None  # the one-year LPR applied (the first segment's under per_period)
    result: InterestResult | None
    start_text: str
    warnings: list[str] = field(default_factory=list)
    rule: str = "formation"  # a key of LPR_RULES
    lpr_date: date | None = None  # the date whose LPR applies (rule "formation")
    start_estimated: bool = False  # the start comes from an estimated delivery of the demand letter
    start_reason: str = ""  # how the start date was found
    unconfirmed: bool = False  # the rate used is not verified: the documents say 待核实
    rate_when: str = ""  # whose LPR: "合同成立时（2025年3月2日）" or a date

    @property
    def amount(self) -> Decimal | None:
        return self.result.interest if self.result else None


def interest_start(ctx: CaseContext, opts: DocOptions) -> tuple[date | None, bool, str]:
    """(first day of interest, estimated?, how it was found)."""
    if opts.interest_from:
        return opts.interest_from, False, "按所填的利息起算日"
    ap = demand_period(ctx, opts, for_letter=False)
    if ap is None:
        return None, False, ""
    return ap.interest_from, ap.estimated, "催告期满次日；" + ap.explain()


def formation_date(ctx: CaseContext, opts: DocOptions) -> date | None:
    """When the contract was formed: the option, else the first recorded top-up."""
    if opts.lpr_date:
        return opts.lpr_date
    first = ctx.first_topup
    return first.date() if first is not None else None


def interest_claim(ctx: CaseContext, opts: DocOptions, m: Missing) -> InterestClaim:
    start, estimated, reason = interest_start(ctx, opts)
    end = opts.interest_to or opts.date
    warnings: list[str] = []
    rule = opts.lpr
    if start is None:
        return InterestClaim(
            None,
            end,
            None,
            None,
            m.blank("利息起算日（如催告期满次日）", "option.interest_from"),
            warnings,
            rule,
        )
    if estimated:
        warnings.append(
            f"利息起算日{date_cn(start)}由催告函的预计送达日推算（尚未记录送达日期）；"
            "请在维权进度中记录“催告函已送达平台”的日期，起算日将按实际送达日重新计算。"
        )
    table = load_lpr()
    lpr_date: date | None = None
    rate_when = ""
    if rule == "formation":
        lpr_date = formation_date(ctx, opts)
        rate_when = f"合同成立时（{date_cn(lpr_date)}）" if lpr_date else date_cn(start)
        if lpr_date is None:
            lpr_date = start
            warnings.append(
                "未记录合同成立（首次充值）的日期，暂按利息起算日适用的一年期LPR计算；"
                "请在事实经过中记录首次充值，或在选项中填写合同成立日。"
            )
    entry = table.entry_on(lpr_date or start)
    rate = entry.rate if entry else None
    unconfirmed = bool(entry and (not entry.confirmed or (lpr_date or start) > table.last_verified))
    result = None
    if end is not None and start > end:
        warnings.append(
            f"催告期限尚未届满：利息自{date_cn(start)}起算，晚于文书日期{date_cn(end)}，文书中不计算利息金额。"
            f"期限届满（{date_cn(start - timedelta(days=1))}）前起诉，对方可以主张尚未逾期；建议期满后再生成起诉状。"
        )
    if ctx.claimed_amount is not None and end is not None and end >= start:
        try:
            result = compute_interest(ctx.claimed_amount, start, end, lpr_table=table, lpr_date=lpr_date)
            warnings += result.warnings
            unconfirmed = unconfirmed or result.unconfirmed
        except LegalDataError as exc:
            warnings.append(str(exc))
    if rate is None:
        warnings.append(f"LPR表中没有{date_cn(lpr_date or start)}适用的一年期LPR，请核对利率。")
    return InterestClaim(
        start,
        end,
        rate,
        result,
        date_cn(start),
        warnings,
        rule,
        lpr_date,
        estimated,
        reason,
        unconfirmed,
        rate_when,
    )


def _rate_phrase(ic: InterestClaim) -> str:
    flag = TO_BE_CONFIRMED if ic.unconfirmed else ""
    if ic.rule == "per_period":
        return "按全国银行间同业拆借中心公布的同期一年期贷款市场报价利率（LPR）" + flag
    rate = f"，年利率{ic.rate}%" if ic.rate is not None else ""
    return f"按{ic.rate_when}全国银行间同业拆借中心公布的一年期贷款市场报价利率（LPR{rate}）" + flag


def interest_clause(ctx: CaseContext, ic: InterestClaim, m: Missing) -> str:
    base = (
        f"{money(ctx.claimed_amount)}元"
        if ctx.claimed_amount is not None
        else m.blank("主张金额（元）", "case.claimed_amount") + "元"
    )
    text = f"以{base}为基数，自{ic.start_text}起至实际清偿之日止，{_rate_phrase(ic)}计算"
    if ic.result is not None and ic.end is not None:
        text += f"，暂计至{date_cn(ic.end)}为{money(ic.result.interest)}元（{interest_formula(ic.result)}）"
    return text


def interest_detail(ic: InterestClaim) -> list[str]:
    """Lines explaining the computation (for the notes page)."""
    out = [f"利率：{LPR_RULES.get(ic.rule, ic.rule)}。"]
    if ic.start_reason:
        out.append(f"利息起算日{ic.start_text}：{ic.start_reason}。")
    if ic.result is None:
        return out
    segs = "；".join(
        f"{date_cn(seg.start)}至{date_cn(seg.end)}，{seg.days}天，年利率{seg.rate}%"
        for seg in ic.result.segments
    )
    out.append(
        f"利息计算：本金×年利率×天数÷{ic.result.basis}，天数为截止日减起算日（算头不算尾），"
        f"自{ic.start_text}起暂计至{date_cn(ic.end)}共{ic.result.days}天（{segs}）："
        f"{interest_formula(ic.result)}。用“kami legal interest”输入相同的日期和利率可得到相同结果。"
    )
    if ic.unconfirmed:
        out.append("所用LPR数值尚未核实（或晚于LPR表的核实日期），文书中已注明“利率待核实”，提交前请核对。")
    return out


def total_claim(ctx: CaseContext, ic: InterestClaim) -> Decimal | None:
    if ctx.claimed_amount is None:
        return None
    return ctx.claimed_amount + (ic.amount or Decimal("0.00"))


def internet_court(ctx: CaseContext) -> str:
    for p in ctx.defendants:
        for city, court in INTERNET_COURT_CITIES.items():
            if city in p.address:
                return court
    return ""


def court_name(ctx: CaseContext, opts: DocOptions, m: Missing) -> str:
    return opts.court or m.blank("受诉人民法院（一般为原告住所地基层人民法院）", "option.court")


def court_notes(ctx: CaseContext, opts: DocOptions, ic: InterestClaim) -> list[str]:
    me = ctx.self_party
    home = me.address if me and me.address else "原告住所地"
    notes = [
        "管辖：依照《民事诉讼法》第二十四条和《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二十条，"
        "以信息网络方式订立买卖合同、通过信息网络交付标的的，以买受人住所地为合同履行地；因此一般可以向"
        f"原告住所地（{home}）的基层人民法院起诉，也可以向被告住所地人民法院起诉。",
        "格式条款中的管辖约定，经营者未以合理方式提请消费者注意的无效（民诉法解释第三十一条）；如平台协议约定了"
        "管辖法院或仲裁，请把协议截图一并保存。",
    ]
    court = internet_court(ctx)
    if court:
        notes.append(
            f"被告住所地在{court[:2]}：在当地电子商务平台订立、履行的网络购物合同和网络服务合同纠纷由{court}"
            "集中管辖（《最高人民法院关于互联网法院审理案件若干问题的规定》第二条）；向被告住所地起诉时应向该院提交。"
        )
    else:
        notes.append(
            "北京、广州、杭州设有互联网法院，集中管辖当地的网络购物合同、网络服务合同纠纷（《最高人民法院关于"
            "互联网法院审理案件若干问题的规定》第二条）；被告住所地在这三个城市且选择向被告住所地起诉时，应向互联网法院起诉。"
        )
    total = total_claim(ctx, ic)
    if total is not None:
        notes.append(
            f"案件受理费：诉讼请求金额{money(total)}元，按《诉讼费用交纳办法》第十三条为{money(court_fee(total))}元；"
            f"适用简易程序或小额诉讼程序减半为{money(court_fee(total, 'simple'))}元（第十六条）。"
            "判决后由败诉方负担。"
        )
        province = _province(home)
        if province:
            th = small_claims_threshold(province)
            if th.threshold is not None:
                within = "在该标准以内" if total <= th.threshold else "超出该标准"
                notes.append(
                    f"小额诉讼：{province}的小额诉讼标准为{money(th.threshold)}元（未核实，见数据表），"
                    f"本案金额{within}；适用小额诉讼程序的案件一审终审。"
                )
    return notes


def _province(address: str) -> str:
    if not address or address == "原告住所地":
        return ""
    for n in (3, 2):
        try:
            return normalize_province(address[:n])
        except ValueError:
            continue
    return ""
