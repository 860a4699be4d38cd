"""What every long job shares: a progress callback and a cancel flag (no Qt here)."""

from __future__ import annotations

import threading
from collections.abc import Callable

# progress(done, total, label): total may be 0 when unknown
Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, label: str) -> None:
    return None


class Cancelled(Exception):
    """Raised inside a job when its CancelToken was set."""


class CancelToken:
    """Thread-safe cancel flag; the GUI sets it, the job polls it."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def __call__(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
