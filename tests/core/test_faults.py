"""Faults: a disk that fills up at every possible write, kill -9 mid-backup/restore, a locked database.

After every fault: a clear message, no partial blob, no half-written output that looks complete, and
the profile still opens and verifies with everything that was stored before it intact.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import event, select

from kami_desktop.core.backup import BackupError, create_backup, restore_backup, verify_backup
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Blob
from tests.fixtures.evidence import assert_profile_sound, populate, profile_state
from tests.fixtures.faults import DiskFull, SqliteFull
from tests.helpers import kami, screenshot

TRIALS = int(os.environ.get("KAMI_CRASH_TRIALS", "16"))


@pytest.fixture(autouse=True)
def _no_receipts(monkeypatch):
    """A receipt is kept after a step has succeeded, and a full disk there only logs a warning
    (test_a_full_disk_at_the_receipt_keeps_the_finished_backup): these tests count the step's own writes."""
    import kami_desktop.core.backup.create as backup_create
    import kami_desktop.core.dossier.build as dossier_build

    monkeypatch.setattr(backup_create, "keep_receipt", lambda *a, **k: None)
    monkeypatch.setattr(dossier_build, "keep_receipt", lambda *a, **k: None)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("faults")
    with Profile.open(root / "profile") as p:
        populate(p, root / "src", shots=3)
    return root / "profile"


