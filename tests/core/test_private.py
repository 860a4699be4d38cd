"""Private by default: user-only permissions whatever the umask, no foreign folder taken over, the CLI logs
like the window (same redacting handler, same log folder), and who holds the profile is named."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.lock import ProfileBusy, ProfileLock, set_program
from kami_desktop.core.util.logs import LOG_NAME
from tests.fixtures.cli import run
from tests.helpers import screenshot

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


@pytest.fixture
def umask_000():
    old = os.umask(0)
    yield
    os.umask(old)


def modes(root: Path) -> dict[str, int]:
    out = {".": stat.S_IMODE(root.stat().st_mode)}
    for p in root.rglob("*"):
        out[str(p.relative_to(root))] = stat.S_IMODE(p.lstat().st_mode)
    return out


@posix_only
def test_everything_in_a_profile_is_user_only_even_under_umask_000(tmp_path, umask_000):
    data = tmp_path / "profile"
    code, out, err = run("case", "new", "--title", "权限测试", data_dir=data)
    assert code == 0, err
    src = tmp_path / "src"
    for i in range(3):
        screenshot(src / f"s{i}.png", i)
    with Profile.open(data) as prof:
        report = import_paths(prof, 1, [src])
        assert len(report.imported) == 3
        with prof.engine.connect() as conn:  # a live connection: the WAL and SHM files exist now
            conn.exec_driver_sql("SELECT count(*) FROM exhibits").scalar()
            seen = modes(data)
    assert {"kami.sqlite3-wal", "kami.sqlite3-shm", "logs/" + LOG_NAME} <= set(seen)
    loose = {name: oct(mode) for name, mode in seen.items() if mode & 0o077}
    assert loose == {}, "readable by others"
    blobs = [name for name in seen if name.count("/") == 3 and name.startswith("vault/")]
    assert len(blobs) == 3 and all(seen[b] == 0o400 for b in blobs)
    assert seen["kami.sqlite3"] == 0o600 and seen["vault"] == 0o700


@posix_only
def test_an_existing_profile_with_loose_database_modes_is_tightened_on_open(tmp_path):
    data = tmp_path / "profile"
    Profile.open(data).close()
    os.chmod(data / "kami.sqlite3", 0o644)
    Profile.open(data).close()
    assert stat.S_IMODE((data / "kami.sqlite3").stat().st_mode) == 0o600


@posix_only
def test_vault_folders_written_before_modes_were_enforced_are_tightened_once(tmp_path):
    """An older release left 0755 fan-out folders and 0444 originals: the next open that finds the
    profile free makes them user-only, once (a marker says it is done), and verify still passes."""
    from kami_desktop.core.evidence.verify import verify
    from kami_desktop.core.store.vault import MODES_MARKER

    data = tmp_path / "profile"
    code, _out, err = run("case", "new", "--title", "旧版本的数据", data_dir=data)
    assert code == 0, err
    with Profile.open(data) as prof:
        import_paths(prof, 1, [screenshot(tmp_path / "s.png", 1)])
    vault = data / "vault"
    (vault / MODES_MARKER).unlink()
    for p in vault.rglob("*"):
        if p.parent.name not in (".tmp", ".journal") and p.name not in (".tmp", ".journal"):
            os.chmod(p, 0o755 if p.is_dir() else 0o444)
    with Profile.open(data) as prof:
        assert prof.recovered["modes_tightened"] == 3  # two fan-out folders and the original
        assert verify(prof, full=True).ok
    seen = modes(vault)
    fan_out = [k for k in seen if len(k) in (2, 5) and not k.startswith(".")]  # "ab" and "ab/cd"
    blobs = [k for k in seen if k.count("/") == 2]  # "ab/cd/<sha256>"
    assert len(fan_out) == 2 and {seen[k] for k in fan_out} == {0o700}
    assert len(blobs) == 1 and seen[blobs[0]] == 0o400
    with Profile.open(data) as prof:
        assert prof.recovered["modes_tightened"] == 0  # done once


def test_a_folder_with_other_files_is_refused_and_left_alone(tmp_path):
    shared = tmp_path / "共享文件夹"
    shared.mkdir()
    (shared / "合同.docx").write_bytes(b"PK")
    os.chmod(shared, 0o755)
    before = (sorted(p.name for p in tmp_path.iterdir()), sorted(p.name for p in shared.iterdir()))
    code, out, err = run("case", "new", "--title", "x", data_dir=shared)
    assert code == 2 and "不是卡盟维权助手的资料目录" in err and "合同.docx" in err and str(shared) in err
    code, out, err = run("case", "list", data_dir=shared)
    assert code == 2 and "不是卡盟维权助手的资料目录" in err
    assert (sorted(p.name for p in tmp_path.iterdir()), sorted(p.name for p in shared.iterdir())) == before
    if os.name != "nt":
        assert stat.S_IMODE(shared.stat().st_mode) == 0o755


def test_an_empty_folder_and_an_existing_profile_are_accepted(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("case", "new", "--title", "新案件", data_dir=empty)[0] == 0
    assert run("case", "list", data_dir=empty)[0] == 0


def test_the_cli_logs_to_the_profile_with_the_same_redaction(tmp_path, monkeypatch):
    data = tmp_path / "profile"
    assert run("case", "new", "--title", "日志测试", data_dir=data)[0] == 0
    code, out, err = run("case", "edit", "1", "--amount", "13812345678abc", data_dir=data)
    assert code == 2 and "13812345678" in err  # the user sees what was typed; the log does not keep it

    from kami_desktop.commands import case as case_commands
    from kami_desktop.commands._base import open_profile

    def list_then_fail(args):
        with open_profile(args, write=False):
            raise RuntimeError("身份证 110105 19900101 1234 与银行卡 6222-0212-3456-7890 不符")

    monkeypatch.setattr(case_commands, "cmd_list", list_then_fail)
    with pytest.raises(RuntimeError):
        run("case", "list", data_dir=data)

    log = (data / "logs" / LOG_NAME).read_text(encoding="utf-8")
    assert "kami case new finished" in log and "kami case edit refused" in log
    assert "Traceback" in log and "kami case list failed" in log
    for secret in ("13812345678", "110105 19900101 1234", "6222-0212-3456-7890", "6222021234567890"):
        assert secret not in log
    assert "138******78" in log
    assert not any(getattr(h, "_kami_log", False) for h in logging.getLogger("kami_desktop").handlers)
    if os.name != "nt":
        assert stat.S_IMODE((data / "logs" / LOG_NAME).stat().st_mode) == 0o600


def kami_elsewhere(data: Path, *args: str):
    """The CLI in another process."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-m", "kami_desktop.cli", "--data-dir", str(data), *args],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )


