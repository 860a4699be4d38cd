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
a failed page with the reason, and the next page starts a new child. ``terminate()`` (the user's 停止)
kills it: the page in flight raises ``ReadCancelled`` and is not stored, so it is read next time.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from kami_desktop.core.ocr.engine import (
    OcrUnavailable,
    PageRead,
    PdfPages,
    UnreadableFile,
    read_image_file,
)
from kami_desktop.core.ocr.model import OcrLine

log = logging.getLogger(__name__)

COMMAND = "ocr-reader"  # the hidden ``kami`` command that runs ``serve()`` in a frozen build
CHILD_NICE = 5  # POSIX: how much lower the child's priority is
CRASHED = "文字识别进程意外退出，这一页未能识别（可重新识别）"


class ReadCancelled(Exception):
    """The child was stopped on purpose (``terminate()``) while it read: the page is not a failure."""


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
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable).with_name("kami.exe" if sys.platform == "win32" else "kami")
        return [str(exe), COMMAND]
    return [sys.executable, "-m", "kami_desktop.core.ocr.reader_process"]


class ReaderProcess:
    """A child that reads images and PDF pages; one request at a time (calls are serialised), started on
    the first read and again after it died. ``close()`` ends it (its memory goes with it)."""

    def __init__(
        self, command: list[str] | None = None, stderr: int | IO[Any] | None = subprocess.DEVNULL
    ) -> None:
        self.command = command or child_command()
        self.stderr = stderr
        self.started = 0  # children started so far
        self._proc: subprocess.Popen[bytes] | None = None
        self._killed: subprocess.Popen[bytes] | None = None
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
        flags = 0
        if sys.platform == "win32":
            flags = subprocess.CREATE_NO_WINDOW | subprocess.BELOW_NORMAL_PRIORITY_CLASS
        try:
            proc = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self.stderr,
                creationflags=flags,
            )
        except OSError as exc:  # the console kami beside a frozen app is missing: a damaged install
            raise OcrUnavailable(
                f"文字识别程序无法启动（{self.command[0]}：{exc.strerror or exc}）。请重新安装本软件。"
            ) from exc
        self.started += 1
        log.info("OCR reader started (pid %s)", proc.pid)
        return proc

    def _read(self, request: dict[str, Any]) -> PageRead:
        with self._lock:
            proc = self._proc
            if proc is None or proc.poll() is not None:
                proc = self._proc = self._start()
            line = b""
            try:
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
                proc.stdin.flush()
                line = proc.stdout.readline()
            except (OSError, ValueError):
                pass
            if not line:  # the child is gone
                self._reap(proc)
                if self._killed is proc:
                    raise ReadCancelled()
                log.warning("OCR reader died reading %s (exit %s)", request["path"], proc.returncode)
                raise UnreadableFile(CRASHED)
        response = json.loads(line)
        if "ok" in response:
            return page_from_json(response["ok"])
        reason = str(response.get("reason", ""))
        if response.get("error") == "unavailable":
            raise OcrUnavailable(reason)
        raise UnreadableFile(reason)

    def _reap(self, proc: subprocess.Popen[bytes]) -> None:
        if self._proc is proc:
            self._proc = None
        try:
            proc.kill()
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        for pipe in (proc.stdin, proc.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except OSError:
                pass

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
            if proc is None:
                return
            try:
                if proc.stdin is not None:
                    proc.stdin.close()
                proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
            self._reap(proc)


if __name__ == "__main__":
    sys.exit(serve())
