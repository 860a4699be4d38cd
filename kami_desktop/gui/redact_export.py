"""The masked-copy dialog's 导出上传文件夹: warns about boxes not yet saved, offers to remake the copies an
older backup did not carry, asks for the folder, exports the copies for the chosen site on a worker
(``core.redact.export``) and says what was written. Its texts keep the dialog's translation context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kami_desktop.core.profile import Profile
from kami_desktop.core.redact.copies import ABSENT
from kami_desktop.core.redact.export import SITES, ExportReport, export_for_site, free_folder
from kami_desktop.core.redact.remake import absent_copies, remake_copies
from kami_desktop.gui import messages
from kami_desktop.gui.workers import guarded, start_task

if TYPE_CHECKING:
    from kami_desktop.gui.redact_dialog import RedactDialog


def export_copies(dialog: RedactDialog) -> None:
    if dialog.case_id is None or dialog.busy:
        return
    title = QCoreApplication.translate("RedactDialog", "导出上传文件夹")
    left = dialog.unsaved_pages()
    if left and not messages.ask(
        dialog,
        title,
        QCoreApplication.translate(
            "RedactDialog",
            "有 {n} 张图片的遮盖框改动还没有保存：导出的是已保存的副本（改动之前的样子）。仍要导出吗？",
        ).format(n=len(left)),
    ):
        return
    absent = absent_copies(dialog.profile, dialog.case_id)
    remake_first = bool(absent) and messages.ask(
        dialog,
        title,
        QCoreApplication.translate(
            "RedactDialog",
            "本案有 {n} 个打码副本不在本机（从不含打码副本的旧版备份恢复后会这样；原件完好）。"
            "要先按存证日志登记的遮盖框重新制作，再导出吗？",
        ).format(n=absent),
    )
    chosen = dialog.choose_folder()
    if not chosen:
        return
    site = dialog.site_box.currentData()
    folder = free_folder(Path(chosen), f"{SITES[site]}上传图片")
    dialog._set_busy(True)
    start_task(
        _remake_then_export if remake_first else export_for_site,
        dialog.profile,
        dialog.case_id,
        site,
        folder,
        with_progress=False,
        with_cancel=False,
        on_result=guarded(dialog, lambda report: _exported(dialog, report)),
        on_error=guarded(dialog, dialog._failed),
        on_finished=guarded(dialog, lambda: dialog._set_busy(False)),
    )


def _exported(dialog: RedactDialog, report: ExportReport) -> None:
    title = QCoreApplication.translate("RedactDialog", "导出上传文件夹")
    absent = sum(1 for k in report.skipped if k.reason == ABSENT)
    if absent:
        messages.warn(
            dialog,
            title,
            QCoreApplication.translate(
                "RedactDialog",
                "已导出 {n} 个文件；{k} 个打码副本不在本机（从不含打码副本的旧版备份恢复后会这样），未导出。"
                "可在“校验完整性”窗口点“重新制作打码副本”后再导出。",
            ).format(n=len(report.files), k=absent),
        )
        return
    if not report.files:  # a folder with only the list in it: nothing to upload
        messages.warn(
            dialog,
            title,
            QCoreApplication.translate(
                "RedactDialog",
                "没有导出任何图片：本案还没有保存过打码副本。请先核对每张图片上的遮盖框，点“保存副本”，再导出。",
            ),
        )
        return
    text = QCoreApplication.translate(
        "RedactDialog",
        "已导出 {n} 个打码副本到：\n{folder}\n\n文件清单.txt 写明了每个副本出自哪件证据、原件和副本的 SHA-256。",
    ).format(n=len(report.files), folder=str(report.out_dir))
    if report.skipped:
        text += "\n\n" + QCoreApplication.translate(
            "RedactDialog", "未导出 {n} 个文件（见文件清单）。"
        ).format(n=len(report.skipped))
    messages.info(dialog, title, text)


def _remake_then_export(profile: Profile, case_id: int, site: str, folder: Path) -> ExportReport:
    """The copies an older backup did not carry made again from the ledger's boxes, then the export."""
    remake_copies(profile, case_id)
    return export_for_site(profile, case_id, site, folder)
