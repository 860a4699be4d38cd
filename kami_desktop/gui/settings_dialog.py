"""设置: the interface language (简体中文 / English; applies on restart) and whether new screenshots are
read (OCR) on their own after an import and when a case opens (``ocr/auto``, on by default), both
remembered in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from kami_desktop.gui.i18n import LANGUAGES, current_language, set_language

OCR_AUTO_KEY = "ocr/auto"  # read by gui.ocr_runner: screenshots are read without being asked


def ocr_auto(settings: QSettings) -> bool:
    return bool(settings.value(OCR_AUTO_KEY, True, type=bool))


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
        self.ocr_auto = QCheckBox(self.tr("导入截图后自动识别文字"))
        self.ocr_auto.setObjectName("ocrAutoCheck")
        self.ocr_auto.setToolTip(
            self.tr("关闭后，可随时在“证据 → 识别截图文字”中手动识别；识别出的文字只用于搜索和提示，不是证据")
        )
        self.ocr_auto.setChecked(ocr_auto(settings))
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
        lay.addWidget(self.ocr_auto)
        lay.addWidget(buttons)

    def accept(self) -> None:
        set_language(self.settings, self.language.currentData())
        self.settings.setValue(OCR_AUTO_KEY, self.ocr_auto.isChecked())
        super().accept()
