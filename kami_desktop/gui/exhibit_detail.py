"""Detail panel of one exhibit: large preview (a video: its frames, ``video_frames``), its files, the facts of the selected file (``file_facts``: hashes with
copy buttons, times) and the editable fields. Every edit goes through the core's exhibit edit, so the
ledger records old → new.

Nothing typed is lost: a field saves itself when the user leaves it (Enter, Tab, a click elsewhere),
and the evidence tab calls ``commit()`` before another exhibit is shown; an edit the core refuses
stays in the field with its reason beside it, and leaving the exhibit then says so."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.evidence.detail import ExhibitDetail, FileDetail, exhibit_detail
from kami_desktop.core.evidence.exhibits import edit_exhibits
from kami_desktop.core.evidence.times import FILE_MTIME, time_label
from kami_desktop.core.evidence.video import is_video
from kami_desktop.core.profile import Profile
from kami_desktop.core.vocab import CATEGORIES
from kami_desktop.gui import messages
from kami_desktop.gui.datetime_field import ChinaDateTimeField
from kami_desktop.gui.file_facts import FileFactsForm
from kami_desktop.gui.file_preview import FilePreview
from kami_desktop.gui.formatting import category_label, human_size, kind_of
from kami_desktop.gui.messages import EXPECTED, show_error
from kami_desktop.gui.ocr_text_view import OcrTextView
from kami_desktop.gui.suggestion_panel import SuggestionPanel
from kami_desktop.gui.video_frames import VideoFramesPanel

FIELDS = ("title", "category", "purpose", "source", "captured_at", "notes", "tags", "transcript")

# how an edit is saved: (exhibit id, {field: value}) -> None, raising UserError when refused
EditCommit = Callable[[int, dict[str, Any]], None]


class ExhibitDetailPanel(QWidget):
    edited = Signal(int)  # exhibit id, after a saved edit
    move_file_requested = Signal(int)  # file id

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.exhibit_id: int | None = None
        self._files: tuple[FileDetail, ...] = ()
        self._loaded: dict[str, str] = {}
        self.commit_edit: EditCommit = self._save_directly  # the evidence tab saves through its undo stack

        self.preview = FilePreview(profile.cache_dir)
        self.ocr_text = OcrTextView(profile)  # machine-read text of the file shown: not evidence
        self.video = VideoFramesPanel(profile.cache_dir, self._commit_pick)  # a video's frames, instead
        self.video.open_button.clicked.connect(self.preview.open_external)
        self.top = QStackedWidget()
        self.top.addWidget(self.preview)
        self.top.addWidget(self.video)
        self._key_frames: tuple[str, ...] = ()
        self.files = QListWidget()
        self.files.setMaximumHeight(90)
        self.files.currentRowChanged.connect(self._show_file)
        self.move_file_button = QPushButton(self.tr("移到其他证据…"))
        self.move_file_button.clicked.connect(self._move_file)

        self.title = QLineEdit()
        self.category = QComboBox()
        for code in CATEGORIES:
            self.category.addItem(category_label(code), code)
        self.purpose = QPlainTextEdit()
        self.purpose.setPlaceholderText(self.tr("这项证据证明什么，例如：证明平台已扣款但未发货"))
        self.purpose.setFixedHeight(60)
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("证据从哪里来，例如：本人手机截图、支付宝导出账单"))
        self.captured = ChinaDateTimeField()
        self.captured_hint = QLabel(  # shown when the time is only the file's: the binder says so too
            self.tr("这是文件的修改时间（常是复制到电脑的时间），不是拍摄时间；证据册中注明为“文件修改时间”")
        )
        self.captured_hint.setWordWrap(True)
        self.captured_hint.setStyleSheet("color: #8a6d00")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.advice = QLabel()
        self.advice.setObjectName("exhibit_advice")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("color: #8a6d00; background: #fff8e1; padding: 4px")
        self.advice.setToolTip(self.tr("本软件给你的提示：只在软件中显示，不会印在提交法院的材料上。"))
        self.transcript = QPlainTextEdit()  # shown for exhibits with a recording; printed under its waveform
        self.transcript.setPlaceholderText(self.tr("自己听写的录音内容，写明说话人，例如：客服：七日内退款"))
        self.transcript.setFixedHeight(80)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("用逗号分隔，例如：客服, 拒绝退款"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存修改"))
        self.save_button.setToolTip(self.tr("离开一个输入框或换一项证据时也会自动保存"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("还原"))
        self.revert_button.setToolTip(self.tr("放弃还没保存的修改（已保存的修改用 Ctrl+Z 撤销）"))
        self.revert_button.clicked.connect(self.reload)
        for line in (self.title, self.source, self.tags):
            line.editingFinished.connect(self.autosave)
        self.category.activated.connect(lambda _i: self.autosave())
        self.captured.editing_finished.connect(self.autosave)
        for box in (self.purpose, self.notes, self.transcript):
            box.installEventFilter(self)  # a plain-text box has no editingFinished: save on leaving it

        form = QFormLayout()
        form.addRow(self.tr("名称"), self.title)
        form.addRow(self.tr("证据类别"), self.category)
        form.addRow(self.tr("证明目的"), self.purpose)
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("拍摄时间"), self.captured)
        form.addRow("", self.captured_hint)
        form.addRow(self.tr("备注"), self.notes)
        form.addRow(self.tr("标签"), self.tags)
        form.addRow(self.tr("提示"), self.advice)
        form.addRow(self.tr("录音文字记录"), self.transcript)
        self.form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        self.facts = FileFactsForm()  # the selected file's name, size, hashes, times
        self.fact_labels = self.facts.labels

        body = QWidget()
        lay = QVBoxLayout(body)
        # 识别建议 first: what the user acts on, in view without scrolling (hidden when there are none)
        self.suggestions = SuggestionPanel(profile, self)  # saved through commit_edit
        lay.addWidget(self.suggestions)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_row.addWidget(self.move_file_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(files_row)
        lay.addLayout(form)
        lay.addLayout(buttons)
        lay.addWidget(self.ocr_text)
        lay.addLayout(self.facts)
        lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.top)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(split)
        self.set_exhibit(None)

    # ------------------------------------------------------------------ loading
    def set_exhibit(self, exhibit_id: int | None) -> None:
        self.exhibit_id = exhibit_id
        self.reload()

    def text_was_read(self) -> None:
        """The OCR job finished: show the text read and what it suggests for the exhibit shown."""
        self.ocr_text.refresh()
        self.suggestions.set_exhibit(self.exhibit_id)

    def reload(self) -> None:
        self.error.clear()
        ex = None
        if self.exhibit_id is not None:
            try:
                with self.profile.session() as s:
                    ex = exhibit_detail(s, self.exhibit_id)
            except EXPECTED:
                ex = None
        self.setEnabled(ex is not None)
        self.suggestions.set_exhibit(self.exhibit_id if ex is not None else None)
        if ex is None:
            self.exhibit_id = None
            self._files = ()
            self.files.clear()
            self.preview.clear()
            self.ocr_text.show_file(None)
            self.top.setCurrentWidget(self.preview)
            for w in (self.title, self.source, self.tags):
                w.clear()
            self.captured.set_value(None)
            self.category.setCurrentIndex(-1)  # no exhibit: no category shown
            for box in (self.purpose, self.notes, self.transcript):
                box.clear()
            self.advice.clear()
            self.facts.clear()
            return
        self._fill(ex)

    def _fill(self, ex: ExhibitDetail) -> None:
        files = ex.files
        self.title.setText(ex.title)
        self.category.setCurrentIndex(max(0, self.category.findData(ex.category)))
        self.purpose.setPlainText(ex.purpose)
        self.source.setText(ex.source)
        self.captured.set_value(ex.captured_at)
        self.form.setRowVisible(self.captured_hint, time_label(ex.captured_at, ex.files) == FILE_MTIME)
        self.notes.setPlainText(ex.notes)
        self.advice.setText("\n".join(ex.advice))
        self.advice.setVisible(bool(ex.advice))
        self.tags.setText(", ".join(ex.tags))
        self.transcript.setPlainText(ex.transcript)
        # a recording, a voice message or a video (its sound): the transcript is printed on its page
        has_audio = any(f.media_type.startswith(("audio/", "video/")) for f in ex.files)
        self.form.setRowVisible(self.transcript, has_audio or bool(ex.transcript))
        self._loaded = self._values()
        self._files = files
        self._key_frames = ex.key_frames
        self.files.blockSignals(True)
        self.files.clear()
        for f in files:
            item = QListWidgetItem(
                f"{f.position}. {f.original_name}  ({kind_of(f.media_type)}, {human_size(f.size)})"
            )
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            self.files.addItem(item)
        self.files.blockSignals(False)
        self.files.setVisible(len(files) > 1)
        self.move_file_button.setVisible(len(files) > 1)
        self.files.setCurrentRow(0)
        self._show_file(0)

    def _show_file(self, row: int) -> None:
        if not (0 <= row < len(self._files)):
            self.preview.clear()
            self.ocr_text.show_file(None)
            self.top.setCurrentWidget(self.preview)
            return
        f = self._files[row]
        self.ocr_text.show_file(f.sha256, f.media_type)
        self.facts.show_file(f)
        path = self.profile.blob_path(f.sha256)
        self.preview.show_file(path, f.media_type, f.original_name, f.sha256, f.size)
        if is_video(f.media_type) and self.exhibit_id is not None:
            self.video.show_video(self.exhibit_id, path, f.sha256, f.original_name, list(self._key_frames))
            self.top.setCurrentWidget(self.video)
        else:
            self.top.setCurrentWidget(self.preview)

    def _commit_pick(self, exhibit_id: int, changes: dict[str, Any]) -> None:
        """A picked or unpicked video frame: saved like any field (undoable, one ledger entry)."""
        self.commit_edit(exhibit_id, changes)
        if self.exhibit_id == exhibit_id:
            self._key_frames = tuple(changes.get("key_frames", self._key_frames))
        self.edited.emit(exhibit_id)

    def show_file_of(self, sha256: str) -> bool:
        """Show the exhibit's file with this content (as a search hit names it); False if it has none."""
        for row, f in enumerate(self._files):
            if f.sha256 == sha256:
                if self.files.currentRow() != row:
                    self.files.setCurrentRow(row)
                return True
        return False

    def selected_file_id(self) -> int | None:
        row = self.files.currentRow()
        return self._files[row].id if 0 <= row < len(self._files) else None

    def copy_fact(self, key: str) -> str:
        return self.facts.copy(key)

    def _move_file(self) -> None:
        fid = self.selected_file_id()
        if fid is not None:
            self.move_file_requested.emit(fid)

    # ------------------------------------------------------------------ editing
    def _values(self) -> dict[str, str]:
        return {
            "title": self.title.text().strip(),
            "category": self.category.currentData(),
            "purpose": self.purpose.toPlainText(),
            "source": self.source.text().strip(),
            "captured_at": self.captured.text(),
            "notes": self.notes.toPlainText(),
            "tags": self.tags.text().strip(),
            "transcript": self.transcript.toPlainText(),
        }

    def changed_fields(self) -> dict[str, str]:
        now = self._values()
        return {k: v for k, v in now.items() if v != self._loaded.get(k)}

    def _save_directly(self, exhibit_id: int, changes: dict[str, Any]) -> None:
        with self.profile.session() as s:
            edit_exhibits(s, [exhibit_id], **changes)

    def save(self) -> bool:
        """Write the changed fields through ``commit_edit`` (one ledger entry); True when saved."""
        if self.exhibit_id is None:
            return False
        changes = self.changed_fields()
        if not changes:
            self.error.clear()
            return True
        exhibit_id = self.exhibit_id
        try:
            self.commit_edit(exhibit_id, changes)
        except EXPECTED as exc:
            self.error.setText(str(exc))
            return False
        except Exception as exc:  # unexpected: logged and named
            show_error(self, exc)
            return False
        if self.exhibit_id == exhibit_id:
            self.reload()
        self.edited.emit(exhibit_id)
        return True

    def autosave(self) -> None:
        if self.exhibit_id is not None and self.changed_fields():
            self.save()

    def commit(self) -> bool:
        """Before another exhibit is shown: save what was typed; if the core refuses, say so."""
        if self.exhibit_id is None or not self.changed_fields():
            return True
        title = self._loaded.get("title", "")
        if self.save():
            return True
        messages.warn(
            self,
            self.tr("修改没有保存"),
            self.tr("《{title}》的修改没有保存：{reason}").format(title=title, reason=self.error.text()),
        )
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusOut and obj in (self.purpose, self.notes, self.transcript):
            self.autosave()
        return super().eventFilter(obj, event)

    def start_rename(self) -> None:
        self.title.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.title.selectAll()
