"""Run core jobs off the GUI thread: ``TaskWorker`` (a QRunnable) plus its signals.

Every long core job is a plain function taking ``progress(done, total, label)`` and ``cancel``
keyword arguments (see ``kami_desktop.core.tasks``). ``TaskWorker`` calls it on a QThreadPool
thread and turns what happens into Qt signals delivered on the GUI thread:

- ``progress(done, total, label)`` — throttled: at most one every ``min_interval`` seconds
  (default 0.05 s, i.e. ≤ 20 per second), but the first and the last (done == total) always go out;
- ``result(object)`` — the job's return value;
- ``error(TaskFailure)`` — the exception and its formatted traceback;
- ``finished()`` — always, after result or error.

Usage::

    worker = start_task(import_paths, profile, case_id, paths,
                        on_result=self._imported, on_error=self._failed, on_progress=bar.update)
    cancel_button.clicked.connect(worker.cancel)

Jobs without a ``progress`` or ``cancel`` parameter: pass ``with_progress=False`` /
``with_cancel=False``. The worker keeps itself alive until ``finished`` has been emitted.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kami_desktop.core.tasks import CancelToken

_LIVE: set[TaskWorker] = set()
_LIVE_LOCK = threading.Lock()


@dataclass
class TaskFailure:
    """What went wrong in a worker: the exception object and its traceback text."""

    exception: BaseException
    traceback: str


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class TaskWorker(QRunnable):
    """Runs ``fn(*args, progress=..., cancel=..., **kwargs)`` on a pool thread."""

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        min_interval: float = 0.05,
        with_progress: bool = True,
        with_cancel: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.min_interval = min_interval
        self.with_progress = with_progress
        self.with_cancel = with_cancel
        self.token = CancelToken()
        self.signals = TaskSignals()
        self.done = threading.Event()
        self._last_emit = 0.0
        self._last_seen: tuple[int, int, str] | None = None

    # -- controls, called from the GUI thread
    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has ended (for shutdown and tests)."""
        return self.done.wait(timeout)

    # -- the pool thread
    def _progress(self, done: int, total: int, label: str) -> None:
        stamp = time.monotonic()
        self._last_seen = (done, total, label)
        final = total > 0 and done >= total
        if final or self._last_emit == 0.0 or stamp - self._last_emit >= self.min_interval:
            self._last_emit = stamp
            self._last_seen = None
            self.signals.progress.emit(int(done), int(total), str(label))

    def run(self) -> None:
        kwargs = dict(self.kwargs)
        if self.with_progress:
            kwargs["progress"] = self._progress
        if self.with_cancel:
            kwargs["cancel"] = self.token
        try:
            value = self.fn(*self.args, **kwargs)
        except BaseException as exc:  # reported to the GUI, never lost
            self.signals.error.emit(TaskFailure(exc, traceback.format_exc()))
        else:
            if self._last_seen is not None:
                self.signals.progress.emit(*self._last_seen)
            self.signals.result.emit(value)
        finally:
            self.done.set()
            self.signals.finished.emit()


def start_task(
    fn: Callable[..., Any],
    *args: Any,
    on_result: Callable[[Any], None] | None = None,
    on_error: Callable[[TaskFailure], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
    **kwargs: Any,
) -> TaskWorker:
    """Create a TaskWorker, connect the callbacks (run on the GUI thread) and start it."""
    worker = TaskWorker(fn, *args, **kwargs)
    if on_progress is not None:
        worker.signals.progress.connect(on_progress)
    if on_result is not None:
        worker.signals.result.connect(on_result)
    if on_error is not None:
        worker.signals.error.connect(on_error)
    if on_finished is not None:
        worker.signals.finished.connect(on_finished)
    with _LIVE_LOCK:
        _LIVE.add(worker)
    worker.signals.finished.connect(lambda w=worker: _release(w))
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker


def _release(worker: TaskWorker) -> None:
    with _LIVE_LOCK:
        _LIVE.discard(worker)


def running_workers() -> list[TaskWorker]:
    with _LIVE_LOCK:
        return list(_LIVE)


def cancel_and_wait_all(timeout: float = 10.0) -> None:
    """Ask every running job to stop and wait for them (on shutdown, so no job writes after close)."""
    workers = running_workers()
    for w in workers:
        w.cancel()
    deadline = time.monotonic() + timeout
    for w in workers:
        w.wait(max(0.0, deadline - time.monotonic()))


def guarded(obj: QObject, fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a callback so it does nothing once ``obj`` (a widget) has been deleted."""
    import shiboken6

    def call(*args: Any) -> Any:
        if shiboken6.isValid(obj):
            return fn(*args)
        return None

    return call
