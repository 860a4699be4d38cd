"""Exhibits: edit, order, merge/split, trash/restore — each change goes into the ledger (purge: ``purge.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from kami_desktop.core.errors import UserError

# the end of an original's life, re-exported: callers import it from here
from kami_desktop.core.evidence.purge import blob_in_use as blob_in_use
from kami_desktop.core.evidence.purge import blob_in_use_clause as blob_in_use_clause
from kami_desktop.core.evidence.purge import purge as purge
from kami_desktop.core.store import ledger
from kami_desktop.core.store.edits import Changes, record_edit
from kami_desktop.core.store.model import Bill, Chat, Exhibit, ExhibitFile
from kami_desktop.core.util.timeutil import china_local, now
from kami_desktop.core.vocab import CATEGORIES, category_code


class ExhibitError(UserError, ValueError):
    pass


EDITABLE = (
    "title",
    "category",
    "purpose",
    "source",
    "captured_at",
    "notes",
    "tags",
    "transcript",
    "key_frames",
)


def get_exhibit(s: Session, exhibit_id: int) -> Exhibit:
    ex = s.get(Exhibit, exhibit_id)
    if ex is None:
        raise ExhibitError(f"证据 {exhibit_id} 不存在")
    return ex


def list_exhibits(s: Session, case_id: int, trashed: bool = False) -> list[Exhibit]:
    q = (
        select(Exhibit)
        .where(Exhibit.case_id == case_id)
        .where(Exhibit.trashed_at.is_not(None) if trashed else Exhibit.trashed_at.is_(None))
        .order_by(Exhibit.position, Exhibit.id)
        .options(selectinload(Exhibit.files).selectinload(ExhibitFile.blob))
    )
    return list(s.scalars(q))


def parse_time(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return china_local(value)
    text = str(value).strip().replace("/", "-")
    try:
        dt = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ExhibitError(
            f"时间格式不正确：{value!r}（例：2025-03-12 20:30 或 2025-03-12T20:30:00+08:00）"
        ) from exc
    return china_local(dt)


def _clean(field: str, value: Any) -> Any:
    if field == "title":
        t = str(value or "").strip()
        if not t:
            raise ExhibitError("证据名称不能为空")
        return t[:300]
    if field == "category":
        return category_code(value)
    if field == "captured_at":
        return parse_time(value)
    if field == "tags":
        items = value if isinstance(value, list | tuple) else str(value or "").replace("，", ",").split(",")
        out: list[str] = []
        for t in items:
            t = str(t).strip()
            if t and t not in out:
                out.append(t)
        return out
    if field == "transcript":  # empty: none (NULL), as before the user wrote one
        return str(value or "").strip() or None
    if field == "key_frames":  # a video's picked times: 00:01:23[.500], in order, each once
        return key_frame_list(value)
    return str(value or "")


def key_frame_list(value: Any) -> list[str]:
    from kami_desktop.core.evidence.video import VideoError, offset_text, parse_offset

    items = value if isinstance(value, list | tuple) else str(value or "").replace("，", ",").split(",")
    try:
        ms = sorted({parse_offset(str(t)) for t in items if str(t).strip()})
    except VideoError as exc:
        raise ExhibitError(str(exc)) from exc
    return [offset_text(m, precise=True) for m in ms]


def edit_exhibit(s: Session, exhibit_id: int, **fields: Any) -> Exhibit:
    ex = get_exhibit(s, exhibit_id)
    for k in fields:
        if k not in EDITABLE:
            raise ExhibitError(f"未知字段 {k}")
    values = {k: _clean(k, v) for k, v in fields.items()}
    _check_transcript(ex, values)
    record_edit(s, ex, values)
    return ex


def _check_transcript(ex: Exhibit, values: dict[str, Any]) -> None:
    """A transcript is printed on a recording's or a video's page: refused (never silently kept) for an
    exhibit without sound, unless it is the one it already has."""
    text = values.get("transcript")
    if not text or text == ex.transcript:
        return
    if not any(f.blob.media_type.startswith(("audio/", "video/")) for f in ex.files):
        raise ExhibitError(
            f"证据 {ex.id}（{ex.title}）中没有录音、语音或视频文件：文字记录只印在录音的波形页或视频页上，"
            "没有保存"
        )


def edit_exhibits(s: Session, exhibit_ids: list[int], **fields: Any) -> dict[int, Changes]:
    """Set the same fields on several exhibits (a bulk edit): one ``exhibit.edit`` entry per exhibit
    that changed. Returns {exhibit id: its changes ({field: {"old", "new"}})}, only for those that
    changed — what an undo needs to put the old values back."""
    for k in fields:
        if k not in EDITABLE:
            raise ExhibitError(f"未知字段 {k}")
    values = {k: _clean(k, v) for k, v in fields.items()}
    out: dict[int, Changes] = {}
    targets = [get_exhibit(s, exhibit_id) for exhibit_id in exhibit_ids]
    for ex in targets:  # all checked before any is changed
        _check_transcript(ex, values)
    for exhibit_id, ex in zip(exhibit_ids, targets, strict=True):
        changes = record_edit(s, ex, values)
        if changes:
            out[exhibit_id] = changes
    return out


def next_position(s: Session, case_id: int) -> int:
    """The binder position after the case's last exhibit (live or trashed)."""
    cur = s.scalar(select(func.max(Exhibit.position)).where(Exhibit.case_id == case_id))
    return (cur or 0) + 1


