"""导入聊天记录 on the 聊天记录 tab: a voice file is imported at once; a chat export's senders are read
first, the user ticks who is who among them (the tab's ``ask_me``), then the export is imported. One job
at a time, on a worker; an import chosen while the senders are still being read waits for that worker.

Thin over ``core.chats.store`` (``chat_senders``, ``import_chat``); says what happened on ``status`` and
hands the result (``ChatImport`` / ``VoiceImport``, None on failure) to ``finished``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kami_desktop.core.chats import VOICE_EXTENSIONS, ChatError
from kami_desktop.core.chats import store as chatstore
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages
from kami_desktop.gui.case_events import exhibit_number
from kami_desktop.gui.formatting import join_list
from kami_desktop.gui.workers import TaskFailure, TaskWorker, guarded, start_task

# who is who among an export's senders: (the user, the platform's staff), None when cancelled
AskMe = Callable[[list, str], tuple[list[str], list[str]] | None]


class ChatImporter(QObject):
    finished = Signal(object)  # ChatImport / VoiceImport, or None on failure
    status = Signal(str)  # what the import is doing or did, for the tab's status line
    busy_changed = Signal()  # a job started or ended: ``worker`` changed

    def __init__(
        self, profile: Profile, case_id: Callable[[], int | None], ask_me: AskMe, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self._case_id = case_id  # the tab's case, asked each time
        self._ask_me = ask_me
        self._window = parent
        self.worker: TaskWorker | None = None
        self.me = ""
        self._pending: tuple[str, list[str], list[str]] | None = None  # an import waiting for its worker slot

    def import_file(
        self, path: str | Path, me: list[str] | None = None, staff: list[str] | None = None
    ) -> None:
        """Import a chat export (after asking who is who among its senders, unless ``me`` is given) or a
        voice file."""
        if self._case_id() is None or self.worker is not None:
            return
        if me is None and Path(path).suffix.lower() not in VOICE_EXTENSIONS:
            self.status.emit(self.tr("正在读取 {name} 的发送者…").format(name=Path(path).name))
            self._run(
                chatstore.chat_senders,
                str(path),
                on_result=lambda senders: self._senders_read(str(path), senders),
                on_error=self._failed,
                with_progress=False,
                with_cancel=False,
            )
            return
        self._start_import(str(path), me or [], staff or [])

    def _senders_read(self, path: str, senders: list) -> None:
        choice = self._ask_me(senders, Path(path).name)
        if choice is None:
            self.status.emit(self.tr("已取消导入。"))
            return
        me, staff = choice
        self.me = "、".join(me)
        self._pending = (path, me, staff)
        if self.worker is None:  # the reading worker has finished already: go on now, else when it does
            self._start_pending()

    def _start_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._start_import(*pending)

    def _start_import(self, path: str, me: list[str], staff: list[str]) -> None:
        case_id = self._case_id()
        if case_id is None or self.worker is not None:
            return
        self.status.emit(self.tr("正在读取 {name}…").format(name=Path(path).name))
        self._run(
            chatstore.import_chat,
            self.profile,
            case_id,
            path,
            me or None,
            on_result=self._imported,
            on_error=self._failed,
            staff=staff or None,
        )

    def _run(self, fn, *args, on_result, on_error, **kwargs) -> None:
        mine: list = []
        self.worker = start_task(
            fn,
            *args,
            on_result=guarded(self, on_result),
            on_error=guarded(self, on_error),
            on_finished=guarded(self, lambda: self._done(mine[0])),
            **kwargs,
        )
        mine.append(self.worker)
        self.busy_changed.emit()

    def _done(self, worker) -> None:
        if self.worker is worker:
            self.worker = None
        self.busy_changed.emit()
        if self.worker is None and self._pending is not None:
            self._start_pending()

    def _number(self, exhibit_id: int) -> int | str:
        """The exhibit's binder number (证据 N as the binder prints it), never its database id."""
        case_id = self._case_id()
        if case_id is None:
            return "?"
        return exhibit_number(self.profile, case_id, exhibit_id) or "?"

    def _imported(self, result) -> None:
        if isinstance(result, chatstore.VoiceImport):
            length = chatstore.format_duration(result.duration) or self.tr("未知")
            self.status.emit(
                self.tr("已导入语音证据 {ex}《{title}》，时长 {length}").format(
                    ex=self._number(result.exhibit_id), title=result.title, length=length
                )
            )
        elif result.duplicate:
            self.status.emit(
                self.tr("这份聊天记录已经导入过（证据 {ex}），没有重复添加。").format(
                    ex=join_list([str(self._number(c["exhibit_id"])) for c in result.chats])
                )
            )
        elif len(result.chats) > 1:
            self.status.emit(
                self.tr("已导入 {k} 个会话，共 {n} 条消息，每个会话一件证据：{titles}").format(
                    k=len(result.chats),
                    n=result.messages,
                    titles=join_list([c["title"] for c in result.chats]),
                )
            )
        else:
            self.status.emit(
                self.tr("已导入《{title}》：{n} 条消息（证据 {ex}）").format(
                    ex=self._number(result.exhibit_id), title=result.title, n=result.messages
                )
            )
        self.finished.emit(result)

    def _failed(self, failure: TaskFailure) -> None:
        exc = failure.exception
        if isinstance(exc, ChatError):
            self.status.emit(self.tr("未导入：{reason}").format(reason=str(exc)))
            messages.warn(self._window, self.tr("无法导入聊天记录"), str(exc))
        else:
            messages.show_error(self._window, exc, failure.traceback)
        self.finished.emit(None)
