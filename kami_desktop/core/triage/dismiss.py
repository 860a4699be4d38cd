"""忽略: the user decides a suggestion is wrong (keeps 其他, wants no title change …) and stops it being offered.

``dismiss`` records the suggestions offered now for the chosen fields (default: all) as dismissed for the
exhibit's current OCR text, one ``suggestion.dismiss`` ledger entry per exhibit; ``undismiss`` takes them
back (``suggestion.undismiss``), as the desktop's Ctrl+Z does. Nothing of the exhibit itself changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from kami_desktop.core.evidence.exhibits import get_exhibit, list_exhibits
from kami_desktop.core.triage.dismissed import record_dismissal, remove_dismissals, text_keys
from kami_desktop.core.triage.suggest import (
    ExhibitSuggestions,
    case_suggestions,
    check_fields,
    suggestions_for,
)


def _dismiss(s: Session, sug: ExhibitSuggestions, wanted: list[str]) -> list[str]:
    shown = {f.field: f.shown for f in sug.fields if f.field in wanted}
    key = text_keys(s, [sug.exhibit_id]).get(sug.exhibit_id)
    if not shown or key is None:
        return []
    return record_dismissal(s, get_exhibit(s, sug.exhibit_id), shown, key)


def dismiss(s: Session, exhibit_id: int, fields: Iterable[str] | None = None) -> list[str]:
    """Dismiss the exhibit's suggestions of ``fields`` (default: all offered); the fields dismissed."""
    return _dismiss(s, suggestions_for(s, exhibit_id), check_fields(fields))


def dismiss_many(
    s: Session, case_id: int, exhibit_ids: Iterable[int] | None = None, fields: Iterable[str] | None = None
) -> dict[int, list[str]]:
    """Dismiss the suggestions of several exhibits (default: the whole case); {exhibit id: fields}."""
    wanted = check_fields(fields)
    out: dict[int, list[str]] = {}
    for sug in case_suggestions(s, case_id, exhibit_ids):
        done = _dismiss(s, sug, wanted)
        if done:
            out[sug.exhibit_id] = done
    return out


def undismiss(s: Session, exhibit_id: int, fields: Iterable[str] | None = None) -> list[str]:
    """Offer the exhibit's dismissed suggestions of ``fields`` (default: all) again; the fields taken back."""
    wanted = None if fields is None else check_fields(fields)
    return remove_dismissals(s, get_exhibit(s, exhibit_id), wanted)


def undismiss_many(
    s: Session, case_id: int, exhibit_ids: Iterable[int] | None = None, fields: Iterable[str] | None = None
) -> dict[int, list[str]]:
    """Take back the dismissals of several exhibits (default: the whole case); {exhibit id: fields}."""
    wanted = None if fields is None else check_fields(fields)
    out: dict[int, list[str]] = {}
    only = None if exhibit_ids is None else set(exhibit_ids)
    for ex in list_exhibits(s, case_id):
        done = remove_dismissals(s, ex, wanted) if only is None or ex.id in only else []
        if done:
            out[ex.id] = done
    return out
