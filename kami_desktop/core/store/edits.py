"""One way to edit a stored record: diff the given fields, apply them, and record one ledger entry.

Every edit of a case, exhibit, fact, ladder step or party goes through :func:`record_edit`, so the
ledger holds one payload shape for all of them::

    {"entity": "fact", "id": 7, "changes": {"kind": {"old": "other", "new": "refund"}}}

plus, where the caller has more to say, extra keys beside those three (a party's ``overridden``
code-check warnings). The case (and for an exhibit the exhibit) is in the entry's own ``case_id`` and
``exhibit_id`` columns, which the hash covers like the payload. Values are recorded as the ledger
writes them: dates and times in ISO 8601, money as ``"12.30"``, lists as lists. Entries written before
this shape (``{"changes"}``, ``{"fact_id", "changes"}``, ``{"step_id", "changes"}``, ``{"party_id",
"changes"}``) stay as they were stored; the hash chain covers them unchanged (docs/core-api.md,
"Ledger entries").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Case, Exhibit, Fact, LadderStep, Party
from kami_desktop.core.util.timeutil import now

Edited = Case | Exhibit | Fact | LadderStep | Party

# model → (entity name, ledger action); the actions are older than the shared shape and stay as they were
EDIT_ACTIONS: dict[type, tuple[str, str]] = {
    Case: ("case", "case.edit"),
    Exhibit: ("exhibit", "exhibit.edit"),
    Fact: ("fact", "fact.edit"),
    LadderStep: ("step", "ladder.step_edit"),
    Party: ("party", "party.edit"),
}

Changes = dict[str, dict[str, Any]]


def diff(row: Edited, values: Mapping[str, Any]) -> Changes:
    """{field: {"old", "new"}} for the given (already validated) values that differ from the row's."""
    changes: Changes = {}
    for field, new in values.items():
        old = getattr(row, field)
        if old != new:
            changes[field] = {"old": old, "new": new}
    return changes


def record_edit(
    s: Session, row: Edited, values: Mapping[str, Any], *, extra: Mapping[str, Any] | None = None
) -> Changes:
    """Apply the validated ``values`` to ``row``; when any differs, record one ledger entry.

    A row with an ``updated_at`` column gets it set to now. ``extra`` adds keys to the payload (never
    ``entity``, ``id`` or ``changes``). Returns the changes (empty: nothing changed, nothing recorded).
    """
    entity, action = EDIT_ACTIONS[type(row)]
    changes = diff(row, values)
    if not changes:
        return changes
    for field, change in changes.items():
        setattr(row, field, change["new"])
    if isinstance(row, Case | Exhibit):
        row.updated_at = now()
    payload: dict[str, Any] = {**(extra or {}), "entity": entity, "id": row.id, "changes": changes}
    case_id = row.id if isinstance(row, Case) else row.case_id
    exhibit_id = row.id if isinstance(row, Exhibit) else None
    ledger.append(s, action, payload, case_id=case_id, exhibit_id=exhibit_id)
    return changes
