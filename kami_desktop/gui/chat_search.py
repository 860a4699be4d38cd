"""Search in the chat shown on the 聊天记录 tab: the text typed (searched as it settles), the hits marked
in the bubbles, 上一处 / 下一处 (Enter: the next) scroll to one, and “n/m” says where. The hits are the
model's (``ChatMessageModel.search``); the tab lays out the widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QListView, QToolButton

from kami_desktop.gui.chat_message_model import ChatMessageModel


class ChatSearch(QObject):
    def __init__(self, model: ChatMessageModel, view: QListView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model, self.view = model, view
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("搜索消息（回车：下一处）"))
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.run)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(lambda: self.step(1))
        self.prev_button = QToolButton()
        self.prev_button.setText(self.tr("上一处"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton()
        self.next_button.setText(self.tr("下一处"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.hit_label = QLabel()

    def active(self) -> bool:
        return bool(self.edit.text().strip())

    def run(self) -> None:
        """Search the model for the text typed and go to the first hit."""
        hits = self.model.search(self.edit.text())
        if hits:
            self._go_to(hits[0])
        self._show_hits()

    def step(self, step: int) -> None:
        """Go to the next (1) or the previous (-1) hit, round the end."""
        hits = self.model.hits
        if not hits:
            return
        cur = self.model.current_hit
        i = hits.index(cur) if cur in hits else -1
        self._go_to(hits[(i + step) % len(hits)])
        self._show_hits()

    def _go_to(self, row: int) -> None:
        self.model.set_current_hit(row)
        self.view.scrollTo(self.model.index(row), QAbstractItemView.ScrollHint.PositionAtCenter)

    def _show_hits(self) -> None:
        hits, cur = self.model.hits, self.model.current_hit
        if not self.active():
            self.hit_label.setText("")
        elif not hits:
            self.hit_label.setText(self.tr("没有找到"))
        else:
            at = hits.index(cur) + 1 if cur is not None else 0
            self.hit_label.setText(f"{at}/{len(hits)}")
