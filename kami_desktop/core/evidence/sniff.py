"""What a file is, judged by its content, and what its metadata says (EXIF time, pixel size)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import filetype

from kami_desktop.core.util.images import enable_heif, image_reason
from kami_desktop.core.util.timeutil import CHINA_TZ

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

TEXT_TYPES = {"text/plain", "text/csv", "text/html", "application/json"}


def media_type(head: bytes) -> str:
    """Media type from the first bytes (never from the file name)."""
    if not head:
        return "application/x-empty"
    kind = filetype.guess(head)
    if kind is not None:
        return kind.mime
    if head.startswith(b"#!AMR"):
        return "audio/amr"
    if head.startswith(b"\x02#!SILK") or head.startswith(b"#!SILK"):
        return "audio/silk"
    if head.lstrip().startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "application/pdf"
    sample = head[:4096]
    for enc in ("utf-8-sig", "gb18030", "utf-16"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            # a multi-byte char cut at the sample end is still text
            try:
                text = sample[:-3].decode(enc)
            except UnicodeDecodeError:
                continue
        if enc == "utf-16" and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff")):
            continue
        if _looks_textual(text):
            low = text.lstrip().lower()
            if low.startswith("<!doctype html") or low.startswith("<html") or "<html" in low[:512]:
                return "text/html"
            if low.startswith("{") or low.startswith("["):
                return "application/json"
            return "text/plain"
    return "application/octet-stream"


def _looks_textual(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t\f")
    return bad / len(text) < 0.01


@dataclass
class ImageFacts:
    width: int | None = None
    height: int | None = None
    exif_time: datetime | None = None
    problem: str = ""


def image_facts(path: Path, mime: str, max_pixels: int = 200_000_000) -> ImageFacts:
    """Read pixel size and EXIF DateTimeOriginal without decoding the pixels; note damage."""
    if not mime.startswith("image/"):
        return ImageFacts()
    from PIL import Image, UnidentifiedImageError  # here, not at the top: only images need Pillow

    enable_heif()
    facts = ImageFacts()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                facts.width, facts.height = im.size
                if facts.width * facts.height > max_pixels:
                    facts.problem = f"图片尺寸异常（{facts.width}×{facts.height}），不会生成预览"
                    return facts
                facts.exif_time = _exif_time(im)
            with Image.open(path) as im:
                im.verify()  # checks structure and CRCs without keeping pixels
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        facts.problem = "图片像素数异常（疑似解压炸弹），已作为普通文件保存，不会生成预览"
    except UnidentifiedImageError:
        facts.problem = "无法识别的图片格式，已作为普通文件保存"
    except Exception as exc:  # any decoder failure: keep the file, note the damage
        facts.problem = f"图片文件可能损坏或不完整（{image_reason(exc)}），原文件已原样保存"
    return facts


def _exif_time(im: PILImage) -> datetime | None:
    if im.format in ("PNG", "WEBP", "GIF") and "exif" not in im.info:
        return None  # getexif() would decode the whole image looking for trailing EXIF
    try:
        exif = im.getexif()
    except Exception:
        return None
    if not exif:
        return None
    sub = {}
    try:
        sub = exif.get_ifd(0x8769)
    except Exception:
        sub = {}
    raw = sub.get(36867) or sub.get(36868) or exif.get(306)
    offset = sub.get(36881) or sub.get(36880)
    if not isinstance(raw, str):
        return None
    try:
        naive = datetime.strptime(raw.strip("\x00 ").strip(), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    tz = CHINA_TZ
    if isinstance(offset, str):
        try:
            sign = -1 if offset.strip().startswith("-") else 1
            hh, mm = offset.strip().lstrip("+-").split(":")
            tz = timezone(sign * timedelta(hours=int(hh), minutes=int(mm)))
        except ValueError:
            tz = CHINA_TZ
    return naive.replace(tzinfo=tz)


def pdf_problem(path: Path) -> str:
    """A note for an encrypted or damaged PDF (kept as it is either way); '' when it opens cleanly."""
    import pymupdf  # here, not at the top: only PDFs need PyMuPDF

    try:
        with pymupdf.open(path) as doc:
            if doc.needs_pass:
                return "PDF 已加密（需要密码才能打开），已原样保存；打印证据册时只能附说明页"
            if doc.page_count == 0:
                return "PDF 没有页面，可能已损坏，已原样保存"
            if doc.is_repaired:
                return "PDF 文件结构有损坏（已能打开，但建议核对原件），已原样保存"
    except Exception as exc:  # any parser failure: keep the file, note the damage
        return f"PDF 文件损坏，无法打开（{type(exc).__name__}），已原样保存"
    return ""


def voice_problem(path: Path, name: str) -> str:
    """A note for a voice message (AMR, SILK) that does not decode (kept as it is); '' when it plays."""
    from kami_desktop.core.chats.voice import VoiceError, decode_voice  # FFmpeg/SILK load only for voice

    try:
        decode_voice(path, name)
    except VoiceError as exc:
        return str(exc)
    return ""


def video_facts(
    path: Path, name: str, cache_dir: Path | None = None, sha256: str = ""
) -> tuple[str, datetime | None]:
    """A note for a video that cannot be printed (kept as it is; '' when it can) and the creation time
    its container records, if any: what the file says of when it was made, as EXIF does for a photo.

    With ``cache_dir`` the contact sheet is made now (and cached by ``sha256``), so a video that opens but
    gives no picture (no keyframes, damaged data) is noted at import, not first on the binder page. A
    file holding only sound (an MP4 from a call recorder) is a recording, not a damaged video."""
    from kami_desktop.core.evidence.video import VideoError, probe, sound_only  # FFmpeg loads only here

    try:
        created = probe(path, name).created
        if cache_dir is not None:
            from kami_desktop.core.evidence.frames import cached_sheet

            cached_sheet(cache_dir, path, sha256, name)
    except VideoError as exc:
        return ("" if sound_only(path) else str(exc)), None
    # containers keep UTC (creation_time) or the phone's offset (Apple's tag): the same instant in China time
    return "", created.astimezone(CHINA_TZ) if created else None
