"""设置: the interface language (简体中文 / English), remembered in QSettings; applies on restart."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from kami_desktop.gui.i18n import LANGUAGES, current_language, set_language


class SettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language(settings))))
        note = QLabel(self.tr("更改语言后，重新打开程序即可生效。"))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def accept(self) -> None:
        set_language(self.settings, self.language.currentData())
        super().accept()
