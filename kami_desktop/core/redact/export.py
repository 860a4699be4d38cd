"""The folder of pictures for a public complaint site (黑猫投诉, 聚投诉) or 12315, with 文件清单.txt.

Masked copies by default; an image without a copy (or any other file) goes in unmasked only when the
user says so, else it is listed as skipped. Trashed exhibits are never exported. 文件清单.txt names,
for each file, the exhibit (证据 N, the binder's numbering), the original's name and SHA-256, the copy's
SHA-256 and what was masked, so the link from every copy to its original can be checked.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.evidence.exhibits import list_exhibits
from kami_desktop.core.legal.private_data import mask_text
from kami_desktop.core.profile import Profile
from kami_desktop.core.redact.copies import (
    CopyInfo,
    RedactError,
    copy_path,
    copy_state,
    is_image,
    latest_copies,
    personal_of_case,
)
from kami_desktop.core.store import ledger
from kami_desktop.core.util.fsutil import atomic_write_text
from kami_desktop.core.util.hashing import sha256_file
from kami_desktop.core.util.timeutil import china_local, now

SITES = {"heimao": "黑猫投诉", "jutousu": "聚投诉", "12315": "全国12315平台"}
LIST_NAME = "文件清单.txt"
ACTION = "redact.export"


@dataclass
class Exported:
    number: int
    title: str
    file_name: str  # in the folder
    original_name: str
    sha256: str
    copy_sha256: str | None  # None: the original, unmasked
    masked: str  # what was masked, in words


@dataclass
class Skipped:
    number: int
    title: str
    original_name: str
    reason: str


@dataclass
class ExportReport:
    site: str
    out_dir: Path
    files: list[Exported] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    trashed: int = 0


def site_code(text: str) -> str:
    for code, label in SITES.items():
        if text in (code, label):
            return code
    raise RedactError(f"网站“{text}”无效，可选：heimao（黑猫投诉）、jutousu（聚投诉）、12315")


def masked_summary(info: CopyInfo) -> str:
    counts = Counter(b.reason for b in info.boxes)
    what = "、".join(f"{reason} ×{n}" for reason, n in counts.items())
    return f"{what}（{info.style_label}）"


def free_folder(parent: Path, name: str) -> Path:
    """``parent/name``, or ``name（2）``, ``name（3）``… — the first that does not exist or is empty, so a
    second export into the same place gets a folder of its own instead of an error."""
    n = 1
    while True:
        candidate = Path(parent) / (name if n == 1 else f"{name}（{n}）")
        if not candidate.exists() or (candidate.is_dir() and not any(candidate.iterdir())):
            return candidate
        n += 1


def _prepare(out_dir: Path) -> None:
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise RedactError(f"导出文件夹“{out_dir}”已存在且不是空的：请选择一个新的或空的文件夹")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RedactError(f"无法创建导出文件夹“{out_dir}”：{exc.strerror or exc}") from exc


def export_for_site(
    profile: Profile, case_id: int, site: str, out_dir: Path, *, include_unmasked: bool = False
) -> ExportReport:
    site = site_code(site)
    out_dir = Path(out_dir)
    with profile.session() as s:
        case = get_case(s, case_id)
        title = case.title
        live = list_exhibits(s, case_id)
        trashed = len(list_exhibits(s, case_id, trashed=True))
        copies = latest_copies(s, case_id)
        personal = personal_of_case(s, case_id)
        # the list lies beside the pictures: titles and file names get the same rules as the text for sites
        plan = [
            (
                n,
                ex.id,
                mask_text(ex.title, personal),
                [(f.blob_sha256, mask_text(f.original_name, personal), f.blob.media_type) for f in ex.files],
            )
            for n, ex in enumerate(live, start=1)
        ]
    _prepare(out_dir)
    report = ExportReport(site, out_dir, trashed=trashed)
    for number, exhibit_id, ex_title, files in plan:
        for k, (sha, original_name, media_type) in enumerate(files, start=1):
            stem = f"证据{number}" + (f"-{k}" if len(files) > 1 else "")
            info = copies.get((exhibit_id, sha))
            problem = copy_state(profile, info) if info else ""
            if info and not problem:
                name = f"{stem}_打码.{Path(info.file_name).suffix.lstrip('.')}"
                shutil.copyfile(copy_path(profile, info.file_name), out_dir / name)
                if sha256_file(out_dir / name)[0] != info.copy_sha256:
                    raise RedactError(f"写入“{name}”后校验不符：请检查磁盘后重试")
                report.files.append(
                    Exported(
                        number, ex_title, name, original_name, sha, info.copy_sha256, masked_summary(info)
                    )
                )
                continue
            if include_unmasked:
                suffix = Path(original_name).suffix.lower()
                name = f"{stem}_未打码{suffix}"
                shutil.copyfile(profile.blob_path(sha), out_dir / name)
                report.files.append(
                    Exported(number, ex_title, name, original_name, sha, None, "未遮盖（按您的选择附上原件）")
                )
                continue
            if problem:
                reason = problem
            elif is_image(media_type):
                reason = "尚未制作打码副本"
            else:
                reason = "不是图片，未导出"
            report.skipped.append(Skipped(number, ex_title, original_name, reason))
    atomic_write_text(out_dir / LIST_NAME, file_list(report, title))
    with profile.session() as s:
        ledger.append(
            s,
            ACTION,
            {
                "site": site,
                "folder": str(out_dir),
                "files": [
                    {"name": f.file_name, "sha256": f.sha256, "copy_sha256": f.copy_sha256}
                    for f in report.files
                ],
                "skipped": len(report.skipped),
            },
            case_id=case_id,
        )
    return report


def file_list(report: ExportReport, case_title: str) -> str:
    site = SITES[report.site]
    lines = [
        f"{site} 上传文件清单",
        f"案件：{case_title}",
        f"生成时间：{china_local(now()).strftime('%Y-%m-%d %H:%M')}",
        "",
        "本文件夹中“_打码”的图片是打码副本：原件保存在卡盟维权助手的证据库中，未作任何改动；",
        "每个副本都登记了原件的 SHA-256，可据此核对副本出自哪个原件。证据编号与证据册一致。",
        "本清单供您核对，无需上传；其中的个人信息已按同样的规则遮盖。",
        "",
    ]
    for f in report.files:
        lines += [
            f"证据{f.number}《{f.title}》",
            f"  本文件夹中的文件：{f.file_name}",
            f"  原始文件：{f.original_name}",
            f"  原件 SHA-256：{f.sha256}",
            f"  副本 SHA-256：{f.copy_sha256}" if f.copy_sha256 else "  副本：无（本文件即原件，未打码）",
            f"  遮盖内容：{f.masked}",
            "",
        ]
    if report.skipped:
        lines.append("未导出的文件：")
        lines += [f"  证据{k.number}《{k.title}》 {k.original_name}：{k.reason}" for k in report.skipped]
        lines.append("")
    if report.trashed:
        lines += [f"回收站中的 {report.trashed} 件证据不导出。", ""]
    if report.site in ("heimao", "jutousu"):
        lines.append(f"{site}的投诉内容和图片会公开展示：上传前请再看一遍每张图片。")
    return "\n".join(lines) + "\n"
