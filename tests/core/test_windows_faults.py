"""Windows faults, simulated on any OS: a destination another program holds for a moment (antivirus, the
search indexer), one that stays locked, and a log file rotated while another process writes it.

On Windows a locked file makes ``os.replace`` raise ``PermissionError`` with ``winerror`` 32
(sharing violation), 33 (lock violation) or 5 (access denied). Here ``os.replace`` is replaced by one
that raises exactly that (the ``winerror`` attribute set by hand, as Python only fills it on Windows).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kami_desktop.core.errors import UserError
from kami_desktop.core.util import fsutil
from kami_desktop.core.util.fsutil import (
    FileBusyError,
    atomic_write_bytes,
    atomic_write_text,
    is_transient_lock,
    replace_with_retry,
)
from kami_desktop.core.util.logs import LOG_NAME, _PrivateRotatingFileHandler


def locked(path, winerror: int = 32) -> PermissionError:
    exc = PermissionError(
        13, "The process cannot access the file because it is being used by another process"
    )
    exc.filename = str(path)
    exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


class FlakyReplace:
    """``os.replace`` that fails ``failures`` times (forever with None) for destinations named ``name``."""

    def __init__(self, name: str, failures: int | None, winerror: int = 32) -> None:
        self.name, self.failures, self.winerror = name, failures, winerror
        self.calls = 0
        self.real = os.replace

    def __call__(self, src, dst, *args, **kwargs):
        if Path(dst).name == self.name:
            self.calls += 1
            if self.failures is None or self.calls <= self.failures:
                raise locked(dst, self.winerror)
        return self.real(src, dst, *args, **kwargs)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".tmp-") or p.suffix == ".part")


# ------------------------------------------------------------------ os.replace retried, then a clear error
@pytest.mark.parametrize("winerror", [32, 33, 5])
def test_a_write_over_a_briefly_locked_file_waits_and_succeeds(tmp_path, monkeypatch, winerror):
    target = tmp_path / "案件.json"
    target.write_text("旧内容", encoding="utf-8")
    flaky = FlakyReplace(target.name, failures=3, winerror=winerror)
    monkeypatch.setattr(os, "replace", flaky)
    atomic_write_text(target, "新内容：已付款 ¥300.00")
    assert flaky.calls == 4
    assert target.read_text(encoding="utf-8") == "新内容：已付款 ¥300.00"
    assert leftovers(tmp_path) == []


def test_a_file_that_stays_locked_gives_up_after_about_two_seconds_naming_it(tmp_path, monkeypatch):
    target = tmp_path / "证据清单.txt"
    target.write_bytes(b"original")
    flaky = FlakyReplace(target.name, failures=None)
    monkeypatch.setattr(os, "replace", flaky)
    started = time.monotonic()
    with pytest.raises(FileBusyError) as info:
        atomic_write_bytes(target, b"new")
    elapsed = time.monotonic() - started
    assert fsutil.REPLACE_TIMEOUT <= elapsed < fsutil.REPLACE_TIMEOUT + 1.5
    assert 5 <= flaky.calls <= 40  # backed off, not spinning
    err = info.value
    assert isinstance(err, UserError) and isinstance(err, PermissionError)  # old `except OSError` still work
    assert str(target) in str(err) and "占用" in str(err)
    assert target.read_bytes() == b"original"
    assert leftovers(tmp_path) == []


def test_other_errors_are_not_retried(tmp_path, monkeypatch):
    calls = []

    def missing(src, dst):
        calls.append(dst)
        raise FileNotFoundError(2, "gone", str(src))

    monkeypatch.setattr(os, "replace", missing)
    with pytest.raises(FileNotFoundError):
        replace_with_retry(tmp_path / "a", tmp_path / "b")
    assert len(calls) == 1


@pytest.mark.skipif(
    sys.platform == "win32", reason="on Windows a PermissionError without winerror counts as a lock"
)
def test_a_real_permission_error_on_posix_is_raised_at_once(tmp_path, monkeypatch):
    calls = []

    def denied(src, dst):
        calls.append(dst)
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(PermissionError) as info:
        replace_with_retry(tmp_path / "a", tmp_path / "b")
    assert len(calls) == 1 and not isinstance(info.value, FileBusyError)
    assert not is_transient_lock(PermissionError(13, "Permission denied"))
    assert is_transient_lock(locked("x", 32)) and not is_transient_lock(locked("x", 2))


def test_the_vault_stores_an_original_while_the_scanner_holds_it(profile, monkeypatch):
    data = "付款截图".encode() * 1000
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    flaky = FlakyReplace(sha, failures=2)
    monkeypatch.setattr(os, "replace", flaky)
    stored = profile.vault.store_bytes(data)
    assert stored.new and stored.sha256 == sha and flaky.calls == 3
    assert profile.vault.path_for(sha).read_bytes() == data
    assert not list(profile.vault.tmp.glob("*.part"))


def test_the_vault_reports_a_locked_blob_by_name_and_keeps_no_temp_file(profile, monkeypatch):
    import hashlib

    data = b"\x89PNG locked"
    sha = hashlib.sha256(data).hexdigest()
    monkeypatch.setattr(fsutil, "REPLACE_TIMEOUT", 0.2)
    monkeypatch.setattr(os, "replace", FlakyReplace(sha, failures=None))
    with pytest.raises(FileBusyError) as info:
        profile.vault.store_bytes(data)
    assert sha in str(info.value)
    assert not profile.vault.path_for(sha).exists()
    assert not list(profile.vault.tmp.glob("*.part"))


# ------------------------------------------------------------------ logs rotated beside another writer
def _handler(path: Path, max_bytes: int, backups: int) -> _PrivateRotatingFileHandler:
    h = _PrivateRotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    h.setFormatter(logging.Formatter("%(message)s"))
    return h


def _record(msg: str) -> logging.LogRecord:
    return logging.LogRecord("kami_desktop.test", logging.INFO, __file__, 1, msg, None, None)


def _all_lines(folder: Path) -> list[str]:
    out: list[str] = []
    for p in sorted(folder.glob(LOG_NAME + "*")):
        if not p.name.endswith(".rotating"):
            out += p.read_text(encoding="utf-8").splitlines()
    return out


def test_rotation_while_another_handler_holds_the_file_is_skipped_then_done(tmp_path, monkeypatch):
    """Windows: kami.log cannot be renamed while another process has it open (WinError 32)."""
    path = tmp_path / LOG_NAME
    window, command = _handler(path, 2000, 20), _handler(path, 2000, 20)
    errors: list[str] = []
    for h in (window, command):
        monkeypatch.setattr(h, "handleError", lambda record: errors.append(record.getMessage()))
        monkeypatch.setattr(h, "RETRY_AFTER", 0.0)
    holders = {window, command}
    real = os.replace

    def windows_replace(src, dst, *a, **k):
        if Path(src) == path and len([h for h in holders if h.stream is not None]) > 0:
            raise locked(src)  # the other handler still has it open
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", windows_replace)
    sent = []
    for i in range(200):
        msg = f"line {i:04d} " + "证据" * 20
        (window if i % 2 else command).handle(_record(msg))
        sent.append(msg)
    assert errors == []
    assert not list(tmp_path.glob(LOG_NAME + ".1"))  # never rotated while both held it
    assert path.stat().st_size > 2000  # the log grew past the limit instead of failing
    command.close()
    holders.discard(command)
    for i in range(200, 210):
        msg = f"line {i:04d} after the command ended"
        window.handle(_record(msg))
        sent.append(msg)
    window.close()
    assert errors == []
    assert (tmp_path / (LOG_NAME + ".1")).is_file()  # rotated once the other writer was gone
    assert sorted(_all_lines(tmp_path)) == sorted(sent)
    assert not list(tmp_path.glob("*.rotating")) and not list(tmp_path.glob("*.old"))


def test_a_stale_rotation_marker_does_not_stop_rotation_for_ever(tmp_path, monkeypatch):
    path = tmp_path / LOG_NAME
    marker = tmp_path / (LOG_NAME + ".rotating")
    marker.write_bytes(b"")
    old = time.time() - 3600
    os.utime(marker, (old, old))
    h = _handler(path, 500, 5)
    monkeypatch.setattr(h, "RETRY_AFTER", 0.0)
    for i in range(40):
        h.handle(_record(f"message {i:03d} " + "x" * 40))
    h.close()
    assert (tmp_path / (LOG_NAME + ".1")).is_file() and not marker.exists()
    assert len(_all_lines(tmp_path)) == 40


WRITER = r"""
import logging, sys
from pathlib import Path
from kami_desktop.core.util.logs import _PrivateRotatingFileHandler

