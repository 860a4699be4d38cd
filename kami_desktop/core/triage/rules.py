"""The rules that read a category from a screenshot's text: a data table, one row per category.

Each rule lists words with a weight; words listed under ``ignore`` are taken out of the text before that
rule looks (a "联系客服" button on an order page is not a conversation with 客服; "充值失败" is not a
successful 充值). The category whose matched words weigh most wins; on a tie the rule higher in the
table wins — a conversation over a non-delivery it mentions, a non-delivery over the payment beside it,
a rules page over the company number in its footer. The reason names the words that matched.

``STATUSES`` are the order states a title shows in brackets ("订单详情 KM…（未到账）"), the first found
winning; ``HEADINGS`` the page names a title starts with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CategoryRule:
    category: str  # a code of core.vocab.CATEGORIES (a test checks each)
    words: tuple[tuple[str, int], ...]  # (word or regex, weight)
    ignore: tuple[str, ...] = ()
    heading: str = ""  # the title's first words when the page names none of HEADINGS


RULES: tuple[CategoryRule, ...] = (
    CategoryRule(
        "interaction",
        (("在线客服", 3), ("人工客服", 3), ("客服", 2), ("对话", 1), ("聊天", 1), ("工单", 1), ("留言", 1)),
        ignore=("联系客服", "咨询客服", "客服电话", "客服热线"),
        heading="与平台客服的聊天记录",
    ),
    CategoryRule(
        "non_delivery",
        (
            ("未到账", 2),
            ("处理中", 2),
            ("充值失败", 2),
            ("订单异常", 2),
            ("未发货", 2),
            ("待发货", 2),
            ("未完成", 1),
            ("卡密未", 1),
        ),
        heading="订单状态",
    ),
    CategoryRule(
        "rules",
        (
            ("用户协议", 2),
            ("服务协议", 2),
            ("条款", 1),
            ("规则", 1),
            ("须知", 1),
            (r"第[一二三四五六七八九十百\d]+条", 1),
        ),
        heading="平台规则",
    ),
    CategoryRule(
        "identity",
        (
            ("营业执照", 2),
            ("统一社会信用代码", 2),
            ("ICP备", 1),
            ("ICP证", 1),
            ("法定代表人", 1),
            ("备案号", 1),
        ),
        heading="平台经营者信息",
    ),
    CategoryRule(
        "funds",
        (
            ("充值成功", 2),
            ("支付成功", 2),
            ("交易成功", 2),
            ("付款成功", 2),
            ("转账成功", 2),
            ("充值", 1),
            ("账单详情", 1),
        ),
        ignore=("充值失败", "充值中", "充值处理中", "充值规则", "充值须知"),
        heading="付款记录",
    ),
)

# order states shown in a title's brackets, most telling first
STATUSES = (
    "未到账",
    "充值失败",
    "订单异常",
    "未发货",
    "待发货",
    "处理中",
    "充值成功",
    "支付成功",
    "交易成功",
    "付款成功",
    "退款成功",
)
# page names a title may start with (the first one the page shows)
HEADINGS = (
    "订单详情",
    "账单详情",
    "交易详情",
    "充值记录",
    "充值详情",
    "订单列表",
    "我的订单",
    "支付成功",
    "营业执照",
    "用户协议",
    "服务协议",
    "充值规则",
    "平台规则",
)
FAILURE_STATES = ("未到账", "充值失败", "订单异常", "未发货", "待发货", "处理中")


@dataclass(frozen=True)
class CategoryMatch:
    category: str
    score: int
    words: tuple[str, ...]  # the words that matched, as the text shows them

    @property
    def reason(self) -> str:
        quoted = "".join(f"“{w}”" for w in self.words)
        return f"文字中有{quoted}"


def _matches(text: str, word: str) -> str | None:
    if any(ch in word for ch in "[]+\\"):
        m = re.search(word, text)
        return m.group(0) if m else None
    return word if word in text else None


def score(rule: CategoryRule, text: str) -> CategoryMatch:
    for phrase in rule.ignore:
        text = text.replace(phrase, " ")
    words: list[str] = []
    total = 0
    for word, weight in rule.words:
        hit = _matches(text, word)
        if hit and not any(hit in w for w in words):  # 充值 adds nothing after 充值成功
            words.append(hit)
            total += weight
    return CategoryMatch(rule.category, total, tuple(words))


def classify(text: str) -> CategoryMatch | None:
    """The category the text reads as (None when no rule matches)."""
    best: CategoryMatch | None = None
    for rule in RULES:
        m = score(rule, text)
        if m.score and (best is None or m.score > best.score):
            best = m
    return best


def rule_for(category: str) -> CategoryRule | None:
    return next((r for r in RULES if r.category == category), None)


def status_of(text: str) -> str:
    return next((s for s in STATUSES if s in text), "")


def heading_of(text: str) -> str:
    found = [(text.find(h), h) for h in HEADINGS if h in text]
    return min(found)[1] if found else ""
