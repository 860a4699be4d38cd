"""Masked copies made again from the ledger: after a restore of a backup that did not carry ``masked/``.

A masked copy is derived: the original (in the vault, its hash checked), the boxes and the style its
``redact.copy`` ledger entry recorded are all it takes. ``mask.py`` paints from the pixels alone and the
encoders are run with fixed settings, so with the same Pillow the copy comes out byte for byte the same:
its SHA-256 is the recorded one, the file is put back under its name, and nothing new is recorded.

If the bytes differ (another Pillow / libjpeg / zlib encodes the same pixels differently), the old copy
cannot be put back as it was: ``identical_only`` leaves it for the user, otherwise the new file is stored
as a new copy with a new ``redact.copy`` entry that names the copy it stands in for (``remade_from``).
Only the newest copy of each image (the one an export uses) is remade that way; older ones are named.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from kami_desktop.core.errors import UserError
from kami_desktop.core.evidence.verify import absent_copies_notice
from kami_desktop.core.profile import Profile
from kami_desktop.core.redact.box import Box
from kami_desktop.core.redact.copies import ACTION, copy_path, store_copy
from kami_desktop.core.redact.mask import mask_image, style_code
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Exhibit, MaskedCopy
from kami_desktop.core.util.fsutil import atomic_write_bytes, make_private_dir
from kami_desktop.core.util.hashing import sha256_file


@dataclass(frozen=True)
class Remade:
    exhibit_id: int
    sha256: str  # the original's
    copy_sha256: str  # as recorded
    file_name: str  # the file now in masked/
    identical: bool  # same bytes as recorded; False: a new copy, with a new ledger entry
    new_copy_sha256: str | None = None


@dataclass(frozen=True)
class NotRemade:
    exhibit_id: int
    file_name: str
    reason: str


@dataclass
class RemakeReport:
    absent: int = 0  # copies whose file was not there
    remade: list[Remade] = field(default_factory=list)
    not_remade: list[NotRemade] = field(default_factory=list)
    still_absent: int = 0  # copies in use (the newest of each image) still without a file afterwards

    @property
    def notices(self) -> list[str]:
        """What verify will say about the copies now (a notice, not a problem)."""
        return [absent_copies_notice(self.still_absent)] if self.still_absent else []

    def to_json(self) -> dict:
        return {
            "absent": self.absent,
            "still_absent": self.still_absent,
            "notices": self.notices,
            "remade": [vars(r) for r in self.remade],
            "not_remade": [vars(n) for n in self.not_remade],
        }


@dataclass(frozen=True)
class _Wanted:
    exhibit_id: int
    case_id: int
    trashed: bool
    copy_sha256: str
    file_name: str
    latest: bool  # the newest copy of its (exhibit, original)


def _recorded(profile: Profile) -> dict[str, dict]:
    """copy SHA-256 → the payload of the ``redact.copy`` entry that made it (the boxes' authority)."""
    out: dict[str, dict] = {}
    with profile.session() as s:
        for e in ledger.entries(s):
            if e.action != ACTION:
                continue
            try:
                data = json.loads(e.payload)
            except ValueError:
                continue
            if isinstance(data, dict) and isinstance(data.get("copy_sha256"), str):
                out.setdefault(data["copy_sha256"], data)
    return out


def _absent(profile: Profile, case_id: int | None) -> list[_Wanted]:
    q = select(MaskedCopy, Exhibit).join(Exhibit, Exhibit.id == MaskedCopy.exhibit_id).order_by(MaskedCopy.id)
    if case_id is not None:
        q = q.where(Exhibit.case_id == case_id)
    with profile.session() as s:
        rows = [(c, ex.case_id, ex.trashed_at is not None) for c, ex in s.execute(q).all()]
    newest = {(c.exhibit_id, c.blob_sha256): c.id for c, _, _ in rows}
    out, seen = [], set()
    for c, cid, trashed in rows:
        name = Path(c.file_name).name
        if name in seen or copy_path(profile, name).is_file():
            continue
        seen.add(name)
        latest = newest[(c.exhibit_id, c.blob_sha256)] == c.id
        out.append(_Wanted(c.exhibit_id, cid, trashed, c.copy_sha256, name, latest))
    return out


def absent_copies(profile: Profile, case_id: int | None = None) -> int:
    """How many masked copies in use (the newest of each image) have no file in ``masked/``."""
    return sum(1 for w in _absent(profile, case_id) if w.latest)


def remake_copies(
    profile: Profile, case_id: int | None = None, *, identical_only: bool = False
) -> RemakeReport:
    """Make again every recorded masked copy whose file is not there, from the ledger's boxes."""
    wanted = _absent(profile, case_id)
    report = RemakeReport(absent=len(wanted))
    if wanted:
        _remake(profile, wanted, report, identical_only)
    report.still_absent = absent_copies(profile, case_id)
    return report


def remake_in(data_dir: Path | str) -> RemakeReport:
    """Right after a restore: put back every copy that comes out byte for byte as recorded (no ledger
    entry is written, so the restored ledger stays exactly the backup's)."""
    with Profile.open(data_dir) as profile:
        return remake_copies(profile, identical_only=True)


def _remake(profile: Profile, wanted: list[_Wanted], report: RemakeReport, identical_only: bool) -> None:
    recorded = _recorded(profile)
    make_private_dir(profile.masked_dir)
    for w in wanted:
        entry = recorded.get(w.copy_sha256)
        if entry is None:
            report.not_remade.append(NotRemade(w.exhibit_id, w.file_name, "存证日志中没有这个副本的制作记录"))
            continue
        sha, name = str(entry.get("sha256", "")), str(entry.get("original_name", ""))
        try:
            blob = profile.blob_path(sha)
            if not blob.is_file() or sha256_file(blob)[0] != sha:
                raise UserError("原件不在证据库中，或与登记的 SHA-256 不符（请运行 kami verify）")
            boxes = [Box.from_json(d) for d in entry.get("boxes", [])]
            style = style_code(str(entry.get("style", "")))
            masked = mask_image(blob, boxes, style, name=name)
        except (UserError, ValueError, KeyError, TypeError) as exc:
            report.not_remade.append(NotRemade(w.exhibit_id, w.file_name, str(exc)))
            continue
        digest = hashlib.sha256(masked.data).hexdigest()
        if digest == w.copy_sha256:  # the very copy: put back under its name, nothing new to record
            atomic_write_bytes(copy_path(profile, w.file_name), masked.data)
            report.remade.append(Remade(w.exhibit_id, sha, w.copy_sha256, w.file_name, True))
            continue
        why = (
            "按同样的遮盖框重新制作的副本，编码出的字节与登记的不同（图像库版本不同），不能当作原来的副本放回"
        )
        if identical_only:
            report.not_remade.append(NotRemade(w.exhibit_id, w.file_name, why + "：运行 kami redact remake"))
        elif w.trashed:
            report.not_remade.append(NotRemade(w.exhibit_id, w.file_name, why + "；证据在回收站中，未制作"))
        elif not w.latest:
            report.not_remade.append(
                NotRemade(w.exhibit_id, w.file_name, why + "；这是较早的副本，同一图片已有更新的副本")
            )
        else:
            info = store_copy(
                profile, w.exhibit_id, w.case_id, sha, name, masked, style, remade_from=w.copy_sha256
            )
            report.remade.append(
                Remade(w.exhibit_id, sha, w.copy_sha256, info.file_name, False, info.copy_sha256)
            )
