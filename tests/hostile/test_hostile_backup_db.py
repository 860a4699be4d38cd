"""A backup's database is data, never code: triggers, views and any schema our migrations do not make
are refused by ``backup verify`` and ``backup restore`` alike, before a single row is used; verify reports
what it read from the database; memory stays bounded on hostile databases."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from pathlib import Path

import pytest

from kami_desktop.core.backup import BackupError, create_backup, restore_backup, verify_backup
from kami_desktop.core.profile import Profile
from tests.fixtures.evidence import populate, profile_state
from tests.hostile.bounded import run_bounded
from tests.hostile.corpus import RECURSIVE_BLOBS, bad_backups, code_carrying_backups, with_database


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("db-backups")
    with Profile.open(root / "source") as p:
        populate(p, root / "src", shots=2)
        create_backup(p, root / "good.zip")
    return root / "good.zip"


@pytest.fixture(scope="module")
def hostile(good) -> dict[str, tuple[Path, tuple[str, ...]]]:
    return code_carrying_backups(good.parent / "code", good)


def _db_of(backup: Path, tmp: Path) -> Path:
    with zipfile.ZipFile(backup) as zf:
        (tmp / "peek.sqlite3").write_bytes(zf.read("kami.sqlite3"))
    return tmp / "peek.sqlite3"


def test_a_backup_whose_database_carries_code_is_refused_by_verify_and_restore(hostile, tmp_path):
    for label, (path, words) in hostile.items():
        check = verify_backup(path)
        assert check.ok is False, label
        assert all(w in check.error for w in words), (label, check.error)
        assert path.name in check.error, (label, check.error)  # names the file
        target = tmp_path / label / "kami"
        with pytest.raises(BackupError) as err:
            restore_backup(path, target)
        assert str(err.value) == check.error, label  # the same refusal, word for word
        assert not target.exists(), label
        assert [p.name for p in target.parent.iterdir()] == [], label  # no staging left behind


def test_the_wiping_trigger_would_have_emptied_the_case_and_never_reaches_a_profile(hostile, tmp_path):
    """What the refusal prevents: in the backup's own file the trigger deletes every exhibit on the next
    ledger entry. Restored profiles never carry it, because restore refuses the backup."""
    path, _ = hostile["trigger-wipe"]
    db = _db_of(path, tmp_path)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM exhibits").fetchone()[0] > 0
    con.execute(
        "INSERT INTO ledger (seq, at, action, payload, prev_hash, hash) "
        "VALUES (9999, '2025-01-01T00:00:00+08:00', 'import', '{}', 'x', 'y')"
    )
    assert con.execute("SELECT count(*) FROM exhibits").fetchone()[0] == 0
    con.close()
    with pytest.raises(BackupError, match="触发器"):
        restore_backup(path, tmp_path / "r")


def test_verify_reports_the_ledger_it_read_from_the_database(good, tmp_path):
    db = _db_of(good, tmp_path)
    con = sqlite3.connect(db)
    n = con.execute("SELECT count(*) FROM ledger").fetchone()[0]
    head = con.execute("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()[0]
    exhibits = con.execute("SELECT count(*) FROM exhibits").fetchone()[0]
    con.close()
    check = verify_backup(good)
    assert check.ok and check.ledger_entries == n and check.ledger_head == head
    assert check.counts["exhibits"] == exhibits

    def claim_more(m: dict) -> None:
        m["ledger"]["entries"] += 3
        m["ledger"]["head"] = hashlib.sha256(b"a head that never existed").hexdigest()

    lying = with_database(good, tmp_path / "lying.zip", "SELECT 1;", manifest_patch=claim_more)
    check = verify_backup(lying)
    assert check.ok is False and "存证日志" in check.error and "lying.zip" in check.error
    with pytest.raises(BackupError) as err:
        restore_backup(lying, tmp_path / "r1")
    assert str(err.value) == check.error

    cut = with_database(
        good, tmp_path / "cut.zip", "DELETE FROM ledger WHERE seq = (SELECT max(seq) FROM ledger);"
    )
    check = verify_backup(cut)
    assert check.ok is False and "存证日志" in check.error
    with pytest.raises(BackupError, match="存证日志"):
        restore_backup(cut, tmp_path / "r2")


def _cases(good: Path, hostile: dict, folder: Path) -> dict[str, Path]:
    cases = {"good": good}
    cases |= {k: v[0] for k, v in bad_backups(folder / "bad", good).items()}
    cases |= {k: v[0] for k, v in hostile.items()}
    cases["newer-revision-in-db"] = with_database(
        good, folder / "newer.zip", "UPDATE alembic_version SET version_num = '9999_future';"
    )
    cases["older-revision-in-db"] = with_database(
        good, folder / "older.zip", "UPDATE alembic_version SET version_num = '0001_initial';"
    )
    cases["bytes-for-a-time"] = with_database(
        good, folder / "bytes-time.zip", "UPDATE exhibits SET captured_at = x'00ff00ff';"
    )
    cases["text-for-a-number"] = with_database(
        good, folder / "text-number.zip", "UPDATE exhibit_files SET position = 'first';"
    )
    cases["dangling-file"] = with_database(
        good, folder / "dangling.zip", "UPDATE exhibit_files SET exhibit_id = 4242 WHERE id = 1;"
    )
    cases["harmless-edit"] = with_database(  # data the ledger will not vouch for, but data, not code
        good, folder / "edited.zip", "UPDATE cases SET notes = '备注' WHERE id = 1;"
    )
    return cases


def test_verify_accepts_exactly_the_backups_restore_accepts(good, hostile, tmp_path):
    outcomes = {}
    for label, path in _cases(good, hostile, tmp_path / "cases").items():
        check = verify_backup(path)
        target = tmp_path / "targets" / label / "kami"
        try:
            restore_backup(path, target)
            restored, message = True, None
        except BackupError as exc:
            restored, message = False, str(exc)
        outcomes[label] = (check.ok, restored)
        assert check.ok == restored, (label, check.error, message)
        if not restored:
            assert check.error == message, label
            assert "Traceback" not in message and "sqlite3." not in message, (label, message)
            assert not target.exists(), label
        else:
            assert profile_state(target)[1], label  # a restored profile with its files
    assert outcomes["good"] == (True, True) and outcomes["harmless-edit"] == (True, True)
    for label in ("newer-revision-in-db", "older-revision-in-db", "bytes-for-a-time", "text-for-a-number"):
        assert outcomes[label] == (False, False), label


# ------------------------------------------------------------------------------- memory bounds
VERIFY_AND_RESTORE = """
from kami_desktop.core.backup import BackupError, restore_backup, verify_backup
check = verify_backup(args[0])
out["verify"] = [check.ok, check.error]
try:
    restore_backup(args[0], args[1])
    out["restore"] = [True, None]
