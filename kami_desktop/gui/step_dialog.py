"""Record a step of the escalation ladder (记录进展): kind grouped by stage, date, channel, reference, note.

Saving goes through ``core.case.ladder.record_step``; its Chinese message appears under the form and the
dialog stays open until the input is right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from kami_desktop.core.case.ladder import STEP_KINDS, record_step
from kami_desktop.core.profile import Profile
from kami_desktop.core.vocab import STAGES
from kami_desktop.gui.messages import EXPECTED

# core.case.ladder.STEP_KINDS labels; lupdate collects them through these markers
_KINDS = (
    QT_TRANSLATE_NOOP("StepKinds", "发出书面退款要求（催告函）"),
    QT_TRANSLATE_NOOP("StepKinds", "催告函已送达平台"),
    QT_TRANSLATE_NOOP("StepKinds", "平台已答复"),
    QT_TRANSLATE_NOOP("StepKinds", "平台同意退款或承认欠款"),
    QT_TRANSLATE_NOOP("StepKinds", "向支付渠道投诉（微信支付/支付宝）"),
    QT_TRANSLATE_NOOP("StepKinds", "12315投诉已提交"),
    QT_TRANSLATE_NOOP("StepKinds", "12315已受理"),
    QT_TRANSLATE_NOOP("StepKinds", "12315不予受理"),
    QT_TRANSLATE_NOOP("StepKinds", "12315调解结束"),
    QT_TRANSLATE_NOOP("StepKinds", "黑猫投诉已提交"),
    QT_TRANSLATE_NOOP("StepKinds", "聚投诉已提交"),
    QT_TRANSLATE_NOOP("StepKinds", "已向法院起诉"),
    QT_TRANSLATE_NOOP("StepKinds", "收到交纳诉讼费通知"),
    QT_TRANSLATE_NOOP("StepKinds", "已交纳诉讼费"),
    QT_TRANSLATE_NOOP("StepKinds", "收到判决书或调解书"),
    QT_TRANSLATE_NOOP("StepKinds", "已退款，纠纷解决"),
)


def step_kind_label(label: str) -> str:
    """A step kind's label in the interface language."""
    return QCoreApplication.translate("StepKinds", label)


class StepDialog(QDialog):
    def __init__(self, profile: Profile, case_id: int, parent=None, kind: str | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id = case_id
        self.step_id: int | None = None
        self.setWindowTitle(self.tr("记录进展"))
        self.setMinimumWidth(440)
        self.kind = QComboBox()
        for stage in STAGES:
            kinds = [k for k in STEP_KINDS.values() if k.stage == stage]
            if not kinds:
                continue
            self.kind.addItem(f"— {QCoreApplication.translate('Vocab', STAGES[stage])} —")
            model = self.kind.model()
            if isinstance(model, QStandardItemModel):
                model.item(self.kind.count() - 1).setEnabled(False)
            for k in kinds:
                self.kind.addItem("    " + step_kind_label(k.label), k.code)
        self.kind.setCurrentIndex(self.kind.findData(kind or "demand_sent"))
        self.on = QDateEdit(QDate.currentDate())
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.channel = QLineEdit()
        self.channel.setPlaceholderText(self.tr("例如：邮件、EMS、平台客服、12315平台"))
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("投诉单号、快递单号等"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.workdays = QSpinBox()
        self.workdays.setRange(3, 7)
        self.workdays.setValue(7)
        self.workdays.setSuffix(self.tr(" 个工作日"))
        self.workdays.setToolTip(self.tr("催告函中给平台的答复期限（3–7个工作日），用于计算催告期限"))
        self.planned = QCheckBox(self.tr("尚未发生（计划），不参与期限计算"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("进展"), self.kind)
        form.addRow(self.tr("日期"), self.on)
        form.addRow(self.tr("方式/渠道"), self.channel)
        form.addRow(self.tr("单号"), self.reference)
        form.addRow(self.tr("答复期限"), self.workdays)
        form.addRow(self.tr("备注"), self.note)
        form.addRow("", self.planned)
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
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, *_a) -> None:
        self.workdays.setEnabled(self.kind.currentData(Qt.ItemDataRole.UserRole) == "demand_sent")

    def set_values(self, kind: str, on: date, channel: str = "", reference: str = "", note: str = "") -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.on.setDate(QDate(on.year, on.month, on.day))
        self.channel.setText(channel)
        self.reference.setText(reference)
        self.note.setPlainText(note)

    def values(self) -> dict:
        qd = self.on.date()
        return {
            "kind": self.kind.currentData(Qt.ItemDataRole.UserRole),
            "on": date(qd.year(), qd.month(), qd.day()),
            "channel": self.channel.text(),
            "reference": self.reference.text(),
            "note": self.note.toPlainText(),
            "done": not self.planned.isChecked(),
            "workdays": self.workdays.value() if self.workdays.isEnabled() else None,
        }

    def accept(self) -> None:
        v = self.values()
        if not v["kind"]:
            self.error.setText(self.tr("请选择进展类型"))
            return
        try:
            with self.profile.session() as s:
                self.step_id = record_step(s, self.case_id, v.pop("kind"), v.pop("on"), **v).id
        except EXPECTED as exc:
            self.error.setText(str(exc))
            return
        super().accept()
