"""Line breaking for the binder's short text: widths in the serif font, CJK breaking anywhere, Latin runs
kept whole, and the 避头尾 rules (no line starts with closing punctuation, none ends with an opening
bracket)."""

from __future__ import annotations

import functools
import re

from kami_desktop.core.util.cjkfont import serif_font

# 避头尾: no line starts with closing punctuation, none ends with an opening bracket
NO_LINE_START = frozenset("，。、；：？！）」』》〉】〕…．,.;:?!)%")
NO_LINE_END = frozenset("（「『《〈【〔“‘(")


_TOKEN = re.compile(r"[A-Za-z0-9_@#%&+\-=./:,;'\"()\[\]]+ ?|.", re.S)


@functools.lru_cache(maxsize=8192)
def _advance(ch: str) -> float:
    return serif_font().text_length(ch, fontsize=1)  # the whole font: a cut has the same advances


def text_width(text: str, size: float) -> float:
    return sum(_advance(c) for c in text) * size


_LATIN_TAIL = re.compile(r"[A-Za-z0-9_@#%&+\-=./:,;'\"()\[\]]+$")


def _settle(line: str, nxt: str) -> tuple[str, str]:
    """Where a full line really breaks before ``nxt``: (the line, what it hands to the next line).

    An opening bracket at its end goes down with what it opens; when ``nxt`` is punctuation that may not
    start a line, the character before it goes down too (a Latin word whole), so the two stay together.
    """
    line, carry = line.rstrip(), ""
    for _ in range(4):  # a few characters at most: 。」） after a word
        moved = False
        if len(line) > 1 and line[-1] in NO_LINE_END:
            line, carry, moved = line[:-1], line[-1] + carry, True
        if (carry or nxt)[:1] in NO_LINE_START and len(line) > 1:
            m = _LATIN_TAIL.search(line)
            cut = m.start() if m and m.start() > 0 else len(line) - 1
            line, carry, moved = line[:cut], line[cut:] + carry, True
        if not moved:
            break
    return line.rstrip(), carry


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy line breaking: CJK may break anywhere, Latin runs stay whole unless longer than a line;
    no line starts with ，。、；：？！）」』》 and none ends with （「『《 (避头尾)."""
    lines: list[str] = []
    for para in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line, used = "", 0.0
        for tok in _TOKEN.findall(para.expandtabs(4)):
            w = text_width(tok, size)
            if used + w <= width or not line.strip():
                if w > width and not line:
                    for ch in tok:  # a run longer than the line: break it by characters
                        cw = _advance(ch) * size
                        if used + cw > width and line:
                            lines.append(line)
                            line, used = "", 0.0
                        line += ch
                        used += cw
                    continue
                line += tok
                used += w
            else:
                done, carry = _settle(line, tok)
                lines.append(done)
                line = (carry + tok).lstrip()
                used = text_width(line, size)
        lines.append(line.rstrip())
    return lines


__all__ = ["NO_LINE_END", "NO_LINE_START", "text_width", "wrap"]
