"""Read-only pictures of exhibits for display: plain data, taken inside one session, safe to keep after
it closes (no ORM object leaves this module)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.evidence.advice import exhibit_advice
from kami_desktop.core.evidence.exhibits import get_exhibit
from kami_desktop.core.store.model import Exhibit, ExhibitFile


@dataclass(frozen=True)
class FileDetail:
    """One original file of an exhibit, with the facts of its stored blob."""

    id: int
    position: int
    original_name: str
    sha256: str
    sm3: str
    size: int
    media_type: str
    width: int | None
    height: int | None
    exif_time: datetime | None
    file_mtime: datetime | None
    imported_at: datetime
    problem: str


@dataclass(frozen=True)
class ExhibitDetail:
    """An exhibit's editable fields and its files, in file order."""

    id: int
    case_id: int
    title: str
    category: str
    purpose: str
    source: str
    captured_at: datetime | None
    notes: str
    tags: tuple[str, ...]
    files: tuple[FileDetail, ...]
    advice: tuple[str, ...] = ()  # the product's advice about this exhibit (never printed for the court)
    transcript: str = ""  # the user's own transcript of a recording
    key_frames: tuple[str, ...] = ()  # a video's frames the user picked (00:01:23)


def _file_detail(f: ExhibitFile) -> FileDetail:
    b = f.blob
    return FileDetail(
        id=f.id,
        position=f.position,
        original_name=f.original_name,
        sha256=b.sha256,
        sm3=b.sm3,
        size=b.size,
        media_type=b.media_type,
        width=f.width,
        height=f.height,
        exif_time=f.exif_time,
        file_mtime=f.file_mtime,
        imported_at=f.imported_at,
        problem=f.problem or "",
    )


def exhibit_detail(s: Session, exhibit_id: int) -> ExhibitDetail:
    """The exhibit (in the trash or not) with its files; ``ExhibitError`` when there is no such exhibit."""
    ex = get_exhibit(s, exhibit_id)
    return ExhibitDetail(
        id=ex.id,
        case_id=ex.case_id,
        title=ex.title,
        category=ex.category,
        purpose=ex.purpose or "",
        source=ex.source or "",
        captured_at=ex.captured_at,
        notes=ex.notes or "",
        tags=tuple(ex.tags),
        files=tuple(_file_detail(f) for f in ex.files),
        advice=tuple(exhibit_advice(s, ex.id)),
        transcript=ex.transcript or "",
        key_frames=tuple(ex.key_frames),
    )


def exhibit_titles(s: Session, exhibit_ids: Iterable[int]) -> dict[int, str]:
    """Titles of the given exhibits that exist (trashed ones included), by id."""
    ids = set(exhibit_ids)
    if not ids:
        return {}
    rows = s.execute(select(Exhibit.id, Exhibit.title).where(Exhibit.id.in_(ids)))
    return {exhibit_id: title for exhibit_id, title in rows}
