"""Unexpected exceptions: written to a log file in the profile's logs folder, then a readable dialog.

``install(logs_dir)`` sets ``sys.excepthook`` and ``threading.excepthook``; worker errors come in
through ``messages.show_error`` → ``report``. The user never sees a bare traceback: the dialog says
what happened in plain words and names the log file (the traceback is under "详细信息").
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("kami_desktop.gui")
_state: dict[str, object] = {"path": None, "showing": False}


def setup_logging(logs_dir: Path) -> Path:
    """Log to ``logs_dir/kami.log`` through the core's private, redacting, rotating handler
    (ID numbers and phone numbers masked, never file contents)."""
    from types import SimpleNamespace

    from kami_desktop.core.util.logs import LOG_NAME as CORE_LOG_NAME
    from kami_desktop.core.util.logs import setup_logging as core_setup_logging

    core_setup_logging(SimpleNamespace(logs_dir=Path(logs_dir)))
    path = Path(logs_dir) / CORE_LOG_NAME
    _state["path"] = path
    return path


def log_path() -> Path | None:
    return _state["path"]  # type: ignore[return-value]


def report(exc: BaseException, tb: str = "", parent: QWidget | None = None) -> None:
    """Log an unexpected exception and tell the user where the details are."""
    text = tb or "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error\n%s", text)
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread() or _state["showing"]:
        return
    path = log_path()
    where = (
        QCoreApplication.translate("CrashHandler", "详细信息已记录到日志文件：\n{path}").format(path=path)
        if path
        else ""
    )
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("CrashHandler", "程序出现意外错误"),
        QCoreApplication.translate(
            "CrashHandler", "程序遇到了一个意外问题，刚才的操作可能没有完成。您的证据原件不受影响。"
        )
        + "\n\n"
        + where,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setDetailedText(text)
    _state["showing"] = True
    try:
        box.exec()
    finally:
        _state["showing"] = False


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report(exc, "".join(traceback.format_exception(exc_type, exc, tb)))


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    text = "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback))
    log.error("unexpected error in thread %s\n%s", getattr(args.thread, "name", "?"), text)


def install(logs_dir: Path) -> Path:
    path = setup_logging(logs_dir)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
    return path
