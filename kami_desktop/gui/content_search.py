"""What the evidence tab's search box finds inside the evidence: OCR text of screenshots, the user's
words, chat messages and bill rows (``core.search``), listed under the box as 证据 N · kind · snippet.

The search runs on a worker; only the newest answer is shown. The index is kept current ahead of the
searches by ``SearchWarmup`` (owned by the case workspace): when a case opens and after every change of
it (an import, an edit, screenshots read) it brings the case's index up to date in a child process of
lower priority (``core.search.warm_process``: done on a thread of this process, its Python work held
the interpreter lock the GUI thread needs, and the window stalled for a second at a time on a big
case), so the first search of a big case does not wait for the 4–13 s it takes to index. Choosing a hit emits ``hit_chosen``: the evidence tab selects the exhibit and outlines an OCR
line on the image (``show_ocr_line``); the workspace takes chat and bill hits to their tabs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRectF, QThread, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kami_desktop.core.profile import Profile
from kami_desktop.core.search import Hit, search
from kami_desktop.core.search.warm_process import WarmProcess
from kami_desktop.gui.workers import TaskFailure, TaskWorker, guarded, start_task

log = logging.getLogger(__name__)

HIT_LIMIT = 100
WARM_DELAY_MS = 1500  # after the last request: the case's own views load first, a burst of edits is one


class SearchWarmup(QObject):
    """Brings a case's search index up to date in the background (``core.search.warm`` in the child of
    ``WarmProcess``, waited for on a pool thread): one job at a time, started ``WARM_DELAY_MS`` after the
    last request; a request while a job runs is done after it; a cancel kills the child. ``warmed(case_id, done)`` says that the index was current then
    (``done``: what the refresh had to do; nothing when it already was)."""

    warmed = Signal(int, object)

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.pool.setThreadPriority(QThread.Priority.LowestPriority)
        self.process = WarmProcess()
        self.destroyed.connect(self.process.terminate)  # e.g. a workspace let go of without shutdown()
        self.worker: TaskWorker | None = None
        self.pending: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WARM_DELAY_MS)
        self.timer.timeout.connect(self._start)

    def request(self, case_id: int | None) -> None:
        if case_id is None:
            return
        self.pending = case_id
        if self.worker is None:
            self.timer.start()

    def _start(self) -> None:
        if self.worker is not None or self.pending is None:
            return
        case_id, self.pending = self.pending, None
        self.worker = start_task(
            self.process.warm,
            self.profile.data_dir,
            case_id,
            pool=self.pool,
            with_progress=False,
            on_result=guarded(self, lambda done: None if done is None else self.warmed.emit(case_id, done)),
            on_error=guarded(self, self._failed),
            on_finished=guarded(self, self._finished),
        )

    def _failed(self, failure: TaskFailure) -> None:  # the search itself reports what is wrong
        log.warning("search index warm-up failed: %s", failure.exception)

    def _finished(self) -> None:
        self.worker = None
        if self.pending is not None:
            self.timer.start()

    def shutdown(self) -> None:
        """Stop (the child is killed: its index work is never committed), wait and end the child:
        before the profile is closed or moved."""
        self.timer.stop()
        self.pending = None
        if self.worker is not None:
            self.worker.cancel()
        self.pool.waitForDone(15000)
        self.process.close()


def find(profile: Profile, case_id: int, text: str) -> tuple[str, list[Hit]]:
    return text, search(profile, case_id, text, HIT_LIMIT)


class ContentSearchPane(QWidget):
    """The hits of one search text; hidden while there is none."""

    hit_chosen = Signal(object)  # Hit
    matched = Signal(object)  # set of exhibit ids with a hit (the tiles shown beside the name filter)

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.hits: list[Hit] = []
        self.text = ""
        self._generation = 0
        self.label = QLabel()
        self.label.setStyleSheet("color: #546e7a;")
        self.list = QListWidget()
        self.list.setMaximumHeight(170)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(lambda item: self.choose(self.list.row(item)))
        self.list.itemClicked.connect(lambda item: self.choose(self.list.row(item)))
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.label, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.list)
        self.hide()

    def kind_label(self, kind: str) -> str:
        return {
            "ocr": self.tr("截图文字"),
            "title": self.tr("名称"),
            "purpose": self.tr("证明目的"),
            "source": self.tr("来源"),
            "notes": self.tr("备注"),
            "tags": self.tr("标签"),
            "chat": self.tr("聊天记录"),
            "bill_row": self.tr("账单"),
        }.get(kind, kind)

    def run(self, case_id: int | None, text: str) -> None:
        """Search ``text`` in the case (off the GUI thread); an empty text clears the list."""
        self._generation += 1
        gen = self._generation
        text = text.strip()
        if case_id is None or not text:
            self._show(gen, text, [])
            return
        start_task(
            find,
            self.profile,
            case_id,
            text,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda res: self._show(gen, *res)),
            on_error=guarded(self, lambda failure: self._failed(gen, failure)),
        )

    def _show(self, gen: int, text: str, hits: list[Hit]) -> None:
        if gen != self._generation:
            return  # an older search answering late
        self.text, self.hits = text, hits
        self.list.clear()
        for hit in hits:
            item = QListWidgetItem(
                self.tr("证据 {n} · {kind} · {snippet}").format(
                    n=hit.exhibit_number, kind=self.kind_label(hit.kind), snippet=hit.snippet.marked()
                )
            )
            item.setToolTip(hit.exhibit_title)
            self.list.addItem(item)
        label = (
            self.tr("内容中找到 {n} 处以上，只列出前 {n} 处（点击查看所在位置）")
            if len(hits) >= HIT_LIMIT
            else self.tr("内容中找到 {n} 处（点击查看所在位置）")
        )
        self.label.setText(label.format(n=len(hits)))
        self.setVisible(bool(hits))
        self.matched.emit({h.exhibit_id for h in hits})

    def _failed(self, gen: int, failure: TaskFailure) -> None:
        if gen == self._generation:
            self.hits = []
            self.list.clear()
            self.label.setText(self.tr("内容搜索失败：{error}").format(error=failure.exception))
            self.show()
            self.matched.emit(set())

    def choose(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.list.setCurrentRow(row)
            self.hit_chosen.emit(self.hits[row])


def line_rect(hit: Hit) -> QRectF | None:
    """The OCR line's box as a rectangle in the image's pixels."""
    box = hit.box
    if box is None:
        return None
    left, top, right, bottom = box
    return QRectF(left, top, right - left, bottom - top)


def show_ocr_line(detail, hit: Hit) -> None:
    """Show the hit's file in the detail panel with its line outlined (images; a PDF page is only shown)."""
    if hit.kind != "ocr" or not detail.show_file_of(hit.where.get("sha256", "")):
        return
    rect = line_rect(hit)
    viewer = detail.preview.image
    if rect is not None and hit.where.get("page", 0) == 0 and detail.preview.currentWidget() is viewer:
        viewer.set_highlights([rect])
