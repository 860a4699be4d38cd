"""Status-bar strip for a running import: what is being read, a progress bar and 取消."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ImportProgress(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setMinimumWidth(220)
        self.bar = QProgressBar()
        self.bar.setFixedWidth(220)
        self.cancel_button = QPushButton(self.tr("取消导入"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.cancel_button)
        self.hide()

    def begin(self) -> None:
        self.bar.setRange(0, 0)
        self.label.setText(self.tr("正在导入…"))
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int, name: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.label.setText(
            self.tr("正在导入 {done}/{total}：{name}").format(done=done, total=total, name=name)
            if total
            else self.tr("正在导入…")
        )

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("正在取消…"))

    def end(self) -> None:
        self.hide()
