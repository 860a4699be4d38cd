"""Texts for online complaint forms (全国12315平台, 黑猫投诉): short, plain, within each field's limit.

A form field is not a court filing: it gets a short 问题描述 (what happened, what was asked, the amount)
and, apart from it, the chronology; no binder references (“见证据11” means nothing there); no 28-digit
transaction numbers in running text; numeric fields as plain numbers (``1798.00``). Every figure comes
from the case money (``core.bills.money`` through the context). A field cut to its limit says so in the
document's warnings. Public sites (黑猫) get order and transaction numbers masked to their last 4 digits
and phone, ID and bank card numbers and e-mail addresses masked (``fitting.redact``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kami_desktop.core.documents.context import REFUND_REQUEST_KINDS, CaseContext
from kami_desktop.core.documents.fitting import Fitted, fit
from kami_desktop.core.documents.layout import Missing
from kami_desktop.core.documents.texts import date_cn, datetime_cn
from kami_desktop.core.legal.data import Limits

# a binder reference: （见证据3）, （见证据3、证据11）, 见证据3-2
_REFS = re.compile(
    r"[（(]\s*见\s*证据[\d\-、，,和及\s证据]*[）)]|见证据\d+(?:-\d+)?(?:[、，,]证据\d+(?:-\d+)?)*"
)
# an order / transaction / merchant number with its label, in running text
_LABELLED = re.compile(
    r"[，,；;]?\s*(?:交易单号|交易号|订单号|商户单号|商家订单号|流水号)[：:\s]*[0-9A-Za-z_\-]{8,}"
)
_LONG_NUMBER = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]*\d[0-9A-Za-z_]{9,}(?![0-9A-Za-z])")


def plain_amount(value: Decimal | None) -> str:
    """'1798.00': two places, no thousands separator, for numeric form fields."""
    return "" if value is None else f"{value.quantize(Decimal('0.01')):f}"


def mask_number(number: str, keep: int = 4) -> str:
    """'2025030122001155711407540003' → '****0003'."""
    number = number.strip()
    return "****" + number[-keep:] if len(number) > keep else number


def without_refs(text: str) -> str:
    return _REFS.sub("", text)


def without_numbers(text: str) -> str:
    """Drop labelled order / transaction numbers; any other long number keeps only its last 4 digits."""
    text = _LABELLED.sub("", text)
    return _LONG_NUMBER.sub(lambda m: "尾号" + m.group(0)[-4:] if m.group(0).isdigit() else m.group(0), text)


def masked_numbers(text: str) -> str:
    """Order and transaction numbers (10+ characters with digits) masked to their last 4."""
    return _LONG_NUMBER.sub(lambda m: mask_number(m.group(0)), text)


def limits_note(limits: Limits, channel: str) -> str:
    """Where the 字数 / 上限 column comes from: confirmed limits, or this app's conservative defaults."""
    ch = limits.channels.get(channel, {})
    fields = ch.get("fields", {}) or {}
    verified = ch.get("last_verified") or (limits.last_verified.isoformat() if limits.last_verified else None)
    defaults = [n for n, f in fields.items() if f.get("max_chars") is not None and not f.get("confirmed")]
    text = f"“字数 / 上限”一栏的上限于{verified}核对" if verified else "“字数 / 上限”一栏的上限未经官方公布"
    if defaults:
        text += f"；{'、'.join(defaults)}按较短的长度准备，页面允许时可以多写"
    return text + "；“未确认”表示不知道上限。以投诉页面的提示为准。"


def limit_of(limits: Limits, channel: str, name: str) -> int | None:
    try:
        return limits.field_max_chars(channel, name)
    except KeyError:
        return None


@dataclass
class Field:
    """One form field as filled in: its text, limit and whether it had to be cut."""

    name: str
    fitted: Fitted

    @property
    def text(self) -> str:
        return self.fitted.text

    @property
    def count(self) -> str:
        return self.fitted.count


