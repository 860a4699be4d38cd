"""Imports from anywhere (drop, paste, Ctrl+O) run here, one batch at a time, in the background.

``import_files(case_id, paths)`` and ``paste_image(case_id, image)`` queue a job; the job runs
``core.evidence.importer.import_paths`` / ``import_bytes`` on a worker with a CancelToken and throttled
progress. ``finished(report, kind)`` fires on the GUI thread for each batch.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QThreadPool, Signal
from PySide6.QtGui import QImage

from kami_desktop.core.evidence.importer import CLIPBOARD_SOURCE, ImportReport, import_bytes, import_paths
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.timeutil import now
from kami_desktop.gui.workers import TaskFailure, TaskWorker, start_task

KIND_FILES, KIND_PASTE = "files", "paste"


def png_bytes(image: QImage) -> bytes:
    """Encode an image as PNG (safe off the GUI thread)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    # the stub wants bytes for the format, PySide6 takes only str here
    if not image.save(buf, "PNG"):  # type: ignore[call-overload]
        raise ValueError("image could not be encoded as PNG")
    buf.close()
    return bytes(data.data())


def paste_job(profile: Profile, case_id: int, image: QImage, progress=None, cancel=None) -> ImportReport:
    stamp = now()
    name = f"剪贴板截图_{stamp:%Y%m%d_%H%M%S}.png"
    if progress:
        progress(0, 1, name)
    report = import_bytes(
        profile, case_id, png_bytes(image), name, source=CLIPBOARD_SOURCE, captured_at=stamp
    )
    if progress:
        progress(1, 1, name)
    return report


class ImportController(QObject):
    started = Signal(str)  # kind
    progress = Signal(int, int, str)
    finished = Signal(object, str)  # ImportReport, kind
    failed = Signal(object)  # TaskFailure
    busy_changed = Signal(bool)

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._queue: deque[tuple[str, int, object]] = deque()
        self.worker: TaskWorker | None = None

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def import_files(self, case_id: int, paths: Sequence[str | Path]) -> None:
        if paths:
            self._queue.append((KIND_FILES, case_id, [str(p) for p in paths]))
            self._next()

    def paste_image(self, case_id: int, image: QImage) -> None:
        if not image.isNull():
            self._queue.append((KIND_PASTE, case_id, image.copy()))
            self._next()

    def cancel(self) -> None:
        """Stop the running batch (what is already stored stays) and drop the queued ones."""
        self._queue.clear()
        if self.worker is not None:
            self.worker.cancel()

    def _next(self) -> None:
        if self.worker is not None or not self._queue:
            return
        kind, case_id, payload = self._queue.popleft()
        fn = paste_job if kind == KIND_PASTE else import_paths
        self.worker = start_task(
            fn,
            self.profile,
            case_id,
            payload,
            pool=self.pool,
            on_progress=self.progress.emit,
            on_result=lambda report: self.finished.emit(report, kind),
            on_error=self._error,
            on_finished=self._done,
        )
        self.started.emit(kind)
        self.busy_changed.emit(True)

    def _error(self, failure: TaskFailure) -> None:
        self.failed.emit(failure)

    def _done(self) -> None:
        self.worker = None
        if self._queue:
            self._next()
        else:
            self.busy_changed.emit(False)

    def shutdown(self) -> None:
        self.cancel()
        self.pool.waitForDone(15000)
