"""A profile: one data folder with the database, the vault, derived caches and logs.

``Profile.open()`` takes the profile's write lock (``store.lock``: one writing process per profile),
creates the folder (user-only permissions, whatever the umask), migrates the database and — only when
the lock proves no other process is at work — finishes what a killed process left: an interrupted
restore (``store.interrupted``), partial vault writes and import markers, unrecorded output placements.

``Profile.open(write=False)`` is for commands that only read (list, show, verify): it works beside a
writer, never waits for it, never touches its work, and its connections cannot write (``query_only``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from kami_desktop.core.store.db import DatabaseError, current_revision, head_revision, make_engine, migrate
from kami_desktop.core.store.interrupted import READY, WORK_DIR, finish_restore, resolve_placements
from kami_desktop.core.store.lock import ProfileBusy, ProfileLock, read_holder, writer_alive
from kami_desktop.core.store.model import Blob, LedgerEntry
from kami_desktop.core.store.vault import Vault
from kami_desktop.core.util.datadir import APP_NAME as APP_NAME  # the profile's API, as before
from kami_desktop.core.util.datadir import default_data_dir as default_data_dir
from kami_desktop.core.util.fsutil import make_private_dir, make_private_file

DB_NAME = "kami.sqlite3"
DB_FILES = (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", DB_NAME + "-journal")
SUBDIRS = ("vault", "cache", "logs", WORK_DIR)
GUI_LOCK = "kami-desktop.lock"  # the window's single-instance lock (gui.single_instance)
# what a profile folder may hold; a folder holding anything else and no database is not a profile
MASKED_DIR = "masked"  # masked copies for public sites (core.redact): derived files, made on demand
PROFILE_NAMES = frozenset((*DB_FILES, *SUBDIRS, MASKED_DIR, READY))
WRITE_WAIT = 5.0  # seconds a writer waits for another one to finish before giving up


def refuse_foreign_folder(d: Path) -> None:
    """An existing folder that holds other things and no database is somebody else's: never use it
    (its permissions would be changed and the app's files mixed with the user's)."""
    if not d.is_dir() or (d / DB_NAME).exists():
        return
    try:
        names = sorted(p.name for p in d.iterdir())
    except OSError as exc:
        raise DatabaseError(f"无法读取数据目录 {d}：{exc.strerror or exc}") from exc
    foreign = [n for n in names if n not in PROFILE_NAMES and not n.startswith(GUI_LOCK)]
    if foreign:
        raise DatabaseError(
            f"数据目录 {d} 不是卡盟维权助手的资料目录：其中已有别的文件（如“{foreign[0]}”）。"
            "为免改动这些文件或它们的权限，已拒绝使用；请指定一个新的或空的文件夹。"
        )


class Profile:
    def __init__(self, data_dir: Path, *, write: bool = True, lock: ProfileLock | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / DB_NAME
        self.write = write
        self.lock = lock if lock is not None else ProfileLock(self.data_dir)
        self.vault = Vault(self.data_dir / "vault")
        self.cache_dir = self.data_dir / "cache"
        self.logs_dir = self.data_dir / "logs"
        self.work_dir = self.data_dir / WORK_DIR
        self.masked_dir = self.data_dir / MASKED_DIR
        self.engine = make_engine(self.db_path, query_only=not write)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)
        self.recovered: dict[str, object] = {}

    @classmethod
    def open(
        cls, data_dir: Path | str | None = None, *, write: bool = True, wait: float = WRITE_WAIT
    ) -> Profile:
        """Open (creating if need be) the profile at ``data_dir``.

        ``write=True`` takes the write lock, waiting up to ``wait`` seconds (``ProfileBusy`` names the
        holder); ``write=False`` opens beside a writer.
        """
        d = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
        if d.exists() and not d.is_dir():
            raise DatabaseError(f"数据目录 {d} 不是文件夹")
        refuse_foreign_folder(d)
        try:
            d.parent.mkdir(parents=True, exist_ok=True)  # the lock file lives there
        except OSError as exc:
            raise DatabaseError(f"无法创建数据目录 {d}：{exc.strerror or exc}") from exc
        lock = ProfileLock(d)
        if write:
            lock.acquire(wait)
        else:
            lock.try_acquire()  # free: nobody writes, so this reader may tidy up first
        try:
            if lock.fresh:
                recovered = finish_restore(d)
            elif not lock.held and not (d / DB_NAME).is_file():
                raise ProfileBusy(d, read_holder(lock.path))  # being created or swapped right now
            _make_skeleton(d)
            profile = cls(d, write=write, lock=lock)
        except BaseException:
            lock.release()
            raise
        try:
            profile._prepare()
            if lock.fresh:
                profile.recovered = {**recovered, **profile.recover()}
        except BaseException:
            profile.close()
            raise
        if not write:
            lock.release()
        return profile

    def _prepare(self) -> None:
        """Migrate (only with the lock) and keep the database files private."""
        if self.lock.held:
            engine: Engine = self.engine if self.write else make_engine(self.db_path)
            try:
                migrate(engine, self.db_path)
            finally:
                if engine is not self.engine:
                    engine.dispose()
        elif current_revision(self.engine) != head_revision():
            raise ProfileBusy(self.data_dir, read_holder(self.lock.path))
        for name in DB_FILES:
            make_private_file(self.data_dir / name, create=False)

    def reopen(self) -> None:
        """Open the same data folder again after it was replaced underneath (restore from backup).

        Objects holding this Profile keep working: the engine and session factory are renewed in place.
        """
        self.engine.dispose()
        self.lock.acquire(WRITE_WAIT)
        recovered = finish_restore(self.data_dir) if self.lock.fresh else {}
        _make_skeleton(self.data_dir)
        self.vault = Vault(self.data_dir / "vault")
        self.engine = make_engine(self.db_path, query_only=not self.write)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)
        self._prepare()
        if self.lock.fresh:
            self.recovered = {**recovered, **self.recover()}

    def writer_alive(self) -> bool:
        """Some live process (this one included) may be writing this profile right now."""
        return writer_alive(self.data_dir)

    def recover(self) -> dict[str, object]:
        """Finish or undo what a killed process left behind.

        Only for the process that took the lock from nobody: a live writer's partial files and import
        markers look exactly like a dead one's.
        """
        if not self.lock.fresh:
            raise RuntimeError("recover() needs the profile's lock, taken from nobody")
        removed_tmp = self.vault.clean_temp()
        undone = 0
        with self.session() as s:
            for sha, kind in self.vault.pending(tidy=True):
                known = s.get(Blob, sha) is not None
                if not known:
                    # import never committed, or purge did commit: the file must go
                    self.vault.remove_blob(sha)
                    undone += 1
                self.vault.unmark(sha, kind)
        placed = resolve_placements(self.work_dir, self._recorded)
        tightened = self.vault.tighten_modes()
        return {"temp_removed": removed_tmp, "journal_undone": undone, "modes_tightened": tightened, **placed}

    def _recorded(self, token: str) -> bool:
        needle = f'"placement":"{token}"'
        with self.session() as s:
            return s.scalar(select(LedgerEntry.seq).where(LedgerEntry.payload.contains(needle))) is not None

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on error."""
        s = self.Session()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A session for reading only, that sees one state of the database throughout (one read
        transaction), however many commits another process makes meanwhile."""
        s = self.Session()
        try:
            s.connection().exec_driver_sql("BEGIN")
            yield s
            s.commit()  # ends the read transaction; objects read stay loaded (expire_on_commit=False)
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def blob_path(self, sha256: str) -> Path:
        return self.vault.path_for(sha256)

    def known_blobs(self, session: Session) -> set[str]:
        return set(session.scalars(select(Blob.sha256)))

    def close(self) -> None:
        self.engine.dispose()
        self.lock.release()

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_skeleton(d: Path) -> None:
    try:
        make_private_dir(d)
        for sub in SUBDIRS:
            make_private_dir(d / sub)
        make_private_file(d / DB_NAME, create=True)  # SQLite gives the WAL and SHM files its mode
    except OSError as exc:
        raise DatabaseError(f"无法创建数据目录 {d}：{exc.strerror or exc}") from exc
