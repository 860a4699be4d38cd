"""The end of an original's life: trashed exhibits deleted for good, then every blob nothing refers to any
more (its vault file, its cached frames and thumbnails, its masked copies). ``blob_in_use_clause`` is the one
rule of when a stored original may go. Re-exported by ``core.evidence.exhibits``.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session

from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Bill, Blob, Chat, Exhibit, ExhibitFile, MaskedCopy


def purge(profile: Profile, case_id: int | None = None) -> dict[str, Any]:
    """Delete trashed exhibits for good, then every blob nothing refers to any more."""
    with profile.session() as s:
        q = select(Exhibit).where(Exhibit.trashed_at.is_not(None))
        if case_id is not None:
            q = q.where(Exhibit.case_id == case_id)
        doomed = list(s.scalars(q))
        purged: list[dict[str, Any]] = [
            {"exhibit_id": e.id, "case_id": e.case_id, "title": e.title} for e in doomed
        ]
        # masked copies (core.redact) go with their exhibit and their original: rows cascade, files below
        copies = set(
            s.scalars(select(MaskedCopy.file_name).where(MaskedCopy.exhibit_id.in_([e.id for e in doomed])))
        )
        for e in doomed:
            s.delete(e)
        s.flush()
        unreferenced = list(s.scalars(select(Blob).where(~blob_in_use_clause())))
        shas = [b.sha256 for b in unreferenced]
        copies |= set(s.scalars(select(MaskedCopy.file_name).where(MaskedCopy.blob_sha256.in_(shas))))
        for sha in shas:
            profile.vault.mark(sha, "purge")
        for b in unreferenced:
            s.delete(b)
        for p in purged:
            ledger.append(
                s, "exhibit.purge", {"title": p["title"]}, case_id=p["case_id"], exhibit_id=p["exhibit_id"]
            )
        if shas:
            ledger.append(s, "blob.purge", {"sha256": shas}, case_id=case_id)
    from kami_desktop.core.evidence.frames import (
        drop_media_cache,
    )  # here: frames imports exhibits, which imports this

    for sha in shas:  # committed: now the files may go, and what was derived from them
        profile.vault.remove_blob(sha)
        profile.vault.unmark(sha, "purge")
        drop_media_cache(profile.cache_dir, sha)
    if copies:
        with profile.session() as s:
            kept = set(s.scalars(select(MaskedCopy.file_name).where(MaskedCopy.file_name.in_(copies))))
        for name in sorted(copies - kept):
            with contextlib.suppress(FileNotFoundError):
                (profile.masked_dir / Path(name).name).unlink()
    return {"exhibits": purged, "blobs_removed": shas}


def blob_in_use_clause() -> ColumnElement[bool]:
    """SQL condition: something still refers to ``Blob`` — an exhibit's file (trashed ones too) or a parsed
    bill or chat. The one rule of when a stored original may go; a new referring table belongs here."""
    return (
        exists().where(ExhibitFile.blob_sha256 == Blob.sha256)
        | exists().where(Bill.blob_sha256 == Blob.sha256)
        | exists().where(Chat.blob_sha256 == Blob.sha256)
    )


def blob_in_use(s: Session, sha256: str) -> bool:
    return bool(s.scalar(select(blob_in_use_clause()).select_from(Blob).where(Blob.sha256 == sha256)))
