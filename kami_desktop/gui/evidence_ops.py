"""The evidence tab's changes: edit, bulk edit, trash, restore, reorder, merge, split, move a file.

Each goes through the tab's ``QUndoStack`` as a command of ``gui/undo.py`` that calls the core, so
Ctrl+Z / Ctrl+Shift+Z (and the 编辑 menu) undo and redo them, and every step — the undo too — is in
the ledger. After each change the tab shows the result and tells the other views through
``CaseEvents``. This mixin is the ``ExhibitOps`` the commands act on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.store.rows import exhibit_rows
from kami_desktop.gui import messages
from kami_desktop.gui.evidence_model import reordered
from kami_desktop.gui.undo import (
    EditCommand,
    MergeCommand,
    MoveFileCommand,
    ReorderCommand,
    SplitCommand,
    TrashCommand,
)
from kami_desktop.gui.workers import guarded, start_task


def _in_session(profile, fn, *args):
    with profile.session() as s:
        return fn(s, *args)


class EvidenceOpsMixin:
    # provided by EvidenceView
    profile: Any
    case_id: int | None
    model: Any
    detail: Any
    undo_stack: Any
    events: Any
    ops: Any
    status_message: Any

    # ------------------------------------------------------------------ ExhibitOps (gui/undo.py)
    def run_now(self, fn: Callable[..., Any], *args: Any) -> Any:
        return _in_session(self.profile, fn, *args)

    def run_later(self, fn: Callable[..., Any], *args: Any, select: Any = None, done: str = "") -> None:
        def finished(result):
            if done:
                self.status_message.emit(done)
            self.changed(select(result) if callable(select) else select)

        start_task(
            _in_session,
            self.profile,
            fn,
            *args,
            with_progress=False,
            with_cancel=False,
            pool=self.ops,
            on_result=guarded(self, finished),  # type: ignore[arg-type]
            on_error=guarded(self, self._failed),  # type: ignore[arg-type]
        )

    def edited(self, ids: list[int], message: str = "") -> None:
        """Fields changed (no renumbering): update those rows in place, refresh the detail panel; the
        status line says ``message`` (default: saved to the ledger)."""
        if self.case_id is None:
            return
        with self.profile.session() as s:
            self.model.update_rows(exhibit_rows(s, self.case_id, ids=ids))
        if self.detail.exhibit_id in ids and not self.detail.changed_fields():
            self.detail.reload()
        self.status_message.emit(
            message or QCoreApplication.translate("EvidenceView", "已保存，修改已记入存证日志")
        )
        self.events.notify(self.case_id, self)

    def changed(self, select: list[int] | None) -> None:
        """The binder changed: reload the rows (selecting ``select``) and tell the other views."""
        self.reload(select=select)
        self.events.notify(self.case_id, self)

    # ------------------------------------------------------------------ the user's actions
    def commit_edit(self, exhibit_id: int, changes: dict[str, Any]) -> None:
        """The detail panel's save: one core call; what changed goes on the undo stack."""
        self.push_edit([exhibit_id], changes)

    def push_edit(self, ids: list[int], fields: dict[str, Any]) -> None:
        if self.case_id is None:
            return
        changed = self.run_now(lambda s: X.edit_exhibits(s, ids, **fields))
        if not changed:
            return
        if len(ids) == 1:
            text = QCoreApplication.translate("EvidenceView", "修改证据 {n}").format(n=self.number_of(ids[0]))
        else:
            text = QCoreApplication.translate("EvidenceView", "统一修改 {n} 项证据").format(n=len(ids))
        self.undo_stack.push(EditCommand(self, changed, text))
        if len(ids) > 1:  # the detail panel reports its own save
            self.edited(list(changed))

    def bulk_edit(self, ids: list[int], fields: dict[str, Any]) -> None:
        try:
            self.push_edit(ids, fields)
        except messages.EXPECTED as exc:
            messages.show_error(self, exc)  # type: ignore[arg-type]
            return
        self.bulk.clear_fields()  # type: ignore[attr-defined]
        self.status_message.emit(
            QCoreApplication.translate("EvidenceView", "已修改 {n} 项证据，已记入存证日志").format(n=len(ids))
        )

    def number_of(self, exhibit_id: int) -> int | str:
        row = self.model.exhibit_at(self.model.row_for_id(exhibit_id))
        return row.number if row is not None else "?"

    def trash_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) > 1 and not messages.ask(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("EvidenceView", "删除证据"),
            QCoreApplication.translate(
                "EvidenceView", "把选中的 {n} 项证据移到回收站？\n可以用 Ctrl+Z 撤销，或在回收站中恢复。"
            ).format(n=len(ids)),
        ):
            return
        if not self.detail.commit():
            return
        self._push(TrashCommand(self, ids))
        self.status_message.emit(
            QCoreApplication.translate("EvidenceView", "已将 {n} 项移到回收站，按 Ctrl+Z 可撤销").format(
                n=len(ids)
            )
        )

    def restore_ids(self, ids: list[int]) -> None:
        """From the 回收站 dialog: back to their old places, undoably."""
        if ids:
            self._push(TrashCommand(self, ids, restore=True))

    def offer_restore(self, found: list[tuple[int, int]]) -> bool:
        """(new exhibit, exhibit in the 回收站) for files just imported that the 回收站 already holds: ask to
        restore those instead — back to their old places, the new copies to the 回收站, one undo step."""
        if not found or self.case_id is None:
            return False
        with self.profile.session() as s:
            trashed = {r.id: r for r in exhibit_rows(s, self.case_id, True)}
        found = [(new, old) for new, old in found if old in trashed]
        olds = list(dict.fromkeys(old for _new, old in found))
        if not olds:
            return False
        if len(olds) == 1:
            text = QCoreApplication.translate(
                "EvidenceView", "此文件已在回收站中（证据“{title}”）。恢复它吗？"
            ).format(title=trashed[olds[0]].title)
        else:
            text = QCoreApplication.translate(
                "EvidenceView", "这些文件已在回收站中（{n} 项证据：{titles}）。恢复它们吗？"
            ).format(n=len(olds), titles="、".join(f"“{trashed[i].title}”" for i in olds[:5]))
        hint = QCoreApplication.translate(
            "EvidenceView", "恢复：回到原来的位置，刚导入的一份移到回收站。不恢复：保留为新证据。"
        )
        title = QCoreApplication.translate("EvidenceView", "恢复回收站中的证据")
        if not messages.ask(self, title, f"{text}\n{hint}"):  # type: ignore[arg-type]
            return False
        self.undo_stack.beginMacro(
            QCoreApplication.translate("EvidenceView", "恢复回收站中的 {n} 项证据").format(n=len(olds))
        )
        self._push(TrashCommand(self, list(dict.fromkeys(new for new, _old in found))))
        self._push(TrashCommand(self, olds, restore=True))
        self.undo_stack.endMacro()
        self.status_message.emit(
            QCoreApplication.translate("EvidenceView", "已从回收站恢复 {n} 项证据，按 Ctrl+Z 可撤销").format(
                n=len(olds)
            )
        )
        return True

    def _push(self, command) -> None:
        try:
            self.undo_stack.push(command)
        except messages.EXPECTED as exc:
            messages.show_error(self, exc)  # type: ignore[arg-type]
            self.reload()

    def _reorder_dropped(self, moved: list[int], before) -> None:
        if self.case_id is None:
            return
        old = [r.id for r in self.model.all_rows()]
        new = reordered(old, moved, before)
        if new != old:
            self._push(ReorderCommand(self, self.case_id, old, new, moved))

    def move_selected(self, new_index: int) -> None:
        """Move the selected exhibits to 0-based ``new_index`` of the binder order (keyboard/menu path)."""
        ids = self.selected_ids()
        all_ids = [r.id for r in self.model.all_rows()]
        rest = [i for i in all_ids if i not in ids]
        before = rest[new_index] if 0 <= new_index < len(rest) else None
        self._reorder_dropped(ids, before)

    def move_by(self, delta: int) -> None:
        """Alt+↑ / Alt+↓: the selected exhibits one place up or down the binder order."""
        ids = self.selected_ids()
        if not ids or not self.model.can_reorder():
            return
        all_ids = [r.id for r in self.model.all_rows()]
        chosen = set(ids)
        first = min(all_ids.index(i) for i in ids)
        before_first = sum(1 for i in all_ids[:first] if i not in chosen)
        rest = len(all_ids) - len(chosen)
        target = max(0, min(rest, before_first + delta))
        if target != before_first:
            self.move_selected(target)

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) < 2 or self.case_id is None or not self.detail.commit():
            return
        numbers = {r.id: r.number for r in self.model.all_rows()}
        ids.sort(key=lambda i: numbers.get(i, 0))
        target, sources = ids[0], ids[1:]
        if not messages.ask(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("EvidenceView", "合并证据"),
            QCoreApplication.translate(
                "EvidenceView",
                "把选中的 {n} 项证据合并为一项？文件按当前顺序排在第 {num} 项之后，之后可以再拆分。",
            ).format(n=len(ids), num=numbers.get(target)),
        ):
            return
        self._push(MergeCommand(self, target, sources))

    def split_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and self.detail.commit():
            self._push(SplitCommand(self, ids[0]))

    def move_file(self, file_id: int) -> None:
        others = [r for r in self.model.all_rows() if r.id != self.detail.exhibit_id]
        if not others:
            return
        labels = [
            QCoreApplication.translate("EvidenceView", "证据 {n}  {title}").format(n=r.number, title=r.title)
            for r in others
        ]
        label, ok = QInputDialog.getItem(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("EvidenceView", "移动文件"),
            QCoreApplication.translate("EvidenceView", "把这个文件移到哪一项证据？"),
            labels,
            0,
            False,
        )
        if ok and label in labels:
            self.move_file_to(file_id, others[labels.index(label)].id)

    def move_file_to(self, file_id: int, target_exhibit_id: int) -> None:
        self._push(MoveFileCommand(self, file_id, target_exhibit_id))

    if TYPE_CHECKING:  # provided by EvidenceView

        def selected_ids(self) -> list[int]: ...

        def reload(self, select: list[int] | None = None) -> None: ...

        def _failed(self, failure) -> None: ...
