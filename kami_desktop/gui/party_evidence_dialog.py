"""Link an exhibit to a party as evidence of who it is (营业执照, ICP备案, 客服联系方式, 其他)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from kami_desktop.core.case.facts import exhibit_numbers
from kami_desktop.core.case.parties import EVIDENCE_KINDS, get_party, link_evidence
from kami_desktop.core.profile import Profile
from kami_desktop.gui.messages import EXPECTED

_KINDS = (
    QT_TRANSLATE_NOOP("PartyEvidence", "营业执照"),
    QT_TRANSLATE_NOOP("PartyEvidence", "ICP备案"),
    QT_TRANSLATE_NOOP("PartyEvidence", "客服联系方式"),
    QT_TRANSLATE_NOOP("PartyEvidence", "其他"),
)


class PartyEvidenceDialog(QDialog):
    def __init__(self, profile: Profile, party_id: int, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.party_id = party_id
        self.setWindowTitle(self.tr("关联主体证据"))
        self.setMinimumWidth(420)
        with profile.session() as s:
            party = get_party(s, party_id)
            name = party.name
            numbers = exhibit_numbers(s, party.case_id)
        self.exhibit = QComboBox()
        for exhibit_id, (number, title) in sorted(numbers.items(), key=lambda kv: kv[1][0]):
            self.exhibit.addItem(
                self.tr("证据%1  %2").replace("%1", str(number)).replace("%2", title), exhibit_id
            )
        self.kind = QComboBox()
        for code, label in EVIDENCE_KINDS.items():
            self.kind.addItem(QCoreApplication.translate("PartyEvidence", label), code)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        if not numbers:
            self.error.setText(self.tr("本案还没有证据：请先在“证据”中导入营业执照或备案截图。"))
        form = QFormLayout()
        form.addRow(self.tr("当事人"), QLabel(name))
        form.addRow(self.tr("证据"), self.exhibit)
        form.addRow(self.tr("证明内容"), self.kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("关联"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(numbers))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def accept(self) -> None:
        try:
            with self.profile.session() as s:
                link_evidence(s, self.party_id, self.exhibit.currentData(), self.kind.currentData())
        except EXPECTED as exc:
            self.error.setText(str(exc))
            return
        super().accept()
