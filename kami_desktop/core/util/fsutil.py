"""Atomic, durable file writes (temp file in the same folder, fsync, rename, fsync the folder) and
user-only permissions that do not depend on the umask.

On Windows an antivirus scanner, the search indexer or a backup tool briefly opens a file that was just
written, and a rename over it (or of it) then fails with a sharing violation. ``replace_with_retry`` is
the one ``os.replace`` of the app's writes: it waits and tries again for a bounded time, then gives up
with a message that names the file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from kami_desktop.core.errors import UserError

StrPath = str | os.PathLike[str]

# ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: what a file briefly held open by
# another program looks like on Windows (Python raises them as PermissionError)
TRANSIENT_WINERRORS = frozenset({5, 32, 33})
REPLACE_TIMEOUT = 2.0  # seconds of retrying before giving up
_FIRST_DELAY = 0.01  # doubled after every failure, up to _MAX_DELAY
_MAX_DELAY = 0.25


class FileBusyError(UserError, PermissionError):
    """A file stayed locked by another program for longer than the app waits; ``str()`` names it."""

    def __init__(self, path: StrPath, cause: OSError) -> None:
        self.path = Path(path)
        self.cause = cause
        PermissionError.__init__(self, cause.errno, self.message(), str(path))

    def message(self) -> str:
        return (
            f"无法写入文件“{self.path}”：它正被另一个程序占用（可能是杀毒软件、搜索索引或备份工具）。"
            "请稍等片刻再试一次；如果一直出现，请把该文件夹加入杀毒软件的信任列表。"
        )

    def __str__(self) -> str:
        return self.message()


def is_transient_lock(exc: OSError) -> bool:
    """True for the Windows errors of a file another program holds for a moment."""
    if not isinstance(exc, PermissionError):
        return False
    winerror = getattr(exc, "winerror", None)
    if winerror is not None:
        return winerror in TRANSIENT_WINERRORS
    return os.name == "nt"  # a PermissionError on Windows without its code: treat it as a lock


def replace_with_retry(
    src: StrPath,
    dst: StrPath,
    *,
    timeout: float | None = None,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """``os.replace(src, dst)``, retried with back-off while ``dst`` or ``src`` is briefly locked.

    After ``timeout`` seconds (default ``REPLACE_TIMEOUT``) of sharing violations it raises
    :class:`FileBusyError` naming ``dst``; ``src`` is left where it was (the caller removes its temp
    file). Any other error is raised at once.
    """
    deadline = time.monotonic() + (REPLACE_TIMEOUT if timeout is None else timeout)
    pause = sleep or time.sleep
    delay = _FIRST_DELAY
    while True:
        try:
            os.replace(src, dst)
            return
        except OSError as exc:
            if not is_transient_lock(exc):
                raise
            if time.monotonic() >= deadline:
                raise FileBusyError(dst, exc) from exc
        pause(delay)
        delay = min(delay * 2, _MAX_DELAY)


def remove_tree(path: StrPath, *, ignore_errors: bool = False) -> None:
    """``shutil.rmtree`` that also removes read-only files and folders.

    Windows refuses to delete a read-only file, and the vault's originals are read-only (on Linux the
    folder's write permission is what counts). A file already gone counts as removed."""

    def make_writable_and_retry(func: Any, p: str, exc: Any) -> None:
        error = exc if isinstance(exc, BaseException) else exc[1]
        if isinstance(error, FileNotFoundError):
            return
        try:
            os.chmod(p, stat.S_IREAD | stat.S_IWRITE | (stat.S_IEXEC if os.path.isdir(p) else 0))
            func(p)
        except FileNotFoundError:
            return
        except OSError:
            if not ignore_errors:
                raise

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=make_writable_and_retry)
    else:
        shutil.rmtree(path, onerror=make_writable_and_retry)


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
        replace_with_retry(tmp_path, target)
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
