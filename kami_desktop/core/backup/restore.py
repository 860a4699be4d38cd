"""从备份恢复: check every hash into a staging folder, then swap it in; never delete the old data.

Order of work, so that nothing is replaced before everything is known to be good:

1. ``open_backup`` checks the zip's directory and manifest (zip-slip, bombs, unknown members).
2. The backup's database is streamed out (its SHA-256 checked against the manifest) and read as data
   only (``stage_database``): its schema must be exactly what our migrations create for its revision,
   and its rows are copied into a new database our migrations made, then brought to the current schema.
   ``verify_backup`` runs the very same step, so it refuses exactly what a restore would refuse.
3. Every original is streamed into ``.<name>.restore-<id>.part`` next to the target, its SHA-256 checked
   on the way; the staged folder is opened as a profile and verified; problems are reported, each
   marked ``known_at_backup`` when the manifest already declared it. The masked copies (format 3 on) are
   derived, not evidence: each is checked against the manifest, its own name and the ledger's
   ``redact.copy`` entries, and one that fails is left out and named in ``masked_left_out`` (it can be
   made again from the original); it never stops the restore of everything else.
4. Only then: the staged folder is marked ready (``store.interrupted``), an existing non-empty profile is
   renamed to ``<name>.old-<time>`` (with ``force``) and the staged folder renamed into place. A kill
   between the renames is completed by the next opening of the profile; never an empty new profile beside
   the user's data.

Steps 2 and 3 live in ``staging.py``; this module checks the target, decides and swaps.

The whole restore holds the target's write lock, so no other process opens the profile half-swapped.
"""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
import tempfile
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kami_desktop.core.backup.archive import OpenedBackup, copy_member, open_backup
from kami_desktop.core.backup.database import DatabaseFacts
from kami_desktop.core.backup.manifest import BackupError, Manifest, masked_name
from kami_desktop.core.backup.masked import check_copy, recorded_copies
from kami_desktop.core.backup.staging import Meter, stage_backup_database, stage_profile, verify_staged
from kami_desktop.core.profile import DB_NAME, PROFILE_NAMES, WRITE_WAIT
from kami_desktop.core.store.db import DatabaseError
from kami_desktop.core.store.interrupted import aside_name, finish_restore, mark_ready, swap_in
from kami_desktop.core.store.lock import ProfileLock
from kami_desktop.core.store.vault import MODES_MARKER
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.fsutil import fsync_dir, remove_tree, replace_with_retry

log = logging.getLogger(__name__)

SKELETON = set(PROFILE_NAMES)


class RestoreRefused(BackupError):
    """The target already holds evidence and no explicit choice to replace it was made."""


@dataclass
class BackupCheck:
    """What ``verify_backup`` found (counts and ledger read from the database), or what
    ``inspect_backup`` read from the manifest alone (``checked`` is 0)."""

    path: str
    ok: bool
    created_at: str | None = None
    schema_revision: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    ledger_entries: int = 0
    ledger_head: str | None = None
    files: int = 0
    bytes: int = 0
    checked: int = 0
    source_problems: list[dict] = field(default_factory=list)
    ledger_problems: list[str] = field(default_factory=list)
    error: str | None = None
    format_version: int = 0
    masked: int = 0  # masked copies the backup carries (format 3 on)
    masked_bad: list[dict] = field(default_factory=list)  # {name, detail}: copies a restore would leave out

    def to_json(self) -> dict:
        return asdict(self)

    def read_from(self, facts: DatabaseFacts) -> None:
        self.schema_revision = facts.revision
        self.counts = dict(facts.counts)
        self.ledger_entries = facts.ledger_entries
        self.ledger_head = facts.ledger_head
        self.ledger_problems = list(facts.ledger_problems)


