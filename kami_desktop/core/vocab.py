"""Fixed vocabularies: stable codes stored in the database, Chinese labels shown to the user.

Every parser of user input accepts either the code or the Chinese label.
"""

from __future__ import annotations

import re

from kami_desktop.core.errors import UserError

CATEGORIES: dict[str, str] = {
    "funds": "资金流水",
    "interaction": "平台交互",
    "non_delivery": "未交付证明",
    "identity": "主体信息",
    "rules": "平台规则",
    "other": "其他",
}

CAUSE_TYPES: dict[str, str] = {
    "hidden_rule": "隐性规则扣款",
    "auto_renewal": "自动续费扣款",
    "undelivered": "付款后未交付",
    "tech_fault": "技术故障扣款",
    "malicious": "恶意扣款",
    "unknown": "未知",
}

PARTY_ROLES: dict[str, str] = {
    "operator": "运营主体",
    "payee": "收款主体",
    "channel": "支付渠道",
    "self": "本人",
    "other": "其他",
}

STAGES: dict[str, str] = {
    "negotiation": "协商",
    "complaint": "投诉",
    "litigation": "诉讼",
    "closed": "结案",
}


class VocabError(UserError, ValueError):
    pass


def parse_code(vocab: dict[str, str], text: str, what: str) -> str:
    """Accept a code ('funds') or its Chinese label ('资金流水'); raise VocabError otherwise."""
    t = (text or "").strip()
    if t in vocab:
        return t
    for code, label in vocab.items():
        if t == label:
            return code
    choices = "、".join(f"{label}({code})" for code, label in vocab.items())
    raise VocabError(f"未知的{what}：{text!r}；可选：{choices}")


def category_code(text: str) -> str:
    return parse_code(CATEGORIES, text, "证据类别")


def cause_code(text: str) -> str:
    return parse_code(CAUSE_TYPES, text, "扣款原因")


def cause_codes(value: object) -> list[str]:
    """Several causes: a list, or text separated by commas (, ， 、 ;); each a code or its label.

    Duplicates are dropped and the order kept; "unknown" only stands alone. Empty input is ["unknown"].
    """
    if isinstance(value, str):
        items = [t for t in re.split(r"[,，、;；]", value) if t.strip()]
    elif isinstance(value, list | tuple):
        items = [str(t) for t in value if str(t).strip()]
    else:
        items = []
    codes = list(dict.fromkeys(cause_code(t) for t in items))
    known = [c for c in codes if c != "unknown"]
    return known or ["unknown"]


def role_code(text: str) -> str:
    return parse_code(PARTY_ROLES, text, "主体角色")


def stage_code(text: str) -> str:
    return parse_code(STAGES, text, "维权阶段")


# words that make a chat message worth proposing as a fact (refund asked, deduction, non-delivery…)
CHAT_WORDS = (
    "退款",
    "退钱",
    "退回",
    "返还",
    "退余额",
    "扣款",
    "扣钱",
    "扣费",
    "扣了",
    "封号",
    "冻结",
    "不退",
    "不予退",
    "无法退",
    "不能退",
)
