"""Undo and redo of exhibit changes: one ``QUndoStack`` of commands that call core functions.

Every command does and undoes its change through ``core.evidence.exhibits`` (edit, trash, restore,
reorder, split, merge, move a file), so an undo is itself a change recorded in the ledger like any other — nothing
is rolled back behind the ledger's back. The commands act on an ``ExhibitOps`` (the evidence tab):

- ``run_now(fn, *args)``: ``fn(session, *args)`` in one transaction on the GUI thread (quick changes);
- ``run_later(fn, *args, select=..., done=...)``: the same on the evidence tab's one-thread pool, for
  changes that renumber the binder (they run one after another, in the order they were asked for);
- ``edited(ids)`` / ``changed(select)``: show the result and tell the other views.

An edit is pushed after it was saved (its first ``redo`` does nothing): a refused edit never reaches
the stack. The other commands do their work in ``redo``, which ``QUndoStack.push`` calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.evidence.unmerge import (
    MergeRecord,
    MoveRecord,
    merge_parts,
    move_parts,
    unmerge,
    unmove,
)
from kami_desktop.core.store.edits import Changes


class ExhibitOps(Protocol):
    case_id: int | None

    def run_now(self, fn: Callable[..., Any], *args: Any) -> Any: ...

    def run_later(self, fn: Callable[..., Any], *args: Any, select: Any = None, done: str = "") -> None: ...

    def edited(self, ids: list[int], message: str = "") -> None: ...

    def changed(self, select: list[int] | None) -> None: ...


def _apply_values(s, values: dict[int, dict[str, Any]]) -> None:
    for exhibit_id, fields in values.items():
        X.edit_exhibit(s, exhibit_id, **fields)


def _reorder_live(s, case_id: int, order: list[int]) -> None:
    """Reorder to ``order``, leaving out exhibits that are no longer live (merged away, trashed)."""
    X.reorder(s, case_id, order, skip_missing=True)


class EditCommand(QUndoCommand):
    """Fields of one or more exhibits, already saved: undo writes the old values back."""

    def __init__(self, ops: ExhibitOps, changes: dict[int, Changes], text: str) -> None:
        super().__init__(text)
        self.ops = ops
        self.changes = changes
        self._done = True

    def _values(self, which: str) -> dict[int, dict[str, Any]]:
        return {i: {f: c[which] for f, c in ch.items()} for i, ch in self.changes.items()}

    def redo(self) -> None:
        if self._done:  # pushed right after the save
            self._done = False
            return
        self.ops.run_now(_apply_values, self._values("new"))
        self.ops.edited(list(self.changes))

    def undo(self) -> None:
        self.ops.run_now(_apply_values, self._values("old"))
        self.ops.edited(list(self.changes))


class TrashCommand(QUndoCommand):
    """Exhibits to the 回收站 (``restore=False``) or back from it (``restore=True``)."""

    def __init__(self, ops: ExhibitOps, ids: list[int], *, restore: bool = False) -> None:
        n = len(ids)
        text = (
            QCoreApplication.translate("Undo", "恢复 {n} 项证据")
            if restore
            else QCoreApplication.translate("Undo", "删除 {n} 项证据")
        )
        super().__init__(text.format(n=n))
        self.ops = ops
        self.ids = list(ids)
        self.restore = restore

    def _trash(self) -> None:
        self.ops.run_now(lambda s: [X.trash(s, i) for i in self.ids])
        self.ops.changed([])

    def _restore(self) -> None:
        # the last one trashed first: each comes back between its old neighbours
        self.ops.run_now(lambda s: [X.restore(s, i) for i in reversed(self.ids)])
        self.ops.changed(self.ids)

    def redo(self) -> None:
        self._restore() if self.restore else self._trash()

    def undo(self) -> None:
        self._trash() if self.restore else self._restore()


class ReorderCommand(QUndoCommand):
    def __init__(self, ops: ExhibitOps, case_id: int, before: list[int], after: list[int], moved: list[int]):
        super().__init__(QCoreApplication.translate("Undo", "调整证据顺序"))
        self.ops, self.case_id = ops, case_id
        self.before, self.after, self.moved = before, after, moved

    def _go(self, order: list[int]) -> None:
        self.ops.run_later(
            _reorder_live,
            self.case_id,
            order,
            select=self.moved,
            done=QCoreApplication.translate("Undo", "已调整证据顺序"),
        )

    def redo(self) -> None:
        self._go(self.after)

    def undo(self) -> None:
        self._go(self.before)


class SplitCommand(QUndoCommand):
    """Split one exhibit into one per file; undo merges the new ones back into it."""

    def __init__(self, ops: ExhibitOps, exhibit_id: int) -> None:
        super().__init__(QCoreApplication.translate("Undo", "拆分证据"))
        self.ops, self.exhibit_id = ops, exhibit_id
        self.created: list[int] = []

    def _split(self, s) -> list[int]:
        ids = [e.id for e in X.split(s, self.exhibit_id)]
        self.created = ids[1:]  # set on the worker, before any later undo runs there
        return ids

    def redo(self) -> None:
        self.ops.run_later(
            self._split, select=lambda ids: ids, done=QCoreApplication.translate("Undo", "已拆分")
        )

    def undo(self) -> None:
        self.ops.run_later(
            lambda s: X.merge(s, self.exhibit_id, self.created).id,
            select=lambda i: [i],
            done=QCoreApplication.translate("Undo", "已撤销拆分"),
        )


class MergeCommand(QUndoCommand):
    """Merge exhibits into the first; undo gives each merged exhibit its files, fields and place back
    (``core.evidence.unmerge``: split, edit, move file and reorder, each in the ledger)."""

    def __init__(self, ops: ExhibitOps, target: int, sources: list[int]) -> None:
        super().__init__(QCoreApplication.translate("Undo", "合并 {n} 项证据").format(n=len(sources) + 1))
        self.ops, self.target, self.sources = ops, target, list(sources)
        self.record: MergeRecord | None = None

    def _merge(self, s) -> int:
        self.record = merge_parts(s, self.target, self.sources)
        return X.merge(s, self.target, self.sources).id

    def _unmerge(self, s) -> list[int]:
        assert self.record is not None
        new_ids = unmerge(s, self.record)
        self.sources = [new_ids[p.exhibit_id] for p in self.record.parts]  # what a redo merges
        return [self.target, *self.sources]

    def redo(self) -> None:
        self.ops.run_later(
            self._merge, select=lambda tid: [tid], done=QCoreApplication.translate("Undo", "已合并")
        )

    def undo(self) -> None:
        self.ops.run_later(
            self._unmerge, select=lambda ids: ids, done=QCoreApplication.translate("Undo", "已撤销合并")
        )


class MoveFileCommand(QUndoCommand):
    """One file to another exhibit; undo puts it back in its old place (its exhibit too, if the move
    emptied and so deleted it)."""

    def __init__(self, ops: ExhibitOps, file_id: int, target: int) -> None:
        super().__init__(QCoreApplication.translate("Undo", "移动文件"))
        self.ops, self.file_id, self.target = ops, file_id, target
        self.record: MoveRecord | None = None

    def _move(self, s) -> int:
        self.record = move_parts(s, self.file_id, self.target)
        X.move_file(s, self.file_id, self.target)
        return self.target

    def _back(self, s) -> int:
        assert self.record is not None
        return unmove(s, self.record)

    def redo(self) -> None:
        self.ops.run_later(
            self._move, select=lambda i: [i], done=QCoreApplication.translate("Undo", "文件已移动")
        )

    def undo(self) -> None:
        self.ops.run_later(
            self._back, select=lambda i: [i], done=QCoreApplication.translate("Undo", "已撤销移动文件")
        )
