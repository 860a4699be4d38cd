"""Atomic, durable file writes (temp file in the same folder, fsync, rename, fsync the folder) and
user-only permissions that do not depend on the umask."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def fsync_dir(path: Path) -> None:
    """Make a rename durable (no-op where directories cannot be opened, e.g. Windows)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(target: Path, mode: str = "wb") -> Iterator[IO[Any]]:
    """Write to a temp file next to ``target``; on success fsync and rename over it.

    On any error the temp file is removed and ``target`` is left as it was.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=target.parent)
    tmp_path = Path(tmp)
    try:
        fh = os.fdopen(fd, mode) if "b" in mode else os.fdopen(fd, mode, encoding="utf-8", newline="")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_path, target)
        fsync_dir(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise


def atomic_write_bytes(target: Path, data: bytes) -> None:
    with atomic_writer(target) as fh:
        fh.write(data)


def atomic_write_text(target: Path, text: str) -> None:
    atomic_write_bytes(target, text.encode("utf-8"))


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
READ_ONLY_FILE = 0o400


def make_private_dir(path: Path) -> None:
    """Create a folder readable by the current user only (where the OS supports modes), whatever the umask.

    Only for the app's own folders: an existing folder's mode is changed too."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if os.name != "nt":
        with contextlib.suppress(OSError):
            os.chmod(path, PRIVATE_DIR)


def make_private_file(path: Path, *, create: bool) -> None:
    """Give ``path`` user-only read/write permissions; with ``create`` an absent file is created empty."""
    path = Path(path)
    if create:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        os.close(fd)
    if os.name != "nt":
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, PRIVATE_FILE)


def read_capped(path: Path | str, limit: int, error: type[Exception], too_large: str = "") -> bytes:
    """A whole (small) input file, refused when over ``limit`` bytes, not a regular file, or unreadable.

    ``error(file_name, reason)`` is raised with a Chinese reason; ``too_large`` is added to the size
    message. A named pipe, a device or a folder is refused at once (opened without blocking, checked on
    the open descriptor), and a file that grows while it is read is still cut off at ``limit``.
    """
    p = Path(path)
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    )
    try:
        fd = os.open(p, flags)
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise error(p.name, "这是一个文件夹，不是文件。")
            if not stat.S_ISREG(st.st_mode):
                raise error(p.name, "这不是普通文件（管道、设备或套接字），无法作为文件读取。")
            if st.st_size > limit:
                raise error(p.name, f"文件过大（{st.st_size // (1024 * 1024)} MB）{too_large}。")
            if hasattr(os, "O_NONBLOCK"):
                os.set_blocking(fd, True)
            f = os.fdopen(fd, "rb")
        except BaseException:
            os.close(fd)
            raise
        with f:
            data = f.read(limit + 1)
        if len(data) > limit:
            raise error(p.name, f"文件过大（超过 {limit // (1024 * 1024)} MB）{too_large}。")
        return data
    except OSError as exc:
        raise error(p.name, f"无法读取文件（{exc.strerror or exc}）。") from None
