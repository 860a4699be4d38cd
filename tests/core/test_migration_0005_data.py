"""Schema 0005 carries a 0004 user's data over: platform keywords the user set become counterparty choices
(marked for checking), guessed ones do not, and a claimed amount set from the net paid becomes one claim
item marked 待核实 — while the ledger and every old row stay as they were."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal

from alembic import command
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kami_desktop.core.store import ledger
from kami_desktop.core.store.db import alembic_config, make_engine
from kami_desktop.core.store.model import (
    Blob,
    ClaimEvidence,
    ClaimItem,
    CounterpartyChoice,
)
from kami_desktop.core.util.timeutil import CHINA_TZ, now

BEFORE = "0004_step_period_bill_row_refunds"


def _bill(s: Session, case_id: int, rows: list[tuple[str, str, str]]) -> _BillRef:
    stamp = now()
    sha = f"{case_id:064x}"
    s.add(Blob(sha256=sha, sm3=sha, size=1, media_type="text/csv", first_seen=stamp))
    s.flush()
    # the 0004 schema's columns only (the ORM of today knows columns later revisions add)
    exhibit_id = s.execute(
        text(
            "INSERT INTO exhibits (case_id, title, category, purpose, source, position, notes, tags, created_at, "
            "updated_at) VALUES (:case, '支付宝交易明细', 'funds', '', '', 0, '', '[]', :at, :at) RETURNING id"
        ),
        {"case": case_id, "at": stamp.isoformat()},
    ).scalar_one()
    bill_id = s.execute(
        text(
            "INSERT INTO bills (exhibit_id, blob_sha256, source, layout, personal_only, account, holder, "
            "warnings, imported_at, rows_complete) VALUES (:ex, :sha, 'alipay', 'alipay-csv-2026', 0, '', '', "
            "'[]', :at, 1) RETURNING id"
        ),
        {"ex": exhibit_id, "sha": sha, "at": stamp.isoformat()},
    ).scalar_one()
    bill = _BillRef(bill_id, exhibit_id, sha)
    for i, (party, direction, amount) in enumerate(rows, start=25):
        s.execute(
            text(
                "INSERT INTO bill_rows (bill_id, row, time, category, counterparty, counterparty_account, "
                "description, direction, amount, payment_method, status, order_id, merchant_order_id, note, "
                "fund_status) VALUES (:bill, :row, :time, '', :party, :account, '', :direction, :amount, "
                "'账户余额', '交易成功', :order, '', '', '')"
            ),
            {
                "bill": bill.id,
                "row": i,
                "time": datetime(2025, 3, i - 20, 10, 0, tzinfo=CHINA_TZ).isoformat(),
                "party": party,
                "account": "star***@163.com" if party == "星辰卡盟" else "",
                "direction": direction,
                "amount": amount,
                "order": f"20250300{i:020d}",
            },
        )
    return bill


class _BillRef:
    def __init__(self, id: int, exhibit_id: int, blob_sha256: str) -> None:
        self.id, self.exhibit_id, self.blob_sha256 = id, exhibit_id, blob_sha256


def _case(s: Session, title: str, claimed_amount: str | None = None) -> int:
    """A case row in the 0004 schema's columns (the ORM of today knows columns later revisions add)."""
    stamp = now().isoformat()
    case_id = s.execute(
        text(
            "INSERT INTO cases (title, platform_name, platform_url, cause_type, claimed_amount, stage, notes, "
            "created_at, updated_at, platform_terms) VALUES (:t, '星辰卡盟', '', 'unknown', :a, 'negotiation', '', "
            ":at, :at, '[]') RETURNING id"
        ),
        {"t": title, "a": claimed_amount, "at": stamp},
    ).scalar_one()
    ledger.append(s, "case.create", {"id": case_id, "title": title}, case_id=case_id)
    return case_id


def _claimed(s: Session, case_id: int, amount: str) -> None:
    s.execute(text("UPDATE cases SET claimed_amount = :a WHERE id = :i"), {"a": amount, "i": case_id})
    ledger.append(
        s,
        "case.edit",
        {"entity": "case", "id": case_id, "changes": {"claimed_amount": {"old": None, "new": amount}}},
        case_id=case_id,
    )


