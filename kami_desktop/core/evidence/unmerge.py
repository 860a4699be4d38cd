"""Undo of a merge or a file move, made of recorded steps: what they took, and how to give it back.

``merge_parts`` reads, before a merge, each exhibit that will be merged away: its fields and its files
in order. ``unmerge`` then gives each part an exhibit of its own again — a ``split`` of the merged
exhibit, an ``edit`` of each new exhibit's fields, a ``move`` of its further files and a ``reorder``
back to the old binder order — so the ledger records the undo as the ordinary steps it is made of,
and its replay needs nothing new. The new exhibits have new ids; ``unmerge`` says which is which.
``move_parts`` / ``unmove`` do the same for one file moved to another exhibit (a source the move
emptied was deleted: it comes back as a merge undone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kami_desktop.core.evidence.exhibits import (
    EDITABLE,
    ExhibitError,
    edit_exhibit,
    get_exhibit,
    list_exhibits,
    move_file,
    reorder,
    split,
)
from kami_desktop.core.store.model import ExhibitFile


@dataclass(frozen=True)
class MergePart:
    exhibit_id: int
    fields: dict[str, Any]  # the EDITABLE fields, as stored
    file_ids: tuple[int, ...]


@dataclass(frozen=True)
class MergeRecord:
    """What a merge into ``target`` changes, read before it: enough to undo it."""

    case_id: int
    target: int
    target_files: tuple[int, ...]
    parts: tuple[MergePart, ...]
    order: tuple[int, ...]  # the binder order of the live exhibits before the merge


def merge_parts(s: Session, target_id: int, source_ids: list[int]) -> MergeRecord:
    target = get_exhibit(s, target_id)
    parts = []
    for sid in source_ids:
        if sid == target_id:
            continue
        ex = get_exhibit(s, sid)
        fields = {k: (list(v) if isinstance(v := getattr(ex, k), list) else v) for k in EDITABLE}
        parts.append(MergePart(sid, fields, tuple(f.id for f in ex.files)))
    return MergeRecord(
        target.case_id,
        target.id,
        tuple(f.id for f in target.files),
        tuple(parts),
        tuple(e.id for e in list_exhibits(s, target.case_id)),
    )


def unmerge(s: Session, record: MergeRecord) -> dict[int, int]:
    """Give each merged part an exhibit of its own again; {old exhibit id: its new id}."""
    target = get_exhibit(s, record.target)
    held = {f.id for f in target.files}
    wanted = set(record.target_files).union(*(p.file_ids for p in record.parts))
    if held != wanted:
        raise ExhibitError(f"证据 {target.title} 的文件已经改动过，不能再撤销这次合并")
    split(s, record.target)
    for fid in record.target_files[1:]:
        move_file(s, fid, record.target)
    new_ids: dict[int, int] = {}
    for part in record.parts:
        first, *rest = part.file_ids
        f = s.get(ExhibitFile, first)
        assert f is not None
        new_id = f.exhibit_id
        edit_exhibit(s, new_id, **part.fields)
        for fid in rest:
            move_file(s, fid, new_id)
        new_ids[part.exhibit_id] = new_id
    reorder(s, record.case_id, [new_ids.get(i, i) for i in record.order], skip_missing=True)
    return new_ids


@dataclass(frozen=True)
class MoveRecord:
    """Where a file was before ``move_file`` took it to another exhibit: enough to put it back."""

    file_id: int
    source: int
    index: int  # its 0-based place among the source's files
    emptied: MergeRecord | None  # the move empties (and so deletes) the source: how to give it back


def move_parts(s: Session, file_id: int, target_id: int) -> MoveRecord:
    f = s.get(ExhibitFile, file_id)
    if f is None:
        raise ExhibitError(f"文件 {file_id} 不存在")
    src = get_exhibit(s, f.exhibit_id)
    files = [x.id for x in src.files]
    emptied = None
    if files == [file_id] and src.id != target_id:
        fields = {k: (list(v) if isinstance(v := getattr(src, k), list) else v) for k in EDITABLE}
        emptied = MergeRecord(
            src.case_id,
            target_id,
            tuple(x.id for x in get_exhibit(s, target_id).files),
            (MergePart(src.id, fields, (file_id,)),),
            tuple(e.id for e in list_exhibits(s, src.case_id)),
        )
    return MoveRecord(file_id, src.id, files.index(file_id), emptied)


def unmove(s: Session, record: MoveRecord) -> int:
    """Put a moved file back; the id of the exhibit that holds it again (new when the source was deleted)."""
    if record.emptied is None:
        move_file(s, record.file_id, record.source, index=record.index)
        return record.source
    return unmerge(s, record.emptied)[record.source]
