"""Tampering with the database or the ledger behind the app's back is found and pointed at.

Each variant edits ``kami.sqlite3`` directly (as someone with the file and a SQLite tool could) and
checks that ``verify`` names the exhibit and the field. A whole-ledger rewrite, re-chained so the
chain itself is consistent, is caught against a head that left the app earlier (a receipt, a backup,
a bundle).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta

import pytest

from kami_desktop.core.backup import create_backup
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.options import DossierOptions
from kami_desktop.core.evidence import anchors, exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.store.ledger import GENESIS, entry_hash
from tests.core.media.voice_samples import amr_file
from tests.helpers import screenshot


@pytest.fixture
def items(profile, case_id, tmp_path):
    paths = [screenshot(tmp_path / f"shot{i}.png", 700 + i) for i in range(3)]
    return import_paths(profile, case_id, paths).imported


def _sql(profile, *statements: tuple[str, tuple]) -> None:
    con = sqlite3.connect(profile.db_path)
    con.execute("PRAGMA foreign_keys=OFF")
    for sql, args in statements:
        con.execute(sql, args)
    con.commit()
    con.close()


def _mismatches(profile, **kw):
    report = verify(profile, **kw)
    assert not report.ok
    return [(p.kind, p.exhibit_id, p.field) for p in report.problems]


def test_an_untouched_profile_has_no_state_mismatch_after_every_kind_of_change(
    profile, case_id, items, tmp_path
):
    a, b, c = (i.exhibit_id for i in items)
    voice = import_paths(profile, case_id, [amr_file(tmp_path / "客服来电.amr")]).imported[0].exhibit_id
    with profile.session() as s:
        exhibits.edit_exhibit(
            s, a, title="充值成功页面", purpose="证明已付款", source="手机截图", tags=["付款"]
        )
        exhibits.edit_exhibit(s, voice, transcript="客服：可以退款。")  # a transcript needs sound
        exhibits.reorder(s, case_id, [c, a, b])
        exhibits.trash(s, b)
        exhibits.restore(s, b)
        exhibits.merge(s, a, [c])
    with profile.session() as s:
        exhibits.split(s, a)
    report = verify(profile)
    assert report.ok, report.problems


@pytest.mark.parametrize(
    ("column", "table", "value", "field"),
    [
        ("captured_at", "exhibits", "2020-01-01T00:00:00+08:00", "captured_at"),
        ("title", "exhibits", "伪造的标题", "title"),
        ("purpose", "exhibits", "伪造的证明目的", "purpose"),
        ("transcript", "exhibits", "伪造的文字记录", "transcript"),
        ("original_name", "exhibit_files", "forged.png", "original_name"),
        ("imported_at", "exhibit_files", "2020-01-01T00:00:00+08:00", "imported_at"),
        ("file_mtime", "exhibit_files", "2020-01-01T00:00:00+08:00", "file_mtime"),
    ],
)
def test_a_field_edited_in_the_database_is_named(profile, items, column, table, value, field):
    victim = items[1].exhibit_id
    key = "id" if table == "exhibits" else "exhibit_id"
    _sql(profile, (f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (value, victim)))
    assert _mismatches(profile) == [("state_mismatch", victim, field)]


def test_deleting_an_exhibits_rows_is_found(profile, items):
    victim = items[0].exhibit_id
    _sql(
        profile,
        ("DELETE FROM exhibit_files WHERE exhibit_id = ?", (victim,)),
        ("DELETE FROM exhibits WHERE id = ?", (victim,)),
    )
    assert ("state_mismatch", victim, "存在") in _mismatches(profile)


def test_deleting_an_exhibit_with_its_blob_and_vault_file_is_found(profile, items):
    victim = items[2]
    _sql(
        profile,
        ("DELETE FROM exhibit_files WHERE exhibit_id = ?", (victim.exhibit_id,)),
        ("DELETE FROM exhibits WHERE id = ?", (victim.exhibit_id,)),
        ("DELETE FROM blobs WHERE sha256 = ?", (victim.sha256,)),
    )
    path = profile.vault.path_for(victim.sha256)
    path.chmod(0o600)
    path.unlink()
    assert _mismatches(profile) == [("state_mismatch", victim.exhibit_id, "存在")]


def test_swapping_files_between_exhibits_names_both(profile, items):
    one, two = items[0], items[1]
    _sql(
        profile,
        ("UPDATE exhibit_files SET blob_sha256 = 'x' WHERE id = ?", (one.file_id,)),
        ("UPDATE exhibit_files SET blob_sha256 = ? WHERE id = ?", (one.sha256, two.file_id)),
        ("UPDATE exhibit_files SET blob_sha256 = ? WHERE id = ?", (two.sha256, one.file_id)),
    )
    assert sorted(_mismatches(profile)) == [
        ("state_mismatch", one.exhibit_id, "sha256"),
        ("state_mismatch", two.exhibit_id, "sha256"),
    ]


def test_deleting_the_last_ledger_entry_is_found(profile, items):
    _sql(profile, ("DELETE FROM ledger WHERE seq = (SELECT MAX(seq) FROM ledger)", ()))
    found = _mismatches(profile)
    # the exhibit the deleted entry created, and its blob that no import entry records any more
    assert sorted(found) == [
        ("hash_mismatch", items[2].exhibit_id, None),
        ("state_mismatch", items[2].exhibit_id, "存在"),
    ]


def test_an_edit_and_a_trash_whose_entries_were_deleted_are_found(profile, items):
    victim = items[0].exhibit_id
    with profile.session() as s:
        exhibits.edit_exhibit(s, victim, title="改过的标题")
        exhibits.trash(s, victim)
    _sql(profile, ("DELETE FROM ledger WHERE seq > (SELECT MAX(seq) - 2 FROM ledger)", ()))
    assert sorted(_mismatches(profile)) == [
        ("state_mismatch", victim, "title"),
        ("state_mismatch", victim, "回收站"),
    ]


def _rechain(profile, rewrite) -> None:
    """Rewrite ledger payloads with ``rewrite(seq, payload)`` and recompute every hash."""
    con = sqlite3.connect(profile.db_path)
    rows = con.execute(
        "SELECT seq, at, action, case_id, exhibit_id, payload FROM ledger ORDER BY seq"
    ).fetchall()
    prev = GENESIS
    for seq, at, action, case, exhibit, payload in rows:
        body = json.dumps(
            rewrite(seq, json.loads(payload)), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        at_iso = datetime.fromisoformat(at).isoformat()
        h = entry_hash(prev, seq, at_iso, action, case, exhibit, body)
        con.execute(
            "UPDATE ledger SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?", (body, prev, h, seq)
        )
        prev = h
    con.commit()
    con.close()


def test_a_backdated_forged_entry_is_found_even_when_chained(profile, case_id, items):
    con = sqlite3.connect(profile.db_path)
    seq, at, prev = con.execute("SELECT seq, at, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    forged_at = (datetime.fromisoformat(at) - timedelta(days=30)).isoformat()
    body = json.dumps({"sha256": "ab" * 32, "original_name": "forged.png"}, separators=(",", ":"))
    h = entry_hash(prev, seq + 1, forged_at, "import.duplicate", case_id, None, body)
    con.execute(
        "INSERT INTO ledger (seq, at, action, case_id, exhibit_id, payload, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
        (seq + 1, forged_at, "import.duplicate", case_id, None, body, prev, h),
    )
    con.commit()
    con.close()
    report = verify(profile)
    [problem] = report.problems
    assert problem.kind == "ledger_broken" and problem.entry == seq + 1 and "早于" in problem.detail


def test_a_rewritten_and_rechained_ledger_is_caught_by_the_receipt_of_a_backup(profile, items, tmp_path):
    victim = items[0]
    create_backup(profile, tmp_path / "backup.zip")
    assert [a.kind for a in anchors.receipts(profile.data_dir)] == ["backup"]

    def rename(seq, payload):
        if payload.get("file_id") == victim.file_id:
            payload["original_name"] = "forged.png"
        return payload

    _rechain(profile, rename)
    _sql(profile, ("UPDATE exhibit_files SET original_name = 'forged.png' WHERE id = ?", (victim.file_id,)))
    report = verify(profile)
    assert [p.kind for p in report.problems] == ["anchor"]
    assert "改写" in report.problems[0].detail

    (profile.data_dir / anchors.RECEIPTS).unlink()  # an insider can delete the receipts too…
    assert verify(profile).ok
    report = verify(profile, against=[tmp_path / "backup.zip"])  # …but not the backup they handed out
    assert [p.kind for p in report.problems] == ["anchor"] and report.anchors_checked == 1


def test_a_truncated_ledger_is_caught_against_a_bundle(profile, case_id, items, tmp_path):
    result = build_dossier(profile, case_id, DossierOptions(out_dir=tmp_path / "out", attachments=False))
    assert verify(profile, against=[result.zip]).ok
    # remove the build's own entry and the last import, and the exhibit that import created
    _sql(
        profile,
        ("DELETE FROM ledger WHERE seq >= ?", (result.ledger_seq - 1,)),
        ("DELETE FROM exhibit_files WHERE exhibit_id = ?", (items[2].exhibit_id,)),
        ("DELETE FROM exhibits WHERE id = ?", (items[2].exhibit_id,)),
    )
    (profile.data_dir / anchors.RECEIPTS).unlink()
    report = verify(profile, against=[result.zip])
    [anchor] = [p for p in report.problems if p.kind == "anchor"]
    assert "删除" in anchor.detail and anchor.entry == result.ledger_seq - 1


def test_a_full_disk_at_the_receipt_keeps_the_finished_backup(profile, items, tmp_path, caplog, monkeypatch):
    import errno

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(anchors, "record_receipt", full)
    report = create_backup(profile, tmp_path / "backup.zip")
    assert (tmp_path / "backup.zip").is_file() and report.ledger_entries == 4
    assert not (profile.data_dir / anchors.RECEIPTS).exists()
    assert "could not keep a receipt for backup" in caplog.text
