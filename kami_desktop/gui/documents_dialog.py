"""生成文书: choose a document and its options, see what is still missing, generate DOCX/PDF.

Opened from the 维权进度 view's "生成文书…" button. The missing-field list is recomputed (fast, no
files written) whenever the kind or an option changes; generating and exporting 12315 attachments
run on a worker thread. 打开 / 打开所在文件夹 use the system's default programs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.documents import (
    AttachmentError,
    DocumentError,
    GeneratedDocument,
    check,
    export_12315_attachments,
    generate,
)
from kami_desktop.core.legal.data import LegalDataError
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages, remembered
from kami_desktop.gui.system_open import open_path
from kami_desktop.gui.workers import TaskFailure, TaskWorker, guarded, start_task

LAWSUIT_KINDS = ("lawsuit", "lawsuit-elements")
ATTACHMENT_KINDS = ("complaint-12315", "heimao")


def _qdate(d) -> QDate:
    return QDate(d.year, d.month, d.day)


class DocumentsDialog(QDialog):
    generated = Signal(object)  # GeneratedDocument
    exported = Signal(object)  # list[ExportedAttachment]
    failed = Signal(str)  # the error message

    def __init__(self, profile: Profile, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id = case_id
        self.document: GeneratedDocument | None = None  # the last one generated
        self.paths: list[Path] = []
        self.worker: TaskWorker | None = None
        self.setWindowTitle(self.tr("生成文书"))
        self.resize(640, 620)

        self.kind = QComboBox()
        for label, code in (
            (self.tr("退款催告函"), "demand"),
            (self.tr("12315投诉填写单"), "complaint-12315"),
            (self.tr("黑猫投诉文本"), "heimao"),
            (self.tr("民事起诉状"), "lawsuit"),
            (self.tr("民事起诉状（要素式）"), "lawsuit-elements"),
            (self.tr("证据目录"), "evidence-list"),
        ):
            self.kind.addItem(label, code)
        self.fmt = QComboBox()
        for label, code in (
            (self.tr("Word 和 PDF"), "both"),
            (self.tr("Word（DOCX，可编辑）"), "docx"),
            (self.tr("PDF"), "pdf"),
        ):
            self.fmt.addItem(label, code)
        self.workdays = QSpinBox()
        self.workdays.setRange(3, 7)
        self.workdays.setValue(7)
        self.workdays.setSuffix(self.tr(" 个工作日"))
        self.termination = QCheckBox(self.tr("同时作为解除合同通知"))
        self.interest_on = QCheckBox(self.tr("指定"))
        self.interest_from = QDateEdit(QDate.currentDate())
        self.interest_from.setCalendarPopup(True)
        self.interest_from.setDisplayFormat("yyyy-MM-dd")
        # which one-year LPR the interest uses: the rule the documents state (core.legal.interest.LPR_RULES)
        self.lpr_rule = QComboBox()
        self.lpr_rule.addItem(self.tr("合同成立时的LPR（默认）"), "formation")
        self.lpr_rule.addItem(self.tr("同期LPR（调整时分段计算）"), "per_period")
        self.lpr_rule.setItemData(
            0,
            self.tr("预付式消费解释第十六条、第十七条：整个计息期间适用合同成立时的一年期LPR"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.lpr_rule.setItemData(
            1, self.tr("各日适用当时有效的一年期LPR，LPR调整时分段计算"), Qt.ItemDataRole.ToolTipRole
        )
        self.lpr_date_on = QCheckBox(self.tr("合同成立日"))
        self.lpr_date_on.setToolTip(self.tr("不指定时按首次充值日"))
        self.lpr_date = QDateEdit(QDate.currentDate())
        self.lpr_date.setCalendarPopup(True)
        self.lpr_date.setDisplayFormat("yyyy-MM-dd")
        self.date_on = QCheckBox(self.tr("填写"))
        self.doc_date = QDateEdit(QDate.currentDate())
        self.doc_date.setCalendarPopup(True)
        self.doc_date.setDisplayFormat("yyyy-MM-dd")
        self.court = QLineEdit()
        self.court.setPlaceholderText(self.tr("如：杭州市西湖区人民法院（留空则在文书中留出待填写处）"))
        # the court is the case's: what was typed here or in 生成证据册 comes back in both
        self.settings = remembered.settings_for(self)
        self.court.setText(remembered.case_value(self.settings, profile.data_dir, case_id, remembered.COURT))
        self.court.textChanged.connect(
            lambda text: remembered.remember_case_value(
                self.settings, profile.data_dir, case_id, remembered.COURT, text
            )
        )
        self.out_dir = QLineEdit(str(self.default_out_dir()))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)

        form = QFormLayout()
        form.addRow(self.tr("文书"), self.kind)
        form.addRow(self.tr("格式"), self.fmt)
        form.addRow(self.tr("催告期限"), self._row(self.workdays, self.termination))
        form.addRow(self.tr("利息起算日"), self._row(self.interest_on, self.interest_from))
        form.addRow(self.tr("利率"), self._row(self.lpr_rule, self.lpr_date_on, self.lpr_date))
        form.addRow(self.tr("文书日期"), self._row(self.date_on, self.doc_date))
        form.addRow(self.tr("受诉法院"), self.court)
        form.addRow(self.tr("保存到"), self._row(self.out_dir, browse))

        self.missing_label = QLabel(self.tr("待填写的信息"))
        self.missing = QListWidget()
        self.hints = QPlainTextEdit()
        self.hints.setReadOnly(True)
        self.hints.setMaximumHeight(120)
        self.hints.setPlaceholderText(self.tr("说明与提醒"))
        self.files = QListWidget()
        self.files.itemDoubleClicked.connect(lambda _item: self.open_file())
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.generate_button = QPushButton(self.tr("生成"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.start_generate)
        self.attachments_button = QPushButton(self.tr("导出12315附件"))
        self.attachments_button.clicked.connect(self.start_attachments)
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.folder_button.clicked.connect(self.open_folder)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.generate_button, self.attachments_button, self.open_button, self.folder_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.missing_label)
        lay.addWidget(self.missing, 2)
        lay.addWidget(QLabel(self.tr("说明与提醒")))
        lay.addWidget(self.hints, 1)
        lay.addWidget(QLabel(self.tr("已生成的文件")))
        lay.addWidget(self.files, 1)
        lay.addWidget(self.status)
        lay.addLayout(buttons)

        for signal in (
            self.kind.currentIndexChanged,
            self.workdays.valueChanged,
            self.termination.toggled,
            self.interest_on.toggled,
            self.interest_from.dateChanged,
            self.lpr_rule.currentIndexChanged,
            self.lpr_date_on.toggled,
            self.lpr_date.dateChanged,
            self.date_on.toggled,
            self.doc_date.dateChanged,
            self.court.editingFinished,
        ):
            signal.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            row.addWidget(w)
        if not isinstance(widgets[0], QLineEdit):
            row.addStretch(1)
        return box

    def default_out_dir(self) -> Path:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        return Path(docs) / "卡盟维权文书" / f"案件{self.case_id}"

    # ------------------------------------------------------------------ options
    def current_kind(self) -> str:
        return self.kind.currentData()

    def set_kind(self, code: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(code))

    def options(self) -> dict:
        kind = self.current_kind()
        opts: dict = {}
        if kind in ("demand", *LAWSUIT_KINDS):
            opts["workdays"] = self.workdays.value()
        if kind == "demand":
            opts["termination"] = self.termination.isChecked()
        if kind in LAWSUIT_KINDS:
            if self.interest_on.isChecked():
                opts["interest_from"] = self.interest_from.date().toString("yyyy-MM-dd")
            if self.lpr_rule.currentData() != "formation":
                opts["lpr"] = self.lpr_rule.currentData()
            elif self.lpr_date_on.isChecked():
                opts["lpr_date"] = self.lpr_date.date().toString("yyyy-MM-dd")
            if self.court.text().strip():
                opts["court"] = self.court.text().strip()
        if self.date_on.isChecked():
            opts["date"] = self.doc_date.date().toString("yyyy-MM-dd")
        return opts

    def _update_enabled(self) -> None:
        kind = self.current_kind()
        self.workdays.setEnabled(kind in ("demand", *LAWSUIT_KINDS))
        self.termination.setEnabled(kind == "demand")
        self.interest_on.setEnabled(kind in LAWSUIT_KINDS)
        self.interest_from.setEnabled(kind in LAWSUIT_KINDS and self.interest_on.isChecked())
        self.lpr_rule.setEnabled(kind in LAWSUIT_KINDS)
        formation = self.lpr_rule.currentData() == "formation"
        self.lpr_date_on.setEnabled(kind in LAWSUIT_KINDS and formation)
        self.lpr_date.setEnabled(kind in LAWSUIT_KINDS and formation and self.lpr_date_on.isChecked())
        self.doc_date.setEnabled(self.date_on.isChecked())
        self.court.setEnabled(kind in LAWSUIT_KINDS)
        self.attachments_button.setVisible(kind in ATTACHMENT_KINDS)
        has_files = bool(self.paths)
        self.open_button.setEnabled(has_files)
        self.folder_button.setEnabled(has_files)

    def refresh(self) -> None:
        """Recompute the missing fields for the current kind and options."""
        self._update_enabled()
        self.missing.clear()
        try:
            preview = check(self.profile, self.case_id, self.current_kind(), self.options())
        except (DocumentError, LegalDataError) as exc:
            self.hints.setPlainText(str(exc))
            return
        for label in preview.missing:
            self.missing.addItem(QListWidgetItem(label))
        self.missing_label.setText(
            self.tr("待填写的信息（%n 项，文书中以黄色【待填写】标出）", "", len(preview.missing))
            if preview.missing
            else self.tr("待填写的信息：无")
        )
        self.hints.setPlainText("\n".join(preview.warnings + preview.notes))

    def _browse(self) -> None:
        folder = remembered.choose_folder(self, self.tr("选择保存文书的文件夹"), current=self.out_dir.text())
        if folder:
            self.out_dir.setText(folder)

    # ------------------------------------------------------------------ work
    def _busy(self, busy: bool, text: str = "") -> None:
        self.generate_button.setEnabled(not busy)
        self.attachments_button.setEnabled(not busy)
        self.status.setText(text)

    def start_generate(self) -> None:
        self._busy(True, self.tr("正在生成…"))
        self.worker = start_task(
            generate,
            self.profile,
            self.case_id,
            self.current_kind(),
            Path(self.out_dir.text()),
            self.fmt.currentData(),
            self.options(),
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, self._generated),
            on_error=guarded(self, self._failed),
        )

    def start_attachments(self) -> None:
        self._busy(True, self.tr("正在导出附件…"))
        channel = "heimao" if self.current_kind() == "heimao" else "12315"
        folder = Path(self.out_dir.text()) / (
            self.tr("黑猫投诉附件") if channel == "heimao" else self.tr("12315附件")
        )
        self.worker = start_task(
            export_12315_attachments,
            self.profile,
            self.case_id,
            folder,
            channel=channel,
            on_result=guarded(self, self._exported),
            on_error=guarded(self, self._failed),
        )

    def _show_files(self, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.files.clear()
        for p in self.paths:
            self.files.addItem(QListWidgetItem(str(p)))
        if self.paths:
            self.files.setCurrentRow(0)
        self._update_enabled()

    def _generated(self, doc: GeneratedDocument) -> None:
        self.document = doc
        self._show_files(doc.paths + doc.advice_paths)
        text = self.tr("已生成 %n 个文件。", "", len(doc.paths))
        if doc.advice_paths:
            text += self.tr("另有“内部提示”文件，仅供你自己参考，不寄出、不提交。")
        if doc.missing:
            text += self.tr("文书中还有 %n 处待填写。", "", len(doc.missing))
        self._busy(False, text)
        self.generated.emit(doc)

    def _exported(self, results) -> None:
        self._show_files([r.path for r in results])
        self._busy(False, self.tr("已导出 %n 个附件（每个不超过 2 MB，原始证据未改动）。", "", len(results)))
        self.exported.emit(results)

    def _failed(self, failure: TaskFailure) -> None:
        self._busy(False, self.tr("未能完成。"))
        exc = failure.exception
        if isinstance(exc, DocumentError | AttachmentError | LegalDataError | OSError):
            text = str(exc)
            if isinstance(exc, OSError) and exc.filename:
                text = (
                    self.tr("无法写入 %1：%2")
                    .replace("%1", str(exc.filename))
                    .replace("%2", exc.strerror or str(exc))
                )
            messages.warn(self, self.tr("无法生成"), text)
        else:
            messages.show_error(self, exc, failure.traceback)
        self.failed.emit(str(exc))

    # ------------------------------------------------------------------ open
    def selected_path(self) -> Path | None:
        row = self.files.currentRow()
        if 0 <= row < len(self.paths):
            return self.paths[row]
        return self.paths[0] if self.paths else None

    def open_file(self) -> None:
        path = self.selected_path()
        if path is not None:
            open_path(self, path)

    def open_folder(self) -> None:
        path = self.selected_path()
        if path is not None:
            open_path(self, path.parent)
