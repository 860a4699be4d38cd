"""校验完整性: runs ``core.evidence.verify.verify`` in the background with progress and cancel, then lists
each problem with the exhibit it concerns. Masked copies whose files are not there (a profile restored
from an older backup) are a notice, with a button that makes them again (``core.redact.remake``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kami_desktop.core.evidence.detail import exhibit_titles
from kami_desktop.core.evidence.verify import VerifyReport, absent_copies_notice, verify
from kami_desktop.core.profile import Profile
from kami_desktop.core.redact.remake import RemakeReport, remake_copies
from kami_desktop.gui import messages
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP
from kami_desktop.gui.workers import TaskFailure, guarded, start_task


class VerifyDialog(QDialog):
    finished_report = Signal(object)  # VerifyReport, once the check has run

    KINDS = {
        "missing": QT_TRANSLATE_NOOP("VerifyDialog", "文件缺失"),
        "hash_mismatch": QT_TRANSLATE_NOOP("VerifyDialog", "内容被改动"),
        "size_mismatch": QT_TRANSLATE_NOOP("VerifyDialog", "大小不符"),
        "orphan": QT_TRANSLATE_NOOP("VerifyDialog", "多余文件"),
        "ledger_broken": QT_TRANSLATE_NOOP("VerifyDialog", "存证日志断裂"),
        "state_mismatch": QT_TRANSLATE_NOOP("VerifyDialog", "与存证日志不符"),
        "anchor": QT_TRANSLATE_NOOP("VerifyDialog", "日志被改写或删减"),
        "copy_mismatch": QT_TRANSLATE_NOOP("VerifyDialog", "打码副本被改动"),
    }

    WIDTH = 720
    TABLE_HEIGHT = 420  # the window's height once it lists problems

    def __init__(self, profile: Profile, case_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id = case_id
        self.report: VerifyReport | None = None
        self.setWindowTitle(self.tr("校验完整性"))
        self.status = QLabel(self.tr("正在重新计算每个原始文件的哈希值并检查存证日志…"))
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.bar = QProgressBar()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("证据"), self.tr("问题"), self.tr("说明")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.remake_button = QPushButton(self.tr("重新制作打码副本"))
        self.remake_button.hide()
        self.remake_button.clicked.connect(self.remake)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.remake_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.close_button)
        lay = self.lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.bar)
        lay.addWidget(self.table, 1)
        lay.addStretch(1)  # without the table, extra height goes below the text, never above it
        lay.addLayout(row)
        self._fit()
        self.worker = start_task(
            verify,
            profile,
            case_id,
            on_progress=guarded(self, self._progress),
            on_result=guarded(self, self._finished),
            on_error=guarded(self, self._failed),
        )
        self.cancel_button.clicked.connect(self.worker.cancel)

    def _progress(self, done: int, total: int, _label: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _titles(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        with self.profile.session() as s:
            return exhibit_titles(s, ids)

    def _finished(self, report: VerifyReport) -> None:
        self.report = report
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        self.bar.hide()
        if report.cancelled:
            self.status.setText(self.tr("校验已取消，已检查 {n} 个文件。").format(n=report.checked))
        elif report.ok:
            self.status.setText(
                self.tr("校验通过：{n} 个原始文件完好，存证日志 {m} 条记录完整。").format(
                    n=report.checked, m=report.ledger_entries
                )
            )
        else:
            self.status.setText(
                self.tr("发现 {k} 个问题（已检查 {n} 个文件）：").format(
                    k=len(report.problems), n=report.checked
                )
            )
        if report.notices and not report.cancelled:
            self.status.setText(
                self.status.text() + "".join("\n" + self.tr("提示：") + n for n in self._notices(report))
            )
        titles = self._titles({p.exhibit_id for p in report.problems if p.exhibit_id})
        self.table.setRowCount(len(report.problems))
        for r, p in enumerate(report.problems):
            if p.exhibit_id:
                who = self.tr("{title}（ID {id}）").format(
                    title=titles.get(p.exhibit_id, ""), id=p.exhibit_id
                )
            elif p.entry:
                who = self.tr("日志第 {n} 条").format(n=p.entry)
            else:
                who = (p.sha256 or "")[:16] or "—"
            self.table.setItem(r, 0, QTableWidgetItem(who))
            self.table.setItem(r, 1, QTableWidgetItem(self.tr(self.KINDS.get(p.kind, p.kind))))
            self.table.setItem(r, 2, QTableWidgetItem(p.detail))
        self.table.resizeColumnToContents(0)
        self.table.setVisible(bool(report.problems))
        self.remake_button.setVisible(bool(report.copies_absent) and not report.cancelled)
        self._fit()
        self.finished_report.emit(report)

    def _fit(self) -> None:
        """Size the window to what it shows: the text (and the problem table when there is one)."""
        lay = self.lay
        lay.setStretch(lay.indexOf(self.table) + 1, 0 if self.table.isVisibleTo(self) else 1)
        lay.invalidate()  # the progress bar may just have been hidden: measure without it
        lay.activate()  # and the window's minimum height with it
        width = max(self.width() if self.isVisible() else 0, self.WIDTH)
        height = lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else self.sizeHint().height()
        if self.table.isVisibleTo(self):
            height = max(height, self.TABLE_HEIGHT)
        self.resize(width, height)

    def _notices(self, report: VerifyReport) -> list[str]:
        """The report's notices; the one on absent masked copies in the window's words (the button is
        right below: no other window, no CLI command) and in the UI's language."""
        absent = absent_copies_notice(report.copies_absent) if report.copies_absent else None
        return [
            self.tr(
                "{n} 个打码副本的文件不在数据目录中（从不含打码副本的旧版备份恢复后会这样）。打码副本不是证据："
                "原件和存证日志完好，这不是篡改；点下面的“重新制作打码副本”，按存证日志登记的遮盖框重新制作。"
            ).format(n=report.copies_absent)
            if n == absent
            else n
            for n in report.notices
        ]

    def remake(self) -> None:
        """Make the absent masked copies again from the boxes the ledger recorded (small images: quick)."""
        self.remake_button.setEnabled(False)
        self.remake_worker = start_task(
            remake_copies,
            self.profile,
            self.case_id,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, self._remade),
            on_error=guarded(self, self._failed),
        )

    def _remade(self, made: RemakeReport) -> None:
        text = self.tr("已按存证日志登记的遮盖框重新制作 {n} 个打码副本。").format(n=len(made.remade))
        changed = sum(1 for r in made.remade if not r.identical)
        if changed:
            text += self.tr(
                "其中 {n} 个编码出的文件与原副本的 SHA-256 不同（图像库版本不同），已作为新副本登记在存证日志中。"
            ).format(n=changed)
        text += "".join("\n" + n.reason + f"（{n.file_name}）" for n in made.not_remade)
        self.status.setText(text)
        self.remake_button.setVisible(bool(made.still_absent))
        self.remake_button.setEnabled(True)
        self._fit()

    def _failed(self, failure: TaskFailure) -> None:
        self.close_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("校验未能完成。"))
        messages.show_error(self, failure.exception, failure.traceback)

    def reject(self) -> None:
        self.worker.cancel()
        super().reject()
