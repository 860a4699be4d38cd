"""A profile: one data folder with the database, the vault, derived caches and logs.

``Profile.open()`` creates the folder (user-only permissions), migrates the database, removes
partial writes and resolves the vault journal left by an interrupted import or purge.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kami_desktop.core.store.db import DatabaseError, make_engine, migrate
from kami_desktop.core.store.model import Blob
from kami_desktop.core.store.vault import Vault
from kami_desktop.core.util.fsutil import make_private_dir

APP_NAME = "kami_desktop"
DB_NAME = "kami.sqlite3"


def default_data_dir() -> Path:
    """``--data-dir`` beats ``KAMI_DATA_DIR`` beats the platform default (%LOCALAPPDATA%\\kami_desktop)."""
    env = os.environ.get("KAMI_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


class Profile:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = self.data_dir / DB_NAME
        self.vault = Vault(self.data_dir / "vault")
        self.cache_dir = self.data_dir / "cache"
        self.logs_dir = self.data_dir / "logs"
        self.engine = make_engine(self.db_path)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, data_dir: Path | str | None = None) -> Profile:
        d = Path(data_dir) if data_dir is not None else default_data_dir()
        if d.exists() and not d.is_dir():
            raise DatabaseError(f"数据目录 {d} 不是文件夹")
        try:
            make_private_dir(d)
            for sub in ("vault", "cache", "logs"):
                make_private_dir(d / sub)
        except OSError as exc:
            raise DatabaseError(f"无法创建数据目录 {d}：{exc.strerror or exc}") from exc
        profile = cls(d)
        try:
            migrate(profile.engine, profile.db_path)
            profile.recover()
        except BaseException:
            profile.close()
            raise
        return profile

    def reopen(self) -> None:
        """Open the same data folder again after it was replaced underneath (restore from backup).

        Objects holding this Profile keep working: the engine and session factory are renewed in place.
        """
        self.engine.dispose()
        for sub in ("vault", "cache", "logs"):
            make_private_dir(self.data_dir / sub)
        self.vault = Vault(self.data_dir / "vault")
        self.engine = make_engine(self.db_path)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)
        migrate(self.engine, self.db_path)
        self.recover()

    def recover(self) -> dict[str, int]:
        """Finish or undo what an interrupted process left behind. Safe to call any time."""
        removed_tmp = self.vault.clean_temp()
        undone = 0
        with self.session() as s:
            for sha, kind in self.vault.pending():
                known = s.get(Blob, sha) is not None
                if not known:
                    # import never committed, or purge did commit: the file must go
                    self.vault.remove_blob(sha)
                    undone += 1
                self.vault.unmark(sha, kind)
        return {"temp_removed": removed_tmp, "journal_undone": undone}

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

    def blob_path(self, sha256: str) -> Path:
        return self.vault.path_for(sha256)

    def known_blobs(self, session: Session) -> set[str]:
        return set(session.scalars(select(Blob.sha256)))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
