"""What an exhibit's time is, said truthfully on paper.

An import fills the exhibit's time from the first of: the photo's EXIF capture time (a video's creation
time from its container), a time written in a screenshot's file name (Screenshot_20250312_203011.png),
the file's modification time. Only the first two say when the picture was taken; a modification time says
when the file was last written (often when it was copied to this PC). Court copies therefore name the
time by where it came from, never calling a file time 取证时间. A time the screenshot itself shows (a
payment time on the page, taken from its OCR text when the user accepts the suggestion) is 画面显示时间: the page was
captured then or later.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kami_desktop.core.evidence.import_report import time_from_name
from kami_desktop.core.store.model import Chat, ChatMessage, ChatVoiceLink, Exhibit, ExhibitFile, OcrText
from kami_desktop.core.util.timeutil import CHINA_TZ

EXIF = "拍摄时间（照片信息）"
RECORDED = "创建时间（视频信息）"  # a video container's creation time: what it says of when it was made
FILE_NAME = "截图时间（据文件名）"
FILE_MTIME = "文件修改时间"
SCREEN = "画面显示时间"
SENT = "发送时间（聊天记录）"  # a voice message's recording: when the chat export says it was sent
LAST_MESSAGE = "最后一条消息时间（聊天记录）"  # a chat export: its last message, not when it was exported
GIVEN = "取证时间"  # set by the user, or none of the above


class TimedFile(Protocol):  # read-only: a stored file, a snapshot's or a detail's (frozen) file
    @property
    def original_name(self) -> str: ...
    @property
    def exif_time(self) -> datetime | None: ...  # what the file's own metadata records (EXIF; a video's)
    @property
    def file_mtime(self) -> datetime | None: ...

    @property
    def media_type(self) -> str: ...


def metadata_labels(media_type: str) -> tuple[str, str]:
    """What a file's own recorded time is called, long and short: a photo's EXIF capture time, a video's
    container creation time."""
    if media_type.startswith("video/"):
        return RECORDED, "创建(视频信息)"
    return EXIF, "拍摄(EXIF)"


def time_label(
    captured_at: datetime | None,
    files: Iterable[TimedFile],
    screen_text: str = "",
    chat: Mapping[datetime, str] | None = None,
) -> str:
    """The label the exhibit's time deserves: EXIF, file name, a time the chat records (``chat``:
    ``chat_times``: a voice message's sending time, a chat export's last message), shown on the page
    (``screen_text``: the exhibit's OCR text), file modification, else 取证时间."""
    if captured_at is None:
        return GIVEN
    files = list(files)
    for f in files:
        if f.exif_time is not None and f.exif_time == captured_at:
            return metadata_labels(f.media_type)[0]
    if any(time_from_name(f.original_name or "") == captured_at for f in files):
        return FILE_NAME
    if chat and captured_at in chat:
        return chat[captured_at]
    if shown_on_screen(captured_at, screen_text):
        return SCREEN
    if any(f.file_mtime is not None and f.file_mtime == captured_at for f in files):
        return FILE_MTIME
    return GIVEN


def shown_on_screen(when: datetime, text: str) -> bool:
    """Whether the page's text shows this date and time (2025-03-12 20:30:15, 2025年3月12日 20:30, 03-12 20:30…;
    to the minute when the time has no seconds)."""
    if not text:
        return False
    hay = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    t = when.astimezone(CHINA_TZ)
    dates = {
        f"{t:%Y-%m-%d}",
        f"{t:%Y/%m/%d}",
        f"{t:%Y.%m.%d}",
        f"{t.year}-{t.month}-{t.day}",
        f"{t.year}/{t.month}/{t.day}",
        f"{t.year}年{t.month}月{t.day}日",
        f"{t:%Y年%m月%d日}",
        f"{t:%m-%d}",
        f"{t.month}月{t.day}日",
    }
    clocks = {f"{t:%H:%M}", f"{t.hour}:{t:%M}"}
    for d in dates:
        for c in clocks:
            if f"{d}{c}:{t:%S}" in hay:
                return True
            if t.second == 0 and re.search(re.escape(d + c) + r"(?!:\d)", hay):
                return True
    return False


def screen_texts(s: Session, case_id: int) -> dict[int, str]:
    """{exhibit id: the OCR text of its files} for the case's exhibits that have any."""
    rows = s.execute(
        select(ExhibitFile.exhibit_id, OcrText.text)
        .join(OcrText, OcrText.blob_sha256 == ExhibitFile.blob_sha256)
        .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
        .where(Exhibit.case_id == case_id)
        .order_by(ExhibitFile.exhibit_id, ExhibitFile.position, OcrText.page)
    )
    out: dict[int, str] = {}
    for exhibit_id, text in rows:
        out[exhibit_id] = f"{out[exhibit_id]}\n{text}" if exhibit_id in out else text or ""
    return out


def chat_times(s: Session, case_id: int) -> dict[int, dict[datetime, str]]:
    """{exhibit id: {time: its label}}: the sending times of the chat voice messages whose recording the
    exhibit holds (SENT), and a chat export's last message (LAST_MESSAGE)."""
    rows = s.execute(
        select(ExhibitFile.exhibit_id, ChatMessage.time)
        .join(ChatVoiceLink, ChatVoiceLink.sha256 == ExhibitFile.blob_sha256)
        .join(
            ChatMessage,
            (ChatMessage.chat_id == ChatVoiceLink.chat_id) & (ChatMessage.seq == ChatVoiceLink.seq),
        )
        .join(Exhibit, Exhibit.id == ExhibitFile.exhibit_id)
        .where(Exhibit.case_id == case_id)
    )
    out: dict[int, dict[datetime, str]] = {}
    for exhibit_id, when in rows:
        out.setdefault(exhibit_id, {})[when] = SENT
    last = s.execute(
        select(Chat.exhibit_id, func.max(ChatMessage.time))
        .join(ChatMessage, ChatMessage.chat_id == Chat.id)
        .join(Exhibit, Exhibit.id == Chat.exhibit_id)
        .where(Exhibit.case_id == case_id)
        .group_by(Chat.exhibit_id)
    )
    for exhibit_id, when in last:
        if when is not None:
            out.setdefault(exhibit_id, {}).setdefault(when, LAST_MESSAGE)
    return out
