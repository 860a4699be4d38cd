"""The first-launch page (no case yet): what the app does in three steps, and the way into the first
case — 新建案件 opens the case dialog, and the new case opens on its 案件首页."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRunPage(QWidget):
    def __init__(
        self, new_case: Callable[[], object], open_guides: Callable[[], object], parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        title = QLabel(self.tr("欢迎使用卡盟维权助手"))
        title.setStyleSheet("font-size: 24px; font-weight: bold;")
        lead = QLabel(self.tr("卡盟平台扣了你的余额不退？跟着三步走，把证据整理好，把钱要回来。"))
        lead.setStyleSheet("font-size: 15px; color: #57606a;")
        lead.setWordWrap(True)
        steps = QFrame()
        steps.setObjectName("firstRunSteps")
        steps.setStyleSheet(
            "QFrame#firstRunSteps { background: #ffffff; border: 1px solid #d0d7de; border-radius: 8px; }"
        )
        sl = QVBoxLayout(steps)
        sl.setContentsMargins(20, 14, 20, 14)
        sl.setSpacing(12)
        for n, text in enumerate(
            (
                self.tr("新建一个案件：填写平台名称和发现扣款的日期。"),
                self.tr("导入证据：手机截图、支付宝或微信支付的账单、和客服的聊天记录，直接拖进窗口就行。"),
                self.tr(
                    "跟着“案件首页”做：它告诉你还缺什么、下一步做什么、期限是哪天，"
                    "帮你写好催告函和投诉材料，打印法院用的证据册。"
                ),
            ),
            1,
        ):
            row = QLabel(f"<span style='color:#0969da; font-size:18px; font-weight:bold'>{n}</span>　{text}")
            row.setTextFormat(Qt.TextFormat.RichText)
            row.setWordWrap(True)
            row.setStyleSheet("font-size: 15px; border: none;")
            sl.addWidget(row)
        self.new_button = QPushButton(self.tr("新建案件"))
        self.new_button.setObjectName("firstRunNewCase")
        self.new_button.setDefault(True)
        self.new_button.setMinimumHeight(36)
        self.new_button.setStyleSheet("font-size: 15px; padding: 4px 24px;")
        self.new_button.clicked.connect(lambda: new_case())
        self.guides_button = QPushButton(self.tr("先看看使用指南"))
        self.guides_button.setMinimumHeight(36)
        self.guides_button.clicked.connect(lambda: open_guides())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.guides_button)
        buttons.addStretch(1)
        private = QLabel(self.tr("所有资料只保存在这台电脑上。"))
        private.setStyleSheet("color: #57606a;")
        private.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout()
        column.addStretch(1)
        for w in (title, lead, steps):
            column.addWidget(w)
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addWidget(private)
        column.addStretch(2)
        holder = QWidget()
        holder.setMaximumWidth(720)
        holder.setLayout(column)
        lay = QHBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(holder, 4)
        lay.addStretch(1)
