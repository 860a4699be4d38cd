"""Thumbnails, made off the GUI thread and cached as derived files outside the vault.

``ThumbnailCache.image(sha, media_type)`` answers at once: the thumbnail if it is in memory, else
``None`` (the caller draws a placeholder) while a job on a small QThreadPool makes it, from the disk
cache ``<profile.cache_dir>/thumbs/ab/<sha>_<size>.png`` or from the vault original. When the job is
done, ``ready(sha)`` fires on the GUI thread. Newer requests run first, so what is on screen now
wins over what was scrolled past. The original is only read, never touched.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from kami_desktop.core.util.fsutil import replace_with_retry

THUMB_SIZE = 256
MEMORY_LIMIT = 1500
_PDF_LOCK = threading.Lock()  # MuPDF is not thread-safe across documents


def can_thumbnail(media_type: str) -> bool:
    return media_type.startswith(("image/", "video/")) or media_type == "application/pdf"


def thumb_path(cache_dir: Path, sha: str, size: int = THUMB_SIZE) -> Path:
    return cache_dir / "thumbs" / sha[:2] / f"{sha}_{size}.png"


def render_thumbnail(source: Path, media_type: str, target: Path, size: int = THUMB_SIZE) -> None:
    """Write a PNG thumbnail of ``source`` (image, PDF first page, video first frame) to ``target`` atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        if media_type == "application/pdf":
            import pymupdf

            with _PDF_LOCK, pymupdf.open(source) as doc:
                page = doc[0]
                zoom = size / max(page.rect.width, page.rect.height)
                page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).save(str(tmp), output="png")
        elif media_type.startswith("video/"):
            import io

            from PIL import Image

            from kami_desktop.core.evidence.video_sheet import frame_at

            with Image.open(io.BytesIO(frame_at(source, source.name, 0, side=size).jpeg)) as im:
                im.save(tmp, format="PNG")
        else:
            from PIL import Image, ImageOps

            from kami_desktop.core.util.images import enable_heif

            enable_heif()
            with Image.open(source) as im:
                im.draft("RGB", (size * 2, size * 2))
                im.thumbnail((size, size))
                thumb = ImageOps.exif_transpose(im)
                if thumb.mode not in ("RGB", "RGBA"):
                    thumb = thumb.convert("RGBA" if "A" in thumb.getbands() else "RGB")
                thumb.save(tmp, format="PNG")
        replace_with_retry(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


class _Relay(QObject):
    done = Signal(str, QImage)
    failed = Signal(str)


class _ThumbJob(QRunnable):
    def __init__(self, relay: _Relay, sha: str, media_type: str, source: Path, target: Path, size: int):
        super().__init__()
        self.relay, self.sha, self.media_type = relay, sha, media_type
        self.source, self.target, self.size = source, target, size

    def run(self) -> None:
        try:
            if not self.target.is_file():
                render_thumbnail(self.source, self.media_type, self.target, self.size)
            img = QImage(str(self.target))
            if img.isNull():
                raise ValueError("thumbnail unreadable")
        except Exception:
            self.relay.failed.emit(self.sha)
            return
        self.relay.done.emit(self.sha, img)


class ThumbnailCache(QObject):
    """In-memory LRU of thumbnails in front of the disk cache; jobs on its own thread pool."""

    ready = Signal(str)

    def __init__(
        self,
        cache_dir: Path,
        blob_path: Callable[[str], Path],
        size: int = THUMB_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cache_dir = Path(cache_dir)
        self.blob_path = blob_path
        self.size = size
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._priority = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._fail)

    def image(self, sha: str | None, media_type: str) -> QImage | None:
        if not sha or sha in self._failed or not can_thumbnail(media_type):
            return None
        img = self._images.get(sha)
        if img is not None:
            self._images.move_to_end(sha)
            return img
        if sha not in self._pending:
            self._pending.add(sha)
            self._priority = (self._priority + 1) % 1_000_000_000
            job = _ThumbJob(
                self._relay,
                sha,
                media_type,
                self.blob_path(sha),
                thumb_path(self.cache_dir, sha, self.size),
                self.size,
            )
            self.pool.start(job, self._priority)
        return None

    def is_pending(self, sha: str) -> bool:
        return sha in self._pending

    def _done(self, sha: str, img: QImage) -> None:
        self._pending.discard(sha)
        self._images[sha] = img
        while len(self._images) > MEMORY_LIMIT:
            self._images.popitem(last=False)
        self.ready.emit(sha)

    def _fail(self, sha: str) -> None:
        self._pending.discard(sha)
        self._failed.add(sha)
        self.ready.emit(sha)

    def shutdown(self) -> None:
        self.pool.clear()
        self.pool.waitForDone(5000)
