"""How one exhibit file becomes binder pages: a small ordered registry of renderers.

Each renderer says which files it accepts (by media type, by content) and draws through the
``PageFlow``. A renderer that finds the file is not its kind after all raises ``Decline`` before
drawing anything, and the next one is tried; a file no renderer takes becomes a page that says what
it is. The order is fixed here: bill, chat (``records``), image (``images``), PDF (``pdfpages``),
text, voice (``voice``), video
(``video``: a contact sheet of keyframes). ``register(..., replace=True)`` swaps one of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kami_desktop.core.dossier import images, pdfpages, records, video, voice
from kami_desktop.core.dossier.layout import esc
from kami_desktop.core.dossier.render_base import TEXT_TYPES, Decline, FileContext, Renderer, notice
from kami_desktop.core.dossier.snapshot import FileSnap
from kami_desktop.core.tasks import Cancelled

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 400_000  # ~200 pages; the rest stays in the original file, and the page says so
KIND_NAMES = {"audio": "音频", "video": "视频"}


# ---------------------------------------------------------------------------- text and other
def decode_text(data: bytes) -> str | None:
    for enc in ("utf-8-sig", "utf-16", "gb18030"):
        if enc == "utf-16" and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            continue
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def is_text(f: FileSnap) -> bool:
    return f.media_type in TEXT_TYPES


def render_text(ctx: FileContext) -> None:
    data = ctx.path.read_bytes()
    text = decode_text(data)
    if text is None:
        raise Decline()
    cut = len(text) > MAX_TEXT_CHARS
    body = text[:MAX_TEXT_CHARS]
    html = f"<pre>{esc(body)}</pre>"
    if cut:
        html += (
            f"<p class='note'>（以上为前 {MAX_TEXT_CHARS:,} 个字符；全文共 {len(text):,} 个字符，"
            f"其余内容见原始文件 {esc(ctx.file.bundle_path)}）</p>"
        )
        ctx.notes.append("文本过长，仅打印开头部分")
    ctx.flow.html(f"<p class='note'>文本文件内容（按原样逐字排印）：</p>{html}")


def render_other(ctx: FileContext) -> None:
    mt = ctx.file.media_type
    kind = KIND_NAMES.get(mt.split("/")[0], "")
    lines = [
        f"此文件为{kind or '无法直接打印的'}文件（{mt}），纸面无法呈现其内容。",
        "原始文件已收入随附存储介质，可当庭播放或出示。",
    ]
    notice(ctx, f"{kind or '其他格式'}文件", lines)


# ---------------------------------------------------------------------------- the registry
_REGISTRY: list[Renderer] = [
    Renderer("bill", records.accepts_bill, records.render_bill),
    Renderer("chat", records.accepts_chat, records.render_chat),
    Renderer("image", images.accepts, images.render_image),
    Renderer("pdf", pdfpages.accepts, pdfpages.render_pdf),
    Renderer("text", is_text, render_text),
    Renderer("voice", voice.accepts, voice.render_voice),
    Renderer("video", video.accepts, video.render_video),
]


def register(
    name: str,
    accepts: Callable[[FileSnap], bool],
    render: Callable[[FileContext], None],
    *,
    before: str | None = None,
    replace: bool = False,
) -> None:
    """Add a renderer (at the end, or before another one); ``replace`` swaps one with the same name."""
    existing = [i for i, r in enumerate(_REGISTRY) if r.name == name]
    entry = Renderer(name, accepts, render)
    if existing:
        if not replace:
            raise ValueError(f"renderer {name!r} already registered")
        _REGISTRY[existing[0]] = entry
        return
    if before is not None:
        for i, r in enumerate(_REGISTRY):
            if r.name == before:
                _REGISTRY.insert(i, entry)
                return
    _REGISTRY.append(entry)


def renderer_names() -> list[str]:
    return [r.name for r in _REGISTRY]


def render_file(ctx: FileContext) -> str:
    """Draw one file; returns the name of the renderer that did it. Never drops a file silently."""
    for r in _REGISTRY:
        if not r.accepts(ctx.file):
            continue
        try:
            r.render(ctx)
            return r.name
        except Decline:
            continue
        except (Cancelled, KeyboardInterrupt, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - a bad file becomes a page that says so
            log.warning("renderer %s failed on %s: %r", r.name, ctx.file.original_name, exc)
            notice(
                ctx,
                "此文件无法排版打印",
                [f"排版时出错（{type(exc).__name__}）。原始文件已原样收入随附文件夹，可当庭出示。"],
            )
            return "error"
    render_other(ctx)
    return "other"
