"""Screenshots read in the background: ``OcrRunner`` runs ``core.ocr.job.read_case`` on a worker of its
own (one job at a time, one OCR thread), with a status-bar strip (正在识别截图文字 12/50, 停止识别).

The main window asks for a case to be read when it opens the case and after each import; a request
while a job runs is queued and runs next (the job itself skips what is already read). A user's 停止
stops the running job between pages and drops the queue; what was read stays. The setting
``ocr/auto`` (default on; 设置 → 导入截图后自动识别文字) turns the automatic reading off.

The pages are read in a child process (``core.ocr.reader_process.ReaderProcess``): the engine's memory
and CPU stay out of the window's process; the rows are stored here by the job. 停止 also ends the child
(the page it was reading is read next time); the child is ended too when no job has run for
``IDLE_CLOSE_MS`` (its few hundred MB go with it) and at shutdown. A child that hangs on a page is
killed after the page's limit and the job goes on (the page is a failed one, 识别超时); what the child
writes to its stderr goes to ``logs/ocr-reader.log``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSettings, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.errors import UserError
from kami_desktop.core.ocr.job import OcrSummary, read_case
from kami_desktop.core.ocr.reader_process import ReaderProcess
from kami_desktop.core.profile import Profile
from kami_desktop.gui.settings_dialog import ocr_auto
from kami_desktop.gui.workers import TaskFailure, TaskWorker, start_task

log = logging.getLogger(__name__)

IDLE_CLOSE_MS = 60_000  # the reading process ends after this long without a job


class OcrProgress(QWidget):
    """The status-bar strip: what is being read, a bar, and 停止识别."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.case_title = ""  # whose screenshots: the job goes on when the user opens another case
        self.bar = QProgressBar()
        self.bar.setFixedWidth(160)
        self.cancel_button = QPushButton(self.tr("停止识别"))
        self.cancel_button.setToolTip(self.tr("已识别的文字会保留，下次打开案件时继续识别其余截图"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_button)
        self.hide()

    def update_progress(self, done: int, total: int, _name: str) -> None:
        if total <= 0 or done >= total:
            self.hide()
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        text = self.tr("正在识别截图文字 {done}/{total}").format(done=done, total=total)
        if self.case_title:
            text += self.tr("（{case}）").format(case=self.case_title)
        self.label.setText(text)
        self.cancel_button.setEnabled(True)
        self.show()


class OcrRunner(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # OcrSummary, after a job that did not fail
    message = Signal(str)  # for the status bar

    def __init__(self, profile: Profile, settings: QSettings, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.settings = settings
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.worker: TaskWorker | None = None
        self.running_case: int | None = None
        self._queue: list[int] = []
        self._asked: set[int] = set()  # queued cases the user asked for (they get an answer even if idle)
        self._running_asked = False
        self._summary: OcrSummary | None = None
        self.reader = ReaderProcess(logs_dir=profile.logs_dir)  # its stderr: logs/ocr-reader.log
        self._stopped = False
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_CLOSE_MS)
        self.idle.timeout.connect(self._close_reader)
        self.strip = OcrProgress()
        self.strip.cancel_button.clicked.connect(self.cancel)
        self.progress.connect(self.strip.update_progress)

    @property
    def enabled(self) -> bool:
        return ocr_auto(self.settings)

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def request(self, case_id: int | None, *, asked: bool = False) -> None:
        """Read what is unread in the case, now or after the running job: on its own only when the
        ``ocr/auto`` setting allows, always when the user ``asked`` (证据 → 识别截图文字)."""
        if case_id is None or not (self.enabled or asked):
            return
        if case_id not in self._queue:
            self._queue.append(case_id)
        if asked:
            self._asked.add(case_id)
        self._next()

    def cancel(self) -> None:
        """Stop the running job between pages (what is read stays) and forget the queued ones."""
        self._queue.clear()
        self._asked.clear()
        if self.worker is not None:
            self.worker.cancel()
            self.reader.terminate()  # the page being read is dropped, read again next time
            self._stopped = True  # and a child started meanwhile ends with the job
            self.strip.cancel_button.setEnabled(False)
            self.strip.label.setText(self.tr("正在停止识别…"))

    def shutdown(self) -> None:
        self.cancel()
        self.idle.stop()
        self.pool.waitForDone(30000)
        self.reader.close()

    def _close_reader(self) -> None:
        if self.worker is None:
            self.reader.close()

    def _next(self) -> None:
        if self.worker is not None or not self._queue:
            return
        case_id = self._queue.pop(0)
        self.running_case = case_id
        self._running_asked = case_id in self._asked
        self._asked.discard(case_id)
        self.strip.case_title = self._title(case_id)
        self.idle.stop()
        self.worker = start_task(
            read_case,
            self.profile,
            case_id,
            pool=self.pool,
            min_interval=0.25,
            on_progress=self.progress.emit,
            on_result=self._done,
            on_error=self._failed,
            on_finished=self._finished,
            reader=self.reader,
        )

    def _title(self, case_id: int) -> str:
        try:
            with self.profile.session() as s:
                return get_case(s, case_id).title
        except UserError:
            return ""

    def _done(self, summary: OcrSummary) -> None:
        if summary.cancelled:
            self.message.emit(self.tr("已停止识别截图文字（已识别的会保留）"))
        elif summary.read or summary.failed:
            text = self.tr("截图文字识别完成：{read} 个文件").format(read=summary.read)
            if summary.failed:
                text += self.tr("，{failed} 个无法识别").format(failed=summary.failed)
            self.message.emit(text)
        elif self._running_asked:  # asked from the menu: an answer rather than nothing at all
            self.message.emit(self.tr("没有需要识别的截图：本案的截图文字都已识别"))
        self._summary = summary

    def _failed(self, failure: TaskFailure) -> None:
        if isinstance(failure.exception, UserError):
            self.message.emit(self.tr("无法识别截图文字：{reason}").format(reason=str(failure.exception)))
        else:
            log.error("OCR job failed:\n%s", failure.traceback)
            self.message.emit(self.tr("识别截图文字时出错，详情见日志"))
        self._queue.clear()
        self._asked.clear()

    def _finished(self) -> None:
        self.worker = None
        self.running_case = None
        self._running_asked = False
        self.strip.hide()
        if self._stopped:
            self._stopped = False
            self.reader.close()
        summary, self._summary = self._summary, None
        if summary is not None:
            self.finished.emit(summary)  # once the runner is idle again
        self._next()
        if self.worker is None:
            self.idle.start()
