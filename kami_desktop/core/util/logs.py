"""The app's log: ``<profile>/logs/kami.log``, rotating, user-only, with personal numbers redacted.

``setup_logging(profile)`` attaches one handler to the ``kami_desktop`` logger (calling it again
replaces it). Every record passing through it is rewritten before it is written *or propagated*:

- 18-character 身份证号 and USCC-like IDs (统一社会信用代码) keep only their first 3 and last 2
  characters: ``110105199001011234`` → ``110*************34``;
- so do numbers of 15 to 19 digits — 15-digit 身份证号, bank cards (16 and 19 digits) — whatever letters
  stand before or after them, and any number written in groups of at least three digits with spaces,
  hyphens or dots between them that adds up to 15 digits or more (``ID110105 19900101 1234``,
  ``6222-0212-3456-7890``); longer unbroken numbers (order numbers) stay readable;
- 11-digit mainland mobile numbers (with or without +86, with spaces, hyphens or dots) likewise:
  ``138******78``;
- bytes never reach the log (they are replaced by their length) and a message is cut at 4,000
  characters, so file contents cannot end up there by accident.

``redact(text)`` is the same rule for any other text (e.g. a crash dialog's details).

The window and ``kami`` commands may log to the same file at the same time. Rotation is therefore done
by one process at a time (a ``kami.log.rotating`` marker file), only when the file on disk is still
over the limit, by first moving ``kami.log`` aside (so a failure loses nothing), and a process whose
file was rotated by another reopens ``kami.log``. On Windows a file another process holds cannot be
renamed: the rotation is then skipped and tried again later — logging itself never fails.
"""

from __future__ import annotations

import io
import logging
import os
import re
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any, Protocol

from kami_desktop.core.util.fsutil import make_private_dir
from kami_desktop.core.util.timeutil import from_timestamp

LOG_NAME = "kami.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
MAX_MESSAGE = 4000
LOGGER = "kami_desktop"

_D = "0-9０-９"
# 17 characters from the USCC alphabet (digits and capitals without I, O, Z, S, V) plus a check character
_ID = re.compile(rf"(?<![{_D}A-Za-z])[{_D}A-HJ-NP-RTUW-Y]{{17}}[{_D}A-HJ-NP-RTUW-YXx](?![{_D}A-Za-z])")
_MOBILE = re.compile(
    rf"(?<![{_D}])((?:\+|00)?86[-\s.]?)?([1１][3-9３-９][{_D}])[-\s.]?([{_D}]{{4}})[-\s.]?([{_D}]{{4}})"
    rf"(?![{_D}])"
)


# digits in groups with single separators between them, and the check character of an ID at the end
_SEP = " \t\u00a0\u3000.\\-－"
_GROUPED = re.compile(rf"(?<![{_D}])[{_D}]+(?:[{_SEP}][{_D}]+)*[Xx]?(?![{_D}])")
_LONG = range(15, 20)  # 15-digit IDs, 16–19-digit bank cards, 18-character IDs
_MIN_GROUP = 3  # grouped digits are masked only when every group has 3+ digits (dates do not)


def _mask(s: str) -> str:
    return s[:3] + "*" * (len(s) - 5) + s[-2:]


_CALLING = ("0086", "００８６")  # a country code before a mobile number is not part of it


def _joins(group: str) -> bool:
    return len(group) >= _MIN_GROUP


def _grouped(m: re.Match) -> str:
    """Mask a number of 15–19 characters, and any run of 3+-digit groups that adds up to 15 or more."""
    text = m.group(0)
    masked = _mask_groups(text)
    if text[-1] in "Xx" and masked.endswith(text[-5:]):  # not an ID's check character after all
        masked = _mask_groups(text[:-1]) + text[-1]
    return masked


def _mask_groups(text: str) -> str:
    parts = re.split(rf"([{_SEP}])", text)
    groups, seps = parts[0::2], [*parts[1::2], ""]
    out: list[str] = []
    i = 0
    while i < len(groups):
        j = i
        while (
            _joins(groups[j]) and j + 1 < len(groups) and _joins(groups[j + 1]) and groups[i] not in _CALLING
        ):
            j += 1
        joined = "".join(groups[i : j + 1])
        if (i == j and len(joined) in _LONG) or (i < j and len(joined) >= _LONG.start):
            out += [_mask(joined), seps[j]]
        else:
            for k in range(i, j + 1):
                out += [groups[k], seps[k]]
        i = j + 1
    return "".join(out)


def _id(m: re.Match) -> str:
    token = m.group(0)
    digits = sum(c.isdigit() for c in token)
    return _mask(token) if digits >= 8 else token  # an 18-letter word is not an ID


def _mobile(m: re.Match) -> str:
    number = m.group(2) + m.group(3) + m.group(4)
    return (m.group(1) or "") + _mask(number)


def redact(text: str) -> str:
    """Hide ID numbers, USCC-like codes, bank card and mobile numbers in ``text``."""
    return _MOBILE.sub(_mobile, _GROUPED.sub(_grouped, _ID.sub(_id, text)))


def _safe_arg(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} 字节内容未记录>"
    return value


