"""Import files and folders into a case: one Qt-free task with progress and cancel.

What it reports (``ImportReport`` and its items and failures) lives in ``import_report``; the names are
imported here too, so callers keep importing them from this module.

Files are streamed once into the vault (SHA-256 and SM3 in the same pass) on two worker threads
(hashlib releases the GIL), while this thread commits each result: blob row, exhibit, file row
and ledger entry in one transaction (``import_commit.commit_file``). One bad file never loses the good ones.
"""

from __future__ import annotations

import errno
import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from kami_desktop.core.chats.voice import VOICE_TYPES
from kami_desktop.core.evidence.import_commit import Prepared, check_target, commit_file, discard
from kami_desktop.core.evidence.import_commit import record_import as record_import  # re-exported
from kami_desktop.core.evidence.import_report import (
    CLIPBOARD_SOURCE,
    CommitHook,
    ImportFailure,
    ImportReport,
    database_trouble,
    failure_reason,
)
from kami_desktop.core.evidence.import_report import ImportedItem as ImportedItem  # re-exported
from kami_desktop.core.evidence.import_report import ImportInputError as ImportInputError  # re-exported
from kami_desktop.core.evidence.import_report import time_from_name as time_from_name  # re-exported
from kami_desktop.core.evidence.sniff import (
    image_facts,
    media_type,
    pdf_problem,
    video_facts,
    voice_problem,
)
from kami_desktop.core.evidence.walk import collect, open_regular
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.vault import StoreCancelled, Stored
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.timeutil import from_timestamp, now
from kami_desktop.core.vocab import category_code


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
        check_target(s, case_id, exhibit_id)
    found = collect(paths)
    files = found.files
    report = ImportReport(errors=[ImportFailure(path, reason) for path, reason in found.skipped])
    total = len(files)
    progress(0, total, "")
    is_cancelled = cancel if cancel is not None else (lambda: False)

    def prepare(path: Path) -> Prepared:
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
                    discard(profile, prep.stored.sha256)
                else:
                    try:
                        item = commit_file(
                            profile, case_id, exhibit_id, prep, cat, source, captured_at, record_origin
                        )
                        report.imported.append(item)
                    except Exception as exc:
                        if prep.stored.new:
                            discard(profile, prep.stored.sha256)
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


def _describe(profile: Profile, path: Path, stored: Stored, mtime: datetime | None) -> Prepared:
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
            facts.problem, facts.exif_time = video_facts(
                profile.vault.path_for(stored.sha256), path.name, profile.cache_dir, stored.sha256
            )
    except BaseException:
        if stored.new:
            discard(profile, stored.sha256)
        raise
    return Prepared(path, stored, mime, mtime, facts.width, facts.height, facts.exif_time, facts.problem)


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
        check_target(s, case_id, None)
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
            commit_file(profile, case_id, None, prep, cat, source, captured_at, True, on_commit)
        )
    except Exception as exc:
        if prep.stored.new:
            discard(profile, prep.stored.sha256)
        if database_trouble(exc) is None:
            raise
        report.errors.append(ImportFailure(str(path), failure_reason(exc)))
    return report


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
