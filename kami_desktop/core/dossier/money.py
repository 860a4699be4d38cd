"""The money the binder prints, taken once from the case's one source of truth (``core.bills.money``).

Nothing here parses a bill file: the rows are those stored at import, the roles and sums those of the
case reconciliation (over the counterparty checklist, rows two bills share counted once), the claim is
the claim items. When two bills of one account overlap, a shared transaction is printed by the first
of them in binder order and the other refers to it, so every transaction and every total appears once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from kami_desktop.core.bills import Transaction
from kami_desktop.core.bills.money import case_money
from kami_desktop.core.bills.store import BlobPath, CaseReconciliation, case_transactions, live_bills
from kami_desktop.core.case.claims import ClaimView
from kami_desktop.core.store.model import Bill

ZERO = Decimal("0.00")


@dataclass
class BillRowSnap:
    id: int  # bill_rows.id
    tx: Transaction
    role: str | None = None  # payment | refund | unpaid | other for the platform's rows; None otherwise
    counted: Decimal = ZERO
    status_refund: Decimal = ZERO
    reason: str = ""
    linked: tuple[int, int] | None = None  # refunds: (exhibit number, source row) of the payment
    shown_in: tuple[int, int] | None = None  # printed (and counted) under (exhibit number, source row)
    claim_items: list[int] = field(default_factory=list)  # numbers of the claim items it supports


@dataclass
class BillSnap:
    bill_id: int
    exhibit_id: int
    number: int  # binder number of its exhibit
    sha256: str
    source: str
    layout: str
    personal_only: bool
    account: str
    holder: str
    period_start: datetime | None
    period_end: datetime | None
    warnings: list[str]
    rows: list[BillRowSnap] = field(default_factory=list)

    @property
    def platform_rows(self) -> list[BillRowSnap]:
        """The platform's rows this bill prints itself (not those shown under an earlier exhibit)."""
        return [r for r in self.rows if r.role is not None and r.shown_in is None]

    @property
    def repeated(self) -> list[BillRowSnap]:
        return [r for r in self.rows if r.role is not None and r.shown_in is not None]


@dataclass
class ClaimSnap:
    number: int
    id: int
    kind: str
    kind_label: str
    amount: Decimal
    refunded: Decimal
    on: date
    description: str
    exhibits: tuple[int, ...]  # binder numbers
    rows: tuple[tuple[int, int], ...] = ()  # (exhibit number, source row) of the bill rows it rests on

    @property
    def claimed(self) -> Decimal:
        return self.amount - self.refunded


@dataclass
class MoneySnap:
    bills: dict[str, BillSnap] = field(default_factory=dict)  # by the bill file's SHA-256
    paid: Decimal = ZERO
    refunded: Decimal = ZERO
    net: Decimal = ZERO
    has_bills: bool = False
    counterparties: list[str] = field(default_factory=list)
    claims: list[ClaimSnap] = field(default_factory=list)
    principal: Decimal = ZERO
    claim: Decimal | None = None  # the items' principal, else a hand-set claimed amount
    context: str = ""
    warnings: list[str] = field(default_factory=list)  # advice for the user; never printed


def take_money(s: Session, case_id: int, numbers: dict[int, int], blob_path: BlobPath | None) -> MoneySnap:
    """``numbers``: exhibit id -> binder number of the exhibits in this binder."""
    m = case_money(s, case_id, blob_path)
    recon = m.recon
    bills = {b.id: b for b in live_bills(s, case_id)}
    out = MoneySnap(
        paid=recon.paid,
        refunded=recon.refunded,
        net=recon.net,
        has_bills=m.has_bills,
        counterparties=list(recon.terms),
        principal=m.principal,
        claim=m.claim,
        context=m.context,
        warnings=list(m.warnings),
    )
    where: dict[int, tuple[int, int]] = {}  # bill_row id -> (exhibit number, source row)
    rows_by_id: dict[int, BillRowSnap] = {}
    for t, ref in case_transactions(s, case_id, blob_path):
        number = numbers.get(ref.exhibit_id)
        if number is None:
            continue
        b = bills[ref.bill_id]
        snap = out.bills.get(b.blob_sha256)
        if snap is None:
            snap = out.bills[b.blob_sha256] = BillSnap(
                b.id,
                b.exhibit_id,
                number,
                b.blob_sha256,
                b.source,
                b.layout,
                bool(b.personal_only),
                b.account or "",
                b.holder or "",
                b.period_start,
                b.period_end,
                list(recon_bill_warnings(recon, b.id)),
            )
        row = BillRowSnap(ref.bill_row_id, t)
        snap.rows.append(row)
        rows_by_id[row.id] = row
        where[row.id] = (number, ref.row)
    _roles(recon, rows_by_id, where, bills, numbers)
    _claims(out, m.items, numbers, where, rows_by_id)
    return out


def recon_bill_warnings(recon: CaseReconciliation, bill_id: int) -> list[str]:
    return next((list(b["warnings"]) for b in recon.bills if b["bill_id"] == bill_id), [])


def _roles(
    recon: CaseReconciliation,
    rows_by_id: dict[int, BillRowSnap],
    where: dict[int, tuple[int, int]],
    bills: dict[int, Bill],
    numbers: dict[int, int],
) -> None:
    by_id = {r.bill_row_id: r for r in recon.stored}
    groups: dict[int, list[int]] = {}  # counted bill_row id -> every printed copy of that transaction
    for row_id in rows_by_id:
        groups.setdefault(recon.duplicate_of.get(row_id, row_id), []).append(row_id)
    for kept, members in groups.items():
        r = by_id.get(kept)
        if r is None:
            continue
        members.sort(key=lambda i: where[i])
        first = members[0]
        for i in members:
            row = rows_by_id[i]
            row.role, row.counted, row.status_refund, row.reason = (
                r.role,
                r.counted,
                r.status_refund,
                r.reason,
            )
            if r.linked_to is not None and r.linked_bill_id in bills:
                linked_ex = numbers.get(bills[r.linked_bill_id].exhibit_id)
                row.linked = (linked_ex, r.linked_to) if linked_ex is not None else None
            if i != first:
                row.shown_in = where[first]


def _claims(
    out: MoneySnap,
    items: list[ClaimView],
    numbers: dict[int, int],
    where: dict[int, tuple[int, int]],
    rows_by_id: dict[int, BillRowSnap],
) -> None:
    for n, item in enumerate(items, start=1):
        exhibits = tuple(numbers[e] for e in item.exhibit_ids if e in numbers)
        rows = []
        for rid in item.ids_of("bill_row"):
            if rid not in where:
                continue
            printed = rows_by_id[rid].shown_in or where[rid]  # an overlapping copy: where it is printed
            rows.append(printed)
            for row_id, at in where.items():
                if at == printed and n not in rows_by_id[row_id].claim_items:
                    rows_by_id[row_id].claim_items.append(n)
        out.claims.append(
            ClaimSnap(
                n,
                item.id,
                item.kind,
                item.kind_label,
                item.amount,
                item.refunded,
                item.on,
                item.description,
                tuple(sorted(set(exhibits))),
                tuple(rows),
            )
        )
