"""The stored side of OCR: the ``ocr_texts`` rows of a blob, read and written as ``OcrPage``.

Rows are derived data keyed by the original's SHA-256: writing one never touches the original, the
exhibit or the ledger, and a blob's rows go when the blob is purged (the foreign key cascades).
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kami_desktop.core.ocr.model import OcrPage, lines_from_json, lines_to_json
from kami_desktop.core.store.model import ExhibitFile, OcrText
from kami_desktop.core.util.timeutil import now


def save_page(session: Session, page: OcrPage) -> None:
    """Store (or replace) what was read on one page of a blob. The caller commits."""
    session.execute(delete(OcrText).where(OcrText.blob_sha256 == page.sha256, OcrText.page == page.page))
    session.add(
        OcrText(
            blob_sha256=page.sha256,
            page=page.page,
            status=page.status,
            engine=page.engine,
            width=page.width,
            height=page.height,
            text=page.text,
            lines=lines_to_json(page.lines),
            problem=page.problem,
            read_at=now(),
        )
    )


def _page(row: OcrText) -> OcrPage:
    return OcrPage(
        sha256=row.blob_sha256,
        page=row.page,
        status=row.status,
        engine=row.engine,
        width=row.width,
        height=row.height,
        lines=lines_from_json(row.lines),
        problem=row.problem,
    )


def pages_of_blob(session: Session, sha256: str) -> list[OcrPage]:
    """Every page read of one blob, in page order (empty if it has not been read)."""
    rows = session.scalars(select(OcrText).where(OcrText.blob_sha256 == sha256).order_by(OcrText.page))
    return [_page(r) for r in rows]


def pages_of_exhibit(session: Session, exhibit_id: int) -> list[OcrPage]:
    """Every page read of an exhibit's files, in file then page order."""
    stmt = (
        select(OcrText)
        .join(ExhibitFile, ExhibitFile.blob_sha256 == OcrText.blob_sha256)
        .where(ExhibitFile.exhibit_id == exhibit_id)
        .order_by(ExhibitFile.position, OcrText.page)
    )
    return [_page(r) for r in session.scalars(stmt)]
