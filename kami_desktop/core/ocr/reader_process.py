"""The OCR reading in a child process of its own, for the desktop app.

Reading a screenshot allocates a few hundred MB in onnxruntime and keeps the CPU busy; in the window's
process that made the whole window stall now and then (page faults, the interpreter lock), and the
memory stayed taken after the job. So the app reads through ``ReaderProcess``: a child that has only
the engine (never the profile: the case file has one writer, the app), takes file paths and gives back
what the engine read; the app stores the pages itself (``core.ocr.job.read_case(..., reader=...)``).

The protocol is one JSON object per line over the child's stdin/stdout (UTF-8):

- request ``{"path": "...", "kind": "image" | "pdf", "page": 0, "threads": 1}``
- response ``{"ok": {"width", "height", "engine", "lines": [{"text", "box", "confidence"}]}}`` or
  ``{"error": "unreadable" | "unavailable" | "other", "reason": "..."}``

The child runs ``serve()`` until its stdin ends. It is started as
``python -m kami_desktop.core.ocr.reader_process`` from source, and as the console ``kami ocr-reader``
(an internal command) beside the frozen app, so the bundle needs no executable of its own. It runs at a
lower priority. A child that dies (a crash, killed for memory) costs the page being read: it reads as
a failed page with the reason (with the last lines of its error output), and the next page starts a
new child. ``terminate()`` (the user's 停止) kills it: the page in flight raises ``ReadCancelled`` and
is not stored, so it is read next time.

A child that hangs (neither answers nor dies) is killed after a per-page limit (``PageLimit``: 60 s plus
20 s per megapixel of the image, a PDF page counted as 8 MP, at most 30 min: a phone screenshot gets
about two minutes, ten times what a slow laptop needs) and the page raises ``ReadTimedOut`` (a failed
page); the next page starts a new child. The child's stderr is kept (``core.ocr.child_log``): in
``logs/ocr-reader.log`` when the reader is given the profile's log folder, and its last lines in the
app's log and in the reason when the child dies.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kami_desktop.core.ocr.child_log import ChildLog, StderrTail
from kami_desktop.core.ocr.engine import (
    OcrUnavailable,
    PageRead,
    PdfPages,
    UnreadableFile,
    read_image_file,
)
from kami_desktop.core.ocr.model import OcrLine
from kami_desktop.core.util.child import ask_to_leave, end_child, spawn
from kami_desktop.core.util.child import child_command as kami_child

log = logging.getLogger(__name__)

COMMAND = "ocr-reader"  # the hidden ``kami`` command that runs ``serve()`` in a frozen build
CHILD_NICE = 5  # POSIX: how much lower the child's priority is
CRASHED = "文字识别进程意外退出，这一页未能识别（可重新识别）"


class ReadCancelled(Exception):
    """The child was stopped on purpose (``terminate()``) while it read: the page is not a failure."""


class ReadTimedOut(UnreadableFile):
    """The child took longer than the page's limit and was killed: the page is a failure (``seconds``:
    the limit it had; the job names the file in the reason it stores)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"识别超时：超过 {seconds:.0f} 秒仍未识别完，已跳过这一页（可重新识别）")


@dataclass(frozen=True)
class PageLimit:
    """How long one page may take before the child is taken as hung: ``base`` seconds (the first page
    also starts the child and loads the models) plus ``per_megapixel`` seconds per million pixels of
    the image; a PDF page (rendered at 200 dpi: an A4 page is 3.9 MP) counts as ``pdf_megapixels``, an
    image whose size cannot be read as ``unknown_megapixels``; never more than ``cap``."""

    base: float = 60.0
    per_megapixel: float = 20.0
    pdf_megapixels: float = 8.0
    unknown_megapixels: float = 12.0
    cap: float = 1800.0

    def seconds(self, megapixels: float) -> float:
        return min(self.cap, self.base + self.per_megapixel * max(0.0, megapixels))

    def for_request(self, request: dict[str, Any]) -> float:
        if request.get("kind") == "pdf":
            return self.seconds(self.pdf_megapixels)
        size = image_megapixels(Path(request["path"]))
        return self.seconds(self.unknown_megapixels if size is None else size)


