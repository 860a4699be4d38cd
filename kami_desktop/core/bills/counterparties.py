"""The user's checklist of bill counterparties: which of them are the platform (stored per case).

``platform_rule(s, case_id)`` is the one place that decides which rows of a case's bills count: the
user's stored choices first, then exact name equality with the case's parties and platform name (see
``core.bills.platform``). ``record_choices`` stores decisions, each change in the ledger
(``bill.counterparties``). Sums per counterparty are in ``core.bills.money``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.bills.platform import Choice, Key, PlatformRule
from kami_desktop.core.case.cases import get_case
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import CounterpartyChoice, Party
from kami_desktop.core.util.timeutil import now


@dataclass(frozen=True)
class Decision:
    name: str  # name key (``platform.name_key``)
    account: str
    label: str  # the name as the bill writes it
    selected: bool


def stored_choices(s: Session, case_id: int) -> dict[Key, CounterpartyChoice]:
    rows = s.scalars(select(CounterpartyChoice).where(CounterpartyChoice.case_id == case_id))
    return {(c.name, c.account): c for c in rows}


def platform_rule(s: Session, case_id: int) -> PlatformRule:
    """The rule for case ``case_id``: its stored choices, its parties' names and its platform name."""
    case = get_case(s, case_id)
    parties = s.execute(select(Party.role, Party.name).where(Party.case_id == case_id).order_by(Party.id))
    choices = {k: Choice(bool(c.selected), c.origin) for k, c in stored_choices(s, case_id).items()}
    return PlatformRule.build(case.platform_name or "", [(r, n or "") for r, n in parties], choices)


def record_choices(s: Session, case_id: int, decisions: Iterable[Decision]) -> list[Decision]:
    """Store the user's decisions (a decision equal to the stored one changes nothing); returns the changes."""
    get_case(s, case_id)
    have = stored_choices(s, case_id)
    changed: list[Decision] = []
    stamp = now()
    unique = {(d.name, d.account): d for d in decisions}  # a counterparty of many rows is one decision
    for d in unique.values():
        old = have.get((d.name, d.account))
        if old is not None and bool(old.selected) == d.selected and old.origin == "user":
            continue
        if old is None:
            s.add(
                CounterpartyChoice(
                    case_id=case_id,
                    name=d.name[:300],
                    account=d.account[:200],
                    label=d.label[:300],
                    selected=d.selected,
                    origin="user",
                    decided_at=stamp,
                )
            )
        else:
            old.selected, old.origin, old.decided_at = d.selected, "user", stamp
        changed.append(d)
    if changed:
        ledger.append(
            s,
            "bill.counterparties",
            {
                "selected": [{"name": d.label, "account": d.account} for d in changed if d.selected],
                "deselected": [{"name": d.label, "account": d.account} for d in changed if not d.selected],
            },
            case_id=case_id,
        )
    return changed
