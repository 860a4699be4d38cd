import json

import pytest
from sqlalchemy import select

from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.store.model import Blob, Exhibit, LedgerEntry
from tests.helpers import screenshot


@pytest.fixture
def five(profile, case_id, tmp_path):
    paths = [screenshot(tmp_path / f"chat_{i}.png", 200 + i) for i in range(5)]
    return [i.exhibit_id for i in import_paths(profile, case_id, paths).imported]


def _order(profile, case_id):
    with profile.session() as s:
        return [e.id for e in X.list_exhibits(s, case_id)]


def _last_entry(profile):
    with profile.session() as s:
        e = s.scalars(select(LedgerEntry).order_by(LedgerEntry.seq.desc())).first()
        return e.action, json.loads(e.payload)


def test_edit_changes_db_and_ledger_records_old_and_new(profile, five):
    with profile.session() as s:
        X.edit_exhibit(
            s,
            five[0],
            title="客服拒绝退款聊天记录",
            category="平台交互",
            purpose="证明平台拒绝退款",
            captured_at="2025-03-12 20:30",
            tags="客服, 拒绝退款，客服",
        )
    with profile.session() as s:
        ex = s.get(Exhibit, five[0])
        assert ex.title == "客服拒绝退款聊天记录" and ex.category == "interaction"
        assert ex.captured_at.isoformat() == "2025-03-12T20:30:00+08:00"
        assert ex.tags == ["客服", "拒绝退款"]
    action, payload = _last_entry(profile)
    assert action == "exhibit.edit"
    assert payload["changes"]["title"]["old"] == "chat_0"
    assert payload["changes"]["title"]["new"] == "客服拒绝退款聊天记录"
    assert payload["changes"]["captured_at"]["new"] == "2025-03-12T20:30:00+08:00"


def test_tags_are_stored_as_the_same_json_text_and_bad_text_reads_as_no_tags(profile, case_id, five):
    from kami_desktop.core.store.rows import exhibit_rows

    with profile.session() as s:
        X.edit_exhibit(s, five[0], tags="客服, 拒绝退款")
    with profile.engine.begin() as con:
        raw = con.exec_driver_sql("SELECT tags FROM exhibits WHERE id = ?", (five[0],)).scalar()
        assert raw == '["客服", "拒绝退款"]'  # the TEXT column holds what earlier releases wrote
        for i, bad in zip(five[1:], ("", "not json", '{"a": 1}', "[]"), strict=True):
            con.exec_driver_sql("UPDATE exhibits SET tags = ? WHERE id = ?", (bad, i))
    with profile.session() as s:
        assert [s.get(Exhibit, i).tags for i in five] == [["客服", "拒绝退款"], [], [], [], []]
        assert [r.tags for r in exhibit_rows(s, case_id)] == [("客服", "拒绝退款"), (), (), (), ()]
    with pytest.raises(Exception, match="not text"), profile.session() as s:  # text is refused, never stored
        s.get(Exhibit, five[1]).tags = "客服"


def test_invalid_edits_are_refused(profile, five):
    with profile.session() as s, pytest.raises(X.ExhibitError):
        X.edit_exhibit(s, five[0], title="  ")
    with profile.session() as s, pytest.raises(ValueError):
        X.edit_exhibit(s, five[0], category="不存在的类别")
    with profile.session() as s, pytest.raises(X.ExhibitError):
        X.edit_exhibit(s, five[0], captured_at="昨天晚上")


def test_reorder_and_move(profile, case_id, five):
    with profile.session() as s:
        X.move_exhibit(s, five[4], 0)
    assert _order(profile, case_id) == [five[4], *five[:4]]
    with profile.session() as s:
        X.reorder(s, case_id, [five[1], five[0]])
    assert _order(profile, case_id) == [five[1], five[0], five[4], five[2], five[3]]
    assert _last_entry(profile)[0] == "exhibit.reorder"


