"""Claim items (主张项) and the counterparty checklist are checked against the ledger like exhibits:
a claimed amount or a platform decision changed behind the app's back is found and named."""

from __future__ import annotations

import sqlite3

import pytest

from kami_desktop.core.bills.counterparties import Decision, record_choices
from kami_desktop.core.case import claims
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from tests.helpers import screenshot


@pytest.fixture
def claimed(profile, case_id, tmp_path):
    """Three screenshots, two claim items (one linked to a screenshot), two counterparty decisions."""
    shots = import_paths(
        profile, case_id, [screenshot(tmp_path / f"s{i}.png", 900 + i) for i in range(3)]
    ).imported
    with profile.session() as s:
        a = claims.add_item(
            s,
            case_id,
            "deducted",
            "487.50",
            "2026-05-28",
            reason="自动续费",
            exhibit_ids=[shots[0].exhibit_id],
        )
        b = claims.add_item(
            s, case_id, "undelivered_order", "350.00", "2026-05-29", exhibit_ids=[shots[1].exhibit_id]
        )
        record_choices(
            s,
            case_id,
            [
                Decision("某某卡盟", "km@example.com", "某某卡盟", True),
                Decision("某某便利店", "", "某某便利店", False),
            ],
        )
        ids = a.id, b.id
    return ids, [i.exhibit_id for i in shots]


def _sql(profile, sql: str, *args) -> None:
    con = sqlite3.connect(profile.db_path)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute(sql, args)
    con.commit()
    con.close()


def _state(profile):
    report = verify(profile)
    return report, [p.detail for p in report.problems if p.kind == "state_mismatch"]


def test_every_change_made_through_the_app_replays_clean(profile, case_id, claimed):
    (a, b), shots = claimed
    with profile.session() as s:
        claims.edit_item(s, a, amount="500.00", refunded="12.50", exhibit_ids=[shots[2]], verified=True)
        claims.remove_item(s, b)
        record_choices(s, case_id, [Decision("某某便利店", "", "某某便利店", True)])
        exhibits.trash(s, shots[2])
    exhibits.purge(profile, case_id)  # the linked screenshot is deleted for good: the link reads NULL
    report, mismatches = _state(profile)
    assert report.ok and mismatches == [], report.problems


def test_a_claimed_amount_changed_in_the_database_is_named(profile, claimed):
    (a, _b), _shots = claimed
    _sql(profile, "UPDATE claim_items SET amount = '4875.00' WHERE id = ?", a)
    report, mismatches = _state(profile)
    assert not report.ok
    assert len(mismatches) == 1 and f"主张项（编号 {a}）" in mismatches[0] and "4875.00" in mismatches[0]


def test_an_inserted_and_a_deleted_claim_item_are_found(profile, case_id, claimed):
    (_a, b), _shots = claimed
    _sql(profile, "DELETE FROM claim_items WHERE id = ?", b)
    _sql(
        profile,
        'INSERT INTO claim_items (id, case_id, kind, reason, amount, refunded, "on", description, unverified, origin, '
        "created_at, updated_at) VALUES (77, ?, 'undelivered_order', '', '9999.00', '0.00', '2026-05-30', '', 0, 'user', "
        "'2026-05-30T10:00:00+08:00', '2026-05-30T10:00:00+08:00')",
        case_id,
    )
    _report, mismatches = _state(profile)
    assert any("主张项（编号 77）" in m and "日志中没有这个主张项" in m for m in mismatches), mismatches
    assert any(f"主张项（编号 {b}）" in m and "数据库中已没有" in m for m in mismatches), mismatches


def test_a_relinked_claim_item_is_found(profile, claimed):
    (a, _b), shots = claimed
    _sql(profile, "UPDATE claim_evidence SET exhibit_id = ? WHERE item_id = ?", shots[2], a)
    _report, mismatches = _state(profile)
    assert len(mismatches) == 1 and "证据" in mismatches[0]


def test_a_flipped_platform_decision_is_found(profile, claimed):
    _sql(profile, "UPDATE counterparty_choices SET selected = 1 WHERE name = '某某便利店'")
    _report, mismatches = _state(profile)
    assert len(mismatches) == 1
    assert (
        "某某便利店" in mismatches[0]
        and "日志为 不计入平台" in mismatches[0]
        and "数据库为 计入平台" in mismatches[0]
    )


def test_rows_the_migration_carried_over_are_counted_as_unchecked(profile, case_id, claimed):
    _sql(
        profile,
        'INSERT INTO claim_items (case_id, kind, reason, amount, refunded, "on", description, unverified, origin, '
        "created_at, updated_at) VALUES (?, 'other', '', '1798.00', '350.00', '2026-05-01', '', 1, 'net_paid', "
        "'2026-05-30T10:00:00+08:00', '2026-05-30T10:00:00+08:00')",
        case_id,
    )
    _sql(
        profile,
        "INSERT INTO counterparty_choices (case_id, name, account, label, selected, origin, decided_at) "
        "VALUES (?, '某某通信', '', '某某通信', 1, 'keyword:某某', '2026-05-30T10:00:00+08:00')",
        case_id,
    )
    report, mismatches = _state(profile)
    assert report.ok and mismatches == []
    assert report.unchecked["claim_items"] == 1 and report.unchecked["counterparties"] == 1
