"""Importing a folder stays inside the folder the user chose: links that lead out of it are refused with a
note, links inside it are harmless, and pipes, sockets and devices are named as such and never opened."""

from __future__ import annotations

import hashlib
import os
import socket
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.store.model import Blob, ExhibitFile
from tests.helpers import screenshot

SPECIAL = "设备文件/管道，未导入"
OUTSIDE = "所选文件夹之外"


def _import(profile, case_id, paths, timeout: float = 60):
    """Run the import on a thread: a parser that opens a FIFO blocks forever, which must fail the test, not hang it."""
    box: dict = {}
    worker = threading.Thread(
        target=lambda: box.update(report=import_paths(profile, case_id, paths)), daemon=True
    )
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "the import blocked (a pipe or device was opened)"
    return box["report"]


def _stored_hashes(profile) -> set[str]:
    with profile.session() as s:
        return set(s.scalars(select(Blob.sha256)))


@pytest.fixture
def outside(tmp_path) -> Path:
    """Files next to the chosen folder, not in it: nothing here may be imported."""
    out = tmp_path / "elsewhere"
    (out / "keys").mkdir(parents=True)
    (out / "secret.txt").write_text("银行卡密码 123456\n", encoding="utf-8")
    (out / "keys" / "id_ed25519").write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n", encoding="utf-8")
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX: links to /etc, symlinks without privileges")
def test_links_out_of_the_chosen_folder_are_refused_with_a_note(profile, case_id, tmp_path, outside):
    chosen = tmp_path / "截图"
    real = screenshot(chosen / "付款.png", 1)
    (chosen / "sub").mkdir()
    (chosen / "sub" / "同一张.png").symlink_to(real)  # inside → inside: fine
    (chosen / "sub" / "回到上层").symlink_to(chosen, target_is_directory=True)  # inside → inside: fine
    (chosen / "shadow").symlink_to("/etc/passwd")
    (chosen / "secret.txt").symlink_to(outside / "secret.txt")
    (chosen / "ssh").symlink_to("/etc", target_is_directory=True)
    (chosen / "keys").symlink_to(outside / "keys", target_is_directory=True)
    (chosen / "sub" / "up.txt").symlink_to(Path("..") / ".." / "elsewhere" / "secret.txt")
    (chosen / "dangling.png").symlink_to(chosen / "gone.png")

    report = _import(profile, case_id, [chosen])

    refused = {Path(e.path).name: e.reason for e in report.errors}
    for name in ("shadow", "secret.txt", "ssh", "keys", "up.txt"):
        assert OUTSIDE in refused.get(name, ""), (name, refused)
    assert "不存在" in refused["dangling.png"]
    assert {i.original_name for i in report.imported} == {"付款.png", "同一张.png"}
    leaked = {
        hashlib.sha256(p.read_bytes()).hexdigest()
        for p in [Path("/etc/passwd"), *outside.rglob("*")]
        if p.is_file()
    }
    assert not leaked & _stored_hashes(profile)
    with profile.session() as s:
        paths = list(s.scalars(select(ExhibitFile.original_path)))
    assert all(p.startswith(str(chosen)) for p in paths), paths


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX: named pipes (mkfifo) and AF_UNIX sockets")
def test_pipes_and_sockets_are_named_as_such_and_never_opened(profile, case_id, tmp_path):
    chosen = tmp_path / "导出"
    screenshot(chosen / "a.png", 2)
    os.mkfifo(chosen / "管道")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(chosen / "s.sock"))
    try:
        (chosen / "to-pipe").symlink_to(chosen / "管道")
        report = _import(profile, case_id, [chosen])
        fifo = tmp_path / "explicit.fifo"
        os.mkfifo(fifo)
        explicit = _import(profile, case_id, [fifo, Path("/dev/null")])
    finally:
        sock.close()
    refused = {Path(e.path).name: e.reason for e in report.errors}
    for name in ("管道", "s.sock", "to-pipe"):
        assert SPECIAL in refused.get(name, ""), (name, refused)
        assert "文件夹" not in refused[name]
    assert [i.original_name for i in report.imported] == ["a.png"]
    assert sorted(Path(e.path).name for e in explicit.errors) == ["explicit.fifo", "null"]
    assert all(SPECIAL in e.reason for e in explicit.errors), explicit.errors
    assert explicit.imported == []
