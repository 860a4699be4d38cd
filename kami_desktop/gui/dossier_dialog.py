"""生成证据册: choose and order exhibits, set the cover and options (``dossier_cover_form``), build in the
background, look at the pages (``binder_preview``), print, open the PDF or its folder. A thin layer over
``core.dossier``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.choices import DossierChoices, dossier_choices
from kami_desktop.core.dossier.options import DossierOptions, DossierResult, PreflightError, PreflightReport
from kami_desktop.core.dossier.precheck import preflight
from kami_desktop.core.profile import Profile
from kami_desktop.core.tasks import Cancelled
from kami_desktop.gui import binder_printer, messages, remembered
from kami_desktop.gui.binder_preview import BinderPreview
from kami_desktop.gui.dossier_cover_form import DossierCoverForm
from kami_desktop.gui.dossier_cover_form import default_out_dir as default_out_dir  # re-exported
from kami_desktop.gui.system_open import open_path
from kami_desktop.gui.workers import TaskFailure, TaskWorker, guarded, start_task


class DossierDialog(QDialog):
    built = Signal(object)  # DossierResult
    checked = Signal(object)  # PreflightReport

    def __init__(self, profile: Profile, case_id: int, parent=None) -> None:
        super().__init__(parent)
        self.profile, self.case_id = profile, case_id
        self.dossier: DossierResult | None = None  # the last binder built in this dialog
        self.report: PreflightReport | None = None
        self.worker: TaskWorker | None = None
        self.print_worker: TaskWorker | None = None
        self.setWindowTitle(self.tr("生成证据册"))
        self.resize(1100, 760)
        self.choices = dossier_choices(profile, case_id)
        self._build_ui(self.choices)
        self._check()

    # ------------------------------------------------------------------ layout
    def _build_ui(self, choices: DossierChoices) -> None:
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for x in choices.exhibits:
            item = QListWidgetItem(self.tr("{title}（{n} 个文件）").format(title=x.title, n=x.files))
            item.setData(Qt.ItemDataRole.UserRole, x.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.up_button, self.down_button = QPushButton(self.tr("上移")), QPushButton(self.tr("下移"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("证据（勾选编入，拖动或用按钮调整顺序）：")))
        left.addWidget(self.list, 1)
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        left.addLayout(moves)
        left.addWidget(self.problems)
        self.advice = QLabel()
        self.advice.setObjectName("dossier_advice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setStyleSheet("color: #8a6d00")
        self.advice.setVisible(False)
        left.addWidget(self.advice)

        settings = remembered.settings_for(self)
        self.cover = DossierCoverForm(self.profile, self.case_id, choices.copies.total, settings)
        self.pages = BinderPreview()
        # the fields the dialog's callers and tests reach for, by their old names
        self.submitter, self.court, self.cause = self.cover.submitter, self.cover.court, self.cover.cause
        self.copies, self.online, self.out_dir = self.cover.copies, self.cover.online, self.cover.out_dir
        self.preview, self.page, self.page_total = self.pages.image, self.pages.page, self.pages.page_total
        right = QVBoxLayout()
        right.addWidget(self.cover)
        right.addWidget(self.pages, 1)

        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addLayout(right, 3)
        self.status = QLabel(self.tr("正在检查原始文件…"))
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.hide()
        self.build_button = QPushButton(self.tr("生成证据册"))
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(lambda: self.build())
        self.cancel_button = QPushButton(self.tr("取消生成"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.clicked.connect(self.print_binder)
        self.preview_button = QPushButton(self.tr("打印预览…"))
        self.preview_button.clicked.connect(self.print_preview)
        self.open_button = QPushButton(self.tr("打开PDF"))
        self.open_button.clicked.connect(self.open_pdf)
        self.folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.folder_button.clicked.connect(self.open_folder)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        for b in (self.print_button, self.preview_button, self.open_button, self.folder_button):
            b.setEnabled(False)
        buttons = QHBoxLayout()
        for b in (self.build_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.print_button, self.preview_button, self.open_button, self.folder_button, close):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(top, 1)
        lay.addWidget(self.status)
        lay.addWidget(self.bar)
        lay.addLayout(buttons)

    # ------------------------------------------------------------------ choices
    def selected_ids(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(to, item)
        self.list.setCurrentRow(to)

    def options(self, force: bool = False) -> DossierOptions:
        return self.cover.options(self.selected_ids(), force)

    # ------------------------------------------------------------------ preflight
    def _check(self) -> None:
        start_task(
            preflight,
            self.profile,
            self.case_id,
            on_result=guarded(self, self._checked),
            on_error=guarded(self, self._failed),
        )

    def _checked(self, report: PreflightReport) -> None:
        self.report = report
        if not report.problems:
            self.problems.setText(self.tr("检查通过：{n} 个原始文件完好。").format(n=report.checked))
            self.problems.setStyleSheet("")
        else:
            lines = [self.tr("生成前请注意（{n} 项）：").format(n=len(report.problems))]
            kinds = {
                "missing": self.tr("缺失"),
                "altered": self.tr("被改动"),
                "damaged": self.tr("可能损坏"),
                "empty": self.tr("无文件"),
                "incomplete": self.tr("信息不全"),
            }
            lines += [
                self.tr("· [{kind}] 证据{number}《{title}》：{detail}").format(
                    kind=kinds.get(p.kind, p.kind), number=p.number, title=p.title, detail=p.detail
                )
                for p in report.problems[:12]
            ]
            if len(report.problems) > 12:
                lines.append(self.tr("……另有 {n} 项").format(n=len(report.problems) - 12))
            self.problems.setText("\n".join(lines))
            self.problems.setStyleSheet("color: #b00000" if report.blocking else "color: #8a5a00")
        self.advice.setText(
            (
                self.tr("本软件的提示（只在这里和“内部提示”文件中显示，不印在证据册上）：")
                + "\n"
                + "\n".join(report.advice)
            )
            if report.advice
            else ""
        )
        self.advice.setVisible(bool(report.advice))
        self.status.setText(self.tr("可以生成证据册。"))
        self.checked.emit(report)

    # ------------------------------------------------------------------ build
    def build(self, force: bool = False) -> None:
        if not self.selected_ids():
            messages.info(self, self.tr("证据册"), self.tr("请至少勾选一件证据。"))
            return
        if not force and self.report is not None and self.report.blocking:
            force = self._confirm_force(self.report)
            if not force:
                return
        self.pages.close_document()
        self.dossier = None
        self._busy(True)
        self.status.setText(self.tr("正在生成证据册…"))
        self.worker = start_task(
            build_dossier,
            self.profile,
            self.case_id,
            self.options(force),
            on_progress=guarded(self, self._progress),
            on_result=guarded(self, self._built),
            on_error=guarded(self, self._failed),
        )

    def _confirm_force(self, report: PreflightReport) -> bool:
        names = "\n".join(
            self.tr("证据{number}《{title}》{name}：{detail}").format(
                number=p.number, title=p.title, name=p.original_name or "", detail=p.detail
            )
            for p in report.blocking
        )
        return messages.ask(
            self,
            self.tr("原始文件有问题"),
            self.tr(
                "以下原始文件缺失或已被改动：\n{names}\n\n仍然生成吗？这些文件所在的页面会注明“无法打印”，"
                "证据包中也不会包含它们。"
            ).format(names=names),
        )

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText(self.tr("正在取消…"))

    def _busy(self, busy: bool) -> None:
        self.build_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.bar.setVisible(busy)
        for b in (self.print_button, self.preview_button, self.open_button, self.folder_button):
            b.setEnabled(not busy and self.dossier is not None)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if label:
            self.status.setText(label)

    def _built(self, result: DossierResult) -> None:
        self.dossier = result
        self._busy(False)
        text = self.tr("已生成：{pdf}（共 {pages} 页，证据 {n} 件）").format(
            pdf=result.pdf, pages=result.pages, n=len(result.exhibits)
        )
        if result.online:
            text += "\n" + self.tr("网上立案用文件 {n} 个：{folder}").format(
                n=len(result.online), folder=result.online[0].parent
            )
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        if result.tips is not None:
            text += "\n" + self.tr("给你的提示另存于：{tips}（不提交法院）").format(tips=result.tips)
        self.status.setText(text)
        self.pages.open(result.pdf)
        self.built.emit(result)

    def _failed(self, failure: TaskFailure) -> None:
        self._busy(False)
        exc = failure.exception
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("已取消，没有留下不完整的文件。"))
        elif isinstance(exc, PreflightError):
            self.report = exc.report
            self._checked(exc.report)
            if self._confirm_force(exc.report):
                self.build(force=True)
        else:
            self.status.setText(self.tr("证据册未能生成。"))
            messages.show_error(self, exc, failure.traceback)

    # ------------------------------------------------------------------ print, open
    def print_binder(self) -> None:
        if self.dossier is None:
            return
        printer = binder_printer.choose_printer(self, self.dossier.pdf, self.copies.value())
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter, dpi: int = binder_printer.PRINT_DPI) -> TaskWorker | None:
        """Paint the binder on ``printer`` in the background (Qt allows painting a QPrinter off the GUI thread)."""
        if self.dossier is None:
            return None
        binder = binder_printer.BinderPrinter(self.dossier.pdf)
        self._printer = printer  # kept alive until the job ends
        self.status.setText(self.tr("正在打印…"))
        self.print_worker = start_task(
            binder.paint,
            printer,
            dpi=dpi,
            on_progress=guarded(self, self._progress),
            on_result=guarded(self, self._printed),
            on_error=guarded(self, self._print_failed),
        )
        return self.print_worker

    def _printed(self, sheets: int) -> None:
        self.status.setText(self.tr("已送往打印机：{n} 页。").format(n=sheets))

    def _print_failed(self, failure: TaskFailure) -> None:
        if isinstance(failure.exception, Cancelled):
            self.status.setText(self.tr("打印已取消。"))
            return
        self.status.setText(self.tr("打印未能完成。"))
        messages.show_error(self, failure.exception, failure.traceback)

    def print_preview(self) -> None:
        if self.dossier is not None:
            binder_printer.preview(self, self.dossier.pdf, self.copies.value())

    def open_pdf(self) -> bool:
        return self.dossier is not None and open_path(self, self.dossier.pdf)

    def open_folder(self) -> bool:
        return self.dossier is not None and open_path(self, self.dossier.bundle)

    def done(self, code: int) -> None:
        for w in (self.worker, self.print_worker):
            if w is not None:
                w.cancel()
        self.pages.close_document()
        super().done(code)
