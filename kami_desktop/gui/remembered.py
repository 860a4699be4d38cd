"""What the window remembers between uses, in the app's QSettings: the last folder of each kind of file
dialog, the last case open, and the per-case cover fields the documents and the binder share.

File dialogs open, the first time, where an ordinary user's files are — 图片 for screenshots, 下载 for
bills and chat exports, 文档 for what the app writes — never the working directory (on Windows the
program folder); afterwards in the folder last used for that kind. Per-case values are keyed by the
data folder and the case id, so two profiles (or a restored one) never mix their cases."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

IMAGES, BILLS, CHATS, EXPORT = "images", "bills", "chats", "export"
_FIRST = {
    IMAGES: QStandardPaths.StandardLocation.PicturesLocation,
    BILLS: QStandardPaths.StandardLocation.DownloadLocation,
    CHATS: QStandardPaths.StandardLocation.DownloadLocation,
    EXPORT: QStandardPaths.StandardLocation.DocumentsLocation,
}
COURT, SUBMITTER = "court", "submitter"


def settings_for(widget: QWidget | None) -> QSettings:
    """The main window's QSettings (tests give it an .ini file), found up the parent chain."""
    w = widget
    while w is not None:
        found = getattr(w, "settings", None)
        if isinstance(found, QSettings):
            return found
        w = w.parentWidget()
    return QSettings("kami_desktop", "kami-desktop")


# ---------------------------------------------------------------------- folders of the file dialogs
def first_folder(kind: str) -> str:
    for location in (_FIRST.get(kind, _FIRST[IMAGES]), QStandardPaths.StandardLocation.HomeLocation):
        path = QStandardPaths.writableLocation(location)
        if path and Path(path).is_dir():
            return path
    return str(Path.home())


def start_folder(settings: QSettings, kind: str) -> str:
    last = str(settings.value(f"folders/{kind}", "") or "")
    return last if last and Path(last).is_dir() else first_folder(kind)


def remember_folder(settings: QSettings, kind: str, chosen: str | Path) -> None:
    """Remember the folder of ``chosen`` (a file: its folder) as the next start for ``kind``."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings.setValue(f"folders/{kind}", str(folder))


def open_files(parent: QWidget, title: str, kind: str, filters: str = "") -> list[str]:
    settings = settings_for(parent)
    paths, _ = QFileDialog.getOpenFileNames(parent, title, start_folder(settings, kind), filters)
    if paths:
        remember_folder(settings, kind, paths[0])
    return list(paths)


def open_file(parent: QWidget, title: str, kind: str, filters: str = "") -> str | None:
    settings = settings_for(parent)
    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(settings, kind), filters)
    if path:
        remember_folder(settings, kind, path)
    return path or None


def choose_folder(parent: QWidget, title: str, kind: str = EXPORT, current: str = "") -> str | None:
    """A folder to write into: starts at ``current`` when it exists, else the last one of ``kind``."""
    settings = settings_for(parent)
    start = current if current and Path(current).is_dir() else start_folder(settings, kind)
    folder = QFileDialog.getExistingDirectory(parent, title, start)
    if folder:
        settings.setValue(f"folders/{kind}", folder)
    return folder or None


# ---------------------------------------------------------------------- per profile and case
def profile_key(data_dir: Path | str) -> str:
    return hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:12]


def last_case(settings: QSettings, data_dir: Path | str) -> int | None:
    value = settings.value(f"last_case/{profile_key(data_dir)}")
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def remember_last_case(settings: QSettings, data_dir: Path | str, case_id: int | None) -> None:
    key = f"last_case/{profile_key(data_dir)}"
    if case_id is None:
        settings.remove(key)
    else:
        settings.setValue(key, int(case_id))


def case_value(settings: QSettings, data_dir: Path | str, case_id: int, name: str) -> str:
    return str(settings.value(f"cases/{profile_key(data_dir)}-{case_id}/{name}", "") or "")


def remember_case_value(
    settings: QSettings, data_dir: Path | str, case_id: int, name: str, value: str
) -> None:
    settings.setValue(f"cases/{profile_key(data_dir)}-{case_id}/{name}", value.strip())
