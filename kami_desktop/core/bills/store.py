"""Payment bills in a case: import (exhibit + parsed rows, all or nothing) and the case reconciliation
over every stored bill, counting the rows of the counterparties selected as the platform
(``core.bills.counterparties``). The claim is not taken from here: see ``core.bills.money``.

A bill is parsed before anything is stored; then the very bytes that were parsed go into the vault as
a 资金流水 exhibit and its rows are inserted in the exhibit's own transaction
(:func:`~kami_desktop.core.evidence.sources.import_source_file`), so there is never an exhibit without
rows. Every stored row keeps its source row number; the reconciliation ties each row to its bill id,
that row and the SHA-256 of the file it came from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kami_desktop.core.bills import (
    BillError,
    ParsedBill,
    Transaction,
    counterparty_key,
    parse_bill_bytes,
    platform_rule,
)

# the case reconciliation, re-exported: callers import it from here
from kami_desktop.core.bills.case_recon import BlobPath as BlobPath
from kami_desktop.core.bills.case_recon import CaseReconciliation as CaseReconciliation
from kami_desktop.core.bills.case_recon import RowRef as RowRef
from kami_desktop.core.bills.case_recon import StoredReconRow as StoredReconRow
from kami_desktop.core.bills.case_recon import case_reconciliation as case_reconciliation
from kami_desktop.core.bills.case_recon import case_transactions as case_transactions
from kami_desktop.core.bills.case_recon import live_bills as live_bills
from kami_desktop.core.bills.case_recon import reconcile_stored as reconcile_stored
from kami_desktop.core.bills.common import personal_only_warning
from kami_desktop.core.bills.counterparties import Decision, record_choices
from kami_desktop.core.bills.counterparties import platform_rule as case_platform_rule
from kami_desktop.core.bills.detect import MAX_INPUT
from kami_desktop.core.bills.owner import check_fits_case
from kami_desktop.core.bills.sheets import row_cells, sheet_values
from kami_desktop.core.case.cases import get_case
from kami_desktop.core.evidence.exhibits import ExhibitError, edit_exhibit, get_exhibit
from kami_desktop.core.evidence.importer import ImportedItem
from kami_desktop.core.evidence.replay import rows_digest
from kami_desktop.core.evidence.sources import import_source_file
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Bill, BillRow, Exhibit
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.fsutil import read_capped
from kami_desktop.core.util.timeutil import iso, now

SOURCE_LABELS = {"alipay": "支付宝交易明细", "wechat": "微信支付账单明细"}
BILL_PURPOSE = "证明向平台付款及平台退款的时间和金额"


class BillStoreError(ExhibitError):
    """A bill operation on the case that cannot be done (no bill, no platform rows…)."""


@dataclass
class BillImport:
    bill_id: int
    exhibit_id: int
    sha256: str
    duplicate: bool
    source: str
    layout: str
    rows: int
    personal_only: bool
    title: str
    warnings: list[str] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # the counterparties now selected as the platform
    evidence_warning: str = ""  # personal-only guidance: request the official 交易流水证明 as well

    def to_json(self) -> dict:
        return dict(self.__dict__)


# ----------------------------------------------------------------------------- import
def bill_title(bill: ParsedBill) -> str:
    label = SOURCE_LABELS.get(bill.source, "账单")
    times = [t.time for t in bill.transactions]
    start = bill.period_start or (min(times) if times else None)
    end = bill.period_end or (max(times) if times else None)
    if start and end:
        return f"{label} {start:%Y-%m-%d}—{end:%Y-%m-%d}"
    return label


def import_bill(
    profile: Profile,
    case_id: int,
    path: Path | str,
    password: str | None = None,
    platform: Iterable[str] | None = None,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> BillImport:
    """Parse, then store the file as a 资金流水 exhibit with all its rows. Raises BillError (incl.
    PasswordRequired) before anything is stored; importing the same file again adds nothing."""
    p = Path(path)
    progress(0, 3, p.name)
    with profile.session() as s:
        get_case(s, case_id)
    data = read_capped(p, MAX_INPUT, BillError)
    bill = parse_bill_bytes(data, p.name, password)
    with profile.session() as s:
        check_fits_case(s, case_id, bill, p.name)
    sha = hashlib.sha256(data).hexdigest()
    progress(1, 3, p.name)
    with profile.session() as s:
        existing = s.scalar(
            select(Bill.id)
            .join(Exhibit, Exhibit.id == Bill.exhibit_id)
            .where(Bill.blob_sha256 == sha, Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
            .limit(1)
        )
    if existing is not None:
        return _result(profile, case_id, existing, bill, True, platform)
    if cancel is not None and cancel():
        raise BillError(p.name, "导入已取消")
    progress(2, 3, p.name)
    _, bill_id = import_source_file(
        profile,
        case_id,
        p,
        data,
        category="funds",
        captured_at=bill.exported_at,
        source="支付平台导出的账单原始文件",
        error=BillError,
        store=lambda s, item, created: _store(s, case_id, item, created, bill),
    )
    progress(3, 3, p.name)
    return _result(profile, case_id, bill_id, bill, False, platform)


def _store(s: Session, case_id: int, item: ImportedItem, created: bool, bill: ParsedBill) -> int:
    ex = get_exhibit(s, item.exhibit_id)
    # The bill's warnings are advice for the user (core.evidence.advice reads them from the Bill row);
    # the exhibit's notes stay the user's own words for the court.
    if created:
        edit_exhibit(s, ex.id, title=bill_title(bill), category="funds", purpose=BILL_PURPOSE)
    elif ex.category == "other":  # the file was already there as plain evidence: now it is a bill
        edit_exhibit(s, ex.id, category="funds")
    row = Bill(
        exhibit_id=ex.id,
        blob_sha256=item.sha256,
        source=bill.source,
        layout=bill.layout,
        personal_only=bill.personal_only,
        account=(bill.account or "")[:200],
        holder=(bill.holder or "")[:200],
        period_start=bill.period_start,
        period_end=bill.period_end,
        warnings=list(bill.warnings),
        imported_at=now(),
        rows_complete=True,
        **sheet_values(bill),
    )
    s.add(row)
    s.flush()
    if bill.transactions:
        s.execute(insert(BillRow), [_row_values(row.id, t) for t in bill.transactions])
    ledger.append(
        s,
        "bill.import",
        {
            "bill_id": row.id,
            "sha256": item.sha256,
            "source": bill.source,
            "layout": bill.layout,
            "rows": len(bill.transactions),
            "personal_only": bill.personal_only,
            "period_start": iso(bill.period_start),
            "period_end": iso(bill.period_end),
            "rows_digest": rows_digest(s.scalars(select(BillRow).where(BillRow.bill_id == row.id))),
        },
        case_id=case_id,
        exhibit_id=ex.id,
    )
    return row.id


def _row_values(bill_id: int, t: Transaction) -> dict:
    return {
        "bill_id": bill_id,
        "row": t.row,
        "time": t.time,
        "category": t.category[:100],
        "counterparty": t.counterparty[:300],
        "counterparty_account": t.counterparty_account[:200],
        "description": t.description,
        "direction": t.direction[:10],
        "amount": t.amount,
        "payment_method": t.payment_method[:200],
        "status": t.status[:100],
        "order_id": t.order_id[:100],
        "merchant_order_id": t.merchant_order_id[:100],
        "note": t.note,
        "fund_status": (t.fund_status or "")[:50],
        "refund_total": t.refund_total,
        "cells": row_cells(t),
    }


def _result(
    profile: Profile,
    case_id: int,
    bill_id: int,
    bill: ParsedBill,
    duplicate: bool,
    platform: Iterable[str] | None,
) -> BillImport:
    with profile.session() as s:
        stored = s.get(Bill, bill_id)
        ex = s.get(Exhibit, stored.exhibit_id) if stored is not None else None
        if stored is None or ex is None:  # removed by another window meanwhile
            raise BillStoreError(f"账单 {bill_id} 已不存在")
        given = [n for n in (platform or []) if n and n.strip()]
        if given:  # the user named the platform's counterparties: exactly those, as confirmed choices
            wanted = platform_rule(given)
            record_choices(
                s,
                case_id,
                [
                    Decision(*counterparty_key(t), t.counterparty.strip(), True)
                    for t in bill.transactions
                    if t.counterparty.strip() and wanted.is_platform(t)
                ],
            )
        rule = case_platform_rule(s, case_id)
        selected = rule.selected_labels(t for t, _ in case_transactions(s, case_id, profile.blob_path))
        return BillImport(
            bill_id=bill_id,
            exhibit_id=ex.id,
            sha256=stored.blob_sha256,
            duplicate=duplicate,
            source=bill.source,
            layout=bill.layout,
            rows=len(bill.transactions),
            personal_only=bill.personal_only,
            title=ex.title,
            warnings=list(bill.warnings),
            terms=selected,
            evidence_warning=personal_only_warning(bill.source) if bill.personal_only else "",
        )
