"""The smoke test's options (``kami-desktop --smoke-test [--smoke-log PATH] [--platform NAME] [--minimal]``) and
its log: a UTF-8 file flushed per line, mirrored to stderr when the process has one. ``kami_desktop.smoke``
runs the test and re-exports these names.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

DEFAULT_LOG_NAME = "kami-desktop-smoke.log"


def default_log_path() -> Path:
    return Path(tempfile.gettempdir()) / DEFAULT_LOG_NAME


def build_parser() -> argparse.ArgumentParser:
    """The smoke test's options (``kami-desktop --smoke-test [...]``); other arguments are ignored."""
    parser = argparse.ArgumentParser(prog="kami-desktop --smoke-test", add_help=False)
    parser.add_argument("--smoke-test", action="store_true", help="run the self-test and exit")
    parser.add_argument("--smoke-log", type=Path, default=None, help="UTF-8 log file of the run")
    parser.add_argument(
        "--platform",
        default=None,
        help="Qt platform plugin (offscreen by default; windows for the real desktop: a minimal run)",
    )
    parser.add_argument(
        "--minimal",
        action="store_true",
        help="only start-up, translations, SM3 and the main window (implied by a platform other than offscreen)",
    )
    return parser


def parse_smoke_args(argv: Sequence[str]) -> argparse.Namespace:
    args, _unknown = build_parser().parse_known_args(list(argv))
    return args


def log_path_from_argv(argv: Sequence[str]) -> Path | None:
    """``--smoke-log PATH`` or ``--smoke-log=PATH`` from the command line, else ``KAMI_SMOKE_LOG``."""
    path = parse_smoke_args(argv).smoke_log
    if path is not None:
        return Path(path)
    env = os.environ.get("KAMI_SMOKE_LOG")
    return Path(env) if env else None


class SmokeLog:
    """Writes to the log file (flushed per line) and to stderr when the process has one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file: TextIO = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()
        self.t0 = time.monotonic()

    def __call__(self, message: str) -> None:
        line = f"[{time.monotonic() - self.t0:7.2f}s] {message}"
        self.file.write(line + "\n")
        self.file.flush()
        err = sys.stderr
        if err is not None:
            try:
                err.write(line + "\n")
                err.flush()
            except (OSError, ValueError, UnicodeError):
                pass

    def close(self) -> None:
        self.file.close()
