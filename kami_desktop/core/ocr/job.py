"""The background reading of a case: every image and PDF of its exhibits, once per engine version.

``read_case`` takes the files one at a time and commits each page as soon as it is read (one short
transaction per page), so a cancel, a crash or a kill -9 loses at most the page being read and the next
run goes on from there. A file that cannot be read gets a ``failed`` row with the reason, so it is not
tried again on every run (``redo=True`` tries it again, and re-reads everything, e.g. after a newer
model). Only ``ocr_texts`` rows are written: never the vault, an exhibit or the ledger.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kami_desktop.core.ocr.engine import (
    TEXT_LAYER_ENGINE,
    OcrUnavailable,
    PageRead,
    PdfPages,
    UnreadableFile,
    engine_name,
    is_pdf,
    read_image_file,
)
from kami_desktop.core.ocr.model import EMPTY, FAILED, OK, OcrPage
from kami_desktop.core.ocr.reader_process import ReadCancelled, ReadTimedOut
from kami_desktop.core.ocr.store import pages_of_blob, save_page
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Blob, Exhibit, ExhibitFile, OcrText
from kami_desktop.core.tasks import CancelToken, Progress, no_progress

log = logging.getLogger(__name__)

NOT_IMAGES = ("image/svg+xml",)  # drawings, not pixels


class PageReader(Protocol):
    """Where the pages are read: in this process (``reader=None``, the default) or in a child
    (``core.ocr.reader_process.ReaderProcess``, the desktop app). Both raise ``UnreadableFile`` and
    ``OcrUnavailable`` as the engine does; a child stopped on purpose raises ``ReadCancelled``."""

    def read_image(self, path: Path, threads: int = 1) -> PageRead: ...

    def read_pdf_page(self, path: Path, index: int, threads: int = 1) -> PageRead: ...


@dataclass(frozen=True)
class Target:
    """One stored file to read: its blob, media type and the name it was imported under."""

    sha256: str
    media_type: str
    name: str


@dataclass
class OcrSummary:
    engine: str
    read: int = 0  # files read in this run (text found or not)
    pages: int = 0  # pages read in this run (failed ones not counted)
    failed: int = 0  # files with a page that could not be read
    skipped: int = 0  # files already read by this engine
    cancelled: bool = False
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "read": self.read,
            "pages": self.pages,
            "failed": self.failed,
            "skipped": self.skipped,
            "cancelled": self.cancelled,
            "problems": [{"file": name, "reason": reason} for name, reason in self.problems],
        }


def current_engines() -> set[str]:
    """Rows written under these engines count as read (a PDF page's own text never needs re-reading)."""
    return {engine_name(), TEXT_LAYER_ENGINE}


def targets(session: Session, case_id: int | None, exhibit_id: int | None = None) -> list[Target]:
    """The images and PDFs of the case's exhibits (every case's when ``case_id`` is None; only one
    exhibit's with ``exhibit_id``), not trashed, each blob once, in binder order."""
    stmt = (
        select(Blob.sha256, Blob.media_type, func.min(ExhibitFile.original_name))
        .join(ExhibitFile, ExhibitFile.blob_sha256 == Blob.sha256)
        .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
        .where(Exhibit.trashed_at.is_(None))
        .where(or_(Blob.media_type.like("image/%"), Blob.media_type == "application/pdf"))
        .where(Blob.media_type.not_in(NOT_IMAGES))
        .group_by(Blob.sha256, Blob.media_type)
        .order_by(func.min(Exhibit.case_id), func.min(Exhibit.position), func.min(ExhibitFile.position))
    )
    if case_id is not None:
        stmt = stmt.where(Exhibit.case_id == case_id)
    if exhibit_id is not None:
        stmt = stmt.where(Exhibit.id == exhibit_id)
    return [Target(sha, mt, name) for sha, mt, name in session.execute(stmt)]


def _read_pages(session: Session, shas: list[str], engines: set[str]) -> dict[str, set[int]]:
    """Per blob, the pages that already have a row from a current engine."""
    done: dict[str, set[int]] = {}
    for i in range(0, len(shas), 500):
        rows = session.execute(
            select(OcrText.blob_sha256, OcrText.page).where(
                OcrText.blob_sha256.in_(shas[i : i + 500]), OcrText.engine.in_(engines)
            )
        )
        for sha, page in rows:
            done.setdefault(sha, set()).add(page)
    return done


def unread(profile: Profile, case_id: int | None) -> list[Target]:
    """The files no current engine has read at all (a PDF read in part counts as read here; the job
    itself finishes it)."""
    with profile.session() as s:
        found = targets(s, case_id)
        done = _read_pages(s, [t.sha256 for t in found], current_engines())
    return [t for t in found if t.sha256 not in done]


def read_case(
    profile: Profile,
    case_id: int | None,
    *,
    redo: bool = False,
    threads: int = 1,
    exhibit_id: int | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    reader: PageReader | None = None,
) -> OcrSummary:
    """Read every image and PDF page of the case (all cases when ``case_id`` is None; one exhibit's with
    ``exhibit_id``) that the current engine has not read yet (everything with ``redo``). Raises ``OcrUnavailable`` when the engine cannot
    run at all; a file that cannot be read is recorded as ``failed`` and the job goes on. The pages are
    read by ``reader`` (default: the engine in this process); the PDFs' page counts and every row are
    taken here."""
    engines = current_engines()
    summary = OcrSummary(engine=engine_name())
    with profile.session() as s:
        found = targets(s, case_id, exhibit_id)
        done = {} if redo else _read_pages(s, [t.sha256 for t in found], engines)
    todo: list[tuple[Target, set[int]]] = []
    for t in found:
        have = done.get(t.sha256, set())
        if have and not is_pdf(t.media_type):
            summary.skipped += 1
        elif have and _pdf_complete(profile, t, have):
            summary.skipped += 1
        else:
            todo.append((t, have))
    total = len(todo)
    progress(0, total, "")
    for n, (target, have) in enumerate(todo):
        if cancel is not None and cancel.cancelled:
            summary.cancelled = True
            break
        progress(n, total, target.name)
        pages, problem, stopped = _read_file(profile, target, have, summary.engine, cancel, threads, reader)
        summary.pages += pages
        if problem:
            summary.failed += 1
            summary.problems.append((target.name, problem))
        elif not stopped:
            summary.read += 1
        if stopped:
            summary.cancelled = True
            break
        progress(n + 1, total, target.name)
    return summary


def read_exhibit(profile: Profile, exhibit_id: int, *, cancel: CancelToken | None = None) -> OcrSummary:
    """Read one exhibit's unread files now (e.g. before proposing what to mask on it)."""
    return read_case(profile, None, exhibit_id=exhibit_id, cancel=cancel)


def _pdf_complete(profile: Profile, target: Target, have: set[int]) -> bool:
    if 0 in have:
        with profile.session() as s:
            first = [p for p in pages_of_blob(s, target.sha256) if p.page == 0]
        if first and first[0].status == FAILED and first[0].width == 0:
            return True  # the file itself could not be opened: not again without --redo
    try:
        with PdfPages(profile.blob_path(target.sha256)) as pdf:
            return all(i in have for i in range(pdf.page_count))
    except UnreadableFile:
        return False


def _read_file(
    profile: Profile,
    target: Target,
    have: set[int],
    engine: str,
    cancel: CancelToken | None,
    threads: int,
    reader: PageReader | None = None,
) -> tuple[int, str, bool]:
    """Read the pages of one file not in ``have``; returns (pages read, first problem, cancelled).
    Every page tried gets its row, a failed one too (not one whose reading was cancelled)."""
    path = profile.blob_path(target.sha256)
    if not path.is_file():
        _store(profile, _failed(target, 0, engine, "原始文件不在证据库中，无法识别文字（请运行校验）"))
        return 0, "原始文件不在证据库中", False
    if not is_pdf(target.media_type):
        read_image = reader.read_image if reader is not None else read_image_file
        try:
            page = _attempt(target, 0, engine, lambda: read_image(path, threads))
        except ReadCancelled:
            return 0, "", True
        _store(profile, page)
        return (0 if page.problem else 1), page.problem, False
    try:
        pdf = PdfPages(path)
    except UnreadableFile as exc:
        _store(profile, _failed(target, 0, engine, str(exc)))
        return 0, str(exc), False
    pages, problem = 0, ""
    with pdf:
        for i in range(pdf.page_count):
            if i in have:
                continue
            if cancel is not None and cancel.cancelled:
                return pages, problem, True
            if reader is None:
                read = lambda i=i: pdf.read(i, threads)  # noqa: E731 - the open document, page by page
            else:
                read = lambda i=i: reader.read_pdf_page(path, i, threads)  # noqa: E731
            try:
                page = _attempt(target, i, engine, read)
            except ReadCancelled:
                return pages, problem, True
            _store(profile, page)
            pages += 0 if page.problem else 1
            problem = problem or page.problem
    return pages, problem, False


def _attempt(target: Target, index: int, engine: str, read: Any) -> OcrPage:
    try:
        got: PageRead = read()
    except ReadTimedOut as exc:
        return _failed(target, index, engine, timed_out(target, index, exc.seconds))
    except (UnreadableFile, MemoryError) as exc:
        reason = str(exc) if isinstance(exc, UnreadableFile) else "内存不足，无法识别这一页"
        return _failed(target, index, engine, reason)
    except (OcrUnavailable, ReadCancelled):
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the reading of a case
        log.exception("OCR of %s page %s failed", target.sha256[:12], index)
        return _failed(target, index, engine, f"文字识别出错（{type(exc).__name__}）")
    return OcrPage(
        sha256=target.sha256,
        page=index,
        status=OK if got.lines else EMPTY,
        engine=got.engine,
        width=got.width,
        height=got.height,
        lines=got.lines,
    )


def timed_out(target: Target, index: int, seconds: float) -> str:
    """The reason stored for a page the reading process hung on (and was killed)."""
    page = f"第 {index + 1} 页" if is_pdf(target.media_type) else ""
    return (
        f"识别超时：“{target.name}”{page}超过 {seconds:.0f} 秒仍未识别完，识别程序已重启，"
        "这一页已跳过（可重新识别）"
    )


def _failed(target: Target, index: int, engine: str, reason: str) -> OcrPage:
    return OcrPage(target.sha256, index, FAILED, engine, 0, 0, (), reason)


def _store(profile: Profile, page: OcrPage) -> None:
    """One page, one transaction: what is committed is whole, and stays through a kill."""
    try:
        with profile.session() as s:
            save_page(s, page)
    except IntegrityError:  # the blob was purged meanwhile: nothing to keep
        log.info("OCR result of %s dropped: the file is gone", page.sha256[:12])


@dataclass(frozen=True)
class FileText:
    """What was read of one file of an exhibit (for ``kami ocr show`` and the detail panel)."""

    position: int
    name: str
    sha256: str
    media_type: str
    pages: tuple[OcrPage, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "name": self.name,
            "sha256": self.sha256,
            "media_type": self.media_type,
            "pages": [
                {
                    "page": p.page,
                    "status": p.status,
                    "engine": p.engine,
                    "width": p.width,
                    "height": p.height,
                    "problem": p.problem,
                    "text": p.text,
                    "lines": [
                        {
                            "text": ln.text,
                            "box": [list(pt) for pt in ln.box],
                            "confidence": round(ln.confidence, 4),
                        }
                        for ln in p.lines
                    ],
                }
                for p in self.pages
            ],
        }


def exhibit_text(session: Session, exhibit_id: int) -> list[FileText]:
    """Every file of the exhibit, in its order, with the pages read of it (none when not read yet)."""
    from kami_desktop.core.evidence.exhibits import get_exhibit

    ex = get_exhibit(session, exhibit_id)
    out = []
    for f in sorted(ex.files, key=lambda f: f.position):
        out.append(
            FileText(
                f.position,
                f.original_name,
                f.blob_sha256,
                f.blob.media_type,
                tuple(pages_of_blob(session, f.blob_sha256)),
            )
        )
    return out
