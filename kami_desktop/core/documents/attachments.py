"""Export a case's image exhibits as complaint-portal attachments (JPG ≤ the size limit each).

Long screenshots taller than ``max_height_px`` are split into parts that overlap by ``overlap_px``
(so no line of a chat is lost at a cut). Each part is encoded as JPEG, stepping the quality down and
then the size, until it fits the per-file limit. The vault originals are only read, never changed;
EXIF (with its location and device data) is not copied. Limits come from ``limits.json`` (the user's
copy in the profile directory wins) and may be overridden per call.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kami_desktop.core.documents.context import CaseContext, ExhibitInfo, FileInfo
from kami_desktop.core.errors import UserError
from kami_desktop.core.legal.data import LIMITS_FILE, Limits, data_file, load_limits
from kami_desktop.core.tasks import CancelToken, Progress, no_progress

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

QUALITIES = (90, 85, 78, 70, 62, 55, 48, 40)
SCALE_STEP = 0.85
MIN_WIDTH = 320
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
LIST_NAME = "附件清单.txt"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class AttachmentError(UserError, ValueError):
    pass


@dataclass
class PlannedAttachment:
    name: str
    exhibit_id: int
    number: int
    exhibit_title: str
    file: FileInfo
    part: int
    parts: int
    top: int  # crop box in pixels of the upright image (None-size images: whole image)
    bottom: int | None


@dataclass
class ExportedAttachment:
    path: Path
    name: str
    exhibit_id: int
    number: int
    exhibit_title: str
    file_id: int
    source_sha256: str
    part: int
    parts: int
    width: int
    height: int
    size: int
    quality: int
    scale: float
    sha256: str

    def to_json(self) -> dict:
        return {
            "path": str(self.path),
            "name": self.name,
            "exhibit_id": self.exhibit_id,
            "number": self.number,
            "exhibit_title": self.exhibit_title,
            "file_id": self.file_id,
            "source_sha256": self.source_sha256,
            "part": self.part,
            "parts": self.parts,
            "width": self.width,
            "height": self.height,
            "size": self.size,
            "quality": self.quality,
            "scale": self.scale,
            "sha256": self.sha256,
        }


def resolve_limits(profile_dir: Path | None, limits: Limits | str | Path | None) -> Limits:
    if isinstance(limits, Limits):
        return limits
    if limits is not None:
        return load_limits(limits)
    return load_limits(data_file(LIMITS_FILE, profile_dir))


def channel_limits(limits: Limits, channel: str) -> tuple[int, int | None, int]:
    """(max bytes per file, max height in px or None, overlap in px)."""
    att = limits.channels.get(channel, {}).get("attachments", {})
    split = limits.image_split or {}
    max_bytes = int(att.get("max_bytes_each") or DEFAULT_MAX_BYTES)
    max_h = att.get("max_height_px", split.get("max_height_px"))
    overlap = int(split.get("overlap_px") or 0)
    if max_h is not None:
        max_h = int(max_h)
        if overlap >= max_h:
            raise AttachmentError(f"重叠像素（{overlap}）应小于分段高度（{max_h}）")
    return max_bytes, max_h, overlap


def split_points(height: int, max_h: int | None, overlap: int) -> list[tuple[int, int]]:
    """[(top, bottom)] crops covering ``height`` with parts ≤ ``max_h`` overlapping by ``overlap``."""
    if max_h is None or height <= max_h:
        return [(0, height)]
    step = max_h - overlap
    tops = [0]
    while tops[-1] + max_h < height:
        tops.append(tops[-1] + step)
    return [(t, min(t + max_h, height)) for t in tops]


def safe_name(text: str, limit: int = 40) -> str:
    cleaned = _UNSAFE.sub("_", text).strip(" ._") or "证据"
    return cleaned[:limit]


def _is_image(f: FileInfo) -> bool:
    return f.media_type.startswith("image/") and f.media_type not in ("image/svg+xml",)


def plan_attachments(ctx: CaseContext, limits: Limits, channel: str = "12315") -> list[PlannedAttachment]:
    """The files an export would write, from the sizes recorded on import (no image is decoded)."""
    _, max_h, overlap = channel_limits(limits, channel)
    out: list[PlannedAttachment] = []
    for ex in ctx.exhibits:
        images = [f for f in ex.files if _is_image(f)]
        for k, f in enumerate(images, start=1):
            crops = split_points(f.height, max_h, overlap) if f.height else [(0, None)]
            out += _planned(ex, f, k if len(images) > 1 else 0, crops)
    return out


def _planned(
    ex: ExhibitInfo, f: FileInfo, k: int, crops: Sequence[tuple[int, int | None]]
) -> list[PlannedAttachment]:
    stem = f"证据{ex.number:02d}_{safe_name(ex.title)}" + (f"_{k}" if k else "")
    n = len(crops)
    return [
        PlannedAttachment(
            stem + (f"_第{i}段共{n}段" if n > 1 else "") + ".jpg",
            ex.id,
            ex.number,
            ex.title,
            f,
            i,
            n,
            top,
            bottom,
        )
        for i, (top, bottom) in enumerate(crops, start=1)
    ]


def encode_jpeg(image: PILImage, max_bytes: int) -> tuple[bytes, int, float]:
    """JPEG bytes ≤ ``max_bytes``: quality steps first, then downscaling. Returns (data, quality, scale)."""
    from PIL import Image

    scale = 1.0
    current = image
    while True:
        for q in QUALITIES:
            buf = io.BytesIO()
            current.save(buf, format="JPEG", quality=q, optimize=True)
            if buf.tell() <= max_bytes:
                return buf.getvalue(), q, round(scale, 4)
        scale *= SCALE_STEP
        w, h = max(int(image.width * scale), 1), max(int(image.height * scale), 1)
        if w < MIN_WIDTH:
            raise AttachmentError(f"无法把图片压缩到 {max_bytes} 字节以内")
        current = image.resize((w, h), Image.Resampling.LANCZOS)


def _upright_rgb(path: Path) -> PILImage:
    from PIL import Image, ImageOps

    from kami_desktop.core.util.images import enable_heif

    enable_heif()

    with Image.open(path) as im:
        im.load()
        upright = ImageOps.exif_transpose(im)
        if upright.mode in ("RGBA", "LA", "P"):
            rgba = upright.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            return flat
        return upright.convert("RGB")


def export_images(
    blob_path: Callable[[str], Path],
    ctx: CaseContext,
    out_dir: Path,
    limits: Limits,
    channel: str = "12315",
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> list[ExportedAttachment]:
    """Write the attachments of ``ctx`` into ``out_dir`` plus a list file; ``blob_path(sha)`` finds originals."""
    from kami_desktop.core.util.fsutil import atomic_write_bytes, atomic_write_text

    max_bytes, max_h, overlap = channel_limits(limits, channel)
    work = [
        (ex, k if len(imgs) > 1 else 0, f)
        for ex in ctx.exhibits
        for imgs in [[f for f in ex.files if _is_image(f)]]
        for k, f in enumerate(imgs, start=1)
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    results: list[ExportedAttachment] = []
    for i, (ex, k, f) in enumerate(work):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(i, len(work), f.name)
        try:
            image = _upright_rgb(blob_path(f.sha256))
        except OSError as exc:
            raise AttachmentError(f"证据{ex.number}的文件 {f.name} 无法作为图片读取：{exc}") from exc
        for item in _planned(ex, f, k, split_points(image.height, max_h, overlap)):
            bottom = item.bottom if item.bottom is not None else image.height
            part = image.crop((0, item.top, image.width, bottom))
            data, quality, scale = encode_jpeg(part, max_bytes)
            target = out_dir / item.name
            atomic_write_bytes(target, data)
            w = max(int(part.width * scale), 1) if scale != 1.0 else part.width
            h = max(int(part.height * scale), 1) if scale != 1.0 else part.height
            results.append(
                ExportedAttachment(
                    target,
                    item.name,
                    ex.id,
                    ex.number,
                    ex.title,
                    f.id,
                    f.sha256,
                    item.part,
                    item.parts,
                    w,
                    h,
                    len(data),
                    quality,
                    scale,
                    hashlib.sha256(data).hexdigest(),
                )
            )
    progress(len(work), len(work), "")
    atomic_write_text(out_dir / LIST_NAME, listing(results, max_bytes))
    return results


def listing(results: list[ExportedAttachment], max_bytes: int) -> str:
    lines = [
        "12315 投诉附件清单",
        f"每个文件不超过 {max_bytes / 1048576:g} MB；原始证据文件未作任何修改。",
        "",
    ]
    for i, r in enumerate(results, start=1):
        part = f"（第{r.part}/{r.parts}段）" if r.parts > 1 else ""
        lines.append(
            f"{i}. {r.name}  {r.width}×{r.height}  {r.size / 1024:.0f} KB  证据{r.number} {r.exhibit_title}"
            f"{part}  原始文件 SHA-256: {r.source_sha256}"
        )
    if not results:
        lines.append("（案件中没有图片证据）")
    return "\n".join(lines) + "\n"
