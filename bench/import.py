"""Import benchmark: 1,000 phone screenshots vs `cp` + `openssl dgst -sha256` + `openssl dgst -sm3`.

Prints wall times and the ratio (target ≤ 1.3×). Asserts nothing about time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._corpus import screenshots  # noqa: E402


def drop_caches_hint() -> None:
    # both sides read from the page cache: warm it once so neither pays the first disk read
    for p in FILES:
        p.read_bytes()


def baseline(work: Path) -> float:
    dst = work / "copy"
    dst.mkdir()
    t = time.perf_counter()
    subprocess.run(["cp", *map(str, FILES), str(dst)], check=True)
    subprocess.run(["openssl", "dgst", "-sha256", *map(str, FILES)], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["openssl", "dgst", "-sm3", *map(str, FILES)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def kami_import(work: Path) -> tuple[float, int]:
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.importer import import_paths
    from kami_desktop.core.profile import Profile

    with Profile.open(work / "profile") as prof:
        with prof.session() as s:
            cid = create_case(s, "基准测试").id
        t = time.perf_counter()
        report = import_paths(prof, cid, [FILES[0].parent])
        elapsed = time.perf_counter() - t
    assert not report.errors, report.errors[:3]
    return elapsed, len(report.imported)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    t0 = time.perf_counter()
    FILES = screenshots(n)
    gen = time.perf_counter() - t0
    size_mb = sum(p.stat().st_size for p in FILES) / 1e6
    drop_caches_hint()
    with tempfile.TemporaryDirectory(dir=Path(__file__).parent / ".cache") as tmp:
        base = baseline(Path(tmp))
        ours, count = kami_import(Path(tmp))
        shutil.rmtree(Path(tmp) / "copy", ignore_errors=True)
    print(f"files: {count}  total: {size_mb:.0f} MB  (corpus ready in {gen:.1f} s)")
    print(f"baseline cp + openssl sha256 + openssl sm3: {base:.2f} s")
    print(f"kami import (vault, SHA-256+SM3, sniff, EXIF, DB, ledger): {ours:.2f} s")
    print(f"ratio import/baseline: {ours / base:.2f}x  (target <= 1.3x)")
