"""A date-time field in China time (UTC+8) with a calendar popup, that may also be empty.

The field shows China wall-clock time whatever the computer's time zone; empty (未填写) is its
minimum, which the 清除 button beside it sets. ``value()`` is an aware datetime (+08:00) or None.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QToolButton, QWidget

from kami_desktop.core.util.timeutil import CHINA_TZ

_EMPTY = QDateTime(QDate(1990, 1, 1), QTime(0, 0, 0))


class ChinaDateTimeField(QWidget):
    editing_finished = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.edit.setMinimumDateTime(_EMPTY)
        self.edit.setSpecialValueText(self.tr("未填写"))
        self.edit.setToolTip(self.tr("中国时间（北京时间）；点右侧箭头打开日历"))
        self.edit.editingFinished.connect(self.editing_finished)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("清除"))
        self.clear_button.setToolTip(self.tr("不填拍摄时间"))
        self.clear_button.clicked.connect(self._clear_clicked)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.clear_button)
        self.set_value(None)

    def _clear_clicked(self) -> None:
        self.set_value(None)
        self.editing_finished.emit()

    def set_value(self, value: datetime | None) -> None:
        if value is None:
            self.edit.setDateTime(_EMPTY)
            return
        local = value.astimezone(CHINA_TZ)
        self.edit.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
            )
        )

    def value(self) -> datetime | None:
        qdt = self.edit.dateTime()
        if qdt <= _EMPTY:
            return None
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), tzinfo=CHINA_TZ)

    def text(self) -> str:
        """The value as the core's edit takes it: ISO 8601 with +08:00, or '' when empty."""
        v = self.value()
        return v.isoformat() if v is not None else ""
