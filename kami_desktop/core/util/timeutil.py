"""Time helpers: every datetime in the app is timezone-aware; China is UTC+8 all year (no DST)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

CHINA_TZ = timezone(timedelta(hours=8), "CST")


def now() -> datetime:
    """Current time in China (UTC+8), aware."""
    return datetime.now(UTC).astimezone(CHINA_TZ)


def from_timestamp(ts: float) -> datetime:
    """A POSIX timestamp (e.g. a file's mtime, which is UTC-based) as aware China time."""
    return datetime.fromtimestamp(ts, UTC).astimezone(CHINA_TZ)


def china_local(naive: datetime) -> datetime:
    """Attach +08:00 to a naive wall-clock time read from a Chinese export (bill, chat, EXIF)."""
    if naive.tzinfo is not None:
        return naive.astimezone(CHINA_TZ)
    return naive.replace(tzinfo=CHINA_TZ)


def iso(dt: datetime | None) -> str | None:
    """ISO 8601 with offset, or None."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        raise ValueError("naive datetime reached the output layer")
    return dt.isoformat()
