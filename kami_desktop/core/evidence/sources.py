"""A source file that was read and parsed (a payment bill, a chat export, a voice message), stored as an
exhibit together with what was parsed from it.

The caller reads the file once, parses the bytes, and hands both over: the vault keeps exactly the bytes
that were parsed, and ``store`` writes the parsed records inside the exhibit's own transaction, so
there is never an exhibit without its records nor records without their exhibit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.evidence.importer import ImportedItem, import_data
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Exhibit, ExhibitFile

T = TypeVar("T")


def live_holder(s: Session, case_id: int, sha256: str) -> int | None:
    """The live exhibit of the case that already holds these bytes, if any."""
    return s.scalar(
        select(ExhibitFile.exhibit_id)
        .join(Exhibit)
        .where(ExhibitFile.blob_sha256 == sha256, Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
        .limit(1)
    )


def import_source_file(
    profile: Profile,
    case_id: int,
    path: Path,
    data: bytes,
    *,
    category: str,
    captured_at: datetime | None,
    source: str,
    error: Callable[[str, str], Exception],
    store: Callable[[Session, ImportedItem, bool], T],
) -> tuple[ImportedItem, T]:
    """Store ``data`` (read from ``path``) as one exhibit and run ``store(session, item, exhibit_created)``
    in the same transaction; returns the item and what ``store`` returned.

    ``exhibit_created`` is False when a live exhibit of the case already held the bytes (``store`` then
    attaches its records to that one). A file that cannot be stored raises ``error(file name, reason)``;
    an exception from ``store`` propagates. Either way nothing of the import is left.
    """
    stored: list[T] = []

    def within(s: Session, item: ImportedItem, created: bool) -> None:
        stored.append(store(s, item, created))

    report = import_data(
        profile,
        case_id,
        path,
        data,
        category=category,
        source=source,
        captured_at=captured_at,
        on_commit=within,
    )
    if report.errors or not report.imported:
        raise error(path.name, report.errors[0].reason if report.errors else "导入未完成")
    return report.imported[0], stored[0]
