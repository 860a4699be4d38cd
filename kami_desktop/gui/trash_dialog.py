"""回收站 of a case: trashed exhibits with 恢复 and 彻底删除 (purge, which frees unused originals)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.rows import exhibit_rows
from kami_desktop.gui import messages
from kami_desktop.gui.evidence_model import EvidenceModel
from kami_desktop.gui.evidence_table import EvidenceTable


class TrashDialog(QDialog):
    changed = Signal()  # something was restored or purged
    purged = Signal()

    def __init__(
        self, profile: Profile, case_id: int, parent=None, restore: Callable[[list[int]], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id = case_id
        self._restore = restore or self._restore_directly  # the main window restores through its undo stack
        self.setWindowTitle(self.tr("回收站"))
        self.resize(760, 440)
        self.model = EvidenceModel(None, self)
        self.table = EvidenceTable()
        self.table.setDragEnabled(False)
        self.table.setAcceptDrops(False)
        self.table.setModel(self.model)
        self.info = QLabel()
        self.restore_button = QPushButton(self.tr("恢复所选"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self.tr("清空回收站…"))
        self.purge_button.clicked.connect(self.purge)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self.profile.session() as s:
            self.model.set_rows(exhibit_rows(s, self.case_id, trashed=True))
        n = self.model.exhibit_count()
        self.info.setText(self.tr("回收站里有 {n} 项证据").format(n=n) if n else self.tr("回收站是空的"))
        self.purge_button.setEnabled(n > 0)
        self.restore_button.setEnabled(n > 0)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r.id for r in (self.model.exhibit_at(x) for x in rows) if r is not None]

    def restore_selected(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            return []
        try:
            self._restore(ids)
        except messages.EXPECTED as exc:
            messages.show_error(self, exc)
        self.refresh()
        self.changed.emit()
        return ids

    def _restore_directly(self, ids: list[int]) -> None:
        with self.profile.session() as s:
            for i in reversed(ids):  # the last trashed first: each back between its old neighbours
                X.restore(s, i)

    def purge(self) -> dict | None:
        if not messages.ask(
            self,
            self.tr("清空回收站"),
            self.tr(
                "彻底删除回收站中的 {n} 项证据？不再被任何证据使用的原始文件也会从证据库删除，"
                "此操作不能撤销（存证日志会记录）。"
            ).format(n=self.model.exhibit_count()),
        ):
            return None
        try:
            result = X.purge(self.profile, self.case_id)
        except Exception as exc:
            messages.show_error(self, exc)
            return None
        self.refresh()
        self.changed.emit()
        self.purged.emit()
        return result
