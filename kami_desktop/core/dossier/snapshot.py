"""A read-only picture of one case, taken in one transaction, that the whole build works from.

The build never holds a database session while it renders, and everything it prints comes from this
snapshot, so two builds of an unchanged case see exactly the same input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.case.facts import timeline
from kami_desktop.core.chats.excerpts import snapshot_chats
from kami_desktop.core.chats.voice_links import snapshot_voice_links
from kami_desktop.core.dossier.bill_annotation import snapshot_bills
from kami_desktop.core.dossier.money import MoneySnap, take_money
from kami_desktop.core.dossier.naming import original_file_name, unique_names
from kami_desktop.core.dossier.options import DossierError, Fact
from kami_desktop.core.evidence.advice import advice_by_exhibit, court_notes
from kami_desktop.core.evidence.exhibits import list_exhibits
from kami_desktop.core.evidence.times import chat_times, screen_texts, time_label
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Exhibit, Party
from kami_desktop.core.vocab import CATEGORIES, PARTY_ROLES

# Entries that record outputs rather than the evidence: left out of the exported ledger and of the
# recorded head, so rebuilding an unchanged case gives identical bytes.
OUTPUT_ACTIONS = ("dossier.build", "document.generate")


@dataclass
class FileSnap:
    id: int
    index: int  # 1-based within the exhibit
    sha256: str
    sm3: str
    size: int
    media_type: str
    original_name: str
    file_mtime: datetime | None
    exif_time: datetime | None
    imported_at: datetime
    width: int | None
    height: int | None
    problem: str
    bundle_path: str = ""  # originals/证据01_…_1.png


@dataclass
class ExhibitSnap:
    id: int
    number: int
    title: str
    category: str
    purpose: str
    source: str
    captured_at: datetime | None
    notes: str  # the user's notes for the court (advice lines removed)
    files: list[FileSnap]
    advice: list[str] = field(default_factory=list)  # the product's advice: the app and 内部提示 only
    transcript: str = ""  # the user's own transcript of a recording
    key_frames: list[str] = field(default_factory=list)  # a video's frames the user picked (00:01:23)
    time_label: str = "取证时间"  # where captured_at came from (evidence.times): EXIF, file name, file time…

    @property
    def category_label(self) -> str:
        return CATEGORIES.get(self.category, self.category)

    def label(self, f: FileSnap) -> str:
        """证据3 or 证据3-2 when the exhibit has several files."""
        return f"证据{self.number}" + (f"-{f.index}" if len(self.files) > 1 else "")


@dataclass
class PartySnap:
    role: str
    name: str
    uscc: str
    address: str
    legal_representative: str
    is_defendant: bool

    @property
    def role_label(self) -> str:
        return PARTY_ROLES.get(self.role, self.role)


@dataclass
class CaseSnap:
    id: int
    title: str
    platform_name: str
    platform_url: str
    claimed_amount: Decimal | None
    parties: list[PartySnap]
    exhibits: list[ExhibitSnap]
    ledger_entries: list[dict[str, Any]] = field(default_factory=list)
    ledger_head: str = ledger.GENESIS
    ledger_head_seq: int | None = None
    as_of: datetime | None = None  # time of the last recorded change: the binder's fixed date stamp
    facts: list[Fact] = field(default_factory=list)  # the case's recorded timeline, binder numbers
    bill_sheets: dict[str, Any] = field(default_factory=dict)  # file SHA-256 → stored bill as exported
    bill_marks: dict[str, Any] = field(default_factory=dict)  # file SHA-256 → its rows in the reconciliation
    money: MoneySnap = field(default_factory=MoneySnap)  # bills as stored, the reconciliation, the claim
    chats: dict[tuple[int, str], Any] = field(default_factory=dict)  # (exhibit, file SHA-256) → stored chat
    chat_voices: dict[tuple[int, str], dict[int, str]] = field(default_factory=dict)  # → seq → audio SHA-256
    cache_dir: Path | None = None  # the profile's cache of derived pictures (video frames); None: none kept

    @property
    def defendants(self) -> list[PartySnap]:
        return [p for p in self.parties if p.is_defendant]

    def all_files(self) -> list[tuple[ExhibitSnap, FileSnap]]:
        return [(e, f) for e in self.exhibits for f in e.files]


def take_snapshot(profile: Profile, case_id: int, exhibit_ids: list[int] | None = None) -> CaseSnap:
    with profile.session() as s:
        case = get_case(s, case_id)
        live = list_exhibits(s, case_id)
        by_id = {e.id: e for e in live}
        if exhibit_ids is None:
            chosen = live
        else:
            unknown = [i for i in exhibit_ids if i not in by_id]
            if unknown:
                trashed = {
                    i for i in unknown if (x := s.get(Exhibit, i)) is not None and x.case_id == case_id
                }
                what = "已在回收站中" if trashed == set(unknown) else "不属于本案件或不存在"
                raise DossierError(f"证据 {', '.join(map(str, unknown))} {what}，不能编入证据册")
            if len(set(exhibit_ids)) != len(exhibit_ids):
                raise DossierError("证据清单中有重复的证据")
            chosen = [by_id[i] for i in exhibit_ids]
        if not chosen:
            raise DossierError("没有可编入证据册的证据，请先导入证据")
        parties = list(s.scalars(select(Party).where(Party.case_id == case_id).order_by(Party.id)))
        advice = advice_by_exhibit(s, case_id)
        screens = screen_texts(s, case_id)  # a time the page shows is named so (evidence.times)
        recorded = chat_times(s, case_id)  # and the times a chat records (voice messages, last message)
        entries = [
            ledger.entry_to_json(e) for e in ledger.entries(s, case_id) if e.action not in OUTPUT_ACTIONS
        ]
        snap = CaseSnap(
            id=case.id,
            title=case.title,
            platform_name=case.platform_name,
            platform_url=case.platform_url,
            claimed_amount=case.claimed_amount,
            parties=[
                PartySnap(p.role, p.name, p.uscc, p.address, p.legal_representative, bool(p.is_defendant))
                for p in parties
            ],
            exhibits=[
                _exhibit(e, n, advice.get(e.id, []), screens.get(e.id, ""), recorded.get(e.id))
                for n, e in enumerate(chosen, start=1)
            ],
            ledger_entries=entries,
        )
        snap.facts = _recorded_facts(s, case_id, {e.id: e.number for e in snap.exhibits})
        snap.bill_sheets, snap.bill_marks = snapshot_bills(s, case_id, profile.blob_path)
        snap.money = take_money(s, case_id, {e.id: e.number for e in snap.exhibits}, profile.blob_path)
        snap.chats = snapshot_chats(s, case_id)
        snap.chat_voices = snapshot_voice_links(s, case_id)
        snap.cache_dir = profile.cache_dir
        if entries:
            snap.ledger_head, snap.ledger_head_seq = entries[-1]["hash"], entries[-1]["seq"]
            snap.as_of = datetime.fromisoformat(entries[-1]["at"])
        else:
            snap.as_of = case.updated_at or case.created_at
    _name_files(snap)
    return snap


def _recorded_facts(s: Session, case_id: int, numbers: dict[int, int]) -> list[Fact]:
    """The case's facts (事实经过); exhibit ids become binder numbers."""
    out = []
    for t in timeline(s, case_id):
        at = t.occurred_at
        when = (
            at.strftime("%Y-%m-%d")
            if (at.hour, at.minute, at.second) == (0, 0, 0)
            else at.strftime("%Y-%m-%d %H:%M")
        )
        text = f"{t.kind_label}：{t.description}" if t.description else t.kind_label
        if t.disputed:
            text += "（对方有争议）"
        out.append(Fact(when, text, tuple(numbers[r.id] for r in t.exhibits if r.id in numbers)))
    return out


