"""忽略: a dismissed suggestion is no longer offered for that exhibit until its OCR text changes; each
dismissal and its undoing is a ledger entry, and ``verify`` replays them against the table."""

from __future__ import annotations

import json
import sqlite3

from sqlalchemy import select

from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.evidence.purge import purge
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.store.model import Exhibit, LedgerEntry, SuggestionDismissal
from kami_desktop.core.triage.dismiss import dismiss, dismiss_many, undismiss, undismiss_many
from kami_desktop.core.triage.suggest import accept, case_suggestions, suggestions_for
from tests.core.triage.fixtures import ORDER_PAGE, PAYMENT_PAGE, page, shot


def offered(profile, exhibit_id: int) -> set[str]:
    with profile.session() as s:
        return {f.field for f in suggestions_for(s, exhibit_id).fields}


def entries(profile, action: str) -> list[dict]:
    with profile.session() as s:
        rows = s.scalars(select(LedgerEntry).where(LedgerEntry.action == action).order_by(LedgerEntry.seq))
        return [{"exhibit_id": e.exhibit_id, **json.loads(e.payload)} for e in rows]


def mismatches(profile) -> list[str]:
    report = verify(profile)
    return [p.detail for p in report.problems]


def test_a_dismissed_category_is_not_offered_nor_the_title_and_purpose_read_from_it(
    profile, case_id, tmp_path
):
    eid = shot(profile, case_id, tmp_path, "Screenshot_1.png", ORDER_PAGE)
    assert offered(profile, eid) == {"category", "title", "purpose", "captured_at"}
    with profile.session() as s:
        assert dismiss(s, eid, ["证据类别"]) == ["category"]
    assert offered(profile, eid) == {"captured_at"}  # the user keeps 其他: no title, no 证明目的 from it
    with profile.session() as s:
        sug = suggestions_for(s, eid)
        assert [f.field for f in sug.dismissed] == ["category"] and sug.dismissed[0].shown == "未交付证明"
        assert (
            "dismissed" not in sug.to_json()
            and sug.to_json(dismissed=True)["dismissed"][0]["field"] == "category"
        )
        assert s.get(Exhibit, eid).category == "other"  # the exhibit itself is untouched
    [entry] = entries(profile, "suggestion.dismiss")
    assert (
        entry["exhibit_id"] == eid
        and entry["fields"] == {"category": "未交付证明"}
        and len(entry["text_key"]) == 64
    )
    assert mismatches(profile) == []


def test_undismiss_offers_it_again_and_is_in_the_ledger(profile, case_id, tmp_path):
    eid = shot(profile, case_id, tmp_path, "Screenshot_1.png", ORDER_PAGE)
    with profile.session() as s:
        assert sorted(dismiss(s, eid)) == ["captured_at", "category", "purpose", "title"]
    assert offered(profile, eid) == set()
    with profile.session() as s:
        assert undismiss(s, eid, ["title", "category"]) == ["category", "title"]
    assert offered(profile, eid) == {"category", "title"}  # the 证明目的 stays dismissed
    with profile.session() as s:
        assert undismiss(s, eid) == ["captured_at", "purpose"]
        assert undismiss(s, eid) == []  # nothing left: no entry
    assert [e["fields"] for e in entries(profile, "suggestion.undismiss")] == [
        ["category", "title"],
        ["captured_at", "purpose"],
    ]
    assert offered(profile, eid) == {"category", "title", "purpose", "captured_at"}
    assert mismatches(profile) == []


def test_a_new_ocr_text_brings_a_new_suggestion(profile, case_id, tmp_path):
    eid = shot(profile, case_id, tmp_path, "Screenshot_1.png", ORDER_PAGE)
    with profile.session() as s:
        dismiss(s, eid)
        sha = s.get(Exhibit, eid).files[0].blob_sha256
        save_page(s, page(sha, ORDER_PAGE))  # read again, the same text: still dismissed
    assert offered(profile, eid) == set()
    with profile.session() as s:
        save_page(s, page(sha, PAYMENT_PAGE))  # read again (a redo) with another text
    assert offered(profile, eid) == {"category", "title", "purpose", "captured_at"}
    with profile.session() as s:
        assert suggestions_for(s, eid).dismissed == []
    assert mismatches(profile) == []  # the stale row is the ledger's too


