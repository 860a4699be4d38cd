"""Backup and restore: a round trip gives an identical, verifiable profile; nothing is ever overwritten."""

from __future__ import annotations

import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from kami_desktop.core.backup import (
    BackupError,
    RestoreRefused,
    create_backup,
    inspect_backup,
    restore_backup,
    verify_backup,
)
from kami_desktop.core.backup.manifest import (
    FORMAT_VERSION,
    FileEntry,
    Manifest,
    render_manifest,
    render_sha_list,
    vault_member,
)
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.profile import Profile
from kami_desktop.core.tasks import Cancelled, CancelToken
from tests.fixtures.cli import run, run_json
from tests.fixtures.evidence import assert_profile_sound, populate, profile_state
from tests.helpers import kami, kami_json, screenshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "profiles"


@pytest.fixture
def filled(profile, tmp_path):
    populate(profile, tmp_path / "src")
    return profile


def test_round_trip_gives_an_identical_profile_that_verifies(filled, tmp_path):
    before = profile_state(filled.data_dir)
    out = tmp_path / "备份 2025.zip"
    seen = []
    rep = create_backup(filled, out, progress=lambda d, t, label: seen.append((d, t)))
    assert rep.ok and out.is_file() and not out.with_name(out.name + ".part").exists()
    assert (
        rep.counts["cases"] == 2 and rep.counts["blobs"] == len(before[1]) and rep.files == len(before[1]) + 1
    )
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] == seen[-1][1]
    assert profile_state(filled.data_dir) == before, "a backup must not change the profile"

    target = tmp_path / "新电脑" / "kami_desktop"
    rr = restore_backup(out, target)
    assert rr.verify_ok and rr.moved_aside is None and rr.ledger_head == rep.ledger_head
    assert profile_state(target) == before  # every row of every table, every blob
    with Profile.open(target) as p:
        report = verify(p, full=True)
        assert report.ok and report.checked == len(before[1])
    assert run_json("verify", data_dir=target)["ok"] is True
    assert run_json("ledger", "show", data_dir=target) == run_json("ledger", "show", data_dir=filled.data_dir)
    for case in ("1", "2"):
        assert run_json("exhibit", "list", "--case", case, data_dir=target) == run_json(
            "exhibit", "list", "--case", case, data_dir=filled.data_dir
        )


def test_backup_layout_manifest_and_sha_list_agree_and_a_plain_unzip_checks_out(filled, tmp_path):
    import hashlib

    out = tmp_path / "b.zip"
    create_backup(filled, out)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        sha_lines = zf.read("manifest-sha256.txt").decode().splitlines()
        assert "certutil -hashfile" in zf.read("README.txt").decode()
        for line in sha_lines:
            digest, path = line.split("  ", 1)
            assert hashlib.sha256(zf.read(path)).hexdigest() == digest
    assert names[0] == "kami.sqlite3" and set(names[-3:]) == {
        "manifest.json",
        "manifest-sha256.txt",
        "README.txt",
    }
    assert all(n.startswith("vault/") for n in names[1:-3])
    assert manifest["format"] == "kami-backup" and manifest["format_version"] == 3
    assert len(sha_lines) == len(manifest["files"]) and manifest["problems"] == []
    assert manifest["created_at"].endswith("+08:00")


def test_restore_refuses_a_profile_with_data_and_force_moves_it_aside(filled, tmp_path):
    out = tmp_path / "b.zip"
    create_backup(filled, out)
    other = tmp_path / "other"
    with Profile.open(other) as p:
        populate(p, tmp_path / "src2", shots=2, seed=3)
    old_state = profile_state(other)
    with pytest.raises(RestoreRefused, match="--force"):
        restore_backup(out, other)
    assert profile_state(other) == old_state
    rr = restore_backup(out, other, force=True)
    aside = Path(rr.moved_aside)
    assert aside.parent == other.parent and aside.name.startswith("other.old-")
    assert profile_state(aside) == old_state, "the old profile is kept whole"
    assert profile_state(other) == profile_state(filled.data_dir)
    assert not list(tmp_path.glob(".other.restore-*"))


