"""Add or edit a party. USCC / ICP / 身份证号 are checked as the user types (``core.case.parties.check_field``);
a failed check is a warning the user may override after verifying. Saving goes through
``core.case.parties.add_party`` / ``edit_party``; their Chinese messages appear under the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
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
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.parties import add_party, check_field, edit_party, get_party, party_summary
from kami_desktop.core.case.party_basis import BASES
from kami_desktop.core.profile import Profile
from kami_desktop.core.vocab import PARTY_ROLES
from kami_desktop.gui.messages import EXPECTED

TEXT_FIELDS = (
    "name",
    "uscc",
    "icp",
    "address",
    "legal_representative",
    "legal_rep_title",
    "phone",
    "website",
    "id_number",
    "ethnicity",
    "occupation",
)
PERSON_FIELDS = ("id_number", "gender", "birth_date", "ethnicity", "occupation")
COMPANY_FIELDS = ("uscc", "icp", "legal_representative", "legal_rep_title", "website")
# core.vocab.PARTY_ROLES labels; lupdate collects them through these markers
_ROLES = (
    QT_TRANSLATE_NOOP("Vocab", "运营主体"),
    QT_TRANSLATE_NOOP("Vocab", "收款主体"),
    QT_TRANSLATE_NOOP("Vocab", "支付渠道"),
    QT_TRANSLATE_NOOP("Vocab", "本人"),
    QT_TRANSLATE_NOOP("Vocab", "其他"),
)
# core.case.party_basis.BASES labels
_BASES = (
    QT_TRANSLATE_NOOP("Vocab", "平台运营者（经营者）"),
    QT_TRANSLATE_NOOP("Vocab", "收款方且为实际经营者"),
    QT_TRANSLATE_NOOP("Vocab", "平台未能提供经营者真实信息"),
    QT_TRANSLATE_NOOP("Vocab", "与其他被告共同经营"),
)


class PartyDialog(QDialog):
    def __init__(
        self,
        profile: Profile,
        case_id: int,
        party_id: int | None = None,
        parent=None,
        role: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id = case_id
        self.party_id = party_id
        self.setWindowTitle(self.tr("添加当事人") if party_id is None else self.tr("修改当事人"))
        self.setMinimumWidth(500)
        self.role = QComboBox()
        for code, label in PARTY_ROLES.items():
            self.role.addItem(QCoreApplication.translate("Vocab", label), code)
        self.edits: dict[str, QLineEdit] = {f: QLineEdit() for f in TEXT_FIELDS}
        self.edits["name"].setPlaceholderText(self.tr("公司全称或姓名，与营业执照一致"))
        self.edits["uscc"].setPlaceholderText(self.tr("18位统一社会信用代码（或15位注册号）"))
        self.edits["icp"].setPlaceholderText(self.tr("例如：浙ICP备12345678号-1（网站底部）"))
        self.status: dict[str, QLabel] = {}
        for f in ("uscc", "icp", "id_number"):
            check = QLabel()
            check.setWordWrap(True)
            check.setObjectName(f"partyCheck_{f}")
            self.status[f] = check
            self.edits[f].textChanged.connect(lambda _text, f=f: self._check(f))
        self.gender = QComboBox()
        for label, value in (("", ""), (self.tr("男"), "男"), (self.tr("女"), "女")):  # stored in Chinese
            self.gender.addItem(label, value)
        self.birth_date = QDateEdit(QDate(1990, 1, 1))
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_known = QCheckBox(self.tr("填写出生日期"))
        self.birth_known.toggled.connect(self.birth_date.setEnabled)
        self.birth_date.setEnabled(False)
        self.defendant = QCheckBox(self.tr("列为被告"))
        # the basis the documents state for suing this party (core.case.party_basis.BASES)
        self.basis = QComboBox()
        self.basis.setObjectName("partyBasis")
        self.basis.addItem(self.tr("（请选择被诉依据）"), "")
        for code, label in BASES.items():
            self.basis.addItem(QCoreApplication.translate("Vocab", label), code)
        self.basis.setToolTip(
            self.tr(
                "起诉状会写明每个被告被起诉的依据；两个以上被告都是经营者（或共同经营）时才请求“共同”返还。"
            )
        )
        self.defendant.toggled.connect(self.basis.setEnabled)
        self.basis.setEnabled(False)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(56)
        self.override = QCheckBox(self.tr("代码未通过校验，但我已在官方系统核实无误，仍然保存"))
        self.override.setVisible(False)
        self.error = QLabel()
        self.error.setObjectName("partyDialogError")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)

        self.form = QFormLayout()
        self.form.addRow(self.tr("角色"), self.role)
        self.form.addRow(self.tr("名称 *"), self.edits["name"])
        self._row(self.tr("统一社会信用代码"), "uscc")
        self._row(self.tr("ICP备案号"), "icp")
        self.form.addRow(self.tr("住所地"), self.edits["address"])
        self.form.addRow(self.tr("法定代表人"), self.edits["legal_representative"])
        self.form.addRow(self.tr("法定代表人职务"), self.edits["legal_rep_title"])
        self.form.addRow(self.tr("联系电话"), self.edits["phone"])
        self.form.addRow(self.tr("网站"), self.edits["website"])
        self._row(self.tr("身份证号"), "id_number")
        self.form.addRow(self.tr("性别"), self.gender)
        birth = QWidget()
        bl = QFormLayout(birth)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addRow(self.birth_known, self.birth_date)
        self.form.addRow(self.tr("出生日期"), birth)
        self.form.addRow(self.tr("民族"), self.edits["ethnicity"])
        self.form.addRow(self.tr("职业"), self.edits["occupation"])
        self.form.addRow("", self.defendant)
        self.form.addRow(self.tr("被诉依据"), self.basis)
        self.form.addRow(self.tr("备注"), self.notes)
        self._rows: dict[str, QWidget] = {"gender": self.gender, "birth_date": birth}
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.override)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        if party_id is not None:
            self._load(party_id)
        elif role:
            self.role.setCurrentIndex(self.role.findData(role))
        self._role_changed()

    def _row(self, label: str, field: str) -> None:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(self.edits[field])
        v.addWidget(self.status[field])
        self.form.addRow(label, box)

    def _field_widget(self, field: str) -> QWidget:
        if field in self._rows:
            return self._rows[field]
        w = self.edits[field]
        box = w.parentWidget() if field in self.status else None  # the edit with its check line
        return box if box is not None else w

    def _role_changed(self) -> None:
        person = self.role.currentData() == "self"
        for f in PERSON_FIELDS:
            self.form.setRowVisible(self._field_widget(f), person)
        for f in COMPANY_FIELDS:
            self.form.setRowVisible(self._field_widget(f), not person)
        self.defendant.setEnabled(not person)
        self.form.setRowVisible(self.basis, not person)
        if person:
            self.defendant.setChecked(False)

    def _check(self, field: str) -> bool:
        """Show the live check of ``field``; True when it passes or is empty."""
        chk = check_field(field, self.edits[field].text())
        label = self.status[field]
        if chk is None:
            label.setText("")
            ok = True
        elif chk.valid:
            extra = "；".join(chk.warnings)
            if field == "icp":  # an ICP number has no check digit: only its form can be checked
                text = self.tr(
                    "✓ 格式正确（备案号没有校验位，是否真实请在工信部备案系统 beian.miit.gov.cn 查询）"
                )
            else:
                text = self.tr("✓ 格式和校验位正确")
            label.setText(f"{text}（{extra}）" if extra else text)
            label.setStyleSheet("color: #1b5e20")
            ok = True
        else:
            label.setText("⚠ " + chk.reason)
            label.setStyleSheet("color: #b71c1c")
            ok = False
        self.override.setVisible(not self._all_valid() or self.override.isChecked())
        self._fit_check_lines()
        return ok

    def _fit_check_lines(self) -> None:
        """A check line wraps onto two or three lines: make room for all of them (a word-wrapped label
        in a form row otherwise keeps one line's height and the warning is cut off)."""
        for label in self.status.values():
            label.ensurePolished()  # its style sheet (the colour) is applied first: the font may change
            width = label.width() if label.width() > 0 else label.sizeHint().width()
            label.setMinimumHeight(label.heightForWidth(width) if label.text() else 0)
            box = label.parentWidget()
            box_layout = box.layout() if box is not None else None
            if box_layout is not None:
                box_layout.invalidate()
        self.form.invalidate()
        top = self.layout()
        if top is not None:
            top.invalidate()
            top.activate()
        need = self.minimumSizeHint().height()
        if self.isVisible() and self.height() < need:
            self.resize(self.width(), need)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_check_lines()

    def _all_valid(self) -> bool:
        return all((c := check_field(f, self.edits[f].text())) is None or c.valid for f in self.status)

    def _load(self, party_id: int) -> None:
        with self.profile.session() as s:
            p = party_summary(get_party(s, party_id))
        self.role.setCurrentIndex(self.role.findData(p["role"]))
        for f in TEXT_FIELDS:
            self.edits[f].setText(p[f] or "")
        self.gender.setCurrentIndex(max(0, self.gender.findData(p["gender"] or "")))
        if p["birth_date"]:
            self.birth_known.setChecked(True)
            self.birth_date.setDate(QDate.fromString(p["birth_date"], "yyyy-MM-dd"))
        self.defendant.setChecked(p["is_defendant"])
        self.basis.setCurrentIndex(max(0, self.basis.findData(p["basis"] or "")))
        self.notes.setPlainText(p["notes"])
        self.override.setChecked(not self._all_valid())  # stored earlier with an override

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {f: self.edits[f].text().strip() for f in TEXT_FIELDS}
        out["role"] = self.role.currentData()
        out["gender"] = self.gender.currentData() or ""
        out["birth_date"] = (
            self.birth_date.date().toString("yyyy-MM-dd") if self.birth_known.isChecked() else None
        )
        out["is_defendant"] = self.defendant.isChecked()
        out["basis"] = (self.basis.currentData() or "") if out["is_defendant"] else ""
        out["notes"] = self.notes.toPlainText()
        return out

    def accept(self) -> None:
        v = self.values()
        override = self.override.isChecked()
        try:
            with self.profile.session() as s:
                if self.party_id is None:
                    self.party_id = add_party(
                        s, self.case_id, v.pop("role"), v.pop("name"), override=override, **v
                    ).id
                else:
                    edit_party(s, self.party_id, override=override, **v)
        except EXPECTED as exc:
            self.error.setText(str(exc))
            if getattr(exc, "overridable", False):
                self.override.setVisible(True)
            return
        super().accept()