def image_megapixels(path: Path) -> float | None:
    """The image's pixel count in millions, from its header (None when it cannot be opened here)."""
    try:
        from PIL import Image

        from kami_desktop.core.util.images import enable_heif

        enable_heif()
        with Image.open(path) as im:
            w, h = im.size
    except Exception:  # noqa: BLE001 - the child reports what is wrong with the file
        return None
    return w * h / 1_000_000


# ------------------------------------------------------------------ the wire format
def page_to_json(page: PageRead) -> dict[str, Any]:
    return {
        "width": page.width,
        "height": page.height,
        "engine": page.engine,
        "lines": [
            {"text": ln.text, "box": [list(p) for p in ln.box], "confidence": ln.confidence}
            for ln in page.lines
        ],
    }


def page_from_json(data: dict[str, Any]) -> PageRead:
    lines = []
    for item in data["lines"]:
        b = [(float(p[0]), float(p[1])) for p in item["box"]]
        lines.append(OcrLine(str(item["text"]), (b[0], b[1], b[2], b[3]), float(item["confidence"])))
    return PageRead(int(data["width"]), int(data["height"]), tuple(lines), str(data["engine"]))


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """One request read in this process: the response to send back."""
    try:
        path = Path(request["path"])
        threads = int(request.get("threads", 1))
        if request.get("kind") == "pdf":
            with PdfPages(path) as pdf:
                got = pdf.read(int(request.get("page", 0)), threads)
        else:
            got = read_image_file(path, threads)
    except OcrUnavailable as exc:
        return {"error": "unavailable", "reason": str(exc)}
    except UnreadableFile as exc:
        return {"error": "unreadable", "reason": str(exc)}
    except MemoryError:
        return {"error": "unreadable", "reason": "内存不足，无法识别这一页"}
    except Exception as exc:  # noqa: BLE001 - one bad file must not end the child
        log.exception("OCR of %s failed", request.get("path"))
        return {"error": "other", "reason": f"文字识别出错（{type(exc).__name__}）"}
    return {"ok": page_to_json(got)}


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    """The child's loop: a request per line in, a response per line out, until stdin ends. Anything a
    library prints goes to stderr: stdout carries only the responses."""
    if stdout is None:
        sys.stdout.flush()
        stdout = os.fdopen(os.dup(1), "wb")
        os.dup2(2, 1)  # C libraries writing to fd 1 now write to stderr
        sys.stdout = sys.stderr
    if stdin is None:
        stdin = sys.stdin.buffer
    if hasattr(os, "nice"):
        try:
            os.nice(CHILD_NICE)
        except OSError:
            pass
    for raw in stdin:
        if not raw.strip():
            continue
        try:
            request = json.loads(raw)
        except ValueError:
            response: dict[str, Any] = {"error": "other", "reason": "无效的请求"}
        else:
            response = handle(request)
        stdout.write(json.dumps(response, ensure_ascii=False).encode("utf-8") + b"\n")
        stdout.flush()
    return 0


# ------------------------------------------------------------------ the client
def child_command() -> list[str]:
    """How to start the child: the console ``kami`` beside a frozen app, else this module."""
    return kami_child(COMMAND, "kami_desktop.core.ocr.reader_process")