def _terms(s: Session, case_id: int, terms: list[str], suggested: bool) -> None:
    s.execute(
        text("UPDATE cases SET platform_terms = :t WHERE id = :i"),
        {"t": json.dumps(list(terms), ensure_ascii=False), "i": case_id},
    )
    ledger.append(s, "bill.terms", {"old": [], "new": terms, "suggested": suggested}, case_id=case_id)


def test_keywords_and_a_net_paid_claim_are_carried_over(tmp_path):
    db = tmp_path / "kami.sqlite3"
    engine = make_engine(db)
    command.upgrade(alembic_config(engine), BEFORE)
    rows = [("星辰卡盟", "支出", "1000.00"), ("星辰便利店", "支出", "12.00"), ("老王面馆", "支出", "30.00")]
    with Session(engine) as s, s.begin():
        confirmed = _case(s, "用户确认过关键词")
        bill = _bill(s, confirmed, rows)
        _terms(s, confirmed, ["星辰"], suggested=False)
        _claimed(s, confirmed, "1012.00")
        ledger.append(
            s,
            "bill.apply",
            {
                "claimed_amount": Decimal("1012.00"),
                "paid": Decimal("1012.00"),
                "refunded": Decimal("0.00"),
                "net": Decimal("1012.00"),
                "terms": ["星辰"],
                "bills": [{"bill_id": bill.id, "sha256": bill.blob_sha256}],
                "rows": 2,
            },
            case_id=confirmed,
        )
        guessed = _case(s, "关键词是软件猜的", claimed_amount="500.00")
        _bill(s, guessed, rows)
        _terms(s, guessed, ["星辰卡盟", "星辰便利店"], suggested=True)
        head = ledger.head_hash(s)
        bill_exhibit = bill.exhibit_id
    command.upgrade(alembic_config(engine), "0005_claim_items")
    with Session(engine) as s:
        choices = {
            (c.case_id, c.label): (c.selected, c.origin, c.account)
            for c in s.scalars(select(CounterpartyChoice))
        }
        assert choices == {
            (confirmed, "星辰卡盟"): (True, "keyword:星辰", "star***@163.com"),
            (confirmed, "星辰便利店"): (True, "keyword:星辰", ""),
        }
        (item,) = s.scalars(select(ClaimItem))
        assert (item.case_id, item.kind, item.amount, item.refunded, item.unverified, item.origin) == (
            confirmed,
            "other",
            Decimal("1012.00"),
            Decimal("0.00"),
            True,
            "net_paid",
        )
        assert "净付款" in item.description and item.reason == ""
        (link,) = s.scalars(select(ClaimEvidence))
        assert (link.kind, link.exhibit_id, link.label) == (
            "exhibit",
            bill_exhibit,
            "证据《支付宝交易明细》",
        )
        assert ledger.head_hash(s) == head and ledger.verify_chain(s)[1] == []
    engine.dispose()

    from kami_desktop.core.bills.money import case_money, counterparty_list
    from kami_desktop.core.profile import Profile

    with Profile.open(tmp_path) as prof, prof.session() as s:
        mine = case_money(s, confirmed)
        assert mine.principal == Decimal("1012.00") and mine.claimed_amount == Decimal("1012.00")
        assert any("待核实" in w and "净付款" in w for w in mine.warnings)
        listed = {c.name: (c.selected, c.why) for c in counterparty_list(s, confirmed).counterparties}
        assert listed["星辰便利店"] == (True, "按旧版的平台关键词“星辰”选入，请核对")
        assert listed["老王面馆"] == (False, "未选择")
        theirs = case_money(s, guessed)  # the guess is not a choice: only the exact name counts
        assert [c.name for c in counterparty_list(s, guessed).counterparties if c.selected] == ["星辰卡盟"]
        assert theirs.items == [] and any("手工填写" in w for w in theirs.warnings)
