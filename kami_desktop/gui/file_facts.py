"""The facts of one stored file, as the exhibit detail panel lists them under its fields: original name,
size, type, SHA-256 and SM3 (each with a copy button), the recorded time (EXIF, or a video's container
time), the file's time, the import time and any problem noted at import."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QToolButton

from kami_desktop.core.evidence.detail import FileDetail
from kami_desktop.gui.formatting import human_size, kind_of, local_time

HASHES = ("sha256", "sm3")


class FileFactsForm(QFormLayout):
    """One row per fact; ``labels`` holds the value widgets by key (a hash is a read-only line edit)."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, QLabel | QLineEdit] = {}
        for key, label in (
            ("name", self.tr("原始文件名")),
            ("size", self.tr("大小")),
            ("type", self.tr("类型")),
            ("sha256", "SHA-256"),
            ("sm3", "SM3"),
            ("exif", self.tr("拍摄时间（EXIF）")),
            ("mtime", self.tr("文件时间")),
            ("imported", self.tr("导入时间")),
            ("problem", self.tr("问题")),
        ):
            value: QLabel | QLineEdit
            if key in HASHES:
                field = QLineEdit()  # a long hash scrolls inside the field instead of widening the panel
                field.setReadOnly(True)
                field.setFrame(False)
                field.setStyleSheet("font-family: monospace; background: transparent")
                value = field
            else:
                text = QLabel()
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                text.setWordWrap(True)
                value = text
            self.labels[key] = value
            if key in HASHES:
                row = QHBoxLayout()
                row.addWidget(value, 1)
                copy = QToolButton()
                copy.setText(self.tr("复制"))
                copy.setObjectName(f"copy_{key}")
                copy.clicked.connect(lambda _=False, k=key: self.copy(k))
                row.addWidget(copy)
                self.addRow(label, row)
            else:
                self.addRow(label, value)

    def show_file(self, f: FileDetail) -> None:
        recorded = self.labelForField(self.labels["exif"])
        if isinstance(recorded, QLabel):  # a video's container time is its recording time, not EXIF
            video = f.media_type.startswith("video/")
            recorded.setText(self.tr("创建时间（视频信息）") if video else self.tr("拍摄时间（EXIF）"))
        facts = {
            "name": f.original_name,
            "size": self.tr("{size}（{n} 字节）").format(size=human_size(f.size), n=f.size)
            if f.size
            else "0",
            "type": f"{kind_of(f.media_type)} · {f.media_type}"
            + (f" · {f.width}×{f.height}" if f.width else ""),
            "sha256": f.sha256,
            "sm3": f.sm3,
            "exif": local_time(f.exif_time, True),
            "mtime": local_time(f.file_mtime, True),
            "imported": local_time(f.imported_at, True),
            "problem": f.problem,
        }
        for k, v in facts.items():
            shown = self.labels[k]
            shown.setText(v or "—")
            if isinstance(shown, QLineEdit):
                shown.setCursorPosition(0)

    def clear(self) -> None:
        for v in self.labels.values():
            v.clear()

    def copy(self, key: str) -> str:
        """Put the fact on the clipboard; returns it."""
        text = self.labels[key].text()
        QGuiApplication.clipboard().setText(text)
        return text
