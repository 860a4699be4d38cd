"""Files for online filing (网上立案): one PDF per exhibit, ``证据NN_名称.pdf``, plus the 证据目录 alone.

Courts' online filing systems want each item uploaded separately, under a size limit (about 10 MB is
common, unconfirmed; the cap is an option). The files are page ranges of the binder itself, so their
footers, page numbers and hashes are exactly those of the printed binder; saved reproducibly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from kami_desktop.core.dossier.binder import BinderInfo
from kami_desktop.core.dossier.naming import clean_component, exhibit_prefix, unique_names

ONLINE_DIR = "网上立案"
INDEX_TITLE = "证据目录"
DEFAULT_ONLINE_CAP_MB = 10.0


@dataclass
class OnlineFiles:
    files: list[str] = field(default_factory=list)  # paths relative to the bundle root
    too_large: list[str] = field(default_factory=list)  # Chinese warnings naming each file over the cap


def _index_pages(toc: list, page_count: int) -> tuple[int, int] | None:
    """0-based first/last page of the 证据目录 section, from the binder's bookmarks."""
    top = [(title, page) for level, title, page, *_ in toc if level == 1]
    for i, (title, page) in enumerate(top):
        if title == INDEX_TITLE:
            end = top[i + 1][1] - 1 if i + 1 < len(top) else page_count
            return page - 1, max(page - 1, end - 1)
    return None


def _save_range(src: pymupdf.Document, first: int, last: int, target: Path, title: str, ident: str) -> None:
    out = pymupdf.open()
    out.insert_pdf(src, from_page=first, to_page=last, links=False, annots=False)
    meta = dict(src.metadata or {})
    out.set_metadata(
        {
            k: meta.get(k) or ""
            for k in ("author", "subject", "keywords", "creator", "producer", "creationDate", "modDate")
        }
        | {"title": title}
    )
    out.xref_set_key(-1, "ID", f"[<{ident}><{ident}>]")
    out.save(str(target), garbage=3, deflate=True, no_new_id=True, reproducible=True)
    out.close()


def write_online_pdfs(
    binder_pdf: Path, info: BinderInfo, root: Path, cap_mb: float = DEFAULT_ONLINE_CAP_MB
) -> OnlineFiles:
    """Write ``<root>/网上立案/证据目录.pdf`` and ``证据NN_名称.pdf`` for every exhibit of the binder."""
    folder = root / ONLINE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    result = OnlineFiles()
    total = len(info.exhibits)
    with pymupdf.open(binder_pdf) as src:
        base = hashlib.sha256(binder_pdf.read_bytes()).hexdigest()
        jobs: list[tuple[str, int, int, str]] = []
        index = _index_pages(src.get_toc(), src.page_count)
        if index is not None:
            jobs.append((f"{exhibit_prefix(0, total)}_{INDEX_TITLE}.pdf", index[0], index[1], INDEX_TITLE))
        names = unique_names(
            [f"{exhibit_prefix(x.number, total)}_{clean_component(x.title, 40)}.pdf" for x in info.exhibits]
        )
        for name, x in zip(names, info.exhibits, strict=True):
            jobs.append((name, x.first_page - 1, x.last_page - 1, f"证据{x.number} {x.title}"))
        for name, first, last, title in jobs:
            ident = hashlib.md5(f"{base}|{name}".encode(), usedforsecurity=False).hexdigest().upper()
            target = folder / name
            _save_range(src, first, last, target, title, ident)
            rel = f"{ONLINE_DIR}/{name}"
            result.files.append(rel)
            size_mb = target.stat().st_size / (1024 * 1024)
            if cap_mb and size_mb > cap_mb:
                result.too_large.append(
                    f"{rel} 为 {size_mb:.1f} MB，超过网上立案常见的 {cap_mb:g} MB 限制："
                    "可把这件证据拆成几件，或压缩其中的照片后重新生成"
                )
    return result
