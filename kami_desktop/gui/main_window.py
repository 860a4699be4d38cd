"""The main window: cases on the left, the case workspace (tabs) on the right, menus and shortcuts,
drag-and-drop and paste import, remembered geometry."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.evidence.importer import ImportReport
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages
from kami_desktop.gui.case_home_actions import connect_home
from kami_desktop.gui.case_sidebar import CaseSidebar
from kami_desktop.gui.case_tabs import CaseWorkspace
from kami_desktop.gui.drop_overlay import DropOverlay
from kami_desktop.gui.edit_menu import build_edit_menu
from kami_desktop.gui.help_dialog import add_help_actions
from kami_desktop.gui.import_controller import KIND_PASTE, ImportController
from kami_desktop.gui.import_dispatch import ImportDispatcher
from kami_desktop.gui.import_progress import ImportProgress
from kami_desktop.gui.import_summary_dialog import ImportSummaryDialog, summary_text
from kami_desktop.gui.ocr_runner import OcrRunner
from kami_desktop.gui.thumbnails import ThumbnailCache
from kami_desktop.gui.workers import TaskFailure, cancel_and_wait_all
from kami_desktop.resources import resource_path

if TYPE_CHECKING:
    from kami_desktop.gui.single_instance import SingleInstance

APP_TITLE = "卡盟维权助手"


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "kami.svg")))


def local_paths(urls) -> list[str]:
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile()]


class MainWindow(QMainWindow):
    def __init__(self, profile: Profile, settings: QSettings | None = None) -> None:
        super().__init__()
        self.profile = profile
        self.settings = settings if settings is not None else QSettings("kami_desktop", "kami-desktop")
        self.setWindowTitle(self.tr("卡盟维权助手"))
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.summary_dialog: ImportSummaryDialog | None = None
        self.instance_guard: SingleInstance | None = None  # app.main's guard, released during a restore
        self.choose_files = lambda: QFileDialog.getOpenFileNames(self, self.tr("导入文件"), "")[0]

        self.thumbs = ThumbnailCache(profile.cache_dir, profile.blob_path, parent=self)
        self.sidebar = CaseSidebar(profile)
        self.workspace = CaseWorkspace(profile, thumbs=self.thumbs)
        self.evidence = self.workspace.evidence
        self.evidence.import_requested.connect(self.import_dialog)
        self.evidence.status_message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        self.empty = self._empty_page()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.workspace)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1000])
        self.setCentralWidget(self.splitter)
        self.overlay = DropOverlay(self)  # over the whole window: a child of the splitter would become a pane
        self.workspace.events.changed.connect(lambda _case, _source: self.sidebar.refresh())

        self.imports = ImportController(profile, self)
        self.dispatcher = ImportDispatcher(self)  # drops, pasted files and Ctrl+O: bills, chats, files
        self.progress = ImportProgress()
        self.statusBar().addPermanentWidget(self.progress)
        self.progress.cancel_button.clicked.connect(self.cancel_import)
        self.imports.started.connect(lambda _k: self.progress.begin())
        self.imports.progress.connect(self.progress.update_progress)
        self.imports.progress.connect(self._show_progressively)
        self._last_live_reload = 0.0
        self.imports.finished.connect(self._import_finished)
        self.imports.failed.connect(self._import_failed)
        self.imports.busy_changed.connect(lambda busy: None if busy else self.progress.end())
        self.ocr = OcrRunner(profile, self.settings, self)  # screenshots read in the background
        self.statusBar().addPermanentWidget(self.ocr.strip)
        self.ocr.message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.ocr.progress.connect(lambda *_a: self.evidence.detail.ocr_text.refresh())
        self.ocr.finished.connect(lambda _s: self.evidence.detail.text_was_read())

        self._build_actions()
        self.home_actions = connect_home(self)  # the 案件首页's buttons and the empty views' drop zones
        self.sidebar.case_selected.connect(self.set_case)
        self.sidebar.cases_changed.connect(self._update_title)
        self.set_case(self.sidebar.current_case_id())
        self._restore_geometry()

    # ------------------------------------------------------------------ building
    def _empty_page(self) -> QWidget:
        from kami_desktop.gui.first_run import FirstRunPage
        from kami_desktop.gui.help_dialog import open_guides

        return FirstRunPage(self.sidebar.new_case, lambda: open_guides(self))

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot())
        if name:
            act.setObjectName(name)
        menu.addAction(act)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("文件(&F)"))
        self.new_case_action = self._action(
            m, self.tr("新建案件…"), self.sidebar.new_case, QKeySequence.StandardKey.New
        )
        self.import_action = self._action(
            m, self.tr("导入文件…"), self.import_dialog, QKeySequence.StandardKey.Open, "importAction"
        )
        self.paste_action = self._action(
            m, self.tr("粘贴截图或文件"), self.paste, QKeySequence.StandardKey.Paste, "pasteAction"
        )
        m.addSeparator()
        self._action(m, self.tr("备份…"), self.open_backup, name="backupAction")
        self._action(m, self.tr("从备份恢复…"), self.open_restore, name="restoreAction")
        m.addSeparator()
        self._action(m, self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action, self.redo_action = build_edit_menu(self, bar, self.evidence)
        m = bar.addMenu(self.tr("证据(&E)"))
        self.rename_action = self._action(m, self.tr("重命名"), self.rename, Qt.Key.Key_F2, "renameAction")
        self.trash_action = self._action(
            m,
            self.tr("删除到回收站"),
            self.evidence.trash_selected,
            QKeySequence.StandardKey.Delete,
            "trashAction",
        )
        self.find_action = self._action(
            m, self.tr("查找"), self.evidence.focus_search, QKeySequence.StandardKey.Find, "findAction"
        )
        m.addSeparator()
        self._action(m, self.tr("合并所选证据"), self.evidence.merge_selected)
        self._action(m, self.tr("拆分证据"), self.evidence.split_current)
        self._action(
            m,
            self.tr("识别截图文字"),
            lambda: self.ocr.request(self.current_case_id(), asked=True),
            name="ocrAction",
        )
        m.addSeparator()
        self._action(m, self.tr("回收站…"), self.open_trash, name="trashViewAction")
        self._action(m, self.tr("校验完整性…"), self.verify, name="verifyAction")
        m = bar.addMenu(self.tr("证据册"))
        self.dossier_action = self._action(
            m, self.tr("生成证据册…"), self.open_dossier, QKeySequence.StandardKey.Print, "dossierAction"
        )
        m = bar.addMenu(self.tr("设置(&S)"))
        self._action(m, self.tr("界面语言…"), self.open_settings)
        m = bar.addMenu(self.tr("帮助(&H)"))
        add_help_actions(self, m)  # the guides: exporting bills and chats, screenshots, categories
        self._action(
            m,
            self.tr("打开日志文件夹"),
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.profile.logs_dir))),
        )
        self._action(m, self.tr("关于"), self.about)

    # ------------------------------------------------------------------ cases
    def current_case_id(self) -> int | None:
        return self.workspace.case_id

    def set_case(self, case_id: int | None) -> None:
        self.workspace.set_case(case_id)
        self.stack.setCurrentWidget(self.workspace if case_id is not None else self.empty)
        self._update_title()
        self.ocr.request(case_id)

    def _update_title(self) -> None:
        title = self.tr("卡盟维权助手")
        case_id = self.current_case_id()
        if case_id is not None:
            with self.profile.session() as s:
                title = f"{get_case(s, case_id).title} — {title}"
        self.setWindowTitle(title)

    def _need_case(self) -> int | None:
        cid = self.current_case_id()
        if cid is None:
            messages.info(self, self.tr("还没有案件"), self.tr("请先新建或选择一个案件，再导入证据。"))
        return cid

    # ------------------------------------------------------------------ importing
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
                self.tr("剪贴板里没有截图或文件。先复制一张图片（如微信截图），再按 Ctrl+V。"), 8000
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
        new_ids = list(dict.fromkeys(i.exhibit_id for i in report.imported))
        # shown, not selected: a Delete right after an import must not take the whole import with it
        self.evidence.reload(select=[], reveal=new_ids)
        self.workspace.events.notify(self.current_case_id(), self.evidence)
        if report.imported:
            self.ocr.request(self.current_case_id())
        text = summary_text(report)
        if kind == KIND_PASTE and not report.errors:
            text = self.tr("已把剪贴板截图保存为证据") if report.added_count else text
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

    def _import_failed(self, failure: TaskFailure) -> None:
        messages.show_error(self, failure.exception, failure.traceback)
        self.evidence.reload()

    # drag and drop ----------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        md = event.mimeData()
        if md.hasUrls() and local_paths(md.urls()):
            event.acceptProposedAction()
            text = (
                self.tr("松开鼠标，导入到当前案件")
                if self.current_case_id() is not None
                else self.tr("请先新建一个案件")
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

    # ------------------------------------------------------------------ other actions
    def rename(self) -> None:
        if self.evidence.detail.exhibit_id is not None:
            self.evidence.detail.start_rename()

    def open_trash(self) -> None:
        from kami_desktop.gui.trash_dialog import TrashDialog

        cid = self._need_case()
        if cid is None:
            return
        dlg = TrashDialog(self.profile, cid, self, restore=self.evidence.restore_ids)
        dlg.purged.connect(self.evidence.undo_stack.clear)  # what was purged can no longer come back
        dlg.purged.connect(lambda: self.workspace.events.notify(cid))
        dlg.exec()

    def verify(self):
        from kami_desktop.gui.verify_dialog import VerifyDialog

        dlg = VerifyDialog(self.profile, self.current_case_id(), self)
        dlg.show()
        return dlg

    def open_dossier(self) -> None:
        cid = self.current_case_id()
        if cid is None:
            messages.info(self, self.tr("证据册"), self.tr("请先选择一个案件。"))
            return
        from kami_desktop.gui.dossier_dialog import DossierDialog  # loads PyMuPDF: not at start-up

        DossierDialog(self.profile, cid, self).exec()

    def open_backup(self) -> None:
        from kami_desktop.gui.backup_dialog import BackupDialog

        BackupDialog(self.profile, self).exec()

    def open_restore(self):
        from kami_desktop.gui.backup_dialog import RestoreDialog

        dlg = RestoreDialog(self.profile.data_dir, self, release_profile=self.release_profile)
        dlg.restored.connect(lambda _report: self.reload_profile())
        dlg.abandoned.connect(self.reload_profile)
        dlg.exec()
        return dlg

    def release_profile(self) -> None:
        """Let go of every open file in the data folder so a restore can move it aside (Windows
        refuses to rename a folder with open files): database, log file, single-instance lock."""
        self.imports.shutdown()
        self.ocr.shutdown()
        self.evidence.ops.waitForDone(15000)
        cancel_and_wait_all()
        self.thumbs.shutdown()
        from kami_desktop.core.util.logs import close_logging

        close_logging()
        if self.instance_guard is not None:
            self.instance_guard.release_lock()
        self.profile.close()

    def reload_profile(self) -> None:
        """After a restore (or an abandoned one): open the data folder again and show what it holds."""
        self.profile.reopen()
        if self.instance_guard is not None:
            self.instance_guard.acquire_lock()
        from kami_desktop.gui import crash_handler

        crash_handler.setup_logging(self.profile.logs_dir)
        self.sidebar.refresh()
        self.set_case(self.sidebar.current_case_id())

    def open_settings(self) -> None:
        from kami_desktop.gui.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self).exec()

    def about(self) -> None:
        messages.info(
            self,
            self.tr("关于"),
            self.tr(
                "卡盟维权助手\n帮您整理被卡盟平台扣款的证据：截图、账单、聊天记录逐一计算哈希、记录时间，"
                "并生成可打印的证据册。所有资料只保存在本机。\n\n资料位置：{path}"
            ).format(path=self.profile.data_dir),
        )

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ geometry and shutdown
    def _restore_geometry(self) -> None:
        geo = self.settings.value("main/geometry")
        if geo is None or not self.restoreGeometry(geo):
            self.resize(1280, 820)
        for key, splitter in (
            ("main/splitter", self.splitter),
            ("main/evidence_splitter", self.evidence.splitter),
        ):
            state = self.settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        if self.settings.value("main/view") == "table":
            self.evidence.table_button.click()

    def save_geometry(self) -> None:
        self.settings.setValue("main/geometry", self.saveGeometry())
        self.settings.setValue("main/splitter", self.splitter.saveState())
        self.settings.setValue("main/evidence_splitter", self.evidence.splitter.saveState())
        self.settings.setValue("main/view", "table" if self.evidence.table_button.isChecked() else "grid")
        self.settings.sync()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.evidence.detail.commit()  # what was typed and not yet saved is saved (or the user is told)
        self.save_geometry()
        self.imports.shutdown()
        self.ocr.shutdown()
        self.evidence.ops.waitForDone(15000)
        cancel_and_wait_all()
        self.thumbs.shutdown()
        super().closeEvent(event)