path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
h = _PrivateRotatingFileHandler(path, maxBytes=3000, backupCount=200, encoding="utf-8")
h.setFormatter(logging.Formatter("%(message)s"))
def failed(record):
    sys.stderr.write("LOGGING FAILED " + record.getMessage() + "\n")
h.handleError = failed
log = logging.getLogger("kami_desktop.writer")
log.propagate = False
log.addHandler(h)
log.setLevel(logging.INFO)
for i in range(count):
    log.info("%s %04d %s", name, i, "存证日志" * 8)
h.close()
print("done")
"""


def test_two_processes_logging_to_one_file_around_rotations_never_fail(tmp_path):
    path = tmp_path / "logs" / LOG_NAME
    path.parent.mkdir()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path.cwd()), os.environ.get("PYTHONPATH", "")]))
    count = 400
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            env=env,
        )
        for name in ("window", "command")
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0 and out.strip() == "done", err
        assert "LOGGING FAILED" not in err and "Traceback" not in err, err
    lines = _all_lines(path.parent)
    for name in ("window", "command"):
        mine = sorted(line for line in lines if line.startswith(name + " "))
        assert mine == sorted(f"{name} {i:04d} " + "存证日志" * 8 for i in range(count))
    if sys.platform != "win32":
        assert (path.parent / (LOG_NAME + ".1")).is_file()  # it did rotate (Windows may defer it)
    assert not list(path.parent.glob("*.rotating"))


# ------------------------------------------------------------------ read-only files (the vault's originals)
def windows_unlink(monkeypatch):
    """``os.unlink``/``os.remove`` that refuse read-only files, as Windows does (WinError 5)."""
    import stat

    real_unlink = os.unlink

    def unlink(path, *args, dir_fd=None, **kwargs):
        st = os.stat(path, dir_fd=dir_fd, follow_symlinks=False)
        if not st.st_mode & stat.S_IWUSR:
            raise locked(path, 5)
        return real_unlink(path, *args, dir_fd=dir_fd, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "remove", unlink)


def test_remove_tree_deletes_read_only_originals_where_windows_refuses_them(tmp_path, monkeypatch):
    import shutil

    tree = tmp_path / "staging" / "vault" / "ab" / "cd"
    tree.mkdir(parents=True)
    for i in range(3):
        blob = tree / f"blob{i}"
        blob.write_bytes(b"original")
        blob.chmod(0o400)
    windows_unlink(monkeypatch)
    with pytest.raises(PermissionError):
        shutil.rmtree(tmp_path / "staging")  # what the restore and the binder build used before
    fsutil.remove_tree(tmp_path / "staging")
    assert not (tmp_path / "staging").exists()
    fsutil.remove_tree(tmp_path / "staging", ignore_errors=True)  # already gone: fine


def test_a_failed_restore_leaves_no_read_only_staging_behind(profile, case_id, tmp_path, monkeypatch):
    from kami_desktop.core.backup import create_backup, restore_backup
    from kami_desktop.core.evidence.importer import import_paths
    from tests.helpers import screenshot

    import_paths(profile, case_id, [screenshot(tmp_path / "a.png", 1), screenshot(tmp_path / "b.png", 2)])
    archive = tmp_path / "backup.zip"
    create_backup(profile, archive)
    target = tmp_path / "restored"
    windows_unlink(monkeypatch)
    real = os.replace

    def refuse_swap(src, dst, *a, **k):
        if Path(dst) == target:
            raise OSError(28, "No space left on device", str(dst))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", refuse_swap)
    with pytest.raises(Exception):  # noqa: B017 - whichever error the restore reports
        restore_backup(archive, target)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".restored")] == []
