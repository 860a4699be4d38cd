"""What happened, in words composed from the case: its causes, its claim items and its recorded facts.

No sentence here is a fixed template for a cause type. A case about an auto-renewal and an undelivered
card says that, with the amounts of its claim items (``core.bills.money`` through the context); the
sentence about standard terms the user was never shown appears only when the case has the 隐性规则扣款
cause, and names only the terms its claim items give as the reason (余额有效期, 服务费 …).
"""

from __future__ import annotations

from decimal import Decimal

from kami_desktop.core.documents.context import REFUND_REQUEST_KINDS, CaseContext, ClaimInfo
from kami_desktop.core.documents.layout import Missing
from kami_desktop.core.documents.texts import amount_text, date_cn, money, platform_text

# a 被扣除的余额 item's reason → the term of the platform it rests on, as the documents name it
REASON_TERMS = {"auto_renewal": "自动续费", "service_fee": "服务费", "expiry": "余额有效期"}
REASON_GROUNDS = {
    "auto_renewal": "以“自动续费”为由",
    "service_fee": "以收取“服务费”为由",
    "expiry": "以“余额过期”为由",
}

# a cause alone, for a case without claim items: what the platform did ({me} is the user)
CAUSE_WHAT = {
    "hidden_rule": "平台依据其单方制定的规则扣除了{me}的账户余额",
    "auto_renewal": "平台以“自动续费”为由扣除了{me}的账户余额",
    "undelivered": "{me}付款后，平台未交付相应的商品或服务",
    "tech_fault": "因平台系统故障或订单状态异常，{me}的账户余额被扣除，但{me}未获得相应的商品或服务",
    "malicious": "平台在{me}未获得任何商品或服务的情况下扣除了{me}的账户余额",
    "unknown": "{me}的账户余额被平台扣除，{me}未获得相应的商品或服务",
}
HIDDEN_TERMS = "平台扣款所依据的{terms}系平台单方制定的格式条款，平台未向{me}作出提示和说明"
TECH_FAULT = "据平台答复，上述问题系平台系统故障或订单状态异常所致"


def own_ground(reason: str) -> str:
    """The user's own words for why the platform deducted, as a ground: '以“违规处理”为由'. A reason typed
    as a whole phrase (以"违规处理"为由扣除) is cut to its core first, so the phrase is never doubled."""
    core = (reason or "").strip()
    if not core or core == "unexplained":
        return ""
    core = core.removeprefix("以")
    for tail in ("为由扣除了", "为由扣除", "为由扣款", "为由"):
        if core.endswith(tail):
            core = core[: -len(tail)]
            break
    core = core.strip().strip("“”\"'‘’「」")
    return f"以“{core}”为由" if core else ""


def _sum(items: list[ClaimInfo]) -> str:
    return money(sum((c.claimed for c in items), Decimal("0")))


def _when(items: list[ClaimInfo]) -> str:
    days = sorted({c.on for c in items})
    return date_cn(days[0]) if len(days) == 1 else f"{date_cn(days[0])}至{date_cn(days[-1])}期间"


def item_sentences(ctx: CaseContext, me: str) -> list[str]:
    """One dated clause per kind of claim item (per reason for deductions), with the amount still owed,
    earliest first."""
    out: list[tuple[object, str]] = []
    groups: dict[tuple[str, str], list[ClaimInfo]] = {}
    for c in ctx.claim_items:
        key = (c.kind, c.reason if c.kind == "deducted" else "")
        groups.setdefault(key, []).append(c)
    for (kind, reason), items in groups.items():
        total = _sum(items)
        when = _when(items) + "，"
        if kind == "deducted":
            ground = REASON_GROUNDS.get(reason, own_ground(reason))
            text = f"平台{ground or '未说明理由'}扣除了{me}的账户余额{total}元"
        elif kind == "undelivered_order":
            text = f"{me}付款购买商品或服务共{total}元，平台收款后未予交付"
        elif kind == "topup_not_credited":
            text = f"{me}向平台充值的{total}元未计入账户余额"
        elif kind == "remaining_balance":
            text = f"{me}账户内尚有余额{total}元未使用"
            when = ""
        elif kind == "duplicate_charge":
            text = f"平台对{me}的同一笔消费重复扣款{total}元"
        else:
            text = f"{items[0].kind_label}共{total}元"
        out.append((min(c.on for c in items), when + text))
    return [text for _, text in sorted(out, key=lambda x: str(x[0]))]


