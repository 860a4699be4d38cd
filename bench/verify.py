"""Verify benchmark: `kami verify` throughput vs `openssl dgst -sha256` over the same vault (target ≥ 0.9×)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._corpus import screenshots  # noqa: E402

if __name__ == "__main__":
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.importer import import_paths
    from kami_desktop.core.evidence.verify import verify
    from kami_desktop.core.profile import Profile

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    files = screenshots(n)
    with (
        tempfile.TemporaryDirectory(dir=Path(__file__).parent / ".cache") as tmp,
        Profile.open(Path(tmp) / "profile") as prof,
    ):
        with prof.session() as s:
            cid = create_case(s, "基准测试").id
        import_paths(prof, cid, [files[0].parent])
        blobs = [str(p) for _, p in prof.vault.iter_blob_paths()]
        total_mb = sum(Path(b).stat().st_size for b in blobs) / 1e6
        for b in blobs:  # warm the page cache for both sides
            Path(b).read_bytes()
        t = time.perf_counter()
        subprocess.run(["openssl", "dgst", "-sha256", *blobs], check=True, stdout=subprocess.DEVNULL)
        base = time.perf_counter() - t
        t = time.perf_counter()
        report = verify(prof)
        ours = time.perf_counter() - t
        assert report.ok, report.problems[:3]
    print(f"blobs: {len(blobs)}  total: {total_mb:.0f} MB")
    print(f"openssl dgst -sha256: {base:.2f} s  ({total_mb / base:.0f} MB/s)")
    print(
        f"kami verify (SHA-256, sizes, ledger cross-check, chain): {ours:.2f} s  ({total_mb / ours:.0f} MB/s)"
    )
    print(f"throughput ratio verify/openssl: {base / ours:.2f}x  (target >= 0.9x)")
