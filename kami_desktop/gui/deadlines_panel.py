"""The dashboard of a case's ladder: current stage, the next deadline (coloured when near or past), every
deadline with its status and basis, what to do next. Shows a ``core.case.ladder.Dashboard``; reads nothing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.ladder import Dashboard
from kami_desktop.core.legal.deadlines import Deadline
from kami_desktop.core.vocab import STAGES
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP
from kami_desktop.gui.ladder_style import background, banner_css, foreground

STATUS_TEXT = {
    "ok": QT_TRANSLATE_NOOP("DeadlinesPanel", "未到期"),
    "near": QT_TRANSLATE_NOOP("DeadlinesPanel", "即将到期"),
    "past": QT_TRANSLATE_NOOP("DeadlinesPanel", "已过期"),
    "done": QT_TRANSLATE_NOOP("DeadlinesPanel", "已完成"),
}
_STAGE_MARKERS = (
    QT_TRANSLATE_NOOP("Vocab", "协商"),
    QT_TRANSLATE_NOOP("Vocab", "投诉"),
    QT_TRANSLATE_NOOP("Vocab", "诉讼"),
    QT_TRANSLATE_NOOP("Vocab", "结案"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeadlinesPanel", text)


class DeadlinesPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.stage_label = QLabel()
        self.stage_label.setObjectName("ladderStage")
        self.stage_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.next_label = QLabel()
        self.next_label.setObjectName("ladderNextDeadline")
        self.next_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("期限"), self.tr("到期日"), self.tr("状态"), self.tr("起算")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.todo_label = QLabel()
        self.todo_label.setObjectName("ladderNextSteps")
        self.todo_label.setWordWrap(True)
        self.todo_label.setTextFormat(Qt.TextFormat.RichText)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #7a5200;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.stage_label)
        lay.addWidget(self.next_label)
        lay.addWidget(self.table)
        lay.addWidget(self.todo_label)
        lay.addWidget(self.warning_label)
        lay.addStretch(1)
        self.status = ""  # status of the next (or most urgent) deadline, for tests and styling

    def clear(self) -> None:
        self.stage_label.setText("")
        self.next_label.setText("")
        self.next_label.setStyleSheet("")
        self.table.setRowCount(0)
        self.todo_label.setText("")
        self.warning_label.setText("")
        self.status = ""

    def show_dashboard(self, dash: Dashboard) -> None:
        stage = QCoreApplication.translate("Vocab", STAGES.get(dash.stage, dash.stage))
        self.stage_label.setText(self.tr("当前阶段：%1").replace("%1", stage))
        self._show_next(dash)
        self.table.setRowCount(len(dash.deadlines))
        self.table.setVisible(bool(dash.deadlines))
        for row, d in enumerate(dash.deadlines):
            label = d.label + (self.tr("（暂定）") if d.provisional else "")
            cells = [
                label,
                d.due.isoformat(),
                _tr(STATUS_TEXT.get(d.status, d.status)),
                d.start.isoformat() if d.start else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(
                    d.basis
                    + (
                        self.tr("\n暂定：所涉年份尚无国务院放假通知，按周末和法定节日估算。")
                        if d.provisional
                        else ""
                    )
                )
                if col == 2 or d.status in ("near", "past"):
                    item.setBackground(background(d.status))
                    item.setForeground(foreground(d.status))
                if d.provisional and col == 0:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        steps = "".join(f"<li>{t}</li>" for t in dash.next_steps)
        heading = self.tr("下一步")  # outside the f-string, where lupdate finds it
        self.todo_label.setText(f"<b>{heading}</b><ul style='margin-left:-20px'>{steps}</ul>")
        self.warning_label.setText("\n".join(dash.warnings))

    def _show_next(self, dash: Dashboard) -> None:
        overdue = [d for d in dash.deadlines if d.status == "past"]
        nd = dash.next_deadline
        if nd is None and not overdue:
            self.next_label.setText(
                self.tr("暂无待办期限：记录进展（如发出催告函）或填写发现扣款日期后计算。")
            )
            self.next_label.setStyleSheet(banner_css(""))
            self.status = ""
            return
        lines = []
        if nd is not None:
            lines.append(
                self.tr("下一个期限：%1 %2（%3）")
                .replace("%1", nd.label)
                .replace("%2", nd.due.isoformat())
                .replace("%3", self._left(nd, dash.today))
                + (self.tr(" 暂定") if nd.provisional else "")
            )
        for d in overdue:
            lines.append(self.tr("已过期：%1 %2").replace("%1", d.label).replace("%2", d.due.isoformat()))
        self.status = "past" if overdue or nd is None else nd.status
        self.next_label.setText("\n".join(lines))
        self.next_label.setStyleSheet(banner_css(self.status))

    def _left(self, d: Deadline, today: date) -> str:
        days = (d.due - today).days
        if days == 0:
            return self.tr("今天到期，截止24:00")
        if days < 0:
            return self.tr("已过期%1天").replace("%1", str(-days))
        return self.tr("还剩%1天").replace("%1", str(days))
