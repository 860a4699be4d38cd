"""The main window's ways in: Ctrl+O, Ctrl+V and drag and drop, all through the one dispatcher
(``gui/import_dispatch.py``), and what the window shows while a file import runs and when it ends."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from kami_desktop.gui import messages

if TYPE_CHECKING:
    from kami_desktop.core.evidence.importer import ImportReport
    from kami_desktop.gui.workers import TaskFailure


def local_paths(urls) -> list[str]:
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]


class ImportingMixin:
    # provided by MainWindow
    imports: Any
    dispatcher: Any
    ocr: Any
    progress: Any
    evidence: Any
    workspace: Any
    overlay: Any
    summary_dialog: Any
    choose_files: Any
    _last_live_reload: float

    if TYPE_CHECKING:

        def current_case_id(self) -> int | None: ...

        def statusBar(self) -> Any: ...  # noqa: N802 - Qt API

    def _need_case(self) -> int | None:
        cid = self.current_case_id()
        if cid is None:
            messages.info(
                self,  # type: ignore[arg-type]
                QCoreApplication.translate("MainWindow", "还没有案件"),
                QCoreApplication.translate("MainWindow", "请先新建或选择一个案件，再导入证据。"),
            )
        return cid

    def import_dialog(self) -> None:
        cid = self._need_case()
        if cid is None:
            return
        paths = self.choose_files()
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        """The one way in: bills and chat exports go to their tabs' importers, other files become exhibits."""
        cid = self._need_case()
        if cid is not None and paths:
            self.dispatcher.dispatch(cid, paths)

    def paste(self) -> None:
        """Ctrl+V: a copied screenshot becomes a PNG exhibit; copied files are imported."""
        cid = self._need_case()
        if cid is None:
            return
        md = QGuiApplication.clipboard().mimeData()
        paths = local_paths(md.urls()) if md is not None and md.hasUrls() else []
        if paths:
            self.import_paths(paths)
        elif md is not None and md.hasImage():
            self.imports.paste_image(cid, QGuiApplication.clipboard().image())
        else:
            self.statusBar().showMessage(
                QCoreApplication.translate(
                    "MainWindow", "剪贴板里没有截图或文件。先复制一张图片（如微信截图），再按 Ctrl+V。"
                ),
                8000,
            )

    def _show_progressively(self, done: int, total: int, _name: str) -> None:
        """During a long import, let new exhibits appear every couple of seconds."""
        stamp = time.monotonic()
        if 0 < done < total and stamp - self._last_live_reload > 2.0:
            self._last_live_reload = stamp
            self.evidence.reload()

    def cancel_import(self) -> None:
        self.progress.cancelling()
        self.imports.cancel()

    def _import_finished(self, report: ImportReport, kind: str) -> None:
        from kami_desktop.gui.import_controller import KIND_PASTE
        from kami_desktop.gui.import_summary_dialog import ImportSummaryDialog, summary_text

        new_ids = list(dict.fromkeys(i.exhibit_id for i in report.imported))
        # shown, not selected: a Delete right after an import must not take the whole import with it
        self.evidence.reload(select=[], reveal=new_ids)
        self.workspace.events.notify(self.current_case_id(), self.evidence)
        if report.imported:
            self.ocr.request(self.current_case_id())  # read the new screenshots in the background
        text = summary_text(report)
        if kind == KIND_PASTE and not report.errors:
            text = (
                QCoreApplication.translate("MainWindow", "已把剪贴板截图保存为证据")
                if report.added_count
                else text
            )
        if not self.ocr.enabled and any(i.media_type.startswith("image/") for i in report.imported):
            text += QCoreApplication.translate(
                "MainWindow", "（导入后自动识别文字已关闭：需要时用“证据 → 识别截图文字”）"
            )
        self.statusBar().showMessage(text, 15000)
        if (
            report.errors
            or report.already_in_case_count
            or report.cancelled
            or any(i.problem for i in report.imported)
        ):
            # something was skipped or is damaged: say which file and why
            self.summary_dialog = ImportSummaryDialog(report, self)
            self.summary_dialog.show()
        in_trash = [(i.exhibit_id, i.trashed_exhibit_id) for i in report.imported if i.trashed_exhibit_id]
        if in_trash:  # dropped again after it was deleted: bring the old one back rather than a copy?
            self.evidence.offer_restore(in_trash)

    def _import_failed(self, failure: TaskFailure) -> None:
        messages.show_error(self, failure.exception, failure.traceback)  # type: ignore[arg-type]
        self.evidence.reload()

    # drag and drop ----------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        md = event.mimeData()
        if md.hasUrls() and local_paths(md.urls()) and getattr(self, "_attached", False):
            event.acceptProposedAction()
            text = (
                QCoreApplication.translate("MainWindow", "松开鼠标，导入到当前案件")
                if self.current_case_id() is not None
                else QCoreApplication.translate("MainWindow", "请先新建一个案件")
            )
            self.overlay.show_message(text)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.overlay.hide()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.overlay.hide()
        paths = local_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)
