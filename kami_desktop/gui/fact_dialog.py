"""Add or edit a fact of the timeline: time, kind, description, disputed, linked exhibits.

Saving goes through ``core.case.facts.add_fact`` / ``edit_fact``; their Chinese messages appear under the form."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from kami_desktop.core.case.facts import (
    FACT_KINDS,
    add_fact,
    edit_fact,
    exhibit_numbers,
    fact_summary,
    get_fact,
)
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.timeutil import CHINA_TZ
from kami_desktop.gui.messages import EXPECTED


class FactDialog(QDialog):
    def __init__(self, profile: Profile, case_id: int, fact_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id = case_id
        self.fact_id = fact_id
        self.setWindowTitle(self.tr("记录事实") if fact_id is None else self.tr("修改事实"))
        self.setMinimumWidth(480)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.kind = QComboBox()
        for code, label in FACT_KINDS.items():
            self.kind.addItem(QCoreApplication.translate("FactKinds", label), code)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("发生了什么，例如：充值500元后余额被以“违规”为由清零"))
        self.description.setFixedHeight(80)
        self.disputed = QCheckBox(self.tr("对方有争议"))
        self.exhibits = QListWidget()
        self.exhibits.setMaximumHeight(140)
        with profile.session() as s:
            numbers = exhibit_numbers(s, case_id)
            current = fact_summary(get_fact(s, fact_id)) if fact_id is not None else None
        for exhibit_id, (number, title) in sorted(numbers.items(), key=lambda kv: kv[1][0]):
            item = QListWidgetItem(self.tr("证据%1  %2").replace("%1", str(number)).replace("%2", title))
            item.setData(Qt.ItemDataRole.UserRole, exhibit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.exhibits.addItem(item)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("时间"), self.when)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("经过"), self.description)
        form.addRow("", self.disputed)
        form.addRow(self.tr("关联证据"), self.exhibits)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        if current is not None:
            self._load(current)

    def _load(self, f: dict) -> None:
        dt = datetime.fromisoformat(f["occurred_at"]).astimezone(CHINA_TZ)
        self.when.setDateTime(QDateTime.fromString(dt.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm"))
        self.kind.setCurrentIndex(self.kind.findData(f["kind"]))
        self.description.setPlainText(f["description"])
        self.disputed.setChecked(f["disputed"])
        linked = set(f["exhibit_ids"])
        for i in range(self.exhibits.count()):
            item = self.exhibits.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in linked:
                item.setCheckState(Qt.CheckState.Checked)

    def values(self) -> dict:
        text = self.when.dateTime().toString("yyyy-MM-dd HH:mm")
        ids = [
            self.exhibits.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.exhibits.count())
            if self.exhibits.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "occurred_at": text,
            "kind": self.kind.currentData(),
            "description": self.description.toPlainText(),
            "disputed": self.disputed.isChecked(),
            "exhibit_ids": ids,
        }

    def accept(self) -> None:
        v = self.values()
        try:
            with self.profile.session() as s:
                if self.fact_id is None:
                    self.fact_id = add_fact(
                        s, self.case_id, v.pop("occurred_at"), v.pop("kind"), v.pop("description"), **v
                    ).id
                else:
                    edit_fact(s, self.fact_id, **v)
        except EXPECTED as exc:
            self.error.setText(str(exc))
            return
        super().accept()
