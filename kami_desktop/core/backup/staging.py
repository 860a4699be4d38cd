"""The staged folder of a restore: every member of the backup streamed out and hash-checked into a new
private folder beside the target, then opened as a profile and verified; nothing here touches the
target. ``verify_backup`` reads the database through the same ``stage_backup_database``, so a verify
refuses exactly what a restore would refuse.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any, BinaryIO

from kami_desktop.core.backup.archive import OpenedBackup, copy_member
from kami_desktop.core.backup.database import DatabaseFacts, stage_database
from kami_desktop.core.backup.manifest import BackupError, Manifest
from kami_desktop.core.backup.masked import stage_copies
from kami_desktop.core.evidence.anchors import RECEIPTS, receipt_line
from kami_desktop.core.profile import DB_NAME, Profile
from kami_desktop.core.store.db import DatabaseError
from kami_desktop.core.tasks import CancelToken, Progress
from kami_desktop.core.util.fsutil import fsync_dir, make_private_dir


class Meter:
    """Progress in KiB over the bytes a restore writes; ``finish`` reports the end."""

    def __init__(self, total: int, progress: Progress) -> None:
        self.total = max(1, (total + 1023) // 1024)
        self.done = 0
        self.progress = progress
        progress(0, self.total, "")

    def __call__(self, n: int) -> None:
        self.done += n
        self.progress(min(self.total, self.done // 1024), self.total, "")

    def finish(self) -> None:
        self.progress(self.total, self.total, "完成")


def stage_backup_database(
    ob: OpenedBackup, folder: Path, meter: Callable[[int], None], cancel: CancelToken | None
) -> DatabaseFacts:
    """Stream the backup's database out (hash checked), then copy its rows into ``folder/kami.sqlite3``."""
    raw = folder / f".backup-{DB_NAME}"
    try:
        with create_private(raw, 0o600) as fh:
            copy_member(ob, ob.manifest.db, fh, meter, cancel)
        return stage_database(raw, folder / DB_NAME, ob.manifest, ob.path.name, cancel)
    finally:
        with contextlib.suppress(OSError):
            raw.unlink()


def stage_profile(
    ob: OpenedBackup, staging: Path, progress: Progress, cancel: CancelToken | None
) -> tuple[Meter, DatabaseFacts, int, list[dict]]:
    meter = Meter(ob.manifest.total_size, progress)
    make_private_dir(staging)
    make_private_dir(staging / "vault")
    facts = stage_backup_database(ob, staging, meter, cancel)
    receipts = ob.manifest.receipts
    with create_private(staging / RECEIPTS, 0o600) as fh:
        if receipts is not None:  # the receipts the backed-up profile held, hash-checked
            copy_member(ob, receipts, fh, meter, cancel)
        # and the head this backup itself handed out, as the backed-up profile recorded after writing it
        fh.write(receipt_line("backup", ob.manifest.ledger_entries, ob.manifest.ledger_head, ob.path.name))
    for entry in ob.manifest.blobs:
        dest = staging / entry.path
        make_private_dir(dest.parent.parent)
        make_private_dir(dest.parent)
        with create_private(dest, 0o600) as fh:
            copy_member(ob, entry, fh, meter, cancel)
        os.chmod(dest, stat.S_IRUSR)
    restored, left_out = stage_copies(ob, staging, meter, cancel)
    fsync_dir(staging)
    return meter, facts, restored, left_out


@contextlib.contextmanager
def create_private(path: Path, mode: int) -> Iterator[BinaryIO]:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    with os.fdopen(fd, "wb") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


def verify_staged(staging: Path, m: Manifest) -> tuple[str, bool, list[dict[str, Any]], list[str]]:
    """Open (and migrate) the staged profile and verify it; problems are reported, not hidden."""
    from kami_desktop.core.evidence.verify import verify
    from kami_desktop.core.store.db import current_revision

    try:
        prof = Profile.open(staging)
    except DatabaseError as exc:
        raise BackupError(f"备份中的数据库无法打开：{exc}") from exc
    try:
        revision = current_revision(prof.engine) or ""
        report = verify(prof)
    finally:
        prof.close()
    declared = {(p.kind, p.sha256) for p in m.problems}
    ledger_declared = any(p.kind == "ledger_broken" for p in m.problems)
    problems: list[dict[str, Any]] = []
    for p in report.problems:
        d = asdict(p)
        d["known_at_backup"] = (p.kind, p.sha256) in declared or (
            p.kind == "ledger_broken" and ledger_declared
        )
        problems.append(d)
    return revision, report.ok, problems, list(report.notices)