def _exhibit(
    e: Exhibit, number: int, advice: list[str], screen: str = "", chat: dict | None = None
) -> ExhibitSnap:
    files = [
        FileSnap(
            id=f.id,
            index=i,
            sha256=f.blob_sha256,
            sm3=f.blob.sm3,
            size=f.blob.size,
            media_type=f.blob.media_type,
            original_name=f.original_name,
            file_mtime=f.file_mtime,
            exif_time=f.exif_time,
            imported_at=f.imported_at,
            width=f.width,
            height=f.height,
            problem=f.problem or "",
        )
        for i, f in enumerate(e.files, start=1)
    ]
    return ExhibitSnap(
        id=e.id,
        number=number,
        title=e.title,
        category=e.category,
        purpose=e.purpose or "",
        source=e.source or "",
        captured_at=e.captured_at,
        time_label=time_label(e.captured_at, e.files, screen, chat),
        notes=court_notes(e.notes or "", advice),
        files=files,
        advice=list(advice),
        transcript=e.transcript or "",
        key_frames=list(e.key_frames),
    )


def _name_files(snap: CaseSnap) -> None:
    total = len(snap.exhibits)
    pairs = snap.all_files()
    names = unique_names(
        [
            original_file_name(e.number, total, e.title, f.index, f.original_name, f.media_type)
            for e, f in pairs
        ]
    )
    for (_, f), name in zip(pairs, names, strict=True):
        f.bundle_path = f"originals/{name}"
