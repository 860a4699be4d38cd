"""What an import did, in plain words: new exhibits, duplicates, and each failure with its reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from kami_desktop.core.evidence.importer import ImportReport


def summary_text(report: ImportReport) -> str:
    # a file the vault holds for another case is new to this one: only what the case held is "not added"
    parts = [QCoreApplication.translate("ImportSummary", "新导入 {n} 个文件").format(n=report.added_count)]
    if report.already_in_case_count:
        parts.append(
            QCoreApplication.translate("ImportSummary", "{n} 个已在本案件中（重复，未再添加）").format(
                n=report.already_in_case_count
            )
        )
    if report.errors:
        parts.append(
            QCoreApplication.translate("ImportSummary", "{n} 个未能导入").format(n=len(report.errors))
        )
    sep = QCoreApplication.translate("ImportSummary", "，", "separator between the parts of the summary")
    text = QCoreApplication.translate("ImportSummary", "{parts}。").format(parts=sep.join(parts))
    if report.cancelled:
        text += QCoreApplication.translate("ImportSummary", "导入已取消，已导入的文件保留在证据库中。")
    return text


class ImportSummaryDialog(QDialog):
    def __init__(self, report: ImportReport, parent=None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("导入结果"))
        self.setMinimumWidth(520)
        self.summary = QLabel(summary_text(report))
        self.summary.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        rows = [(Path(e.path).name or e.path, e.reason, e.path) for e in report.errors]
        rows += [
            (i.original_name, self.tr("重复：与已有证据内容相同"), i.path)
            for i in report.imported
            if i.already_in_case
        ]
        rows += [
            (i.original_name, i.problem, i.path)
            for i in report.imported
            if i.problem and not i.already_in_case
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([self.tr("文件"), self.tr("原因")])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (name, reason, path) in enumerate(rows):
            item = QTableWidgetItem(name)
            item.setToolTip(path)
            self.table.setItem(r, 0, item)
            self.table.setItem(r, 1, QTableWidgetItem(reason))
        self.table.resizeColumnToContents(0)
        self.table.setVisible(bool(rows))
        lay.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)