def _relink_parsed(s: Session, case_id: int, prefer: int | None = None) -> None:
    """Keep each parsed bill/chat attached to the exhibit that now holds its file.

    Merging, splitting and moving files change which exhibit holds a bill's or chat's file; the
    parsed rows must follow the file (deleting the emptied exhibit would otherwise cascade to them).
    """
    s.flush()
    bills = s.scalars(
        select(Bill).join(Exhibit, Exhibit.id == Bill.exhibit_id).where(Exhibit.case_id == case_id)
    )
    chats = s.scalars(
        select(Chat).join(Exhibit, Exhibit.id == Chat.exhibit_id).where(Exhibit.case_id == case_id)
    )
    records: list[Bill | Chat] = [*bills, *chats]
    for rec in records:
        holders = list(
            s.scalars(
                select(ExhibitFile.exhibit_id)
                .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
                .where(ExhibitFile.blob_sha256 == rec.blob_sha256, Exhibit.case_id == case_id)
            )
        )
        if rec.exhibit_id in holders or not holders:
            continue
        rec.exhibit_id = prefer if prefer is not None and prefer in holders else holders[0]
    s.flush()


def _renumber(s: Session, case_id: int, ordered: list[Exhibit]) -> None:
    """Number the case's exhibits 1..n: the live ones in ``ordered``, each trashed one kept right
    after the live exhibit it followed (so a restore puts it back where it was)."""
    s.flush()
    everything = s.scalars(
        select(Exhibit).where(Exhibit.case_id == case_id).order_by(Exhibit.position, Exhibit.id)
    )
    anchored: dict[int | None, list[Exhibit]] = {}
    last_live: int | None = None
    for ex in everything:
        if ex.trashed_at is None:
            last_live = ex.id
        else:
            anchored.setdefault(last_live, []).append(ex)
    full = list(anchored.get(None, []))
    for ex in ordered:
        full.append(ex)
        full.extend(anchored.get(ex.id, []))
    placed = {ex.id for ex in full}
    full.extend(ex for trailing in anchored.values() for ex in trailing if ex.id not in placed)
    for i, ex in enumerate(full, start=1):
        ex.position = i


def reorder(s: Session, case_id: int, exhibit_ids: list[int], *, skip_missing: bool = False) -> None:
    """Set the binder order of the case's live exhibits (ids not named keep their relative order after).

    ``skip_missing``: leave out ids that are no longer live exhibits of the case (an undo of a reorder
    after one of them was merged away or trashed) instead of refusing."""
    live = list_exhibits(s, case_id)
    by_id = {e.id: e for e in live}
    if skip_missing:
        exhibit_ids = [i for i in exhibit_ids if i in by_id]
    unknown = [i for i in exhibit_ids if i not in by_id]
    if unknown:
        raise ExhibitError(f"证据 {unknown} 不在本案件中")
    seen = set(exhibit_ids)
    ordered = [by_id[i] for i in exhibit_ids] + [e for e in live if e.id not in seen]
    before = [e.id for e in live]
    after = [e.id for e in ordered]
    _renumber(s, case_id, ordered)
    if before != after:
        ledger.append(s, "exhibit.reorder", {"order": after, "previous": before}, case_id=case_id)


def move_exhibit(s: Session, exhibit_id: int, new_index: int) -> None:
    """Move one exhibit to 0-based ``new_index`` in the binder order."""
    ex = get_exhibit(s, exhibit_id)
    ids = [e.id for e in list_exhibits(s, ex.case_id)]
    ids.remove(ex.id)
    ids.insert(max(0, min(new_index, len(ids))), ex.id)
    reorder(s, ex.case_id, ids)


def merge(s: Session, target_id: int, source_ids: list[int]) -> Exhibit:
    """Move all files of the source exhibits (in order) into the target; the emptied sources are deleted."""
    target = get_exhibit(s, target_id)
    pos = len(target.files)
    moved = []
    for sid in source_ids:
        if sid == target_id:
            continue
        src = get_exhibit(s, sid)
        if src.case_id != target.case_id:
            raise ExhibitError("只能合并同一案件中的证据")
        for f in list(src.files):
            pos += 1
            f.exhibit_id = target.id
            f.position = pos
            moved.append({"file_id": f.id, "sha256": f.blob_sha256, "from": sid})
        s.flush()
        _relink_parsed(s, target.case_id, prefer=target.id)
        s.expire(src, ["files"])
        s.delete(src)
    s.flush()
    s.expire(target, ["files"])
    target.updated_at = now()
    ledger.append(
        s,
        "exhibit.merge",
        {"sources": source_ids, "files": moved},
        case_id=target.case_id,
        exhibit_id=target.id,
    )
    _renumber(s, target.case_id, list_exhibits(s, target.case_id))
    return target


