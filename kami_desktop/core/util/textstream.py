"""Text files read as a stream: an encoding checked piece by piece and lines decoded about 1 MB at a time,
so a 200 MB export never becomes one 200 MB (or, with a single emoji, 800 MB) string.

Used by the bill and chat parsers. Only CR, LF and CRLF end a line (as for the ``csv`` module and
``io.StringIO(newline="")``); U+2028 and friends stay inside a line.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator

CHUNK = 1 << 20
Buffer = bytes | bytearray  # a file's bytes: bytes, or a bytearray filled from a zip member


def _slices(data: Buffer, start: int) -> Iterator[tuple[int, int]]:
    """(start, end) of ~1 MB pieces that each end just after a newline byte. 0x0A is never part of a
    multi-byte sequence in UTF-8 or GB18030, so no piece ends inside a character."""
    n = len(data)
    while start < n:
        end = min(n, start + CHUNK)
        if end < n:
            nl = data.rfind(b"\n", start, end)
            end = nl + 1 if nl >= start else (data.find(b"\n", end) + 1 or n)
        yield start, end
        start = end


def undecodable(data: Buffer, codec: str, skip: int = 0) -> tuple[int, int] | None:
    """Decode ``data[skip:]`` piece by piece, keeping nothing; (start, end) in ``data`` of the first bytes
    that are not ``codec``, or None when all of it decodes."""
    if codec.startswith("utf-16"):  # 0x0A can be half of a UTF-16 unit: an incremental decoder instead
        decoder = codecs.getincrementaldecoder(codec)("strict")
        for pos in range(skip, len(data), CHUNK):
            try:
                decoder.decode(data[pos : pos + CHUNK], final=pos + CHUNK >= len(data))
            except UnicodeDecodeError as exc:
                return pos + exc.start, pos + exc.end
        return None
    for start, end in _slices(data, skip):
        try:
            data[start:end].decode(codec)
        except UnicodeDecodeError as exc:
            return start + exc.start, start + exc.end
    return None


def iter_lines(data: Buffer, codec: str, skip: int = 0) -> Iterator[str]:
    """The text of ``data[skip:]`` line by line, each with its line ending. ``codec`` must decode all of it
    (check with ``undecodable`` first)."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    rest = ""
    for pos in range(skip, len(data), CHUNK):
        text = rest + decoder.decode(data[pos : pos + CHUNK], final=pos + CHUNK >= len(data))
        lines = io.StringIO(text, newline="").readlines()
        # the last line waits for the next piece unless it ends in LF (a CR may be the first half of CRLF)
        rest = lines.pop() if lines and not lines[-1].endswith("\n") else ""
        yield from lines
    if rest:
        yield rest


def head_text(data: Buffer, codec: str, skip: int = 0, size: int = 200_000) -> str:
    """The first ``size`` characters or so, in whole lines: enough to recognise a file."""
    out: list[str] = []
    taken = 0
    for line in iter_lines(data, codec, skip):
        out.append(line)
        taken += len(line)
        if taken >= size:
            break
    return "".join(out)


def whole_text(data: Buffer, codec: str, skip: int = 0) -> str:
    """All of it as one string (for formats that cannot be read line by line), without copying the bytes."""
    return str(memoryview(data)[skip:], codec)
