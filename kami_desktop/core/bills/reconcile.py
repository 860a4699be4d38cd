"""Reconciliation: which bill rows are payments to the platform, which are refunds, and the net paid.

Which rows are the platform's is decided per counterparty by a ``PlatformRule`` (see ``platform.py``):
exact names, never substrings. The net paid is context for the claim, never the claim itself.

Refunds are counted exactly once. A refund row is linked to its original payment (Alipay: order
number prefix ``原单号_后缀`` or the same 商家订单号; WeChat: same merchant, earlier time, fitting
amount). When an original row states a refund (WeChat 已全额退款 / 已退款(¥x); Alipay 交易关闭
after payment; Alipay web 成功退款) that no refund row covers, only the uncovered remainder is
counted, with a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from functools import partial

from kami_desktop.core.bills.model import ParsedBill, Transaction
from kami_desktop.core.bills.platform import PlatformRule, entity_name, name_key
from kami_desktop.core.util.money import money_str
from kami_desktop.core.util.timeutil import iso

PAYMENT, REFUND, UNPAID, OTHER = "payment", "refund", "unpaid", "other"
ZERO = Decimal("0.00")


@dataclass
class ReconRow:
    transaction: Transaction
    role: str  # 'payment' | 'refund' | 'unpaid' | 'other'
    counted: Decimal  # amount counted into paid (payment) or refunded (refund); 0 otherwise
    linked_to: int | None = None  # refunds: row number of the original payment
    reason: str = ""
    status_refund: Decimal = ZERO  # payments: refund stated only by this row's status, counted as refunded
    refunded: Decimal = (
        ZERO  # payments: all refund counted against this payment (linked rows + status_refund)
    )

    def to_json(self) -> dict:
        out = self.transaction.to_json()
        out.update(
            role=self.role,
            counted=money_str(self.counted),
            linked_to=self.linked_to,
            reason=self.reason,
            status_refund=money_str(self.status_refund),
        )
        return out


@dataclass
class Reconciliation:
    terms: list[str]  # the selected counterparties (交易对方) as the bills write them
    rows: list[ReconRow]
    paid: Decimal = ZERO
    refunded: Decimal = ZERO
    net: Decimal = ZERO
    first: datetime | None = None  # first payment to the platform
    last: datetime | None = None  # last payment to the platform
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "terms": list(self.terms),  # kept name: the selected counterparties
            "counterparties": list(self.terms),
            "rows": len(self.rows),
            "paid": money_str(self.paid),
            "refunded": money_str(self.refunded),
            "net": money_str(self.net),
            "first": iso(self.first),
            "last": iso(self.last),
            "warnings": list(self.warnings),
            "items": [r.to_json() for r in self.rows],
        }


def _counts(t: Transaction, rule: PlatformRule) -> bool:
    """Is this row the platform's? Its counterparty group is selected; a WeChat refund row also by the
    merchant its 交易类型 names (``<商户名>-退款``)."""
    if rule.is_platform(t):
        return True
    if _is_refund_like(t) and t.category.endswith("-退款"):
        name, account = name_key(t.category[: -len("-退款")]), name_key(t.counterparty_account)
        return rule.selected(name, account) or rule.selected(name, "")
    return False


def _is_refund_like(t: Transaction) -> bool:
    if t.direction == "支出":
        return False
    return (
        "退款" in t.status
        or t.category == "退款"
        or t.category.endswith("-退款")
        or t.description.startswith("退款")
    )


def _failed(t: Transaction) -> bool:
    return any(word in t.status for word in ("失败", "未支付", "已撤销", "待付款", "等待付款"))


def _money_left(t: Transaction) -> bool:
    """Did money actually leave the account for this 支出/关闭 row?"""
    return bool(t.payment_method) or "支出" in t.fund_status or t.refund_total is not None


def _expected_refund(t: Transaction) -> Decimal:
    if t.refund_total is not None:
        return min(t.refund_total, t.amount)
    if t.source != "wechat" and "关闭" in t.status:  # Alipay: a fully refunded payment becomes 交易关闭
        return t.amount
    return ZERO


def _classify(t: Transaction) -> tuple[str, str]:
    if _is_refund_like(t):
        return REFUND, "退款"
    if t.direction == "支出":
        if _failed(t):
            return UNPAID, "付款未成功，没有发生扣款"
        if "关闭" in t.status and not _money_left(t):
            return UNPAID, "订单已关闭且没有付款方式，未实际付款"
        return PAYMENT, "向平台付款"
    if t.direction == "收入" and not _failed(t):
        return REFUND, "平台向你付款（收入），计为已退回"
    if "关闭" in t.status and not t.payment_method:
        return UNPAID, "订单已关闭且没有付款方式，未实际付款"
    return OTHER, "不计收支，不计入金额"


class _PaymentIndex:
    """Payments looked up by order number, merchant order number and counterparty (linking in O(n))."""

    def __init__(self, payments: list[ReconRow]):
        self.by_order: dict[tuple[str, str], ReconRow] = {}
        self.by_merchant: dict[tuple[str, str], list[ReconRow]] = {}
        self.by_party: dict[tuple[str, str], list[ReconRow]] = {}
        self.stated: dict[str, list[ReconRow]] = {}  # payments whose own row states a refund
        for p in payments:
            t = p.transaction
            if _expected_refund(t) > 0:
                self.stated.setdefault(t.source, []).append(p)
            if t.order_id:
                self.by_order.setdefault((t.source, t.order_id), p)
            if t.merchant_order_id:
                self.by_merchant.setdefault((t.source, t.merchant_order_id), []).append(p)
            for key in {t.counterparty, t.category} - {""}:
                self.by_party.setdefault((t.source, key), []).append(p)

    def strong(self, r: Transaction) -> ReconRow | None:
        """Alipay: refund number = original number + '_' + suffix, or the same 商家订单号."""
        if r.source == "wechat":
            return None
        if "_" in r.order_id:
            hit = self.by_order.get((r.source, r.order_id.split("_", 1)[0]))
            if hit is not None:
                return hit
        if r.merchant_order_id:
            for p in self.by_merchant.get((r.source, r.merchant_order_id), []):
                if p.transaction is not r:
                    return p
        return None

    def same_party(self, r: Transaction) -> list[ReconRow]:
        keys = {r.counterparty}
        if r.category.endswith("-退款"):
            keys.add(r.category[: -len("-退款")])
        found: dict[int, ReconRow] = {}
        for key in keys - {""}:
            for p in self.by_party.get((r.source, key), []):
                found[id(p)] = p
        return list(found.values())


def _fit_score(p: ReconRow, r: Transaction, linked: dict[int, Decimal]) -> tuple[bool, bool, datetime, int]:
    """Prefer the payment whose stated, still-unmatched refund equals this refund; then the latest one."""
    remaining = _expected_refund(p.transaction) - linked[id(p)]
    return (remaining == r.amount, remaining > 0, p.transaction.time, p.transaction.row)


def _link(refunds: list[ReconRow], payments: list[ReconRow], warnings: list[str]) -> dict[int, Decimal]:
    linked: dict[int, Decimal] = {id(p): ZERO for p in payments}
    index = _PaymentIndex(payments)
    for rr in sorted(refunds, key=lambda x: (x.transaction.time, x.transaction.row)):
        r = rr.transaction
        if not _is_refund_like(r):  # plain income from the platform: nothing to link
            continue
        best = index.strong(r)
        if best is None:
            fits = [
                p
                for p in index.same_party(r)
                if p.transaction.time <= r.time and p.transaction.amount - linked[id(p)] >= r.amount
            ]
            if not fits:  # another spelling of the merchant: any payment whose stated refund still has room
                fits = [
                    p
                    for p in index.stated.get(r.source, [])
                    if p.transaction.time <= r.time
                    and _expected_refund(p.transaction) - linked[id(p)] >= r.amount
                ]
            best = max(fits, key=partial(_fit_score, r=r, linked=linked)) if fits else None
        if best is None:
            rr.reason = "退款：未在本账单中找到对应的原付款（原付款可能在账单时间范围之外）"
            warnings.append(
                f"第 {r.row} 行的退款 ¥{money_str(r.amount)} 没有找到对应的原付款，已直接计入已退款。"
            )
            continue
        rr.linked_to = best.transaction.row
        rr.reason = f"退款，对应第 {best.transaction.row} 行的付款"
        linked[id(best)] += r.amount
    return linked


def platform_rule(platform: PlatformRule | Iterable[str]) -> PlatformRule:
    """A rule as given, or one that selects exactly the counterparties named (compared as entity names)."""
    if isinstance(platform, PlatformRule):
        return platform
    names = [str(n).strip() for n in platform if n and str(n).strip()]
    return PlatformRule({entity_name(n): f"指定的名称“{n}”" for n in names})


def reconcile(bill: ParsedBill | list[Transaction], platform: PlatformRule | Iterable[str]) -> Reconciliation:
    """Sum what was paid to (and refunded by) the platform: the rows of the counterparties ``platform``
    selects (a ``PlatformRule``, or counterparty names that must match exactly, never as substrings)."""
    txs = bill.transactions if isinstance(bill, ParsedBill) else list(bill)
    rule = platform_rule(platform)
    result = Reconciliation(terms=[], rows=[])
    if not rule.names and not any(c.selected for c in rule.choices.values()):
        result.warnings.append("还没有选择哪些交易对方是平台，无法筛选平台相关的交易。")
        return result
    matched = [t for t in txs if _counts(t, rule)]
    result.terms = rule.selected_labels(matched)
    matched_ids = {id(t) for t in matched}
    index = _PaymentIndex([ReconRow(t, PAYMENT, t.amount) for t in matched if t.direction == "支出"])
    for t in txs:  # refund rows of another counterparty whose order number points to a counted payment
        if id(t) not in matched_ids and _is_refund_like(t) and index.strong(t) is not None:
            matched.append(t)
    rows = []
    for t in sorted(matched, key=lambda x: (x.time, x.row)):
        role, reason = _classify(t)
        rows.append(ReconRow(t, role, t.amount if role in (PAYMENT, REFUND) else ZERO, reason=reason))
    payments = [r for r in rows if r.role == PAYMENT]
    refunds = [r for r in rows if r.role == REFUND]
    linked = _link(refunds, payments, result.warnings)
    for p in payments:
        stated = p.transaction.refund_total
        if stated is not None and linked[id(p)] > stated:
            result.warnings.append(
                f"第 {p.transaction.row} 行的付款状态显示退款 ¥{money_str(stated)}，但对应的退款记录合计 "
                f"¥{money_str(linked[id(p)])}；已按退款记录计入，请核对。"
            )
        missing = _expected_refund(p.transaction) - linked[id(p)]
        if missing > 0:
            p.status_refund = missing
            p.reason = (
                f"向平台付款；交易状态“{p.transaction.status}”表明已退款，账单中缺少对应退款记录，按状态计入"
            )
            result.warnings.append(
                f"第 {p.transaction.row} 行的付款状态为“{p.transaction.status}”，但账单中没有对应的退款记录；"
                f"已按状态把 ¥{money_str(missing)} 计入已退款（退款可能在账单时间范围之外）。"
            )
        p.refunded = linked[id(p)] + p.status_refund
    result.rows = rows
    result.paid = sum((p.counted for p in payments), ZERO)
    result.refunded = sum((r.counted for r in refunds), ZERO) + sum((p.status_refund for p in payments), ZERO)
    result.net = result.paid - result.refunded
    if payments:
        result.first = min(p.transaction.time for p in payments)
        result.last = max(p.transaction.time for p in payments)
    return result
