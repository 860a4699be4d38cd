"""Every edit (case, exhibit, fact, ladder step, party) is recorded in one ledger payload shape, and the
entries written before that shape still verify next to the new ones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import select

from kami_desktop.core.case.cases import update_case
from kami_desktop.core.case.facts import add_fact, edit_fact
from kami_desktop.core.case.ladder import edit_step, record_step
from kami_desktop.core.case.parties import add_party, edit_party
from kami_desktop.core.evidence.exhibits import edit_exhibit
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.profile import Profile
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import LedgerEntry
from tests.helpers import screenshot

EDIT_ACTIONS = ("case.edit", "exhibit.edit", "fact.edit", "ladder.step_edit", "party.edit")
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "profiles" / "0004_step_period_bill_row_refunds"


def edits(profile: Profile) -> list[LedgerEntry]:
    with profile.session() as s:
        rows = s.scalars(
            select(LedgerEntry).where(LedgerEntry.action.in_(EDIT_ACTIONS)).order_by(LedgerEntry.seq)
        )
        return list(rows)


def test_every_edit_writes_one_payload_shape(profile, case_id, tmp_path):
    ex = import_paths(profile, case_id, [screenshot(tmp_path / "a.png", 1)]).imported[0].exhibit_id
    with profile.session() as s:
        fact = add_fact(s, case_id, "2025-09-19 22:10", "扣款").id
        step = record_step(s, case_id, "demand_sent", "2025-09-26", done=False).id
        party = add_party(s, case_id, "operator", "星辰网络").id
    with profile.session() as s:
        update_case(s, case_id, claimed_amount="12.3", title="星辰卡盟充值扣款纠纷")  # the title is unchanged
        edit_exhibit(s, ex, tags="客服, 退款", captured_at="2025-03-12 20:30")
        edit_fact(s, fact, kind="退款", exhibit_ids=[ex])
        edit_step(s, step, note="EMS 1234")
        edit_party(s, party, uscc="914403001922038217", override=True)
    entries = edits(profile)
    assert [e.action for e in entries] == list(EDIT_ACTIONS)
    payloads = [json.loads(e.payload) for e in entries]
    assert [(p["entity"], p["id"]) for p in payloads] == [
        ("case", case_id),
        ("exhibit", ex),
        ("fact", fact),
        ("step", step),
        ("party", party),
    ]
    assert all(e.case_id == case_id for e in entries)
    assert [e.exhibit_id for e in entries] == [None, ex, None, None, None]
    assert [set(p) for p in payloads[:4]] == [{"entity", "id", "changes"}] * 4
    assert (
        set(payloads[4]) == {"entity", "id", "changes", "overridden"}
        and "校验位" in payloads[4]["overridden"]["uscc"]
    )
    case, exhibit, fact_p, step_p, party_p = (p["changes"] for p in payloads)
    assert case == {"claimed_amount": {"old": None, "new": "12.30"}}
    assert exhibit["tags"] == {"old": [], "new": ["客服", "退款"]}
    assert exhibit["captured_at"]["new"] == "2025-03-12T20:30:00+08:00"
    assert fact_p == {"kind": {"old": "deduction", "new": "refund"}, "exhibit_ids": {"old": [], "new": [ex]}}
    assert step_p == {"note": {"old": "", "new": "EMS 1234"}}
    assert party_p == {"uscc": {"old": "", "new": "914403001922038217"}}
    assert verify(profile).ok  # the ledger replay reads the edits as the database holds them
    with profile.engine.begin() as con:  # changed behind the ledger's back
        con.exec_driver_sql("UPDATE cases SET claimed_amount = '99.00' WHERE id = ?", (case_id,))
        con.exec_driver_sql("UPDATE exhibits SET tags = '[\"退款\"]' WHERE id = ?", (ex,))
    found = {(p.kind, p.field) for p in verify(profile).problems}
    assert found == {("state_mismatch", "claimed_amount"), ("state_mismatch", "tags")}


def test_an_edit_that_changes_nothing_records_nothing(profile, case_id, tmp_path):
    ids = [
        i.exhibit_id
        for i in import_paths(
            profile, case_id, [screenshot(tmp_path / f"{n}.png", n) for n in (1, 2)]
        ).imported
    ]
    with profile.session() as s:
        fact = add_fact(s, case_id, "2025-09-19", "扣款", exhibit_ids=ids).id
        party = add_party(s, case_id, "operator", "星辰网络").id
    with profile.session() as s:
        update_case(s, case_id, title=" 星辰卡盟充值扣款纠纷 ")
        edit_exhibit(s, ids[0], tags=[])
        edit_fact(s, fact, exhibit_ids=list(reversed(ids)))  # the same links in another order
        edit_party(s, party, name="星辰网络", is_defendant=False)
    assert edits(profile) == []


def test_entries_of_the_older_shapes_verify_next_to_new_ones(tmp_path):
    d = shutil.copytree(FIXTURE, tmp_path / "profile")
    with Profile.open(d) as p:
        (old,) = edits(p)
        assert json.loads(old.payload).keys() == {"changes"}  # as an earlier release wrote it
        with p.session() as s:
            edit_exhibit(s, old.exhibit_id, title="充值付款记录（更正）")
        old_again, new = edits(p)
        assert old_again.payload == old.payload and json.loads(new.payload)["entity"] == "exhibit"
        report = verify(p, full=True)
        assert report.ok and report.ledger_entries == new.seq
        with p.session() as s:
            exported = [ledger.entry_to_json(e) for e in ledger.entries(s, old.case_id)]
        assert {"changes"} in [set(e["payload"]) for e in exported if e["action"] == "exhibit.edit"]