except BackupError as exc:
    out["restore"] = [False, str(exc)]
"""
LIMIT = 1536 << 20


def _bounded(path: Path, target: Path) -> dict:
    return run_bounded(VERIFY_AND_RESTORE, path, target, limit=LIMIT)


def test_a_recursive_view_in_place_of_blobs_is_refused_in_bounded_memory(good, tmp_path):
    ok = _bounded(good, tmp_path / "ok")
    assert ok["verify"] == [True, None] and ok["restore"] == [
        True,
        None,
    ]  # the limit leaves room for real work
    view = with_database(good, tmp_path / "view.zip", RECURSIVE_BLOBS)
    out = _bounded(view, tmp_path / "view")
    for step in ("verify", "restore"):
        assert out[step][0] is False and "视图" in out[step][1] and "blobs" in out[step][1], out
    assert not (tmp_path / "view").exists()


@pytest.mark.slow
def test_a_huge_value_in_the_database_is_refused_in_bounded_memory(good, tmp_path):
    huge = with_database(  # 140 MB of text in one cell
        good,
        tmp_path / "huge.zip",
        "UPDATE exhibits SET notes = hex(zeroblob(70 * 1024 * 1024)) WHERE id = 1;",
        stored=True,
    )
    out = _bounded(huge, tmp_path / "huge")
    for step in ("verify", "restore"):
        assert out[step][0] is False and "过大" in out[step][1], out
    assert out["peak_mib"] < 1024, out
    assert not (tmp_path / "huge").exists()
