"""备份: one zip with a consistent database snapshot, the vault, the masked copies and a manifest of hashes.

The database is copied with SQLite's online backup API in one step (a single read transaction, so
the copy is consistent even while the app is writing), compacted and checked. Blobs are streamed
into the zip and re-hashed on the way, so the backup also checks the vault. The masked copies
(``masked/``, core.redact) the snapshot records go in too, each hashed first: a copy whose file is not
the one recorded is left out and named in the manifest's problems. The zip is written to
``OUT.zip.part`` and renamed to ``OUT.zip`` only when complete and fsynced.

The profile itself is only read: no ledger entry is written, so a backup works next to a busy app.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
import sqlite3
import time
import uuid
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from kami_desktop import __version__
from kami_desktop.core.backup.manifest import (
    DB_MEMBER,
    MANIFEST_MEMBER,
    README_MEMBER,
    RECEIPTS_MEMBER,
    SHA_LIST_MEMBER,
    BackupError,
    FileEntry,
    Manifest,
    SourceProblem,
    masked_member,
    render_manifest,
    render_sha_list,
    vault_member,
)
from kami_desktop.core.backup.masked import masked_files
from kami_desktop.core.evidence.anchors import RECEIPTS, keep_receipt
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.tasks import Cancelled, CancelToken, Progress, no_progress
from kami_desktop.core.util.fsutil import fsync_dir, make_private_dir, remove_tree, replace_with_retry
from kami_desktop.core.util.timeutil import now

log = logging.getLogger(__name__)

CHUNK = 1 << 20
DEFLATE_MAX = (
    1 << 20
)  # larger blobs are stored as-is, so restore's ratio guard never trips on our own backups
STALE_WORK_SECONDS = 6 * 3600
COMPRESSED_TYPES = (
    "image/",
    "video/",
    "audio/",
    "application/zip",
    "application/pdf",
    "application/x-rar",
    "application/x-7z",
    "application/gzip",
    "application/vnd.openxmlformats",
)
COUNT_TABLES = {
    "cases": "cases",
    "parties": "parties",
    "exhibits": "exhibits",
    "files": "exhibit_files",
    "blobs": "blobs",
    "ledger": "ledger",
}

README_TEXT = """kami 证据库备份 / kami evidence backup

本文件由“卡盟维权助手”生成，包含数据库（kami.sqlite3）、原始证据文件（vault/）、
打码副本（masked/，上传投诉平台用的遮盖了个人信息的图片）和哈希清单。
恢复：在程序中选择“从备份恢复”，或运行 kami backup restore 本文件.zip。恢复前会逐一核对哈希。
不用本程序核对：解压后在 Windows 命令行运行 certutil -hashfile <文件> SHA256，
与 manifest-sha256.txt 中的值比较（在 Linux/macOS 上可用 sha256sum -c manifest-sha256.txt）。
请妥善保管：备份中有您的全部证据和个人信息。

