"""The machine-read text of the file shown in the detail panel: read-only, under a label that says it
was read by the software for search and suggestions, and is not evidence."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from kami_desktop.core.ocr.model import EMPTY, FAILED
from kami_desktop.core.ocr.store import pages_of_blob
from kami_desktop.core.profile import Profile


def readable(media_type: str) -> bool:
    return media_type == "application/pdf" or (
        media_type.startswith("image/") and media_type != "image/svg+xml"
    )


class OcrTextView(QWidget):
    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.sha256: str | None = None
        self.label = QLabel(self.tr("软件识别的文字（自动识别，可能有错字；仅用于搜索和整理建议，不是证据）"))
        self.label.setObjectName("ocr_label")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #666")
        self.text = QPlainTextEdit()
        self.text.setObjectName("ocr_text")
        self.text.setReadOnly(True)
        self.text.setFixedHeight(110)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.text)
        self.hide()

    def show_file(self, sha256: str | None, media_type: str = "") -> None:
        self.sha256 = sha256 if sha256 and readable(media_type) else None
        self.refresh()

    def refresh(self) -> None:
        if self.sha256 is None:
            self.text.clear()
            self.hide()
            return
        with self.profile.session() as s:
            pages = pages_of_blob(s, self.sha256)
        parts = []
        for p in pages:
            if p.status == FAILED:
                body = self.tr("无法识别：{reason}").format(reason=p.problem)
            elif p.status == EMPTY:
                body = self.tr("（没有识别出文字）")
            else:
                body = p.text
            if len(pages) > 1:
                body = self.tr("— 第 {n} 页 —").format(n=p.page + 1) + "\n" + body
            parts.append(body)
        shown = (
            "\n".join(parts)
            if parts
            else self.tr("（尚未识别：导入和打开案件后会在后台识别；也可以点菜单“证据 → 识别截图文字”）")
        )
        if self.text.toPlainText() != shown:
            self.text.setPlainText(shown)
        self.show()
