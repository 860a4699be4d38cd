"""Large preview of one stored file: images zoom and pan, PDF pages rendered with PyMuPDF, text as
text; anything else (audio, archives…) shows its facts and "用系统程序打开", which opens a temporary
read-only COPY — the vault original is never handed to another program."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.gui.formatting import human_size, kind_of
from kami_desktop.gui.image_viewer import ImageViewer
from kami_desktop.gui.system_open import open_path
from kami_desktop.gui.workers import guarded, start_task

MAX_PDF_PAGES = 30
MAX_TEXT_BYTES = 512 * 1024


def load_image(path: Path) -> QImage:
    img = QImage(str(path))
    if img.isNull():
        img = _pillow_image(path)  # formats Qt has no plugin for (HEIC photos)
    if img.isNull():
        raise ValueError("unreadable image")
    return img


def _pillow_image(path: Path) -> QImage:
    from PIL import Image, ImageOps

    from kami_desktop.core.util.images import enable_heif

    enable_heif()
    try:
        with Image.open(path) as im:
            rgba = ImageOps.exif_transpose(im).convert("RGBA")
    except Exception:  # noqa: BLE001 - not an image Pillow reads either
        return QImage()
    data = rgba.tobytes()
    return QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888).copy()


def render_pdf(path: Path, width: int = 900, max_pages: int = MAX_PDF_PAGES) -> tuple[list[QImage], int]:
    import pymupdf

    from kami_desktop.gui.thumbnails import _PDF_LOCK

    images = []
    with _PDF_LOCK, pymupdf.open(path) as doc:
        total = doc.page_count
        for page in list(doc)[:max_pages]:
            zoom = width / max(1.0, page.rect.width)
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
            images.append(
                QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888).copy()
            )
    return images, total


def read_text(path: Path) -> str:
    data = path.read_bytes()[:MAX_TEXT_BYTES]
    for enc in ("utf-8-sig", "gb18030", "utf-16"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def open_copy(source: Path, cache_dir: Path, sha: str, name: str) -> Path:
    """Copy a vault file to ``cache_dir/open/<sha>/<name>`` (read-only) and return the copy."""
    safe = "".join(c for c in name if c not in '<>:"/\\|?*\0').strip() or sha[:12]
    folder = cache_dir / "open" / sha[:16]
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe
    if target.exists():
        os.chmod(target, stat.S_IREAD | stat.S_IWRITE)
        target.unlink()
    shutil.copyfile(source, target)
    os.chmod(target, stat.S_IREAD)
    return target


def _is_voice(media_type: str) -> bool:
    from kami_desktop.core.chats.voice import VOICE_TYPES

    return media_type in VOICE_TYPES


def _playable(source: Path, media_type: str, cache_dir: Path, sha: str, name: str) -> Path | None:
    """A voice message (AMR, WeChat/QQ SILK) opens as its decoded WAV copy, which every player plays."""
    from kami_desktop.core.chats.voice import VOICE_TYPES, VoiceError
    from kami_desktop.core.evidence.voice import cached_wav

    if media_type not in VOICE_TYPES:
        return None
    try:
        return cached_wav(source, cache_dir, sha, name)
    except VoiceError:  # does not decode: the copy of the original is all there is to open
        return None


def _decode_for_facts(path: Path, name: str) -> Any:
    """The sound decoded at 8 kHz (enough to know its length; bounded memory), for the facts shown."""
    from kami_desktop.core.chats.voice import decode_voice

    return decode_voice(path, name, rate=8000)


class FilePreview(QStackedWidget):
    opened_externally = Signal(str)  # path of the temporary copy

    def __init__(self, cache_dir: Path, parent=None) -> None:
        super().__init__(parent)
        self.cache_dir = Path(cache_dir)
        self._generation = 0
        self._current: tuple[Path, str, str, str, int] | None = None
        self.empty = QLabel(self.tr("选择一项证据以预览"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = ImageViewer()
        self.pdf_area = QScrollArea()
        self.pdf_area.setWidgetResizable(True)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.facts = QWidget()
        lay = QVBoxLayout(self.facts)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.facts_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_button = QPushButton(self.tr("用系统程序打开"))
        self.open_button.clicked.connect(self.open_external)
        lay.addStretch(1)
        lay.addWidget(self.facts_label)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignCenter)
        lay.addStretch(1)
        for w in (self.empty, self.image, self.pdf_area, self.text, self.facts):
            self.addWidget(w)

    def clear(self) -> None:
        self._generation += 1
        self._current = None
        self.setCurrentWidget(self.empty)

    def _while_shown(self, gen: int, fn: Callable[[Any], object]) -> Callable[..., Any]:
        """``fn`` as a worker callback that does nothing once another file (or none) is shown."""

        def call(value: Any) -> None:
            if gen == self._generation:
                fn(value)

        return guarded(self, call)

    def show_file(self, path: Path, media_type: str, name: str, sha: str, size: int) -> None:
        self._generation += 1
        gen = self._generation
        self._current = (Path(path), media_type, name, sha, size)
        self.facts_label.setText(f"{name}\n{kind_of(media_type)} · {media_type} · {human_size(size)}")
        self.open_button.setText(  # a voice message opens as its decoded WAV copy: say so
            self.tr("用系统程序播放（WAV 副本）") if _is_voice(media_type) else self.tr("用系统程序打开")
        )
        if media_type.startswith("image/"):
            self.image.set_image(None)
            self.setCurrentWidget(self.image)
            start_task(
                load_image,
                Path(path),
                with_progress=False,
                with_cancel=False,
                on_result=self._while_shown(gen, self.image.set_image),
                on_error=self._while_shown(gen, lambda _f: self.setCurrentWidget(self.facts)),
            )
        elif media_type == "application/pdf":
            self.setCurrentWidget(self.pdf_area)
            self.pdf_area.setWidget(QLabel(self.tr("正在渲染 PDF…")))
            start_task(
                render_pdf,
                Path(path),
                with_progress=False,
                with_cancel=False,
                on_result=self._while_shown(gen, lambda res: self._show_pdf(*res)),
                on_error=self._while_shown(gen, lambda _f: self.setCurrentWidget(self.facts)),
            )
        elif media_type.startswith("text/") or media_type == "application/json":
            self.text.setPlainText(read_text(Path(path)))
            self.setCurrentWidget(self.text)
        else:
            self.setCurrentWidget(self.facts)
            if media_type.startswith("audio/"):  # how long it is and that it decodes, decoded off the GUI
                start_task(
                    _decode_for_facts,
                    Path(path),
                    name,
                    with_progress=False,
                    with_cancel=False,
                    on_result=self._while_shown(gen, self._show_sound),
                    on_error=self._while_shown(gen, lambda f: self._show_sound(None, f.exception)),
                )

    def _show_sound(self, voice: Any, failure: BaseException | None = None) -> None:
        """Add the decoded sound's length and codec (or why it does not decode) under the file's facts."""
        if self._current is None:
            return
        _path, media_type, name, _sha, size = self._current
        head = f"{name}\n{kind_of(media_type)} · {media_type} · {human_size(size)}"
        if voice is not None:
            from kami_desktop.core.chats.voice import duration_text

            line = self.tr("时长 {d} · {codec}，{rate} Hz").format(
                d=duration_text(voice.duration), codec=voice.codec, rate=voice.source_rate or voice.rate
            )
        else:
            line = str(failure or "")
        self.facts_label.setText(f"{head}\n{line}" if line else head)

    def _show_pdf(self, images: list[QImage], total: int) -> None:
        from PySide6.QtGui import QPixmap

        holder = QWidget()
        lay = QVBoxLayout(holder)
        for img in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(img))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            lay.addWidget(label)
        if total > len(images):
            lay.addWidget(
                QLabel(self.tr("共 {total} 页，此处只显示前 {n} 页").format(total=total, n=len(images)))
            )
        self.pdf_area.setWidget(holder)

    def open_external(self) -> Path | None:
        if self._current is None:
            return None
        path, media, name, sha, _size = self._current
        copy = _playable(path, media, self.cache_dir, sha, name) or open_copy(path, self.cache_dir, sha, name)
        open_path(self, copy, name)
        self.opened_externally.emit(str(copy))
        return copy