class ReaderProcess:
    """A child that reads images and PDF pages; one request at a time (calls are serialised), started on
    the first read and again after it died. ``close()`` ends it (its memory goes with it)."""

    def __init__(
        self,
        command: list[str] | None = None,
        *,
        logs_dir: Path | None = None,
        limit: PageLimit | None = None,
    ) -> None:
        self.command = command or child_command()
        self.limit = limit or PageLimit()
        self.child_log = ChildLog(logs_dir)  # where the children's stderr goes
        self.started = 0  # children started so far
        self._proc: subprocess.Popen[bytes] | None = None
        self._tails: dict[int, StderrTail] = {}  # by pid: each child's stderr
        self._killed: subprocess.Popen[bytes] | None = None
        self._expired: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def read_image(self, path: Path, threads: int = 1) -> PageRead:
        return self._read({"path": str(path), "kind": "image", "page": 0, "threads": threads})

    def read_pdf_page(self, path: Path, index: int, threads: int = 1) -> PageRead:
        return self._read({"path": str(path), "kind": "pdf", "page": index, "threads": threads})

    def _start(self) -> subprocess.Popen[bytes]:
        try:
            proc = spawn(self.command)
        except OSError as exc:  # the console kami beside a frozen app is missing: a damaged install
            raise OcrUnavailable(
                f"文字识别程序无法启动（{self.command[0]}：{exc.strerror or exc}）。请重新安装本软件。"
            ) from exc
        self.started += 1
        assert proc.stderr is not None
        self._tails[proc.pid] = StderrTail(proc.stderr, proc.pid, self.child_log)
        log.info("OCR reader started (pid %s)", proc.pid)
        return proc

    def _read(self, request: dict[str, Any]) -> PageRead:
        with self._lock:
            proc = self._proc
            if proc is None or proc.poll() is not None:
                proc = self._proc = self._start()
            line = b""
            seconds = self.limit.for_request(request)
            timer = threading.Timer(seconds, self._expire, (proc,))
            timer.daemon = True
            timer.start()
            try:
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
                proc.stdin.flush()
                line = proc.stdout.readline()
            except (OSError, ValueError):
                pass
            finally:
                timer.cancel()
            if not line:  # the child is gone
                tail = self._reap(proc)
                if self._killed is proc:
                    raise ReadCancelled()
                if self._expired is proc:
                    log.warning("OCR reader hung on %s: killed after %.0f s", request["path"], seconds)
                    raise ReadTimedOut(seconds)
                log.warning(
                    "OCR reader died reading %s (exit %s); the end of its error output:\n%s",
                    request["path"],
                    proc.returncode,
                    tail.text() if tail is not None else "",
                )
                short = tail.short() if tail is not None else ""
                raise UnreadableFile(f"{CRASHED}。程序最后的输出：{short}" if short else CRASHED)
        response = json.loads(line)
        if "ok" in response:
            return page_from_json(response["ok"])
        reason = str(response.get("reason", ""))
        if response.get("error") == "unavailable":
            raise OcrUnavailable(reason)
        raise UnreadableFile(reason)

    def _expire(self, proc: subprocess.Popen[bytes]) -> None:
        """The page's time is up (a timer thread): the child is killed, the read in flight ends."""
        if proc.poll() is None:
            self._expired = proc
            try:
                proc.kill()
            except OSError:
                pass

    def _reap(self, proc: subprocess.Popen[bytes]) -> StderrTail | None:
        """Make sure the child is gone and its pipes closed; its stderr, read to the end."""
        if self._proc is proc:
            self._proc = None
        end_child(proc)
        tail = self._tails.pop(proc.pid, None)
        if tail is not None:
            tail.wait()
        return tail

    def terminate(self) -> None:
        """Kill the child now (from any thread): a read in progress raises ``ReadCancelled``."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            self._killed = proc
            try:
                proc.kill()
            except OSError:
                pass

    def close(self) -> None:
        """End the child: its stdin is closed and it exits (killed if it does not within a few seconds)."""
        if self._lock.locked():  # a read in progress: it ends as cancelled
            self.terminate()
        with self._lock:
            proc, self._proc = self._proc, None
            if proc is not None:
                ask_to_leave(proc)
                self._reap(proc)
        self.child_log.close()  # the log file is let go of too (a restore moves the data folder)


if __name__ == "__main__":
    sys.exit(serve())
