"""Which bill counterparties are the platform: an explicit checklist, never a substring guess.

A bill's rows are grouped by 交易对方 (and 对方账号 where the export has one). A group counts as the
platform when the user said so, or — until the user decides — when its name *equals* the name of one of
the case's parties (运营主体, 收款主体, 支付渠道) or the case's platform name, compared after folding
full-width characters, dropping brackets and spaces and the suffix 有限公司/有限责任公司. Everything else
starts unselected: a platform called "某某卡盟" never pulls in 某某餐饮, and a brand such as "星辰" never
pulls in 星辰便利店.

Pure functions over parsed rows (no database); ``core.bills.counterparties`` stores the user's choices.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from kami_desktop.core.bills.model import Transaction
from kami_desktop.core.util.text import name_key

# the roles whose names may identify the platform's rows (never the user's own name)
PLATFORM_ROLES = {"operator": "运营主体", "payee": "收款主体", "channel": "支付渠道"}
_BRACKETS = re.compile(r"[\s()\[\]{}<>（）【】〔〕［］｛｝《》〈〉「」『』]")
_COMPANY = re.compile(r"(有限责任公司|有限公司)$")

Key = tuple[str, str]  # (name key, counterparty account)


def counterparty_key(t: Transaction) -> Key:
    return name_key(t.counterparty), name_key(t.counterparty_account)


def entity_name(name: str) -> str:
    """A name compared with a party's: full-width folded, case-folded, no brackets or spaces, and without
    a trailing 有限公司/有限责任公司. '某某网络科技（杭州）有限公司' == '某某网络科技(杭州)'."""
    text = _BRACKETS.sub("", unicodedata.normalize("NFKC", name or "").casefold())
    return _COMPANY.sub("", text)


@dataclass(frozen=True)
class Choice:
    selected: bool
    origin: str = "user"  # user | keyword:<old platform keyword>


@dataclass
class PlatformRule:
    """Decides, per counterparty group, whether its rows are the platform's, and says why."""

    names: dict[str, str] = field(default_factory=dict)  # entity_name -> '运营主体“…”' etc.
    choices: dict[Key, Choice] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        platform_name: str,
        parties: Iterable[tuple[str, str]],  # (role, name)
        choices: Mapping[Key, Choice] | None = None,
    ) -> PlatformRule:
        names: dict[str, str] = {}
        for role, name in parties:
            if role in PLATFORM_ROLES and entity_name(name):
                names.setdefault(entity_name(name), f"{PLATFORM_ROLES[role]}“{name.strip()}”")
        if entity_name(platform_name):
            names.setdefault(entity_name(platform_name), f"案件的平台名称“{platform_name.strip()}”")
        return cls(names, dict(choices or {}))

    def decide(self, name: str, account: str = "") -> tuple[bool, str]:
        """(selected, why) for the group ``name`` / ``account`` (both as ``name_key`` gives them)."""
        if not name:
            return False, "账单没有写明交易对方，不能计入"
        choice = self.choices.get((name, account))
        if choice is not None:
            if choice.origin.startswith("keyword:"):
                word = choice.origin.removeprefix("keyword:")
                if choice.selected:
                    return True, f"按旧版的平台关键词“{word}”选入，请核对"
                return False, f"旧版的平台关键词“{word}”未选入"
            return choice.selected, "您已确认是平台" if choice.selected else "您已确认不是平台"
        who = self.names.get(entity_name(name))
        if who is not None:
            return True, f"与{who}名称相同"
        return False, "未选择"

    def selected(self, name: str, account: str = "") -> bool:
        return self.decide(name, account)[0]

    def is_platform(self, t: Transaction) -> bool:
        return self.selected(*counterparty_key(t))

    def selected_labels(self, txs: Iterable[Transaction]) -> list[str]:
        """The selected counterparties' names as the bills write them, in first-seen order."""
        out: list[str] = []
        for t in txs:
            name = t.counterparty.strip()
            if name and name not in out and self.is_platform(t):
                out.append(name)
        return out
