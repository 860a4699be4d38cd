"""The backup manifest (清单): what a backup holds, each file with its SHA-256 and size.

``manifest.json`` is the authority restore checks against; ``manifest-sha256.txt`` carries the same
hashes in the BagIt / ``sha256sum`` layout so anyone can check a backup without this program.

``parse_manifest`` accepts only what ``render_manifest`` writes (unknown extra keys aside): any other
input raises ``BackupError`` with a message for the user, never another exception.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kami_desktop.core.errors import UserError

FORMAT = "kami-backup"
FORMAT_VERSION = 3  # 2: the profile's receipts file travels with the backup; 3: masked copies too
READABLE_VERSIONS = (1, 2, 3)
MASKED_SINCE = 3  # the first format whose backups carry ``masked/`` (the masked copies, core.redact)
DB_MEMBER = "kami.sqlite3"
RECEIPTS_MEMBER = "receipts.jsonl"  # the ledger heads the app handed out (binders, bundles, backups)
MANIFEST_MEMBER = "manifest.json"
SHA_LIST_MEMBER = "manifest-sha256.txt"
README_MEMBER = "README.txt"
EXTRA_MEMBERS = (MANIFEST_MEMBER, SHA_LIST_MEMBER, README_MEMBER)
MAX_MANIFEST_BYTES = 64 << 20
MAX_RECEIPTS_BYTES = 32 << 20  # the same cap as reading a profile's receipts file
MAX_FILES = 2_000_000
PROBLEM_KINDS = ("missing", "hash_mismatch", "size_mismatch", "ledger_broken", "copy_mismatch")

_HEX64 = re.compile(r"[0-9a-f]{64}")
_VAULT_MEMBER = re.compile(r"vault/([0-9a-f]{2})/([0-9a-f]{2})/([0-9a-f]{64})")
_MASKED_MEMBER = re.compile(r"masked/([0-9a-f]{64})\.(png|jpg)")
_REVISION = re.compile(r"[A-Za-z0-9_.-]{1,64}")


class BackupError(UserError):
    """A backup cannot be written, read or restored; the message is for the user (Chinese)."""


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class SourceProblem:
    """Something already wrong in the profile when the backup was taken (kept, and said so)."""

    kind: str
    sha256: str | None
    detail: str


@dataclass
class Manifest:
    created_at: str
    app_version: str
    schema_revision: str
    ledger_entries: int
    ledger_head: str
    counts: dict[str, int] = field(default_factory=dict)
    files: list[FileEntry] = field(default_factory=list)
    problems: list[SourceProblem] = field(default_factory=list)
    format_version: int = FORMAT_VERSION

    @property
    def db(self) -> FileEntry:
        return next(f for f in self.files if f.path == DB_MEMBER)

    @property
    def blobs(self) -> list[FileEntry]:
        return [f for f in self.files if blob_name(f.path) is not None]

    @property
    def masked(self) -> list[FileEntry]:
        """The masked copies (``masked/<copy sha256>.<ext>``): derived files, checked one by one."""
        return [f for f in self.files if masked_name(f.path) is not None]

    @property
    def receipts(self) -> FileEntry | None:
        return next((f for f in self.files if f.path == RECEIPTS_MEMBER), None)

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)


def vault_member(sha256: str) -> str:
    return f"vault/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def blob_name(member: str) -> str | None:
    """The blob name of a vault member (``vault/ab/cd/abcd…``), or None for anything else."""
    m = _VAULT_MEMBER.fullmatch(member)
    if not m or not m.group(3).startswith(m.group(1) + m.group(2)):
        return None
    return m.group(3)


def masked_member(file_name: str) -> str:
    return f"masked/{file_name}"


def masked_name(member: str) -> str | None:
    """The file name of a masked copy member (``masked/<sha256>.png|jpg``), or None for anything else."""
    return member.split("/", 1)[1] if _MASKED_MEMBER.fullmatch(member) else None


def masked_sha(member: str) -> str | None:
    """The copy's SHA-256 its member name states (the name the ledger's ``redact.copy`` entry gives)."""
    m = _MASKED_MEMBER.fullmatch(member)
    return m.group(1) if m else None


def unsafe_reason(name: str) -> str | None:
    """Why a member name could write outside the target (zip-slip), or None when it cannot."""
    if not name:
        return "空文件名"
    if "\x00" in name:
        return "文件名含有空字符"
    if "\\" in name:
        return "文件名含有反斜杠"
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return "绝对路径"
    if ":" in name:
        return "文件名含有冒号（Windows 的驱动器号或数据流）"
    if any(ord(c) < 32 for c in name):
        return "文件名含有控制字符"
    if any(part in ("..", ".") for part in name.split("/")):
        return "路径中含有 .. 或 ."
    return None


def is_known_member(name: str) -> bool:
    return (
        name in (DB_MEMBER, RECEIPTS_MEMBER)
        or name in EXTRA_MEMBERS
        or blob_name(name) is not None
        or masked_name(name) is not None
    )


def render_manifest(m: Manifest) -> bytes:
    doc = {
        "format": FORMAT,
        "format_version": m.format_version,
        "app_version": m.app_version,
        "created_at": m.created_at,
        "schema_revision": m.schema_revision,
        "ledger": {"entries": m.ledger_entries, "head": m.ledger_head},
        "counts": dict(m.counts),
        "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in m.files],
        "problems": [{"kind": p.kind, "sha256": p.sha256, "detail": p.detail} for p in m.problems],
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def render_sha_list(m: Manifest) -> bytes:
    """``<sha256>  <path>`` lines, as ``sha256sum -c`` and BagIt's manifest-sha256.txt expect."""
    return "".join(f"{f.sha256}  {f.path}\n" for f in m.files).encode("utf-8")


