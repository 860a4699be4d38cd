"""Run a piece of code in a fresh interpreter whose address space is capped (``RLIMIT_AS``), so a parser
that would exhaust the machine fails there, not here. The code fills ``out`` (printed as JSON) and may call
``peak_mib()``; the peak RSS at the end is added as ``peak_mib``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PRELUDE = """
import json, resource, sys
_limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (_limit, _limit))
args = sys.argv[2:]
out = {}
"""
EPILOGUE = """
out["peak_mib"] = peak_mib()
print(json.dumps(out, ensure_ascii=False))
"""
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork and exec, so it would report the test runner's peak
PEAK = """
def peak_mib():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) // 1024
"""


def run_bounded(code: str, *args: object, limit: int = 1 << 30, timeout: float = 600) -> dict:
    """``code`` sees ``args`` (strings) and fills the dict ``out``; returns it with ``peak_mib``."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the memory ceiling needs Linux (RLIMIT_AS, /proc/self/status)")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-c", PRELUDE + PEAK + code + EPILOGUE, str(limit), *map(str, args)],
        capture_output=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])
