"""Open a file or folder with the system's own program, and say so when that cannot be done.

``QDesktopServices.openUrl`` returns False, silently, when no program is registered for the file's type
(a .silk, an .amr, a .mht on many PCs). Every "打开" of the GUI goes through ``open_path`` so the user
learns which file did not open, why, and where it is, with the folder opened on request.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from kami_desktop.gui import messages


def _tr(text: str) -> str:
    return QCoreApplication.translate("SystemOpen", text)


def open_path(parent: QWidget | None, path: Path, name: str | None = None) -> bool:
    """Open ``path`` (a file with its program, a folder in the file manager); ``name`` is what the user
    knows the file as (a temporary copy's original name). False, after telling the user, if it failed."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    if path.is_dir():
        messages.warn(
            parent,
            _tr("无法打开文件夹"),
            _tr("无法在文件管理器中打开这个文件夹：\n{path}").format(path=path),
        )
        return False
    suffix = path.suffix.lower()
    kind = _tr("“{suffix}”文件").format(suffix=suffix) if suffix else _tr("这类文件")
    text = _tr(
        "无法打开“{name}”：这台电脑上没有设置用来打开{kind}的程序。\n\n文件在：\n{path}\n\n"
        "要打开所在文件夹吗？（可以在那里右键点这个文件，用“打开方式”选一个程序。）"
    ).format(name=name or path.name, kind=kind, path=path)
    if messages.ask(parent, _tr("无法打开文件"), text) and not QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(path.parent))
    ):
        messages.warn(
            parent,
            _tr("无法打开文件夹"),
            _tr("无法在文件管理器中打开这个文件夹：\n{path}").format(path=path.parent),
        )
    return False
