"""Replay of the claim items (主张项) and the counterparty checklist, compared with the database.

The ledger records each claim item whole when it is added (``claim.add``), every change of a field or
of its evidence links as old → new (``claim.edit``) and the item whole when it is removed
(``claim.remove``); each counterparty decision (``bill.counterparties``) names the counterparty as the
bill writes it, its account and whether it counts as the platform. Replaying those entries gives what
the tables ``claim_items``, ``claim_evidence`` and ``counterparty_choices`` must hold.

Rows the ledger never stated are not mismatches but gaps: items and choices carried over by the
0005 migration from older data (origin ``net_paid``, ``keyword:…``) were written without an entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kami_desktop.core.store.model import ClaimEvidence, ClaimItem, CounterpartyChoice
from kami_desktop.core.util.text import name_key

ITEM_FIELDS = ("kind", "reason", "amount", "refunded", "on", "description", "unverified")
LINK_IDS = ("exhibit_id", "bill_row_id", "chat_message_id")
CARRIED_ORIGINS = ("net_paid",)  # claim items the 0005 migration wrote without a ledger entry

# (entity, entity id, exhibit id, field, what the ledger says, what the database says)
Difference = tuple[str, int | None, int | None, str, Any, Any]


@dataclass
class ClaimsReplay:
    items: dict[int, dict[str, Any]] = field(default_factory=dict)  # item id → {case_id, fields…, evidence}
    choices: dict[tuple[int, str, str], bool] = field(default_factory=dict)  # (case, name key, account)
    unknown: dict[str, int] = field(default_factory=dict)

    def apply(self, action: str, case_id: int | None, p: dict[str, Any]) -> bool:
        """Take one ledger entry; False when the action is not about claims or counterparties."""
        if action == "claim.add" and isinstance(p.get("item"), dict):
            item = p["item"]
            if isinstance(item.get("id"), int):
                self.items[item["id"]] = {"case_id": case_id, **item}
        elif action == "claim.edit" and isinstance(p.get("id"), int):
            item = self.items.get(p["id"])
            if item is not None:
                for name, change in (p.get("changes") or {}).items():
                    if isinstance(change, dict) and "new" in change:
                        item[name] = change["new"]
        elif action == "claim.remove" and isinstance(p.get("item"), dict):
            self.items.pop(p["item"].get("id"), None)
        elif action == "bill.counterparties" and case_id is not None:
            for key, selected in (("selected", True), ("deselected", False)):
                for d in p.get(key) or []:
                    if isinstance(d, dict):
                        name = name_key(str(d.get("name") or ""))[:300]
                        self.choices[(case_id, name, str(d.get("account") or "")[:200])] = selected
        else:
            return False
        return True

    def compare(self, s: Session, case_id: int | None, live_exhibits: set[int]) -> list[Difference]:
        return self._compare_items(s, case_id, live_exhibits) + self._compare_choices(s, case_id)

    def _compare_items(self, s: Session, case_id: int | None, live_exhibits: set[int]) -> list[Difference]:
        out: list[Difference] = []
        q = select(ClaimItem) if case_id is None else select(ClaimItem).where(ClaimItem.case_id == case_id)
        db = {i.id: i for i in s.scalars(q)}
        links: dict[int, list[ClaimEvidence]] = {}
        for link in s.scalars(
            select(ClaimEvidence).where(ClaimEvidence.item_id.in_(db)).order_by(ClaimEvidence.id)
        ):
            links.setdefault(link.item_id, []).append(link)
        replayed = {i: x for i, x in self.items.items() if case_id is None or x["case_id"] == case_id}
        for item_id in sorted(set(db) - set(replayed)):
            if db[item_id].origin in CARRIED_ORIGINS:
                self.unknown["claim_items"] = self.unknown.get("claim_items", 0) + 1
                continue
            out.append(("claim", item_id, None, "存在", "（日志中没有这个主张项）", "存在"))
        for item_id in sorted(set(replayed) - set(db)):
            out.append(("claim", item_id, None, "存在", "存在", "（数据库中已没有这个主张项）"))
        for item_id in sorted(set(db) & set(replayed)):
            item, want = db[item_id], replayed[item_id]
            have = {
                "kind": item.kind,
                "reason": item.reason,
                "amount": item.amount,
                "refunded": item.refunded,
                "on": item.on,
                "description": item.description,
                "unverified": bool(item.unverified),
            }
            for name in ITEM_FIELDS:
                if name in want and _norm(want[name]) != _norm(have[name]):
                    out.append(("claim", item_id, None, name, _norm(want[name]), _norm(have[name])))
            if "evidence" in want and not _same_links(
                want["evidence"], links.get(item_id, []), live_exhibits
            ):
                out.append(
                    (
                        "claim",
                        item_id,
                        None,
                        "证据",
                        _labels(want["evidence"]),
                        [e.label for e in links.get(item_id, [])],
                    )
                )
        return out

    def _compare_choices(self, s: Session, case_id: int | None) -> list[Difference]:
        out: list[Difference] = []
        q = select(CounterpartyChoice)
        if case_id is not None:
            q = q.where(CounterpartyChoice.case_id == case_id)
        for c in s.scalars(q):
            want = self.choices.get((c.case_id, c.name, c.account))
            if want is None:
                if c.origin != "user":  # carried over by the migration from the old keyword guess
                    self.unknown["counterparties"] = self.unknown.get("counterparties", 0) + 1
                    continue
                out.append(
                    (
                        "counterparty",
                        c.id,
                        None,
                        c.label or c.name,
                        "（日志中没有这项选择）",
                        _counts(c.selected),
                    )
                )
            elif want != bool(c.selected):
                out.append(
                    ("counterparty", c.id, None, c.label or c.name, _counts(want), _counts(c.selected))
                )
        return out


def _counts(selected: bool) -> str:
    return "计入平台" if selected else "不计入平台"


def _norm(v: Any) -> Any:
    return v if isinstance(v, (bool, int)) or v is None else str(v)


def _labels(evidence: Any) -> list[str]:
    return (
        [str(e.get("label")) for e in evidence if isinstance(e, dict)] if isinstance(evidence, list) else []
    )


def _same_links(want: Any, have: list[ClaimEvidence], live_exhibits: set[int]) -> bool:
    """The same links in the same order; a link whose evidence was deleted for good reads NULL."""
    if not isinstance(want, list) or len(want) != len(have):
        return False
    for w, h in zip(want, have, strict=True):
        if not isinstance(w, dict) or w.get("kind") != h.kind or w.get("label") != h.label:
            return False
        for key in LINK_IDS:
            db_id = getattr(h, key)
            if db_id is not None and db_id != w.get(key):
                return False
            if db_id is None and key == "exhibit_id" and w.get(key) in live_exhibits:
                return False  # the exhibit is still there: its link cannot have gone
    return True