Restore with "Restore from backup" in the app or `kami backup restore FILE.zip`; every hash is
checked first. To check by hand, compare `certutil -hashfile FILE SHA256` (or `sha256sum -c
manifest-sha256.txt`) with manifest-sha256.txt.
"""


@dataclass
class BackupReport:
    path: str
    size: int
    created_at: str
    schema_revision: str
    counts: dict[str, int]
    ledger_entries: int
    ledger_head: str
    files: int
    bytes: int
    problems: list[SourceProblem] = field(default_factory=list)
    masked: int = 0  # masked copies carried (masked/)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        d = asdict(self)
        d["ok"] = self.ok
        return d


class _Meter:
    """Counts bytes, reports progress in KiB (fits a Qt int up to 2 TiB), polls the cancel flag."""

    def __init__(self, total_bytes: int, progress: Progress, cancel: CancelToken | None) -> None:
        self.total = max(1, (total_bytes + 1023) // 1024)
        self.done_bytes = 0
        self.progress = progress
        self.cancel = cancel
        self.label = ""

    def add(self, n: int) -> None:
        self.done_bytes += n
        self.progress(min(self.total, self.done_bytes // 1024), self.total, self.label)
        if self.cancel is not None and self.cancel():
            raise Cancelled()


def _snapshot(db_path: Path, dest: Path, lock_timeout: float) -> None:
    """Consistent copy of the live database (backup API, one step), compacted and checked."""
    src = sqlite3.connect(db_path, timeout=lock_timeout)
    started = time.monotonic()

    def give_up_when_locked(status: int, remaining: int, total: int) -> None:
        # Python's backup() retries BUSY/LOCKED forever; stop after lock_timeout like any other access
        if (
            status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
            and time.monotonic() - started > lock_timeout
        ):
            raise sqlite3.OperationalError("database is locked")

    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst, progress=give_up_when_locked, sleep=0.05)
            dst.execute("PRAGMA journal_mode=DELETE")
            dst.execute("VACUUM")  # drops free pages: smaller, and no deleted rows left in the copy
            check = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if check != "ok":
        raise BackupError(f"数据库自检未通过（{check}），请先运行“校验”并联系支持，备份未生成。")


def _facts(
    snapshot: Path,
) -> tuple[str, dict[str, int], list[tuple[str, int, str]], int, str, list[ledger.ChainProblem]]:
    con = sqlite3.connect(snapshot)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        counts = {
            k: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for k, t in COUNT_TABLES.items()
            if t in tables
        }
        blobs: list[tuple[str, int, str]] = con.execute(
            "SELECT sha256, size, media_type FROM blobs ORDER BY sha256"
        ).fetchall()
    finally:
        con.close()
    engine = create_engine(f"sqlite:///{snapshot}")
    try:
        with Session(engine) as s:
            entries, chain = ledger.verify_chain(s)
            head = ledger.head_hash(s)
    finally:
        engine.dispose()
    return revision, counts, blobs, entries, head, chain


def _clean_stale(work_root: Path) -> None:
    if not work_root.is_dir():
        return
    for d in work_root.iterdir():
        with contextlib.suppress(OSError):
            if time.time() - d.stat().st_mtime > STALE_WORK_SECONDS:
                remove_tree(d, ignore_errors=True)


def _member(name: str, deflate: bool) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=now().timetuple()[:6])
    zi.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    zi.external_attr = 0o600 << 16
    return zi


def _stream(zf: zipfile.ZipFile, zi: zipfile.ZipInfo, src: Path, meter: _Meter) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    big = src.stat().st_size >= (1 << 31)
    with open(src, "rb") as fh, zf.open(zi, "w", force_zip64=big) as out:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
            out.write(chunk)
            size += len(chunk)
            meter.add(len(chunk))
    return h.hexdigest(), size


def create_backup(
    profile: Profile,
    out: Path | str,
    *,
    overwrite: bool = False,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    lock_timeout: float = 10.0,
) -> BackupReport:
    """Write a complete backup of ``profile`` to ``out`` (a .zip). Progress is reported in KiB."""
    out = Path(out).absolute()
    data_dir = profile.data_dir.absolute()
    if out.is_relative_to(data_dir):
        raise BackupError("请把备份保存到数据目录之外（最好是 U 盘或另一块硬盘）。")
    if not out.parent.is_dir():
        raise BackupError(f"文件夹 {out.parent} 不存在。")
    if out.exists() and not overwrite:
        raise BackupError(f"{out} 已存在。请换一个文件名，或确认覆盖（命令行加 --force）。")
    part = out.with_name(out.name + ".part")
    work_root = profile.cache_dir / "backup-tmp"
    _clean_stale(work_root)
    work = work_root / uuid.uuid4().hex
    try:
        make_private_dir(work)
        snap = work / DB_MEMBER
        progress(0, 0, "数据库快照")
        try:
            _snapshot(profile.db_path, snap, lock_timeout)
        except sqlite3.Error as exc:
            from kami_desktop.core.store.db import explain

            if "full" in str(exc):
                raise BackupError("磁盘空间不足，无法生成数据库快照，备份未生成。") from exc
            raise BackupError(explain(exc, profile.db_path)) from exc
        revision, counts, blobs, entries, head, chain = _facts(snap)
        problems = [SourceProblem("ledger_broken", None, c.detail) for c in chain]
        masked, masked_problems = masked_files(profile, snap)
        problems += masked_problems
        total = snap.stat().st_size + sum(b[1] for b in blobs) + sum(m[2] for m in masked)
        free = shutil.disk_usage(out.parent).free
        if free < total + (1 << 20):
            raise BackupError(
                f"磁盘空间不足：备份约需 {total / 1e6:.1f} MB，{out.parent} 只剩 {free / 1e6:.1f} MB。"
            )
        meter = _Meter(total, progress, cancel)
        files: list[FileEntry] = []
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        with contextlib.suppress(OSError):
            os.chmod(part, 0o600)
        with os.fdopen(fd, "wb") as fh:
            with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
                meter.label = "数据库"
                sha, size = _stream(zf, _member(DB_MEMBER, True), snap, meter)
                files.append(FileEntry(DB_MEMBER, sha, size))
                receipts = data_dir / RECEIPTS
                if receipts.is_file():  # the heads handed out so far travel with the evidence
                    sha, size = _stream(zf, _member(RECEIPTS_MEMBER, True), receipts, meter)
                    files.append(FileEntry(RECEIPTS_MEMBER, sha, size))
                for blob_sha, blob_size, media in blobs:
                    meter.label = blob_sha[:12]
                    path = profile.vault.path_for(blob_sha)
                    if not path.is_file():
                        problems.append(
                            SourceProblem("missing", blob_sha, "证据库中找不到这个原始文件，备份中也没有它")
                        )
                        meter.add(blob_size)
                        continue
                    deflate = blob_size <= DEFLATE_MAX and not str(media).startswith(COMPRESSED_TYPES)
                    sha, size = _stream(zf, _member(vault_member(blob_sha), deflate), path, meter)
                    if size != blob_size:
                        problems.append(
                            SourceProblem(
                                "size_mismatch", blob_sha, f"文件大小 {size} 与登记的 {blob_size} 不符"
                            )
                        )
                    if sha != blob_sha:
                        problems.append(
                            SourceProblem(
                                "hash_mismatch", blob_sha, f"原始文件内容已改变（现为 {sha}），按现状备份"
                            )
                        )
                    files.append(FileEntry(vault_member(blob_sha), sha, size))
                for name, path, _size in masked:  # JPEG / PNG: already compressed
                    meter.label = name[:12]
                    sha, size = _stream(zf, _member(masked_member(name), False), path, meter)
                    files.append(FileEntry(masked_member(name), sha, size))
                manifest = Manifest(
                    created_at=now().replace(microsecond=0).isoformat(),
                    app_version=__version__,
                    schema_revision=revision,
                    ledger_entries=entries,
                    ledger_head=head,
                    counts=counts,
                    files=files,
                    problems=problems,
                )
                zf.writestr(_member(MANIFEST_MEMBER, True), render_manifest(manifest))
                zf.writestr(_member(SHA_LIST_MEMBER, True), render_sha_list(manifest))
                zf.writestr(_member(README_MEMBER, True), README_TEXT.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        replace_with_retry(part, out)
        _sync_folder(out.parent)
        progress(meter.total, meter.total, "完成")
    except BaseException as exc:
        with contextlib.suppress(OSError):
            part.unlink()
        if isinstance(exc, OSError):
            raise _os_error(exc, out) from exc
        raise
    finally:
        remove_tree(work, ignore_errors=True)
    keep_receipt(profile.data_dir, "backup", entries, head, str(out))
    report = BackupReport(
        path=str(out),
        size=out.stat().st_size,
        created_at=manifest.created_at,
        schema_revision=revision,
        counts=counts,
        ledger_entries=entries,
        ledger_head=head,
        files=len(files),
        bytes=sum(f.size for f in files),
        problems=problems,
        masked=len(masked),
    )
    log.info(
        "backup written: %s (%d files, %d bytes, %d problems)", out, report.files, report.bytes, len(problems)
    )
    return report


def _sync_folder(folder: Path) -> None:
    """After the rename the backup is complete; failing to make the rename durable is worth a warning only."""
    try:
        fsync_dir(folder)
    except OSError as exc:
        log.warning("could not fsync %s after writing a backup: %s", folder, exc)


def _os_error(exc: OSError, out: Path) -> BackupError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return BackupError(f"磁盘空间不足，备份未完成（未完成的文件已删除）：{out}")
    where = exc.filename or out
    return BackupError(f"备份未完成：无法写入或读取 {where}（{exc.strerror or exc}）。未完成的文件已删除。")