def hidden_terms_sentence(ctx: CaseContext, me: str) -> str:
    """Only for a case with the 隐性规则扣款 cause; names only the terms its items give as the reason."""
    if "hidden_rule" not in ctx.causes:
        return ""
    terms = list(dict.fromkeys(REASON_TERMS[c.reason] for c in ctx.claim_items if c.reason in REASON_TERMS))
    named = "、".join(f"“{t}”" for t in terms)
    text = HIDDEN_TERMS.format(terms=f"{named}等条款" if named else "用户协议条款", me=me)
    return text + "。"


def what_happened(ctx: CaseContext, me: str) -> str:
    """'2025年5月28日，原告发现平台以“自动续费”为由扣除了…；原告付款购买的…。' from items, else causes."""
    clauses = item_sentences(ctx, me)
    if clauses:
        text = "；".join(clauses) + "。"
    else:
        causes = [c for c in ctx.causes if c in CAUSE_WHAT] or ["unknown"]
        lead = f"{date_cn(ctx.discovered_on)}，{me}发现" if ctx.discovered_on else ""
        text = lead + "；".join(CAUSE_WHAT[c].format(me=me) for c in causes) + "。"
    if "tech_fault" in ctx.causes and ctx.claim_items:
        text += TECH_FAULT.format(me=me) + "。"
    return text + hidden_terms_sentence(ctx, me)


def refusal_sentence(ctx: CaseContext, me: str) -> str:
    """What the case records about asking for the money back (never "多次" unless it happened)."""
    asked = ctx.facts_of(REFUND_REQUEST_KINDS)
    if not asked:
        return "上述款项至今未获退还。"
    first = date_cn(min(f.occurred_at for f in asked))
    times = "多次" if len(asked) > 1 else ""
    return f"{first}起，{me}{times}要求平台退还上述款项，至今未获退还。"


def dispute_summary(ctx: CaseContext, m: Missing, me: str = "本人") -> str:
    """One paragraph: the account, what happened (from the case), the amount, the refusal."""
    total = amount_text(ctx, m)
    return (
        f"{me}系{platform_text(ctx, m)}的注册用户，通过充值方式在平台账户内预存余额，用于购买平台提供的虚拟商品或服务。"
        + what_happened(ctx, me)
        + f"{me}请求退还的款项合计{total}。"
        + refusal_sentence(ctx, me)
    )


def delivery_text(ctx: CaseContext, me: str) -> str:
    """The 要素式 交付情况 row: what was and was not delivered, from the items or the causes."""
    return what_happened(ctx, me)


def breach_text(ctx: CaseContext, me: str, who: str = "被告") -> str:
    """'被告…已构成违约' naming only what this case is about; ``who`` is 被告 / 二被告."""
    acts = []
    kinds = {c.kind for c in ctx.claim_items}
    if (
        "deducted" in kinds
        or "duplicate_charge" in kinds
        or (not kinds and set(ctx.causes) - {"undelivered"})
    ):
        acts.append(f"在{me}未获得相应商品或服务的情况下扣除{me}账户余额")
    if "undelivered_order" in kinds or (not kinds and "undelivered" in ctx.causes):
        acts.append("收取价款后未交付商品或服务")
    if "topup_not_credited" in kinds:
        acts.append("收取充值款后未计入账户余额")
    if "remaining_balance" in kinds:
        acts.append("不退还剩余预付款")
    what = "、".join(acts) or "未按约定提供商品或服务"
    refused = f"且经{me}要求拒不退还" if ctx.facts_of(REFUND_REQUEST_KINDS) else "且至今未予退还"
    return (
        f"{me}认为，{me}在平台充值、{who}收取预付款，{me}与{who}之间成立合法有效的合同关系。"
        f"{who}以预收款方式提供商品或服务，"
        f"{what}，{refused}，已构成违约。"
    )


def grievance(ctx: CaseContext, me: str = "本人") -> str:
    """'扣除本人账户余额、收款后未交付商品或服务' — what the letter is about, from the items or causes."""
    kinds = {c.kind for c in ctx.claim_items}
    causes = set(ctx.causes)
    acts = []
    if kinds & {"deducted", "duplicate_charge"} or (not kinds and causes - {"undelivered", "unknown"}):
        acts.append(f"扣除{me}账户余额")
    if "undelivered_order" in kinds or (not kinds and "undelivered" in causes):
        acts.append("收款后未交付商品或服务")
    if "topup_not_credited" in kinds:
        acts.append(f"{me}充值未到账")
    if "remaining_balance" in kinds:
        acts.append(f"不退还{me}的剩余余额")
    return "、".join(acts) or f"扣除{me}账户余额"