def split(s: Session, exhibit_id: int) -> list[Exhibit]:
    """Give every file after the first its own exhibit, placed right after the original."""
    ex = get_exhibit(s, exhibit_id)
    files = list(ex.files)
    if len(files) < 2:
        return [ex]
    stamp = now()
    created = []
    for f in files[1:]:
        new = Exhibit(
            case_id=ex.case_id,
            title=f"{ex.title}（{f.position}）",
            category=ex.category,
            purpose=ex.purpose,
            source=ex.source,
            captured_at=ex.captured_at,
            position=ex.position,
            notes="",
            tags=list(ex.tags),
            created_at=stamp,
            updated_at=stamp,
        )
        s.add(new)
        s.flush()
        f.exhibit_id = new.id
        f.position = 1
        created.append(new)
    s.flush()
    _relink_parsed(s, ex.case_id)
    s.expire(ex, ["files"])
    order = []
    for e in list_exhibits(s, ex.case_id):
        if e.id in {c.id for c in created}:
            continue
        order.append(e)
        if e.id == ex.id:
            order.extend(created)
    _renumber(s, ex.case_id, order)
    ledger.append(
        s, "exhibit.split", {"new_exhibits": [c.id for c in created]}, case_id=ex.case_id, exhibit_id=ex.id
    )
    return [ex, *created]


def move_file(s: Session, file_id: int, target_exhibit_id: int, index: int | None = None) -> None:
    """Move one file to another exhibit of the same case (an emptied exhibit is deleted)."""
    f = s.get(ExhibitFile, file_id)
    if f is None:
        raise ExhibitError(f"文件 {file_id} 不存在")
    src = f.exhibit
    dst = get_exhibit(s, target_exhibit_id)
    if src.case_id != dst.case_id:
        raise ExhibitError("只能在同一案件的证据之间移动文件")
    dst_files = [x for x in dst.files if x.id != f.id]
    idx = len(dst_files) if index is None else max(0, min(index, len(dst_files)))
    dst_files.insert(idx, f)
    f.exhibit_id = dst.id
    for i, x in enumerate(dst_files, start=1):
        x.position = i
    s.flush()
    _relink_parsed(s, dst.case_id, prefer=dst.id)
    s.expire(src, ["files"])
    s.expire(dst, ["files"])
    ledger.append(
        s,
        "file.move",
        {"file_id": f.id, "sha256": f.blob_sha256, "from": src.id, "to": dst.id, "index": idx},
        case_id=dst.case_id,
        exhibit_id=dst.id,
    )
    if src.id != dst.id:
        rest = sorted(src.files, key=lambda x: x.position)
        if not rest:
            s.delete(src)
            s.flush()
            _renumber(s, dst.case_id, list_exhibits(s, dst.case_id))
        else:
            for i, x in enumerate(rest, start=1):
                x.position = i


def trash(s: Session, exhibit_id: int) -> Exhibit:
    ex = get_exhibit(s, exhibit_id)
    if ex.trashed_at is None:
        ex.trashed_at = now()
        ledger.append(s, "exhibit.trash", {"title": ex.title}, case_id=ex.case_id, exhibit_id=ex.id)
    return ex


def restore(s: Session, exhibit_id: int) -> Exhibit:
    ex = get_exhibit(s, exhibit_id)
    if ex.trashed_at is not None:
        ex.trashed_at = None  # its position was kept while trashed: it comes back where it was
        s.flush()
        _renumber(s, ex.case_id, list_exhibits(s, ex.case_id))
        s.flush()
        order = [e.id for e in list_exhibits(s, ex.case_id)]
        ledger.append(
            s, "exhibit.restore", {"title": ex.title, "order": order}, case_id=ex.case_id, exhibit_id=ex.id
        )
    return ex


def exhibit_summary(ex: Exhibit, number: int | None = None) -> dict[str, Any]:
    return {
        "id": ex.id,
        "case_id": ex.case_id,
        "number": number,
        "position": ex.position,
        "title": ex.title,
        "category": ex.category,
        "category_label": CATEGORIES.get(ex.category, ex.category),
        "purpose": ex.purpose,
        "source": ex.source,
        "captured_at": ex.captured_at.isoformat() if ex.captured_at else None,
        "notes": ex.notes,
        "tags": list(ex.tags),
        "transcript": ex.transcript,
        "key_frames": list(ex.key_frames),
        "trashed": ex.trashed_at is not None,
        "files": [
            {
                "id": f.id,
                "position": f.position,
                "sha256": f.blob_sha256,
                "sm3": f.blob.sm3,
                "size": f.blob.size,
                "media_type": f.blob.media_type,
                "original_name": f.original_name,
                "file_mtime": f.file_mtime.isoformat() if f.file_mtime else None,
                "exif_time": f.exif_time.isoformat() if f.exif_time else None,
                "imported_at": f.imported_at.isoformat(),
                "width": f.width,
                "height": f.height,
                "problem": f.problem,
            }
            for f in ex.files
        ],
    }