class RedactingFilter(logging.Filter):
    """Rewrites a record in place: message formatted, bytes dropped, cut to length, numbers redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, bytes | bytearray | memoryview):
            record.msg = _safe_arg(record.msg)
        if isinstance(record.args, dict):
            record.args = {k: _safe_arg(v) for k, v in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_safe_arg(a) for a in record.args)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!s} {record.args!r}"
        if len(message) > MAX_MESSAGE:
            message = message[:MAX_MESSAGE] + f"…（已截断，共 {len(message)} 字）"
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class RedactingFormatter(logging.Formatter):
    """Aware ISO timestamps; the finished line is redacted once more (belt and braces)."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return from_timestamp(record.created).isoformat(timespec="milliseconds")

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class HasLogsDir(Protocol):
    """Anything with a log folder (a Profile, or a stand-in for the CLI before one is open)."""

    @property
    def logs_dir(self) -> Path | str: ...


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Log files readable by the current user only (where the OS has modes), rotated safely when
    several processes write the same file (see the module docstring)."""

    RETRY_AFTER = 30.0  # seconds before trying again a rotation another process prevented
    STALE_MARKER = 60.0  # a rotation marker this old was left by a process that died while rotating

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._retry_at = 0.0
        self._ident: tuple[int, int] | None = None
        super().__init__(*args, **kwargs)

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(
            self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600
        )
        if os.name != "nt":
            os.fchmod(fd, 0o600)  # by descriptor: another process may already have rotated the name away
        st = os.fstat(fd)
        self._ident = (st.st_dev, st.st_ino)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)

    def _follow(self) -> None:
        """Reopen ``kami.log`` when another process has rotated (moved) the file this one writes."""
        if self.stream is None or os.name == "nt":  # on Windows an open file is never moved away
            return
        try:
            st = os.stat(self.baseFilename)
            moved = (st.st_dev, st.st_ino) != self._ident
        except OSError:
            moved = True
        if moved:
            self.stream.close()
            self.stream = self._open()

    def shouldRollover(self, record: logging.LogRecord) -> int:
        self._follow()
        if self.maxBytes <= 0 or time.monotonic() < self._retry_at:
            return False
        try:
            return os.path.getsize(self.baseFilename) >= self.maxBytes
        except OSError:
            return False

    def doRollover(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None
        try:
            if not self._rotate():
                self._retry_at = time.monotonic() + self.RETRY_AFTER
        except OSError:
            self._retry_at = time.monotonic() + self.RETRY_AFTER
        self.stream = self._open()

    def _rotate(self) -> bool:
        """One rotation under the marker; False when another process holds the marker or the file."""
        marker = self.baseFilename + ".rotating"
        try:
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            try:
                if time.time() - os.path.getmtime(marker) > self.STALE_MARKER:
                    os.remove(marker)
            except OSError:
                pass
            return False
        os.close(fd)
        try:
            if os.path.getsize(self.baseFilename) < self.maxBytes:
                return True  # another process has just rotated it
            aside = f"{self.baseFilename}.{os.getpid()}.old"
            try:
                os.replace(self.baseFilename, aside)  # fails on Windows while another process writes it
            except PermissionError:
                return False
            for i in range(self.backupCount - 1, 0, -1):
                src, dst = (
                    self.rotation_filename(f"{self.baseFilename}.{i}"),
                    self.rotation_filename(f"{self.baseFilename}.{i + 1}"),
                )
                if os.path.exists(src):
                    os.replace(src, dst)
            first = self.rotation_filename(self.baseFilename + ".1")
            if self.backupCount > 0:
                os.replace(aside, first)
            else:
                os.remove(aside)
            return True
        finally:
            try:
                os.remove(marker)
            except OSError:
                pass


def setup_logging(profile: HasLogsDir, level: int = logging.INFO) -> logging.Logger:
    """Log the app to ``profile.logs_dir / "kami.log"``; returns the ``kami_desktop`` logger."""
    logs_dir = Path(profile.logs_dir)
    make_private_dir(logs_dir)
    logger = logging.getLogger(LOGGER)
    for h in list(logger.handlers):
        if getattr(h, "_kami_log", False):
            logger.removeHandler(h)
            h.close()
    handler = _PrivateRotatingFileHandler(
        logs_dir / LOG_NAME,
        maxBytes=MAX_BYTES,
        backupCount=BACKUPS,
        encoding="utf-8",
        errors="backslashreplace",
    )
    handler._kami_log = True  # type: ignore[attr-defined]
    handler.addFilter(RedactingFilter())
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(level)
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > level:
        logger.setLevel(level)
    return logger


def side_log(path: Path, max_bytes: int, backups: int) -> logging.Handler:
    """A log file of its own beside ``kami.log`` (e.g. a child process's error output): rotating at
    ``max_bytes`` with ``backups`` old files, user-only, redacted like the app's log. The caller
    writes records to it with ``handler.handle(record)`` and closes it."""
    make_private_dir(path.parent)
    handler = _PrivateRotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", errors="backslashreplace", delay=True
    )
    handler.addFilter(RedactingFilter())
    handler.setFormatter(RedactingFormatter("%(asctime)s %(message)s"))
    return handler


def close_logging() -> None:
    """Close the app's log files (e.g. before a restore moves the data folder; Windows needs it)."""
    for logger in (logging.getLogger(LOGGER), logging.getLogger()):
        for h in list(logger.handlers):
            if getattr(h, "_kami_log", False):
                logger.removeHandler(h)
                h.close()
