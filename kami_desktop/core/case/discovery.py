"""From which day the 3-year periods run: the day the user knew or should have known of the harm.

The limitation (民法典 188) and the 12315 complaint window (《市场监督管理投诉举报处理暂行办法》第15条)
both count from the day the consumer knew **or should have known** that their rights were harmed. The
user gives a 发现扣款日期; a disputed deduction (a claim item) dated earlier is a day the user should
arguably have known of it. So the deadlines count from the earlier of the two (a later date could only
promise time the user may not have), and say so; a case with no date yet is offered the earliest claim
item's date, and its deadlines are counted from it until the user gives one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.store.model import Case, ClaimItem


def earliest_claim_date(s: Session, case_id: int) -> date | None:
    """The date of the case's earliest claim item (a disputed deduction, an undelivered order …)."""
    return s.scalar(select(func.min(ClaimItem.on)).where(ClaimItem.case_id == case_id))


def suggested_discovery(s: Session, case_id: int) -> date | None:
    """The 发现扣款日期 to offer when the case has none: its earliest claim item's date."""
    case = s.get(Case, case_id)
    if case is None or case.discovered_on is not None:
        return None
    return earliest_claim_date(s, case_id)


@dataclass(frozen=True)
class CountedFrom:
    """The day the 3-year periods are counted from, and why (for the deadlines' explanation)."""

    on: date | None
    given: date | None  # the user's 发现扣款日期
    earliest_item: date | None
    note: str = ""  # Chinese, appended to the basis of the deadlines counted from ``on``

    @property
    def moved(self) -> bool:
        """The user's date was not used (none given, or a claim item is older)."""
        return self.on is not None and self.on != self.given


def counted_from(s: Session, case: Case) -> CountedFrom:
    given, earliest = case.discovered_on, earliest_claim_date(s, case.id)
    if given is None:
        if earliest is None:
            return CountedFrom(None, None, None)
        return CountedFrom(
            earliest,
            None,
            earliest,
            f"尚未填写发现扣款日期：暂按最早的主张项日期{earliest.isoformat()}起算（应当知道权利受损之日不晚于此日），"
            "填写后按较早的日期重新计算",
        )
    if earliest is not None and earliest < given:
        return CountedFrom(
            earliest,
            given,
            earliest,
            f"填写的发现扣款日期为{given.isoformat()}，但最早的主张项日期{earliest.isoformat()}更早：权利人自该日起"
            "可能已“应当知道”权利受损，稳妥起见按较早的日期起算",
        )
    return CountedFrom(given, given, earliest)
