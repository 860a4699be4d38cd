"""Screenshots tied to bill rows: the same order or transaction number (certain), else the same amount
at a time within a window (likely). The link is shown both ways — an exhibit's rows, a row's screenshots
— and is computed, never stored.

A screenshot that shows an order 未到账 (or 充值失败, 处理中 …) and matches a payment row is offered as a
claim item ("此截图显示订单未到账，且与账单第 N 行付款 ¥… 相符：添加为主张项？"); the item is made only
when the user accepts (``offer_draft`` → the claim dialog → ``add_from_draft``, or ``accept_offer``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kami_desktop.core.bills.money import draft_from_bill_row
from kami_desktop.core.bills.store import BlobPath, live_bills
from kami_desktop.core.case.claim_drafts import ClaimDraft, add_from_draft
from kami_desktop.core.case.claims import SOURCE_LABELS, ClaimError
from kami_desktop.core.evidence.exhibits import get_exhibit
from kami_desktop.core.store.model import BillRow, ClaimEvidence, ClaimItem, Exhibit, ExhibitFile, OcrText
from kami_desktop.core.triage.extract import AMOUNT, DATETIME, Extraction
from kami_desktop.core.triage.rules import FAILURE_STATES
from kami_desktop.core.triage.suggest import ExhibitSuggestions, case_suggestions, suggestions_for
from kami_desktop.core.util.money import money_str
from kami_desktop.core.util.timeutil import CHINA_TZ

WINDOW = timedelta(minutes=10)
NUMBER, AMOUNT_TIME = "number", "amount_time"


@dataclass(frozen=True)
class StoredRow:
    """A bill row as matching sees it."""

    id: int
    bill_id: int
    bill_exhibit_id: int
    source: str
    row: int
    time: datetime
    amount: Decimal
    direction: str
    counterparty: str
    order_id: str
    merchant_order_id: str

    @property
    def where(self) -> str:
        return f"{SOURCE_LABELS.get(self.source, '')}账单第 {self.row} 行"


@dataclass(frozen=True)
class BillMatch:
    exhibit_id: int
    exhibit_number: int | None
    row: StoredRow
    how: str  # NUMBER | AMOUNT_TIME
    confidence: float  # 1.0 for a number; less the further apart the times
    reason: str

    def to_json(self) -> dict[str, Any]:
        r = self.row
        return {
            "exhibit_id": self.exhibit_id,
            "exhibit_number": self.exhibit_number,
            "bill_row_id": r.id,
            "bill_id": r.bill_id,
            "bill_exhibit_id": r.bill_exhibit_id,
            "row": r.row,
            "time": r.time.isoformat(),
            "amount": money_str(r.amount),
            "direction": r.direction,
            "counterparty": r.counterparty,
            "how": self.how,
            "confidence": round(self.confidence, 2),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class ClaimOffer:
    exhibit_id: int
    exhibit_number: int | None
    row: StoredRow
    status: str
    question: str

    def to_json(self) -> dict[str, Any]:
        return {
            "exhibit_id": self.exhibit_id,
            "exhibit_number": self.exhibit_number,
            "bill_row_id": self.row.id,
            "row": self.row.row,
            "amount": money_str(self.row.amount),
            "status": self.status,
            "question": self.question,
        }


@dataclass
class CaseMatches:
    matches: list[BillMatch] = field(default_factory=list)
    offers: list[ClaimOffer] = field(default_factory=list)

    def for_exhibit(self, exhibit_id: int) -> list[BillMatch]:
        return [m for m in self.matches if m.exhibit_id == exhibit_id]

    def for_row(self, bill_row_id: int) -> list[BillMatch]:
        return [m for m in self.matches if m.row.id == bill_row_id]

    def by_row(self) -> dict[int, list[BillMatch]]:
        out: dict[int, list[BillMatch]] = defaultdict(list)
        for m in self.matches:
            out[m.row.id].append(m)
        return dict(out)

    def to_json(self) -> dict[str, Any]:
        rows: dict[int, list[int | None]] = {}
        for m in self.matches:
            rows.setdefault(m.row.id, []).append(m.exhibit_number)
        return {
            "matches": [m.to_json() for m in self.matches],
            "rows": [{"bill_row_id": k, "exhibit_numbers": v} for k, v in rows.items()],
            "offers": [o.to_json() for o in self.offers],
        }


# ----------------------------------------------------------------------------- the rows
def stored_rows(s: Session, case_id: int) -> list[StoredRow]:
    """The rows of the case's live bills (a file held by two exhibits counted once). Columns, not ORM
    objects: this runs on every exhibit shown, and a bill may have tens of thousands of rows."""
    out: list[StoredRow] = []
    seen: set[str] = set()
    columns = (
        BillRow.id,
        BillRow.row,
        BillRow.time,
        BillRow.amount,
        BillRow.direction,
        BillRow.counterparty,
        BillRow.order_id,
        BillRow.merchant_order_id,
    )
    for b in live_bills(s, case_id):
        if b.blob_sha256 in seen:
            continue
        seen.add(b.blob_sha256)
        q = select(*columns).where(BillRow.bill_id == b.id).order_by(BillRow.row)
        for row_id, row, at, amount, direction, party, order, merchant in s.connection().execute(q):
            out.append(
                StoredRow(
                    row_id,
                    b.id,
                    b.exhibit_id,
                    b.source,
                    row,
                    at,
                    amount,
                    direction,
                    party,
                    (order or "").strip(),
                    (merchant or "").strip(),
                )
            )
    return out


def _key(number: str) -> str:
    return number.strip().upper()


# ----------------------------------------------------------------------------- matching
def match_rows(
    exhibit_id: int,
    number: int | None,
    found: Extraction,
    rows: list[StoredRow],
    window: timedelta = WINDOW,
) -> list[BillMatch]:
    """The rows one screenshot matches: by number (exact), else by amount and a time within ``window``."""
    numbers = list(found.numbers())
    wanted = {_key(n.value) for n in numbers}  # only the rows holding one of them are looked up
    by_number: dict[str, list[tuple[StoredRow, str]]] = defaultdict(list)
    for r in rows if wanted else ():
        if r.order_id and _key(r.order_id) in wanted:
            by_number[_key(r.order_id)].append((r, "交易单号"))
        if r.merchant_order_id and _key(r.merchant_order_id) in wanted:
            by_number[_key(r.merchant_order_id)].append((r, "商户单号"))
    out: list[BillMatch] = []
    for n in numbers:
        for r, column in by_number.get(_key(n.value), []):
            if any(m.row.id == r.id for m in out):
                continue
            what = n.label or "单号"
            reason = f"截图中的{what} {n.value} 与{r.where}的{column}相同"
            out.append(BillMatch(exhibit_id, number, r, NUMBER, 1.0, reason))
    if out:
        return out
    amounts = {a.value for a in found.of(AMOUNT)}
    times = [t.value for t in found.of(DATETIME)]
    for r in rows:
        if abs(r.amount) not in amounts:
            continue
        gaps = [abs(r.time - t) for t in times if abs(r.time - t) <= window]
        if not gaps:
            continue
        gap = min(gaps)
        minutes = int(gap.total_seconds() // 60)
        confidence = 0.9 - 0.3 * (gap / window)
        when = "时间相同" if gap < timedelta(minutes=1) else f"时间相差 {minutes} 分钟"
        reason = f"金额 ¥{money_str(r.amount)} 与{r.where}相同，{when}"
        out.append(BillMatch(exhibit_id, number, r, AMOUNT_TIME, confidence, reason))
    if len(out) > 1:  # several rows fit equally: none is certain
        out = [
            BillMatch(m.exhibit_id, m.exhibit_number, m.row, m.how, m.confidence / len(out), m.reason)
            for m in out
        ]
    return sorted(out, key=lambda m: -m.confidence)


def _claimed_rows(s: Session, case_id: int) -> set[int]:
    ids = s.scalars(
        select(ClaimEvidence.bill_row_id)
        .join(ClaimItem, ClaimItem.id == ClaimEvidence.item_id)
        .where(ClaimItem.case_id == case_id, ClaimEvidence.bill_row_id.is_not(None))
    )
    return {i for i in ids if i is not None}


def _question(status: str, row: StoredRow) -> str:
    shows = "订单未到账" if status == "未到账" else f"订单状态为“{status}”"
    return f"此截图显示{shows}，且与{row.where}付款 ¥{money_str(row.amount)} 相符：添加为主张项？"


def _offer(sug: ExhibitSuggestions, matches: list[BillMatch], claimed: set[int]) -> ClaimOffer | None:
    if sug.status not in FAILURE_STATES:
        return None
    for m in matches:
        if m.row.direction == "支出" and m.row.id not in claimed:
            return ClaimOffer(sug.exhibit_id, sug.number, m.row, sug.status, _question(sug.status, m.row))
    return None


def case_matches(
    s: Session, case_id: int, exhibit_ids: Iterable[int] | None = None, window: timedelta = WINDOW
) -> CaseMatches:
    """Every screenshot of the case (or those named) with the bill rows it matches, and the claim offers."""
    rows = stored_rows(s, case_id)
    out = CaseMatches()
    if not rows:
        return out
    claimed = _claimed_rows(s, case_id)
    for sug in case_suggestions(s, case_id, exhibit_ids):
        if not sug.has_text:
            continue
        found = sug.found
        matches = match_rows(sug.exhibit_id, sug.number, found, rows, window)
        out.matches += matches
        offer = _offer(sug, matches, claimed)
        if offer is not None:
            out.offers.append(offer)
    return out


def screenshots_of_row(
    s: Session, case_id: int, bill_row_id: int, window: timedelta = WINDOW
) -> list[BillMatch]:
    """The screenshots that match one bill row. Only those whose text holds the row's numbers or the digits
    of its amount are read through (a bill row's menu stays quick in a case of thousands of screenshots)."""
    rows = stored_rows(s, case_id)
    row = next((r for r in rows if r.id == bill_row_id), None)
    if row is None:
        return []
    whole = int(abs(row.amount))
    needles = {row.order_id, row.merchant_order_id, str(whole), f"{whole:,}"} - {""}
    candidates = s.scalars(
        select(ExhibitFile.exhibit_id)
        .join(OcrText, OcrText.blob_sha256 == ExhibitFile.blob_sha256)
        .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
        .where(
            Exhibit.case_id == case_id,
            Exhibit.trashed_at.is_(None),
            or_(*(OcrText.text.contains(n, autoescape=True) for n in needles)),
        )
        .distinct()
    )
    out: list[BillMatch] = []
    for sug in case_suggestions(s, case_id, list(candidates)):
        if sug.has_text:
            found = match_rows(sug.exhibit_id, sug.number, sug.found, rows, window)
            out += [m for m in found if m.row.id == bill_row_id]
    return out


# ----------------------------------------------------------------------------- the claim offer
def offer_draft(
    s: Session, exhibit_id: int, bill_row_id: int, blob_path: BlobPath | None = None
) -> ClaimDraft:
    """The claim item the offer proposes: the payment row's amount, date and refunds, the screenshot as
    evidence beside the row, the kind the screenshot shows. Nothing is stored."""
    ex = get_exhibit(s, exhibit_id)
    offer = next(
        (o for o in case_matches(s, ex.case_id, [exhibit_id]).offers if o.row.id == bill_row_id),
        None,
    )
    if offer is None:
        raise ClaimError("这张截图与该账单行不相符，或该付款已在主张项中。")
    draft = draft_from_bill_row(s, bill_row_id, blob_path)
    draft.exhibit_ids = [exhibit_id]
    draft.kind = "topup_not_credited" if offer.status in ("未到账", "充值失败") else "undelivered_order"
    draft.reason = ""
    t = offer.row.time.astimezone(CHINA_TZ)
    on = f"{t.year}年{t.month}月{t.day}日"
    draft.description = (
        f"{on}付款 {money_str(offer.row.amount)} 元，平台显示“{offer.status}”。{draft.description}"[:300]
    )
    return draft


def accept_offer(
    s: Session, exhibit_id: int, bill_row_id: int, blob_path: BlobPath | None = None, **overrides: Any
) -> ClaimItem:
    """The user said yes: record the offered claim item (``claim.add`` in the ledger)."""
    return add_from_draft(s, offer_draft(s, exhibit_id, bill_row_id, blob_path), **overrides)


@dataclass
class ExhibitTriage:
    """All the detail panel shows for one exhibit: its suggestions, its bill rows, the claim offer."""

    case_id: int
    suggestions: ExhibitSuggestions
    matches: list[BillMatch] = field(default_factory=list)
    offer: ClaimOffer | None = None

    @property
    def empty(self) -> bool:
        return not (self.suggestions.fields or self.suggestions.dismissed or self.matches or self.offer)


def exhibit_triage(s: Session, exhibit_id: int, window: timedelta = WINDOW) -> ExhibitTriage:
    sug = suggestions_for(s, exhibit_id)
    case_id = get_exhibit(s, exhibit_id).case_id
    if not sug.has_text:
        return ExhibitTriage(case_id, sug)
    rows = stored_rows(s, case_id)
    matches = match_rows(exhibit_id, sug.number, sug.found, rows, window) if rows else []
    return ExhibitTriage(case_id, sug, matches, _offer(sug, matches, _claimed_rows(s, case_id)))
