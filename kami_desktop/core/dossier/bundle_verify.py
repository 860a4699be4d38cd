"""Check a bundle (folder or zip) against its own manifest-sha256.txt — needs nothing but the bundle.

Standard library only: no database, no PDF library, so it runs anywhere the bundle goes. Reports
files that are missing, altered (hash differs) or extra (not in the manifest). A zip is read in
place, never extracted: member names that would escape the folder (zip-slip), symbolic links, and
archives whose size or member count is out of bounds (zip bombs) are refused before anything is
read.

Zip bombs are judged by what a member would expand to, never by compression ratio alone (a BMP
screenshot or a recording of silence deflates several hundred to one, and the product bundles both):

- the sizes all members declare, and the bytes that really come out while reading, are capped
  absolutely (``max_total``); members whose compressed data overlap (the classic non-recursive bomb)
  and compression methods this product never writes are refused;
- an original that manifest.json records must declare exactly the recorded size, and is never read past
  it; manifest.json itself is checked against manifest-sha256.txt like every other file;
- only a large member that nothing records *and* compresses beyond ``MAX_RATIO`` is taken for a bomb.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from kami_desktop.core.errors import UserError

MANIFEST = "manifest-sha256.txt"
MANIFEST_JSON = "manifest.json"
IGNORED = {"thumbs.db", "desktop.ini", ".ds_store"}  # written by file browsers, not part of a bundle
MAX_MEMBERS = 20_000
MAX_TOTAL = 8 * 1024**3  # 8 GiB uncompressed
MAX_RATIO = 200  # compressed→uncompressed, for members over 1 MiB that manifest.json does not record
MAX_MANIFEST = 16 * 1024**2
CHUNK = 1 << 20
_LINE = re.compile(r"^(\\?)([0-9a-fA-F]{64}) [ *](.+)$")


class NotABundle(UserError, ValueError):
    """The path is not a bundle (no manifest-sha256.txt), or cannot be read."""


class UnsafeBundle(UserError, ValueError):
    """A zip that must not be read: zip-slip names, links, or bomb-sized contents."""


@dataclass
class BundleProblem:
    kind: str  # missing | altered | extra
    path: str
    detail: str


@dataclass
class BundleReport:
    root: str
    checked: int = 0
    problems: list[BundleProblem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "root": self.root,
            "problems": [asdict(p) for p in self.problems],
            "ignored": self.ignored,
        }


def safe_relpath(name: str) -> str | None:
    """The normalised relative path, or None when the name could point outside the bundle."""
    if not name or "\x00" in name or "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return None
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    return "/".join(parts)


def parse_manifest(text: str) -> dict[str, str]:
    """``sha256sum`` lines → {relative path: lower-case hash}. Unsafe paths make the bundle unsafe."""
    out: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.lstrip("\ufeff")
        if not line.strip():
            continue
        m = _LINE.match(line)
        if not m:
            raise NotABundle(f"{MANIFEST} 第 {n} 行格式不正确：{line[:80]!r}")
        name = m.group(3)
        if m.group(1):  # sha256sum escapes names containing '\' or newline
            name = name.replace("\\n", "\n").replace("\\\\", "\\")
        rel = safe_relpath(name)
        if rel is None:
            raise UnsafeBundle(f"{MANIFEST} 第 {n} 行的路径指向证据包之外：{name!r}")
        out[rel] = m.group(2).lower()
    return out


def _ignored(rel: str) -> bool:
    parts = rel.split("/")
    return parts[-1].casefold() in IGNORED or parts[0] == "__MACOSX"


def _digest(chunks: Iterator[bytes]) -> str:
    h = hashlib.sha256()
    for c in chunks:
        h.update(c)
    return h.hexdigest()


def _file_chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def _cross_check(report: BundleReport, listed: dict[str, str], manifest_json: bytes | None) -> None:
    """manifest.json's own list of originals must agree with manifest-sha256.txt."""
    if manifest_json is None:
        return
    try:
        doc = json.loads(manifest_json)
        files = [f for e in doc.get("exhibits", []) for f in e.get("files", [])]
    except (ValueError, AttributeError, TypeError):
        return  # its hash is checked anyway; a damaged one is already reported as altered
    for f in files:
        path, sha = f.get("path"), f.get("sha256")
        if f.get("status", "ok") != "ok" or not isinstance(path, str):
            continue
        if path in listed and listed[path] != sha:
            report.problems.append(
                BundleProblem("altered", path, "manifest.json 与 manifest-sha256.txt 记录的哈希值不一致")
            )


