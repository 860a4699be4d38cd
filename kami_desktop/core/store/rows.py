"""Read-only bulk queries for list views: one SQL statement per case, no ORM objects per row.

The GUI's evidence model shows thousands of exhibits; loading them through the ORM (one object per
exhibit, file and blob) is too slow and too heavy. ``exhibit_rows`` returns light, immutable rows
with what a list or grid needs: the exhibit's own fields plus facts of its first file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session


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
    tags: tuple[str, ...]
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

    def search_text(self) -> str:
        """Lower-cased text a search box matches against."""
        return " ".join(
            (self.title, self.first_name, self.purpose, self.notes, self.source, *self.tags)
        ).lower()


_SQL = """
SELECT * FROM (
SELECT e.id AS id, e.position, e.title, e.category, e.purpose, e.source, e.notes, e.tags,
       e.captured_at, e.created_at, e.trashed_at,
       agg.n, agg.total, agg.first_import,
       f.id AS first_file_id, f.blob_sha256, b.media_type, f.original_name, f.width, f.height, agg.problems,
       ROW_NUMBER() OVER (ORDER BY e.position, e.id) AS number
FROM exhibits e
LEFT JOIN (
    SELECT ef.exhibit_id AS exhibit_id, COUNT(*) AS n, SUM(bb.size) AS total,
           MIN(ef.imported_at) AS first_import, MIN(ef.position) AS first_pos,
           GROUP_CONCAT(NULLIF(ef.problem, ''), '；') AS problems
    FROM exhibit_files ef JOIN blobs bb ON bb.sha256 = ef.blob_sha256
    GROUP BY ef.exhibit_id
) agg ON agg.exhibit_id = e.id
LEFT JOIN exhibit_files f ON f.exhibit_id = e.id AND f.position = agg.first_pos
LEFT JOIN blobs b ON b.sha256 = f.blob_sha256
WHERE e.case_id = :case_id AND (e.trashed_at IS NOT NULL) = :trashed
) WHERE 1 {extra}
ORDER BY number
"""


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _tags(value: str | None) -> tuple[str, ...]:
    if not value or value == "[]":
        return ()
    try:
        data = json.loads(value)
    except ValueError:
        return ()
    return tuple(str(t) for t in data) if isinstance(data, list) else ()


def exhibit_rows(
    s: Session, case_id: int, trashed: bool = False, ids: Iterable[int] | None = None
) -> list[ExhibitRow]:
    """The case's exhibits in binder order (one query). With ``ids``, only those (numbers still right)."""
    params: dict = {"case_id": case_id, "trashed": 1 if trashed else 0}
    extra = ""
    if ids is not None:
        wanted = sorted({int(i) for i in ids})
        if not wanted:
            return []
        extra = "AND id IN (" + ",".join(str(i) for i in wanted) + ")"
    out: list[ExhibitRow] = []
    for r in s.execute(text(_SQL.format(extra=extra)), params):
        out.append(
            ExhibitRow(
                id=r[0],
                number=r[21],
                position=r[1],
                title=r[2],
                category=r[3],
                purpose=r[4] or "",
                source=r[5] or "",
                notes=r[6] or "",
                tags=_tags(r[7]),
                captured_at=_dt(r[8]),
                created_at=_dt(r[9]),
                trashed_at=_dt(r[10]),
                file_count=r[11] or 0,
                total_size=r[12] or 0,
                imported_at=_dt(r[13]),
                first_file_id=r[14],
                first_sha256=r[15],
                first_media_type=r[16] or "",
                first_name=r[17] or "",
                width=r[18],
                height=r[19],
                problem=r[20] or "",
            )
        )
    return out
