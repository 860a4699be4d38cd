"""Which files an import takes: everything in the folders the user chose, and nothing outside them.

A folder is walked without following links out of it: a link (or Windows junction) whose target lies
outside the chosen folder is refused with a note; a link to a file inside it is fine; a link to a folder
inside it is not walked twice. Pipes, sockets and device files are named as such and never opened
(opening a pipe blocks). Files given one by one are taken as given, links included: the user chose them.

``open_regular`` opens a collected file for reading without blocking and checks, on the open file, that it
is still the regular file that was collected (a file swapped for a pipe or a link after the walk is refused).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

SKIP_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
SPECIAL = "设备文件/管道，未导入"
_KINDS = (
    (stat.S_ISFIFO, "管道"),
    (stat.S_ISSOCK, "套接字"),
    (stat.S_ISCHR, "设备文件"),
    (stat.S_ISBLK, "设备文件"),
)
MAX_DEPTH = 64


class NotRegular(OSError):
    """The path is a pipe, socket or device, or no longer the file that was collected."""


@dataclass
class Collected:
    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    identity: dict[Path, tuple[int, int]] = field(default_factory=dict)  # file → (st_dev, st_ino)


def special_reason(mode: int) -> str | None:
    """'设备文件/管道，未导入（管道）' for a pipe, socket or device; None for files and folders."""
    for test, kind in _KINDS:
        if test(mode):
            return f"{SPECIAL}（{kind}）"
    return None


def _inside(root: str, target: str) -> bool:
    root, target = os.path.normcase(root), os.path.normcase(target)
    try:
        return os.path.commonpath([root, target]) == root
    except ValueError:  # different drives
        return False


def collect(paths: list[Path | str]) -> Collected:
    out = Collected()
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except FileNotFoundError:
            out.skipped.append((str(p), "文件或文件夹不存在（可能已被移动或删除）"))
            continue
        except PermissionError:
            out.skipped.append((str(p), "没有读取权限"))
            continue
        except OSError as exc:
            out.skipped.append((str(p), f"无法访问：{exc.strerror or exc}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(p, os.path.realpath(p), out)
        elif stat.S_ISREG(st.st_mode):
            out.files.append(p)
            out.identity[p] = (st.st_dev, st.st_ino)
        else:
            out.skipped.append((str(p), special_reason(st.st_mode) or SPECIAL))
    return out


def _walk(top: Path, root: str, out: Collected) -> None:
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, int]] = [(top, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            st = folder.stat()
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            out.skipped.append((str(folder), f"无法读取文件夹：{exc.strerror or exc}"))
            continue
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        subfolders = []
        for entry in entries:
            if entry.name.lower() in SKIP_NAMES or entry.name.startswith("~$"):
                continue
            path = Path(entry.path)
            try:
                lst = entry.stat(follow_symlinks=False)
            except OSError as exc:
                out.skipped.append((str(path), f"无法访问：{exc.strerror or exc}"))
                continue
            if stat.S_ISREG(lst.st_mode):
                out.files.append(path)
                out.identity[path] = (lst.st_dev, lst.st_ino)
                continue
            if not (stat.S_ISLNK(lst.st_mode) or stat.S_ISDIR(lst.st_mode)):
                out.skipped.append((str(path), special_reason(lst.st_mode) or SPECIAL))
                continue
            real = os.path.realpath(path)  # also resolves Windows junctions, which are not links to Python
            if not _inside(root, real):
                out.skipped.append((str(path), f"链接指向所选文件夹之外（{real}），未导入"))
                continue
            if stat.S_ISDIR(lst.st_mode) and not entry.is_symlink():
                if depth >= MAX_DEPTH:
                    out.skipped.append((str(path), f"文件夹嵌套超过 {MAX_DEPTH} 层，未导入"))
                else:
                    subfolders.append((path, depth + 1))
                continue
            _take_link(path, real, out)
        stack.extend(reversed(subfolders))


def _take_link(path: Path, real: str, out: Collected) -> None:
    """A link whose target is inside the chosen folder: a file is taken, a folder is walked at its real place."""
    try:
        st = os.stat(real)
    except OSError:
        out.skipped.append((str(path), "链接指向的文件不存在，未导入"))
        return
    if stat.S_ISDIR(st.st_mode):
        return  # its files are collected where they really are
    if stat.S_ISREG(st.st_mode):
        out.files.append(path)
        out.identity[path] = (st.st_dev, st.st_ino)
        return
    out.skipped.append((str(path), special_reason(st.st_mode) or SPECIAL))


def open_regular(path: Path, identity: tuple[int, int] | None = None) -> tuple[int, os.stat_result]:
    """A read-only descriptor for ``path`` and its ``fstat``; raises ``NotRegular`` (closing the descriptor)
    when it is not a regular file, or not the file collected as ``identity``. Never blocks on a pipe."""
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    )
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "这是一个文件夹", str(path))
        reason = special_reason(st.st_mode)
        if reason is not None or not stat.S_ISREG(st.st_mode):
            raise NotRegular(reason or SPECIAL)
        if identity is not None and (st.st_dev, st.st_ino) != identity:
            raise NotRegular("文件在导入过程中被替换（不再是选中的那个文件），未导入")
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, st