def test_restore_over_a_fresh_empty_profile_needs_no_force(filled, tmp_path):
    out = tmp_path / "b.zip"
    create_backup(filled, out)
    fresh = tmp_path / "fresh"
    Profile.open(fresh).close()  # the app was started once on the new PC
    rr = restore_backup(out, fresh)
    assert rr.moved_aside is None and rr.verify_ok
    assert not list(tmp_path.glob("fresh.old-*"))


def test_existing_output_is_not_overwritten_without_consent(filled, tmp_path):
    out = tmp_path / "b.zip"
    out.write_bytes(b"an older backup")
    with pytest.raises(BackupError, match="已存在"):
        create_backup(filled, out)
    assert out.read_bytes() == b"an older backup"
    create_backup(filled, out, overwrite=True)
    assert verify_backup(out).ok


def test_backup_into_the_data_dir_or_a_missing_folder_is_refused(filled, tmp_path):
    with pytest.raises(BackupError, match="数据目录之外"):
        create_backup(filled, filled.data_dir / "b.zip")
    with pytest.raises(BackupError, match="不存在"):
        create_backup(filled, tmp_path / "nope" / "b.zip")


def test_cancel_leaves_no_output_and_an_unchanged_profile(filled, tmp_path):
    before = profile_state(filled.data_dir)
    token = CancelToken()
    out = tmp_path / "b.zip"

    def progress(done, total, label):
        if done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        create_backup(filled, out, progress=progress, cancel=token)
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    assert profile_state(filled.data_dir) == before
    assert not any((filled.cache_dir / "backup-tmp").iterdir())

    create_backup(filled, out)
    token2 = CancelToken()
    target = tmp_path / "t"
    with pytest.raises(Cancelled):
        restore_backup(out, target, progress=lambda d, t, label: d > 0 and token2.cancel(), cancel=token2)
    assert not target.exists() and not list(tmp_path.glob(".t.restore-*"))


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_backup_file_and_restored_profile_are_private(filled, tmp_path):
    out = tmp_path / "b.zip"
    create_backup(filled, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    target = tmp_path / "restored"
    restore_backup(out, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert stat.S_IMODE((target / "kami.sqlite3").stat().st_mode) & 0o077 == 0
    for p in (target / "vault").glob("??/??/*"):
        assert stat.S_IMODE(p.stat().st_mode) == 0o400, p
        for folder in (p.parent, p.parent.parent):
            assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0, folder


def test_source_damage_is_backed_up_as_is_reported_and_restored_faithfully(filled, tmp_path):
    blobs = sorted(filled.vault.root.glob("??/??/*"))
    damaged, missing = blobs[0], blobs[1]
    os.chmod(damaged, 0o600)
    damaged.write_bytes(b"changed on disk")
    missing.unlink()
    out = tmp_path / "b.zip"
    rep = create_backup(filled, out)
    kinds = {(p.kind, p.sha256) for p in rep.problems}
    assert kinds == {
        ("hash_mismatch", damaged.name),
        ("size_mismatch", damaged.name),
        ("missing", missing.name),
    }
    assert verify_backup(out).ok, "the backup itself is intact"
    rr = restore_backup(out, tmp_path / "r")
    assert not rr.verify_ok
    assert {(p["kind"], p["sha256"]) for p in rr.problems} == kinds
    assert all(p["known_at_backup"] for p in rr.problems)
    assert (tmp_path / "r" / damaged.relative_to(filled.data_dir)).read_bytes() == b"changed on disk"


def test_a_backup_taken_while_another_process_writes_is_consistent(filled, tmp_path):
    import subprocess
    import sys

    src = tmp_path / "stream"
    for i in range(40):
        screenshot(src / f"s{i:02d}.png", 500 + i, size=(40, 60))
    filled.close()  # the writer is the other process; this one only reads beside it
    reader = Profile.open(filled.data_dir, write=False)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, pathlib\n"
                "from kami_desktop.core.profile import Profile\n"
                "from kami_desktop.core.evidence.importer import import_paths\n"
                "p = Profile.open(sys.argv[1])\n"
                "for f in sorted(pathlib.Path(sys.argv[2]).iterdir()):\n"
                "    import_paths(p, 1, [f])\n"
            ),
            str(filled.data_dir),
            str(src),
        ]
    )
    heads = []
    try:
        for n in range(3):
            out = tmp_path / f"b{n}.zip"
            rep = create_backup(reader, out)
            heads.append((rep.ledger_entries, rep.ledger_head))
            rr = restore_backup(out, tmp_path / f"r{n}")
            assert rr.verify_ok, rr.problems
    finally:
        writer.wait(timeout=60)
        reader.close()
    assert writer.returncode == 0
    led = {e["seq"]: e["hash"] for e in run_json("ledger", "show", data_dir=filled.data_dir)["entries"]}
    for seq, head in heads:
        assert led[seq] == head, "every snapshot is a state the ledger really passed through"


