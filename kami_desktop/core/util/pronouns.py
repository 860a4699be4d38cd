"""The user's own words in a court document: first person turned to the party's name.

A fact or a claim item the user described as "我于5月28日发现余额被扣" reads, in a 起诉状 that calls the
user 原告 everywhere else, "原告于5月28日发现余额被扣". ``in_party_voice`` makes that change where it is
safe and leaves what is not the user speaking alone:

* words in quotation marks (“…”, 「…」, "…") are someone's literal words: never changed;
* 我 / 本人 (at the start of a clause) / 我方 become the party (我的 → 原告的 follows);
* words where 我 is not the user are kept: 自我、忘我、无我、唯我、敌我、你我, 我国、我院、我司、我行、我校;
* 我们 / 咱们 / 俺们 (the user and others) have no safe rewrite: a text holding one is given whole as the
  party's statement instead — 原告陈述：“……”.
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"(“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"|‘[^’]*’)")
_PLURAL = re.compile(r"我们|咱们|俺们|咱")
_KEEP_BEFORE = set("自忘无唯敌你")  # 自我 忘我 无我 唯我 敌我 你我
_KEEP_AFTER = set("国院司行校")  # 我国 我院 我司 我行 我校
_CLAUSE_START = set("，。；：、！？,.;:!? \n\t（(")
_FIRST = re.compile(r"我方|我|本人")


def _turn(chunk: str, party: str) -> str:
    def repl(m: re.Match[str]) -> str:
        word, i = m.group(0), m.start()
        before = chunk[i - 1] if i > 0 else ""
        after = chunk[m.end()] if m.end() < len(chunk) else ""
        if word == "本人":
            return party if (not before or before in _CLAUSE_START) else word
        if word == "我" and (before in _KEEP_BEFORE or after in _KEEP_AFTER):
            return word
        return party

    return _FIRST.sub(repl, chunk)


def has_first_person(text: str) -> bool:
    """Whether ``text`` (outside quotation marks) speaks in the first person."""
    bare = "".join(p for i, p in enumerate(_QUOTED.split(text or "")) if i % 2 == 0)
    return _turn(bare, "\0") != bare or bool(_PLURAL.search(bare))


def in_party_voice(text: str, party: str = "原告") -> str:
    """``text`` with the user's first person turned into ``party``; quoted words untouched."""
    if not text or not has_first_person(text):
        return text
    parts = _QUOTED.split(text)
    bare = "".join(p for i, p in enumerate(parts) if i % 2 == 0)
    if _PLURAL.search(bare):
        body = text.strip().rstrip("。；;")
        return f"{party}陈述：“{body.replace('“', '‘').replace('”', '’')}”"
    return "".join(p if i % 2 else _turn(p, party) for i, p in enumerate(parts))
