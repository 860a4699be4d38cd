"""PDF exhibits: every page placed on a binder page (vector content kept, scaled into the margins).

An encrypted PDF that needs a password, or one that cannot be read, becomes a page that says so.
"""

from __future__ import annotations

import pymupdf

from kami_desktop.core.dossier.layout import CONTENT, GREY
from kami_desktop.core.dossier.render_base import FileContext, notice
from kami_desktop.core.dossier.snapshot import FileSnap

CAPTION = 11.0
# The first page of a PDF shares the header's page when it keeps 80 % of its own-page size there: PDF
# pages are mostly running text set at 9–12 pt, which stays ≥ 7 pt at 80 % (smaller than an image's
# minimum, because a whole page of small text is harder to read than a screenshot's few lines).
FIRST_PAGE_SHARE = 0.8


def accepts(f: FileSnap) -> bool:
    return f.media_type == "application/pdf"


def render_pdf(ctx: FileContext) -> None:
    try:
        src = pymupdf.open(str(ctx.path), filetype="pdf")
    except Exception as exc:  # noqa: BLE001 - broken file: say so on paper
        notice(
            ctx,
            "PDF 文件已损坏，无法读取",
            [f"无法打开此 PDF（{type(exc).__name__}）。原始文件已原样收入随附文件夹。"],
        )
        return
    try:
        if src.needs_pass and not src.authenticate(""):
            notice(
                ctx,
                "PDF 文件已加密，无法打印其内容",
                [
                    "此 PDF 设有打开密码，证据册中无法显示其页面。",
                    "请在当庭出示原始文件时输入密码，或另行提交解密后的版本。",
                ],
            )
            return
        if src.page_count == 0:
            notice(
                ctx,
                "PDF 文件已损坏或没有页面",
                ["无法从此 PDF 中读出任何页面。原始文件已原样收入随附文件夹。"],
            )
            return
        for i in range(src.page_count):
            _place_page(ctx, src, i)
    finally:
        src.close()


def _place_page(ctx: FileContext, src: pymupdf.Document, i: int) -> None:
    flow = ctx.flow
    n = src.page_count
    try:
        page = src[i]
        rotation = page.rotation
        if rotation:
            page.set_rotation(0)  # in memory only: show_pdf_page misplaces rotated sources, so rotate here
        w, h = page.rect.width, page.rect.height
        if rotation in (90, 270):
            w, h = h, w
        if w <= 0 or h <= 0:
            raise ValueError("empty page")
    except Exception as exc:  # noqa: BLE001
        notice(ctx, f"原 PDF 第 {i + 1} 页无法读取", [f"该页已损坏（{type(exc).__name__}）。"])
        return
    W = CONTENT.width
    s_full = min(W / w, (flow.page_room() - CAPTION) / h)  # on a page of its own (under 证据N（续）)
    s_free = min(W / w, (flow.space_left() - CAPTION) / h) if flow.tags else 0
    if i == 0 and s_free >= s_full * FIRST_PAGE_SHARE:
        s = s_free
    else:
        flow.new_page()
        s = min(W / w, (flow.space_left() - CAPTION) / h)
    x0 = CONTENT.x0 + (W - w * s) / 2
    target = pymupdf.Rect(x0, flow.y, x0 + w * s, flow.y + h * s)
    out = flow.page()
    try:
        out.show_pdf_page(target, src, i, rotate=-rotation if rotation else 0)
    except Exception as exc:  # noqa: BLE001 - e.g. "nothing to show": an empty or broken page
        flow.text(f"（原 PDF 第 {i + 1} 页为空白页或无法显示：{type(exc).__name__}）", size=9, color=GREY)
        return
    flow.box(target, color=GREY, width=0.3)
    flow.y = target.y1 + 2
    flow.put(CONTENT.x0, flow.y + 7.5, f"原 PDF 第 {i + 1}/{n} 页", 7, GREY)
    flow.y += CAPTION
