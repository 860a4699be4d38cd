"""Masked copies as stored: ``masked/<copy_sha256>.<ext>`` in the data folder, a ``masked_copies`` row and
a ``redact.copy`` ledger entry (the original's SHA-256, the copy's, the boxes and the style) in one
transaction. The vault is only read. A copy follows its exhibit: a trashed exhibit's copies are not
exported, a purged exhibit's copies are deleted with it (``core.evidence.exhibits.purge``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.case.facts import exhibit_numbers
from kami_desktop.core.case.parties import list_parties
from kami_desktop.core.errors import UserError
from kami_desktop.core.evidence.exhibits import get_exhibit
from kami_desktop.core.legal.private_data import Personal
from kami_desktop.core.ocr.model import OK, OcrPage
from kami_desktop.core.ocr.store import pages_of_blob
from kami_desktop.core.profile import Profile
from kami_desktop.core.redact import ocr_source
from kami_desktop.core.redact.box import Box
from kami_desktop.core.redact.detect import detect_page
from kami_desktop.core.redact.mask import SOLID, STYLES, Masked, mask_image, shown_size, style_code
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Exhibit, MaskedCopy
from kami_desktop.core.util.fsutil import atomic_write_bytes, make_private_dir
from kami_desktop.core.util.hashing import sha256_file
from kami_desktop.core.util.timeutil import now

ACTION = "redact.copy"
OCR_NONE, OCR_FAILED = "none", "failed"
ABSENT = (
    "打码副本文件不在本机（从不含打码副本的旧版备份恢复后会这样；原件完好）："
    "可在“校验完整性”窗口点“重新制作打码副本”，或运行 kami redact remake，按登记的遮盖框重新制作"
)


class RedactError(UserError):
    """A masked copy cannot be made as asked."""


@dataclass(frozen=True)
class ImageFile:
    file_id: int
    sha256: str
    name: str
    media_type: str


@dataclass
class Suggestion:
    """Proposed boxes for one image file of an exhibit."""

    exhibit_id: int
    file: ImageFile
    width: int
    height: int
    ocr: str  # ok | empty | none (not read yet) | failed
    boxes: list[Box] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CopyInfo:
    id: int
    exhibit_id: int
    sha256: str  # the original's
    copy_sha256: str
    file_name: str
    media_type: str
    size: int
    width: int
    height: int
    style: str
    boxes: list[Box]
    created_at: datetime

    @property
    def style_label(self) -> str:
        return STYLES.get(self.style, self.style)


def copy_path(profile: Profile, file_name: str) -> Path:
    return profile.masked_dir / Path(file_name).name


def is_image(media_type: str) -> bool:
    return media_type.startswith("image/") and media_type not in ("image/svg+xml",)


def image_files(s: Session, exhibit_id: int) -> list[ImageFile]:
    ex = get_exhibit(s, exhibit_id)
    return [
        ImageFile(f.id, f.blob_sha256, f.original_name, f.blob.media_type)
        for f in ex.files
        if is_image(f.blob.media_type)
    ]


def _usable(s: Session, exhibit_id: int) -> tuple[Exhibit, list[ImageFile]]:
    ex = get_exhibit(s, exhibit_id)
    if ex.trashed_at is not None:
        raise RedactError(f"证据“{ex.title}”在回收站中，不能制作打码副本（请先恢复）")
    files = image_files(s, exhibit_id)
    if not files:
        kinds = "、".join(sorted({f.blob.media_type for f in ex.files})) or "没有文件"
        raise RedactError(f"证据“{ex.title}”不是图片（{kinds}），只有图片可以制作打码副本")
    return ex, files


def personal_of_case(s: Session, case_id: int) -> Personal | None:
    """The case's 本人 party as the detectors need it; None when the case has none."""
    for p in list_parties(s, case_id):
        if p.role == "self":
            return Personal(p.name or "", p.address or "", p.phone or "", p.id_number or "")
    return None


def _pick(files: list[ImageFile], sha256: str | None) -> list[ImageFile]:
    if sha256 is None:
        return files
    chosen = [f for f in files if f.sha256 == sha256]
    if not chosen:
        raise RedactError(f"这件证据中没有 SHA-256 为 {sha256[:12]}… 的图片")
    return chosen


def suggest(
    profile: Profile, exhibit_id: int, *, orders: bool = False, sha256: str | None = None
) -> list[Suggestion]:
    """Boxes proposed for each image file of the exhibit, from the OCR text already read."""
    with profile.session() as s:
        ex, files = _usable(s, exhibit_id)
        personal = personal_of_case(s, ex.case_id)
        pages = {f.sha256: pages_of_blob(s, f.sha256) for f in _pick(files, sha256)}
    out = []
    for f in _pick(files, sha256):
        width, height = shown_size(profile.blob_path(f.sha256), f.name)
        read: list[OcrPage] = pages[f.sha256]
        if not read:
            out.append(
                Suggestion(
                    exhibit_id,
                    f,
                    width,
                    height,
                    OCR_NONE,
                    [],
                    ["这张图片还没有识别文字：可先识别，或手动框选。"],
                )
            )
            continue
        page = read[0]
        if page.status != OK:
            note = "文字识别失败" + (f"（{page.problem}）" if page.problem else "") + "：请手动框选。"
            out.append(
                Suggestion(
                    exhibit_id, f, width, height, page.status if page.status else OCR_FAILED, [], [note]
                )
            )
            continue
        found = detect_page(page, personal, orders=orders, size=(width, height))
        out.append(Suggestion(exhibit_id, f, width, height, OK, found.boxes, found.notes))
    return out


