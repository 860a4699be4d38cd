"""The messages of one stored chat as a list model (one row per message), with search hits.

``load_messages`` runs off the GUI thread and returns light immutable rows; ``data()`` never touches
the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from kami_desktop.core.chats.store import chat_messages, role_of
from kami_desktop.core.profile import Profile
from kami_desktop.gui.formatting import local_time

MessageRole = Qt.ItemDataRole.UserRole + 1
HitRole = Qt.ItemDataRole.UserRole + 2
CurrentHitRole = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True, slots=True)
class MessageRow:
    seq: int
    line: int
    time: datetime
    sender: str
    is_me: bool
    kind: str
    text: str
    id: int = 0  # chat_messages.id (a claim item links to it)
    role: str = ""  # me | platform | other | system (core.chats.speakers)
    voice: str = ""  # a voice message: the line saying which exhibit holds its recording (gui/chat_voice)
    voice_exhibit: int = 0  # that exhibit's id, 0 when the recording is not in the case
    voice_sha256: str = ""  # the recording's hash, for its playable copy


def load_messages(profile: Profile, chat_id: int) -> tuple[int, list[MessageRow]]:
    with profile.session() as s:
        rows = [
            MessageRow(m.seq, m.line, m.time, m.sender, m.is_me, m.kind, m.text, m.id, role_of(m))
            for m in chat_messages(s, chat_id)
        ]
    return chat_id, rows


class ChatMessageModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[MessageRow] = []
        self.hits: list[int] = []  # model rows matching the search, in order
        self._hit_set: set[int] = set()
        self.current_hit: int | None = None  # model row

    def set_rows(self, rows: list[MessageRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.hits, self._hit_set, self.current_hit = [], set(), None
        self.endResetModel()

    def search(self, text: str) -> list[int]:
        """Mark the messages whose text or sender contains ``text`` (case-insensitive); returns their rows."""
        needle = text.strip().casefold()
        self.hits = [
            i
            for i, m in enumerate(self.rows)
            if needle and (needle in m.text.casefold() or needle in m.sender.casefold())
        ]
        self._hit_set = set(self.hits)
        self.current_hit = self.hits[0] if self.hits else None
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1), [HitRole, CurrentHitRole])
        return self.hits

    def set_current_hit(self, row: int | None) -> None:
        old = self.current_hit
        self.current_hit = row
        for r in (old, row):
            if r is not None and 0 <= r < len(self.rows):
                self.dataChanged.emit(self.index(r), self.index(r), [CurrentHitRole])

    def seq_of(self, row: int) -> int:
        return self.rows[row].seq

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        m = self.rows[index.row()]
        if role == MessageRole:
            return m
        if role == Qt.ItemDataRole.DisplayRole:
            return m.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("第 {seq} 条 · {time} · 原文件第 {line} 行").format(
                seq=m.seq, time=local_time(m.time, seconds=True), line=m.line
            ) + (f"\n{m.voice}" if m.voice else "")
        if role == HitRole:
            return index.row() in self._hit_set
        if role == CurrentHitRole:
            return index.row() == self.current_hit
        return None
