"""Voice messages decoded to sound: AMR (FFmpeg's decoder, through PyAV) and SILK v3 (WeChat/QQ,
through ``pysilk``); any other audio PyAV can read works the same way.

Bytes in, plain data out: the 16-bit mono samples, a playable WAV of them and a waveform picture.
Everything here is derived from the original (which is never changed); a file that does not decode
raises :class:`VoiceError`, a ``UserError`` naming the file and the reason in Chinese.
"""

from __future__ import annotations

import array
import io
import wave
from dataclasses import dataclass
from pathlib import Path

from kami_desktop.core.errors import UserError
from kami_desktop.core.util.av_errors import av_reason

MAX_VOICE_BYTES = 200 * 1024 * 1024  # the same bound as chats/audio.py: far above any voice message
SILK_RATE = (
    24000  # WeChat and QQ encode SILK at 24 kHz (some at 16 kHz: decoding at 24 kHz still plays right)
)
VOICE_TYPES = frozenset({"audio/amr", "audio/silk", "audio/amr-wb"})


class VoiceError(UserError, ValueError):
    pass


@dataclass(frozen=True)
class Voice:
    pcm: bytes  # signed 16-bit little-endian, mono
    rate: int  # of ``pcm``
    codec: str  # what the file is, in words: "AMR-NB", "SILK v3（微信/QQ 语音）", …
    source_rate: int = 0  # the file's own sample rate (``rate`` unless decoded to a lower one)

    @property
    def duration(self) -> float:
        return len(self.pcm) / 2 / self.rate if self.rate else 0.0


def is_silk(head: bytes) -> bool:
    """SILK v3, with or without the one 0x02 byte WeChat puts in front."""
    return head.startswith(b"#!SILK_V3") or head.startswith(b"\x02#!SILK_V3")


def decode_voice(path: Path, name: str | None = None, *, rate: int | None = None) -> Voice:
    """Decode a voice file; ``name`` is the file name the message gives (default: the path's).

    ``rate`` resamples to at most that many samples a second (a waveform of an hour-long recording
    needs no more than 8 kHz: bounded memory); by default the file's own rate is kept."""
    label = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_VOICE_BYTES:
            raise VoiceError(f"语音文件“{label}”过大（{size:,} 字节），不做解码；原文件已原样保存")
        data = path.read_bytes()
    except OSError as exc:
        raise VoiceError(f"语音文件“{label}”无法读取（{exc.strerror or type(exc).__name__}）") from exc
    return decode_voice_bytes(data, label, rate=rate)


def decode_voice_bytes(data: bytes, label: str, *, rate: int | None = None) -> Voice:
    if not data:
        raise VoiceError(f"语音文件“{label}”为空（0 字节）")
    if is_silk(data[:16]):
        voice = _silk(data, label, min(rate or SILK_RATE, SILK_RATE))
    else:
        voice = _pyav(data, label, rate)
    if not voice.pcm:
        raise VoiceError(f"语音文件“{label}”中没有可解码的声音（文件可能不完整）；原文件已原样保存")
    return voice


def _silk(data: bytes, label: str, rate: int) -> Voice:
    import pysilk  # here, not at the top: only SILK needs it

    out = io.BytesIO()
    try:
        pysilk.decode(io.BytesIO(data), out, rate)
    except Exception as exc:  # pysilk.SilkError and its backends' errors
        raise VoiceError(
            f"SILK 语音文件“{label}”无法解码（语音数据无效），文件可能损坏或被截断；原文件已原样保存"
        ) from exc
    return Voice(out.getvalue(), rate, "SILK v3（微信/QQ 语音）", SILK_RATE)


def _pyav(data: bytes, label: str, max_rate: int | None) -> Voice:
    import av  # here, not at the top: FFmpeg loads only when a voice message is decoded

    kind = "AMR" if data.startswith(b"#!AMR") else "音频"
    pcm = bytearray()
    try:
        with av.open(io.BytesIO(data), "r") as container:
            if not container.streams.audio:
                raise VoiceError(f"{kind}文件“{label}”中没有音频轨；原文件已原样保存")
            stream = container.streams.audio[0]
            source_rate = int(stream.rate or stream.codec_context.sample_rate or 8000)
            rate = min(source_rate, max_rate or source_rate)
            codec = _codec_label(stream.codec_context.name)
            resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    pcm += bytes(out.planes[0])[: out.samples * 2]
            for out in resampler.resample(None):
                pcm += bytes(out.planes[0])[: out.samples * 2]
    except VoiceError:
        raise
    except Exception as exc:  # av.FFmpegError and friends: damaged or not audio at all
        reason = av_reason(exc)
        raise VoiceError(
            f"{kind}文件“{label}”无法解码（{reason}），文件可能损坏或被截断；原文件已原样保存"
        ) from exc
    return Voice(bytes(pcm), rate, codec, source_rate)


def _codec_label(name: str) -> str:
    names = {
        "amrnb": "AMR-NB",
        "amrwb": "AMR-WB",
        "libopencore_amrnb": "AMR-NB",
        "libopencore_amrwb": "AMR-WB",
    }
    names |= {
        "mp3float": "MP3",
        "mp3": "MP3",
        "aac": "AAC",
        "aac_fixed": "AAC",
        "opus": "Opus",
        "libopus": "Opus",
    }
    names |= {"vorbis": "Vorbis", "flac": "FLAC", "wmav2": "WMA"}
    return names.get(name, name.upper())


def wav_bytes(voice: Voice) -> bytes:
    """A plain PCM WAV every player opens."""
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(voice.rate)
        w.writeframes(voice.pcm)
    return buf.getvalue()


def duration_text(seconds: float) -> str:
    """The duration as "01:05.3（65.3 秒）": both halves from the same tenths (1.98 s: 00:02.0, 2.0 秒)."""
    tenths = round(max(0.0, seconds) * 10)
    whole, tenth = divmod(tenths, 10)
    return f"{whole // 60:02d}:{whole % 60:02d}.{tenth}（{tenths / 10:.1f} 秒）"


def waveform_png(voice: Voice, width: int = 1600, height: int = 320) -> bytes:
    """The loudness over time (peak per column, mirrored about the middle), with a time axis in seconds."""
    from PIL import Image, ImageDraw, ImageFont

    samples = array.array("h")
    samples.frombytes(voice.pcm[: len(voice.pcm) // 2 * 2])
    axis = 44
    font = ImageFont.load_default(size=26)
    plot_h = height - axis
    mid = plot_h // 2
    im = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(im)
    draw.line([(0, mid), (width, mid)], fill=(200, 200, 200))
    n = len(samples)
    if n:
        for x in range(width):
            chunk = samples[x * n // width : max(x * n // width + 1, (x + 1) * n // width)]
            peak = max(max(chunk), -min(chunk)) / 32768 if chunk else 0.0
            h = max(1, int(peak * (mid - 4)))
            draw.line([(x, mid - h), (x, mid + h)], fill=(40, 70, 140))
    draw.line([(0, plot_h), (width, plot_h)], fill=(120, 120, 120))
    seconds = voice.duration
    step = next((s for s in (1, 2, 5, 10, 15, 30, 60, 120, 300, 600) if seconds / s <= 12), 1200)
    t = 0
    while seconds and t <= seconds:
        x = min(width - 1, int(t / seconds * width))
        draw.line([(x, plot_h), (x, plot_h + 10)], fill=(80, 80, 80), width=2)
        label = f"{t // 60}:{t % 60:02d}"
        draw.text((min(x + 4, width - 70), plot_h + 10), label, fill=(60, 60, 60), font=font)
        t += step
    buf = io.BytesIO()
    im.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
