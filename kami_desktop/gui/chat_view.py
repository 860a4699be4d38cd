"""Tab 聊天记录 of a case: choose one of the case's chats, read it as bubbles (the user on the right),
search it, select a span of messages and make it a new excerpt exhibit (the original file is never
changed), make a claim item from a message in one step (右键“作为主张项…”), and import a chat export
or a voice file.

Thin over ``core.chats.store``: loading runs on worker threads; importing is ``chat_import``'s."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.claim_drafts import draft_from_chat_message
from kami_desktop.core.chats import VOICE_EXTENSIONS
from kami_desktop.core.chats import excerpts as chatexcerpts
from kami_desktop.core.chats import store as chatstore
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages, remembered
from kami_desktop.gui.case_events import exhibit_number
from kami_desktop.gui.chat_bubble_delegate import ChatBubbleDelegate
from kami_desktop.gui.chat_import import ChatImporter
from kami_desktop.gui.chat_message_model import ChatMessageModel, MessageRole
from kami_desktop.gui.chat_search import ChatSearch
from kami_desktop.gui.chat_senders_dialog import SendersDialog
from kami_desktop.gui.chat_voice import ChatVoice, load_with_voices
from kami_desktop.gui.claim_dialog import ClaimDialog, Numbers, claim_from
from kami_desktop.gui.formatting import join_list
from kami_desktop.gui.workers import TaskFailure, TaskWorker, guarded, start_task


def load_chats(profile: Profile, case_id: int) -> tuple[int, list[dict]]:
    with profile.session() as s:
        return case_id, chatstore.list_chats(s, case_id)


class ChatView(QWidget):
    loaded = Signal()  # the messages of the chosen chat are shown (or there is no chat)
    import_finished = Signal(object)  # ChatImport / VoiceImport, or None on failure
    excerpt_created = Signal(object)  # chatstore.Excerpt
    claims_changed = Signal(int)  # case id: a claim item was made from a message
    status_message = Signal(str)

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.chats: list[dict] = []
        self._generation = 0
        self._select_chat: int | None = None

        self.chat_box = QComboBox()
        self.chat_box.setMinimumWidth(320)
        self.chat_box.currentIndexChanged.connect(self._chat_chosen)
        self.import_button = QPushButton(self.tr("导入聊天记录…"))
        self.import_button.setToolTip(
            self.tr("QQ 消息管理器导出的 txt，用“留痕”软件从电脑版微信导出的 CSV/TXT/HTML，或语音文件")
        )
        self.import_button.clicked.connect(self.import_chosen)
        self.route: Callable[[list[str]], None] | None = None  # the window's dispatcher: one way in
        self.model = ChatMessageModel(self)
        self.list = QListView()
        self.finder = ChatSearch(self.model, self.list, self)  # 搜索消息, 上一处 / 下一处
        self.search, self.hit_label = self.finder.edit, self.finder.hit_label
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("聊天记录：")))
        bar.addWidget(self.chat_box, 1)
        bar.addWidget(self.import_button)
        bar.addSpacing(12)
        bar.addWidget(self.search, 1)
        for w in (self.finder.prev_button, self.finder.next_button, self.hit_label):
            bar.addWidget(w)

        self.info = QLabel()
        self.info.setWordWrap(True)
        self._pending_message: tuple[int, int] | None = None  # (chat id, message id) to show once loaded
        self._loaded_chat: int | None = None  # the chat whose messages the model holds
        self.list.setModel(self.model)
        self.list.setItemDelegate(ChatBubbleDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setStyleSheet("QListView { background: #f0f0f0; }")
        self.list.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.voice = ChatVoice(self)  # voice messages: which exhibit holds the recording, open and play it

        self.excerpt_button = QPushButton(self.tr("生成摘录证据"))
        self.excerpt_button.setToolTip(
            self.tr("把选中的这一段消息（从第一条到最后一条）生成为一件新的证据；原始聊天记录不变")
        )
        self.excerpt_button.clicked.connect(self.make_excerpt)
        self.selection_label = QLabel()
        self.status = QLabel()
        self.status.setStyleSheet("color: #546e7a;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.selection_label, 1)
        bottom.addWidget(self.excerpt_button)
        # 导入聊天记录…: reading the senders, asking who is who, importing, on a worker
        self.importer = ChatImporter(
            profile, lambda: self.case_id, lambda senders, name: self.ask_me(senders, name), self
        )
        self.importer.status.connect(self.status.setText)
        self.importer.finished.connect(self._import_finished)
        self.importer.busy_changed.connect(self._update_buttons)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.info)
        lay.addWidget(self.list, 1)
        lay.addLayout(bottom)
        lay.addWidget(self.status)
        self._update_buttons()

    # ------------------------------------------------------------------ hooks (tests replace these)
    def ask_claim(self, draft, evidence: str = "", exhibits: Numbers | None = None) -> dict | None:
        return ClaimDialog.ask(self, draft, evidence, exhibits)

    def choose_file(self) -> str | None:
        voice = " ".join(f"*{e}" for e in sorted(VOICE_EXTENSIONS))
        return remembered.open_file(
            self,
            self.tr("选择聊天记录或语音文件"),
            remembered.CHATS,
            self.tr("聊天记录 (*.txt *.csv *.html *.htm);;语音 ({voice});;所有文件 (*)").format(voice=voice),
        )

    def ask_me(self, senders: list, file_name: str) -> tuple[list[str], list[str]] | None:
        """Who in the export is the user, and who is the platform's staff in group chats: ticked in a list
        of the export's senders (None: cancelled)."""
        return SendersDialog.ask(self, senders, file_name)

    # ------------------------------------------------------------------ loading
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self._pending_message = None
        self._loaded_chat = None
        self.chats = []
        self.chat_box.blockSignals(True)
        self.chat_box.clear()
        self.chat_box.blockSignals(False)
        self.model.set_rows([])
        self.info.setText("")
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.case_id is not None:
            self.reload()  # chats may have been trashed or restored on the evidence tab

    def reload(self, select_chat: int | None = None) -> None:
        self._generation += 1
        gen = self._generation
        self._select_chat = select_chat if select_chat is not None else self.current_chat_id()
        if self.case_id is None:
            self._update_buttons()
            return
        start_task(
            load_chats,
            self.profile,
            self.case_id,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda res: self._chats_loaded(gen, res)),
            on_error=guarded(self, self._failed),
        )

    def _chats_loaded(self, gen: int, result) -> None:
        case_id, chats = result
        if gen != self._generation or case_id != self.case_id:
            return
        if chats and chats == self.chats and self.model.rowCount():  # nothing changed: keep scroll and search
            self._show_pending()
            self.loaded.emit()
            return
        self.chats = chats
        self.chat_box.blockSignals(True)
        self.chat_box.clear()
        for c in chats:
            label = self.tr("{title}（{n} 条）").format(title=c["title"], n=c["messages"])
            self.chat_box.addItem(label, c["chat_id"])
        self.chat_box.blockSignals(False)
        if not chats:
            self.model.set_rows([])
            self.info.setText(
                self.tr(
                    "本案还没有聊天记录。点击“导入聊天记录…”导入 QQ 导出的聊天记录，或用“留痕”软件从电脑版微信导出的聊天记录（见 帮助 → 如何导出微信聊天记录）。"
                )
            )
            self._update_buttons()
            self.loaded.emit()
            return
        wanted = self.chat_box.findData(self._select_chat) if self._select_chat is not None else -1
        self.chat_box.setCurrentIndex(max(0, wanted))
        self._chat_chosen(self.chat_box.currentIndex())

    def current_chat_id(self) -> int | None:
        data = self.chat_box.currentData()
        return int(data) if data is not None else None

    def select_chat(self, chat_id: int) -> None:
        i = self.chat_box.findData(chat_id)
        if i >= 0:
            self.chat_box.setCurrentIndex(i)

    def _chat_chosen(self, index: int) -> None:
        if index < 0 or index >= len(self.chats):
            return
        info = self.chats[index]
        participants = join_list(info["participants"][:6]) or "-"
        self.info.setText(
            self.tr("证据 {ex} · {n} 条消息 · {first} 至 {last} · 参与者：{who}").format(
                ex=self._number(info["exhibit_id"]),
                n=info["messages"],
                first=(info["first"] or "")[:16].replace("T", " "),
                last=(info["last"] or "")[:16].replace("T", " "),
                who=participants,
            )
            + "".join(f"\n{w}" for w in info.get("warnings", [])[:3])
        )
        gen = self._generation
        start_task(
            load_with_voices,
            self.profile,
            info["chat_id"],
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda res: self._messages_loaded(gen, res)),
            on_error=guarded(self, self._failed),
        )

    def _messages_loaded(self, gen: int, result) -> None:
        chat_id, rows = result
        if gen != self._generation or chat_id != self.current_chat_id():
            return
        self.model.set_rows(rows)
        self._loaded_chat = chat_id
        if self.finder.active():
            self.finder.run()
        self._show_pending()
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, failure: TaskFailure) -> None:
        messages.show_error(self, failure.exception, failure.traceback)

    # ------------------------------------------------------------------ one message, shown from elsewhere
    def show_message(self, chat_id: int, message_id: int) -> None:
        """Show this chat and select this message (as a search hit names them), once they are loaded."""
        self._pending_message = (chat_id, message_id)
        self._select_chat = chat_id
        self._show_pending()

    def _show_pending(self) -> None:
        if self._pending_message is None:
            return
        chat_id, message_id = self._pending_message
        if self._loaded_chat == chat_id and self.current_chat_id() == chat_id:
            self._pending_message = None
            row = next((i for i, m in enumerate(self.model.rows) if m.id == message_id), -1)
            if row >= 0:
                self.model.set_current_hit(row)
                self.list.setCurrentIndex(self.model.index(row))
                self.list.scrollTo(self.model.index(row), QAbstractItemView.ScrollHint.PositionAtCenter)
        elif self.current_chat_id() != chat_id and self.chat_box.findData(chat_id) >= 0:
            self.select_chat(chat_id)  # loads its messages, then comes back here

    def selected_message_id(self) -> int | None:
        row = self.list.currentIndex().row()
        return self.model.rows[row].id if 0 <= row < len(self.model.rows) else None

    # ------------------------------------------------------------------ search
    def run_search(self) -> None:
        self.finder.run()

    def step_hit(self, step: int) -> None:
        self.finder.step(step)

    # ------------------------------------------------------------------ a claim item from a message
    def _context_menu(self, pos) -> None:
        index = self.list.indexAt(pos)
        if not index.isValid() or self.case_id is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("作为主张项…"), lambda: self.claim_from_row(index.row()))
        self.voice.add_actions(menu, index.row())
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def claim_from_row(self, row: int) -> None:
        """One step: the message's date and the amount it names prefill a claim item the user confirms."""
        m = self.model.index(row).data(MessageRole)
        if m is None or self.case_id is None:
            return
        item_id = claim_from(self, self.profile, draft_from_chat_message, m.id)
        if item_id is not None:
            self.status.setText(self.tr("已添加主张项 {id}（已记入存证日志）").format(id=item_id))
            self.claims_changed.emit(self.case_id)

    # ------------------------------------------------------------------ excerpt
    def selected_span(self) -> tuple[int, int] | None:
        rows = [i.row() for i in self.list.selectionModel().selectedIndexes()]
        if not rows:
            return None
        return self.model.seq_of(min(rows)), self.model.seq_of(max(rows))

    def select_span(self, first_row: int, last_row: int) -> None:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        sel = QItemSelection(self.model.index(first_row), self.model.index(last_row))
        self.list.selectionModel().select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def make_excerpt(self) -> None:
        span, chat_id = self.selected_span(), self.current_chat_id()
        if span is None or chat_id is None or self.case_id is None:
            return
        try:
            result = chatexcerpts.excerpt_exhibit(self.profile, self.case_id, chat_id, *span)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        text = (
            self.tr("已生成摘录证据 {ex}《{title}》")
            if not result.duplicate
            else self.tr("这段摘录已经存在：证据 {ex}《{title}》")
        )
        self.status.setText(text.format(ex=self._number(result.exhibit_id), title=result.title))
        self.excerpt_created.emit(result)

    def _update_buttons(self) -> None:
        span = self.selected_span()
        has_case = self.case_id is not None
        self.import_button.setEnabled(has_case and self.worker is None)
        self.excerpt_button.setEnabled(has_case and span is not None)
        self.chat_box.setEnabled(bool(self.chats))
        if span:
            self.selection_label.setText(self.tr("已选第 {a}—{b} 条消息").format(a=span[0], b=span[1]))
        else:
            self.selection_label.setText(self.tr("按住 Shift 点击可选中一段连续的消息，再生成摘录证据。"))

    # ------------------------------------------------------------------ import
    @property
    def worker(self) -> TaskWorker | None:
        """The import's worker while a chat export or a voice file is being read or imported."""
        return self.importer.worker

    def import_chosen(self) -> None:
        """导入聊天记录…: a voice file is this tab's; anything else goes where a dropped file would (a bill
        to 账单, a picture to 证据), through the window's dispatcher."""
        path = self.choose_file() if self.case_id is not None and self.worker is None else None
        if not path:
            return
        if self.route is not None and Path(path).suffix.lower() not in VOICE_EXTENSIONS:
            self.route([path])
        else:
            self.import_file(path)

    def import_file(
        self, path: str | Path | None = None, me: list[str] | None = None, staff: list[str] | None = None
    ) -> None:
        """Import a chat export (after asking who is who among its senders) or a voice file."""
        if self.case_id is None or self.worker is not None:
            return
        path = path or self.choose_file()
        if path:
            self.importer.import_file(path, me, staff)

    def _import_finished(self, result) -> None:
        if isinstance(result, chatstore.ChatImport):
            voices = self.voice.summary(result.voices)  # the audio files its voice messages name
            if voices:
                self.status.setText(f"{self.status.text()}\n{voices}")
        self.import_finished.emit(result)
        if isinstance(result, chatstore.ChatImport):
            self.reload(select_chat=result.chat_id)

    def _number(self, exhibit_id: int) -> int | str:
        """The exhibit's binder number (证据 N as the binder prints it), never its database id."""
        if self.case_id is None:
            return "?"
        return exhibit_number(self.profile, self.case_id, exhibit_id) or "?"
