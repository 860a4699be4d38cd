"""Screen recordings and phone videos (MP4, MOV, 3GP, WebM) read through PyAV: opening one, the
container's facts (duration, size, codec, creation time, its keyframe index) and time offsets (00:01:23).

A path in, plain data out, nothing stored. The frames for paper are ``video_sheet``'s; ``frames`` caches
them. A file that does not open as a video raises :class:`VideoError`, a ``UserError`` naming the file
and the reason; the original is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kami_desktop.core.errors import UserError

VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime", "video/3gpp", "video/3gpp2", "video/webm"})
CODECS = {
    "h264": "H.264/AVC",
    "hevc": "H.265/HEVC",
    "mpeg4": "MPEG-4 Part 2",
    "h263": "H.263",
    "vp8": "VP8",
    "vp9": "VP9",
    "av1": "AV1",
    "mjpeg": "Motion JPEG",
    "aac": "AAC",
    "opus": "Opus",
    "vorbis": "Vorbis",
    "amr_nb": "AMR-NB",
    "amr_wb": "AMR-WB",
    "mp3": "MP3",
}


class VideoError(UserError, ValueError):
    pass


def is_video(media_type: str) -> bool:
    return media_type in VIDEO_TYPES or media_type.startswith("video/")


@dataclass(frozen=True)
class VideoFacts:
    duration: float  # seconds; 0 when the container does not say
    width: int
    height: int
    codec: str  # "H.264/AVC"
    container: str  # "QuickTime / MOV"
    fps: float
    created: datetime | None  # the container's creation time (aware), if it records one
    rotation: int = 0  # degrees the player turns the picture (phones filming upright)
    audio: str = ""  # "AAC，44100 Hz" or ""
    keyframes: int | None = None  # keyframes in the container's index (None: it has no index)
    cut_at: float | None = None  # the index points past the file's end: the picture stops about here (s)

    def as_json(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["created"] = self.created.isoformat() if self.created else None
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> VideoFacts:
        created = d.get("created")
        return cls(**{**d, "created": datetime.fromisoformat(created) if created else None})


# ---------------------------------------------------------------------------- time offsets
def offset_text(ms: int, precise: bool = False) -> str:
    """00:01:23 (``precise``: 00:01:23.500 when not on a whole second)."""
    s, rest = divmod(max(0, int(ms)), 1000)
    text = f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"
    return f"{text}.{rest:03d}" if precise and rest else text


_OFFSET = re.compile(r"^(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d{1,3})?)$")


def parse_offset(text: str) -> int:
    """Milliseconds from "83", "83.5", "1:23", "00:01:23" or "00:01:23.500"; VideoError otherwise."""
    m = _OFFSET.match(str(text).strip())
    if not m:
        raise VideoError(f"时间点格式不正确：{text!r}（例：00:01:23、1:23 或 83.5）")
    a, b, sec = m.groups()
    hours, minutes = (int(a), int(b)) if b is not None else (0, int(a or 0))
    if (a is not None and float(sec) >= 60) or (b is not None and minutes >= 60):
        raise VideoError(f"时间点格式不正确：{text!r}（分、秒不能超过 59）")
    return round((hours * 3600 + minutes * 60) * 1000 + float(sec) * 1000)


def duration_label(seconds: float) -> str:
    return f"{offset_text(round(seconds * 1000))}（{seconds:.1f} 秒）" if seconds else "未知"


# ---------------------------------------------------------------------------- opening
@contextmanager
def open_video(path: Path, label: str) -> Iterator[Any]:
    """The PyAV container of ``path`` with its first video stream checked; VideoError when it isn't one."""
    import av  # here, not at the top: FFmpeg loads only when a video is read

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise VideoError(f"视频文件“{label}”无法读取（{exc.strerror or type(exc).__name__}）") from exc
    if size == 0:
        raise VideoError(f"视频文件“{label}”为空（0 字节）")
    try:
        container = av.open(str(path), "r", metadata_errors="replace")
    except Exception as exc:  # av.InvalidDataError and friends: not a video or cut short before its index
        raise VideoError(
            f"视频文件“{label}”无法打开（{failure_reason(exc)}），文件可能不是视频、已损坏或不完整；原文件已原样保存"
        ) from exc
    try:
        if not container.streams.video:
            what = "只有音频轨，" if container.streams.audio else ""
            raise VideoError(f"视频文件“{label}”中没有画面（{what}没有视频轨）；原文件已原样保存")
        yield container
    finally:
        container.close()


