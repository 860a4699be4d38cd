"""Duration of voice-message files, read from their headers/frames with the standard library only.

Supported: WAV (wave module), MP3 (Xing/Info header or frame walk), M4A/MP4 (mvhd atom), AMR-NB/WB
and SILK v3 (WeChat/QQ voice; 20 ms frames), AAC ADTS, Ogg (Opus/Vorbis), FLAC. The container is
recognised by its content; the extension is only a fallback hint. Returns None when unknown.
"""

from __future__ import annotations

import io
import struct
import wave
from collections.abc import Iterator
from pathlib import Path

VOICE_EXTENSIONS = frozenset(
    {".wav", ".mp3", ".m4a", ".mp4", ".aac", ".amr", ".silk", ".slk", ".ogg", ".opus", ".flac"}
)
MAX_AUDIO_BYTES = 200 * 1024 * 1024

_AMR_NB = (12, 13, 15, 17, 19, 20, 26, 31, 5, 0, 0, 0, 0, 0, 0, 0)
_AMR_WB = (17, 23, 32, 36, 40, 46, 50, 58, 60, 5, 0, 0, 0, 0, 0, 0)
_MP3_BITRATES = {
    (1, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (1, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (1, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (2, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (2, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MP3_RATES = {1: (44100, 48000, 32000), 2: (22050, 24000, 16000), 25: (11025, 12000, 8000)}
_AAC_RATES = (96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350)


def audio_duration(path: Path | str) -> float | None:
    """Seconds of audio, or None if the format is unknown or the file is damaged."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_AUDIO_BYTES:
            return None
        data = p.read_bytes()
    except OSError:
        return None
    return audio_duration_bytes(data, p.suffix.lower())


def audio_duration_bytes(data: bytes, suffix: str = "") -> float | None:
    try:
        seconds = _dispatch(data, suffix)
    except (wave.Error, EOFError, struct.error, ValueError, IndexError, ZeroDivisionError, OverflowError):
        return None
    if seconds is None or seconds < 0 or seconds != seconds:
        return None
    return round(seconds, 3)


def _dispatch(data: bytes, suffix: str) -> float | None:
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        with wave.open(io.BytesIO(data)) as w:
            return w.getnframes() / w.getframerate()
    if data.startswith(b"#!AMR-WB\n"):
        return _amr(data, 9, _AMR_WB)
    if data.startswith(b"#!AMR\n"):
        return _amr(data, 6, _AMR_NB)
    for offset in (0, 1):  # WeChat prefixes SILK with one 0x02 byte
        if data[offset : offset + 9] == b"#!SILK_V3":
            return _silk(data, offset + 9)
    if data[4:8] == b"ftyp":
        return _mp4(data)
    if data.startswith(b"OggS"):
        return _ogg(data)
    if data.startswith(b"fLaC"):
        return _flac(data)
    if data.startswith(b"ID3") or suffix == ".mp3" or _mp3_header(data, 0):
        seconds = _mp3(data)
        if seconds is not None:
            return seconds
    if len(data) > 1 and data[0] == 0xFF and data[1] & 0xF6 == 0xF0:
        return _adts(data)
    return None


def _amr(data: bytes, pos: int, sizes: tuple[int, ...]) -> float | None:
    frames = 0
    while pos < len(data):
        ft = (data[pos] >> 3) & 0x0F
        size = sizes[ft]
        if size == 0 and ft not in (14, 15):
            return None
        pos += 1 + size
        frames += 1
    return frames * 0.02


def _silk(data: bytes, pos: int) -> float | None:
    frames = 0
    while pos + 2 <= len(data):
        (size,) = struct.unpack_from("<H", data, pos)
        if size == 0xFFFF:
            break
        pos += 2 + size
        if pos > len(data):
            break
        frames += 1
    return frames * 0.02


def _mp4(data: bytes) -> float | None:
    def atoms(start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
        pos = start
        while pos + 8 <= end:
            size, kind = struct.unpack_from(">I4s", data, pos)
            header = 8
            if size == 1:
                (size,) = struct.unpack_from(">Q", data, pos + 8)
                header = 16
            elif size == 0:
                size = end - pos
            if size < header or pos + size > end:
                return
            yield kind, pos + header, pos + size
            pos += size

    for kind, body, end in atoms(0, len(data)):
        if kind != b"moov":
            continue
        for sub, sbody, _ in atoms(body, end):
            if sub == b"mvhd":
                version = data[sbody]
                if version == 1:
                    scale, duration = struct.unpack_from(">IQ", data, sbody + 20)
                else:
                    scale, duration = struct.unpack_from(">II", data, sbody + 12)
                return duration / scale if scale else None
    return None


def _mp3_header(data: bytes, pos: int) -> tuple[int, int] | None:
    """(frame length in bytes, samples per frame) of a valid MPEG audio frame header at pos."""
    if pos + 4 > len(data) or data[pos] != 0xFF or data[pos + 1] & 0xE0 != 0xE0:
        return None
    b1, b2 = data[pos + 1], data[pos + 2]
    version = {3: 1, 2: 2, 0: 25}.get((b1 >> 3) & 3)
    layer = {3: 1, 2: 2, 1: 3}.get((b1 >> 1) & 3)
    bitrate_i, rate_i, padding = b2 >> 4, (b2 >> 2) & 3, (b2 >> 1) & 1
    if version is None or layer is None or bitrate_i in (0, 15) or rate_i == 3:
        return None
    table = _MP3_BITRATES[(1, layer)] if version == 1 else _MP3_BITRATES[(2, 1 if layer == 1 else 2)]
    bitrate, rate = table[bitrate_i] * 1000, _MP3_RATES[version][rate_i]
    if layer == 1:
        return (12 * bitrate // rate + padding) * 4, 384
    samples = 1152 if layer == 2 or version == 1 else 576
    return samples // 8 * bitrate // rate + padding, samples


def _mp3(data: bytes) -> float | None:
    pos = 0
    if data.startswith(b"ID3") and len(data) >= 10:
        size = (data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | (data[9] & 0x7F)
        pos = 10 + size
    while pos < min(len(data), 65536) and not _mp3_header(data, pos):
        pos += 1
    first = _mp3_header(data, pos)
    if not first:
        return None
    rate = _MP3_RATES[{3: 1, 2: 2, 0: 25}[(data[pos + 1] >> 3) & 3]][(data[pos + 2] >> 2) & 3]
    for tag in (b"Xing", b"Info"):  # VBR header with the frame count
        at = data.find(tag, pos + 4, pos + 64)
        if at > 0 and struct.unpack_from(">I", data, at + 4)[0] & 1:
            return struct.unpack_from(">I", data, at + 8)[0] * first[1] / rate
    samples = 0
    while True:
        header = _mp3_header(data, pos)
        if not header or pos + header[0] > len(data):
            break
        samples += header[1]
        pos += header[0]
    return samples / rate if samples else None


def _adts(data: bytes) -> float | None:
    pos = samples = 0
    rate = 0
    while pos + 7 <= len(data) and data[pos] == 0xFF and data[pos + 1] & 0xF6 == 0xF0:
        rate_i = (data[pos + 2] >> 2) & 0x0F
        length = ((data[pos + 3] & 3) << 11) | (data[pos + 4] << 3) | (data[pos + 5] >> 5)
        if rate_i >= len(_AAC_RATES) or length < 7:
            break
        rate = _AAC_RATES[rate_i]
        samples += 1024 * ((data[pos + 6] & 3) + 1)
        pos += length
    return samples / rate if rate else None


def _ogg(data: bytes) -> float | None:
    if b"OpusHead" in data[:200]:
        at = data.find(b"OpusHead")
        pre_skip = struct.unpack_from("<H", data, at + 10)[0]
        rate = 48000
    elif b"\x01vorbis" in data[:200]:
        at = data.find(b"\x01vorbis")
        rate, pre_skip = struct.unpack_from("<I", data, at + 12)[0], 0
    else:
        return None
    last = data.rfind(b"OggS")
    if last < 0 or last + 14 > len(data):
        return None
    (granule,) = struct.unpack_from("<q", data, last + 6)
    return max(granule - pre_skip, 0) / rate if rate else None


def _flac(data: bytes) -> float | None:
    # STREAMINFO is the first metadata block: 4-byte block header, then 18 bytes of fields
    info = data[8:26]
    if len(info) < 18:
        return None
    packed = int.from_bytes(info[10:18], "big")
    rate = packed >> 44
    total = packed & ((1 << 36) - 1)
    return total / rate if rate else None
