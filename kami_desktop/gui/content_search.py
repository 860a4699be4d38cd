"""What the evidence tab's search box finds inside the evidence: OCR text of screenshots, the user's
words, chat messages and bill rows (``core.search``), listed under the box as 证据 N · kind · snippet.

The search runs on a worker (the first one of a big case builds the index); only the newest answer is
shown. Choosing a hit emits ``hit_chosen``: the evidence tab selects the exhibit and outlines an OCR
line on the image (``show_ocr_line``); the workspace takes chat and bill hits to their tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kami_desktop.core.profile import Profile
from kami_desktop.core.search import Hit, search
from kami_desktop.gui.workers import TaskFailure, guarded, start_task

HIT_LIMIT = 100


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
