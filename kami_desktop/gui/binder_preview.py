"""The pages of a built binder in 生成证据册: one page at a time, fitted to the width of the view, with
the page number to go to. The PDF is opened with PyMuPDF and kept open until another binder is built or
the dialog closes."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSpinBox, QVBoxLayout, QWidget

PREVIEW_DPI = 110


class BinderPreview(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._doc: pymupdf.Document | None = None
        self.image = QLabel(self.tr("生成后在此预览页面"))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.page = QSpinBox()
        self.page.setRange(1, 1)
        self.page.valueChanged.connect(self.show_page)
        self.page_total = QLabel("/ 0")
        nav = QHBoxLayout()
        nav.addWidget(QLabel(self.tr("第")))
        nav.addWidget(self.page)
        nav.addWidget(self.page_total)
        nav.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.scroll_area, 1)
        lay.addLayout(nav)

    def open(self, pdf: Path) -> None:
        """Show this binder from its first page."""
        self.close_document()
        self._doc = pymupdf.open(pdf)
        self.page.blockSignals(True)
        self.page.setRange(1, self._doc.page_count)
        self.page.setValue(1)
        self.page.blockSignals(False)
        self.page_total.setText(f"/ {self._doc.page_count}")
        self.show_page(1)

    def show_page(self, number: int) -> None:
        if self._doc is None or not 1 <= number <= self._doc.page_count:
            return
        page = self._doc[number - 1]
        width = self.scroll_area.viewport().width() - 24
        fit = width / (page.rect.width / 72)  # fit the page to the width
        pix = page.get_pixmap(dpi=int(max(36, min(PREVIEW_DPI, fit))), alpha=False)
        image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888).copy()
        self.image.setPixmap(QPixmap.fromImage(image))

    def close_document(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None
