"""The timeline of a case's facts (时间线): sorted by time, disputed facts marked, linked exhibit numbers;
add / edit / remove, and the suggestions from bills and chats below."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.facts import TimelineEntry, remove_fact, timeline
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages
from kami_desktop.gui.fact_dialog import FactDialog
from kami_desktop.gui.fact_suggestions_panel import FactSuggestionsPanel
from kami_desktop.gui.formatting import join_list, local_time
from kami_desktop.gui.ladder_style import foreground

_KINDS = (
    QT_TRANSLATE_NOOP("FactKinds", "充值"),
    QT_TRANSLATE_NOOP("FactKinds", "扣款"),
    QT_TRANSLATE_NOOP("FactKinds", "未到账/未交付"),
    QT_TRANSLATE_NOOP("FactKinds", "申请退款"),
    QT_TRANSLATE_NOOP("FactKinds", "平台答复"),
    QT_TRANSLATE_NOOP("FactKinds", "退款"),
    QT_TRANSLATE_NOOP("FactKinds", "投诉"),
    QT_TRANSLATE_NOOP("FactKinds", "起诉"),
    QT_TRANSLATE_NOOP("FactKinds", "其他"),
)


class TimelinePanel(QWidget):
    changed = Signal()

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.entries: list[TimelineEntry] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("类型"), self.tr("经过"), self.tr("证据"), self.tr("争议")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("记录事实…"))
        self.add_button.clicked.connect(self.add_fact)
        self.edit_button = QPushButton(self.tr("修改…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.clicked.connect(self.remove_selected)
        bar = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            bar.addWidget(b)
        bar.addStretch(1)
        self.suggestions = FactSuggestionsPanel(profile, self)
        self.suggestions.changed.connect(self.changed)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(bar)
        tl.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.suggestions)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setEnabled(self.case_id is not None)
        if self.case_id is None:
            self.entries = []
        else:
            with self.profile.session() as s:
                self.entries = timeline(s, self.case_id)
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            numbers = join_list(
                self.tr("证据%1").replace("%1", str(x.number)) if x.number else self.tr("（已删除）")
                for x in e.exhibits
            )
            cells = [
                local_time(e.occurred_at),
                QCoreApplication.translate("FactKinds", e.kind_label),
                e.description,
                numbers,
                self.tr("有争议") if e.disputed else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                if e.disputed:
                    item.setForeground(foreground("past"))
                if col == 3 and e.exhibits:
                    item.setToolTip("\n".join(x.title for x in e.exhibits))
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        self.suggestions.set_case(self.case_id)

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def make_dialog(self, case_id: int, fact_id: int | None = None) -> FactDialog:
        return FactDialog(self.profile, case_id, fact_id, self)

    def add_fact(self) -> None:
        if self.case_id is not None and self.make_dialog(self.case_id).exec():
            self.changed.emit()

    def edit_selected(self) -> None:
        fid = self.selected_id()
        if fid is not None and self.case_id is not None and self.make_dialog(self.case_id, fid).exec():
            self.changed.emit()

    def remove_selected(self) -> None:
        fid = self.selected_id()
        if fid is None or not messages.ask(
            self, self.tr("删除事实"), self.tr("删除选中的事实？删除会记入操作日志。")
        ):
            return
        try:
            with self.profile.session() as s:
                remove_fact(s, fid)
        except messages.EXPECTED as exc:
            messages.show_error(self, exc)
        self.changed.emit()
