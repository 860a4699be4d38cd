"""The viewer: one exhibit's picture in its own window, to be read.

Opened by a double-click or Enter on a tile (or a list row), from the tile's menu and by a double-click
on the detail panel's preview. It walks the exhibits in the order the tab shows them (sort and filter
as they are): ←/→ (when the picture fits across) or PgUp/PgDn and the buttons. 适应窗口 (Ctrl+0),
100 % (Ctrl+1), zoom with the wheel or Ctrl+= / Ctrl+- around the pointer, pan by dragging or with the
arrow keys, full screen with F11 (Esc leaves it; Esc again closes). The title bar names the exhibit by
its binder number. Pictures are decoded on a worker thread (HEIC through Pillow); a PDF shows its
first page; anything else says what it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.store.rows import ExhibitRow
from kami_desktop.gui.file_preview import load_image, render_pdf
from kami_desktop.gui.formatting import kind_of
from kami_desktop.gui.image_viewer import ImageViewer
from kami_desktop.gui.workers import guarded, start_task


def _first_pdf_page(path: Path):
    images, _total = render_pdf(path, width=1600, max_pages=1)
    if not images:
        raise ValueError("empty PDF")
    return images[0]


def viewable(media_type: str) -> bool:
    return media_type.startswith("image/") or media_type == "application/pdf"


@dataclass(frozen=True)
class ViewedFile:
    sha256: str
    media_type: str
    name: str


class ExhibitViewer(QDialog):
    exhibit_shown = Signal(int)  # exhibit id: the tab selects it too

    def __init__(
        self,
        rows: list[ExhibitRow],
        index: int,
        blob_path: Callable[[str], Path],
        parent=None,
        files_of: Callable[[int], list[ViewedFile]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exhibitViewer")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rows = list(rows)
        self.blob_path = blob_path
        self.files_of = files_of  # an exhibit's files, when it has more than one (a merged exhibit)
        self.files: list[ViewedFile] = []
        self.file_index = -1
        self.index = -1
        self._generation = 0

        self.image = ImageViewer()
        self.image.step_requested.connect(self.step)
        self.image.zoom_changed.connect(lambda _z: self._update_status())
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.image)
        self.pages.addWidget(self.message)

        self.prev_button = self._button(
            self.tr("◀ 上一项"), self.tr("上一项证据（PgUp）"), lambda: self.step(-1)
        )
        self.next_button = self._button(
            self.tr("下一项 ▶"), self.tr("下一项证据（PgDn）"), lambda: self.step(1)
        )
        self.fit_button = self._button(
            self.tr("适应窗口"), self.tr("整张图片放进窗口（Ctrl+0）"), self.image.fit
        )
        self.actual_button = self._button("100%", self.tr("原始大小（Ctrl+1）"), self.image.actual_size)
        self.zoom_in_button = self._button(self.tr("放大"), self.tr("放大（Ctrl+= 或滚轮）"), self.zoom_in)
        self.zoom_out_button = self._button(self.tr("缩小"), self.tr("缩小（Ctrl+- 或滚轮）"), self.zoom_out)
        self.full_button = self._button(
            self.tr("全屏"), self.tr("全屏（F11，Esc 退出）"), self.toggle_full_screen
        )
        self.status = QLabel()
        bar = QHBoxLayout()
        for w in (self.prev_button, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addStretch(1)
        for w in (
            self.fit_button,
            self.actual_button,
            self.zoom_out_button,
            self.zoom_in_button,
            self.full_button,
        ):
            bar.addWidget(w)
        self.toolbar = QWidget()
        self.toolbar.setLayout(bar)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.toolbar)
        lay.addWidget(self.pages, 1)

        for keys, slot in (
            ((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), self.zoom_in),
            ((QKeySequence.StandardKey.ZoomOut,), self.zoom_out),
            (("Ctrl+0",), self.image.fit),
            (("Ctrl+1",), self.image.actual_size),
            (("F11",), self.toggle_full_screen),
            (("Home",), lambda: self.show_index(0)),
            (("End",), lambda: self.show_index(len(self.rows) - 1, -1)),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self).activated.connect(slot)
        screen = (parent.screen() if parent is not None else None) or self.screen()
        room = screen.availableGeometry()
        self.resize(max(640, int(room.width() * 0.8)), max(480, int(room.height() * 0.9)))
        self.show_index(index)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the picture
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ------------------------------------------------------------------ which exhibit
    def current(self) -> ExhibitRow | None:
        return self.rows[self.index] if 0 <= self.index < len(self.rows) else None

    def step(self, delta: int) -> None:
        """The next (previous) picture: the exhibit's next file, then the next exhibit's first one."""
        target = self.file_index + delta
        if 0 <= target < len(self.files):
            self.show_index(self.index, target)
        elif 0 <= self.index + delta < len(self.rows):
            self.show_index(self.index + delta, 0 if delta > 0 else -1)

    def _files_of(self, row: ExhibitRow) -> list[ViewedFile]:
        if row.file_count > 1 and self.files_of is not None:
            files = self.files_of(row.id)
            if files:
                return files
        if row.first_sha256 is None:
            return []
        return [ViewedFile(row.first_sha256, row.first_media_type, row.first_name)]

    def show_index(self, index: int, file_index: int = 0) -> None:
        if not self.rows:
            return
        index = max(0, min(len(self.rows) - 1, index))
        if index != self.index:
            self.files = self._files_of(self.rows[index])
        file_index = file_index if file_index >= 0 else len(self.files) - 1
        file_index = max(0, min(len(self.files) - 1, file_index))
        if (index, file_index) == (self.index, self.file_index):
            return
        moved = index != self.index
        self.index, self.file_index = index, file_index
        row = self.rows[index]
        self._generation += 1
        gen = self._generation
        self.setWindowTitle(
            self.tr("证据 {n}  {title} — 查看").format(n=row.number, title=row.title or row.first_name)
        )
        last_file = file_index >= len(self.files) - 1
        self.prev_button.setEnabled(index > 0 or file_index > 0)
        self.next_button.setEnabled(index < len(self.rows) - 1 or not last_file)
        self.image.set_image(None)
        self._update_status()
        if moved:
            self.exhibit_shown.emit(row.id)
        shown = self.files[file_index] if self.files else None
        if shown is None or not viewable(shown.media_type):
            kind = kind_of(shown.media_type if shown else row.first_media_type)
            self._show_message(
                self.tr("证据 {n} 是{kind}文件，不是图片：请在右侧预览中查看，或用系统程序打开。").format(
                    n=row.number, kind=kind
                )
            )
            return
        self.pages.setCurrentWidget(self.image)
        self.image.setFocus()
        decode = load_image if shown.media_type.startswith("image/") else _first_pdf_page
        start_task(
            decode,
            self.blob_path(shown.sha256),
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda img: self._decoded(gen, img)),
            on_error=guarded(self, lambda _f: self._unreadable(gen)),
        )

    def _unreadable(self, gen: int) -> None:
        if gen == self._generation:
            self._show_message(self.tr("这个文件无法显示为图片。"))

    def _decoded(self, gen: int, image) -> None:
        if gen == self._generation:
            self.image.set_image(image)
            self._update_status()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.pages.setCurrentWidget(self.message)
        self.setFocus()

    def _update_status(self) -> None:
        row = self.current()
        if row is None:
            return
        parts = [self.tr("第 {i} / {n} 项").format(i=self.index + 1, n=len(self.rows))]
        if len(self.files) > 1:
            parts.append(self.tr("文件 {k} / {m}").format(k=self.file_index + 1, m=len(self.files)))
        if self.image.has_image():
            size = self.image.image_size()
            parts.append(f"{size.width()}×{size.height()}")
            parts.append(f"{round(self.image.zoom_factor() * 100)}%")
        self.status.setText("  ·  ".join(parts))

    # ------------------------------------------------------------------ zoom and full screen
    def _pointer(self):
        pos = self.image.viewport().mapFromGlobal(self.cursor().pos())
        return pos if self.image.viewport().rect().contains(pos) else None

    def zoom_in(self) -> None:
        self.image.zoom(1.25, self._pointer())

    def zoom_out(self) -> None:
        self.image.zoom(0.8, self._pointer())

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.full_button.setText(self.tr("退出全屏") if self.isFullScreen() else self.tr("全屏"))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()  # Esc leaves full screen; a second Esc closes
            event.accept()
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.step(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.step(1)
        else:
            super().keyPressEvent(event)


def files_of(profile: Any, exhibit_id: int) -> list[ViewedFile]:
    """The files of an exhibit, in order (a small query: one exhibit)."""
    from kami_desktop.core.evidence.detail import exhibit_detail

    with profile.session() as s:
        return [
            ViewedFile(f.sha256, f.media_type, f.original_name) for f in exhibit_detail(s, exhibit_id).files
        ]


def open_viewer(view: Any, row: int | None = None) -> ExhibitViewer | None:
    """Open the evidence tab ``view``'s exhibit at ``row`` (default: the current one) in a viewer that
    walks the exhibits in the order the tab shows them; the tab follows it, so the last one viewed is
    selected when it closes. One viewer at a time (``view.viewer``)."""
    model = view.model
    if row is None:
        row = view.grid.selectionModel().currentIndex().row()
    target = model.exhibit_at(row)
    if target is None:
        return None
    shown = [r for r in (model.exhibit_at(i) for i in range(model.rowCount())) if r]
    index = next(i for i, r in enumerate(shown) if r.id == target.id)
    if view.viewer is not None:
        view.viewer.close()
    viewer = ExhibitViewer(
        shown, index, view.profile.blob_path, view.window(), files_of=lambda i: files_of(view.profile, i)
    )

    def follow(exhibit_id: int) -> None:
        if view.selected_ids() != [exhibit_id]:
            view.select_ids([exhibit_id])

    def closed(_obj: object = None) -> None:
        if view.viewer is viewer:
            view.viewer = None

    viewer.exhibit_shown.connect(guarded(view, follow))
    viewer.destroyed.connect(guarded(view, closed))
    view.viewer = viewer
    viewer.show()
    return viewer