def field(limits: Limits, channel: str, name: str, pieces: list[str] | str, warnings: list[str]) -> Field:
    """Fill a field from ``pieces`` (dropped from the end, then cut, to fit); a cut is warned about."""
    got = fit([pieces] if isinstance(pieces, str) else pieces, limit_of(limits, channel, name))
    if got.shortened:
        warnings.append(f"“{name}”超过{got.limit}字上限，已删去超出的内容，请核对后再提交。")
    return Field(name, got)


def numbers_field(
    limits: Limits, channel: str, name: str, numbers: list[str], warnings: list[str], sep: str = "、"
) -> Field:
    """Whole numbers only, as many as fit; the ones left out are warned about (never cut mid-number)."""
    limit = limit_of(limits, channel, name)
    kept: list[str] = []
    for n in dict.fromkeys(numbers):
        if limit is not None and len(sep.join([*kept, n])) > limit:
            break
        kept.append(n)
    left = len(dict.fromkeys(numbers)) - len(kept)
    if left:
        warnings.append(
            f"“{name}”上限{limit}字，只填入了{len(kept)}个订单号，另有{left}个未填入（见问题描述或附件），请核对。"
        )
    return Field(name, Fitted(sep.join(kept), limit, shortened=bool(left)))


def disputed_order_ids(ctx: CaseContext) -> list[str]:
    """The disputed orders: those of the claim items (never every top-up of the case)."""
    return [o for c in ctx.claim_items for o in c.order_ids]


def purchase_date(ctx: CaseContext, m: Missing) -> str:
    """The disputed items' date (the earliest, when there are several); without items the first top-up."""
    if ctx.claim_items:
        return date_cn(min(c.on for c in ctx.claim_items))
    if ctx.first_topup:
        return date_cn(ctx.first_topup)
    return m.blank("购买/消费时间", "claims.on")


def amount(ctx: CaseContext, m: Missing) -> str:
    if ctx.claimed_amount is None:
        return m.blank("主张金额（元）", "case.claimed_amount")
    return plain_amount(ctx.claimed_amount)


def short_description(ctx: CaseContext, m: Missing, me: str = "本人") -> list[str]:
    """What happened, what was asked, the amount — a few sentences, as pieces (the first is kept whole)."""
    platform = m.need(ctx.platform_name, "平台名称", "case.platform_name")
    total = amount(ctx, m)
    pieces = []
    if ctx.claim_items:
        items = "；".join(
            f"{date_cn(c.on)}{c.kind_label}{plain_amount(c.claimed)}元" for c in ctx.claim_items
        )
        pieces.append(f"{me}在“{platform}”平台充值预付余额后，发生以下款项争议：{items}。")
    else:
        pieces.append(f"{me}在“{platform}”平台充值预付余额，余额被平台扣除且未获相应商品或服务。")
    # only what the case records: a written demand (whether its period has run out or not), the refund
    # requests noted in the facts, else nothing but that the money has not come back
    asked = len(ctx.facts_of(REFUND_REQUEST_KINDS))
    if ctx.demand_step:
        pieces.append(f"{me}于{date_cn(ctx.demand_step.on)}书面要求退款，平台至今未退还。")
    elif asked:
        often = "多次" if asked > 1 else ""
        pieces.append(f"{me}{often}向平台客服要求退款，平台至今未退还。")
    else:
        pieces.append("平台至今未退还。")
    pieces.append(f"现要求平台退还上述款项共计{total}元。")
    return pieces


def chronology(ctx: CaseContext, *, public: bool) -> list[str]:
    """The recorded facts in time order, for a form: no binder references, numbers dropped (12315) or
    masked (public sites)."""
    from kami_desktop.core.chats.speakers import formal_quote

    out = []
    for f in ctx.facts:
        text = formal_quote((f.description or f.label).strip()).rstrip("。；;")
        text = without_refs(text)
        text = masked_numbers(text) if public else without_numbers(text)
        out.append(f"{datetime_cn(f.occurred_at)}，{text}。")
    return out


__all__ = [
    "Field",
    "amount",
    "chronology",
    "disputed_order_ids",
    "field",
    "limit_of",
    "limits_note",
    "mask_number",
    "masked_numbers",
    "numbers_field",
    "plain_amount",
    "purchase_date",
    "short_description",
    "without_numbers",
    "without_refs",
]