@dataclass
class RestoreReport:
    data_dir: str
    moved_aside: str | None
    created_at: str
    schema_revision: str
    migrated_to: str
    counts: dict[str, int]
    ledger_entries: int
    ledger_head: str
    files: int
    verify_ok: bool
    problems: list[dict] = field(default_factory=list)
    format_version: int = 0
    masked_restored: int = 0
    masked_left_out: list[dict] = field(default_factory=list)  # {name, detail}, each copy by name
    notices: list[str] = field(default_factory=list)  # what verify says without alarm (copies not there)
    # copies made again from the ledger's boxes after the swap (core.redact.remake.remake_in, called by
    # the faces: the layer rule keeps backup and redact apart)
    masked_remade: int = 0

    def to_json(self) -> dict:
        return asdict(self)


def _check_from(ob: OpenedBackup, ok: bool = True) -> BackupCheck:
    m: Manifest = ob.manifest
    return BackupCheck(
        path=str(ob.path),
        ok=ok,
        created_at=m.created_at,
        schema_revision=m.schema_revision,
        counts=dict(m.counts),
        ledger_entries=m.ledger_entries,
        ledger_head=m.ledger_head,
        files=len(m.files),
        bytes=m.total_size,
        source_problems=[asdict(p) for p in m.problems],
        format_version=m.format_version,
        masked=len(m.masked),
    )


def inspect_backup(path: Path | str) -> BackupCheck:
    """Quick look (manifest and zip directory only, no hashing): for the restore dialog."""
    with open_backup(path) as ob:
        return _check_from(ob)


def verify_backup(
    path: Path | str, *, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> BackupCheck:
    """Check a backup without restoring it: structure, every hash, and its database read as data exactly
    as a restore would read it (same checks, same refusals); counts and ledger come from that database."""
    try:
        with open_backup(path) as ob:
            check = _check_from(ob)
            meter = Meter(ob.manifest.total_size, progress)
            with tempfile.TemporaryDirectory(prefix="kami-verify-") as tmp:
                facts = stage_backup_database(ob, Path(tmp), meter, cancel)
                recorded = recorded_copies(Path(tmp) / DB_NAME)
            check.read_from(facts)
            check.checked = 1
            for entry in [*ob.manifest.blobs, *filter(None, [ob.manifest.receipts])]:
                copy_member(ob, entry, None, meter, cancel)
                check.checked += 1
            for entry in ob.manifest.masked:
                bad = check_copy(ob, entry, None, recorded, meter, cancel)
                if bad:
                    check.masked_bad.append({"name": masked_name(entry.path), "detail": bad})
                check.checked += 1
            check.ok = not check.masked_bad
            meter.finish()
            return check
    except BackupError as exc:
        return BackupCheck(path=str(path), ok=False, error=str(exc))


def profile_state(data_dir: Path | str) -> str:
    """'missing', 'empty' (nothing but a fresh skeleton) or 'data'."""
    d = Path(data_dir)
    if not d.exists():
        return "missing"
    if not d.is_dir():
        return "data"
    names = {p.name for p in d.iterdir()}
    if not names:
        return "empty"
    if names - SKELETON:
        return "data"
    vault = d / "vault"
    if vault.is_dir() and any(p.name not in (".tmp", ".journal", MODES_MARKER) for p in vault.iterdir()):
        return "data"
    db = d / DB_NAME
    if not db.exists():
        return "empty"
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=2)
        try:
            tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            for t in tables:
                if t != "alembic_version" and not t.startswith("sqlite_"):
                    if con.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() is not None:
                        return "data"
        finally:
            con.close()
    except sqlite3.Error:
        return "data"  # unreadable: treat as precious
    return "empty"


def _ensure_not_in_use(target: Path) -> None:
    db = target / DB_NAME
    if not db.exists():
        return
    try:
        con = sqlite3.connect(db, timeout=0.5)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.rollback()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise BackupError(
            f"数据目录 {target} 正被另一个 kami 程序使用（数据库已锁定），请先关闭它再恢复。"
        ) from exc


