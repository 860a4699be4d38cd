"""The exhibit header: 证据N and its title, 类别, time, 证明目的, 证据来源, 备注 and each file with its hashes.

Drawn at the top of the exhibit's first page (``write_header``), or, for an exhibit whose first page is
laid out as HTML of its own (a bill's landscape sheet), given as HTML (``header_html``) that leads that
page, so the header never sits alone on a page.
"""

from __future__ import annotations

from kami_desktop.core.dossier.frontmatter import fmt_time
from kami_desktop.core.dossier.layout import CONTENT, GREY, PageFlow, PageTag, esc
from kami_desktop.core.dossier.snapshot import ExhibitSnap, FileSnap
from kami_desktop.core.evidence.times import metadata_labels


def file_tag(e: ExhibitSnap, f: FileSnap | None) -> PageTag:
    if f is None:
        return PageTag("exhibit", exhibit=e.number, file_label=f"证据{e.number}（无文件）")
    if e.captured_at is not None:
        captured = f"{e.time_label} {fmt_time(e.captured_at)}"
    elif f.exif_time is not None:
        captured = f"{metadata_labels(f.media_type)[0]} {fmt_time(f.exif_time)}"
    else:
        captured = ""
    return PageTag(
        "exhibit",
        exhibit=e.number,
        file_label=f"{e.label(f)} · {f.bundle_path[len('originals/') :]}",
        sha256=f.sha256,
        captured=captured,
    )


def write_header(flow: PageFlow, e: ExhibitSnap) -> None:
    """The exhibit's first page starts with its header; the pages it continues on carry 证据N（续）."""
    flow.set_tag(file_tag(e, e.files[0] if e.files else None))
    flow.continued = None
    flow.new_page()
    flow.continued = f"证据{e.number}（续）"
    flow.box((CONTENT.x0, flow.y, CONTENT.x1, flow.y + 24), fill=(0.9, 0.9, 0.9))
    flow.skip(5)
    flow.text(f"证据{e.number}　{e.title}", size=13, indent=6, bold=True)
    flow.skip(5)
    flow.text(f"类别：{e.category_label}　　{e.time_label}：{fmt_time(e.captured_at)}", size=9)
    flow.text(f"证明目的：{e.purpose or '（未填写）'}", size=9)
    flow.text(f"证据来源：{e.source or '（未填写）'}", size=9)
    if e.notes:
        flow.text(f"备注：{e.notes}", size=9)
    flow.text(f"文件（共 {len(e.files)} 个）：" if e.files else "文件：无", size=9)
    for f in e.files:
        line, times = _file_lines(e, f)
        flow.text(line, size=8, indent=10)
        flow.text(times, size=7.5, indent=22, color=GREY)
        flow.text(f"SHA-256 {f.sha256}", size=7.5, indent=22)
        flow.text(f"SM3　　 {f.sm3}", size=7.5, indent=22)
    flow.rule(gap=5)


def _file_lines(e: ExhibitSnap, f: FileSnap) -> tuple[str, str]:
    dims = f" · {f.width}×{f.height} 像素" if f.width and f.height else ""
    times = [f"导入 {fmt_time(f.imported_at)}"]
    if f.file_mtime:
        times.insert(0, f"文件修改 {fmt_time(f.file_mtime)}")
    if f.exif_time:
        times.insert(0, f"{metadata_labels(f.media_type)[1]} {fmt_time(f.exif_time)}")
    return (
        f"{e.label(f)}　{f.bundle_path}（原名 {f.original_name}）· {f.size:,} 字节 · {f.media_type}{dims}",
        "　".join(times),
    )


def begin_exhibit(flow: PageFlow, e: ExhibitSnap) -> None:
    """Start an exhibit whose renderer lays out its first page itself, leading with ``header_html``."""
    flow.flush()
    flow.set_tag(file_tag(e, e.files[0] if e.files else None))
    flow.continued = None
    flow.y = CONTENT.y1  # "page full": the renderer's first page is a new one


def header_html(e: ExhibitSnap) -> str:
    """The header as HTML for a landscape sheet: the same lines as ``write_header`` draws, the exhibit's
    particulars on the left and its files on the right, so the sheet keeps its room for the rows."""
    p = "<p style='font-size:8.5pt;margin:0 0 1pt 0'>"
    sub = "<p style='font-size:7pt;margin:0 0 0.5pt 10pt{}'>"
    left = [
        f"{p}类别：{esc(e.category_label)}　　{esc(e.time_label)}：{esc(fmt_time(e.captured_at))}</p>",
        f"{p}证明目的：{esc(e.purpose or '（未填写）')}</p>",
        f"{p}证据来源：{esc(e.source or '（未填写）')}</p>",
    ]
    if e.notes:
        left.append(f"{p}备注：{esc(e.notes)}</p>")
    right = [p + (f"文件（共 {len(e.files)} 个）：" if e.files else "文件：无") + "</p>"]
    for f in e.files:
        line, times = _file_lines(e, f)
        right.append(f"<p style='font-size:7.5pt;margin:0 0 0.5pt 0'>{esc(line)}</p>")
        right.append(sub.format(";color:#595959") + esc(times) + "</p>")
        right.append(sub.format("") + f"SHA-256 {f.sha256}</p>")
        right.append(sub.format("") + f"SM3　　 {f.sm3}</p>")
    cell = "border:0;padding:0 4pt 0 0;vertical-align:top"
    return (
        "<table style='width:100%;border-collapse:collapse;margin-bottom:3pt'><tr>"
        "<td style='border:0;background-color:#e6e6e6;padding:2pt 6pt'>"
        f"<b style='font-size:12pt'>证据{e.number}　{esc(e.title)}</b></td></tr></table>"
        "<table style='width:100%;border-collapse:collapse'><tr>"
        f"<td style='{cell};width:330pt'>{''.join(left)}</td><td style='{cell}'>{''.join(right)}</td>"
        "</tr></table>"
        "<div style='border-bottom:0.6pt solid #000;margin:2pt 0 4pt 0'></div>"
    )