def test_backup_while_another_process_holds_a_write_lock(filled, tmp_path):
    import sqlite3

    before = profile_state(filled.data_dir)
    con = sqlite3.connect(filled.db_path, timeout=0)
    con.execute("BEGIN EXCLUSIVE")
    con.execute("UPDATE cases SET title = 'uncommitted' WHERE id = 1")
    try:
        rep = create_backup(filled, tmp_path / "b.zip", lock_timeout=0.5)
    finally:
        con.rollback()
        con.close()
    assert rep.ok
    rr = restore_backup(tmp_path / "b.zip", tmp_path / "r")
    assert rr.verify_ok and profile_state(tmp_path / "r") == before


def test_backup_of_a_database_locked_exclusively_gives_a_clear_message(filled, tmp_path):
    import sqlite3

    before = profile_state(filled.data_dir)
    filled.close()
    con = sqlite3.connect(filled.db_path, timeout=0)
    con.execute("PRAGMA locking_mode=EXCLUSIVE")
    con.execute("BEGIN EXCLUSIVE")
    con.execute("UPDATE cases SET title = title WHERE id = 1")
    try:
        with pytest.raises(BackupError, match="占用|锁定"):
            create_backup(filled, tmp_path / "b.zip", lock_timeout=0.3)
    finally:
        con.rollback()
        con.close()
    assert not list(tmp_path.glob("b.zip*"))
    assert profile_state(filled.data_dir) == before
    assert_profile_sound(filled.data_dir)


def _zip_from_fixture(fixture: Path, out: Path) -> None:
    """What the first release's backup of this profile would hold."""
    import hashlib

    exp = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))
    files = [
        FileEntry(
            "kami.sqlite3",
            hashlib.sha256((fixture / "kami.sqlite3").read_bytes()).hexdigest(),
            (fixture / "kami.sqlite3").stat().st_size,
        )
    ]
    files += [FileEntry(vault_member(s), s, (fixture / vault_member(s)).stat().st_size) for s in exp["blobs"]]
    m = Manifest(
        created_at="2025-03-20T10:00:00+08:00",
        app_version="0.1.0",
        schema_revision=exp["revision"],
        ledger_entries=exp["ledger_entries"],
        ledger_head=exp["ledger_head"],
        counts={},
        files=files,
        format_version=1,  # the first release's format: no receipts, no masked copies
    )
    with zipfile.ZipFile(out, "w") as zf:
        for f in files:
            zf.write(fixture / f.path, f.path)
        zf.writestr("manifest.json", render_manifest(m))
        zf.writestr("manifest-sha256.txt", render_sha_list(m))


