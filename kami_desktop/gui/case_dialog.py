"""New-case and edit-case dialog. Validation is the core's (``core.case.cases``): its Chinese messages
appear under the form and the dialog stays open until the input is right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.cases import case_causes, create_case, get_case, update_case
from kami_desktop.core.case.discovery import suggested_discovery
from kami_desktop.core.profile import Profile
from kami_desktop.core.vocab import CAUSE_TYPES
from kami_desktop.gui.formatting import cause_label
from kami_desktop.gui.messages import EXPECTED


class CaseDialog(QDialog):
    def __init__(self, profile: Profile, case_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id = case_id
        self.setWindowTitle(self.tr("新建案件") if case_id is None else self.tr("编辑案件"))
        self.setMinimumWidth(460)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("例如：星辰卡盟充值扣款纠纷"))
        self.platform_name = QLineEdit()
        self.platform_name.setPlaceholderText(self.tr("平台名称，例如：星辰卡盟"))
        self.platform_url = QLineEdit()
        self.platform_url.setPlaceholderText("https://")
        # a case may have several causes (e.g. an auto-renewal deduction and an undelivered order)
        self.causes: dict[str, QCheckBox] = {}
        causes_box = QWidget()
        causes_lay = QGridLayout(causes_box)
        causes_lay.setContentsMargins(0, 0, 0, 0)
        for i, code in enumerate(c for c in CAUSE_TYPES if c != "unknown"):
            box = QCheckBox(cause_label(code))
            box.setObjectName(f"cause_{code}")
            self.causes[code] = box
            causes_lay.addWidget(box, i // 2, i % 2)
        self.discovered = QDateEdit(QDate.currentDate())
        self.discovered.setCalendarPopup(True)
        self.discovered.setDisplayFormat("yyyy-MM-dd")
        self.discovered_known = QCheckBox(self.tr("已知"))
        self.discovered_known.setChecked(True)
        self.discovered_known.toggled.connect(self.discovered.setEnabled)
        self.discovered_hint = QLabel()  # the date offered when none is set (core.case.discovery)
        self.discovered_hint.setObjectName("discoveredHint")
        self.discovered_hint.setWordWrap(True)
        self.discovered_hint.setStyleSheet("color: #555555")
        self.discovered_hint.hide()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("例如：1798.00（元）"))
        self.error = QLabel()
        self.error.setObjectName("caseDialogError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("案件名称 *"), self.title)
        form.addRow(self.tr("平台名称"), self.platform_name)
        form.addRow(self.tr("平台网址"), self.platform_url)
        form.addRow(self.tr("纠纷原因（可多选）"), causes_box)
        row = QHBoxLayout()
        row.addWidget(self.discovered, 1)
        row.addWidget(self.discovered_known)
        form.addRow(self.tr("发现扣款日期"), row)
        form.addRow("", self.discovered_hint)
        form.addRow(self.tr("主张金额（元）"), self.amount)
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
        if case_id is not None:
            self._load(case_id)

    def _load(self, case_id: int) -> None:
        with self.profile.session() as s:
            c = get_case(s, case_id)
            self.title.setText(c.title)
            self.platform_name.setText(c.platform_name)
            self.platform_url.setText(c.platform_url)
            chosen = case_causes(c)
            for code, box in self.causes.items():
                box.setChecked(code in chosen)
            self.discovered_known.setChecked(c.discovered_on is not None)
            d = c.discovered_on or suggested_discovery(s, case_id)
            if d:
                self.discovered.setDate(QDate(d.year, d.month, d.day))
            if c.discovered_on is None and d:
                self.discovered_known.setChecked(True)  # offered: saved unless the user changes it
                self.discovered_hint.setText(
                    self.tr("尚未填写：已预填最早的主张项日期 %1（期限按较早的日期计算），请核对。").replace(
                        "%1", d.isoformat()
                    )
                )
                self.discovered_hint.show()
            self.amount.setText(f"{c.claimed_amount:.2f}" if c.claimed_amount is not None else "")

    def values(self) -> dict:
        discovered = None
        if self.discovered_known.isChecked():
            q = self.discovered.date()
            discovered = date(q.year(), q.month(), q.day())
        return {
            "platform_name": self.platform_name.text(),
            "platform_url": self.platform_url.text(),
            "causes": self.chosen_causes(),
            "discovered_on": discovered,
            "claimed_amount": self.amount.text().strip() or None,
        }

    def chosen_causes(self) -> list[str]:
        """The ticked causes in display order; none ticked is 未知."""
        return [code for code, box in self.causes.items() if box.isChecked()] or ["unknown"]

    def save(self) -> bool:
        """Create or update through core.case.cases; on bad input show its message and return False."""
        try:
            with self.profile.session() as s:
                if self.case_id is None:
                    self.case_id = create_case(s, self.title.text(), **self.values()).id
                else:
                    update_case(s, self.case_id, title=self.title.text(), **self.values())
        except EXPECTED as exc:
            self.error.setText(str(exc))
            return False
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()
