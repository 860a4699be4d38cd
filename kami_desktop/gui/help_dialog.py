"""The 帮助 guides dialog: the list of guides on the left, the chosen guide on the right — its steps, each
with its drawn picture. Opened from the 帮助 menu and from the 案件首页's "看指南" links."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.vocab import CATEGORIES
from kami_desktop.gui.formatting import category_label
from kami_desktop.gui.help_drawings import render
from kami_desktop.gui.help_guides import CATEGORY_HELP, GUIDES, Guide, guide


def _t(text: str) -> str:
    return QCoreApplication.translate("HelpGuides", text)


def _label(text: str, css: str = "", rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if css:
        label.setStyleSheet(css)
    return label


class HelpDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("使用指南"))
        self.resize(980, 700)
        self.list = QListWidget()
        self.list.setFixedWidth(280)
        self.list.setWordWrap(True)  # long titles (in English) wrap instead of being cut
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 6px 4px; }")
        for g in GUIDES:
            item = QListWidgetItem(_t(g.title))
            item.setData(Qt.ItemDataRole.UserRole, g.key)
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._chosen)
        self.pane = QScrollArea()
        self.pane.setWidgetResizable(True)
        self.pane.setFrameShape(QFrame.Shape.NoFrame)
        self.key: str | None = None
        self.pictures: list[QLabel] = []  # the drawn pictures of the guide shown
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addWidget(self.pane, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(body, 1)
        lay.addWidget(buttons)
        self.show_guide(GUIDES[0].key)

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_guide(item.data(Qt.ItemDataRole.UserRole))

    def show_guide(self, key: str) -> None:
        g = guide(key)
        self.key = key
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key and self.list.currentRow() != row:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
        self.pictures = []
        page = QWidget()
        page.setObjectName("guidePage")
        page.setStyleSheet("QWidget#guidePage { background: #ffffff; }")
        lay = QVBoxLayout(page)
        lay.setContentsMargins(20, 16, 20, 20)
        lay.setSpacing(10)
        lay.addWidget(_label(_t(g.title), "font-size: 20px; font-weight: bold;"))
        lay.addWidget(_label(_t(g.intro), "font-size: 14px; color: #57606a;"))
        self._steps(g, lay)
        if g.key == "categories":
            for code in CATEGORIES:
                text = f"<b>{escape(category_label(code))}</b>：{escape(_t(CATEGORY_HELP[code]))}"
                lay.addWidget(_label(text, "font-size: 14px;", rich=True))
        if g.note:
            lay.addWidget(
                _label(
                    _t(g.note),
                    "font-size: 13px; background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 8px;",
                )
            )
        lay.addStretch(1)
        old = self.pane.takeWidget()
        if old is not None:
            old.deleteLater()
        self.pane.setWidget(page)

    def _steps(self, g: Guide, lay: QVBoxLayout) -> None:
        numbered = len(g.steps) > 1
        for n, step in enumerate(g.steps, 1):
            text = escape(_t(step.text))
            if numbered:
                text = f"<span style='color:#0969da; font-weight:bold'>{n}.</span> {text}"
            lay.addWidget(_label(text, "font-size: 15px;", rich=True))
            if step.warning:
                lay.addWidget(_label(_t(step.warning), "font-size: 13px; color: #cf222e;"))
            if step.picture is not None:
                picture = QLabel()
                picture.setPixmap(QPixmap.fromImage(render(step.picture)))
                picture.setProperty("drawing", step.picture[0])
                lay.addWidget(picture)
                self.pictures.append(picture)


def open_guides(parent: QWidget, key: str | None = None) -> HelpDialog:
    """Show the guides (one dialog per window, brought forward if already open), at guide ``key``."""
    dlg = getattr(parent, "help_dialog", None)
    if not isinstance(dlg, HelpDialog):
        dlg = HelpDialog(parent)
        parent.help_dialog = dlg  # type: ignore[attr-defined]
    if key:
        dlg.show_guide(key)
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    return dlg


def add_help_actions(window, menu) -> None:
    """The 帮助 menu's section of guides: the dialog, and each guide by its title."""
    from PySide6.QtGui import QAction

    act = QAction(QCoreApplication.translate("HelpDialog", "使用指南…"), window)
    act.setObjectName("guidesAction")
    act.setShortcut(Qt.Key.Key_F1)
    act.triggered.connect(lambda _c=False: open_guides(window))
    menu.addAction(act)
    window.addAction(act)
    for g in GUIDES:
        item = QAction(_t(g.title), window)
        item.setObjectName(f"guide_{g.key}")
        item.triggered.connect(lambda _c=False, k=g.key: open_guides(window, k))
        menu.addAction(item)
    menu.addSeparator()
