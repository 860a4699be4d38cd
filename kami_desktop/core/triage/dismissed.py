"""Suggestions the user dismissed (忽略): stored per exhibit and field, each change in the ledger.

A dismissal holds while the exhibit's OCR text is the text it was dismissed for (``text_key``, a digest
of the text read on each of its files' pages, in order). When the text changes — a file read again with a
different result, a file merged in or moved out — the dismissal no longer applies and the suggestion
computed from the new text is offered again; the stale row stays until it is replaced or undone.

The ledger records ``suggestion.dismiss`` (the fields with what was offered, and the text key) and
``suggestion.undismiss`` (the fields taken back); ``core.evidence.replay_dismissals`` replays them for
``verify``. The user's actions over the suggestions are in ``triage.dismiss``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kami_desktop.core.evidence.replay_dismissals import DISMISS, UNDISMISS
from kami_desktop.core.ocr.model import OK
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Exhibit, ExhibitFile, OcrText, SuggestionDismissal
from kami_desktop.core.util.timeutil import now

__all__ = ["DISMISS", "UNDISMISS", "dismissed_fields", "record_dismissal", "remove_dismissals", "text_keys"]


def text_keys(s: Session, exhibit_ids: Sequence[int]) -> dict[int, str]:
    """The digest of each exhibit's OCR text (pages read without trouble, in file and page order);
    exhibits without any such text are left out."""
    texts: dict[int, list[str]] = {}
    if not exhibit_ids:
        return {}
    stmt = (
        select(ExhibitFile.exhibit_id, OcrText.text)
        .join(OcrText, OcrText.blob_sha256 == ExhibitFile.blob_sha256)
        .where(ExhibitFile.exhibit_id.in_(list(exhibit_ids)), OcrText.status == OK)
        .order_by(ExhibitFile.exhibit_id, ExhibitFile.position, ExhibitFile.id, OcrText.page)
    )
    for exhibit_id, text in s.execute(stmt):
        texts.setdefault(exhibit_id, []).append(text or "")
    return {
        i: hashlib.sha256(json.dumps(t, ensure_ascii=False).encode("utf-8")).hexdigest()
        for i, t in texts.items()
    }


def dismissed_fields(s: Session, exhibit_ids: Sequence[int]) -> dict[int, set[str]]:
    """{exhibit id: fields} dismissed for the exhibit's text as it is now (stale dismissals left out)."""
    if not exhibit_ids:
        return {}
    rows = s.execute(
        select(SuggestionDismissal.exhibit_id, SuggestionDismissal.field, SuggestionDismissal.text_key).where(
            SuggestionDismissal.exhibit_id.in_(list(exhibit_ids))
        )
    ).all()
    if not rows:
        return {}
    keys = text_keys(s, sorted({r.exhibit_id for r in rows}))
    out: dict[int, set[str]] = {}
    for exhibit_id, name, key in rows:
        if keys.get(exhibit_id) == key:
            out.setdefault(exhibit_id, set()).add(name)
    return out


def record_dismissal(s: Session, exhibit: Exhibit, shown: Mapping[str, str], key: str) -> list[str]:
    """Store the dismissal of ``shown`` ({field: what was offered}) for the text ``key``, replacing an
    older one of the same field; one ledger entry. Returns the fields, in the order given."""
    fields = list(shown)
    if not fields:
        return []
    at = now()
    existing = {
        d.field: d
        for d in s.scalars(
            select(SuggestionDismissal).where(
                SuggestionDismissal.exhibit_id == exhibit.id, SuggestionDismissal.field.in_(fields)
            )
        )
    }
    for name in fields:
        row = existing.get(name)
        if row is None:
            row = SuggestionDismissal(exhibit_id=exhibit.id, field=name)
            s.add(row)
        row.text_key, row.shown, row.dismissed_at = key, shown[name][:2000], at
    payload = {"fields": {f: shown[f][:2000] for f in fields}, "text_key": key}
    ledger.append(s, DISMISS, payload, case_id=exhibit.case_id, exhibit_id=exhibit.id)
    return fields


def remove_dismissals(s: Session, exhibit: Exhibit, fields: Iterable[str] | None = None) -> list[str]:
    """Take back the exhibit's dismissals of ``fields`` (default: all); one ledger entry when any was
    there. Returns the fields taken back."""
    q = select(SuggestionDismissal.field).where(SuggestionDismissal.exhibit_id == exhibit.id)
    if fields is not None:
        q = q.where(SuggestionDismissal.field.in_(list(fields)))
    found = sorted(s.scalars(q))
    if not found:
        return []
    s.execute(
        delete(SuggestionDismissal).where(
            SuggestionDismissal.exhibit_id == exhibit.id, SuggestionDismissal.field.in_(found)
        )
    )
    ledger.append(s, UNDISMISS, {"fields": found}, case_id=exhibit.case_id, exhibit_id=exhibit.id)
    return found