def test_dismiss_many_leaves_the_others_and_accept_still_works(profile, case_id, tmp_path):
    a = shot(profile, case_id, tmp_path, "Screenshot_1.png", ORDER_PAGE, seed=1)
    b = shot(profile, case_id, tmp_path, "Screenshot_2.png", PAYMENT_PAGE, seed=2)
    with profile.session() as s:
        assert dismiss_many(s, case_id, [a], ["title"]) == {a: ["title"]}
        assert dismiss_many(s, case_id, fields=["captured_at"]) == {a: ["captured_at"], b: ["captured_at"]}
    assert offered(profile, a) == {"category", "purpose"}
    assert offered(profile, b) == {"category", "title", "purpose"}
    with profile.session() as s:
        accept(s, a)  # what is offered is saved; the dismissed title stays the file's name
        ex = s.get(Exhibit, a)
        assert ex.category == "non_delivery" and ex.title == "Screenshot_1" and ex.purpose
        assert undismiss_many(s, case_id) == {a: ["captured_at", "title"], b: ["captured_at"]}
    assert mismatches(profile) == []


def test_the_home_page_count_excludes_an_exhibit_whose_suggestions_are_all_dismissed(
    profile, case_id, tmp_path
):
    a = shot(profile, case_id, tmp_path, "Screenshot_1.png", ORDER_PAGE, seed=1)
    shot(profile, case_id, tmp_path, "Screenshot_2.png", PAYMENT_PAGE, seed=2)
    with profile.session() as s:
        assert sum(1 for sug in case_suggestions(s, case_id) if sug.fields) == 2
        dismiss(s, a)
        assert sum(1 for sug in case_suggestions(s, case_id) if sug.fields) == 1


def test_purge_and_merge_take_the_dismissals_with_them_and_verify_passes(profile, case_id, tmp_path):
    a = shot(profile, case_id, tmp_path, "Screenshot_1.png", ORDER_PAGE, seed=1)
    b = shot(profile, case_id, tmp_path, "Screenshot_2.png", PAYMENT_PAGE, seed=2)
    c = shot(profile, case_id, tmp_path, "Screenshot_3.png", PAYMENT_PAGE, seed=3)
    with profile.session() as s:
        dismiss_many(s, case_id)
        X.merge(s, a, [b])
        X.trash(s, c)
    purge(profile, case_id)
    with profile.session() as s:
        left = {d.exhibit_id for d in s.scalars(select(SuggestionDismissal))}
    assert left == {a}
    assert offered(profile, a)  # merged: the text changed, so suggestions come back
    assert mismatches(profile) == []


def _sql(profile, sql: str, *args) -> None:
    con = sqlite3.connect(profile.db_path)
    con.execute(sql, args)
    con.commit()
    con.close()


def test_a_dismissal_added_or_removed_behind_the_ledger_is_named_by_verify(profile, case_id, tmp_path):
    a = shot(profile, case_id, tmp_path, "Screenshot_1.png", ORDER_PAGE, seed=1)
    b = shot(profile, case_id, tmp_path, "Screenshot_2.png", PAYMENT_PAGE, seed=2)
    with profile.session() as s:
        dismiss(s, a, ["title"])
    _sql(profile, "DELETE FROM suggestion_dismissals WHERE exhibit_id = ?", a)
    _sql(
        profile,
        "INSERT INTO suggestion_dismissals (exhibit_id, field, text_key, shown, dismissed_at) "
        "VALUES (?, 'category', 'x', '', '2025-03-12T20:30:11+08:00')",
        b,
    )
    found = mismatches(profile)
    assert any(f"证据（编号 {a}）的识别建议的 title" in d and "数据库中没有忽略" in d for d in found)
    assert any(f"证据（编号 {b}）的识别建议的 category" in d and "日志中没有忽略" in d for d in found)
    assert len(found) == 2


def test_a_dismissal_does_not_make_the_search_index_compare_every_exhibit(profile, case_id, tmp_path):
    from kami_desktop.core.search.documents import case_stamp, touched_since

    eid = shot(profile, case_id, tmp_path, "Screenshot_1.png", ORDER_PAGE)
    with profile.session() as s:
        old = case_stamp(s)
        dismiss(s, eid)
        undismiss(s, eid, ["title"])
        assert touched_since(s, case_id, old, case_stamp(s)) == set()
