import os
import stat

import pytest

from kami_desktop.core.profile import Profile
from kami_desktop.core.store.vault import StoreCancelled, Vault
from kami_desktop.core.util.hashing import new_sm3


def test_store_is_content_addressed_read_only_and_deduplicated(tmp_path):
    v = Vault(tmp_path / "vault")
    src = tmp_path / "a.bin"
    src.write_bytes(b"evidence" * 1000)
    first = v.store_file(src)
    import hashlib

    assert first.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert first.sm3 == new_sm3(src.read_bytes()).hexdigest()
    path = v.path_for(first.sha256)
    assert path.parent.parent.name == first.sha256[:2] and path.parent.name == first.sha256[2:4]
    assert path.read_bytes() == src.read_bytes()
    assert not (path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    again = v.store_file(src)
    assert again.new is False and again.sha256 == first.sha256
    assert list(v.tmp.iterdir()) == []


def test_cancel_midway_leaves_no_partial_file(tmp_path):
    v = Vault(tmp_path / "vault")
    src = tmp_path / "big.bin"
    src.write_bytes(os.urandom(3 * (1 << 20)))
    with pytest.raises(StoreCancelled):
        v.store_file(src, cancel=lambda: True)
    assert list(v.tmp.iterdir()) == []
    assert list(v.iter_blob_paths()) == []


def test_disk_full_while_writing_leaves_no_partial_blob(tmp_path, monkeypatch):
    import errno

    v = Vault(tmp_path / "vault")
    src = tmp_path / "a.bin"
    src.write_bytes(os.urandom(3 * (1 << 20)))
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, f):
            self.f = f
            self.n = 0

        def write(self, b):
            self.n += 1
            if self.n == 2:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.f.write(b)

        def __getattr__(self, k):
            return getattr(self.f, k)

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return self.f.__exit__(*a)

    monkeypatch.setattr(
        "kami_desktop.core.store.vault.os.fdopen", lambda fd, mode: Full(real_fdopen(fd, mode))
    )
    with pytest.raises(OSError) as info:
        v.store_file(src)
    assert info.value.errno == errno.ENOSPC
    assert "磁盘空间不足" in str(info.value)
    assert list(v.tmp.iterdir()) == [] and list(v.iter_blob_paths()) == []


def test_open_cleans_temp_files_and_undoes_uncommitted_imports(data_dir):
    with Profile.open(data_dir) as p:
        (p.vault.tmp / "in-123.part").write_bytes(b"half")
        stored = p.vault.store_bytes(b"never committed")  # marker written, no DB row
        assert p.vault.path_for(stored.sha256).exists()
    with Profile.open(data_dir) as p:
        assert list(p.vault.tmp.iterdir()) == []
        assert not p.vault.path_for(stored.sha256).exists()
        assert list(p.vault.journal.iterdir()) == []


def test_path_for_refuses_non_hash_names(tmp_path):
    v = Vault(tmp_path / "vault")
    with pytest.raises(ValueError):
        v.path_for("../../etc/passwd")


def test_read_capped_names_the_file_and_the_reason(tmp_path):
    from kami_desktop.core.bills import BillError
    from kami_desktop.core.util.fsutil import read_capped

    small = tmp_path / "账单.csv"
    small.write_bytes(b"abc")
    assert read_capped(small, 10, BillError) == b"abc"
    with pytest.raises(BillError, match="账单.csv.*文件过大"):
        read_capped(small, 2, BillError)
    with pytest.raises(BillError, match="无法读取"):
        read_capped(tmp_path / "gone.csv", 10, BillError)
