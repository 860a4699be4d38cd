"""Fitting free text into a portal's length limit, and redacting text meant for public sites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kami_desktop.core.documents.context import CaseContext

UNCONFIRMED = "未确认"


@dataclass
class Fitted:
    text: str
    limit: int | None
    shortened: bool = False

    @property
    def count(self) -> str:
        """'312 / 500' or '312 / 未确认'."""
        return f"{len(self.text)} / {self.limit if self.limit is not None else UNCONFIRMED}"


def fit(pieces: list[str], limit: int | None, *, keep: int = 1) -> Fitted:
    """Join ``pieces``; when over ``limit`` drop pieces from the end (never the first ``keep``), then cut."""
    parts = [p for p in pieces if p]
    text = "".join(parts)
    if limit is None or len(text) <= limit:
        return Fitted(text, limit)
    while len(parts) > keep and len("".join(parts)) > limit:
        parts.pop()
    text = "".join(parts)
    if len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    return Fitted(text, limit, shortened=True)


_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")


def redact(text: str, ctx: CaseContext) -> str:
    """Mask the user's own name, ID number, phone and address, and any phone / ID number pattern."""
    me = ctx.self_party
    if me:
        for value, repl in (
            (me.id_number, "****"),
            (me.phone, "****"),
            (me.address, "（地址略）"),
            (me.name, "本人"),
        ):
            if value and len(value) >= 2:
                text = text.replace(value, repl)
    text = _ID.sub(lambda m: m.group(1) + "********" + m.group(2), text)
    return _PHONE.sub(lambda m: m.group(1) + "****" + m.group(2), text)
