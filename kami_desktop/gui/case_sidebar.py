"""The sidebar: the list of cases with new / edit / archive, and a switch to show archived ones."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.cases import archive_case, counts, list_cases
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages
from kami_desktop.gui.case_dialog import CaseDialog


class CaseSidebar(QWidget):
    case_selected = Signal(object)  # case id or None, when the selection changes
    cases_changed = Signal()  # the list was refreshed (titles or counts may have changed)

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self._emitted: object = ...
        heading = QLabel(self.tr("案件"))
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.list = QListWidget()
        self.list.setObjectName("caseList")
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemDoubleClicked.connect(lambda _i: self.edit_case())
        self.new_button = QPushButton(self.tr("新建案件"))
        self.new_button.clicked.connect(self.new_case)
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.clicked.connect(self.edit_case)
        self.archive_button = QPushButton(self.tr("归档"))
        self.archive_button.clicked.connect(self.toggle_archive)
        self.show_archived = QCheckBox(self.tr("显示已归档"))
        self.show_archived.toggled.connect(lambda _c: self.refresh())
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.archive_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(heading)
        lay.addWidget(self.new_button)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.show_archived)
        self.dialog_factory = CaseDialog  # tests replace this
        self.refresh()

    def current_case_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_case_id()
        self.list.blockSignals(True)
        self.list.clear()
        with self.profile.session() as s:
            for case in list_cases(s, include_archived=self.show_archived.isChecked()):
                n = counts(s, case.id).exhibits
                platform = case.platform_name or self.tr("未填写平台")
                text = f"{case.title}\n{platform} · " + self.tr("{n} 项证据").format(n=n)
                if case.archived_at is not None:
                    text += self.tr("（已归档）")
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, case.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, case.archived_at is not None)
                self.list.addItem(item)
        row = next(
            (i for i in range(self.list.count()) if self.list.item(i).data(Qt.ItemDataRole.UserRole) == keep),
            0 if self.list.count() else -1,
        )
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._update_buttons()
        self.cases_changed.emit()
        self._emit_selection()

    def _current_changed(self, *_a) -> None:
        self._update_buttons()
        self._emit_selection()

    def _emit_selection(self) -> None:
        cid = self.current_case_id()
        if cid != self._emitted:
            self._emitted = cid
            self.case_selected.emit(cid)

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.edit_button.setEnabled(item is not None)
        self.archive_button.setEnabled(item is not None)
        archived = bool(item and item.data(Qt.ItemDataRole.UserRole + 1))
        self.archive_button.setText(self.tr("取消归档") if archived else self.tr("归档"))

    def new_case(self) -> int | None:
        dlg = self.dialog_factory(self.profile, None, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.refresh(select=dlg.case_id)
            return dlg.case_id
        return None

    def edit_case(self) -> None:
        cid = self.current_case_id()
        if cid is None:
            return
        dlg = self.dialog_factory(self.profile, cid, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.refresh(select=cid)

    def toggle_archive(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        cid = item.data(Qt.ItemDataRole.UserRole)
        archived = bool(item.data(Qt.ItemDataRole.UserRole + 1))
        if not archived and not messages.ask(
            self,
            self.tr("归档案件"),
            self.tr("归档后案件从列表中隐藏（勾选“显示已归档”可再看到），证据不会删除。确定归档？"),
        ):
            return
        with self.profile.session() as s:
            archive_case(s, cid, archived=not archived)
        self.refresh(select=cid if archived else None)
