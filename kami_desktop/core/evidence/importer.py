"""Import files and folders into a case: one Qt-free task with progress and cancel.

What it reports (``ImportReport`` and its items and failures) lives in ``import_report``; the names are
imported here too, so callers keep importing them from this module.

Files are streamed once into the vault (SHA-256 and SM3 in the same pass) on two worker threads
(hashlib releases the GIL), while this thread commits each result: blob row, exhibit, file row
and ledger entry in one transaction. One bad file never loses the good ones.
"""

from __future__ import annotations

import errno
import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.chats.voice import VOICE_TYPES
from kami_desktop.core.evidence.exhibits import get_exhibit, next_position
from kami_desktop.core.evidence.import_report import (
    CLIPBOARD_SOURCE,
    CommitHook,
    ImportedItem,
    ImportFailure,
    ImportInputError,
    ImportReport,
    database_trouble,
    failure_reason,
    time_from_name,
)
from kami_desktop.core.evidence.sniff import (
    image_facts,
    media_type,
    pdf_problem,
    video_problem,
    voice_problem,
)
from kami_desktop.core.evidence.walk import collect, open_regular
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Blob, Case, Exhibit, ExhibitFile
from kami_desktop.core.store.vault import StoreCancelled, Stored
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.timeutil import from_timestamp, now
from kami_desktop.core.vocab import category_code


@dataclass
class _Prepared:
    path: Path
    stored: Stored
    mime: str
    mtime: datetime | None
    width: int | None
    height: int | None
    exif_time: datetime | None
    problem: str


# ----------------------------------------------------------------------------- collecting
def collect_files(paths: list[Path | str]) -> tuple[list[Path], list[ImportFailure]]:
    """Expand folders recursively, never out of the chosen folder; keep explicit files as given."""
    found = collect(paths)
    return found.files, [ImportFailure(path, reason) for path, reason in found.skipped]


# ----------------------------------------------------------------------------- the task
def import_paths(
    profile: Profile,
    case_id: int,
    paths: list[Path | str],
    *,
    category: str | None = None,
    exhibit_id: int | None = None,
    source: str = "",
    captured_at: datetime | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    workers: int = 2,
    record_origin: bool = True,
) -> ImportReport:
    """``record_origin=False``: the files are stand-ins (a paste written to a temp file), so neither their
    path nor their modification time is recorded."""
    cat = category_code(category) if category else None
    with profile.session() as s:
        _check_target(s, case_id, exhibit_id)
    found = collect(paths)
    files = found.files
    report = ImportReport(errors=[ImportFailure(path, reason) for path, reason in found.skipped])
    total = len(files)
    progress(0, total, "")
    is_cancelled = cancel if cancel is not None else (lambda: False)

    def prepare(path: Path) -> _Prepared:
        fd, st = open_regular(path, found.identity.get(path))  # never blocks, never a swapped-in pipe or link
        with os.fdopen(fd, "rb") as fh:
            if st.st_size == 0:
                raise _Empty()
            stored = profile.vault.store_stream(fh, cancel=is_cancelled)
        return _describe(profile, path, stored, from_timestamp(st.st_mtime))

    done = 0
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="kami-import") as pool:
        queue: deque[tuple[Path, Future]] = deque()
        it = iter(files)
        stop = False

        def refill() -> None:
            while not stop and len(queue) < workers * 2:
                nxt = next(it, None)
                if nxt is None:
                    return
                queue.append((nxt, pool.submit(prepare, nxt)))

        refill()
        while queue:
            path, fut = queue.popleft()
            try:
                prep = fut.result()
            except StoreCancelled:
                report.cancelled = True
                prep = None
            except _Empty:
                report.errors.append(ImportFailure(str(path), "文件为空（0 字节），未导入"))
                prep = None
            except Exception as exc:  # one bad file never stops the batch
                report.errors.append(ImportFailure(str(path), failure_reason(exc)))
                if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
                    stop = True
                    report.cancelled = True
                prep = None
            if prep is not None:
                if report.cancelled and prep.stored.new:
                    # cancelled while this one was in flight: undo it
                    _discard(profile, prep.stored.sha256)
                else:
                    try:
                        item = _commit(
                            profile, case_id, exhibit_id, prep, cat, source, captured_at, record_origin
                        )
                        report.imported.append(item)
                    except Exception as exc:
                        if prep.stored.new:
                            _discard(profile, prep.stored.sha256)
                        report.errors.append(ImportFailure(str(path), failure_reason(exc)))
                        if database_trouble(exc) is not None:  # the next files would fail the same way
                            stop = True
                            report.cancelled = True
            done += 1
            progress(done, total, path.name)
            if is_cancelled():
                report.cancelled = True
                stop = True
            if not stop:
                refill()
    return report


class _Empty(Exception):
    pass


