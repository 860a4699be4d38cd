"""附录: the hash manifest on paper (file, size, SHA-256, SM3, times) and how to check it."""

from __future__ import annotations

from kami_desktop.core.dossier.frontmatter import fmt_time
from kami_desktop.core.dossier.layout import esc, esc_mono, header_row
from kami_desktop.core.dossier.snapshot import CaseSnap
from kami_desktop.core.dossier.stories import SectionWriter
from kami_desktop.core.evidence.times import metadata_labels

STATUS = {"ok": "", "missing": "（原始文件缺失，未收入）", "altered": "（原始文件已被改动，未收入）"}

HEAD = header_row([("证据", 8), ("随附文件 · 原文件名 · 大小 · 时间", 34), ("SHA-256 / SM3", 58)])


def _rows(snap: CaseSnap, status: dict[int, str], embedded: set[int]) -> list[str]:
    rows = []
    for e, f in snap.all_files():
        # the exhibit's time is listed unless it is one of this file's own times listed below it
        own = e.captured_at is not None and e.captured_at in (f.exif_time, f.file_mtime)
        times = [
            f"{e.time_label} {fmt_time(e.captured_at, True)}" if e.captured_at and not own else "",
            f"{metadata_labels(f.media_type)[1]} {fmt_time(f.exif_time, True)}" if f.exif_time else "",
            f"文件修改 {fmt_time(f.file_mtime, True)}" if f.file_mtime else "",
            f"导入 {fmt_time(f.imported_at, True)}",
        ]
        st = STATUS.get(status.get(f.id, "ok"), "")
        emb = "已嵌入本 PDF 附件" if f.id in embedded else "未嵌入 PDF（见随附文件夹）"
        rows.append(
            f"<tr><td class='c'>{e.label(f)}</td>"
            f"<td>{esc(f.bundle_path)}{st}<br/><span class='muted'>原名：{esc(f.original_name)}</span><br/>"
            f"{f.size:,} 字节 · {esc(f.media_type)} · <span class='muted'>{emb}</span><br/>"
            f"<span class='small'>{'<br/>'.join(t for t in times if t)}</span></td>"
            f"<td><span class='muted small'>SHA-256</span><br/><span class='hash'>{f.sha256}</span><br/>"
            f"<span class='muted small'>SM3</span><br/><span class='hash'>{f.sm3}</span></td></tr>"
        )
    return rows


def how_to_verify(snap: CaseSnap) -> str:
    files = snap.all_files()
    example = files[0][1].bundle_path.replace("/", "\\") if files else "binder.pdf"
    head = snap.ledger_head
    seq = f"第 {snap.ledger_head_seq} 条" if snap.ledger_head_seq else "（尚无记录）"
    return (
        "<h3>如何核对</h3>"
        "<p>1. 在任意 Windows 电脑上：打开随附文件夹，在地址栏输入 cmd 回车，执行</p>"
        f"<p class='cmd' style='margin-left:18pt'>certutil -hashfile \"{esc_mono(example)}\" SHA256</p>"
        "<p style='margin-left:18pt'>将输出的 64 位十六进制数与上表（或随附的 manifest-sha256.txt）逐一对照，"
        "大小写不影响结果；一致即说明该文件自导入以来未被改动。</p>"
        "<p>2. 在 Linux / macOS 上：进入随附文件夹执行 <span class='cmd'>sha256sum -c manifest-sha256.txt</span>，"
        "每行显示“成功/OK”即为一致。</p>"
        "<p>3. 使用本软件：<span class='cmd'>kami bundle verify</span> 随附文件夹或压缩包，"
        "会报告缺失、被改动或多出的文件。</p>"
        f"<p>4. 存证日志：本证据册依据的存证日志截至{seq}，其哈希值为 "
        f"<span class='mono'>{head}</span>。日志全文见随附的 ledger.json，每条记录的哈希值由上一条的哈希值与本条内容"
        "计算得出，任何删改都会使其后的哈希值对不上。本次生成证据册的操作在生成完成后另行记入日志，"
        "因此不在上述范围内。</p>"
        "<p>5. 本 PDF 文件自身的哈希值无法写在 PDF 之内，记录在随附的 manifest-sha256.txt、manifest.json"
        "及软件的存证日志中。</p>"
    )


def write_appendix(w: SectionWriter, snap: CaseSnap, status: dict[int, str], embedded: set[int]) -> None:
    intro = (
        "<h2>附录　电子数据哈希校验清单</h2>"
        "<p>下表列出本证据册所依据的全部原始电子文件。每个文件在导入时计算了 SHA-256 与 SM3（GB/T 32905）"
        "哈希值；生成证据册时再次核对，与导入时一致。原始文件以表中“随附文件”名称保存在随附存储介质中。"
        "表中时间均为北京时间（UTC+8），另有注明的除外。</p>"
    )
    rows = _rows(snap, status, embedded)
    pages = w.table_pages("<h2>附录（续）</h2>", HEAD, rows, how_to_verify(snap), first_head=intro)
    w.section("附录", pages)
