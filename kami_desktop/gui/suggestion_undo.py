"""忽略 (and 恢复) of suggestions on the evidence tab's undo stack.

A dismissal is saved by one core call in one transaction (``core.triage.dismiss``: a ``suggestion.dismiss``
ledger entry per exhibit) and pushed as a ``DismissCommand``, so Ctrl+Z takes it back
(``suggestion.undismiss``) and Ctrl+Y dismisses again — like an accepted suggestion's ``EditCommand``.
Taking dismissals back (恢复) is the same command the other way round.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kami_desktop.core.triage.dismiss import dismiss, undismiss
from kami_desktop.gui.messages import EXPECTED, show_error

Chosen = dict[int, list[str]]  # exhibit id → fields


def apply_dismissal(s, chosen: Chosen, back: bool = False) -> Chosen:
    """Dismiss (``back``: take back) the fields of each exhibit; what was done, exhibits with none left out."""
    out: Chosen = {}
    for exhibit_id, fields in chosen.items():
        done = undismiss(s, exhibit_id, fields) if back else dismiss(s, exhibit_id, fields)
        if done:
            out[exhibit_id] = done
    return out


class DismissCommand(QUndoCommand):
    """Suggestions dismissed (or taken back, ``back``), already saved: undo does the opposite."""

    def __init__(self, ops: Any, done: Chosen, back: bool, text: str) -> None:
        super().__init__(text)
        self.ops, self.done, self.back = ops, done, back
        self._first = True

    def _go(self, back: bool, message: str) -> None:
        self.ops.run_now(apply_dismissal, self.done, back)
        self.ops.edited(list(self.done), message.format(text=self.text()))

    def redo(self) -> None:
        if self._first:  # pushed right after the save
            self._first = False
            return
        self._go(self.back, QCoreApplication.translate("SuggestionUndo", "已重做：{text}"))

    def undo(self) -> None:
        self._go(not self.back, QCoreApplication.translate("SuggestionUndo", "已撤销：{text}"))


def push_dismissal(view: Any, chosen: Chosen, back: bool = False) -> int:
    """Save on the evidence tab (``view``: an ``ExhibitOps`` with ``undo_stack``) and push the command;
    how many exhibits changed."""
    if not chosen or view.case_id is None:
        return 0
    try:
        done = view.run_now(apply_dismissal, chosen, back)
    except EXPECTED as exc:
        show_error(view, exc)
        return 0
    if not done:
        return 0
    n = len(done)
    text = (
        QCoreApplication.translate("SuggestionUndo", "恢复被忽略的识别建议（{n} 项证据）")
        if back
        else QCoreApplication.translate("SuggestionUndo", "忽略识别建议（{n} 项证据）")
    ).format(n=n)
    view.undo_stack.push(DismissCommand(view, done, back, text))
    # no field of the exhibit changed: say what was done, not "已保存" as after an edit
    view.edited(
        list(done),
        QCoreApplication.translate("SuggestionUndo", "{text}，已记入存证日志；按 Ctrl+Z 可撤销").format(
            text=text
        ),
    )
    return n
