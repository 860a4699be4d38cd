"""One writer per profile: an operating-system lock on a file beside the data folder.

``<parent>/.<name>.lock`` (beside, not inside: a restore renames the data folder, and the lock must
hold across that). The lock is ``flock`` on POSIX and ``msvcrt.locking`` on Windows, so it vanishes with
its process: a lock that is held is held by a live process, and a lock that can be taken proves that no
process is writing the profile. The holder writes who it is (pid, program, since when) into the file, so
whoever is refused can say who holds it.

Inside one process the lock is shared: a second ``ProfileLock`` on the same folder counts up and the lock
is released when the last one lets go (the GUI's worker threads and a restore run in the window's
process). ``fresh`` tells whether this acquisition took the lock from nobody, i.e. whether leftovers in
the folder can only be a dead process's.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from kami_desktop.core.store.db import DatabaseError
from kami_desktop.core.util.timeutil import now

INFO_AT = 16  # holder information starts here; byte 0 is the one Windows locks
POLL = 0.1

_program = (
    "kami"
    if Path(sys.argv[0] if sys.argv else "").stem in ("", "cli", "__main__")
    else Path(sys.argv[0]).name
)
_registry: dict[str, _Held] = {}
_registry_lock = threading.Lock()


def set_program(name: str) -> str:
    """How this process is named to a process it keeps out (e.g. ``kami import``); returns the old name."""
    global _program
    old, _program = _program, name
    return old


@dataclass(frozen=True)
class Holder:
    pid: int | None
    program: str
    since: str

    def describe(self) -> str:
        parts = [f"进程 {self.pid}" if self.pid else "", f"{self.since} 起" if self.since else ""]
        detail = "，".join(p for p in parts if p)
        return f"{self.program or '未知程序'}" + (f"（{detail}）" if detail else "")


class ProfileBusy(DatabaseError):
    """Another live process writes this profile."""

    def __init__(self, data_dir: Path, holder: Holder | None) -> None:
        self.data_dir = data_dir
        self.holder = holder
        who = holder.describe() if holder else "另一个卡盟维权助手程序（无法读取它的信息）"
        super().__init__(
            f"资料目录 {data_dir} 正被另一个程序使用：{who}。同一份资料同时只能由一个程序写入，"
            "请等它完成或关闭它后再试（查看类命令不受影响）。"
        )


@dataclass
class _Held:
    fd: int
    count: int


def lock_path(data_dir: Path | str) -> Path:
    d = Path(os.path.abspath(Path(data_dir).expanduser()))
    with contextlib.suppress(OSError):
        d = d.resolve()
    return d.with_name(f".{d.name}.lock")


def _key(path: Path) -> str:
    return os.path.normcase(str(path))


if sys.platform == "win32":  # pragma: no cover - exercised on Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _same_file(fd: int, path: Path) -> bool:
        return True  # an open file cannot be deleted on Windows, so the path still names it

    _FLAGS = os.O_RDWR | os.O_CREAT | os.O_BINARY | os.O_NOINHERIT
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

    def _same_file(fd: int, path: Path) -> bool:
        """The holder removes the file before letting go; a lock on a removed file proves nothing."""
        try:
            a, b = os.fstat(fd), os.stat(path)
        except OSError:
            return False
        return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)

    _FLAGS = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC


def _os_acquire(path: Path) -> int | None:
    """The locked file descriptor, or None when another process holds the lock."""
    while True:
        try:
            fd = os.open(path, _FLAGS, 0o600)
        except OSError as exc:
            raise DatabaseError(
                f"无法在 {path.parent} 中建立资料锁 {path.name}：{exc.strerror or exc}。"
                "请检查这个文件夹的写入权限。"
            ) from exc
        if not _try_lock(fd):
            os.close(fd)
            return None
        if _same_file(fd, path):
            return fd
        _unlock(fd)
        os.close(fd)  # the file was removed by its last holder in between: lock the new one


def _write_info(fd: int) -> None:
    info = {
        "pid": os.getpid(),
        "program": _program,
        "since": now().isoformat(timespec="seconds"),
    }
    data = json.dumps(info, ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):
        os.lseek(fd, INFO_AT, os.SEEK_SET)
        os.write(fd, data)
        os.ftruncate(fd, INFO_AT + len(data))


def _os_release(path: Path, fd: int) -> None:
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            path.unlink()  # while still locked: a process waiting on this file will see it is gone
    _unlock(fd)
    os.close(fd)
    if sys.platform == "win32":
        with contextlib.suppress(OSError):
            path.unlink()  # fails harmlessly while another process has the file open


def read_holder(path: Path) -> Holder | None:
    try:
        with open(path, "rb") as fh:
            fh.seek(INFO_AT)
            data = json.loads(fh.read(4096).decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    pid = data.get("pid")
    return Holder(
        pid if isinstance(pid, int) else None,
        str(data.get("program") or ""),
        str(data.get("since") or ""),
    )


class ProfileLock:
    """The write lock of one data folder; ``acquire``/``release`` pair up (a context manager too)."""

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir)
        self.path = lock_path(data_dir)
        self.held = False
        self.fresh = False  # this acquisition took the lock from nobody (not shared in-process)

    def try_acquire(self) -> bool:
        if self.held:
            self.fresh = False  # already ours: whatever is in the folder may be this process's work
            return True
        key = _key(self.path)
        with _registry_lock:
            entry = _registry.get(key)
            if entry is not None:
                entry.count += 1
                self.held, self.fresh = True, False
                return True
            fd = _os_acquire(self.path)
            if fd is None:
                return False
            _write_info(fd)
            _registry[key] = _Held(fd, 1)
            self.held, self.fresh = True, True
            return True

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, waiting up to ``wait`` seconds; ``ProfileBusy`` names the holder otherwise."""
        deadline = time.monotonic() + max(0.0, wait)
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise ProfileBusy(self.data_dir, read_holder(self.path))
            time.sleep(POLL)

    def release(self) -> None:
        if not self.held:
            return
        key = _key(self.path)
        with _registry_lock:
            entry = _registry.get(key)
            self.held = self.fresh = False
            if entry is None:
                return
            entry.count -= 1
            if entry.count <= 0:
                del _registry[key]
                _os_release(self.path, entry.fd)

    def holder(self) -> Holder | None:
        return read_holder(self.path)

    def __enter__(self) -> ProfileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def held_here(data_dir: Path | str) -> bool:
    """This process holds the lock of ``data_dir``."""
    with _registry_lock:
        return _key(lock_path(data_dir)) in _registry


def writer_alive(data_dir: Path | str) -> bool:
    """Some live process (this one included) holds the write lock of ``data_dir``."""
    if held_here(data_dir):
        return True
    probe = ProfileLock(data_dir)
    if probe.try_acquire():
        probe.release()
        return False
    return True
