"""CLI start-up: wall time of short `kami` commands vs baselines measured in the same run.

- `kami --version` and `kami legal uscc …` (pure functions) vs the bare interpreter `python -c pass`
  (target ≤ 2×);
- `kami case list` and `kami verify` on an empty profile vs `python -c "import sqlalchemy.orm"`
  (target ≤ 1.3×): they need the database layer, and nothing else. ``kami`` starts with the collector
  waiting until the profile is open (``cli.run``); the same import under that policy is printed too, so
  the figure that shows what kami itself adds is there as well.

Every command runs in a fresh process exactly as the `kami` script starts it. The commands take turns
(one round runs each once) so a busy machine slows them all alike; the median of the rounds is reported,
as wall time and as the CPU time the process used (steadier when other work shares the machine).
Prints figures; asserts nothing about time.  Run: python bench/cli_startup.py [ROUNDS]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KAMI = "import sys; from kami_desktop.cli import run; sys.exit(run())"  # what the `kami` script runs
USCC = "91330100716105852F"
ORM_SAME_GC = "python -c 'import sqlalchemy.orm' (kami's start-up gc thresholds)"


def timed(env: dict[str, str], *argv: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child; 0 where the OS does not report it)."""
    c0, t0 = os.times(), time.perf_counter()
    subprocess.run([sys.executable, *argv], cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    wall, c1 = time.perf_counter() - t0, os.times()
    return wall, (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as tmp:
        # as installed: compiled bytecode is cached (in a private folder, whatever the environment says)
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        profile = str(Path(tmp) / "profile")
        runs: dict[str, list[str]] = {
            "python -c pass": ["-c", "pass"],
            "python -c 'import sqlalchemy.orm'": ["-c", "import sqlalchemy.orm"],
            ORM_SAME_GC: ["-c", "import gc; gc.set_threshold(100_000, 10, 10); import sqlalchemy.orm"],
            "kami --version": ["-c", KAMI, "--version"],
            f"kami legal uscc {USCC}": ["-c", KAMI, "legal", "uscc", USCC],
            "kami case list (empty profile)": ["-c", KAMI, "--data-dir", profile, "case", "list"],
            "kami verify (empty profile)": ["-c", KAMI, "--data-dir", profile, "verify"],
        }
        timed(env, *runs["kami case list (empty profile)"])  # creates and migrates the profile
        for argv in runs.values():  # compile the bytecode and warm the file cache
            timed(env, *argv)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for _ in range(rounds):
            for name, argv in runs.items():
                times[name].append(timed(env, *argv))
    wall = {name: statistics.median(w for w, _c in t) for name, t in times.items()}
    cpu = {name: statistics.median(c for _w, c in t) for name, t in times.items()}
    print(f"median of {rounds} rounds, each command in a fresh process; wall time (CPU time of the process)")
    bare, orm = "python -c pass", "python -c 'import sqlalchemy.orm'"
    for name in (bare, orm):
        print(f"baseline {name}: {wall[name] * 1000:.0f} ms ({cpu[name] * 1000:.0f} ms)")

    def ratio(name: str, base: str) -> str:
        cpu_ratio = f" ({cpu[name] / cpu[base]:.2f}x)" if cpu[base] else ""
        return f"{name}: {wall[name] * 1000:.0f} ms = {wall[name] / wall[base]:.2f}x{cpu_ratio}"

    for name in ("kami --version", f"kami legal uscc {USCC}"):
        print(f"{ratio(name, bare)} bare interpreter  [target <= 2x]")
    print(f"baseline {ORM_SAME_GC}: {wall[ORM_SAME_GC] * 1000:.0f} ms ({cpu[ORM_SAME_GC] * 1000:.0f} ms)")
    for name in ("kami case list (empty profile)", "kami verify (empty profile)"):
        print(f"{ratio(name, orm)} import sqlalchemy.orm  [target <= 1.3x]")
        # the same import under kami's start-up collector policy (cli.run): what kami itself adds
        print(f"    {ratio(name, ORM_SAME_GC)} the same import with kami's start-up collector policy")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
