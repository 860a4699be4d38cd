"""Ending a helper child process (the OCR reader, the search warm-up): the same steps for each, so none
is left running or holding a pipe."""

from __future__ import annotations

import subprocess


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
