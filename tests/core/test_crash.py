"""SIGKILL an import at random moments, many times; the profile must always reopen clean."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Blob

WORKER = r"""
import sys
from pathlib import Path
from kami_desktop.core.profile import Profile
from kami_desktop.core.evidence.importer import import_paths
prof = Profile.open(sys.argv[1])
print("ready", flush=True)
import_paths(prof, 1, [Path(sys.argv[2])])
print("done", flush=True)
"""

TRIALS = int(os.environ.get("KAMI_CRASH_TRIALS", "16"))


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_during_import_never_leaves_a_broken_profile(data_dir, tmp_path):
    from kami_desktop.core.case.cases import create_case

    with Profile.open(data_dir) as p, p.session() as s:
        create_case(s, "崩溃测试")
    rng = random.Random(20261125)
    killed_mid_import = 0
    for trial in range(TRIALS):
        src = tmp_path / f"batch{trial}"
        src.mkdir()
        for i in range(24):
            (src / f"f{i:02d}.bin").write_bytes(rng.randbytes(rng.randint(200_000, 1_500_000)))
        proc = subprocess.Popen(
            [sys.executable, "-c", WORKER, str(data_dir), str(src)], stdout=subprocess.PIPE, encoding="utf-8"
        )
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_mid_import += 1
        proc.wait(timeout=60)

        with Profile.open(data_dir) as p:
            assert list(p.vault.tmp.iterdir()) == [], "leftover temp files were not cleaned on open"
            assert list(p.vault.journal.iterdir()) == []
            with p.session() as s:
                known = set(s.scalars(select(Blob.sha256)))
            on_disk = {}
            for name, path in p.vault.iter_blob_paths():
                on_disk[name] = hashlib.sha256(path.read_bytes()).hexdigest()
            assert all(name == digest for name, digest in on_disk.items()), "a partial blob is visible"
            assert known <= set(on_disk), "a row points at a missing blob"
            report = verify(p)
            assert report.ok, [x.detail for x in report.problems]
    assert killed_mid_import >= TRIALS // 2
