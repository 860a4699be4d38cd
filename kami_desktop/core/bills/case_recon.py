"""The case reconciliation over every stored bill: the live bills' rows rebuilt as transactions (each with
where it came from: bill, row, the original's SHA-256), rows two bills share counted once, the rows of the
counterparties selected as the platform (``core.bills.counterparties``) counted. ``core.bills.store``
imports bills and re-exports what is here; the claim is not taken from here: see ``core.bills.money``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import cast

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from kami_desktop.core.bills import (
    BillError,
    PlatformRule,
    Reconciliation,
    ReconRow,
    Transaction,
    parse_bill_bytes,
    platform_rule,
    reconcile,
)
from kami_desktop.core.bills.alipay import LAYOUT_WEB
from kami_desktop.core.bills.counterparties import platform_rule as case_platform_rule
from kami_desktop.core.bills.wechat import _refund_total as wechat_refund_total
from kami_desktop.core.case.cases import get_case
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Bill, BillRow, Exhibit
from kami_desktop.core.util.timeutil import iso


@dataclass(frozen=True)
class RowRef:
    """Where a stored transaction came from."""

    bill_id: int
    bill_row_id: int
    row: int  # row (line) number in the original file
    sha256: str  # of the original file as stored in the vault
    exhibit_id: int


@dataclass
class StoredReconRow(ReconRow):
    bill_id: int = 0
    bill_row_id: int = 0
    sha256: str = ""
    exhibit_id: int = 0
    linked_bill_id: int | None = None

    def to_json(self) -> dict:
        out = super().to_json()
        out.update(
            bill_id=self.bill_id,
            bill_row_id=self.bill_row_id,
            sha256=self.sha256,
            exhibit_id=self.exhibit_id,
            linked_bill_id=self.linked_bill_id,
        )
        return out


@dataclass
class CaseReconciliation(Reconciliation):
    bills: list[dict] = field(default_factory=list)
    duplicates: int = 0  # rows that several stored bills share, counted once
    duplicate_row_ids: set[int] = field(default_factory=set)  # bill_row ids skipped as such repeats
    duplicate_of: dict[int, int] = field(default_factory=dict)  # skipped bill_row id -> the one counted

    @property
    def stored(self) -> list[StoredReconRow]:
        """The rows with where each came from (every row of a case reconciliation is a StoredReconRow)."""
        return [r for r in self.rows if isinstance(r, StoredReconRow)]

    def to_json(self) -> dict:
        out = super().to_json()
        out.update(bills=list(self.bills), duplicates=self.duplicates)
        return out


# ----------------------------------------------------------------------------- the case reconciliation
BlobPath = Callable[[str], Path]


def _session_blob_path(s: Session) -> BlobPath:
    from kami_desktop.core.store.vault import Vault

    bind = s.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    return Vault(Path(engine.url.database or "").parent / "vault").path_for


def live_bills(s: Session, case_id: int) -> list[Bill]:
    q = (
        select(Bill)
        .join(Exhibit, Exhibit.id == Bill.exhibit_id)
        .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
        .order_by(Bill.id)
    )
    return list(s.scalars(q))


def case_transactions(
    s: Session, case_id: int, blob_path: BlobPath | None = None
) -> list[tuple[Transaction, RowRef]]:
    """Every stored row of the case's live bills, rebuilt as a Transaction, with where it came from."""
    out: list[tuple[Transaction, RowRef]] = []
    seen: set[str] = set()
    for b in live_bills(s, case_id):
        if b.blob_sha256 in seen:  # the same file held by two exhibits
            continue
        seen.add(b.blob_sha256)
        legacy = not b.rows_complete  # stored before rows kept these two columns
        extras = (
            _web_extras(b, blob_path or _session_blob_path(s)) if legacy and b.layout == LAYOUT_WEB else {}
        )
        for r in s.scalars(select(BillRow).where(BillRow.bill_id == b.id).order_by(BillRow.row)):
            if legacy:
                fund, refund = extras.get(r.row, ("", None))
                if b.source == "wechat":
                    refund = wechat_refund_total(r.status, r.direction, r.amount)
            else:
                fund, refund = r.fund_status, r.refund_total
            tx = Transaction(
                time=r.time,
                category=r.category,
                counterparty=r.counterparty,
                counterparty_account=r.counterparty_account,
                description=r.description,
                direction=r.direction,
                amount=r.amount,
                payment_method=r.payment_method,
                status=r.status,
                order_id=r.order_id,
                merchant_order_id=r.merchant_order_id,
                note=r.note,
                row=r.row,
                source=b.source,
                fund_status=fund,
                refund_total=refund,
            )
            out.append((tx, RowRef(b.id, r.id, r.row, b.blob_sha256, b.exhibit_id)))
    return out


