"""按识别结果整理…: the suggestions for several exhibits at once, one row per exhibit, each suggested field
with a checkbox; 采用所选 saves the ticked ones, 忽略所选 dismisses them (``core.triage.dismiss``: not offered
again while the screenshot's text stays the same; a ``DismissCommand`` on the undo stack, one step).

The evidence tab opens it from its context menu (``add_triage_action``). Saving is one core call in one
transaction (an exhibit edit per exhibit, each in the ledger) and one ``EditCommand`` on the tab's undo
stack — the bulk edit's command — so Ctrl+Z puts every old value back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.evidence.exhibits import edit_exhibits
from kami_desktop.core.triage.suggest import FIELDS, ExhibitSuggestions, case_suggestions
from kami_desktop.gui.formatting import category_label
from kami_desktop.gui.messages import EXPECTED, show_error
from kami_desktop.gui.suggestion_undo import push_dismissal
from kami_desktop.gui.undo import EditCommand

ValueRole = Qt.ItemDataRole.UserRole + 1


class Chosen(dict[int, dict[str, Any]]):
    """{exhibit id: {field: value}} the user ticked, and whether to dismiss them rather than save them."""

    dismiss: bool = False


class SuggestionDialog(QDialog):
    def __init__(self, items: list[ExhibitSuggestions], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("按识别结果整理"))
        self.items = [i for i in items if i.fields]
        headers = [
            self.tr("证据"),
            self.tr("证据类别"),
            self.tr("名称"),
            self.tr("证明目的"),
            self.tr("画面时间"),
        ]
        self.table = QTableWidget(len(self.items), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # a long file name is cut at the end, not wrapped out of sight
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 160), (1, 90), (2, 240), (3, 320)):
            self.table.setColumnWidth(col, width)
        for r, sug in enumerate(self.items):
            head = QTableWidgetItem(self.tr("证据 {n}").format(n=sug.number or "?") + f"  {sug.title}")
            head.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            head.setCheckState(Qt.CheckState.Checked)
            head.setData(Qt.ItemDataRole.UserRole, sug.exhibit_id)
            head.setToolTip(head.text())
            self.table.setItem(r, 0, head)
            for c, name in enumerate(FIELDS, start=1):
                f = sug.get(name)
                if f is None:
                    blank = QTableWidgetItem("")
                    blank.setFlags(Qt.ItemFlag.NoItemFlags)
                    self.table.setItem(r, c, blank)
                    continue
                cell = QTableWidgetItem(category_label(f.value) if name == "category" else f.shown)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                cell.setCheckState(Qt.CheckState.Checked)
                cell.setData(ValueRole, f.value)
                cell.setToolTip(f"{cell.text()}\n\n{f.reason}" if f.reason else cell.text())
                self.table.setItem(r, c, cell)
        note = QLabel(
            self.tr(
                "勾选要采用的建议（取消勾选左列则整行不采用）。只建议您还没有填写的内容；采用后可以用 Ctrl+Z 撤销。"
            )
            if self.items
            else self.tr("这些证据没有可采用的识别建议（截图可能还没有识别文字，或相应内容已经填写）。")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("采用所选"))
        self.ok_button.setEnabled(bool(self.items))
        self.dismiss_button = buttons.addButton(self.tr("忽略所选"), QDialogButtonBox.ButtonRole.ActionRole)
        self.dismiss_button.setToolTip(
            self.tr("勾选的建议不对：不再提出（截图的识别文字改变后会重新建议）；可以用 Ctrl+Z 撤销")
        )
        self.dismiss_button.setEnabled(bool(self.items))
        self.dismiss_button.clicked.connect(self.accept_dismissal)
        self.dismissing = False
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(1000, 480)

    def accept_dismissal(self) -> None:
        self.dismissing = True
        self.accept()

    def chosen(self) -> Chosen:
        """{exhibit id: {field: value}} of the ticked suggestions of the ticked rows (``dismiss`` when
        the user chose 忽略所选)."""
        out = Chosen()
        out.dismiss = self.dismissing
        for r in range(self.table.rowCount()):
            head = self.table.item(r, 0)
            if head is None or head.checkState() != Qt.CheckState.Checked:
                continue
            values = {}
            for c, name in enumerate(FIELDS, start=1):
                cell = self.table.item(r, c)
                if cell is not None and cell.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    if cell.checkState() == Qt.CheckState.Checked:
                        values[name] = cell.data(ValueRole)
            if values:
                out[int(head.data(Qt.ItemDataRole.UserRole))] = values
        return out


# ---------------------------------------------------------------------- the evidence tab's side
def add_triage_action(view: Any, menu: QMenu, ids: list[int]) -> None:
    """The evidence tab's context menu: 按识别结果整理… for the selected exhibits."""
    menu.addAction(
        QCoreApplication.translate("SuggestionDialog", "按识别结果整理…"), lambda: organise(view, ids)
    ).setEnabled(bool(ids))


def triage_button(view: Any) -> QToolButton:
    """The evidence tab's toolbar button: the exhibits chosen together (several selected), else the whole case —
    clicking a tile to look at it selects that one, and it must not narrow the button down to it."""
    button = QToolButton()
    button.setText(QCoreApplication.translate("SuggestionDialog", "按识别结果整理…"))
    button.setToolTip(
        QCoreApplication.translate(
            "SuggestionDialog",
            "按截图中识别出的文字，为全部证据（多选时为所选证据）建议类别、名称、证明目的和画面时间",
        )
    )
    button.clicked.connect(lambda: organise(view, chosen_together(view)))
    return button


def chosen_together(view: Any) -> list[int] | None:
    """The selected ids when several are selected; None (the whole case) for one or none."""
    ids = view.selected_ids()
    return ids if len(ids) > 1 else None


def load_suggestions(view: Any, ids: list[int] | None) -> list[ExhibitSuggestions]:
    return view.run_now(lambda s: case_suggestions(s, view.case_id, ids))


def ask(view: Any, items: list[ExhibitSuggestions]) -> dict[int, dict[str, Any]] | None:  # tests replace
    dialog = SuggestionDialog(items, view)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def organise(view: Any, ids: list[int] | None = None) -> int:
    """Show the suggestions of ``ids`` (default: the whole case); save what the user ticks."""
    if view.case_id is None or not view.detail.commit():
        return 0
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a few ms per screenshot
    try:
        items = load_suggestions(view, ids)
    finally:
        QApplication.restoreOverrideCursor()
    chosen = ask(view, items)
    if getattr(chosen, "dismiss", False):
        return push_dismissal(view, {i: list(values) for i, values in (chosen or {}).items()})
    return apply_values(view, chosen or {})


def apply_values(view: Any, values: dict[int, dict[str, Any]]) -> int:
    """Save {exhibit id: {field: value}} in one transaction and put it on the undo stack; how many changed."""
    if not values or view.case_id is None:
        return 0

    def save(s) -> dict:
        out: dict = {}
        for exhibit_id, fields in values.items():
            out.update(edit_exhibits(s, [exhibit_id], **fields))
        return out

    try:
        changed = view.run_now(save)
    except EXPECTED as exc:
        show_error(view, exc)
        return 0
    if changed:
        text = QCoreApplication.translate("SuggestionDialog", "采用识别建议（{n} 项证据）").format(
            n=len(changed)
        )
        view.undo_stack.push(EditCommand(view, changed, text))
        view.edited(list(changed))
    return len(changed)