def test_merge_then_split_round_trip(profile, case_id, five):
    with profile.session() as s:
        X.merge(s, five[0], five[1:4])
    with profile.session() as s:
        ex = s.get(Exhibit, five[0])
        assert [f.original_name for f in ex.files] == [f"chat_{i}.png" for i in range(4)]
        assert [f.position for f in ex.files] == [1, 2, 3, 4]
    assert _order(profile, case_id) == [five[0], five[4]]
    with profile.session() as s:
        parts = X.split(s, five[0])
        new_ids = [p.id for p in parts]
    order = _order(profile, case_id)
    assert order[:4] == new_ids and order[4] == five[4]
    assert verify(profile).ok


def test_move_file_between_exhibits_deletes_empty_source(profile, case_id, five):
    with profile.session() as s:
        fid = s.get(Exhibit, five[1]).files[0].id
        X.move_file(s, fid, five[0], index=0)
    with profile.session() as s:
        assert [f.original_name for f in s.get(Exhibit, five[0]).files] == ["chat_1.png", "chat_0.png"]
        assert s.get(Exhibit, five[1]) is None
    assert _order(profile, case_id) == [five[0], *five[2:]]


def test_trash_restore_purge(profile, case_id, five, tmp_path):
    with profile.session() as s:
        X.trash(s, five[0])
        X.trash(s, five[1])
        assert [e.id for e in X.list_exhibits(s, case_id, trashed=True)] == [five[0], five[1]]
        X.restore(s, five[1])
    # the trashed exhibit's blob stays while it is in the trash
    with profile.session() as s:
        sha = s.get(Exhibit, five[0]).files[0].blob_sha256
        kept_sha = s.get(Exhibit, five[2]).files[0].blob_sha256
    assert profile.vault.exists(sha)
    result = X.purge(profile)
    assert [e["exhibit_id"] for e in result["exhibits"]] == [five[0]]
    assert result["blobs_removed"] == [sha]
    assert not profile.vault.exists(sha) and profile.vault.exists(kept_sha)
    with profile.session() as s:
        assert s.get(Blob, sha) is None
        actions = [e.action for e in s.scalars(select(LedgerEntry).order_by(LedgerEntry.seq))]
    assert actions[-4:] == ["exhibit.trash", "exhibit.restore", "exhibit.purge", "blob.purge"]
    assert verify(profile).ok


def test_purge_keeps_blob_referenced_by_a_trashed_or_live_exhibit_elsewhere(profile, case_id, tmp_path):
    a = screenshot(tmp_path / "a.png", 300)
    e1 = import_paths(profile, case_id, [a]).imported[0].exhibit_id
    from kami_desktop.core.case.cases import create_case

    with profile.session() as s:
        other = create_case(s, "案二").id
    e2 = import_paths(profile, other, [a]).imported[0].exhibit_id
    with profile.session() as s:
        X.trash(s, e1)
        X.trash(s, e2)
    X.purge(profile, case_id)  # only case 1's trash
    with profile.session() as s:
        sha = s.get(Exhibit, e2).files[0].blob_sha256
    assert profile.vault.exists(sha)
    assert X.purge(profile)["blobs_removed"] == [sha]


def test_restore_puts_an_exhibit_back_at_its_old_position(profile, case_id, five):
    with profile.session() as s:
        for i in (five[1], five[2], five[3]):
            X.trash(s, i)
    assert _order(profile, case_id) == [five[0], five[4]]
    with profile.session() as s:  # in any order: each comes back between its old neighbours
        X.restore(s, five[2])
        X.restore(s, five[3])
        X.restore(s, five[1])
    assert _order(profile, case_id) == five
    _, payload = _last_entry(profile)
    assert payload["order"] == five
    assert verify(profile).ok


def test_a_trashed_exhibit_follows_its_neighbour_through_a_reorder_merge_and_split(profile, case_id, five):
    with profile.session() as s:
        X.trash(s, five[2])
        X.reorder(s, case_id, [five[1], five[0], five[3], five[4]])
        X.restore(s, five[2])
    assert _order(profile, case_id) == [five[1], five[2], five[0], five[3], five[4]]
    with profile.session() as s:
        X.trash(s, five[3])
        X.merge(s, five[0], [five[4]])
        X.split(s, five[0])
        X.restore(s, five[3])
        order = [e.id for e in X.list_exhibits(s, case_id)]
    assert order[:4] == [five[1], five[2], five[0], order[3]] and order[4] == five[3]
    assert verify(profile).ok