def _describe(profile: Profile, path: Path, stored: Stored, mtime: datetime | None) -> _Prepared:
    """What the stored bytes are (media type, image size and time, a PDF's problem); a blob that came
    with them is discarded again when this fails."""
    try:
        mime = media_type(stored.head)
        facts = image_facts(profile.vault.path_for(stored.sha256), mime)
        if mime == "application/pdf":
            facts.problem = pdf_problem(profile.vault.path_for(stored.sha256))
        if mime in VOICE_TYPES:
            facts.problem = voice_problem(profile.vault.path_for(stored.sha256), path.name)
        if mime.startswith("video/"):
            facts.problem = video_problem(profile.vault.path_for(stored.sha256), path.name)
    except BaseException:
        if stored.new:
            _discard(profile, stored.sha256)
        raise
    return _Prepared(path, stored, mime, mtime, facts.width, facts.height, facts.exif_time, facts.problem)


def import_data(
    profile: Profile,
    case_id: int,
    path: Path,
    data: bytes,
    *,
    category: str | None = None,
    source: str = "",
    captured_at: datetime | None = None,
    on_commit: CommitHook | None = None,
) -> ImportReport:
    """Import ``data``, the bytes already read from ``path``, as that file: its name, path and modification
    time are recorded, and the vault keeps exactly ``data`` (what was parsed is what is stored).

    ``on_commit(session, item, exhibit_created)`` runs inside the transaction that stores the file, so
    whatever it adds (a bill's rows, a chat's messages) commits with the exhibit or not at all. A failure
    to store is reported as by :func:`import_paths`, a blob that came with it removed again; an exception
    from ``on_commit`` that is not a database problem is raised after that, as it was.
    """
    cat = category_code(category) if category else None
    with profile.session() as s:
        _check_target(s, case_id, None)
    report = ImportReport()
    if not data:
        report.errors.append(ImportFailure(str(path), "文件为空（0 字节），未导入"))
        return report
    try:
        mtime = from_timestamp(os.stat(path).st_mtime)
    except OSError:
        mtime = None
    try:
        prep = _describe(profile, path, profile.vault.store_bytes(data), mtime)
    except Exception as exc:
        report.errors.append(ImportFailure(str(path), failure_reason(exc)))
        return report
    try:
        report.imported.append(
            _commit(profile, case_id, None, prep, cat, source, captured_at, True, on_commit)
        )
    except Exception as exc:
        if prep.stored.new:
            _discard(profile, prep.stored.sha256)
        if database_trouble(exc) is None:
            raise
        report.errors.append(ImportFailure(str(path), failure_reason(exc)))
    return report


def _discard(profile: Profile, sha: str) -> None:
    with profile.session() as s:
        if s.get(Blob, sha) is None:
            profile.vault.remove_blob(sha)
    profile.vault.unmark(sha, "import")


def _check_target(s: Session, case_id: int, exhibit_id: int | None) -> None:
    case = s.get(Case, case_id)
    if case is None:
        raise ImportInputError(f"案件 {case_id} 不存在")
    if exhibit_id is not None:
        ex = s.get(Exhibit, exhibit_id)
        if ex is None or ex.case_id != case_id:
            raise ImportInputError(f"证据 {exhibit_id} 不存在或不属于案件 {case_id}")
        if ex.trashed_at is not None:
            raise ImportInputError(f"证据 {exhibit_id} 在回收站中，请先恢复")


