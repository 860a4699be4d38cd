"""Cases: create, list, edit, archive — every change recorded in the ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.errors import UserError
from kami_desktop.core.store import ledger
from kami_desktop.core.store.edits import record_edit
from kami_desktop.core.store.model import Case, Exhibit
from kami_desktop.core.util.money import money_str, to_money
from kami_desktop.core.util.timeutil import now
from kami_desktop.core.vocab import CAUSE_TYPES, STAGES, cause_code, cause_codes, stage_code


class CaseError(UserError, ValueError):
    pass


EDITABLE = (
    "title",
    "platform_name",
    "platform_url",
    "cause_type",
    "causes",
    "discovered_on",
    "claimed_amount",
    "stage",
    "notes",
)


def _clean(field: str, value: Any) -> Any:
    if field == "title":
        t = str(value or "").strip()
        if not t:
            raise CaseError("案件名称不能为空")
        if len(t) > 200:
            raise CaseError("案件名称过长（最多 200 字）")
        return t
    if field == "cause_type":
        return cause_code(value)
    if field == "causes":
        return cause_codes(value)
    if field == "stage":
        return stage_code(value)
    if field == "discovered_on":
        if value in (None, ""):
            return None
        try:
            d = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
        except ValueError:
            raise CaseError(
                f"发现扣款的日期格式不正确：{str(value)[:40]!r}（应为 YYYY-MM-DD，例如 2026-05-28）"
            ) from None
        if d > now().date():
            raise CaseError("发现扣款的日期不能晚于今天")
        return d
    if field == "claimed_amount":
        if value in (None, ""):
            return None
        amount = to_money(value)
        if amount < 0:
            raise CaseError("主张金额不能为负数")
        return amount
    if field == "platform_url":
        return str(value or "").strip()
    return str(value or "").strip() if isinstance(value, str) or value is None else value


def create_case(s: Session, title: str, **fields: Any) -> Case:
    stamp = now()
    values = {"title": _clean("title", title), **_cleaned(fields)}
    case = Case(
        created_at=stamp,
        updated_at=stamp,
        **{
            "platform_name": "",
            "platform_url": "",
            "cause_type": "unknown",
            "causes": ["unknown"],
            "stage": "negotiation",
            "notes": "",
            **values,
        },
    )
    s.add(case)
    s.flush()
    ledger.append(s, "case.create", case_summary(case), case_id=case.id)
    return case


def _cleaned(fields: dict[str, Any]) -> dict[str, Any]:
    for k in fields:
        if k not in EDITABLE:
            raise CaseError(f"未知字段 {k}")
    out = {k: _clean(k, v) for k, v in fields.items()}
    # ``causes`` is every cause, ``cause_type`` the first of them: setting either sets both
    if "causes" in out:
        out["cause_type"] = out["causes"][0]
    elif "cause_type" in out:
        out["causes"] = [out["cause_type"]]
    return out


def case_causes(case: Case) -> list[str]:
    """The case's causes in order (a case stored before 0007 has only its ``cause_type``)."""
    return list(case.causes) or [case.cause_type or "unknown"]


def update_case(s: Session, case_id: int, **fields: Any) -> Case:
    case = get_case(s, case_id)
    record_edit(s, case, _cleaned(fields))
    return case


def archive_case(s: Session, case_id: int, archived: bool = True) -> Case:
    case = get_case(s, case_id)
    if archived and case.archived_at is None:
        case.archived_at = now()
        ledger.append(s, "case.archive", {}, case_id=case.id)
    elif not archived and case.archived_at is not None:
        case.archived_at = None
        ledger.append(s, "case.unarchive", {}, case_id=case.id)
    return case


def get_case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise CaseError(f"案件 {case_id} 不存在")
    return case


def list_cases(s: Session, include_archived: bool = True) -> list[Case]:
    q = select(Case).order_by(Case.id)
    if not include_archived:
        q = q.where(Case.archived_at.is_(None))
    return list(s.scalars(q))


@dataclass
class CaseCounts:
    exhibits: int
    trashed: int


def counts(s: Session, case_id: int) -> CaseCounts:
    live = s.scalar(
        select(func.count())
        .select_from(Exhibit)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
    )
    dead = s.scalar(
        select(func.count())
        .select_from(Exhibit)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_not(None))
    )
    return CaseCounts(live or 0, dead or 0)


def case_summary(case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.title,
        "platform_name": case.platform_name,
        "platform_url": case.platform_url,
        "cause_type": case.cause_type,
        "cause_label": CAUSE_TYPES.get(case.cause_type, case.cause_type),
        "causes": case_causes(case),
        "cause_labels": [CAUSE_TYPES.get(c, c) for c in case_causes(case)],
        "discovered_on": case.discovered_on.isoformat() if case.discovered_on else None,
        "claimed_amount": money_str(case.claimed_amount) if case.claimed_amount is not None else None,
        "stage": case.stage,
        "stage_label": STAGES.get(case.stage, case.stage),
        "notes": case.notes,
        "created_at": case.created_at.isoformat() if case.created_at else None,
        "updated_at": case.updated_at.isoformat() if case.updated_at else None,
        "archived": case.archived_at is not None,
    }
