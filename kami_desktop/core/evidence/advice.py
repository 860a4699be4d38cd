"""Advice for the user about an exhibit, kept apart from what the user writes for the court.

Two kinds of text live around an exhibit. The user's own words for the court — title, 证明目的, 来源,
备注 — are printed on court copies. The product's advice to the user — "本账单注明‘仅供个人对账使用’，
单独作为证据效力较弱。建议另行申请…", a chat's "未指定本人的昵称…", "建议另附转写稿" — is shown in the app
(exhibit detail, readiness, binder dialog) and in the separate 内部提示 file, and never on a court copy.

Advice is computed, not stored in the exhibit: it is the stored warnings of the exhibit's bill or chat
(written by the importers) plus what the exhibit's files call for. ``court_notes`` strips any advice line
that reached the notes (older imports wrote it there; 0007 moved it out) before a court copy prints them.

``ADVICE_PHRASES`` is the registry of fixed wording that only advice uses: a test scans every court-facing
output for each phrase and for every advice string of its case, so new advice cannot slip onto paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.bills.common import personal_only_warning
from kami_desktop.core.store.model import Bill, Blob, Chat, Exhibit, ExhibitFile

AUDIO_TRANSCRIPT = "建议另附该录音的文字记录（转写稿）作为补充。"

# Fixed phrases that appear only in advice to the user (never in the user's words for the court).
ADVICE_PHRASES: tuple[str, ...] = (
    "效力较弱",
    "建议另行申请",
    "证据效力较弱",
    "作为证据较弱",
    "未指定本人",
    "没有认出本人",
    "请核对本人的昵称",
    "请核对文件是否完整",
    "建议另附",
    "不提交法院",
    "仅供本人参考",
    "提交前请阅读",
    "请逐项核对",
)
# A note line holding one of these is the product's advice even when it is not word for word a stored one.
_NOTE_FILTER = ADVICE_PHRASES


def static_advice() -> list[str]:
    """Every advice sentence the product writes word for word (the templates filled with each source)."""
    return [personal_only_warning("alipay"), personal_only_warning("wechat"), AUDIO_TRANSCRIPT]


@dataclass(frozen=True)
class ExhibitAdvice:
    exhibit_id: int
    lines: tuple[str, ...]


def advice_by_exhibit(s: Session, case_id: int, exhibit_id: int | None = None) -> dict[int, list[str]]:
    """Advice lines of every exhibit of the case that has any (only ``exhibit_id``'s when given), by
    exhibit id (trashed ones included). A few queries, whatever the size of the case."""
    out: dict[int, list[str]] = {}
    for table in (Bill, Chat):
        stmt = (
            select(table.exhibit_id, table.warnings)
            .join(Exhibit, Exhibit.id == table.exhibit_id)
            .where(Exhibit.case_id == case_id)
        )
        if exhibit_id is not None:
            stmt = stmt.where(Exhibit.id == exhibit_id)
        for eid, warnings in s.execute(stmt):
            lines = out.setdefault(eid, [])
            lines += [w.strip() for w in warnings if w.strip() and w.strip() not in lines]
    audio = (
        select(ExhibitFile.exhibit_id)
        .join(Blob, Blob.sha256 == ExhibitFile.blob_sha256)
        .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
        .where(Exhibit.case_id == case_id, Blob.media_type.like("audio/%"))
        .where(func.coalesce(Exhibit.transcript, "") == "")  # written already: nothing to advise
        .distinct()
    )
    if exhibit_id is not None:
        audio = audio.where(Exhibit.id == exhibit_id)
    for eid in s.scalars(audio):
        lines = out.setdefault(eid, [])
        if AUDIO_TRANSCRIPT not in lines:
            lines.append(AUDIO_TRANSCRIPT)
    return {k: v for k, v in out.items() if v}


def exhibit_advice(s: Session, exhibit_id: int) -> list[str]:
    ex = s.get(Exhibit, exhibit_id)
    if ex is None:
        return []
    return advice_by_exhibit(s, ex.case_id, exhibit_id).get(exhibit_id, [])


def is_advice(line: str, advice: list[str] | tuple[str, ...] = ()) -> bool:
    text = line.strip()
    if not text:
        return False
    if text in advice or text.removeprefix("提示：").strip() in advice:  # a bare or a "提示：" advice line
        return True
    return any(p in text for p in _NOTE_FILTER)


def court_notes(notes: str, advice: list[str] | tuple[str, ...] = ()) -> str:
    """The user's notes as a court copy prints them: without any line that is the product's advice."""
    kept = [line for line in (notes or "").split("\n") if not is_advice(line, advice)]
    return "\n".join(kept).strip()


def case_advice_texts(s: Session, case_id: int) -> list[str]:
    """Every advice string the product holds for this case, plus the fixed templates (for checks)."""
    out = static_advice()
    for lines in advice_by_exhibit(s, case_id).values():
        out += [line for line in lines if line not in out]
    return out
