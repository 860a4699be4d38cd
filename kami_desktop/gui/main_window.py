"""The main window: cases on the left, the case workspace (tabs) on the right, menus and shortcuts,
drag-and-drop and paste import (``gui/main_imports.py``), remembered geometry and last case.

It starts in two phases so that it paints at once: ``MainWindow(None, settings)`` is the window itself —
its remembered size and place, the menu bar, the case list's frame and "正在打开资料…" — built from Qt
alone, before the database layer (SQLAlchemy) or any feature tab is imported; ``attach(profile)``, on
the next turn of the event loop, builds the rest into it. ``MainWindow(profile, settings)`` does both."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.gui import messages, remembered
from kami_desktop.gui.main_imports import ImportingMixin, local_paths
from kami_desktop.gui.system_open import open_path
from kami_desktop.resources import resource_path

if TYPE_CHECKING:
    from kami_desktop.core.profile import Profile
    from kami_desktop.gui.single_instance import SingleInstance

__all__ = ["APP_TITLE", "MainWindow", "app_icon", "local_paths"]

APP_TITLE = "卡盟维权助手"


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "kami.svg")))


class MainWindow(ImportingMixin, QMainWindow):
    first_painted = Signal()  # the window is on the screen: time to load the data side (app.main)

    def __init__(self, profile: Profile | None, settings: QSettings | None = None) -> None:
        super().__init__()
        self.profile = cast("Profile", None)  # set by attach(); nothing reaches it before (menus are off)
        self._attached = False
        self.settings = settings if settings is not None else QSettings("kami_desktop", "kami-desktop")
        self.setWindowTitle(self.tr("卡盟维权助手"))
        self.setWindowIcon(app_icon())
        self.summary_dialog = None
        self.instance_guard: SingleInstance | None = None  # app.main's guard, released during a restore
        self.choose_files = lambda: remembered.open_files(self, self.tr("导入文件"), remembered.IMAGES)
        self._last_live_reload = 0.0
        self._painted = False
        self._build_shell()
        if profile is not None:
            self.attach(profile)

    # ------------------------------------------------------------------ phase 1: the window, Qt only
    def _build_shell(self) -> None:
        """The menu bar's menus, the case list's frame and a "正在打开资料…" page, at the size and place
        the window had last time: what the user sees while the data layer loads."""
        bar = self.menuBar()
        for title in (
            self.tr("文件(&F)"),
            self.tr("编辑(&D)"),
            self.tr("证据(&E)"),
            self.tr("证据册"),
            self.tr("设置(&S)"),
            self.tr("帮助(&H)"),
        ):
            bar.addMenu(title).setEnabled(False)
        side = QWidget()
        heading = QLabel(self.tr("案件"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(6, 6, 6, 6)
        side_lay.addWidget(heading)
        side_lay.addStretch(1)
        loading = QLabel(self.tr("正在打开资料…"))
        loading.setObjectName("loadingPage")
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splitter = QSplitter()
        self.splitter.addWidget(side)
        self.splitter.addWidget(loading)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1000])
        self.setCentralWidget(self.splitter)
        self.statusBar().showMessage(self.tr("正在打开资料…"))
        geo = self.settings.value("main/geometry")
        if geo is None or not self.restoreGeometry(geo):
            self._first_size()

    def _first_size(self) -> None:
        """1280×820 where the screen has room; on a smaller one (a 1366×768 laptop) as much of the screen's
        free area as the window and its title bar can take, instead of running off its bottom."""
        screen = self.screen()
        if screen is None:
            self.resize(1280, 820)
            return
        free = screen.availableGeometry()
        frame = 40  # the title bar and borders the window manager adds around the window
        self.resize(min(1280, free.width() - 16), min(820, free.height() - frame))
        self.move(free.left() + max(0, (free.width() - self.width()) // 2), free.top())

    def is_ready(self) -> bool:
        return self._attached

    # ------------------------------------------------------------------ phase 2: the case file
    def attach(self, profile: Profile) -> None:
        """Build the data side into the window: sidebar, tabs, importers, menus; open the last case."""
        from PySide6.QtWidgets import QStackedWidget

        from kami_desktop.gui.case_sidebar import CaseSidebar
        from kami_desktop.gui.case_tabs import CaseWorkspace
        from kami_desktop.gui.drop_overlay import DropOverlay
        from kami_desktop.gui.import_controller import ImportController
        from kami_desktop.gui.import_dispatch import ImportDispatcher
        from kami_desktop.gui.import_progress import ImportProgress
        from kami_desktop.gui.ocr_runner import OcrRunner
        from kami_desktop.gui.thumbnails import ThumbnailCache

        self.profile = profile
        self._attached = True
        self.setAcceptDrops(True)
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
        sizes = self.splitter.sizes()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(sizes)
        self.setCentralWidget(self.splitter)
        self.overlay = DropOverlay(self)  # over the whole window: a child of the splitter would become a pane
        self.workspace.events.changed.connect(lambda _case, _source: self.sidebar.refresh())

        self.imports = ImportController(profile, self)
        self.dispatcher = ImportDispatcher(self)  # drops, pasted files and Ctrl+O: bills, chats, files
        self.workspace.bills.route = self.import_paths  # and the 账单 and 聊天记录 tabs' own buttons
        self.workspace.chats.route = self.import_paths
        self.progress = ImportProgress()
        self.statusBar().addPermanentWidget(self.progress)
        self.progress.cancel_button.clicked.connect(self.cancel_import)
        self.imports.started.connect(lambda _k: self.progress.begin())
        self.imports.progress.connect(self.progress.update_progress)
        self.imports.progress.connect(self._show_progressively)
        self.imports.finished.connect(self._import_finished)
        self.imports.failed.connect(self._import_failed)
        self.imports.busy_changed.connect(lambda busy: None if busy else self.progress.end())
        self.ocr = OcrRunner(profile, self.settings, self)  # screenshots read in the background
        self.statusBar().addPermanentWidget(self.ocr.strip)
        self.ocr.message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.ocr.progress.connect(lambda *_a: self.evidence.detail.ocr_text.refresh())
        self.ocr.finished.connect(lambda _s: self.evidence.detail.text_was_read())
        self.ocr.finished.connect(lambda _s: self.workspace.warmup.request(self.current_case_id()))

        self.menuBar().clear()
        self._build_actions()
        from kami_desktop.gui.case_home_actions import connect_home

        self.home_actions = connect_home(self)  # the 案件首页's buttons and the empty views' drop zones
        last = remembered.last_case(self.settings, profile.data_dir)
        if last is not None:
            self.sidebar.refresh(select=last)  # the case open when the window was last closed
        self.sidebar.case_selected.connect(self.set_case)
        self.sidebar.cases_changed.connect(self._update_title)
        self.set_case(self.sidebar.current_case_id())
        self._restore_state()
        self.statusBar().clearMessage()

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
        from kami_desktop.gui.edit_menu import build_edit_menu

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
        self._action(m, self.tr("制作打码副本…"), self.evidence.redact_selected, name="redactAction")
        m.addSeparator()
        self._action(m, self.tr("回收站…"), self.open_trash, name="trashViewAction")
        self._action(m, self.tr("校验完整性…"), self.verify, name="verifyAction")
        m = bar.addMenu(self.tr("证据册"))
        self.dossier_action = self._action(
            m, self.tr("生成证据册…"), self.open_dossier, QKeySequence.StandardKey.Print, "dossierAction"
        )
        m = bar.addMenu(self.tr("设置(&S)"))
        self._action(m, self.tr("界面语言与文字识别…"), self.open_settings)
        m = bar.addMenu(self.tr("帮助(&H)"))
        from kami_desktop.gui.help_dialog import add_help_actions

        add_help_actions(self, m)  # the guides: exporting bills and chats, screenshots, categories
        self._action(
            m,
            self.tr("打开日志文件夹"),
            lambda: open_path(self, self.profile.logs_dir),
        )
        self._action(m, self.tr("关于"), self.about)

    # ------------------------------------------------------------------ cases
    def current_case_id(self) -> int | None:
        return self.workspace.case_id

    def set_case(self, case_id: int | None) -> None:
        self.statusBar().clearMessage()  # a message about the case left behind is not about this one
        self.workspace.set_case(case_id)
        self.stack.setCurrentWidget(self.workspace if case_id is not None else self.empty)
        self._update_title()
        remembered.remember_last_case(self.settings, self.profile.data_dir, case_id)
        self.ocr.request(case_id)

    def _update_title(self) -> None:
        from kami_desktop.core.case.cases import get_case

        title = self.tr("卡盟维权助手")
        case_id = self.current_case_id()
        if case_id is not None:
            with self.profile.session() as s:
                title = f"{get_case(s, case_id).title} — {title}"
        self.setWindowTitle(title)

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
        from kami_desktop.core.util.logs import close_logging
        from kami_desktop.gui.workers import cancel_and_wait_all

        self.imports.shutdown()
        self.ocr.shutdown()
        self.workspace.warmup.shutdown()
        self.evidence.ops.waitForDone(15000)
        cancel_and_wait_all()
        self.thumbs.shutdown()

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
        from kami_desktop import __version__

        messages.info(
            self,
            self.tr("关于"),
            self.tr(
                "卡盟维权助手 {version}\n帮您整理被卡盟平台扣款的证据：截图、账单、聊天记录逐一计算哈希、"
                "记录时间，并生成可打印的证据册。所有资料只保存在本机。\n\n资料位置：{path}"
            ).format(version=__version__, path=self.profile.data_dir),
        )

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ geometry and shutdown
    def _restore_state(self) -> None:
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
        if self._attached:
            self.settings.setValue("main/splitter", self.splitter.saveState())
            self.settings.setValue("main/evidence_splitter", self.evidence.splitter.saveState())
            self.settings.setValue("main/view", "table" if self.evidence.table_button.isChecked() else "grid")
        self.settings.sync()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # after this paint has reached the screen

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._attached and self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self._attached:  # closed while starting: nothing is open yet
            self.save_geometry()
            super().closeEvent(event)
            return
        from kami_desktop.gui.workers import cancel_and_wait_all

        self.evidence.detail.commit()  # what was typed and not yet saved is saved (or the user is told)
        self.save_geometry()
        self.imports.shutdown()
        self.ocr.shutdown()
        self.workspace.warmup.shutdown()
        self.evidence.ops.waitForDone(15000)
        cancel_and_wait_all()
        self.thumbs.shutdown()
        super().closeEvent(event)
