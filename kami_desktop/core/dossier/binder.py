"""The binder PDF: exhibits first (so their page numbers are known), then the appendix, then the
front (cover and index) is laid out with the final numbers and put in front. Footers, links,
bookmarks, attachments and metadata come last; the file is saved reproducibly.
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import cast

import pymupdf

from kami_desktop import __version__
from kami_desktop.core.dossier import fonts
from kami_desktop.core.dossier.appendix import write_appendix
from kami_desktop.core.dossier.exhibit_header import begin_exhibit, file_tag, header_html, write_header
from kami_desktop.core.dossier.frontmatter import write_front
from kami_desktop.core.dossier.layout import (
    BOTTOM,
    CONTENT,
    FOOTER_TOP,
    GREY,
    LANDSCAPE,
    LANDSCAPE_CONTENT,
    MM,
    PAGE,
    PageFlow,
    PageTag,
    cjk_font,
    short,
)
from kami_desktop.core.dossier.linebreak import text_width
from kami_desktop.core.dossier.options import DossierOptions, ExhibitPages
from kami_desktop.core.dossier.render_base import TEXT_TYPES, FileContext, notice
from kami_desktop.core.dossier.renderers import decode_text, render_file
from kami_desktop.core.dossier.snapshot import CaseSnap, ExhibitSnap, FileSnap
from kami_desktop.core.dossier.stories import SectionWriter
from kami_desktop.core.tasks import CancelToken, Progress

log = logging.getLogger(__name__)

STATEMENT = "本页打印件直接来源于电子数据"
MAX_TEXT_BYTES = 16 * 1024 * 1024  # text files read for their characters (larger ones: found when printed)
MISSING_TEXT = {
    "missing": ("原始文件缺失，无法打印", "证据库中找不到此文件。生成证据册前已提示，用户选择继续生成。"),
    "altered": (
        "原始文件已被改动，未予打印",
        "此文件当前内容的 SHA-256 与导入时记录的不一致，不能作为原件打印。",
    ),
}


@dataclass
class BinderInfo:
    pages: int
    exhibits: list[ExhibitPages]
    embedded: set[int] = field(default_factory=set)  # file ids attached to the PDF
    notes: dict[int, list[str]] = field(default_factory=dict)  # file id → what rendering had to do


def pdf_date(dt: datetime) -> str:
    off = dt.utcoffset()
    minutes = int(off.total_seconds() // 60) if off is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return dt.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def write_exhibits(
    flow: PageFlow,
    snap: CaseSnap,
    root: Path,
    status: dict[int, str],
    progress: Progress,
    done: int,
    total: int,
) -> tuple[dict[int, tuple[int, int]], dict[int, list[str]]]:
    ranges: dict[int, tuple[int, int]] = {}
    notes: dict[int, list[str]] = {}
    for e in snap.exhibits:
        first = flow.doc.page_count
        header = ""
        if _lays_out_its_first_page(snap, e, status):  # a bill: the header leads its first sheet
            begin_exhibit(flow, e)
            header = header_html(e)
        else:
            write_header(flow, e)
        for f in e.files:
            if f.index > 1:
                flow.set_tag(file_tag(e, f))
                if _lays_out_its_first_page(snap, e, status, f):
                    flow.y = CONTENT.y1  # its own pages: no page opened for nothing
                else:
                    flow.new_page()
            ctx = FileContext(flow, snap, e, f, root / f.bundle_path, header=header)
            st = status.get(f.id, "ok")
            if st in MISSING_TEXT:
                title, line = MISSING_TEXT[st]
                notice(ctx, title, [line])
            else:
                render_file(ctx)
            if ctx.header:  # not laid out after all: the header goes on the next page of its own
                write_header(flow, e)
            header = ""
            notes[f.id] = ctx.notes
            done += 1
            progress(done, total, f"排版 {e.label(f)} {f.original_name}")
        ranges[e.number] = (first, flow.doc.page_count - 1)
    flow.flush()
    return ranges, notes


def _lays_out_its_first_page(
    snap: CaseSnap, e: ExhibitSnap, status: dict[int, str], f: FileSnap | None = None
) -> bool:
    """Whether the file (the exhibit's first) is a stored bill, printed on landscape sheets of its own."""
    f = f or (e.files[0] if e.files else None)
    return f is not None and status.get(f.id, "ok") == "ok" and f.sha256 in snap.bill_sheets


def add_footers(doc: pymupdf.Document, tags: list[PageTag], case_title: str) -> None:
    total = len(tags)
    for i, tag in enumerate(tags):
        page = doc[i]
        if tag.kind == "exhibit":
            line1 = f"证据{tag.exhibit} · 第{i + 1}页/共{total}页"
            if tag.sha256:
                line1 += f" · SHA-256 {short(tag.sha256)}"
            line1 += f" · {STATEMENT}"
            line2 = tag.file_label + (f" · {tag.captured}" if tag.captured else "")
        else:
            line1 = f"{tag.section} · 第{i + 1}页/共{total}页"
            line2 = case_title
        if tag.landscape:
            turned_footer(page, line1, line2)
            continue
        page.draw_line((CONTENT.x0, FOOTER_TOP - 3), (CONTENT.x1, FOOTER_TOP - 3), color=GREY, width=0.4)
        footer_text(page, PAGE, CONTENT, FOOTER_TOP, line1, line2)


def footer_text(
    page: pymupdf.Page, paper: pymupdf.Rect, content: pymupdf.Rect, top: float, line1: str, line2: str
) -> None:
    font = cjk_font()
    tw = pymupdf.TextWriter(paper)
    for text, size, y in ((line1, 8, top + 8), (line2, 7, top + 18)):
        while text_width(text, size) > content.width and len(text) > 10:
            text = text[:-2] + "…"
        fonts.current().note(text)
        x = content.x0 + (content.width - text_width(text, size)) / 2
        tw.append((x, y), text, font=font, fontsize=size)
    tw.write_text(page, color=(0.15, 0.15, 0.15))


def turned_footer(page: pymupdf.Page, line1: str, line2: str) -> None:
    """The footer of a landscape page, at the bottom of the landscape view."""
    top = LANDSCAPE.height - BOTTOM + 5 * MM
    src = pymupdf.open()
    sheet = src.new_page(width=LANDSCAPE.width, height=LANDSCAPE.height)
    sheet.draw_line((LANDSCAPE_CONTENT.x0, top - 3), (LANDSCAPE_CONTENT.x1, top - 3), color=GREY, width=0.4)
    footer_text(sheet, LANDSCAPE, LANDSCAPE_CONTENT, top, line1, line2)
    page.set_rotation(0)
    page.show_pdf_page(page.rect, src, 0, rotate=90)
    page.set_rotation(90)
    src.close()


def front_and_appendix(
    snap: CaseSnap,
    opts: DossierOptions,
    submitted: date,
    ex_pages: int,
    ex_ranges: dict[int, tuple[int, int]],
    status: dict[int, str],
    embedded: set[int],
) -> tuple[pymupdf.Document, SectionWriter, pymupdf.Document, SectionWriter]:
    app_w = SectionWriter()
    write_appendix(app_w, snap, status, embedded)
    app_doc = app_w.finish()
    n_front = 2
    for _ in range(8):  # the front's length barely depends on the numbers it prints: converges at once
        ranges = {n: (a + n_front + 1, b + n_front + 1) for n, (a, b) in ex_ranges.items()}
        w = SectionWriter()
        write_front(w, snap, opts, submitted, ranges, n_front + ex_pages + app_doc.page_count)
        front = w.finish()
        if front.page_count == n_front:
            return front, w, app_doc, app_w
        n_front = front.page_count
    raise RuntimeError("front matter page count does not settle")


def choose_attachments(snap: CaseSnap, opts: DossierOptions, status: dict[int, str]) -> set[int]:
    """Originals embedded in the PDF, in binder order, while their total stays within the cap."""
    if not opts.attachments:
        return set()
    cap, used, out = int(opts.attachment_cap_mb * 1024 * 1024), 0, set()
    for _, f in snap.all_files():
        if status.get(f.id, "ok") == "ok" and used + f.size <= cap:
            out.add(f.id)
            used += f.size
    return out


def write_binder(
    snap: CaseSnap,
    opts: DossierOptions,
    submitted: date,
    root: Path,
    status: dict[int, str],
    target: Path,
    work: Path,
    progress: Progress,
    cancel: CancelToken | None,
    done: int,
    total: int,
) -> BinderInfo:
    """Write the binder to ``target``; ``work`` is a scratch file outside the bundle (removed here).

    The binder is set in the serif font cut to the characters it prints (``fonts``); when a character
    turned up that the cut lacks, it is written again with that character (the last try whole)."""
    chars = binder_chars(snap, opts, root, status)
    for attempt in range(3):
        face = fonts.cut_fonts(chars) if attempt < 2 else fonts.whole_fonts()
        flow = PageFlow(pymupdf.open(), cancel, spill=work)
        try:
            with fonts.using(face):
                info = _write_binder(flow, snap, opts, submitted, root, status, target, progress, done, total)
        finally:
            flow.doc.close()
            work.unlink(missing_ok=True)
        if not face.missing:
            break
        log.info("证据册字体缺少 %d 个字符，重新排版", len(face.missing))
        chars |= face.missing
    return info


def binder_chars(snap: CaseSnap, opts: DossierOptions, root: Path, status: dict[int, str]) -> set[str]:
    """The characters the binder is going to print: its wording, the case, the options and the text of
    the files printed as text (chat logs, text files)."""
    chars = fonts.wording()
    fonts.strings_of(snap, chars)
    fonts.strings_of(opts, chars)
    for _, f in snap.all_files():
        if f.media_type in TEXT_TYPES and status.get(f.id, "ok") == "ok" and f.size <= MAX_TEXT_BYTES:
            try:
                text = decode_text((root / f.bundle_path).read_bytes())
            except OSError:
                continue
            chars.update(text or "")
    return chars


def _write_binder(
    flow: PageFlow,
    snap: CaseSnap,
    opts: DossierOptions,
    submitted: date,
    root: Path,
    status: dict[int, str],
    target: Path,
    progress: Progress,
    done: int,
    total: int,
) -> BinderInfo:
    ex_ranges, notes = write_exhibits(flow, snap, root, status, progress, done, total)
    if flow.spilled:
        flow.spill()  # the rest of the exhibit pages go to disk too before the front is added
    doc = flow.doc
    embedded = choose_attachments(snap, opts, status)
    front, fw, app_doc, aw = front_and_appendix(
        snap, opts, submitted, doc.page_count, ex_ranges, status, embedded
    )
    n_front, n_ex = front.page_count, doc.page_count
    app_tags = [PageTag("appendix", section="附录")] * app_doc.page_count
    doc.insert_pdf(app_doc)
    doc.insert_pdf(front, start_at=0)
    tags = (
        [PageTag("front", section=s.name) for s in fw.sections for _ in range(s.pages)] + flow.tags + app_tags
    )
    assert len(tags) == doc.page_count, (len(tags), doc.page_count)

    exhibits = []
    for e in snap.exhibits:
        a, b = ex_ranges[e.number]
        exhibits.append(
            ExhibitPages(
                e.number,
                e.id,
                e.title,
                a + n_front + 1,
                b + n_front + 1,
                e.files[0].sha256 if e.files else "",
                tuple(f.bundle_path for f in e.files),
            )
        )
    by_number = {x.number: x for x in exhibits}
    for key, (pno, rect) in fw.positions.items():
        if key.startswith("ex-"):
            doc[pno].insert_link(
                {
                    "kind": pymupdf.LINK_GOTO,
                    "from": rect,
                    "page": by_number[int(key[3:])].first_page - 1,
                    "to": pymupdf.Point(0, 0),
                }
            )
    add_footers(doc, tags, snap.title)

    toc = [[1, s.name, s.first_page + 1] for s in fw.sections]
    for e, x in zip(snap.exhibits, exhibits, strict=True):
        toc.append([1, f"证据{e.number} {e.title}", x.first_page])
    toc.append([1, "附录 电子数据哈希校验清单", n_front + n_ex + 1])
    doc.set_toc(toc)

    stamp = pdf_date(snap.as_of) if snap.as_of else None
    meta = {
        "title": f"证据材料：{snap.title}",
        "author": opts.submitter,
        "subject": f"{opts.cause} · 证据 {len(snap.exhibits)} 件 · 共 {doc.page_count} 页",
        "keywords": f"证据目录, 电子数据, SHA-256, SM3, 存证日志 {snap.ledger_head}",
        "creator": f"kami_desktop {__version__}",
        "producer": f"kami_desktop {__version__} / PyMuPDF {pymupdf.VersionBind}",
        "creationDate": stamp or "",
        "modDate": stamp or "",
    }
    doc.set_metadata(meta)
    doc.subset_fonts()
    for e, f in snap.all_files():
        if f.id in embedded:
            attach(
                doc,
                f"E{e.number:03d}-{f.index:03d}",
                (root / f.bundle_path).read_bytes(),
                f.bundle_path.split("/", 1)[1],
                f"{e.label(f)} 原始文件（原名 {f.original_name}）SHA-256 {f.sha256}",
                stamp,
                squeeze=f.media_type.startswith("text/") or f.media_type == "application/json",
            )
    # a file identifier derived from what the binder shows, so rebuilding an unchanged case repeats it
    shown = {
        k: v
        for k, v in opts.to_json().items()
        if k not in ("out_dir", "bundle_name", "make_zip", "force", "online_pdfs", "online_cap_mb")
    }
    ident = (
        hashlib.md5(
            f"{snap.id}|{snap.ledger_head}|{submitted}|{sorted(shown.items())}|{__version__}".encode(),
            usedforsecurity=False,
        )
        .hexdigest()
        .upper()
    )
    doc.xref_set_key(-1, "ID", f"[<{ident}><{ident}>]")
    doc.save(str(target), garbage=3, deflate=True, no_new_id=True, reproducible=True)
    return BinderInfo(doc.page_count, exhibits, embedded, notes)


def attach(
    doc: pymupdf.Document,
    key: str,
    data: bytes,
    name: str,
    desc: str,
    stamp: str | None,
    squeeze: bool = False,
) -> None:
    """Embed an original as a file attachment with fixed dates.

    Photos, PDFs and archives are already compressed: they are wrapped in stored (level 0) deflate
    blocks, so the save's own deflate, slow and useless on them, leaves them alone. The name-tree key
    is ASCII (PyMuPDF garbles non-ASCII keys); viewers show the Chinese file name.
    """
    # PyMuPDF annotates embfile_add as returning None; it returns the new file's xref
    added = doc.embfile_add(key, b" ", filename=name, ufilename=name, desc=desc)  # type: ignore[func-returns-value]
    xref = cast(int, added)
    doc.update_stream(xref, zlib.compress(data, 6 if squeeze else 0), compress=0)
    doc.xref_set_key(xref, "Filter", "/FlateDecode")
    doc.xref_set_key(xref, "DL", str(len(data)))
    doc.xref_set_key(xref, "Params/Size", str(len(data)))
    if stamp:  # they default to "now", which would make every build differ
        doc.xref_set_key(xref, "Params/CreationDate", pymupdf.get_pdf_str(stamp))
        doc.xref_set_key(xref, "Params/ModDate", pymupdf.get_pdf_str(stamp))