def test_a_backup_from_the_first_schema_restores_into_the_current_one(tmp_path):
    from kami_desktop.core.store.db import head_revision

    out = tmp_path / "old.zip"
    _zip_from_fixture(FIXTURES / "0001_initial", out)
    rr = restore_backup(out, tmp_path / "r")
    assert rr.schema_revision == "0001_initial" and rr.migrated_to == head_revision()
    assert (
        rr.verify_ok
        and rr.ledger_head
        == json.loads((FIXTURES / "0001_initial" / "expected.json").read_text())["ledger_head"]
    )


def test_a_backup_from_a_newer_program_is_refused_clearly(filled, tmp_path):
    import sqlite3

    out = tmp_path / "b.zip"
    create_backup(filled, out)
    work = tmp_path / "w"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(work)
    con = sqlite3.connect(work / "kami.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    m = json.loads((work / "manifest.json").read_text())
    import hashlib

    m["files"][0]["sha256"] = hashlib.sha256((work / "kami.sqlite3").read_bytes()).hexdigest()
    m["files"][0]["size"] = (work / "kami.sqlite3").stat().st_size
    (work / "manifest.json").write_text(json.dumps(m))
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(newer, "w") as zf:
        for f in m["files"]:
            zf.write(work / f["path"], f["path"])
        zf.write(work / "manifest.json", "manifest.json")
    with pytest.raises(BackupError, match="更新版本"):
        restore_backup(newer, tmp_path / "r")
    assert not (tmp_path / "r").exists() and not list(tmp_path.glob(".r.restore-*"))
    m["format_version"] = FORMAT_VERSION + 1
    (work / "manifest.json").write_text(json.dumps(m))
    with zipfile.ZipFile(tmp_path / "v2.zip", "w") as zf:
        zf.write(work / "manifest.json", "manifest.json")
    with pytest.raises(BackupError, match="升级"):
        inspect_backup(tmp_path / "v2.zip")


def test_inspect_reads_the_manifest_only(filled, tmp_path):
    out = tmp_path / "b.zip"
    rep = create_backup(filled, out)
    info = inspect_backup(out)
    assert info.ok and info.counts == rep.counts and info.checked == 0 and info.ledger_head == rep.ledger_head


def test_cli_backup_create_verify_restore(filled, tmp_path):
    d = filled.data_dir
    out = tmp_path / "b.zip"
    made = kami_json("backup", "create", str(out), data_dir=d)  # one real subprocess: the whole path
    assert made["ok"] is True and made["counts"]["cases"] == 2
    code, _, err = run("backup", "create", out, data_dir=d)
    assert code == 2 and "已存在" in err
    remade = run_json("backup", "create", out, "--force", data_dir=d)
    # the first backup's receipt now travels in the second: one file more
    assert remade["ok"] is True and remade["files"] == made["files"] + 1
    checked = run_json("backup", "verify", out)
    assert checked["ok"] is True and checked["checked"] == remade["files"]
    target = tmp_path / "r"
    restored = run_json("backup", "restore", out, data_dir=target)
    assert restored["verify_ok"] is True and restored["moved_aside"] is None
    refused = kami("backup", "restore", str(out), "--json", data_dir=target)
    assert refused.returncode == 2 and "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert json.loads(refused.stdout)["ok"] is False
    forced = run_json("backup", "restore", out, "--force", data_dir=target)
    assert Path(forced["moved_aside"]).is_dir()
    code, text, _ = run("backup", "restore", out, "--force", data_dir=target)
    assert code == 0 and "原来的数据已移到" in text
    shutil.copy(out, tmp_path / "bad.zip")
    with open(tmp_path / "bad.zip", "r+b") as fh:
        fh.truncate(out.stat().st_size // 2)
    bad = run_json("backup", "verify", tmp_path / "bad.zip", expect=1)
    assert bad["ok"] is False and "不完整" in bad["error"]
    code, _, err = run("backup", "verify", tmp_path / "nope.zip")
    assert code == 2 and "找不到" in err
