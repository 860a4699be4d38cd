"""Replay of the suggestions the user dismissed (忽略), compared with the ``suggestion_dismissals`` table.

``suggestion.dismiss`` names the exhibit (the entry's ``exhibit_id``), the fields with what was offered,
and the key of the OCR text they were dismissed for; ``suggestion.undismiss`` names the fields taken
back. A dismissal of an exhibit that is no longer there (purged, merged away) went with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.store.model import Exhibit, SuggestionDismissal

DISMISS = "suggestion.dismiss"
UNDISMISS = "suggestion.undismiss"

# (entity, entity id, exhibit id, field, what the ledger says, what the database says)
Difference = tuple[str, int | None, int | None, str, Any, Any]


@dataclass
class DismissalsReplay:
    keys: dict[tuple[int, str], str] = field(default_factory=dict)  # (exhibit id, field) → text key

    def apply(self, action: str, exhibit_id: int | None, p: dict[str, Any]) -> bool:
        """Take one ledger entry; False when it is not about dismissed suggestions."""
        if action not in (DISMISS, UNDISMISS):
            return False
        if not isinstance(exhibit_id, int):
            return True
        if action == DISMISS and isinstance(p.get("fields"), dict):
            for name in p["fields"]:
                self.keys[(exhibit_id, str(name))] = str(p.get("text_key") or "")
        elif action == UNDISMISS and isinstance(p.get("fields"), list):
            for name in p["fields"]:
                self.keys.pop((exhibit_id, str(name)), None)
        return True

    def compare(self, s: Session, case_id: int | None, exhibits: set[int]) -> list[Difference]:
        """``exhibits``: the exhibits the replay still has (of the case compared)."""
        q = select(SuggestionDismissal.exhibit_id, SuggestionDismissal.field, SuggestionDismissal.text_key)
        if case_id is not None:
            q = q.join(Exhibit, Exhibit.id == SuggestionDismissal.exhibit_id).where(
                Exhibit.case_id == case_id
            )
        db = {(r.exhibit_id, r.field): r.text_key for r in s.execute(q)}
        want = {k: v for k, v in self.keys.items() if k[0] in exhibits}
        out: list[Difference] = []
        for ex_id, name in sorted(set(db) | set(want)):
            have, told = db.get((ex_id, name)), want.get((ex_id, name))
            if have != told:
                out.append(
                    (
                        "dismissal",
                        ex_id,
                        ex_id,
                        name,
                        "已忽略" if told is not None else "（日志中没有忽略）",
                        "已忽略" if have is not None else "（数据库中没有忽略）",
                    )
                )
        return out
