"""Tamper detection: every kind of damage is found and pointed at."""

import os
import sqlite3
import stat

import pytest

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from tests.helpers import screenshot


@pytest.fixture
def imported(profile, case_id, tmp_path):
    paths = [screenshot(tmp_path / f"s{i}.png", 400 + i) for i in range(3)]
    return import_paths(profile, case_id, paths).imported


def _writable(path):
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_clean_profile_verifies(profile, imported):
    seen = []
    r = verify(profile, progress=lambda d, t, n: seen.append(d))
    assert r.ok and r.checked == 3 and r.ledger_entries == 4
    assert seen[-1] == 3


def test_flipped_byte_is_a_hash_mismatch_naming_the_exhibit(profile, imported):
    victim = imported[1]
    p = profile.vault.path_for(victim.sha256)
    _writable(p)
    data = bytearray(p.read_bytes())
    data[100] ^= 0xFF
    p.write_bytes(bytes(data))
    r = verify(profile)
    assert not r.ok
    assert [(x.kind, x.exhibit_id, x.sha256) for x in r.problems] == [
        ("hash_mismatch", victim.exhibit_id, victim.sha256)
    ]


def test_truncated_blob_is_a_size_mismatch(profile, imported):
    p = profile.vault.path_for(imported[0].sha256)
    _writable(p)
    p.write_bytes(p.read_bytes()[:50])
    kinds = {x.kind for x in verify(profile).problems}
    assert {"size_mismatch", "hash_mismatch"} <= kinds


def test_deleted_blob_is_missing(profile, imported):
    profile.vault.path_for(imported[2].sha256).unlink()
    r = verify(profile)
    assert [(x.kind, x.exhibit_id) for x in r.problems] == [("missing", imported[2].exhibit_id)]


def test_extra_file_in_vault_is_an_orphan(profile, case_id, imported):
    fake = "ab" * 32
    p = profile.vault.path_for(fake)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(b"planted")
    r = verify(profile)
    assert [(x.kind, x.sha256) for x in r.problems] == [("orphan", fake)]
    assert verify(profile, case_id=case_id).ok  # a case-scoped check ignores orphans


def test_edited_hash_in_database_is_detected(profile, imported):
    con = sqlite3.connect(profile.db_path)
    con.execute("UPDATE blobs SET sm3 = ? WHERE sha256 = ?", ("0" * 64, imported[0].sha256))
    con.commit()
    con.close()
    r = verify(profile)
    assert [(x.kind, x.sha256) for x in r.problems] == [("hash_mismatch", imported[0].sha256)]


def test_edited_sha256_in_database_is_detected(profile, imported):
    con = sqlite3.connect(profile.db_path)
    con.execute("PRAGMA foreign_keys=OFF")
    forged = "f" * 64
    con.execute(
        "UPDATE exhibit_files SET blob_sha256 = ? WHERE blob_sha256 = ?", (forged, imported[0].sha256)
    )
    con.execute("UPDATE blobs SET sha256 = ? WHERE sha256 = ?", (forged, imported[0].sha256))
    con.commit()
    con.close()
    problems = verify(profile).problems
    assert sorted(x.kind for x in problems) == ["missing", "orphan", "state_mismatch"]
    [mismatch] = [x for x in problems if x.kind == "state_mismatch"]
    assert (mismatch.exhibit_id, mismatch.field) == (imported[0].exhibit_id, "sha256")


def test_altered_ledger_entry_breaks_the_chain_at_that_entry(profile, imported):
    con = sqlite3.connect(profile.db_path)
    con.execute("UPDATE ledger SET payload = replace(payload, 's1.png', 'other.png') WHERE seq = 3")
    con.commit()
    con.close()
    r = verify(profile)
    broken = [x for x in r.problems if x.kind == "ledger_broken"]
    assert len(broken) == 1 and broken[0].entry == 3 and "第 3 条" in broken[0].detail


def test_deleted_ledger_entry_is_detected(profile, imported):
    con = sqlite3.connect(profile.db_path)
    con.execute("DELETE FROM ledger WHERE seq = 2")
    con.commit()
    con.close()
    broken = [x for x in verify(profile).problems if x.kind == "ledger_broken"]
    assert broken and broken[0].entry == 2


def test_full_verify_recomputes_sm3(profile, imported):
    assert verify(profile, full=True).ok
