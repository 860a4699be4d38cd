"""What an exhibit's time is, said truthfully on paper.

An import fills the exhibit's time from the first of: the photo's EXIF capture time, a time written in a
screenshot's file name (Screenshot_20250312_203011.png), the file's modification time. Only the first two
say when the picture was taken; a modification time says when the file was last written (often when it
was copied to this PC). Court copies therefore name the time by where it came from, never calling a file
time 取证时间.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from kami_desktop.core.evidence.import_report import time_from_name

EXIF = "拍摄时间（照片信息）"
FILE_NAME = "截图时间（据文件名）"
FILE_MTIME = "文件修改时间"
GIVEN = "取证时间"  # set by the user, or none of the above


class TimedFile(Protocol):
    original_name: str
    exif_time: datetime | None
    file_mtime: datetime | None


def time_label(captured_at: datetime | None, files: Iterable[TimedFile]) -> str:
    """The label the exhibit's time deserves: EXIF, file name, file modification, else 取证时间."""
    if captured_at is None:
        return GIVEN
    files = list(files)
    if any(f.exif_time is not None and f.exif_time == captured_at for f in files):
        return EXIF
    if any(time_from_name(f.original_name or "") == captured_at for f in files):
        return FILE_NAME
    if any(f.file_mtime is not None and f.file_mtime == captured_at for f in files):
        return FILE_MTIME
    return GIVEN
