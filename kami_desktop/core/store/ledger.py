"""The append-only, hash-chained ledger (存证日志).

Each entry's hash is SHA-256 over the previous hash and the canonical JSON of the entry
(seq, at, action, case_id, exhibit_id, payload). Changing, removing or reordering any entry breaks
the chain from that point on, and ``verify_chain`` names the first broken entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kami_desktop.core.store.model import LedgerEntry
from kami_desktop.core.util.timeutil import now

GENESIS = "0" * 64


def _default(o: Any) -> Any:
    if isinstance(o, datetime | date):
        return o.isoformat()
    if isinstance(o, Decimal):
        return f"{o:.2f}"
    if isinstance(o, set | frozenset):
        return sorted(o)
    raise TypeError(f"cannot put {type(o).__name__} in the ledger")


def canonical_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_default)


def entry_hash(
    prev_hash: str, seq: int, at: str, action: str, case_id: int | None, exhibit_id: int | None, payload: str
) -> str:
    body = canonical_json(
        {
            "seq": seq,
            "at": at,
            "action": action,
            "case_id": case_id,
            "exhibit_id": exhibit_id,
            "payload": json.loads(payload),
        }
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def head(session: Session) -> LedgerEntry | None:
    return session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq.desc()).limit(1)).first()


def head_hash(session: Session) -> str:
    last = head(session)
    return last.hash if last else GENESIS


def append(
    session: Session,
    action: str,
    payload: dict[str, Any],
    case_id: int | None = None,
    exhibit_id: int | None = None,
) -> LedgerEntry:
    """Add an entry in the caller's transaction (so the change and its record commit together).

    The head is read only once the transaction holds SQLite's write lock, so two connections appending
    at once queue up instead of both taking the same ``seq``.
    """
    session.flush()
    take_write_lock(session)
    last = head(session)
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    at = now().replace(microsecond=0)
    body = canonical_json(payload)
    h = entry_hash(prev, seq, at.isoformat(), action, case_id, exhibit_id, body)
    entry = LedgerEntry(
        seq=seq,
        at=at,
        action=action,
        case_id=case_id,
        exhibit_id=exhibit_id,
        payload=body,
        prev_hash=prev,
        hash=h,
    )
    session.add(entry)
    session.flush()
    return entry


def take_write_lock(session: Session) -> None:
    """Make the session's transaction a writing one now (like ``BEGIN IMMEDIATE``), waiting for another
    writer to commit; every read after this sees the newest committed ledger."""
    session.execute(text("UPDATE ledger SET seq = seq WHERE 0"))


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    detail: str


def verify_chain(
    session: Session, rows: Iterable[LedgerEntry] | None = None
) -> tuple[int, list[ChainProblem]]:
    """Re-walk the whole chain; returns (entries checked, problems). Reports the first break.

    ``rows`` are the whole ledger in order, when the caller has read it already (verify reads it once)."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    prev_at = None
    late: list[ChainProblem] = []  # entries dated before the one they follow (a backdated insert)
    for e in session.scalars(select(LedgerEntry).order_by(LedgerEntry.seq)) if rows is None else rows:
        checked += 1
        if e.seq != expected_seq:
            return checked, [
                ChainProblem(expected_seq, f"日志第 {expected_seq} 条缺失（下一条为第 {e.seq} 条）")
            ]
        if e.prev_hash != prev:
            return checked, [ChainProblem(e.seq, f"日志第 {e.seq} 条的前序哈希与第 {e.seq - 1} 条不符")]
        try:
            recomputed = entry_hash(
                prev, e.seq, e.at.isoformat(), e.action, e.case_id, e.exhibit_id, e.payload
            )
        except (ValueError, TypeError) as exc:
            return checked, [ChainProblem(e.seq, f"日志第 {e.seq} 条内容无法解析：{exc}")]
        if recomputed != e.hash:
            return checked, [ChainProblem(e.seq, f"日志第 {e.seq} 条内容被改动（哈希不符）")]
        if prev_at is not None and e.at < prev_at and not late:
            late.append(
                ChainProblem(
                    e.seq,
                    f"日志第 {e.seq} 条的时间（{e.at.isoformat()}）早于第 {e.seq - 1} 条（{prev_at.isoformat()}）："
                    "日志记录只能按时间先后追加",
                )
            )
        prev, prev_at = e.hash, e.at
        expected_seq += 1
    return checked, late


def entries(session: Session, case_id: int | None = None) -> Iterator[LedgerEntry]:
    q = select(LedgerEntry).order_by(LedgerEntry.seq)
    if case_id is not None:
        q = q.where(LedgerEntry.case_id == case_id)
    yield from session.scalars(q)


def entry_to_json(e: LedgerEntry) -> dict[str, Any]:
    return {
        "seq": e.seq,
        "at": e.at.isoformat(),
        "action": e.action,
        "case_id": e.case_id,
        "exhibit_id": e.exhibit_id,
        "payload": json.loads(e.payload),
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    }