def restore_backup(
    path: Path | str,
    data_dir: Path | str,
    *,
    force: bool = False,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> RestoreReport:
    """Restore ``path`` into ``data_dir``. An existing profile with data needs ``force`` and is moved aside."""
    target = Path(data_dir).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = ProfileLock(target)
    try:
        lock.acquire(WRITE_WAIT)  # no other process may open the profile half-swapped
    except DatabaseError as exc:
        raise BackupError(f"{exc}（恢复未开始，原数据不变。）") from exc
    try:
        if lock.fresh:
            finish_restore(target)  # an earlier restore killed mid-way: complete it, drop its leftovers
        return _restore_locked(path, target, force, progress, cancel)
    finally:
        lock.release()


def _restore_locked(
    path: Path | str, target: Path, force: bool, progress: Progress, cancel: CancelToken | None
) -> RestoreReport:
    state = profile_state(target)
    if state == "data" and not force:
        raise RestoreRefused(
            f"数据目录 {target} 中已有证据数据。如确定用备份替换，请明确确认（命令行加 --force）；"
            f"原数据会被移到 {target.name}.old-<时间> 保留，不会删除。"
        )
    if state != "missing":
        _ensure_not_in_use(target)
    with open_backup(path) as ob:
        m = ob.manifest
        free = shutil.disk_usage(target.parent).free
        if free < m.total_size + (1 << 20):
            raise BackupError(
                f"磁盘空间不足：恢复约需 {m.total_size / 1e6:.1f} MB，只剩 {free / 1e6:.1f} MB。"
            )
        staging = target.with_name(f".{target.name}.restore-{uuid.uuid4().hex[:12]}.part")
        moved: Path | None = None
        aside: Path | None = None
        try:
            meter, facts, masked_restored, masked_left_out = stage_profile(ob, staging, progress, cancel)
            revision, verify_ok, problems, notices = verify_staged(staging, m)
            aside = aside_name(target) if state == "data" else None
            mark_ready(staging, aside)  # from here on a kill is completed at the next open, not undone
            if state == "empty":
                remove_tree(target)
            moved = swap_in(staging, target, aside)
        except BaseException as exc:
            remove_tree(staging, ignore_errors=True)
            moved = aside if aside is not None and aside.exists() else None
            if moved is not None and not target.exists():
                try:
                    replace_with_retry(moved, target)
                except OSError as again:
                    raise BackupError(
                        f"恢复未完成，原数据完整保存在 {moved}；请把这个文件夹改名回 {target.name} "
                        f"（{again.strerror or again}）。"
                    ) from exc
            if isinstance(exc, OSError):
                raise _os_error(exc, target) from exc
            raise
        try:  # the swap is done; a failed directory sync only weakens durability
            fsync_dir(target.parent)
        except OSError as exc:
            log.warning("could not fsync %s after a restore: %s", target.parent, exc)
        meter.finish()
    log.info("backup restored into %s (moved aside: %s)", target, moved)
    return RestoreReport(
        data_dir=str(target),
        moved_aside=str(moved) if moved else None,
        created_at=m.created_at,
        schema_revision=m.schema_revision,
        migrated_to=revision,
        counts=dict(facts.counts),
        ledger_entries=facts.ledger_entries,
        ledger_head=facts.ledger_head,
        files=len(m.files),
        verify_ok=verify_ok,
        problems=problems,
        format_version=m.format_version,
        masked_restored=masked_restored,
        masked_left_out=masked_left_out,
        notices=notices,
    )


def _os_error(exc: OSError, target: Path) -> BackupError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return BackupError(f"磁盘空间不足，恢复未完成；{target} 保持原样。")
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EBUSY):
        return BackupError(
            f"无法替换 {target}：文件正被使用或没有权限（请关闭 kami 程序后重试）。原数据保持原样。"
        )
    return BackupError(f"恢复未完成：{exc.filename or target}（{exc.strerror or exc}）。原数据保持原样。")
