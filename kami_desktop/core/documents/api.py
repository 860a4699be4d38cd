"""generate(): build a document from the case, write DOCX and/or PDF atomically, record it in the ledger."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kami_desktop.core.documents import (
    complaint_12315,
    demand,
    evidence_list,
    heimao,
    lawsuit,
    lawsuit_elements,
)
from kami_desktop.core.documents.attachments import ExportedAttachment, export_images, resolve_limits
from kami_desktop.core.documents.context import CaseContext, load_context
from kami_desktop.core.documents.filing import advice_doc
from kami_desktop.core.documents.layout import PLACEHOLDER_RE, Built, Missing, MissingField
from kami_desktop.core.documents.options import DocOptions, DocumentError
from kami_desktop.core.evidence.anchors import keep_receipt
from kami_desktop.core.legal.data import Limits
from kami_desktop.core.store import ledger
from kami_desktop.core.tasks import CancelToken, Progress, no_progress
from kami_desktop.core.util.fsutil import atomic_write_bytes
from kami_desktop.core.util.timeutil import CHINA_TZ

if TYPE_CHECKING:
    from kami_desktop.core.profile import Profile

# kind -> (title, builder); the builders of NEEDS_LIMITS also take the portal limits
KINDS: dict[str, tuple[str, Callable[..., Built]]] = {
    "demand": ("退款催告函", demand.build),
    "complaint-12315": ("12315投诉填写单", complaint_12315.build),
    "heimao": ("黑猫投诉文本", heimao.build),
    "lawsuit": ("民事起诉状", lawsuit.build),
    "lawsuit-elements": ("民事起诉状（要素式）", lawsuit_elements.build),
    "evidence-list": ("证据目录", evidence_list.build),
}
NEEDS_LIMITS = {"complaint-12315", "heimao"}
# court-facing documents: what the product tells the user about them goes into a separate 内部提示 file
COURT_KINDS = {"demand", "lawsuit", "lawsuit-elements", "evidence-list"}
FORMATS = {"docx": ("docx",), "pdf": ("pdf",), "both": ("docx", "pdf")}


@dataclass
class GeneratedDocument:
    paths: list[Path]
    missing: list[str]  # Chinese labels of the blanks left in the document
    kind: str
    missing_fields: list[MissingField] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # file name -> SHA-256
    title: str = ""
    advice_paths: list[Path] = field(default_factory=list)  # the 内部提示 beside it (not for filing)

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title,
            "files": [str(p) for p in self.paths],
            "missing": self.missing,
            "missing_fields": [f.to_json() for f in self.missing_fields],
            "notes": self.notes,
            "warnings": self.warnings,
            "hashes": self.hashes,
            "advice_files": [str(p) for p in self.advice_paths],
        }


def kind_label(kind: str) -> str:
    return _kind(kind)[0]


def _kind(kind: str) -> tuple[str, Callable[..., Built]]:
    try:
        return KINDS[kind]
    except KeyError:
        raise DocumentError(f"未知的文书类型：{kind!r}（可选：{'、'.join(KINDS)}）") from None


def build_document(
    ctx: CaseContext,
    kind: str,
    opts: DocOptions,
    limits: Limits | None = None,
) -> tuple[Built, Missing]:
    """The document model of ``kind`` for ``ctx`` and the fields it had to leave blank (no files)."""
    _, builder = _kind(kind)
    m = Missing()
    if kind in NEEDS_LIMITS:
        built = builder(ctx, opts, m, limits if limits is not None else resolve_limits(None, None))
    else:
        built = builder(ctx, opts, m)
    for match in PLACEHOLDER_RE.finditer(built.doc.plain_text()):
        m.add(match.group(1))  # a blank written without Missing.need still reaches the list
    if kind != "evidence-list":  # what is wrong with the claim (待核实, no evidence …) is said every time
        built.warnings[:0] = [w for w in ctx.money_warnings if w not in built.warnings]
    built.doc.stamp = _stamp(ctx, opts)
    return built, m


def _stamp(ctx: CaseContext, opts: DocOptions) -> datetime:
    if opts.date is not None:
        return datetime.combine(opts.date, time(0, 0), CHINA_TZ)
    return ctx.stamp


def check(
    profile: Profile,
    case_id: int,
    kind: str,
    options: Mapping[str, Any] | DocOptions | None = None,
) -> GeneratedDocument:
    """What ``generate`` would leave blank and warn about, without writing anything (fast)."""
    opts = DocOptions.parse(options)
    with profile.session() as s:
        ctx = load_context(s, case_id)
    built, m = build_document(ctx, kind, opts, resolve_limits(profile.data_dir, None))
    return GeneratedDocument(
        [], m.labels, kind, list(m.fields), built.notes, built.warnings, {}, built.doc.title
    )


def output_paths(out_dir: Path, case_id: int, kind: str, fmt: str) -> list[Path]:
    if fmt not in FORMATS:
        raise DocumentError(f"未知的格式：{fmt!r}（可选：docx、pdf、both）")
    label = kind_label(kind)
    return [Path(out_dir) / f"{label}_案件{case_id}.{ext}" for ext in FORMATS[fmt]]


def advice_paths(paths: list[Path], kind: str = "lawsuit") -> list[Path]:
    """Where the 内部提示 of the documents at ``paths`` goes: '民事起诉状_内部提示（不提交法院）_案件3.pdf';
    for the demand letter, which goes to the platform, not to a court: '…_内部提示（不要寄出）_…'."""
    label = "_内部提示（不要寄出）_案件" if kind == "demand" else "_内部提示（不提交法院）_案件"
    return [p.with_name(p.name.replace("_案件", label, 1)) for p in paths]


def generate(
    profile: Profile,
    case_id: int,
    kind: str,
    out_dir: str | Path,
    fmt: str = "docx",
    options: Mapping[str, Any] | DocOptions | None = None,
) -> GeneratedDocument:
    """Write document ``kind`` of case ``case_id`` into ``out_dir`` as DOCX, PDF or both."""
    from kami_desktop.core.documents.docx_writer import render_docx
    from kami_desktop.core.documents.pdf_writer import render_pdf

    opts = DocOptions.parse(options)
    paths = output_paths(Path(out_dir), case_id, kind, fmt)
    with profile.session() as s:
        ctx = load_context(s, case_id)
    built, m = build_document(ctx, kind, opts, resolve_limits(profile.data_dir, None))
    doc = built.doc
    stamp = _stamp(ctx, opts)
    warnings = list(built.warnings)
    hashes: dict[str, str] = {}
    files = []
    for path in paths:
        if path.suffix == ".docx":
            data, lacking = render_docx(doc, stamp)
            if lacking:
                warnings.append(
                    "内嵌字体缺少以下字符，在未安装相应字体的电脑上可能显示为方框：" + "".join(lacking)
                )
        else:
            data = render_pdf(doc, stamp)
        atomic_write_bytes(path, data)
        hashes[path.name] = hashlib.sha256(data).hexdigest()
        files.append({"name": path.name, "sha256": hashes[path.name], "size": len(data)})
    tips: list[Path] = []
    exhibit_advice = [f"证据{e.number}（{e.title}）：{a}" for e in ctx.exhibits for a in e.advice]
    if kind in COURT_KINDS and (built.notes or warnings or exhibit_advice):
        tip_doc = advice_doc(doc.title, built.notes, warnings, exhibit_advice, to_court=kind != "demand")
        tip_doc.stamp = stamp
        for tip in advice_paths(paths, kind):
            data = render_docx(tip_doc, stamp)[0] if tip.suffix == ".docx" else render_pdf(tip_doc, stamp)
            atomic_write_bytes(tip, data)
            tips.append(tip)
            files.append({"name": tip.name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
    with profile.session() as s:
        receipt = ledger.append(
            s,
            "document.generate",
            {
                "kind": kind,
                "title": doc.title,
                "format": fmt,
                "files": files,
                "missing": m.labels,
                "options": opts.to_json(),
            },
            case_id=case_id,
        )
        seq, head = receipt.seq, receipt.hash
    keep_receipt(profile.data_dir, "document", seq, head, ", ".join(str(p) for p in paths))
    return GeneratedDocument(
        paths, m.labels, kind, list(m.fields), built.notes, warnings, hashes, doc.title, advice_paths=tips
    )


def export_12315_attachments(
    profile: Profile,
    case_id: int,
    out_dir: str | Path,
    limits: Limits | str | Path | None = None,
    *,
    channel: str = "12315",
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> list[ExportedAttachment]:
    """Export the case's image exhibits as JPG attachments (≤ the channel's size limit each) with a list file.

    ``limits``: a :class:`Limits`, a path to a limits.json, or None for the profile's copy / the shipped file.
    """
    lim = resolve_limits(profile.data_dir, limits)
    with profile.session() as s:
        ctx = load_context(s, case_id)
    out = Path(out_dir)
    results = export_images(profile.blob_path, ctx, out, lim, channel, progress=progress, cancel=cancel)
    with profile.session() as s:
        receipt = ledger.append(
            s,
            "document.generate",
            {
                "kind": f"attachments-{channel}",
                "folder": str(out),
                "files": [
                    {
                        "name": r.name,
                        "sha256": r.sha256,
                        "size": r.size,
                        "source_sha256": r.source_sha256,
                        "part": r.part,
                        "parts": r.parts,
                    }
                    for r in results
                ],
            },
            case_id=case_id,
        )
        seq, head = receipt.seq, receipt.hash
    keep_receipt(profile.data_dir, "document", seq, head, str(out))
    return results