@pytest.fixture(scope="module")
def new_files(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("new")
    return [screenshot(root / f"新截图 {i}.png", 900 + i, size=(50, 80)) for i in range(3)]


def copy_of(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


def assert_kept(before: tuple[dict, dict], after: tuple[dict, dict]) -> None:
    """Everything stored before is still there, unchanged (new rows and blobs may have been added)."""
    db_before, vault_before = before
    db_after, vault_after = after
    for table, rows in db_before.items():
        missing = Counter(rows) - Counter(db_after.get(table, []))
        assert not missing, f"{table}: rows lost or changed: {list(missing)[:2]}"
    assert all(vault_after.get(name) == digest for name, digest in vault_before.items())


def assert_in_session_sound(p: Profile) -> None:
    """Before any reopen: no temp file, every visible blob whole, every row's blob present; an orphan
    (a whole blob whose rename could not be made durable) is allowed only while journaled for removal."""
    assert list(p.vault.tmp.iterdir()) == [], "a partial write was left behind"
    on_disk = {}
    for name, path in p.vault.iter_blob_paths():
        on_disk[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    assert all(n == d for n, d in on_disk.items()), "a partial blob is visible"
    with p.session() as s:
        known = set(s.scalars(select(Blob.sha256)))
    assert known <= set(on_disk)
    journaled = {m.name.split(".")[0] for m in p.vault.journal.iterdir()}
    report = verify(p)
    for prob in report.problems:
        assert prob.kind == "orphan" and prob.sha256 in journaled, prob


# ---------------------------------------------------------------------------------------------- disk full
@pytest.mark.parametrize("workers", [1, 2])
def test_disk_full_at_every_write_of_an_import_loses_nothing(template, new_files, tmp_path, workers):
    probe = copy_of(template, tmp_path / "probe")
    with Profile.open(probe) as p, DiskFull(None) as counting:
        assert not import_paths(p, 1, new_files, workers=workers).errors
    assert counting.calls >= 30
    for k in range(1, counting.calls + 1):
        d = copy_of(template, tmp_path / f"k{k}")
        before = profile_state(d)
        with Profile.open(d) as p:
            with DiskFull(k) as fault:
                report = import_paths(p, 1, new_files, workers=workers)
            assert fault.tripped
            assert report.errors and all(e.reason for e in report.errors)
            assert any("磁盘空间不足" in e.reason for e in report.errors), report.errors
            assert len(report.imported) + len(report.errors) <= len(new_files)
            assert_in_session_sound(p)
        assert_kept(before, profile_state(d))
        assert_profile_sound(d)
    print(f"[faults] import, {workers} worker(s): ENOSPC at each of {counting.calls} write calls survived")


def test_database_full_at_every_write_of_an_import_loses_nothing(template, new_files, tmp_path):
    probe = copy_of(template, tmp_path / "probe")
    with Profile.open(probe) as p, SqliteFull(p.engine, None) as counting:
        import_paths(p, 1, new_files, workers=1)
    assert counting.calls >= 12
    for k in range(1, counting.calls + 1):
        d = copy_of(template, tmp_path / f"k{k}")
        before = profile_state(d)
        with Profile.open(d) as p:
            with SqliteFull(p.engine, k) as fault:
                report = import_paths(p, 1, new_files, workers=1)
            assert fault.tripped and report.cancelled
            assert [e.reason for e in report.errors] == ["磁盘空间不足，数据库无法写入，文件未导入"]
            assert_in_session_sound(p)
            imported = {i.sha256 for i in report.imported}
            with p.session() as s:
                assert imported <= set(s.scalars(select(Blob.sha256)))
        assert_kept(before, profile_state(d))
        assert_profile_sound(d)
    print(f"[faults] import: SQLITE_FULL at each of {counting.calls} database writes survived")


def test_disk_full_at_every_write_of_a_backup_leaves_no_output(template, tmp_path):
    before = profile_state(template)
    finished = 0
    with Profile.open(template) as p:
        with DiskFull(None) as counting:
            create_backup(p, tmp_path / "probe.zip")
        assert counting.calls >= 20
        for k in range(1, counting.calls + 1):
            out = tmp_path / f"b{k}.zip"
            try:
                with DiskFull(k) as fault:
                    create_backup(p, out)
            except BackupError as err:
                assert "磁盘空间不足" in str(err)
                assert not out.exists() and not out.with_name(out.name + ".part").exists()
            else:  # only the very last step, syncing the folder after the rename, may fail without harm
                if fault.tripped:
                    assert fault.kinds[k - 1 :] == ["fsync"]
                    finished += 1
                assert verify_backup(out).ok
            assert not any((p.cache_dir / "backup-tmp").iterdir()), "snapshot left behind"
    assert finished <= 1
    assert profile_state(template) == before
    assert_profile_sound(template)
    print(f"[faults] backup: ENOSPC at each of {counting.calls} write calls survived")


def test_a_full_disk_while_taking_the_database_snapshot_is_explained(template, tmp_path, monkeypatch):
    from kami_desktop.core.backup import create as create_mod

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(create_mod, "_snapshot", full)
    with Profile.open(template) as p, pytest.raises(BackupError, match="磁盘空间不足"):
        create_backup(p, tmp_path / "b.zip")
    assert not list(tmp_path.iterdir())


def test_disk_full_at_every_write_of_a_restore_keeps_the_old_profile(template, tmp_path):
    src = tmp_path / "backup.zip"
    with Profile.open(template) as p:
        create_backup(p, src)
    other = tmp_path / "other"
    with Profile.open(other) as p:
        populate(p, tmp_path / "src2", shots=1, seed=5)
    old = profile_state(other)
    # the first restore in a process also builds (once) the empty schema it compares the backup's with:
    # count the writes of a second one, which is what every faulty run below repeats
    restore_backup(src, copy_of(other, tmp_path / "warm"), force=True)
    shutil.rmtree(tmp_path / "warm")
    for aside in tmp_path.glob("warm.old-*"):
        shutil.rmtree(aside)
    probe = copy_of(other, tmp_path / "probe")
    with DiskFull(None) as counting:
        restore_backup(src, probe, force=True)
    assert counting.calls >= 20
    put_back = finished = 0
    for k in range(1, counting.calls + 1):
        try:
            with DiskFull(k) as fault:
                restore_backup(src, other, force=True)
        except BackupError as exc:
            err = exc
        else:  # only syncing the folder after the swap may fail, and the restore is then complete
            assert fault.tripped and fault.kinds[k - 1 :] == ["fsync"]
            assert profile_state(other)[1] == profile_state(template)[1]
            (aside,) = tmp_path.glob("other.old-*")
            shutil.rmtree(other)
            os.replace(aside, other)
            finished += 1
            continue
        left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".other", "other")))
        if left != ["other"]:
            # the disk stayed full even for renaming the old profile back: it is whole, and the message says where
            (aside,) = left
            assert aside.startswith("other.old-") and aside in str(err) and "改名回" in str(err)
            os.replace(tmp_path / aside, other)
            put_back += 1
        else:
            assert "空间" in str(err) or "No space" in str(err), err
        assert profile_state(other) == old
    assert put_back <= 2 and finished <= 1
    assert_profile_sound(other)
    restore_backup(src, other, force=True)  # and with space again it works
    assert profile_state(other)[1] == profile_state(template)[1]
    print(f"[faults] restore: ENOSPC at each of {counting.calls} write calls survived")


# ---------------------------------------------------------------------------------------------- kill -9
BACKUP_WORKER = r"""
import sys
from kami_desktop.core.profile import Profile
from kami_desktop.core.backup import create_backup
prof = Profile.open(sys.argv[1])
print("ready", flush=True)
create_backup(prof, sys.argv[2], overwrite=True)
print("done", flush=True)
"""

RESTORE_WORKER = r"""
import sys
from kami_desktop.core.backup import restore_backup
from kami_desktop.core.profile import Profile
from kami_desktop.core.evidence.verify import verify
print("ready", flush=True)
restore_backup(sys.argv[1], sys.argv[2], force=True)
print("done", flush=True)
"""


