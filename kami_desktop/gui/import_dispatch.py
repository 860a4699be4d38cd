"""One way in: every drop, paste of files and Ctrl+O goes through ``ImportDispatcher``.

The files are sorted by content off the GUI thread (``core.evidence.kinds.sort_paths``): bills go to
the 账单 tab's importer (which asks for the ZIP password when it must), chat exports to the 聊天记录
tab's importer (which asks who "me" is), everything else to the file importer as evidence files. Bills
and chats are imported one after another, each as its tab would import a file the user chose there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kami_desktop.core.evidence.kinds import Sorted, sort_paths
from kami_desktop.gui import messages
from kami_desktop.gui.formatting import join_list
from kami_desktop.gui.workers import TaskFailure, guarded, start_task

if TYPE_CHECKING:
    from kami_desktop.gui.main_window import MainWindow


class ImportDispatcher(QObject):
    routed = Signal(object)  # Sorted: where the paths of one import went

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bills_queue: list[str] = []
        self.chats_queue: list[str] = []
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._pump)
        ws = window.workspace
        ws.bills.import_finished.connect(lambda _r: self._pump())
        ws.chats.import_finished.connect(lambda _r: self._pump())

    def busy(self) -> bool:
        return bool(self.bills_queue or self.chats_queue)

    def dispatch(self, case_id: int, paths: list[str]) -> None:
        self.window.statusBar().showMessage(self.tr("正在识别 {n} 个文件…").format(n=len(paths)))
        start_task(
            sort_paths,
            [str(p) for p in paths],
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self.window, lambda s: self._sorted(case_id, s)),
            on_error=guarded(self.window, self._failed),
        )

    def _failed(self, failure: TaskFailure) -> None:
        messages.show_error(self.window, failure.exception, failure.traceback)

    def _sorted(self, case_id: int, found: Sorted) -> None:
        ws = self.window.workspace
        if ws.case_id != case_id:  # the case changed meanwhile: the tabs show another case
            found = Sorted(files=found.bills + found.chats + found.files)
        if found.files:
            self.window.imports.import_files(case_id, found.files)
        self.bills_queue += found.bills
        self.chats_queue += found.chats
        parts = []
        if found.bills:
            parts.append(self.tr("{n} 份账单 → 账单").format(n=len(found.bills)))
        if found.chats:
            parts.append(self.tr("{n} 份聊天记录 → 聊天记录").format(n=len(found.chats)))
        if parts:
            names = join_list(Path(p).name for p in found.bills + found.chats)
            self.window.statusBar().showMessage(
                self.tr("已识别 {what}：{names}").format(what=self.tr("，").join(parts), names=names), 15000
            )
        if found.bills and not found.files and not found.chats:
            ws.setCurrentWidget(ws.bills)
        elif found.chats and not found.files and not found.bills:
            ws.setCurrentWidget(ws.chats)
        self._pump()
        self.routed.emit(found)

    def _pump(self) -> None:
        ws = self.window.workspace
        if ws.case_id is None:  # the case went away (archived, restore): nothing to import into
            self.bills_queue.clear()
            self.chats_queue.clear()
            return
        if self.bills_queue and ws.bills.worker is None:
            ws.bills.import_bill_file(self.bills_queue.pop(0))
        if self.chats_queue and ws.chats.worker is None:
            ws.chats.import_file(self.chats_queue.pop(0))
        if self.busy():
            self._timer.start()  # the tab is still busy with the previous one
