"""The commit of one stored file: blob row, exhibit (or the exhibit already holding the bytes), file row,
the ``import`` ledger entry and whatever the caller's hook adds, in one transaction; and the clean-up of a
blob whose commit failed. ``core.evidence.importer`` prepares the files and calls ``commit_file``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.evidence.exhibits import get_exhibit, next_position
from kami_desktop.core.evidence.import_report import (
    CommitHook,
    ImportedItem,
    ImportInputError,
    time_from_name,
)
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Blob, Case, Exhibit, ExhibitFile
from kami_desktop.core.store.vault import Stored
from kami_desktop.core.util.timeutil import now


@dataclass
class Prepared:
    path: Path
    stored: Stored
    mime: str
    mtime: datetime | None
    width: int | None
    height: int | None
    exif_time: datetime | None
    problem: str


def discard(profile: Profile, sha: str) -> None:
    with profile.session() as s:
        if s.get(Blob, sha) is None:
            profile.vault.remove_blob(sha)
    profile.vault.unmark(sha, "import")


def check_target(s: Session, case_id: int, exhibit_id: int | None) -> None:
    case = s.get(Case, case_id)
    if case is None:
        raise ImportInputError(f"案件 {case_id} 不存在")
    if exhibit_id is not None:
        ex = s.get(Exhibit, exhibit_id)
        if ex is None or ex.case_id != case_id:
            raise ImportInputError(f"证据 {exhibit_id} 不存在或不属于案件 {case_id}")
        if ex.trashed_at is not None:
            raise ImportInputError(f"证据 {exhibit_id} 在回收站中，请先恢复")


def _shown(text: str) -> str:
    """File names may carry bytes that are not text (lone surrogates); the database and ledger need text."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def commit_file(
    profile: Profile,
    case_id: int,
    exhibit_id: int | None,
    prep: Prepared,
    cat: str | None,
    source: str,
    captured_at: datetime | None,
    record_origin: bool = True,
    on_commit: CommitHook | None = None,
) -> ImportedItem:
    """Blob row, exhibit (or the exhibit already holding the bytes), file row, ledger entry and whatever
    ``on_commit`` adds: one transaction."""
    st = prep.stored
    if not record_origin:
        prep = replace(prep, mtime=None)
    shown = _shown(str(prep.path))
    if shown != str(prep.path):
        note = "文件名含有无法识别的字符，已用 \ufffd 代替（文件内容不受影响）"
        prep = replace(prep, path=Path(shown), problem="；".join(x for x in (prep.problem, note) if x))
    with profile.session() as s:
        blob = s.get(Blob, st.sha256)
        duplicate = blob is not None
        stamp = now()
        if blob is None:
            blob = Blob(sha256=st.sha256, sm3=st.sm3, size=st.size, media_type=prep.mime, first_seen=stamp)
            s.add(blob)
        holder = _existing_holder(s, case_id, exhibit_id, st.sha256)
        if holder is not None:
            ex_id, file_id = holder
            item = ImportedItem(
                ex_id,
                file_id,
                st.sha256,
                blob.sm3,
                blob.size,
                blob.media_type,
                prep.path.name,
                True,
                str(prep.path) if record_origin else "",
                prep.problem,
                already_in_case=True,
            )
            ledger.append(
                s,
                "import.duplicate",
                {"sha256": st.sha256, "original_name": prep.path.name, "exhibit_id": ex_id},
                case_id=case_id,
                exhibit_id=ex_id,
            )
        else:
            if exhibit_id is None:
                ex = Exhibit(
                    case_id=case_id,
                    title=Path(prep.path.name).stem[:300] or prep.path.name,
                    category=cat or "other",
                    purpose="",
                    source=source,
                    captured_at=captured_at or prep.exif_time or time_from_name(prep.path.name) or prep.mtime,
                    position=next_position(s, case_id),
                    notes="",
                    tags=[],
                    created_at=stamp,
                    updated_at=stamp,
                )
                s.add(ex)
                s.flush()
                file_pos = 1
            else:
                ex = get_exhibit(s, exhibit_id)
                file_pos = len(ex.files) + 1
                ex.updated_at = stamp
            ef = ExhibitFile(
                exhibit_id=ex.id,
                blob_sha256=st.sha256,
                position=file_pos,
                original_name=prep.path.name[:500],
                original_path=str(prep.path) if record_origin else "",
                file_mtime=prep.mtime,
                exif_time=prep.exif_time,
                imported_at=stamp,
                width=prep.width,
                height=prep.height,
                problem=prep.problem,
            )
            s.add(ef)
            s.flush()
            record_import(s, blob, ex, ef, duplicate=duplicate, new_exhibit=exhibit_id is None)
            item = ImportedItem(
                ex.id,
                ef.id,
                st.sha256,
                st.sm3,
                st.size,
                blob.media_type,
                prep.path.name,
                duplicate,
                str(prep.path) if record_origin else "",
                prep.problem,
                trashed_exhibit_id=_trashed_holder(s, case_id, st.sha256) if exhibit_id is None else None,
            )
        if on_commit is not None:
            on_commit(s, item, holder is None and exhibit_id is None)
    profile.vault.unmark(st.sha256, "import")
    return item


def record_import(
    s: Session, blob: Blob, ex: Exhibit, ef: ExhibitFile, *, duplicate: bool, new_exhibit: bool
) -> None:
    """The ``import`` ledger entry of one stored file: its hashes and times as stored, and — when the file
    made a new exhibit — that exhibit's fields, which the replay (``evidence.replay``) rebuilds from it."""
    payload = {
        "sha256": blob.sha256,
        "sm3": blob.sm3,
        "size": blob.size,
        "media_type": blob.media_type,
        "original_name": ef.original_name,
        "file_id": ef.id,
        "duplicate": duplicate,
        "captured_at": ex.captured_at,
        "problem": ef.problem,
        "file_mtime": ef.file_mtime,
        "exif_time": ef.exif_time,
        "imported_at": ef.imported_at,
    }
    if new_exhibit:
        payload |= {
            "title": ex.title,
            "category": ex.category,
            "purpose": ex.purpose,
            "source": ex.source,
            "notes": ex.notes,
            "tags": list(ex.tags),
        }
    ledger.append(s, "import", payload, case_id=ex.case_id, exhibit_id=ex.id)


def _existing_holder(s: Session, case_id: int, exhibit_id: int | None, sha: str) -> tuple[int, int] | None:
    q = (
        select(Exhibit.id, ExhibitFile.id)
        .join(ExhibitFile, ExhibitFile.exhibit_id == Exhibit.id)
        .where(ExhibitFile.blob_sha256 == sha, Exhibit.trashed_at.is_(None))
    )
    q = q.where(Exhibit.id == exhibit_id) if exhibit_id is not None else q.where(Exhibit.case_id == case_id)
    row = s.execute(q.limit(1)).first()
    return (row[0], row[1]) if row else None


def _trashed_holder(s: Session, case_id: int, sha: str) -> int | None:
    """The exhibit in the case's 回收站 that holds these bytes, if any (the file was dropped again)."""
    q = (
        select(Exhibit.id)
        .join(ExhibitFile, ExhibitFile.exhibit_id == Exhibit.id)
        .where(ExhibitFile.blob_sha256 == sha, Exhibit.case_id == case_id, Exhibit.trashed_at.is_not(None))
        .order_by(Exhibit.trashed_at.desc())
    )
    return s.execute(q.limit(1)).scalar()
