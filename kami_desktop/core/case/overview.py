"""What a case holds, counted once: live exhibits by category, bills and chat exports; and how many days
are left to a deadline. The case home page (and anything else that shows these figures) reads them here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.store.model import Bill, Chat, Exhibit
from kami_desktop.core.vocab import CATEGORIES


@dataclass(frozen=True)
class EvidenceCounts:
    case_id: int
    by_category: dict[str, int] = field(default_factory=dict)  # every category code, in vocab order
    bills: int = 0  # bill exports (exhibits with parsed rows)
    chats: int = 0  # chat conversations (exhibits with parsed messages)

    @property
    def exhibits(self) -> int:
        return sum(self.by_category.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "exhibits": self.exhibits,
            "by_category": dict(self.by_category),
            "bills": self.bills,
            "chats": self.chats,
        }


def evidence_counts(s: Session, case_id: int) -> EvidenceCounts:
    """The case's live (not trashed) exhibits per category, and its bills and chats."""
    get_case(s, case_id)
    live = (Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
    rows = s.execute(select(Exhibit.category, func.count()).where(*live).group_by(Exhibit.category)).all()
    found = {code: int(n) for code, n in rows}
    by_category = {code: found.pop(code, 0) for code in CATEGORIES}
    if found:  # a code the vocabulary no longer knows counts as 其他
        by_category["other"] += sum(found.values())
    bills = s.scalar(select(func.count()).select_from(Bill).join(Exhibit).where(*live)) or 0
    chats = s.scalar(select(func.count()).select_from(Chat).join(Exhibit).where(*live)) or 0
    return EvidenceCounts(case_id, by_category, int(bills), int(chats))


def days_left(due: date, today: date) -> int:
    """Whole days from ``today`` to ``due``: 0 on the day, negative once it has passed."""
    return (due - today).days


__all__ = ["EvidenceCounts", "days_left", "evidence_counts"]
