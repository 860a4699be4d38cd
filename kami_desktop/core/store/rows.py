"""Read-only bulk queries for list views: one SQL statement per case, no ORM objects per row.

The GUI's evidence model shows thousands of exhibits; loading them through the ORM (one object per
exhibit, file and blob) is too slow and too heavy. ``exhibit_rows`` returns light, immutable rows
with what a list or grid needs: the exhibit's own fields plus facts of its first file. It selects the
mapped columns themselves, so their types (aware datetimes, the tag list) decode the values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased

from kami_desktop.core.store.model import Blob, Exhibit, ExhibitFile


@dataclass(frozen=True, slots=True)
class ExhibitRow:
    id: int
    number: int  # 1-based binder number among the live (or trashed) exhibits of the case
    position: int
    title: str
    category: str
    purpose: str
    source: str
    notes: str
    tags: tuple[str, ...]  # (a list as the column reads it; made a tuple on construction)
    captured_at: datetime | None
    created_at: datetime
    imported_at: datetime | None  # earliest import of its files
    trashed_at: datetime | None
    file_count: int
    total_size: int
    first_file_id: int | None
    first_sha256: str | None
    first_media_type: str
    first_name: str
    width: int | None
    height: int | None
    problem: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", tuple(self.tags))

    def search_text(self) -> str:
        """Lower-cased text a search box matches against."""
        return " ".join(
            (self.title, self.first_name, self.purpose, self.notes, self.source, *self.tags)
        ).lower()


def _statement(case_id: int, trashed: bool) -> Select:
    """The case's live (or trashed) exhibits with their number; one column per ExhibitRow field, in order."""
    files = (
        select(
            ExhibitFile.exhibit_id,
            func.count().label("file_count"),
            func.sum(Blob.size).label("total_size"),
            func.min(ExhibitFile.imported_at).label("imported_at"),
            func.min(ExhibitFile.position).label("first_pos"),
            func.group_concat(func.nullif(ExhibitFile.problem, ""), "；").label("problem"),
        )
        .join(Blob, Blob.sha256 == ExhibitFile.blob_sha256)
        .group_by(ExhibitFile.exhibit_id)
        .subquery("agg")
    )
    first = aliased(ExhibitFile, name="f")
    first_blob = aliased(Blob, name="b")
    return (
        select(
            Exhibit.id,
            func.row_number().over(order_by=(Exhibit.position, Exhibit.id)).label("number"),
            Exhibit.position,
            Exhibit.title,
            Exhibit.category,
            Exhibit.purpose,
            Exhibit.source,
            Exhibit.notes,
            Exhibit.tags,
            Exhibit.captured_at,
            Exhibit.created_at,
            files.c.imported_at,
            Exhibit.trashed_at,
            func.coalesce(files.c.file_count, 0).label("file_count"),
            func.coalesce(files.c.total_size, 0).label("total_size"),
            first.id.label("first_file_id"),
            first.blob_sha256.label("first_sha256"),
            func.coalesce(first_blob.media_type, "").label("first_media_type"),
            func.coalesce(first.original_name, "").label("first_name"),
            first.width,
            first.height,
            func.coalesce(files.c.problem, "").label("problem"),
        )
        .outerjoin(files, files.c.exhibit_id == Exhibit.id)
        .outerjoin(first, and_(first.exhibit_id == Exhibit.id, first.position == files.c.first_pos))
        .outerjoin(first_blob, first_blob.sha256 == first.blob_sha256)
        .where(
            Exhibit.case_id == case_id,
            Exhibit.trashed_at.is_not(None) if trashed else Exhibit.trashed_at.is_(None),
        )
    )


ROW_FIELDS = tuple(f.name for f in fields(ExhibitRow))


def exhibit_rows(
    s: Session, case_id: int, trashed: bool = False, ids: Iterable[int] | None = None
) -> list[ExhibitRow]:
    """The case's exhibits in binder order (one query). With ``ids``, only those (numbers still right)."""
    numbered = _statement(case_id, trashed).subquery("numbered")
    q = select(*(numbered.c[name] for name in ROW_FIELDS)).order_by(numbered.c.number)
    if ids is not None:
        wanted = sorted({int(i) for i in ids})
        if not wanted:
            return []
        q = q.where(numbered.c.id.in_(wanted))
    # a Core result (no ORM loading per row); the columns are named and ordered as ExhibitRow's fields
    return [ExhibitRow(*r) for r in s.connection().execute(q)]
