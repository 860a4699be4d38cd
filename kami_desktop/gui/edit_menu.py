"""The main window's 编辑 menu: undo and redo of exhibit changes (the evidence tab's undo stack), then
moving the selected exhibits up or down the binder order, then masked copies of the selected images.
Undo and redo say in the status bar what they did."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenuBar

    from kami_desktop.gui.evidence_view import EvidenceView


def build_edit_menu(window: QMainWindow, bar: QMenuBar, evidence: EvidenceView) -> tuple[QAction, QAction]:
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "编辑(&D)"))
    stack = evidence.undo_stack
    undo = stack.createUndoAction(window, QCoreApplication.translate("MainWindow", "撤销"))
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    undo.setObjectName("undoAction")
    redo = stack.createRedoAction(window, QCoreApplication.translate("MainWindow", "重做"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo.setObjectName("redoAction")
    status = window.statusBar()
    # connected after the stack's own slot: by now the command has been undone (redone)
    undo.triggered.connect(
        lambda: status.showMessage(
            QCoreApplication.translate("MainWindow", "已撤销：{what}").format(what=stack.redoText()), 8000
        )
    )
    redo.triggered.connect(
        lambda: status.showMessage(
            QCoreApplication.translate("MainWindow", "已重做：{what}").format(what=stack.undoText()), 8000
        )
    )
    m.addActions([undo, redo])
    window.addActions([undo, redo])
    m.addSeparator()
    for text, key, name, step in (
        (QCoreApplication.translate("MainWindow", "上移一项"), "Alt+Up", "moveUpAction", -1),
        (QCoreApplication.translate("MainWindow", "下移一项"), "Alt+Down", "moveDownAction", 1),
    ):
        act = QAction(text, window)
        act.setShortcut(QKeySequence(key))
        act.setObjectName(name)
        act.triggered.connect(lambda _checked=False, s=step: evidence.move_by(s))
        m.addAction(act)
        window.addAction(act)
    return undo, redo
