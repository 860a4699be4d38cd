"""The frames of a video exhibit in the detail panel: the binder's contact sheet as a strip, a frame
scrubber without a player (a slider; the frame at that time is decoded off the GUI thread) and the
"选为重点画面" button that picks or unpicks the frame shown (printed large in the binder).

Every decode runs on a worker (``gui/workers.py``) through core functions (``evidence/frames.py``); a
result that arrives after another video or another time was asked for is dropped. A video that does
not decode shows the reason; the original is never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.evidence.frames import cached_sheet
from kami_desktop.core.evidence.video import VideoFacts, duration_label, offset_text, parse_offset
from kami_desktop.core.evidence.video_sheet import Frame, Sheet, frame_at
from kami_desktop.core.util.timeutil import CHINA_TZ
from kami_desktop.gui.workers import TaskFailure, guarded, start_task

SCRUB_DELAY_MS = 120  # the slider must rest this long before a frame is decoded

# how a change of the picked frames is saved: (exhibit id, {"key_frames": [...]}) -> None
PickCommit = Callable[[int, dict[str, Any]], None]


def _pixmap(jpeg: bytes) -> QPixmap:
    return QPixmap.fromImage(QImage.fromData(jpeg))


class VideoFramesPanel(QWidget):
    picked_changed = Signal(int)  # exhibit id, after a saved pick or unpick
    frame_shown = Signal(int)  # ms of the frame now shown (tests wait for it)

    def __init__(self, cache_dir: Path, commit: PickCommit, parent=None) -> None:
        super().__init__(parent)
        self.cache_dir = Path(cache_dir)
        self.commit = commit
        self.exhibit_id: int | None = None
        self.picked: list[str] = []
        self.sheet: Sheet | None = None
        self.shown: Frame | None = None
        self._video: tuple[Path, str, str] | None = None  # path, sha256, name
        self._generation = 0  # bumped for each video shown
        self._asked = 0  # bumped for each frame asked for

        self.strip = QListWidget()
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(QSize(120, 90))
        self.strip.setFixedHeight(128)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.itemClicked.connect(self._strip_clicked)
        self.view = QLabel()
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setMinimumHeight(160)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setEnabled(False)
        self.slider.valueChanged.connect(self._slid)
        self.time = QLabel("00:00:00")
        self.pick_button = QPushButton(self.tr("选为重点画面"))
        self.pick_button.setToolTip(self.tr("选定的画面会在证据册中放大单独打印（如余额页面）"))
        self.pick_button.setEnabled(False)
        self.pick_button.clicked.connect(self.toggle_pick)
        self.picked_label = QLabel()
        self.picked_label.setWordWrap(True)
        self.facts = QLabel()  # what the container says: length, size, codec, its creation time
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #c62828")
        self.open_button = QPushButton(self.tr("用系统程序播放（副本）"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCRUB_DELAY_MS)
        self._timer.timeout.connect(self._decode_at_slider)

        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.time)
        row.addWidget(self.pick_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addLayout(row)
        lay.addWidget(self.strip)
        lay.addWidget(self.facts)
        lay.addWidget(self.picked_label)
        lay.addWidget(self.note)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)

    # ------------------------------------------------------------------ showing a video
    def show_video(self, exhibit_id: int, path: Path, sha: str, name: str, picked: list[str]) -> None:
        same = self._video == (Path(path), sha, name) and self.exhibit_id == exhibit_id
        self.exhibit_id, self.picked = exhibit_id, list(picked)
        self._show_picked()
        if same and self.sheet is not None:
            return
        self._generation += 1
        gen = self._generation
        self._video = (Path(path), sha, name)
        self.sheet, self.shown = None, None
        self.strip.clear()
        self.view.clear()
        self.view.setText(self.tr("正在截取画面…"))
        self.note.clear()
        self.facts.clear()
        self.slider.setEnabled(False)
        self.pick_button.setEnabled(False)
        start_task(
            cached_sheet,
            self.cache_dir,
            Path(path),
            sha,
            name,
            with_progress=False,
            on_result=self._if_current(gen, self._sheet_ready),
            on_error=self._if_current(gen, self._failed),
        )

    def _if_current(self, gen: int, fn: Callable[[Any], None]) -> Callable[[Any], None]:
        def call(value: Any) -> None:
            if gen == self._generation:
                fn(value)

        return guarded(self, call)

    def _sheet_ready(self, sheet: Sheet) -> None:
        self.sheet = sheet
        seconds = [f.ms // 1000 for f in sheet.frames]
        precise = len(set(seconds)) < len(seconds)  # as the binder stamps them
        for f in sheet.frames:
            item = QListWidgetItem(QIcon(_pixmap(f.jpeg)), offset_text(f.ms, precise))
            item.setData(Qt.ItemDataRole.UserRole, f.ms)
            self.strip.addItem(item)
        self.note.setText(sheet.note)
        self.facts.setText(self.fact_text(sheet.facts))
        duration = round(sheet.facts.duration * 1000) or (sheet.frames[-1].ms if sheet.frames else 0)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(0, duration))
        self.slider.setSingleStep(100)
        self.slider.setPageStep(max(1000, duration // 20))
        self.slider.setValue(0)
        self.slider.blockSignals(False)
        self.slider.setEnabled(duration > 0)
        if sheet.frames:
            self._show_frame(sheet.frames[0])

    def fact_text(self, facts: VideoFacts) -> str:
        parts = [
            self.tr("时长 {d}").format(d=duration_label(facts.duration)),
            f"{facts.width}×{facts.height}",
            facts.codec,
            self.tr("音频 {a}").format(a=facts.audio) if facts.audio else self.tr("无音频"),
        ]
        if facts.created is not None:
            when = f"{facts.created.astimezone(CHINA_TZ):%Y-%m-%d %H:%M:%S}"
            parts.append(self.tr("创建时间（视频信息）{t}").format(t=when))
        else:
            parts.append(self.tr("视频信息中没有创建时间"))
        return " · ".join(parts)

    def _failed(self, failure: TaskFailure) -> None:
        self.view.setText(self.tr("无法截取画面"))
        self.note.setText(str(failure.exception))
        if self.sheet is None:  # nothing to scrub: no advice to drag the slider
            self.picked_label.setVisible(bool(self.picked))

    # ------------------------------------------------------------------ scrubbing
    def _strip_clicked(self, item: QListWidgetItem) -> None:
        self.slider.setValue(int(item.data(Qt.ItemDataRole.UserRole)))
        self._timer.stop()
        self._decode_at_slider()

    def _slid(self, value: int) -> None:
        self.time.setText(offset_text(value))
        self._timer.start()

    def _decode_at_slider(self) -> None:
        if self._video is None:
            return
        self._asked += 1
        asked, gen = self._asked, self._generation
        path, _sha, name = self._video

        def shown(frame: Frame) -> None:
            if asked == self._asked:
                self._show_frame(frame)

        start_task(
            frame_at,
            path,
            name,
            self.slider.value(),
            with_progress=False,
            with_cancel=False,
            on_result=self._if_current(gen, shown),
            on_error=self._if_current(gen, self._failed),
        )

    def _show_frame(self, frame: Frame) -> None:
        self.shown = frame
        pix = _pixmap(frame.jpeg)
        self.view.setPixmap(
            pix.scaled(
                self.view.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.time.setText(offset_text(frame.ms, precise=True))
        self.pick_button.setEnabled(True)
        self._show_picked()
        self.frame_shown.emit(frame.ms)

    # ------------------------------------------------------------------ picking
    def current_is_picked(self) -> bool:
        return self.shown is not None and offset_text(self.shown.ms, precise=True) in self.picked

    def toggle_pick(self) -> None:
        """Pick the frame shown (or unpick it when it is picked): one saved, undoable edit."""
        if self.exhibit_id is None or self.shown is None:
            return
        at = offset_text(self.shown.ms, precise=True)
        new = [t for t in self.picked if t != at] if at in self.picked else [*self.picked, at]
        new.sort(key=parse_offset)
        exhibit_id = self.exhibit_id
        try:
            self.commit(exhibit_id, {"key_frames": new})
        except Exception as exc:  # noqa: BLE001 - a refused edit is said here, never a crash
            self.note.setText(str(exc))
            return
        self.picked = new
        self._show_picked()
        self.picked_changed.emit(exhibit_id)

    def _show_picked(self) -> None:
        self.picked_label.setVisible(True)
        self.pick_button.setText(
            self.tr("取消重点画面") if self.current_is_picked() else self.tr("选为重点画面")
        )
        if self.picked:
            self.picked_label.setText(
                self.tr("重点画面（证据册中放大打印）：{times}").format(times="、".join(self.picked))
            )
        else:
            self.picked_label.setText(
                self.tr("还没有选定重点画面：拖动滑块找到关键画面（如余额页面），点“选为重点画面”")
            )
