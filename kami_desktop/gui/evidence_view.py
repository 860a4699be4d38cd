"""Tab 证据 of a case: toolbar (view, sort, filter, search, group), the grid and the table over one
model, and the detail panel (or, for several selected exhibits, the bulk edit panel). Changes go
through ``EvidenceOpsMixin`` (gui/evidence_ops.py) onto the tab's undo stack; those that renumber
the binder (reorder, merge, split, move a file) run on a one-thread pool so a 10,000-exhibit case
never freezes the window; rows reload off the GUI thread with one query."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.claim_drafts import draft_from_exhibit
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.rows import exhibit_rows
from kami_desktop.core.vocab import CATEGORIES
from kami_desktop.gui import messages
from kami_desktop.gui.bulk_edit import BulkEditPanel
from kami_desktop.gui.case_events import CaseEvents
from kami_desktop.gui.claim_dialog import ClaimDialog, Numbers, choose_claim_item, claim_from, link_to_claim
from kami_desktop.gui.content_search import ContentSearchPane, show_ocr_line
from kami_desktop.gui.evidence_grid import EvidenceGrid
from kami_desktop.gui.evidence_model import (
    SORT_CAPTURED,
    SORT_IMPORTED,
    SORT_POSITION,
    EvidenceModel,
)
from kami_desktop.gui.evidence_ops import EvidenceOpsMixin
from kami_desktop.gui.evidence_table import EvidenceTable
from kami_desktop.gui.exhibit_detail import ExhibitDetailPanel
from kami_desktop.gui.exhibit_viewer import ExhibitViewer, open_viewer
from kami_desktop.gui.formatting import category_label, placeholder_width
from kami_desktop.gui.suggestion_dialog import add_triage_action, triage_button
from kami_desktop.gui.suggestion_undo import push_dismissal
from kami_desktop.gui.thumbnails import ThumbnailCache
from kami_desktop.gui.workers import TaskFailure, guarded, start_task

__all__ = ["EvidenceView", "load_rows"]


def load_rows(profile: Profile, case_id: int, trashed: bool = False):
    with profile.session() as s:
        return exhibit_rows(s, case_id, trashed)


def _tool_button(text: str, *, checkable: bool = False) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setCheckable(checkable)
    return button


class EvidenceView(QWidget, EvidenceOpsMixin):
    loaded = Signal()  # rows (re)loaded into the model
    import_requested = Signal()
    status_message = Signal(str)
    claims_changed = Signal(int)  # case id: a claim item was made from an exhibit
    content_hit = Signal(object)  # a search hit in a chat or a bill (core.search.Hit): the workspace shows it

    def __init__(
        self,
        profile: Profile,
        parent=None,
        thumbs: ThumbnailCache | None = None,
        events: CaseEvents | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.events = events if events is not None else CaseEvents(self)
        self.undo_stack = QUndoStack(self)
        self.thumbs = thumbs or ThumbnailCache(profile.cache_dir, profile.blob_path, parent=self)
        self.model = EvidenceModel(self.thumbs, self)
        self.model.reorder_requested.connect(self._reorder_dropped)
        self.ops = QThreadPool(self)
        self.ops.setMaxThreadCount(1)  # binder changes run one after another
        self._generation = 0
        self._reselect: list[int] = []
        self._reveal: list[int] = []

        self.grid = EvidenceGrid()
        self.grid.setModel(self.model)
        self.table = EvidenceTable()
        self.table.setModel(self.model)
        self.table.setSelectionModel(self.grid.selectionModel())  # one selection for both views
        self.grid.selectionModel().currentRowChanged.connect(self._current_changed)
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        for view in (self.grid, self.table):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
            view.activated.connect(lambda index: self.open_viewer(index.row()))  # double-click, Enter
        self.viewer: ExhibitViewer | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.table)
        self.detail = ExhibitDetailPanel(profile)
        self.detail.commit_edit = self.commit_edit
        self.detail.suggestions.commit_dismiss = lambda chosen, back=False: push_dismissal(self, chosen, back)
        self.detail.edited.connect(lambda i: self.edited([i]))
        self.detail.move_file_requested.connect(self.move_file)
        self.detail.preview.image.double_click_opens = True
        self.detail.preview.image.open_requested.connect(self.open_viewer)
        self.bulk = BulkEditPanel()
        self.bulk.apply_requested.connect(self.bulk_edit)
        self.side = QStackedWidget()
        self.side.addWidget(self.detail)
        self.side.addWidget(self.bulk)

        self._build_toolbar()
        self.content = ContentSearchPane(profile)  # what the search box finds inside the evidence
        self.content.matched.connect(self.model.set_content_matches)
        self.content.hit_chosen.connect(self._content_hit_chosen)
        self._search_timer.timeout.connect(self._search_content)
        split = QSplitter()
        split.addWidget(self.stack)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.splitter = split
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(self.toolbar)
        lay.addWidget(self.content)
        lay.addWidget(split, 1)
        self._update_buttons()

    def _build_toolbar(self) -> None:
        self.grid_button = _tool_button(self.tr("缩略图"), checkable=True)
        self.grid_button.setChecked(True)
        self.table_button = _tool_button(self.tr("列表"), checkable=True)
        group = QButtonGroup(self)
        group.addButton(self.grid_button, 0)
        group.addButton(self.table_button, 1)
        group.idClicked.connect(self.stack.setCurrentIndex)
        self.sort_box = QComboBox()
        for label, key in (
            (self.tr("按证据顺序"), SORT_POSITION),
            (self.tr("按拍摄时间"), SORT_CAPTURED),
            (self.tr("按导入时间"), SORT_IMPORTED),
        ):
            self.sort_box.addItem(label, key)
        self.sort_box.currentIndexChanged.connect(lambda _i: self.model.set_sort(self.sort_box.currentData()))
        self.category_box = QComboBox()
        self.category_box.addItem(self.tr("全部类别"), "")  # never None: see EvidenceModel.thumbnail
        for code in CATEGORIES:
            self.category_box.addItem(category_label(code), code)
        self.category_box.currentIndexChanged.connect(self._filter_changed)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索证据（Ctrl+F）"))
        self.search.setToolTip(self.tr("搜索名称、文件名、证明目的、标签、截图文字、聊天、账单（Ctrl+F）"))
        self.search.setMinimumWidth(placeholder_width(self.search))
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._filter_changed)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.group_box = QCheckBox(self.tr("按类别分组"))
        self.group_box.toggled.connect(self.model.set_grouped)
        self.import_button = _tool_button(self.tr("导入文件…"))
        self.import_button.clicked.connect(self.import_requested)
        self.merge_button = _tool_button(self.tr("合并"))
        self.merge_button.setToolTip(self.tr("把选中的几项证据合并为一项（文件按顺序排列）"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button = _tool_button(self.tr("拆分"))
        self.split_button.setToolTip(self.tr("把一项证据的每个文件拆成单独的证据"))
        self.split_button.clicked.connect(self.split_current)
        self.trash_button = _tool_button(self.tr("删除"))
        self.trash_button.setToolTip(self.tr("移到回收站（可恢复）"))
        self.trash_button.clicked.connect(self.trash_selected)
        self.count_label = QLabel()
        self.triage_button = triage_button(self)  # 按识别结果整理…
        bar = QHBoxLayout()
        left: tuple[QWidget, ...] = (self.grid_button, self.table_button, self.sort_box, self.category_box)
        for w in left:
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        for w in (
            self.group_box,
            self.import_button,
            self.merge_button,
            self.split_button,
            self.trash_button,
            self.triage_button,
            self.count_label,
        ):
            bar.addWidget(w)
        self.toolbar = bar
        self.model.arrangement_changed.connect(self._update_count)

    # ------------------------------------------------------------------ case and loading
    def set_case(self, case_id: int | None) -> None:
        if case_id != self.case_id:
            self.detail.commit()
            self.detail.set_exhibit(None)
            self.model.set_rows([])
            self.undo_stack.clear()  # the history belongs to one case
        self.case_id = case_id
        self.reload()

    def reload(self, select: list[int] | None = None, reveal: list[int] | None = None) -> None:
        """Load the rows again; select ``select`` (default: keep the selection); scroll ``reveal`` into
        view without selecting it (what an import shows)."""
        self._generation += 1
        gen = self._generation
        if select is not None:
            self._reselect = list(select)
        else:
            self._reselect = self.selected_ids()
        self._reveal = list(reveal or [])
        self._search_content()  # the hits follow the case too (an edit, an import, a trash)
        if self.case_id is None:
            self.model.set_rows([])
            self.loaded.emit()
            return
        start_task(
            load_rows,
            self.profile,
            self.case_id,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda rows: self._rows_loaded(gen, rows)),
            on_error=guarded(self, self._failed),
        )

    def _rows_loaded(self, gen: int, rows) -> None:
        if gen != self._generation:
            return
        self.model.set_rows(rows)
        self.select_ids(self._reselect)
        self._reveal_rows(self._reveal)
        self._selection_changed()  # a model reset clears the selection without saying so
        if self.detail.exhibit_id is not None:
            if self.model.row_for_id(self.detail.exhibit_id) < 0:
                self.detail.set_exhibit(None)
            elif not self.detail.changed_fields():
                self.detail.reload()  # its files may have changed (merge, move)
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, failure: TaskFailure) -> None:
        messages.show_error(self, failure.exception, failure.traceback)
        self.reload()

    # ------------------------------------------------------------------ selection
    def selected_ids(self) -> list[int]:
        rows: set[int] = set()
        selection = self.grid.selectionModel().selection()  # ranges, not one index per cell
        for i in range(selection.count()):
            rng = selection.at(i)
            rows.update(range(rng.top(), rng.bottom() + 1))
        ids = [r.id for r in (self.model.exhibit_at(row) for row in sorted(rows)) if r is not None]
        return ids

    def current_id(self) -> int | None:
        r = self.model.exhibit_at(self.grid.selectionModel().currentIndex().row())
        return r.id if r is not None else None

    def select_ids(self, ids: list[int]) -> None:
        sm = self.grid.selectionModel()
        selection = QItemSelection()
        rows = [self.model.row_for_id(i) for i in ids]
        rows = [r for r in rows if r >= 0]
        last_col = self.model.columnCount() - 1
        for first, last in _runs(sorted(rows)):  # one range per run of adjacent rows
            selection.select(self.model.index(first, 0), self.model.index(last, last_col))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        sm.select(selection, flags)
        if rows:
            sm.setCurrentIndex(
                self.model.index(rows[0], EvidenceModel.COL_TITLE), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.grid.scrollTo(self.model.index(rows[0], EvidenceModel.COL_TITLE))

    def _reveal_rows(self, ids: list[int]) -> None:
        rows = sorted(r for r in (self.model.row_for_id(i) for i in ids) if r >= 0)
        if rows:
            self.grid.scrollTo(self.model.index(rows[0], EvidenceModel.COL_TITLE))
            self.table.scrollTo(self.model.index(rows[0], EvidenceModel.COL_TITLE))

    def _current_changed(self, current, _previous) -> None:
        r = self.model.exhibit_at(current.row())
        if r is not None and r.id != self.detail.exhibit_id:
            self.detail.commit()  # what was typed for the exhibit being left is saved, or the user is told
            self.detail.set_exhibit(r.id)
        self._update_buttons()

    def _selection_changed(self, *_a) -> None:
        ids = self.selected_ids()
        if len(ids) > 1:
            self.detail.commit()
            self.bulk.set_exhibits(ids)
            self.side.setCurrentWidget(self.bulk)
        else:
            # nothing selected (a click on empty space): the detail is empty, not the last exhibit; one
            # selected while the current row stayed put (selected again after that): it is shown
            shown = ids[0] if ids else None
            if shown != self.detail.exhibit_id:
                self.detail.commit()  # what was typed for the exhibit being left is saved
                self.detail.set_exhibit(shown)
            self.side.setCurrentWidget(self.detail)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ids = self.selected_ids()
        self.merge_button.setEnabled(len(ids) >= 2)
        cur = self.model.exhibit_at(self.model.row_for_id(ids[0])) if len(ids) == 1 else None
        self.split_button.setEnabled(cur is not None and cur.file_count > 1)
        self.trash_button.setEnabled(bool(ids))
        self.import_button.setEnabled(self.case_id is not None)

    def _update_count(self) -> None:
        shown, total = len(self.model.visible_ids()), self.model.exhibit_count()
        text = (
            self.tr("共 {n} 项").format(n=total)
            if shown == total
            else self.tr("显示 {shown} / {n} 项").format(shown=shown, n=total)
        )
        self.count_label.setText(text)

    def _filter_changed(self) -> None:
        self.model.set_filter(self.category_box.currentData(), self.search.text())

    def _search_content(self) -> None:
        self.content.run(self.case_id, self.search.text())

    def _content_hit_chosen(self, hit) -> None:
        """A hit chosen under the search box: its exhibit (and OCR line), or its chat message or bill row."""
        if hit.kind in ("chat", "bill_row"):
            self.content_hit.emit(hit)
            return
        if self.model.row_for_id(hit.exhibit_id) < 0:  # hidden by the category filter
            self.category_box.setCurrentIndex(0)
        self.select_ids([hit.exhibit_id])
        show_ocr_line(self.detail, hit)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ------------------------------------------------------------------ the viewer
    def open_viewer(self, row: int | None = None) -> ExhibitViewer | None:
        """The exhibit at ``row`` (default: the current one) in the viewer (gui/exhibit_viewer.py)."""
        return open_viewer(self, row)

    # ------------------------------------------------------------------ a claim item from an exhibit
    def ask_claim(
        self, draft, evidence: str = "", exhibits: Numbers | None = None
    ) -> dict | None:  # tests replace
        return ClaimDialog.ask(self, draft, evidence, exhibits)

    def context_menu_for(self, view, pos) -> QMenu | None:
        """The tile's (or row's) menu: what can be done with the exhibits under and around the pointer."""
        index = view.indexAt(pos)
        row = self.model.exhibit_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if (
            row.id not in self.selected_ids()
        ):  # a right click on an unselected tile selects it, as in Explorer
            self.select_ids([row.id])
        ids = self.selected_ids()
        one = len(ids) == 1
        menu = QMenu(self)
        menu.addAction(self.tr("查看大图") + "\tEnter", lambda: self.open_viewer(index.row()))
        menu.addSeparator()
        menu.addAction(self.tr("重命名"), self.detail.start_rename).setEnabled(one)
        menu.addAction(self.tr("作为主张项…"), self.claim_from_current).setEnabled(one)
        add_triage_action(self, menu, ids)  # 按识别结果整理…
        menu.addAction(self.tr("用作主张项的证据…"), self.link_selected_to_claim)
        menu.addSeparator()
        movable = self.model.can_reorder()
        menu.addAction(self.tr("上移一项"), lambda: self.move_by(-1)).setEnabled(movable)
        menu.addAction(self.tr("下移一项"), lambda: self.move_by(1)).setEnabled(movable)
        menu.addAction(self.tr("合并所选证据"), self.merge_selected).setEnabled(len(ids) > 1)
        menu.addAction(self.tr("拆分证据"), self.split_current).setEnabled(one and row.file_count > 1)
        menu.addAction(self.tr("制作打码副本…"), self.redact_selected)
        menu.addSeparator()
        label = self.tr("删除到回收站") if one else self.tr("删除 {n} 项到回收站…").format(n=len(ids))
        menu.addAction(label, self.trash_selected)
        return menu

    def _context_menu(self, view, pos) -> None:
        menu = self.context_menu_for(view, pos)
        if menu is not None:
            menu.exec(view.viewport().mapToGlobal(pos))

    def redact_selected(self) -> None:
        """Masked copies of the selected images, for public complaint sites (the originals stay as they are)."""
        from kami_desktop.gui.redact_dialog import RedactDialog

        ids = self.selected_ids()
        if ids:
            dialog = RedactDialog(self.profile, ids, self, case_id=self.case_id)
            dialog.copy_saved.connect(
                lambda _eid: self.status_message.emit(self.tr("已保存打码副本（原件未改动，已记入存证日志）"))
            )
            dialog.exec()

    def choose_claim_item(self, items) -> int | None:  # tests replace this
        return choose_claim_item(self, items)

    def link_selected_to_claim(self) -> None:
        """The selected exhibits become evidence of an existing claim item the user picks."""
        ids = self.selected_ids()
        if not ids or self.case_id is None or not self.detail.commit():
            return
        item_id = link_to_claim(self, self.profile, self.case_id, ids)
        if item_id is not None:
            numbers = "、".join(str(self.number_of(i)) for i in ids)
            self.status_message.emit(
                self.tr("证据 {numbers} 已加到主张项 {id} 的证据中（已记入存证日志）").format(
                    numbers=numbers, id=item_id
                )
            )
            self.claims_changed.emit(self.case_id)

    def claim_from_current(self) -> None:
        """One step: the exhibit's date and purpose prefill a claim item the user confirms."""
        exhibit_id = self.current_id()
        if exhibit_id is None or self.case_id is None:
            return
        item_id = claim_from(self, self.profile, draft_from_exhibit, exhibit_id)
        if item_id is not None:
            self.status_message.emit(self.tr("已添加主张项 {id}（已记入存证日志）").format(id=item_id))
            self.claims_changed.emit(self.case_id)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """[3, 4, 5, 9] -> [(3, 5), (9, 9)]"""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        elif not out or r != out[-1][1]:
            out.append((r, r))
    return out