def failure_reason(exc: BaseException) -> str:
    """Why FFmpeg refused, in Chinese (its own messages are English developer text)."""
    from kami_desktop.core.util.av_errors import av_reason

    return av_reason(exc)


def sound_only(path: Path) -> bool:
    """True when the file opens and holds a sound track but no picture (an MP4 made by a call recorder):
    a recording, not a damaged video."""
    import av  # here, not at the top: FFmpeg loads only when a video is read

    try:
        with av.open(str(path), "r", metadata_errors="replace") as c:
            return not c.streams.video and bool(c.streams.audio)
    except Exception:  # noqa: BLE001 - does not open: the caller says why
        return False


def probe(path: Path, label: str) -> VideoFacts:
    with open_video(path, label) as c:
        return container_facts(c, path.stat().st_size)


def container_facts(c: Any, size: int) -> VideoFacts:
    v = c.streams.video[0]
    cc = v.codec_context
    duration = 0.0
    if v.duration and v.time_base:
        duration = float(v.duration * v.time_base)
    elif c.duration:
        duration = c.duration / 1_000_000
    rate = v.average_rate or v.guessed_rate
    audio = ""
    if c.streams.audio:
        a = c.streams.audio[0]
        audio = f"{CODECS.get(a.codec_context.name, a.codec_context.name.upper())}，{a.rate or 0} Hz"
    keys, cut_at = None, None
    try:
        index = v.index_entries
        if len(index) > 1:
            keys = sum(1 for e in index if e.is_keyframe)
            beyond = _first_beyond(index, size)
            if beyond is not None:
                cut_at = max(0.0, float((beyond - (v.start_time or 0)) * v.time_base))
    except Exception:  # an older PyAV or a container without an index
        pass
    return VideoFacts(
        duration=round(max(0.0, duration), 3),
        width=int(cc.width or 0),
        height=int(cc.height or 0),
        codec=CODECS.get(cc.name, cc.name.upper()),
        container=container_name(c),
        fps=round(float(rate), 3) if rate else 0.0,
        created=creation_time({**dict(v.metadata), **dict(c.metadata)}),
        audio=audio,
        keyframes=keys,
        cut_at=round(cut_at, 3) if cut_at is not None else None,
    )


def container_name(c: Any) -> str:
    """The file's own format: FFmpeg reads MP4, 3GP and MOV with one demuxer it calls "QuickTime / MOV",
    so an ISO file is named by the brand it declares (an .mp4 called a QuickTime file looks renamed)."""
    name = str(c.format.long_name or c.format.name)
    if "mp4" not in str(c.format.name).split(","):
        return name
    brand = str(c.metadata.get("major_brand") or "").strip().lower()
    if brand.startswith("3g2"):
        return "3G2"
    if brand.startswith("3gp"):
        return "3GP"
    return name if brand in ("", "qt") else "MP4"


def _first_beyond(index: Any, size: int) -> int | None:
    """The earliest time whose data the index places past the file's end (a copy cut short), or None.

    A stream's samples lie in the file in time order, so a file whose last sample lies within it is
    whole, and only a cut one is looked through."""
    last = index[len(index) - 1]
    if last.pos + last.size <= size:
        return None
    return min((e.timestamp for e in index if e.pos + e.size > size), default=None)


def creation_time(meta: dict[str, str]) -> datetime | None:
    """The recording's time: Apple's local-time tag first (it keeps the offset), then creation_time (UTC)."""
    for key in ("com.apple.quicktime.creationdate", "creation_time", "date"):
        raw = str(meta.get(key) or "").strip()
        if not raw:
            continue
        text = raw.replace("Z", "+00:00")
        text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text)  # +0800 → +08:00
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            continue
        if dt.year < 1971:  # 1904-01-01 / 1970-01-01: the field was never set
            continue
        return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    return None