def _shown(text: str) -> str:
    """File names may carry bytes that are not text (lone surrogates); the database and ledger need text."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def _commit(
    profile: Profile,
    case_id: int,
    exhibit_id: int | None,
    prep: _Prepared,
    cat: str | None,
    source: str,
    captured_at: datetime | None,
    record_origin: bool = True,
    on_commit: CommitHook | None = None,
) -> ImportedItem:
    """Blob row, exhibit (or the exhibit already holding the bytes), file row, ledger entry and whatever
    ``on_commit`` adds: one transaction."""
    st = prep.stored
    if not record_origin:
        prep = replace(prep, mtime=None)
    shown = _shown(str(prep.path))
    if shown != str(prep.path):
        note = "文件名含有无法识别的字符，已用 \ufffd 代替（文件内容不受影响）"
        prep = replace(prep, path=Path(shown), problem="；".join(x for x in (prep.problem, note) if x))
    with profile.session() as s:
        blob = s.get(Blob, st.sha256)
        duplicate = blob is not None
        stamp = now()
        if blob is None:
            blob = Blob(sha256=st.sha256, sm3=st.sm3, size=st.size, media_type=prep.mime, first_seen=stamp)
            s.add(blob)
        holder = _existing_holder(s, case_id, exhibit_id, st.sha256)
        if holder is not None:
            ex_id, file_id = holder
            item = ImportedItem(
                ex_id,
                file_id,
                st.sha256,
                blob.sm3,
                blob.size,
                blob.media_type,
                prep.path.name,
                True,
                str(prep.path) if record_origin else "",
                prep.problem,
                already_in_case=True,
            )
            ledger.append(
                s,
                "import.duplicate",
                {"sha256": st.sha256, "original_name": prep.path.name, "exhibit_id": ex_id},
                case_id=case_id,
                exhibit_id=ex_id,
            )
        else:
            if exhibit_id is None:
                ex = Exhibit(
                    case_id=case_id,
                    title=Path(prep.path.name).stem[:300] or prep.path.name,
                    category=cat or "other",
                    purpose="",
                    source=source,
                    captured_at=captured_at or prep.exif_time or time_from_name(prep.path.name) or prep.mtime,
                    position=next_position(s, case_id),
                    notes="",
                    tags=[],
                    created_at=stamp,
                    updated_at=stamp,
                )
                s.add(ex)
                s.flush()
                file_pos = 1
            else:
                ex = get_exhibit(s, exhibit_id)
                file_pos = len(ex.files) + 1
                ex.updated_at = stamp
            ef = ExhibitFile(
                exhibit_id=ex.id,
                blob_sha256=st.sha256,
                position=file_pos,
                original_name=prep.path.name[:500],
                original_path=str(prep.path) if record_origin else "",
                file_mtime=prep.mtime,
                exif_time=prep.exif_time,
                imported_at=stamp,
                width=prep.width,
                height=prep.height,
                problem=prep.problem,
            )
            s.add(ef)
            s.flush()
            record_import(s, blob, ex, ef, duplicate=duplicate, new_exhibit=exhibit_id is None)
            item = ImportedItem(
                ex.id,
                ef.id,
                st.sha256,
                st.sm3,
                st.size,
                blob.media_type,
                prep.path.name,
                duplicate,
                str(prep.path) if record_origin else "",
                prep.problem,
                trashed_exhibit_id=_trashed_holder(s, case_id, st.sha256) if exhibit_id is None else None,
            )
        if on_commit is not None:
            on_commit(s, item, holder is None and exhibit_id is None)
    profile.vault.unmark(st.sha256, "import")
    return item


def record_import(
    s: Session, blob: Blob, ex: Exhibit, ef: ExhibitFile, *, duplicate: bool, new_exhibit: bool
) -> None:
    """The ``import`` ledger entry of one stored file: its hashes and times as stored, and — when the file
    made a new exhibit — that exhibit's fields, which the replay (``evidence.replay``) rebuilds from it."""
    payload = {
        "sha256": blob.sha256,
        "sm3": blob.sm3,
        "size": blob.size,
        "media_type": blob.media_type,
        "original_name": ef.original_name,
        "file_id": ef.id,
        "duplicate": duplicate,
        "captured_at": ex.captured_at,
        "problem": ef.problem,
        "file_mtime": ef.file_mtime,
        "exif_time": ef.exif_time,
        "imported_at": ef.imported_at,
    }
    if new_exhibit:
        payload |= {
            "title": ex.title,
            "category": ex.category,
            "purpose": ex.purpose,
            "source": ex.source,
            "notes": ex.notes,
            "tags": list(ex.tags),
        }
    ledger.append(s, "import", payload, case_id=ex.case_id, exhibit_id=ex.id)


def _existing_holder(s: Session, case_id: int, exhibit_id: int | None, sha: str) -> tuple[int, int] | None:
    q = (
        select(Exhibit.id, ExhibitFile.id)
        .join(ExhibitFile, ExhibitFile.exhibit_id == Exhibit.id)
        .where(ExhibitFile.blob_sha256 == sha, Exhibit.trashed_at.is_(None))
    )
    q = q.where(Exhibit.id == exhibit_id) if exhibit_id is not None else q.where(Exhibit.case_id == case_id)
    row = s.execute(q.limit(1)).first()
    return (row[0], row[1]) if row else None


def _trashed_holder(s: Session, case_id: int, sha: str) -> int | None:
    """The exhibit in the case's 回收站 that holds these bytes, if any (the file was dropped again)."""
    q = (
        select(Exhibit.id)
        .join(ExhibitFile, ExhibitFile.exhibit_id == Exhibit.id)
        .where(ExhibitFile.blob_sha256 == sha, Exhibit.case_id == case_id, Exhibit.trashed_at.is_not(None))
        .order_by(Exhibit.trashed_at.desc())
    )
    return s.execute(q.limit(1)).scalar()


def import_bytes(
    profile: Profile,
    case_id: int,
    data: bytes,
    name: str,
    *,
    source: str = CLIPBOARD_SOURCE,
    captured_at: datetime | None = None,
    category: str | None = None,
    exhibit_id: int | None = None,
) -> ImportReport:
    """Import in-memory bytes (a pasted screenshot) as if it were a file called ``name``."""
    import tempfile

    if not data:
        return ImportReport(errors=[ImportFailure(name, "内容为空，未导入")])
    with tempfile.TemporaryDirectory(dir=profile.vault.tmp) as tmpdir:
        p = Path(tmpdir) / name
        p.write_bytes(data)
        return import_paths(
            profile,
            case_id,
            [p],
            category=category,
            exhibit_id=exhibit_id,
            source=source,
            captured_at=captured_at or now(),
            workers=1,
            record_origin=False,
        )
