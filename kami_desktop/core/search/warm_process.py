"""The search index warm-up (``index.warm``) in a child process of its own, for the desktop app.

Bringing a big case's index up to date is mostly Python (reading signatures, turning OCR lines, chat
messages and bill rows into documents, normalising them): on a thread of the window's process it held
the interpreter lock the GUI thread waits for at every event, and the window stalled for a second at a
time while the 10,000-exhibit case of ``bench/search.py`` was indexed (the GUI thread in turn slowed
the warm-up tenfold). So the app warms through ``WarmProcess``: a child at a lower priority that opens
the profile read-only (``Profile.open(write=False)``: it works beside the window, the writer, and
writes only the index in ``cache/``), calls ``warm`` and answers what it did.

The protocol is one JSON object per line over the child's stdin/stdout (UTF-8): request
``{"data_dir": "...", "case_id": 3}``; response ``{"ok": {"exhibits": ..., ...}}`` or
``{"error": "..."}`` (the message, for the log: the search itself reports what is wrong to the user).

The child is started on the first request and kept for the next ones (a warm-up after each change of
the case costs a few lookups, not a new interpreter); it leaves by itself after ``IDLE_EXIT`` seconds
without a request, when its stdin ends (``close()``; the app's own end closes it too) and when killed
(``terminate()``: its owner is gone). A cancel kills it: its index transaction is
never committed, so the index is as it was (SQLite drops the uncommitted part), and the next request
starts a new child. It runs as ``python -m kami_desktop.core.search.warm_process`` from source, and as
the console ``kami search-warmer`` (an internal command) beside the frozen app.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from kami_desktop.core.errors import UserError
from kami_desktop.core.ocr.child_log import ChildLog, StderrTail
from kami_desktop.core.search.index import SearchIndexError, warm
from kami_desktop.core.tasks import CancelToken
from kami_desktop.core.util.child import ask_to_leave, end_child, spawn
from kami_desktop.core.util.child import child_command as kami_child

log = logging.getLogger(__name__)

COMMAND = "search-warmer"  # the hidden ``kami`` command that runs ``serve()`` in a frozen build
CHILD_NICE = 5  # POSIX: how much lower the child's priority is
IDLE_EXIT = 300.0  # seconds without a request after which the child leaves (its memory with it)
CANCEL_POLL = 0.05  # seconds between looks at the cancel flag while the child works


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """One request done in this process: the response to send back."""
    from kami_desktop.core.profile import Profile

    data_dir, case_id = Path(request["data_dir"]), int(request["case_id"])  # else: an invalid request
    try:
        profile = Profile.open(data_dir, write=False)
        try:
            return {"ok": warm(profile, case_id)}
        finally:
            profile.close()
    except UserError as exc:
        return {"error": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one failed warm-up must not end the child
        log.exception("search index warm-up failed")
        return {"error": f"{type(exc).__name__}: {exc}"}


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None, idle: float | None = None) -> int:
    """The child's loop: a request per line in, a response per line out, until stdin ends or ``idle``
    seconds pass without a request. Anything a library prints goes to stderr."""
    if stdout is None:  # the child itself: at a lower priority, its stdout for the responses only
        sys.stdout.flush()
        stdout = os.fdopen(os.dup(1), "wb")
        os.dup2(2, 1)
        sys.stdout = sys.stderr
        if hasattr(os, "nice"):
            try:
                os.nice(CHILD_NICE)
            except OSError:
                pass
    if stdin is None:
        stdin = sys.stdin.buffer
    last = [time.monotonic(), False]  # when the last request ended, whether one is being done

    def leave_when_idle(limit: float) -> None:
        while True:
            time.sleep(min(limit, 5.0))
            if not last[1] and time.monotonic() - float(last[0]) > limit:
                os._exit(0)  # the parent sees end of file and starts a new child for its next request

    if idle is not None:
        threading.Thread(target=leave_when_idle, args=(idle,), daemon=True).start()
    for raw in stdin:
        if not raw.strip():
            continue
        last[1] = True
        try:
            response = handle(json.loads(raw))
        except (ValueError, KeyError, TypeError):
            response = {"error": "无效的请求"}
        stdout.write(json.dumps(response, ensure_ascii=False).encode("utf-8") + b"\n")
        stdout.flush()
        last[:] = [time.monotonic(), False]
    return 0


def child_command() -> list[str]:
    """How to start the child: the console ``kami`` beside a frozen app, else this module."""
    return kami_child(COMMAND, "kami_desktop.core.search.warm_process")


class WarmProcess:
    """A child that warms search indexes; one request at a time (calls are serialised)."""

    def __init__(self, command: list[str] | None = None) -> None:
        self.command = command or child_command()
        self.started = 0  # children started so far
        self._proc: subprocess.Popen[bytes] | None = None
        self._tail: StderrTail | None = None
        self._lock = threading.Lock()
        self._stopped = False

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _start(self) -> subprocess.Popen[bytes]:
        try:
            proc = spawn(self.command)
        except OSError as exc:
            raise SearchIndexError(
                f"搜索索引进程无法启动（{self.command[0]}：{exc.strerror or exc}）"
            ) from exc
        self.started += 1
        assert proc.stderr is not None
        self._tail = StderrTail(proc.stderr, proc.pid, ChildLog(None))
        log.info("search warm-up process started (pid %s)", proc.pid)
        return proc

    def warm(
        self, data_dir: Path, case_id: int, *, cancel: CancelToken | None = None
    ) -> dict[str, int] | None:
        """``index.warm`` of the profile at ``data_dir`` done by the child: what it did; None when
        cancelled (the child is killed, the index is as it was)."""
        request = json.dumps({"data_dir": str(data_dir), "case_id": case_id}, ensure_ascii=False)
        with self._lock:
            for attempt in (1, 2):  # a child that left (idle) just then: once more with a new one
                if self._stopped or (cancel is not None and cancel.cancelled):
                    return None
                proc = self._proc
                if proc is None or proc.poll() is not None:
                    if proc is not None:
                        self._reap(proc)
                    proc = self._proc = self._start()
                line = self._ask(proc, request.encode("utf-8") + b"\n", cancel)
                if line:
                    break
                tail = self._reap(proc)
                if self._stopped or (cancel is not None and cancel.cancelled):
                    return None
                if attempt == 2:
                    raise SearchIndexError(f"搜索索引进程意外退出（{proc.returncode}）：{tail}")
        response = json.loads(line)
        if "ok" not in response:
            raise SearchIndexError(str(response.get("error", "")))
        return response["ok"]

    def _ask(self, proc: subprocess.Popen[bytes], request: bytes, cancel: CancelToken | None) -> bytes:
        answered = threading.Event()

        def kill_on_cancel() -> None:
            while not answered.wait(CANCEL_POLL):
                if cancel is not None and cancel.cancelled:
                    proc.kill()
                    return

        watcher = threading.Thread(target=kill_on_cancel, daemon=True)
        watcher.start()
        try:
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(request)
            proc.stdin.flush()
            return proc.stdout.readline()
        except (OSError, ValueError):
            return b""
        finally:
            answered.set()
            watcher.join()

    def _reap(self, proc: subprocess.Popen[bytes]) -> str:
        """Make sure the child is gone and its pipes closed; the end of its error output."""
        if self._proc is proc:
            self._proc = None
        end_child(proc)
        tail, self._tail = self._tail, None
        if tail is None:
            return ""
        tail.wait()
        return tail.short()

    def terminate(self) -> None:
        """Kill the child now, from any thread, and start no other (its owner is gone): a warm-up in
        progress returns None."""
        self._stopped = True
        proc = self._proc
        if proc is not None and proc.poll() is None:
            try:
                proc.kill()
            except OSError:
                pass

    def close(self) -> None:
        """End the child: its stdin is closed and it exits (killed if it does not within a few seconds).
        A warm-up in progress is not waited for: cancel it first."""
        with self._lock:
            proc = self._proc
            if proc is None:
                return
            ask_to_leave(proc)
            self._reap(proc)


if __name__ == "__main__":
    sys.exit(serve(idle=IDLE_EXIT))