def verify_folder(root: Path) -> BundleReport:
    root = Path(root)
    if not (root / MANIFEST).is_file():
        subs = [d for d in root.iterdir() if d.is_dir() and (d / MANIFEST).is_file()] if root.is_dir() else []
        if len(subs) != 1:
            raise NotABundle(f"{root} 不是证据包：找不到 {MANIFEST}")
        root = subs[0]
    try:
        listed = parse_manifest((root / MANIFEST).read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise NotABundle(f"{MANIFEST} 不是 UTF-8 文本") from exc
    report = BundleReport(str(root))
    for rel, want in sorted(listed.items()):
        p = root / rel
        if p.is_symlink():
            report.problems.append(BundleProblem("altered", rel, "是符号链接，不是原始文件"))
        elif not p.is_file():
            report.problems.append(BundleProblem("missing", rel, "文件不存在"))
        else:
            got = _digest(_file_chunks(p))
            if got != want:
                report.problems.append(BundleProblem("altered", rel, f"SHA-256 为 {got}，清单记录为 {want}"))
        report.checked += 1
    for p in sorted(root.rglob("*")):
        if p.is_dir() and not p.is_symlink():
            continue
        rel = p.relative_to(root).as_posix()
        if rel == MANIFEST or rel in listed:
            continue
        if _ignored(rel):
            report.ignored.append(rel)
        else:
            report.problems.append(BundleProblem("extra", rel, "清单中没有这个文件"))
    mj = root / MANIFEST_JSON
    _cross_check(report, listed, mj.read_bytes() if MANIFEST_JSON in listed and mj.is_file() else None)
    return report


def _check_members(
    zf: zipfile.ZipFile, max_members: int, max_total: int
) -> list[tuple[zipfile.ZipInfo, str]]:
    """Structure only, before any member is read: names, links, duplicates, methods, declared sizes, overlap."""
    infos = zf.infolist()
    if len(infos) > max_members:
        raise UnsafeBundle(
            f"压缩包内有 {len(infos)} 个条目，超过上限 {max_members}，疑似压缩炸弹，已拒绝读取"
        )
    total, seen, out = 0, set(), []
    for info in infos:
        rel = safe_relpath(info.filename.rstrip("/") if info.is_dir() else info.filename)
        if rel is None:
            raise UnsafeBundle(f"压缩包内的路径 {info.filename!r} 会写到解压目录之外（zip-slip），已拒绝读取")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise UnsafeBundle(f"压缩包内的 {info.filename!r} 是符号链接，已拒绝读取")
        if info.is_dir():
            continue
        if rel.casefold() in seen:
            raise UnsafeBundle(f"压缩包内有重名文件 {info.filename!r}，已拒绝读取")
        seen.add(rel.casefold())
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsafeBundle(f"压缩包内的 {info.filename!r} 使用了本软件不会使用的压缩方式，已拒绝读取")
        total += info.file_size
        if total > max_total:
            raise UnsafeBundle(f"压缩包解压后超过 {max_total // 1024**2} MB 上限，疑似压缩炸弹，已拒绝读取")
        out.append((info, rel))
    _check_overlap([info for info, _ in out])
    return out


def _check_overlap(infos: list[zipfile.ZipInfo]) -> None:
    """Members must not share compressed bytes (many entries pointing at one stream is a classic zip bomb)."""
    spans = sorted(
        (
            i.header_offset,
            i.header_offset + 30 + len(i.orig_filename.encode("utf-8", "surrogateescape")) + i.compress_size,
            i.filename,
        )
        for i in infos
    )
    for (_, end, name), (start, _, other) in zip(spans, spans[1:], strict=False):
        if start < end:
            raise UnsafeBundle(f"压缩包内的 {name!r} 与 {other!r} 的压缩数据重叠（疑似压缩炸弹），已拒绝读取")


def _recorded_sizes(manifest_json: bytes | None) -> dict[str, int]:
    """Path → size of every original manifest.json records (empty when there is none or it is unreadable)."""
    if manifest_json is None:
        return {}
    try:
        doc = json.loads(manifest_json)
        files = [f for e in doc.get("exhibits", []) for f in e.get("files", [])]
        return {
            f["path"]: f["size"]
            for f in files
            if isinstance(f, dict)
            and isinstance(f.get("path"), str)
            and isinstance(f.get("size"), int)
            and not isinstance(f.get("size"), bool)
        }
    except (ValueError, AttributeError, TypeError, RecursionError):
        return {}


def _judge_sizes(members: dict[str, zipfile.ZipInfo], prefix: str, recorded: dict[str, int]) -> None:
    """Refuse, before reading, any member that would expand past what manifest.json records for it, and any
    large unrecorded member that compresses like a bomb (reading never goes past a member's declared size)."""
    for rel, info in members.items():
        inner = rel[len(prefix) :] if rel.startswith(prefix) else rel
        size = recorded.get(inner)
        if size is not None:
            if info.file_size != size:
                raise UnsafeBundle(
                    f"压缩包内的 {info.filename!r} 声明解压后 {info.file_size} 字节，manifest.json 记录的是 "
                    f"{size} 字节（疑似压缩炸弹或被改动），已拒绝读取"
                )
        elif info.file_size > CHUNK and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise UnsafeBundle(
                f"压缩包内的 {info.filename!r} 压缩比异常且清单中没有记录它的大小（疑似压缩炸弹），已拒绝读取"
            )


def verify_zip(path: Path, max_members: int = MAX_MEMBERS, max_total: int = MAX_TOTAL) -> BundleReport:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise NotABundle(f"{path} 不是有效的 zip 压缩包：{exc}") from exc
    with zf:
        members = _check_members(zf, max_members, max_total)
        names = {rel: info for info, rel in members}
        prefix = ""
        if MANIFEST not in names:
            tops = {rel.split("/", 1)[0] for rel in names}
            if len(tops) == 1 and f"{next(iter(tops))}/{MANIFEST}" in names:
                prefix = next(iter(tops)) + "/"
            else:
                raise NotABundle(f"{path} 不是证据包：压缩包中找不到 {MANIFEST}")
        man = names[prefix + MANIFEST]
        if man.file_size > MAX_MANIFEST:
            raise UnsafeBundle(f"{MANIFEST} 过大，已拒绝读取")
        try:
            listed = parse_manifest(_read_capped(zf, man, MAX_MANIFEST).decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise NotABundle(f"{MANIFEST} 不是 UTF-8 文本") from exc
        mj = names.get(prefix + MANIFEST_JSON)
        data = _read_capped(zf, mj, MAX_MANIFEST) if mj is not None and MANIFEST_JSON in listed else None
        _judge_sizes(names, prefix, _recorded_sizes(data))
        report = BundleReport(f"{path}!/{prefix}")
        budget = [max_total]
        for rel, want in sorted(listed.items()):
            info = names.get(prefix + rel)
            report.checked += 1
            if info is None:
                report.problems.append(BundleProblem("missing", rel, "压缩包中没有这个文件"))
                continue
            try:
                got = _digest(_member_chunks(zf, info, budget))
            except zipfile.BadZipFile as exc:
                report.problems.append(BundleProblem("altered", rel, f"压缩数据损坏：{exc}"))
                continue
            if got != want:
                report.problems.append(BundleProblem("altered", rel, f"SHA-256 为 {got}，清单记录为 {want}"))
        for rel in sorted(names):
            inner = rel[len(prefix) :] if rel.startswith(prefix) else None
            if inner == MANIFEST or inner in listed:
                continue
            shown = inner if inner is not None else rel
            if _ignored(shown):
                report.ignored.append(shown)
            else:
                report.problems.append(BundleProblem("extra", shown, "清单中没有这个文件"))
        _cross_check(report, listed, data)
    return report


def _member_chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> Iterator[bytes]:
    """Stream a member, counting real output: a header that lies about sizes cannot inflate past the cap."""
    with zf.open(info) as fh:
        while chunk := fh.read(CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise UnsafeBundle("压缩包实际解压数据超过上限，疑似压缩炸弹，已停止读取")
            yield chunk


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    if info.file_size > cap:
        raise UnsafeBundle(f"{info.filename!r} 过大，已拒绝读取")
    budget = [cap]
    return b"".join(_member_chunks(zf, info, budget))


def verify_bundle(
    path: Path | str, *, max_members: int = MAX_MEMBERS, max_total: int = MAX_TOTAL
) -> BundleReport:
    """Verify a bundle folder or zip. Raises NotABundle or UnsafeBundle (nothing was checked)."""
    p = Path(path)
    if p.is_dir():
        return verify_folder(p)
    if p.is_file():
        return verify_zip(p, max_members, max_total)
    raise NotABundle(f"{p} 不存在")
