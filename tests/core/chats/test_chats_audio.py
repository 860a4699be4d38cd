"""Voice durations from headers and frames; every container is built byte by byte here."""

import io
import struct
import wave

import pytest

from kami_desktop.core.chats import VOICE_EXTENSIONS, audio_duration
from kami_desktop.core.chats.audio import audio_duration_bytes


def wav(seconds: float, rate: int = 8000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x00" * int(seconds * rate))
    return buf.getvalue()


def amr_nb(frames: int) -> bytes:  # mode 7 (12.2 kbit/s): 31 payload bytes, header byte 0x3C
    return b"#!AMR\n" + (b"\x3c" + b"\x00" * 31) * frames


def amr_wb(frames: int) -> bytes:  # mode 8 (23.85 kbit/s): 60 payload bytes
    return b"#!AMR-WB\n" + (bytes([8 << 3 | 4]) + b"\x00" * 60) * frames


def silk(frames: int, wechat: bool = True) -> bytes:
    body = b"".join(struct.pack("<H", 20 + i % 7) + b"\x01" * (20 + i % 7) for i in range(frames))
    return (b"\x02" if wechat else b"") + b"#!SILK_V3" + body + b"\xff\xff"


def mp3(frames: int, id3: bool = True, xing: bool = False) -> bytes:
    # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding: 417-byte frames of 1152 samples
    frame = b"\xff\xfb\x90\x00" + b"\x00" * 413
    head = b"ID3\x04\x00\x00\x00\x00\x00\x0a" + b"\x00" * 10 if id3 else b""
    if xing:
        info = b"\xff\xfb\x90\x00" + b"\x00" * 32 + b"Xing" + struct.pack(">II", 1, frames)
        return (
            head + info + b"\x00" * (417 - len(info)) + frame * 3
        )  # only 3 real frames follow: the header wins
    return head + frame * frames


def m4a(scale: int, duration: int, version: int = 0) -> bytes:
    def atom(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", 8 + len(body)) + kind + body

    if version == 0:
        mvhd = bytes([0, 0, 0, 0]) + struct.pack(">IIII", 0, 0, scale, duration) + b"\x00" * 80
    else:
        mvhd = bytes([1, 0, 0, 0]) + struct.pack(">QQIQ", 0, 0, scale, duration) + b"\x00" * 80
    return atom(b"ftyp", b"M4A \x00\x00\x00\x00") + atom(b"free", b"") + atom(b"moov", atom(b"mvhd", mvhd))


def adts(frames: int) -> bytes:  # 44.1 kHz (index 4), 1024 samples per frame, 100-byte frames
    length = 100
    header = bytes(
        [
            0xFF,
            0xF1,
            (1 << 6) | (4 << 2),
            (2 << 6) | (length >> 11),
            (length >> 3) & 0xFF,
            ((length & 7) << 5) | 0x1F,
            0xFC,
        ]
    )
    return (header + b"\x00" * (length - 7)) * frames


def ogg_opus(samples_48k: int, pre_skip: int = 312) -> bytes:
    head = b"OpusHead" + bytes([1, 1]) + struct.pack("<HIhB", pre_skip, 48000, 0, 0)
    first = b"OggS\x00\x02" + struct.pack("<q", 0) + b"\x00" * 12 + bytes([1, len(head)]) + head
    last = b"OggS\x00\x04" + struct.pack("<q", samples_48k + pre_skip) + b"\x00" * 12 + b"\x01\x03abc"
    return first + last


def flac(rate: int, total: int) -> bytes:
    packed = (rate << 44) | (0 << 41) | (15 << 36) | total
    info = b"\x10\x00\x10\x00" + b"\x00" * 6 + packed.to_bytes(8, "big") + b"\x00" * 16
    return b"fLaC" + bytes([0x80, 0, 0, len(info)]) + info


@pytest.mark.parametrize(
    ("name", "data", "seconds"),
    [
        ("a.wav", wav(2.5), 2.5),
        ("a.amr", amr_nb(150), 150 * 0.02),
        ("wb.amr", amr_wb(51), 51 * 0.02),
        ("msg.silk", silk(240), 240 * 0.02),
        ("qq.slk", silk(10, wechat=False), 10 * 0.02),
        ("a.mp3", mp3(100), 100 * 1152 / 44100),
        ("noid3.mp3", mp3(20, id3=False), 20 * 1152 / 44100),
        ("vbr.mp3", mp3(1000, xing=True), 1000 * 1152 / 44100),
        ("a.m4a", m4a(1000, 5500), 5.5),
        ("v1.m4a", m4a(44100, 44100 * 7, version=1), 7.0),
        ("a.aac", adts(430), 430 * 1024 / 44100),
        ("a.opus", ogg_opus(48000 * 3), 3.0),
        ("a.flac", flac(16000, 48000), 3.0),
    ],
)
def test_durations(tmp_path, name, data, seconds):
    path = tmp_path / name
    path.write_bytes(data)
    assert audio_duration(path) == pytest.approx(seconds, abs=0.002)
    assert path.suffix in VOICE_EXTENSIONS


def test_content_wins_over_extension(tmp_path):
    path = tmp_path / "voice.mp3"
    path.write_bytes(amr_nb(50))
    assert audio_duration(path) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"RIFF\x00\x00\x00\x00WAVEjunk",
        b"hello world",
        b"\x00\x00\x00\x10ftypM4A ",
        b"OggS",
        b"fLaC",
        b"ID3\x04",
        b"\xff\xfb\x90\x00",
    ],
)
def test_unknown_or_damaged_is_none(data):
    assert audio_duration_bytes(data, ".mp3") is None


def test_damaged_files_do_not_raise(tmp_path):
    for cut in (5, 20, 50):
        for data in (wav(1), m4a(1000, 5500), flac(8000, 8000), ogg_opus(4800)):
            assert audio_duration_bytes(data[:cut]) is None or audio_duration_bytes(data[:cut]) >= 0
    assert audio_duration(tmp_path / "missing.amr") is None
