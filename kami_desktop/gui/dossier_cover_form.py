"""封面与选项 of 生成证据册: what the binder's cover says (提交人, 受理法院, 案由, 案号, 提交日期, 案情简述)
and how it is made (originals attached up to a size cap, the separate files for 网上立案, the copies to
print, the folder it is saved to), read back as ``DossierOptions``.

提交人 and the court are the case's: what was typed here or in 生成文书 comes back in both
(``gui/remembered.py``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from kami_desktop.core.dossier.options import DEFAULT_ATTACHMENT_CAP_MB, DEFAULT_CAUSE, DossierOptions
from kami_desktop.core.profile import Profile
from kami_desktop.gui import remembered


def default_out_dir() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
    return Path(docs) / "卡盟维权证据册"


class DossierCoverForm(QGroupBox):
    """The cover fields and the build options; ``copies`` is the number of copies the case suggests,
    ``settings`` the app's QSettings the case's 提交人 and court are remembered in."""

    def __init__(self, profile: Profile, case_id: int, copies: int, settings: QSettings, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("封面与选项"))
        self.submitter = QLineEdit()
        self.submitter.setPlaceholderText(self.tr("如：原告 张三（留空则打印空白横线，手写填写）"))
        self.court = QLineEdit()
        self.cause = QLineEdit(DEFAULT_CAUSE)
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(self.tr("立案后才有，可留空"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("案情简述（可选，单独一页）"))
        self.summary.setMaximumHeight(80)
        self.attachments = QCheckBox(self.tr("把原始文件作为附件嵌入 PDF"))
        self.attachments.setChecked(True)
        self.cap = QDoubleSpinBox()
        self.cap.setRange(0, 4096)
        self.cap.setDecimals(0)
        self.cap.setSuffix(" MB")
        self.cap.setValue(DEFAULT_ATTACHMENT_CAP_MB)
        self.attachments.toggled.connect(self.cap.setEnabled)
        self.copies = QSpinBox()
        self.copies.setRange(1, 99)
        self.copies.setValue(copies)
        self.out_dir = QLineEdit(str(default_out_dir()))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        # 提交人 and the court are the case's: what was typed here or in 生成文书 comes back in both
        for edit, name in ((self.submitter, remembered.SUBMITTER), (self.court, remembered.COURT)):
            edit.setText(remembered.case_value(settings, profile.data_dir, case_id, name))
            edit.textChanged.connect(
                lambda text, name=name: remembered.remember_case_value(
                    settings, profile.data_dir, case_id, name, text
                )
            )
        form = QFormLayout(self)
        form.addRow(self.tr("提交人"), self.submitter)
        form.addRow(self.tr("受理法院"), self.court)
        form.addRow(self.tr("案由"), self.cause)
        form.addRow(self.tr("案号"), self.case_number)
        form.addRow(self.tr("提交日期"), self.date)
        form.addRow(self.tr("案情简述"), self.summary)
        cap_row = QHBoxLayout()
        cap_row.addWidget(self.attachments)
        cap_row.addWidget(QLabel(self.tr("总大小上限")))
        cap_row.addWidget(self.cap)
        form.addRow(self.tr("附件"), cap_row)
        self.online = QCheckBox(self.tr("另存网上立案用的文件（每件证据一个 PDF，证据目录单独一个）"))
        form.addRow(self.tr("网上立案"), self.online)
        copies_row = QHBoxLayout()
        copies_row.addWidget(self.copies)
        copies_row.addWidget(QLabel(self.tr("份（法院 1 份 + 每名被告 1 份 + 自留 1 份）")))
        form.addRow(self.tr("打印份数"), copies_row)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_dir, 1)
        out_row.addWidget(browse)
        form.addRow(self.tr("保存到"), out_row)

    def _browse(self) -> None:
        chosen = remembered.choose_folder(
            self, self.tr("选择保存证据册的文件夹"), current=self.out_dir.text()
        )
        if chosen:
            self.out_dir.setText(chosen)

    def options(self, exhibit_ids: list[int], force: bool = False) -> DossierOptions:
        """The binder to build from these exhibits, in this order, with the cover and options as set."""
        d = self.date.date()
        return DossierOptions(
            out_dir=Path(self.out_dir.text().strip() or default_out_dir()),
            exhibit_ids=exhibit_ids,
            attachments=self.attachments.isChecked(),
            attachment_cap_mb=float(self.cap.value()),
            submitted_on=date(d.year(), d.month(), d.day()),
            submitter=self.submitter.text().strip(),
            court=self.court.text().strip(),
            cause=self.cause.text().strip(),
            case_number=self.case_number.text().strip(),
            summary=self.summary.toPlainText().strip(),
            force=force,
            online_pdfs=self.online.isChecked(),
        )