def test_bulk_edit_records_one_entry_per_changed_exhibit_and_returns_the_old_values(profile, case_id, five):
    with profile.session() as s:
        X.edit_exhibit(s, five[0], category="funds")
        changed = X.edit_exhibits(s, five[:3], category="funds", source="手机截图", tags="订单, 截图")
    assert set(changed) == set(five[:3])
    assert "category" not in changed[five[0]] and changed[five[1]]["category"] == {
        "old": "other",
        "new": "funds",
    }
    assert changed[five[2]]["tags"] == {"old": [], "new": ["订单", "截图"]}
    with profile.session() as s:
        edits = [
            e for e in s.scalars(select(LedgerEntry).order_by(LedgerEntry.seq)) if e.action == "exhibit.edit"
        ]
        assert [e.exhibit_id for e in edits[-3:]] == five[:3]
        assert all(s.get(Exhibit, i).source == "手机截图" for i in five[:3])
        assert s.get(Exhibit, five[3]).source == ""
        assert X.edit_exhibits(s, five[:3], source="手机截图") == {}
    with pytest.raises(X.ExhibitError):
        with profile.session() as s:
            X.edit_exhibits(s, five[:2], captured_at="昨天")
    assert verify(profile).ok


def test_unmerge_gives_each_merged_exhibit_its_files_fields_and_place_back(profile, case_id, five):
    from kami_desktop.core.evidence.unmerge import merge_parts, unmerge

    with profile.session() as s:
        X.merge(s, five[3], [five[4]])  # the target already holds two files
        X.edit_exhibit(s, five[1], title="订单截图", category="funds", source="手机", tags="订单")
        record = merge_parts(s, five[3], [five[1], five[2]])
        X.merge(s, five[3], [five[1], five[2]])
    assert _order(profile, case_id) == [five[0], five[3]]
    with profile.session() as s:
        new = unmerge(s, record)
    order = _order(profile, case_id)
    assert order == [five[0], new[five[1]], new[five[2]], five[3]]
    with profile.session() as s:
        back = s.get(Exhibit, new[five[1]])
        assert (back.title, back.category, back.source, back.tags) == ("订单截图", "funds", "手机", ["订单"])
        assert [f.original_name for f in back.files] == ["chat_1.png"]
        assert [f.original_name for f in s.get(Exhibit, five[3]).files] == ["chat_3.png", "chat_4.png"]
        assert s.get(Exhibit, new[five[2]]).title == "chat_2"
    assert verify(profile).ok


def test_a_moved_file_goes_back_to_its_place_and_an_emptied_exhibit_comes_back(profile, case_id, five):
    from kami_desktop.core.evidence.unmerge import move_parts, unmove

    with profile.session() as s:
        X.merge(s, five[0], [five[1]])  # five[0] holds chat_0, chat_1
        X.edit_exhibit(s, five[3], title="退款拒绝", purpose="证明拒绝退款", category="interaction")
        first = s.get(Exhibit, five[0]).files[0].id
        rec = move_parts(s, first, five[2])
        X.move_file(s, first, five[2])
    with profile.session() as s:
        assert unmove(s, rec) == five[0]
        assert [f.original_name for f in s.get(Exhibit, five[0]).files] == ["chat_0.png", "chat_1.png"]
        lone = s.get(Exhibit, five[3]).files[0].id
        rec = move_parts(s, lone, five[4])
        X.move_file(s, lone, five[4])  # five[3] is emptied and deleted
    assert five[3] not in _order(profile, case_id)
    with profile.session() as s:
        back = unmove(s, rec)
        ex = s.get(Exhibit, back)
        assert (ex.title, ex.purpose, ex.category) == ("退款拒绝", "证明拒绝退款", "interaction")
        assert [f.original_name for f in ex.files] == ["chat_3.png"]
        assert [f.original_name for f in s.get(Exhibit, five[4]).files] == ["chat_4.png"]
    assert _order(profile, case_id) == [five[0], five[2], back, five[4]]
    assert verify(profile).ok
