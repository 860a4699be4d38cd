"""Text as the index holds it: one-for-one normalisation, the FTS5 expression and the snippet."""

from __future__ import annotations

from dataclasses import dataclass

MIN_FTS = 3  # the trigram tokenizer finds substrings of three characters or more

_TABLE: dict[int, int] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII → ASCII
_TABLE.update({0x3000: 0x20, 0xFFE5: 0xA5, 0xFFE0: 0xA2, 0xFFE1: 0xA3})  # 全角空格, ￥ → ¥, ￠, ￡
_TABLE.update({c: c + 32 for c in range(0x41, 0x5B)})  # A-Z → a-z
_TABLE.update({c: 0x20 for c in (*range(0x00, 0x20), 0x7F)})  # control characters (NUL too) → space
_TABLE.update({c: c - 0xFEE0 + 32 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ → a-z


def normalize(text: str) -> str:
    """The form both the index and the query are matched in; the same length as ``text``."""
    return text.translate(_TABLE)


def terms_of(query: str) -> list[str]:
    """The normalised terms of a query (split at white space), without repeats, in order."""
    seen: list[str] = []
    for t in normalize(query).split():
        if t not in seen:
            seen.append(t)
    return seen


def fts_string(term: str) -> str:
    """``term`` as an FTS5 string: inside double quotes nothing is syntax ("" stands for a quote)."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """``term`` as a LIKE pattern matching it anywhere, with ``\\`` as the escape character."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Snippet:
    text: str
    marks: tuple[tuple[int, int], ...]  # (start, end) of each match within ``text``

    def marked(self, left: str = "【", right: str = "】") -> str:
        out, at = [], 0
        for start, end in self.marks:
            out += [self.text[at:start], left, self.text[start:end], right]
            at = end
        out.append(self.text[at:])
        return "".join(out)


def _matches(norm: str, terms: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for t in terms:
        at = norm.find(t)
        while at >= 0 and t:
            spans.append((at, at + len(t)))
            at = norm.find(t, at + len(t))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def snippet(text: str, query: str, before: int = 24, width: int = 80) -> Snippet:
    """A window of ``text`` around the first match of the query, every match in it marked."""
    norm = normalize(text)
    phrase = " ".join(normalize(query).split())
    spans = _matches(norm, [phrase] if phrase and phrase in norm else terms_of(query))
    flat = text.replace("\n", " ").replace("\r", " ")
    first = spans[0][0] if spans else 0
    start = max(0, first - before)
    end = min(len(flat), max(start + width, spans[0][1] if spans else 0))
    lead, tail = ("…" if start > 0 else ""), ("…" if end < len(flat) else "")
    shift = len(lead) - start
    marks = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start)
    return Snippet(lead + flat[start:end] + tail, marks)