def test_a_refused_writer_is_told_who_holds_the_profile(tmp_path):
    data = tmp_path / "profile"
    Profile.open(data).close()
    holder = ProfileLock(data)
    old = set_program("kami import")
    try:
        holder.acquire()
    finally:
        set_program(old)
    try:
        # this process holds it, so a second writer here would share it; another process is refused
        proc = kami_elsewhere(data, "case", "new", "--title", "x")
        assert proc.returncode == 2
        assert f"正被另一个程序使用：kami import（进程 {os.getpid()}，" in proc.stderr
        listed = kami_elsewhere(data, "case", "list", "--json")
        assert listed.returncode == 0, listed.stderr  # reading is never refused
    finally:
        holder.release()
    assert not holder.path.exists()
    Profile.open(data, wait=0).close()  # free again


def test_within_one_process_the_lock_is_shared_and_released_by_the_last(tmp_path):
    data = tmp_path / "profile"
    first = Profile.open(data)
    second = Profile.open(data)  # e.g. the window's worker threads: one process, one writer
    assert first.lock.fresh and not second.lock.fresh
    first.close()
    assert second.writer_alive()
    second.close()
    assert not second.writer_alive()
    other = ProfileLock(data)
    assert other.try_acquire() and other.fresh
    other.release()


def test_busy_message_names_the_folder_program_pid_and_time(tmp_path):
    from kami_desktop.core.store.lock import Holder

    exc = ProfileBusy(tmp_path, Holder(4321, "kami import", "2025-03-12T20:30:00+08:00"))
    text = str(exc)
    assert str(tmp_path) in text and "kami import（进程 4321，2025-03-12T20:30:00+08:00 起）" in text
    assert "无法读取" in str(ProfileBusy(tmp_path, None))


def test_a_new_data_folder_is_created_with_its_parents(tmp_path):
    data = tmp_path / "a" / "b" / "资料"
    code, out, err = run("case", "list", data_dir=data)
    assert code == 0, err
    assert (data / "kami.sqlite3").is_file() and sorted(p.name for p in data.parent.iterdir()) == ["资料"]
