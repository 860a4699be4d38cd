"""Facts of a dispute (充值, 扣款, 申请退款, 平台答复 …): add, edit, remove, and the sorted timeline.

Each fact has an aware time, a kind (stable code, Chinese label), a description, a disputed flag and
linked exhibits. ``origin`` says where it came from: ``user``, or ``bill:<row id>`` / ``chat:<msg id>``
for a confirmed suggestion (see :mod:`kami_desktop.core.case.suggestions`). Every change goes into the
ledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.case.cases import CaseError, get_case
from kami_desktop.core.store import ledger
from kami_desktop.core.store.edits import record_edit
from kami_desktop.core.store.model import Exhibit, Fact
from kami_desktop.core.util.timeutil import china_local, iso, now
from kami_desktop.core.vocab import parse_code

FACT_KINDS: dict[str, str] = {
    "recharge": "充值",
    "deduction": "扣款",
    "non_delivery": "未到账/未交付",
    "refund_request": "申请退款",
    "platform_reply": "平台答复",
    "refund": "退款",
    "complaint": "投诉",
    "lawsuit": "起诉",
    "other": "其他",
}

EDITABLE = ("occurred_at", "kind", "description", "disputed", "exhibit_ids")


class FactError(CaseError):
    pass


def fact_kind_code(text: str) -> str:
    return parse_code(FACT_KINDS, text, "事实类型")


def parse_when(value: Any) -> datetime:
    """An aware time from a datetime, a date (00:00 China time) or text such as '2025-03-12 20:30'."""
    if isinstance(value, datetime):
        return china_local(value)
    if isinstance(value, date):
        return china_local(datetime.combine(value, time()))
    text = str(value or "").strip().replace("/", "-")
    if not text:
        raise FactError("请填写事实发生的时间")
    try:
        return china_local(datetime.fromisoformat(text))
    except ValueError as exc:
        raise FactError(f"时间格式不正确：{value!r}（例：2025-03-12 20:30 或 2025-03-12）") from exc


def _clean(field: str, value: Any) -> Any:
    if field == "occurred_at":
        when = parse_when(value)
        if when > now():
            raise FactError("事实发生的时间不能晚于现在")
        return when
    if field == "kind":
        return fact_kind_code(value)
    if field == "disputed":
        return bool(value)
    if field == "description":
        return str(value or "").strip()
    raise FactError(f"未知字段 {field}")


def _exhibit_ids(s: Session, case_id: int, ids: Iterable[int]) -> list[int]:
    out: list[int] = []
    for i in ids:
        ex = s.get(Exhibit, int(i))
        if ex is None or ex.case_id != case_id:
            raise FactError(f"证据 {i} 不在本案件中")
        if ex.id not in out:
            out.append(ex.id)
    return out


def get_fact(s: Session, fact_id: int) -> Fact:
    f = s.get(Fact, fact_id)
    if f is None:
        raise FactError(f"事实 {fact_id} 不存在")
    return f


def add_fact(
    s: Session,
    case_id: int,
    occurred_at: Any,
    kind: str,
    description: str = "",
    *,
    disputed: bool = False,
    exhibit_ids: Iterable[int] = (),
    origin: str = "user",
    action: str = "fact.add",
) -> Fact:
    get_case(s, case_id)
    fact = Fact(
        case_id=case_id,
        occurred_at=_clean("occurred_at", occurred_at),
        kind=_clean("kind", kind),
        description=_clean("description", description),
        disputed=bool(disputed),
        origin=origin,
        created_at=now(),
    )
    fact.exhibit_ids = _exhibit_ids(s, case_id, exhibit_ids)
    s.add(fact)
    s.flush()
    ledger.append(s, action, {"fact": fact_summary(fact)}, case_id=case_id)
    return fact


def edit_fact(s: Session, fact_id: int, **fields: Any) -> Fact:
    """Change fields (``exhibit_ids`` replaces the links); old → new goes into the ledger."""
    fact = get_fact(s, fact_id)
    values: dict[str, Any] = {}
    for k, v in fields.items():
        if k not in EDITABLE:
            raise FactError(f"未知字段 {k}")
        if k == "exhibit_ids":
            ids = _exhibit_ids(s, fact.case_id, v)
            # the links are a set: the same exhibits in another order are no change
            values[k] = fact.exhibit_ids if sorted(ids) == sorted(fact.exhibit_ids) else ids
        else:
            values[k] = _clean(k, v)
    record_edit(s, fact, values)
    return fact


def remove_fact(s: Session, fact_id: int) -> None:
    """Delete a fact. A removed suggestion (origin bill:/chat:) is not suggested again."""
    fact = get_fact(s, fact_id)
    case_id, summary = fact.case_id, fact_summary(fact)
    s.delete(fact)
    s.flush()
    ledger.append(s, "fact.remove", {"fact": summary, "origin": summary["origin"]}, case_id=case_id)


def fact_summary(f: Fact) -> dict[str, Any]:
    return {
        "id": f.id,
        "case_id": f.case_id,
        "occurred_at": iso(f.occurred_at),
        "kind": f.kind,
        "kind_label": FACT_KINDS.get(f.kind, f.kind),
        "description": f.description,
        "disputed": bool(f.disputed),
        "origin": f.origin,
        "exhibit_ids": f.exhibit_ids,
    }


# ----------------------------------------------------------------------------- timeline


@dataclass(frozen=True)
class ExhibitRef:
    id: int
    number: int | None  # binder number among live exhibits; None when the exhibit is in the trash
    title: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "title": self.title}


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    occurred_at: datetime
    kind: str
    kind_label: str
    description: str
    disputed: bool
    origin: str
    exhibits: tuple[ExhibitRef, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "occurred_at": iso(self.occurred_at),
            "kind": self.kind,
            "kind_label": self.kind_label,
            "description": self.description,
            "disputed": self.disputed,
            "origin": self.origin,
            "exhibits": [e.to_json() for e in self.exhibits],
        }


def exhibit_numbers(s: Session, case_id: int, ids: Iterable[int] | None = None) -> dict[int, tuple[int, str]]:
    """{exhibit id: (binder number, title)} for the case's live exhibits (with ``ids``: only those, the
    numbers counted in the database among all of them)."""
    live = (Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
    order = (Exhibit.position, Exhibit.id)
    if ids is not None:
        numbered = (
            select(Exhibit.id, func.row_number().over(order_by=order).label("n"), Exhibit.title)
            .where(*live)
            .subquery()
        )
        wanted = sorted({int(i) for i in ids})
        q = select(numbered.c.id, numbered.c.n, numbered.c.title).where(numbered.c.id.in_(wanted))
        return {eid: (n, title) for eid, n, title in s.execute(q)} if wanted else {}
    s.flush()  # then Core rows: no ORM loading for ten thousand exhibits
    rows = s.connection().execute(select(Exhibit.id, Exhibit.title).where(*live).order_by(*order))
    return {eid: (n, title) for n, (eid, title) in enumerate(rows, start=1)}


def timeline(s: Session, case_id: int) -> list[TimelineEntry]:
    """The case's facts in time order, each with its linked exhibits' binder numbers."""
    get_case(s, case_id)
    numbers = exhibit_numbers(s, case_id)
    facts = s.scalars(select(Fact).where(Fact.case_id == case_id).order_by(Fact.occurred_at, Fact.id)).all()
    titles = dict(s.execute(select(Exhibit.id, Exhibit.title).where(Exhibit.case_id == case_id)).all())
    out = []
    for f in facts:
        refs = []
        for link in f.exhibit_links:
            number, title = numbers.get(link.exhibit_id, (None, titles.get(link.exhibit_id, "")))
            refs.append(ExhibitRef(link.exhibit_id, number, title))
        refs.sort(key=lambda r: (r.number is None, r.number or 0, r.id))
        out.append(
            TimelineEntry(
                f.id,
                f.occurred_at,
                f.kind,
                FACT_KINDS.get(f.kind, f.kind),
                f.description,
                bool(f.disputed),
                f.origin,
                tuple(refs),
            )
        )
    out.sort(key=lambda e: (e.occurred_at, e.id))
    return out


__all__ = [
    "FACT_KINDS",
    "ExhibitRef",
    "FactError",
    "TimelineEntry",
    "add_fact",
    "edit_fact",
    "exhibit_numbers",
    "fact_kind_code",
    "fact_summary",
    "get_fact",
    "parse_when",
    "remove_fact",
    "timeline",
]
