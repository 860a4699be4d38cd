"""Before a chat export is imported: who in it is the user (本人) and, in group chats, who is the platform's
staff (平台客服) — chosen from the senders the export shows (name, aliases, QQ number / wxid, message
count), never typed. Everybody else in a group chat is another user (其他用户)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.chats.speakers import Sender

ME_COL, STAFF_COL = 0, 1


class SendersDialog(QDialog):
    def __init__(self, senders: list[Sender], file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.senders = list(senders)
        self.setWindowTitle(self.tr("谁是本人"))
        intro = QLabel(
            self.tr(
                "《{name}》中有以下发送者。请勾选哪些是你本人（同一个人在私聊和群聊中的名字可能不同，可勾选多个）；"
                "群聊中若有平台客服，请勾选“平台客服”。群聊中的其他人按“其他用户”处理，"
                "他们的话不会被当作平台的答复或你的陈述。"
            ).format(name=file_name)
        )
        intro.setWordWrap(True)
        headers = [
            self.tr("本人"),
            self.tr("平台客服（群聊）"),
            self.tr("名称"),
            self.tr("号码"),
            self.tr("别名"),
            self.tr("消息数"),
            self.tr("会话"),
        ]
        self.table = QTableWidget(len(self.senders), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, x in enumerate(self.senders):
            for col, checked in ((ME_COL, x.is_me), (STAFF_COL, False)):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                box.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.table.setItem(row, col, box)
            values = [x.name, x.sender_id, "、".join(x.aliases), str(x.messages), "、".join(x.conversations)]
            for col, value in enumerate(values, start=2):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.table.itemChanged.connect(self._exclusive)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(760, 420)

    def _exclusive(self, item: QTableWidgetItem) -> None:
        """A sender is either the user or staff, not both."""
        if item.column() not in (ME_COL, STAFF_COL) or item.checkState() != Qt.CheckState.Checked:
            return
        other = self.table.item(item.row(), STAFF_COL if item.column() == ME_COL else ME_COL)
        if other is not None and other.checkState() == Qt.CheckState.Checked:
            other.setCheckState(Qt.CheckState.Unchecked)

    def check(self, key: str, column: int = ME_COL, on: bool = True) -> None:
        row = next(i for i, x in enumerate(self.senders) if x.key == key)
        item = self.table.item(row, column)
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self, column: int) -> list[str]:
        """Sender keys (the id when there is one, else the name) ticked in ``column``."""
        out = []
        for row, x in enumerate(self.senders):
            item = self.table.item(row, column)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(x.key)
        return out

    def choice(self) -> tuple[list[str], list[str]]:
        return self.chosen(ME_COL), self.chosen(STAFF_COL)

    @classmethod
    def ask(
        cls, parent: QWidget | None, senders: list[Sender], file_name: str
    ) -> tuple[list[str], list[str]] | None:
        dialog = cls(senders, file_name, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
