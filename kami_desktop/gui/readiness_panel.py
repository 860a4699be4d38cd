"""The case readiness checklist (证据准备): each evidence class present / weak / missing, with what to do
next. Shows a ``core.case.readiness.Readiness``; reads nothing."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from kami_desktop.core.case.readiness import Readiness
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP
from kami_desktop.gui.ladder_style import STATUS_COLOURS

MARKS = {"present": "✓", "weak": "△", "missing": "✗"}
STATUS_TEXT = {
    "present": QT_TRANSLATE_NOOP("ReadinessPanel", "已具备"),
    "weak": QT_TRANSLATE_NOOP("ReadinessPanel", "较弱"),
    "missing": QT_TRANSLATE_NOOP("ReadinessPanel", "缺少"),
}


class ReadinessPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("readinessSummary")
        self.summary.setWordWrap(True)
        self.container = QWidget()
        self.items_layout = QVBoxLayout(self.container)
        self.items_layout.setContentsMargins(0, 0, 0, 0)
        self.items_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.container)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.summary)
        lay.addWidget(scroll, 1)
        self.cards: dict[str, QLabel] = {}

    def clear(self) -> None:
        self.summary.setText("")
        for card in self.cards.values():
            card.deleteLater()
        self.cards.clear()

    def show_readiness(self, r: Readiness) -> None:
        self.clear()
        self.summary.setText(
            self.tr("证据准备：已具备 %1 项，较弱 %2 项，缺少 %3 项")
            .replace("%1", str(r.count("present")))
            .replace("%2", str(r.count("weak")))
            .replace("%3", str(r.count("missing")))
        )
        for i, item in enumerate(r.items):
            bg, fg = STATUS_COLOURS[item.status]
            status = QCoreApplication.translate("ReadinessPanel", STATUS_TEXT[item.status])
            title = self.tr("{label}（{status}）").format(label=escape(item.label), status=status)
            html = (
                f"<span style='color:{fg}; font-weight:bold'>{MARKS[item.status]} {title}"
                f"</span><br>{escape(item.detail)}"
            )
            if item.todo:
                next_step = self.tr("下一步：")  # outside the f-string, where lupdate finds it
                html += f"<br><b>{next_step}</b>{escape(item.todo)}"
            card = QLabel(html)
            card.setTextFormat(Qt.TextFormat.RichText)
            card.setWordWrap(True)
            card.setProperty("status", item.status)
            card.setStyleSheet(f"background: {bg}; border-left: 4px solid {fg}; padding: 6px;")
            self.items_layout.insertWidget(i, card)
            self.cards[item.key] = card
