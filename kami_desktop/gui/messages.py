"""Messages to the user: expected problems in plain Chinese, unexpected ones logged and named.

Every dialog goes through these few functions so tests can replace them (no modal box blocks a test).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kami_desktop.core.errors import UserError

# Errors whose message is already written for the user (Chinese, no traceback needed); ``except EXPECTED``.
EXPECTED = UserError


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def is_expected(exc: BaseException) -> bool:
    return isinstance(exc, EXPECTED)


def show_error(parent: QWidget | None, exc: BaseException, tb: str = "") -> None:
    """Expected errors: their own message. Anything else: logged, and a dialog naming the log file."""
    if is_expected(exc):
        warn(parent, QCoreApplication.translate("Messages", "无法完成"), str(exc))
        return
    from kami_desktop.gui import crash_handler

    crash_handler.report(exc, tb, parent)
