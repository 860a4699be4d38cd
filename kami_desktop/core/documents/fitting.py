"""Fitting free text into a portal's length limit, and redacting text meant for public sites."""

from __future__ import annotations

from dataclasses import dataclass

from kami_desktop.core.documents.context import CaseContext
from kami_desktop.core.legal.private_data import Personal, mask_text

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


def personal_of(ctx: CaseContext) -> Personal | None:
    """What the case's 本人 party records, for the private-data rules (None without a 本人 party)."""
    me = ctx.self_party
    if me is None:
        return None
    return Personal(name=me.name, address=me.address, phone=me.phone, id_number=me.id_number)


def redact(text: str, ctx: CaseContext) -> str:
    """Mask the user's own name, ID number, phone and address, and any phone, ID, bank card number or
    e-mail address — the rules of ``core.legal.private_data``, the same as the masked image copies."""
    return mask_text(text, personal_of(ctx))