def _web_extras(b: Bill, blob_path: BlobPath) -> dict[int, tuple[str, Decimal | None]]:
    """资金状态 and 成功退款 of the old PC web layout are not columns of bill_rows: read them from the original."""
    try:
        parsed = parse_bill_bytes(blob_path(b.blob_sha256).read_bytes(), f"账单 {b.id}")
    except (OSError, BillError):
        return {}
    return {t.row: (t.fund_status, t.refund_total) for t in parsed.transactions}


def _dedupe_key(t: Transaction) -> tuple:
    if t.order_id:
        return (t.source, t.order_id, t.direction, t.amount, t.time)
    return (t.source, t.time, t.counterparty, t.description, t.direction, t.amount)


def reconcile_stored(
    s: Session,
    case_id: int,
    platform: PlatformRule | Iterable[str] | None = None,
    blob_path: BlobPath | None = None,
) -> CaseReconciliation:
    """The case reconciliation: every live bill's rows once (rows two bills share count once), the rows of
    the counterparties ``platform`` selects (default: the case's checklist, ``counterparties.platform_rule``)."""
    rule = case_platform_rule(s, case_id) if platform is None else platform_rule(platform)
    pairs: list[tuple[Transaction, RowRef]] = []
    keys: dict[tuple, int] = {}  # dedupe key -> bill_row id of the row that counts
    skipped: dict[int, int] = {}
    for t, ref in case_transactions(s, case_id, blob_path):
        key = _dedupe_key(t)
        if key in keys:
            skipped[ref.bill_row_id] = keys[key]
            continue
        keys[key] = ref.bill_row_id
        pairs.append((t, ref))
    bills = [_bill_info(b) for b in live_bills(s, case_id)]
    # rows of different bills may share numbers: reconcile on unique keys, then map back
    synthetic = [replace(t, row=k) for k, (t, _) in enumerate(pairs, start=1)]
    base = reconcile(synthetic, rule)
    several = len({ref.bill_id for _, ref in pairs}) > 1

    def where(k: int) -> str:
        ref = pairs[k - 1][1]
        return f"账单 {ref.bill_id} 第 {ref.row} 行" if several else f"第 {ref.row} 行"

    rows = []
    for r in base.rows:
        t, ref = pairs[r.transaction.row - 1]
        linked = pairs[r.linked_to - 1][1] if r.linked_to else None
        reason = re.sub(r"第 (\d+) 行", lambda m: where(int(m.group(1))), r.reason)
        rows.append(
            StoredReconRow(
                transaction=t,
                role=r.role,
                counted=r.counted,
                linked_to=linked.row if linked else None,
                reason=reason,
                status_refund=r.status_refund,
                refunded=r.refunded,
                bill_id=ref.bill_id,
                bill_row_id=ref.bill_row_id,
                sha256=ref.sha256,
                exhibit_id=ref.exhibit_id,
                linked_bill_id=linked.bill_id if linked else None,
            )
        )
    warnings = [re.sub(r"第 (\d+) 行", lambda m: where(int(m.group(1))), w) for w in base.warnings]
    if not bills:
        warnings.insert(0, "本案件还没有导入账单。")
    if skipped:
        warnings.append(f"有 {len(skipped)} 笔交易同时出现在多个账单中，只计算一次。")
    if any(b["personal_only"] for b in bills):
        warnings.append(
            "有账单注明“仅供个人对账使用”，证据效力较弱；建议另行申请交易流水证明（用于证明材料）一并提交。"
        )
    return CaseReconciliation(
        terms=base.terms,
        rows=cast(list[ReconRow], rows),  # every row is a StoredReconRow
        paid=base.paid,
        refunded=base.refunded,
        net=base.net,
        first=base.first,
        last=base.last,
        warnings=warnings,
        bills=bills,
        duplicates=len(skipped),
        duplicate_row_ids=set(skipped),
        duplicate_of=skipped,
    )


def _bill_info(b: Bill) -> dict:
    return {
        "bill_id": b.id,
        "exhibit_id": b.exhibit_id,
        "sha256": b.blob_sha256,
        "source": b.source,
        "layout": b.layout,
        "personal_only": b.personal_only,
        "account": b.account,
        "holder": b.holder,
        "period_start": iso(b.period_start),
        "period_end": iso(b.period_end),
        "warnings": list(b.warnings),
    }


def case_reconciliation(
    profile: Profile, case_id: int, platform: Iterable[str] | None = None
) -> CaseReconciliation:
    """Reconcile every stored bill of the case over its counterparty checklist (or the names given)."""
    with profile.session() as s:
        get_case(s, case_id)
        return reconcile_stored(s, case_id, platform, profile.blob_path)