def _bad(what: str) -> BackupError:
    return BackupError(f"备份清单（manifest.json）无效：{what}")


def _int(v: Any, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 0 or v > 1 << 62:
        raise _bad(f"{what} 应为非负整数")
    return v


def _str(v: Any, what: str, limit: int = 1000) -> str:
    if not isinstance(v, str) or len(v) > limit:
        raise _bad(f"{what} 应为文本")
    return v


def _sha(v: Any, what: str) -> str:
    if not isinstance(v, str) or not _HEX64.fullmatch(v):
        raise _bad(f"{what} 不是 SHA-256 值")
    return v


def parse_manifest(data: bytes) -> Manifest:
    if len(data) > MAX_MANIFEST_BYTES:
        raise _bad("文件过大")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad("不是有效的 JSON") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _bad("不是 kami 备份的清单")
    version = doc.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise BackupError(f"这个备份由更新版本的程序制作（格式版本 {version}），请先升级本程序再恢复。")
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise _bad("格式版本不正确")
    created = _str(doc.get("created_at"), "created_at", 64)
    try:
        if datetime.fromisoformat(created).tzinfo is None:
            raise ValueError("naive")
    except ValueError as exc:
        raise _bad("created_at 不是带时区的时间") from exc
    revision = _str(doc.get("schema_revision"), "schema_revision", 64)
    if not _REVISION.fullmatch(revision):
        raise _bad("schema_revision 格式不正确")
    ledger = doc.get("ledger")
    if not isinstance(ledger, dict):
        raise _bad("缺少 ledger")
    entries = _int(ledger.get("entries"), "ledger.entries")
    head = _sha(ledger.get("head"), "ledger.head")
    counts_raw = doc.get("counts", {})
    if not isinstance(counts_raw, dict) or len(counts_raw) > 100:
        raise _bad("counts 格式不正确")
    counts = {_str(k, "counts", 64): _int(v, f"counts.{k}") for k, v in counts_raw.items()}
    files_raw = doc.get("files")
    if not isinstance(files_raw, list) or len(files_raw) > MAX_FILES:
        raise _bad("files 应为列表")
    files: list[FileEntry] = []
    seen: set[str] = set()
    for i, item in enumerate(files_raw):
        if not isinstance(item, dict):
            raise _bad(f"files 第 {i + 1} 项格式不正确")
        path = _str(item.get("path"), "path", 300)
        reason = unsafe_reason(path)
        if reason:
            raise BackupError(f"备份清单中有不安全的路径 {path!r}（{reason}），拒绝恢复。")
        if path in seen:
            raise _bad(f"{path} 重复出现")
        if path in EXTRA_MEMBERS or not is_known_member(path):
            raise _bad(f"不认识的文件 {path!r}")
        seen.add(path)
        files.append(
            FileEntry(path, _sha(item.get("sha256"), f"{path} 的 sha256"), _int(item.get("size"), "size"))
        )
    if DB_MEMBER not in seen:
        raise _bad("缺少数据库文件 kami.sqlite3")
    receipts = next((f for f in files if f.path == RECEIPTS_MEMBER), None)
    if receipts is not None and (version < 2 or receipts.size > MAX_RECEIPTS_BYTES):
        raise _bad(f"{RECEIPTS_MEMBER} 不应出现在格式版本 {version} 的备份中，或大得异常")
    if version < MASKED_SINCE and any(masked_name(f.path) for f in files):
        raise _bad(f"打码副本（masked/）不应出现在格式版本 {version} 的备份中")
    problems_raw = doc.get("problems", [])
    if not isinstance(problems_raw, list) or len(problems_raw) > MAX_FILES:
        raise _bad("problems 应为列表")
    problems = []
    for item in problems_raw:
        if not isinstance(item, dict) or item.get("kind") not in PROBLEM_KINDS:
            raise _bad("problems 格式不正确")
        sha = item.get("sha256")
        problems.append(
            SourceProblem(
                item["kind"],
                None if sha is None else _sha(sha, "problems.sha256"),
                _str(item.get("detail", ""), "problems.detail"),
            )
        )
    return Manifest(
        created_at=created,
        app_version=_str(doc.get("app_version", ""), "app_version", 64),
        schema_revision=revision,
        ledger_entries=entries,
        ledger_head=head,
        counts=counts,
        files=files,
        problems=problems,
        format_version=version,
    )