def read_text(profile: Profile, exhibit_id: int) -> None:
    """Run OCR on the exhibit's images now (the OCR job's reader)."""
    with profile.session() as s:
        _usable(s, exhibit_id)
    ocr_source.read_exhibit(profile, exhibit_id)


def _info(row: MaskedCopy) -> CopyInfo:
    return CopyInfo(
        row.id,
        row.exhibit_id,
        row.blob_sha256,
        row.copy_sha256,
        row.file_name,
        row.media_type,
        row.size,
        row.width,
        row.height,
        row.style,
        [Box.from_json(d) for d in json.loads(row.boxes or "[]")],
        row.created_at,
    )


def make_copy(
    profile: Profile,
    exhibit_id: int,
    boxes: list[Box],
    style: str = SOLID,
    *,
    sha256: str | None = None,
) -> CopyInfo:
    """Mask one image file of the exhibit (its first image unless ``sha256`` names one) and store the copy.

    Boxes outside the image are clamped to it; a copy with no box left is refused (it would be the
    original with its metadata stripped, and would read as masked)."""
    style = style_code(style)
    with profile.session() as s:
        ex, files = _usable(s, exhibit_id)
        f = _pick(files, sha256)[0]
        case_id = ex.case_id
    masked = mask_image(profile.blob_path(f.sha256), boxes, style, name=f.name)
    if not masked.boxes:
        raise RedactError(
            f"“{f.name}”：没有落在图片内的遮盖框（图片为 {masked.width}×{masked.height} 像素），未制作副本"
        )
    return store_copy(profile, exhibit_id, case_id, f.sha256, f.name, masked, style)


def store_copy(
    profile: Profile,
    exhibit_id: int,
    case_id: int,
    sha256: str,
    original_name: str,
    masked: Masked,
    style: str,
    *,
    remade_from: str | None = None,
) -> CopyInfo:
    """Write the copy's file (atomically, under its own hash) and record it: row and ledger entry."""
    digest = hashlib.sha256(masked.data).hexdigest()
    name = f"{digest}.{masked.ext}"
    target = copy_path(profile, name)
    make_private_dir(profile.masked_dir)
    if not (target.is_file() and sha256_file(target)[0] == digest):
        atomic_write_bytes(target, masked.data)
    payload = {
        "sha256": sha256,
        "original_name": original_name,
        "copy_sha256": digest,
        "copy_size": len(masked.data),
        "media_type": masked.media_type,
        "style": style,
        "boxes": [b.to_json() for b in masked.boxes],
    }
    if remade_from:
        payload["remade_from"] = remade_from  # the copy this one stands in for (its file was not there)
    with profile.session() as s:
        row = MaskedCopy(
            exhibit_id=exhibit_id,
            blob_sha256=sha256,
            copy_sha256=digest,
            file_name=name,
            media_type=masked.media_type,
            size=len(masked.data),
            width=masked.width,
            height=masked.height,
            style=style,
            boxes=json.dumps([b.to_json() for b in masked.boxes], ensure_ascii=False),
            created_at=now(),
        )
        s.add(row)
        ledger.append(s, ACTION, payload, case_id=case_id, exhibit_id=exhibit_id)
        s.flush()
        return _info(row)


def copies_of_exhibit(s: Session, exhibit_id: int) -> list[CopyInfo]:
    rows = s.scalars(select(MaskedCopy).where(MaskedCopy.exhibit_id == exhibit_id).order_by(MaskedCopy.id))
    return [_info(r) for r in rows]


def latest_copies(s: Session, case_id: int) -> dict[tuple[int, str], CopyInfo]:
    """{(exhibit id, original's SHA-256): the newest copy} for every exhibit of the case (trashed too)."""
    rows = s.scalars(
        select(MaskedCopy)
        .join(Exhibit, Exhibit.id == MaskedCopy.exhibit_id)
        .where(Exhibit.case_id == case_id)
        .order_by(MaskedCopy.id)
    )
    return {(r.exhibit_id, r.blob_sha256): _info(r) for r in rows}


def copy_state(profile: Profile, info: CopyInfo) -> str:
    """'' when the copy's file is there with its recorded hash, else what is wrong, in words."""
    path = copy_path(profile, info.file_name)
    if not path.is_file():
        return ABSENT
    try:
        digest, _size = sha256_file(path)
    except OSError as exc:
        return f"打码副本文件无法读取：{exc.strerror or exc}"
    return "" if digest == info.copy_sha256 else "打码副本文件与登记的 SHA-256 不符（已被改动）"


@dataclass
class ReviewItem:
    """One exhibit of a selection, for the review screens: its binder number, and either its images'
    suggestions or why it cannot be masked."""

    exhibit_id: int
    number: int | None  # None for a trashed exhibit
    title: str
    suggestions: list[Suggestion] = field(default_factory=list)
    problem: str = ""


def review_items(profile: Profile, exhibit_ids: list[int], *, orders: bool = False) -> list[ReviewItem]:
    """What the editor shows for a selection of exhibits, in binder order."""
    with profile.session() as s:
        heads = []
        for eid in exhibit_ids:
            ex = get_exhibit(s, eid)
            numbers = exhibit_numbers(s, ex.case_id)
            heads.append((eid, numbers.get(eid, (None, ex.title))[0], ex.title))
    out = []
    for eid, number, title in sorted(heads, key=lambda h: (h[1] is None, h[1] or 0, h[0])):
        try:
            out.append(ReviewItem(eid, number, title, suggest(profile, eid, orders=orders)))
        except UserError as exc:
            out.append(ReviewItem(eid, number, title, problem=str(exc)))
    return out
