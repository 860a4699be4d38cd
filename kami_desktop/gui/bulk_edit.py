"""Bulk edit: when several exhibits are selected, set category, 证明目的, 来源 or tags for all of them.

A field left as it is (保持不变) is not touched; a filled one is set on every selected exhibit in one
core call (``edit_exhibits``: one ledger entry per exhibit that changed) — the evidence tab does the
call and puts it on its undo stack; this panel only says what to set.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.vocab import CATEGORIES
from kami_desktop.gui.formatting import category_label


class BulkEditPanel(QWidget):
    apply_requested = Signal(list, dict)  # exhibit ids, {field: value}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ids: list[int] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        keep = self.tr("保持不变")
        self.category = QComboBox()
        self.category.addItem(keep, "")
        for code in CATEGORIES:
            self.category.addItem(category_label(code), code)
        self.purpose = QPlainTextEdit()
        self.purpose.setPlaceholderText(keep)
        self.purpose.setFixedHeight(60)
        self.source = QLineEdit()
        self.source.setPlaceholderText(keep)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("保持不变；填写后替换所选证据的标签，用逗号分隔"))
        self.apply_button = QPushButton()
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        for line in (self.source, self.tags):
            line.textChanged.connect(self._update_button)
        self.purpose.textChanged.connect(self._update_button)
        self.category.currentIndexChanged.connect(self._update_button)
        hint = QLabel(self.tr("只修改填写了的项目；可以用 Ctrl+Z 撤销。"))
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("证据类别"), self.category)
        form.addRow(self.tr("证明目的"), self.purpose)
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("标签"), self.tags)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addLayout(buttons)
        lay.addStretch(1)
        self.set_exhibits([])

    def set_exhibits(self, ids: list[int]) -> None:
        if ids != self.ids:
            self.clear_fields()
        self.ids = list(ids)
        self.heading.setText(self.tr("已选中 {n} 项证据：统一修改").format(n=len(ids)))
        self.apply_button.setText(self.tr("应用到 {n} 项").format(n=len(ids)))
        self._update_button()

    def clear_fields(self) -> None:
        self.category.setCurrentIndex(0)
        self.purpose.clear()
        self.source.clear()
        self.tags.clear()

    def fields(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.category.currentData():
            out["category"] = self.category.currentData()
        for name, text in (
            ("purpose", self.purpose.toPlainText().strip()),
            ("source", self.source.text().strip()),
            ("tags", self.tags.text().strip()),
        ):
            if text:
                out[name] = text
        return out

    def _update_button(self, *_a) -> None:
        self.apply_button.setEnabled(bool(self.ids) and bool(self.fields()))

    def apply(self) -> None:
        fields = self.fields()
        if self.ids and fields:
            self.apply_requested.emit(list(self.ids), fields)
