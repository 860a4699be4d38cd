"""The masked copies (打码副本, core.redact) in a backup: derived files, carried and checked one by one.

At backup, each copy the snapshot records is hashed first and carried only when it is the copy its
``redact.copy`` entry recorded (else it is named among the manifest's problems). At restore (and
``verify_backup``), each ``masked/<sha256>.<ext>`` member must be recorded by the ledger of the backup's
own database, listed under the hash its name states, and have that hash; one that fails is named and
left out, and never stops the rest of the restore: the copy can be made again from the original.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kami_desktop.core.backup.archive import OpenedBackup, copy_member
from kami_desktop.core.backup.manifest import BackupError, FileEntry, SourceProblem, masked_name, masked_sha
from kami_desktop.core.profile import DB_NAME, Profile
from kami_desktop.core.tasks import CancelToken
from kami_desktop.core.util.fsutil import fsync_dir, make_private_dir
from kami_desktop.core.util.hashing import sha256_file

log = logging.getLogger(__name__)


def masked_rows(snapshot: Path) -> list[tuple[str, str]]:
    """(file name, copy SHA-256) of every masked copy the snapshot records, once each."""
    con = sqlite3.connect(snapshot)
    try:
        if not con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='masked_copies'"
        ).fetchone():
            return []
        rows = con.execute(
            "SELECT file_name, copy_sha256 FROM masked_copies GROUP BY file_name ORDER BY file_name"
        ).fetchall()
    finally:
        con.close()
    return [(Path(str(name)).name, str(sha)) for name, sha in rows]


def masked_files(profile: Profile, snapshot: Path) -> tuple[list[tuple[str, Path, int]], list[SourceProblem]]:
    """The masked copies to carry, each hashed first: a file that is not the recorded copy stays out."""
    keep: list[tuple[str, Path, int]] = []
    problems: list[SourceProblem] = []
    for name, sha in masked_rows(snapshot):
        path = profile.masked_dir / name
        if not path.is_file():  # derived, made again at will: its absence is no damage
            continue
        try:
            digest, size = sha256_file(path)
        except OSError as exc:
            problems.append(
                SourceProblem(
                    "copy_mismatch", sha, f"打码副本 {name} 无法读取（{exc.strerror or exc}），未备份"
                )
            )
            continue
        if digest != sha or name.split(".")[0] != sha:
            problems.append(
                SourceProblem(
                    "copy_mismatch", sha, f"打码副本 {name} 与制作时登记的 SHA-256 不符（已被改动），未备份"
                )
            )
            continue
        keep.append((name, path, size))
    return keep, problems


def recorded_copies(db: Path) -> set[str]:
    """The copy SHA-256s the ledger of the database at ``db`` records making (``redact.copy``)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        payloads = con.execute("SELECT payload FROM ledger WHERE action = 'redact.copy'").fetchall()
    finally:
        con.close()
    out = set()
    for (payload,) in payloads:
        with contextlib.suppress(ValueError, AttributeError):
            sha = json.loads(payload).get("copy_sha256")
            if isinstance(sha, str):
                out.add(sha)
    return out


def check_copy(
    ob: OpenedBackup,
    entry: FileEntry,
    out: BinaryIO | None,
    recorded: set[str],
    meter: Callable[[int], None],
    cancel: CancelToken | None,
) -> str:
    """Check (and copy to ``out``) one masked copy; '' when it is good, else why it is left out."""
    stated = masked_sha(entry.path)
    if stated not in recorded:
        return "存证日志中没有这个打码副本的制作记录，未恢复"
    if entry.sha256 != stated:
        return "清单中的 SHA-256 与存证日志登记的副本不符（备份被改动过），未恢复"
    if entry.path not in ob.infos:
        return "清单中列出的这个打码副本不在备份文件里，未恢复"
    try:
        copy_member(ob, entry, out, meter, cancel)
    except BackupError as exc:
        log.warning("masked copy %s in %s: %s", entry.path, ob.path.name, exc)
        return "内容与清单登记的 SHA-256 不符或已损坏，未恢复（原件不受影响，可重新制作这个副本）"
    return ""


def stage_copies(
    ob: OpenedBackup, staging: Path, meter: Callable[[int], None], cancel: CancelToken | None
) -> tuple[int, list[dict]]:
    """Put the masked copies back, each checked; a bad one is named, left out, and the rest go on."""
    entries = ob.manifest.masked
    if not entries:
        return 0, []
    recorded = recorded_copies(staging / DB_NAME)
    folder = staging / "masked"
    make_private_dir(folder)
    restored, left_out = 0, []
    for entry in entries:
        name = masked_name(entry.path) or ""
        part = folder / f".{name}.part"
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            bad = check_copy(ob, entry, fh, recorded, meter, cancel)
            fh.flush()
            os.fsync(fh.fileno())
        if bad:
            part.unlink()
            left_out.append({"name": name, "detail": bad})
            log.warning("masked copy %s left out of the restore: %s", name, bad)
            continue
        os.replace(part, folder / name)
        restored += 1
    fsync_dir(folder)
    return restored, left_out