@pytest.fixture(scope="module")
def heavy(tmp_path_factory) -> Path:
    """A profile big enough (~24 MB of incompressible video) that a backup takes a moment."""
    root = tmp_path_factory.mktemp("heavy")
    with Profile.open(root / "profile") as p:
        populate(p, root / "src", shots=2, big_files=6, big_size=4_000_000)
    return root / "profile"


def _run_through(args: list[str]) -> float:
    """Seconds from the worker's "ready" to its exit, when left alone: the window to kill in."""
    proc = subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, encoding="utf-8")
    assert proc.stdout.readline().strip() == "ready"
    started = time.monotonic()
    assert proc.wait(timeout=120) == 0
    proc.stdout.close()
    return time.monotonic() - started


def _kill_at_random(args: list[str], rng: random.Random, window: float) -> bool:
    proc = subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, encoding="utf-8")
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.0, window))
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()
    return killed


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_kill_9_during_backup_never_leaves_a_complete_looking_bad_file(heavy, tmp_path):
    rng = random.Random(20261125)
    before = profile_state(heavy)
    out = tmp_path / "kami-备份.zip"
    window = (
        _run_through([BACKUP_WORKER, str(heavy), str(out)]) * 1.1
    )  # kill anywhere, even just after the end
    killed = complete = 0
    for _ in range(TRIALS):
        if out.exists():
            out.unlink()
        killed += _kill_at_random([BACKUP_WORKER, str(heavy), str(out)], rng, window)
        if out.exists():
            complete += 1
            assert verify_backup(out).ok, "a file named like a finished backup is incomplete"
        assert profile_state(heavy) == before
    assert killed >= TRIALS // 3
    print(
        f"[kill] backup: {TRIALS} trials, {killed} killed mid-backup, {complete} finished files all verified"
    )
    assert_profile_sound(heavy)
    with Profile.open(heavy) as p:  # a later backup to the same name still works (stale .part overwritten)
        create_backup(p, out, overwrite=True)
    assert verify_backup(out).ok and not out.with_name(out.name + ".part").exists()


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_kill_9_during_restore_leaves_old_or_new_never_a_mix(heavy, tmp_path):
    rng = random.Random(4242)
    src = tmp_path / "b.zip"
    with Profile.open(heavy) as p:
        create_backup(p, src)
    new_state = profile_state(heavy)
    window = _run_through([RESTORE_WORKER, str(src), str(tmp_path / "timing")]) * 1.2
    target = tmp_path / "kami"
    with Profile.open(target) as p:
        populate(p, tmp_path / "src", shots=1, seed=9)
    old_state = profile_state(target)
    killed = swapped = 0
    for _ in range(TRIALS // 2):
        killed += _kill_at_random([RESTORE_WORKER, str(src), str(target)], rng, window)
        states = [profile_state(target)] if target.exists() else []
        states += [profile_state(p) for p in tmp_path.glob("kami.old-*")]
        assert old_state in states, "the old profile is gone"
        if target.exists():
            now_state = profile_state(target)
            assert now_state in (old_state, new_state), "target is a mix"
            swapped += now_state == new_state
            assert_profile_sound(target)
    assert killed >= TRIALS // 4
    print(
        f"[kill] restore: {TRIALS // 2} trials, {killed} killed mid-restore, {swapped} ended with the new data"
    )
    restore_backup(src, target, force=True)  # a finished restore sweeps the leftovers of killed ones
    assert profile_state(target) == new_state
    assert not list(tmp_path.glob(".kami.restore-*"))


# ---------------------------------------------------------------------------------------------- locked
def _short_busy_timeout(p: Profile, ms: int = 200) -> None:
    @event.listens_for(p.engine, "connect")
    def _busy(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA busy_timeout={ms}")

    p.engine.dispose()


def test_database_locked_by_another_process_core_level(profile, case_id, tmp_path):
    from sqlalchemy.exc import OperationalError

    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.store.db import explain

    import_paths(profile, case_id, [screenshot(tmp_path / "a.png", 1)])
    before = profile_state(profile.data_dir)
    _short_busy_timeout(profile)
    holder = sqlite3.connect(profile.db_path, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(OperationalError) as err, profile.session() as s:
            create_case(s, "不会写入")
        assert "占用" in explain(err.value, profile.db_path)
        report = import_paths(
            profile, case_id, [screenshot(tmp_path / f"b{i}.png", 10 + i) for i in range(4)]
        )
        assert report.imported == [] and report.cancelled
        assert "占用" in report.errors[0].reason and "SQL" not in report.errors[0].reason
        with profile.session() as s:  # reads still work while another process writes
            assert s.get(Blob, before[0]["blobs"][0][0]) is not None
    finally:
        holder.rollback()
        holder.close()
    assert profile_state(profile.data_dir) == before, "nothing half-written, no orphan blob"
    assert verify(profile).ok


def test_a_profile_from_a_newer_program_gives_a_clear_message(profile):
    from kami_desktop.core.store.db import DatabaseError

    path = profile.data_dir
    profile.close()
    con = sqlite3.connect(path / "kami.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="更新版本"):
        Profile.open(path)


def test_cli_module_run_reports_a_commands_usage_error_without_traceback(tmp_path):
    proc = kami("exhibit", "edit", "1", data_dir=tmp_path / "p")
    assert proc.returncode == 2 and "没有要修改的内容" in proc.stderr and "Traceback" not in proc.stderr


# ---------------------------------------------------------------------------------------------- binder
def _dossier():
    from kami_desktop.core.dossier.build import build_dossier
    from kami_desktop.core.dossier.bundle_verify import verify_bundle
    from kami_desktop.core.dossier.options import DossierOptions

    return build_dossier, DossierOptions, verify_bundle


def _outputs_are_whole_or_absent(out: Path, verify_bundle) -> list[Path]:
    """Whatever stands under a visible name in ``out`` must verify; hidden ``.part`` staging may remain."""
    placed = [p for p in out.iterdir() if not p.name.startswith(".")] if out.exists() else []
    for p in placed:
        assert verify_bundle(p).ok, f"{p.name} looks finished but does not verify"
    return placed


def _dossier_entries(data_dir: Path) -> int:
    con = sqlite3.connect(f"file:{data_dir / 'kami.sqlite3'}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM ledger WHERE action = 'dossier.build'").fetchone()[0]
    finally:
        con.close()


def test_disk_full_while_building_a_binder(template, tmp_path):
    build, Options, verify_bundle = _dossier()
    with Profile.open(template) as p:
        with DiskFull(None) as counting:
            build(p, 1, Options(out_dir=tmp_path / "probe"))
        n = counting.calls
        assert n >= 30
        # every one of the first and last 12 write calls, and 16 spread over the middle
        points = sorted(set(range(1, 13)) | set(range(n - 11, n + 1)) | {1 + i * n // 16 for i in range(16)})
        entries = _dossier_entries(template)
        before = profile_state(template)
        for k in points:
            out = tmp_path / f"o{k}"
            with DiskFull(k), pytest.raises(OSError) as err:
                build(p, 1, Options(out_dir=out))
            assert getattr(err.value, "errno", None) == 28 or "空间" in str(err.value)
            _outputs_are_whole_or_absent(out, verify_bundle)
    assert profile_state(template)[1] == before[1]
    assert _dossier_entries(template) == entries, "a failed build must not be recorded as built"
    assert_profile_sound(template)
    print(f"[faults] binder: ENOSPC at {len(points)} of {n} write calls survived")


def test_a_failed_binder_build_leaves_no_bundle_without_its_ledger_record(template, tmp_path):
    """The last write of a build is moving the zip into place, after the folder: both must go on failure."""
    build, Options, _ = _dossier()
    with Profile.open(template) as p:
        with DiskFull(None) as counting:
            build(p, 1, Options(out_dir=tmp_path / "probe"))
        out = tmp_path / "out"
        with DiskFull(counting.calls), pytest.raises(OSError):
            build(p, 1, Options(out_dir=out))
    assert not [x for x in out.iterdir() if not x.name.startswith(".")]


DOSSIER_WORKER = r"""
import sys
from pathlib import Path
from kami_desktop.core.profile import Profile
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.options import DossierOptions
prof = Profile.open(sys.argv[1])
opts = DossierOptions(out_dir=Path(sys.argv[2]))
print("ready", flush=True)
build_dossier(prof, 1, opts)
print("done", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_kill_9_while_building_a_binder(heavy, tmp_path):
    build, Options, verify_bundle = _dossier()
    rng = random.Random(77)
    vault_before = profile_state(heavy)[1]
    # the shorter of two undisturbed builds: one slow run on a busy machine must not stretch the window
    window = (
        min(_run_through([DOSSIER_WORKER, str(heavy), str(tmp_path / f"timing{i}")]) for i in (1, 2)) * 1.2
    )
    out = tmp_path / "out"
    killed = 0
    for _ in range(TRIALS // 2):
        killed += _kill_at_random([DOSSIER_WORKER, str(heavy), str(out)], rng, window)
        _outputs_are_whole_or_absent(out, verify_bundle)
        assert profile_state(heavy)[1] == vault_before
    assert killed >= TRIALS // 4
    print(f"[kill] binder: {TRIALS // 2} trials, {killed} killed mid-build")
    assert_profile_sound(heavy)
