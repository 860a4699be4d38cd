"""What the OCR reading process writes to its stderr (onnxruntime warnings, a Python traceback before it
dies): never thrown away.

``ChildLog(logs_dir)`` is the file it goes to, ``<profile>/logs/ocr-reader.log``: rotating at
``MAX_BYTES`` with ``BACKUPS`` old files (at most ≈ 1.5 MB in all), user-only, redacted like the app's
log, each line marked with the child's process id. ``StderrTail`` drains one child's stderr on a thread
of its own (a full pipe would block the child) into that file and keeps its last ``TAIL_LINES`` lines:
when the child dies they go whole into the app's log and, shortened (``short()``), into the reason the
user sees on the failed page.
"""

from __future__ import annotations

import collections
import locale
import logging
import threading
from pathlib import Path
from typing import IO

from kami_desktop.core.util.logs import side_log

LOG_NAME = "ocr-reader.log"
MAX_BYTES = 512_000
BACKUPS = 2
TAIL_LINES = 60  # kept in memory per child, for the app's log when it dies
LINE_MAX = 2000  # bytes read as one line at most (a child printing without newlines)
SHORT_LINES = 3  # lines of the tail in the reason shown to the user
SHORT_CHARS = 240


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # a Windows child writing in the ANSI code page (GBK)
        return raw.decode(locale.getpreferredencoding(False) or "utf-8", errors="replace")


class ChildLog:
    """The rotating file a child's stderr is written to (``logs_dir`` None: kept in memory only)."""

    def __init__(self, logs_dir: Path | None) -> None:
        self.path = Path(logs_dir) / LOG_NAME if logs_dir is not None else None
        self._handler: logging.Handler | None = None
        self._lock = threading.Lock()

    def write(self, pid: int, line: str) -> None:
        if self.path is None:
            return
        with self._lock:
            if self._handler is None:
                self._handler = side_log(self.path, MAX_BYTES, BACKUPS)
            handler = self._handler
        record = logging.makeLogRecord(
            {"name": "ocr-reader", "levelno": logging.INFO, "levelname": "INFO", "msg": "[%s] %s"}
        )
        record.args = (pid, line)
        try:
            handler.handle(record)
        except Exception:  # noqa: BLE001 - logging never stops the reading
            pass

    def close(self) -> None:
        with self._lock:
            handler, self._handler = self._handler, None
        if handler is not None:
            handler.close()


class StderrTail:
    """Reads one child's stderr until it ends, line by line, into ``sink``; keeps the last lines."""

    def __init__(self, stream: IO[bytes], pid: int, sink: ChildLog) -> None:
        self.lines: collections.deque[str] = collections.deque(maxlen=TAIL_LINES)
        self._stream = stream
        self._pid = pid
        self._sink = sink
        self._thread = threading.Thread(target=self._drain, name=f"ocr-reader-stderr-{pid}", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        try:
            while True:
                raw = self._stream.readline(LINE_MAX)
                if not raw:
                    break
                line = _decode(raw).rstrip("\r\n")
                if not line.strip():
                    continue
                self.lines.append(line)
                self._sink.write(self._pid, line)
        except (OSError, ValueError):
            pass
        finally:
            try:
                self._stream.close()
            except OSError:
                pass

    def wait(self, timeout: float = 2.0) -> None:
        """Until everything the child wrote has been read (it has exited: its pipe ends)."""
        self._thread.join(timeout)

    def text(self) -> str:
        return "\n".join(self.lines)

    def short(self) -> str:
        """The last few lines, on one line, for a reason shown to the user."""
        text = " / ".join(line.strip() for line in list(self.lines)[-SHORT_LINES:])
        return text if len(text) <= SHORT_CHARS else "…" + text[-SHORT_CHARS:]
