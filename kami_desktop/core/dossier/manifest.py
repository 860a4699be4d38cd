"""The bundle's self-description: manifest.json, manifest-sha256.txt, 校验说明.txt and ledger.json.

Nothing here records the time of the build: two builds of an unchanged case must be identical. The
build's own time and hashes go into the ledger entry ``dossier.build`` written after the bundle is
complete, which is also why the ledger head in manifest.json is the head *before* that entry.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from kami_desktop import __version__
from kami_desktop.core.dossier.binder import BinderInfo
from kami_desktop.core.dossier.options import DossierOptions
from kami_desktop.core.dossier.snapshot import OUTPUT_ACTIONS, CaseSnap
from kami_desktop.core.dossier.tips import TIPS
from kami_desktop.core.util.money import money_str

FORMAT = "kami-dossier-bundle"
MANIFEST_TXT = "manifest-sha256.txt"
MANIFEST_JSON = "manifest.json"
README = "校验说明.txt"
LEDGER = "ledger.json"
BINDER = "binder.pdf"


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def manifest_json(
    snap: CaseSnap,
    opts: DossierOptions,
    submitted: date,
    binder: BinderInfo,
    binder_hashes: dict[str, Any],
    status: dict[int, str],
) -> bytes:
    pages = {x.number: x for x in binder.exhibits}
    doc = {
        "format": FORMAT,
        "format_version": 1,
        "generator": f"kami_desktop {__version__}",
        "case": {
            "id": snap.id,
            "title": snap.title,
            "platform_name": snap.platform_name,
            "platform_url": snap.platform_url,
            "claimed_amount": money_str(snap.claimed_amount) if snap.claimed_amount is not None else None,
            "cause": opts.cause,
            "case_number": opts.case_number,
            "court": opts.court,
            "submitter": opts.submitter,
            "submitted_on": submitted.isoformat(),
            "parties": [
                {
                    "role": p.role,
                    "name": p.name,
                    "uscc": p.uscc,
                    "address": p.address,
                    "legal_representative": p.legal_representative,
                    "is_defendant": p.is_defendant,
                }
                for p in snap.parties
            ],
            "state_as_of": _iso(snap.as_of),
        },
        "binder": {"path": BINDER, **binder_hashes, "pages": binder.pages},
        "exhibits": [
            {
                "number": e.number,
                "id": e.id,
                "title": e.title,
                "category": e.category,
                "category_label": e.category_label,
                "purpose": e.purpose,
                "source": e.source,
                "captured_at": _iso(e.captured_at),
                "notes": e.notes,
                "first_page": pages[e.number].first_page,
                "last_page": pages[e.number].last_page,
                "files": [
                    {
                        "path": f.bundle_path,
                        "original_name": f.original_name,
                        "size": f.size,
                        "media_type": f.media_type,
                        "sha256": f.sha256,
                        "sm3": f.sm3,
                        "file_mtime": _iso(f.file_mtime),
                        "exif_time": _iso(f.exif_time),
                        "imported_at": _iso(f.imported_at),
                        "width": f.width,
                        "height": f.height,
                        "status": status.get(f.id, "ok"),
                        "embedded_in_pdf": f.id in binder.embedded,
                        "rendering_notes": binder.notes.get(f.id, []),
                    }
                    for f in e.files
                ],
            }
            for e in snap.exhibits
        ],
        "ledger": {
            "path": LEDGER,
            "head_hash": snap.ledger_head,
            "head_seq": snap.ledger_head_seq,
            "entries": len(snap.ledger_entries),
            "taken": "before this build's own dossier.build entry was appended",
            "excludes_actions": list(OUTPUT_ACTIONS),
            "note": "Entries of this case only; dossier.build entries record outputs, not evidence, and are "
            "left out so that rebuilding an unchanged case gives identical files. The build's time and "
            "the hashes of binder.pdf and this manifest are in the dossier.build entry appended after "
            "the bundle was complete.",
        },
        "not_for_filing": [TIPS],
        "options": {
            "attachments": opts.attachments,
            "attachment_cap_mb": opts.attachment_cap_mb,
            "forced_past_problems": bool(opts.force and any(v != "ok" for v in status.values())),
        },
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def ledger_json(snap: CaseSnap) -> bytes:
    doc = {
        "case_id": snap.id,
        "head_hash": snap.ledger_head,
        "head_seq": snap.ledger_head_seq,
        "excludes_actions": list(OUTPUT_ACTIONS),
        "hash_rule": "hash = sha256(prev_hash + canonical_json({seq, at, action, case_id, exhibit_id, payload})); "
        "canonical JSON: UTF-8, sorted keys, no spaces. prev_hash may belong to another case's entry.",
        "entries": snap.ledger_entries,
    }
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def sha256_manifest(hashes: dict[str, str]) -> bytes:
    """``sha256sum -c`` format: hash, two spaces, relative path with '/'; sorted by path."""
    for path in hashes:
        if "\n" in path or "\\" in path:
            raise ValueError(f"unsafe name in bundle: {path!r}")
    return "".join(f"{hashes[p]}  {p}\n" for p in sorted(hashes)).encode("utf-8")


def readme(snap: CaseSnap, bundle_name: str, example: str) -> bytes:
    lines = [
        f"证据包校验说明 —— {snap.title}",
        "",
        "本文件夹（或压缩包）包含：",
        f"  {BINDER}              证据册（可直接打印的 PDF；原始文件亦作为附件嵌入其中，受大小上限约束）",
        "  originals\\             原始电子文件，文件名以证据编号开头，内容与导入时完全一致",
        f"  {MANIFEST_TXT}  每个文件的 SHA-256 哈希值（不含本清单自身）",
        f"  {MANIFEST_JSON}        案件、证据、文件、哈希值、时间的完整清单（机器可读）",
        f"  {LEDGER}          本案的存证日志（哈希链）",
        f"  {README}         本说明",
        f"  {TIPS}  本软件给你的提示，仅供本人参考：不要提交法院，不要装订进证据册",
        "",
        "一、在任意 Windows 电脑上核对（无需安装软件）",
        f"  1. 打开“{bundle_name}”文件夹，在窗口地址栏输入 cmd 并回车，打开命令提示符。",
        "  2. 对要核对的文件执行（文件名可用 Tab 键自动补全）：",
        f'       certutil -hashfile "{example}" SHA256',
        f"  3. 将输出的 64 位十六进制数与 {MANIFEST_TXT} 中同名文件那一行的前 64 位对照，",
        "     一致即说明该文件未被改动（大小写不影响结果）。",
        "",
        "二、在 Linux / macOS 上核对全部文件",
        "  进入本文件夹执行：",
        f"       sha256sum -c {MANIFEST_TXT}",
        "  （macOS 可用 shasum -a 256 -c）每行显示“成功”或 OK 即为一致。",
        "",
        "三、使用本软件核对（同时检查缺失、被改动和多出的文件）",
        "       kami bundle verify 本文件夹或压缩包路径",
        "",
        "四、存证日志",
        f"  证据册依据的存证日志截至第 {snap.ledger_head_seq or 0} 条，哈希值：",
        f"       {snap.ledger_head}",
        "  每条日志的哈希值 = SHA-256(上一条哈希值 + 本条内容的规范 JSON)，删改任何一条都会对不上。",
        "  本次生成操作在证据包完成后另行记入日志，因此不在上述范围内。",
        "",
        "说明：证据册 PDF 无法在自身中写入自己的哈希值；它的哈希值见 manifest-sha256.txt 与 manifest.json。",
    ]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")
