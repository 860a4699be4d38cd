"""What an import reports: each imported item, each failure with its reason in Chinese, the totals; and
the small rules the import pipeline (``importer``) applies per file: a capture time read from a
screenshot's file name, and the reason a file failed.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kami_desktop.core.errors import UserError
from kami_desktop.core.evidence.walk import NotRegular
from kami_desktop.core.util.timeutil import CHINA_TZ

CLIPBOARD_SOURCE = "剪贴板粘贴"


class ImportInputError(UserError, ValueError):
    """Bad arguments for an import (unknown case, unknown exhibit…)."""


@dataclass
class ImportedItem:
    exhibit_id: int
    file_id: int
    sha256: str
    sm3: str
    size: int
    media_type: str
    original_name: str
    duplicate: bool  # the vault already held these bytes (from this case or another)
    path: str = ""
    problem: str = ""
    already_in_case: bool = False  # the case already held the file: nothing was added
    # a new exhibit was made for bytes an exhibit in the case's 回收站 holds: that exhibit (the user may
    # rather restore it)
    trashed_exhibit_id: int | None = None


CommitHook = Callable[[Session, ImportedItem, bool], None]
"""Runs inside the transaction that stores an imported file: (session, item, a new exhibit was created)."""


@dataclass
class ImportFailure:
    path: str
    reason: str


@dataclass
class ImportReport:
    imported: list[ImportedItem] = field(default_factory=list)
    errors: list[ImportFailure] = field(default_factory=list)
    cancelled: bool = False

    @property
    def new_count(self) -> int:
        return sum(1 for i in self.imported if not i.duplicate)

    @property
    def duplicate_count(self) -> int:
        return sum(1 for i in self.imported if i.duplicate)

    @property
    def added_count(self) -> int:
        """Files added to the case (new bytes, or bytes the vault held for another case)."""
        return sum(1 for i in self.imported if not i.already_in_case)

    @property
    def already_in_case_count(self) -> int:
        return sum(1 for i in self.imported if i.already_in_case)

    def to_json(self) -> dict:
        return {
            "imported": [asdict(i) for i in self.imported],
            "errors": [asdict(e) for e in self.errors],
            "cancelled": self.cancelled,
        }


_NAME_TIME = re.compile(r"(20\d{2})[-_.]?(\d{2})[-_.]?(\d{2})[-_ T]?(\d{2})[-_.:]?(\d{2})[-_.:]?(\d{2})")


def time_from_name(name: str) -> datetime | None:
    """Capture time from screenshot names like Screenshot_20250312_203011.png / 微信图片_20250312203011.jpg."""
    m = _NAME_TIME.search(name)
    if not m:
        return None
    try:
        y, mo, d, h, mi, sec = (int(g) for g in m.groups())
        return datetime(y, mo, d, h, mi, sec, tzinfo=CHINA_TZ)
    except ValueError:
        return None


def database_trouble(exc: BaseException) -> str | None:
    """A clear message when the database, not the file, is the problem (disk full, locked by another program)."""
    if not isinstance(exc, DBAPIError):
        return None
    text = str(exc.orig if exc.orig is not None else exc)
    if "full" in text:
        return "磁盘空间不足，数据库无法写入，文件未导入"
    if "locked" in text or "busy" in text:
        return "数据库正被另一个程序占用（已锁定），文件未导入；请关闭其他 kami 窗口或命令后重试"
    return f"数据库出错，文件未导入：{text.splitlines()[0] if text else type(exc).__name__}"


def failure_reason(exc: BaseException) -> str:
    db = database_trouble(exc)
    if db is not None:
        return db
    if isinstance(exc, FileNotFoundError):
        return "文件不存在（可能已被移动或删除）"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    if isinstance(exc, NotRegular):
        return str(exc)
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹"
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return "磁盘空间不足，文件未能存入证据库"
        return f"读取失败：{exc.strerror or exc}"
    return f"无法导入：{type(exc).__name__}: {exc}"
