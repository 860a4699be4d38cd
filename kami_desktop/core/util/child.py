"""Starting and ending a helper child process (the OCR reader, the search warm-up): the same steps for
each, so every one starts as the frozen app expects and none is left running or holding a pipe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def end_child(proc: subprocess.Popen[bytes]) -> None:
    """Kill the child if it still runs, wait for it and close its pipes: it is gone when this returns."""
    try:
        proc.kill()
        proc.wait(timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        pass
    for pipe in (proc.stdin, proc.stdout):
        try:
            if pipe is not None:
                pipe.close()
        except OSError:
            pass


def ask_to_leave(proc: subprocess.Popen[bytes], wait: float = 5) -> None:
    """Close the child's stdin (its cue to exit) and give it ``wait`` seconds; ``end_child`` after."""
    try:
        if proc.stdin is not None:
            proc.stdin.close()
        proc.wait(timeout=wait)
    except (OSError, subprocess.TimeoutExpired):
        pass


def child_command(command: str, module: str) -> list[str]:
    """How to start a helper child: ``kami <command>`` (the console program beside a frozen app), else
    ``python -m <module>`` from the source."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable).with_name("kami.exe" if sys.platform == "win32" else "kami")
        return [str(exe), command]
    return [sys.executable, "-m", module]


def spawn(command: list[str]) -> subprocess.Popen[bytes]:
    """Start a helper child with pipes on all three streams, below normal priority and without a console
    window on Windows. ``OSError`` when the program is missing (the caller says what it was for)."""
    flags = 0
    if sys.platform == "win32":
        flags = subprocess.CREATE_NO_WINDOW | subprocess.BELOW_NORMAL_PRIORITY_CLASS
    return subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        creationflags=flags,
    )
