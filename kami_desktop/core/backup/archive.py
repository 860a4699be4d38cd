"""Reading a backup zip without trusting it: zip-slip, zip bombs, unknown members, damage.

``open_backup`` checks the whole central directory and the manifest before a single byte is
extracted; ``copy_member`` streams one member while hashing it and never writes more than the
manifest declared.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kami_desktop.core.backup.manifest import (
    EXTRA_MEMBERS,
    MANIFEST_MEMBER,
    MAX_MANIFEST_BYTES,
    BackupError,
    FileEntry,
    Manifest,
    blob_name,
    is_known_member,
    masked_name,
    parse_manifest,
    unsafe_reason,
)

MAX_RATIO = 1000  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1 << 20
MAX_EXTRA_BYTES = 16 << 20  # README / manifest-sha256.txt
CHUNK = 1 << 20
_ALLOWED_DIRS = ("vault/",)


@dataclass
class OpenedBackup:
    path: Path
    zf: zipfile.ZipFile
    manifest: Manifest
    infos: dict[str, zipfile.ZipInfo]

    def close(self) -> None:
        self.zf.close()

    def __enter__(self) -> OpenedBackup:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_allowed_dir(name: str) -> bool:
    if not name.endswith("/"):
        return False
    parts = name[:-1].split("/")
    if parts == ["masked"]:
        return True
    return (
        parts[0] == "vault"
        and len(parts) <= 3
        and all(len(p) == 2 for p in parts[1:])
        and all(c in "0123456789abcdef" for p in parts[1:] for c in p)
    )


def open_backup(path: Path | str) -> OpenedBackup:
    """Open and check a backup: structure, names, sizes, ratios and the manifest."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到备份文件 {path}")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise BackupError(f"{path.name} 不是有效的备份文件（不是 zip，或文件不完整/已损坏）。") from exc
    except OSError as exc:
        raise BackupError(f"无法读取备份文件 {path}：{exc.strerror or exc}") from exc
    try:
        infos = _check_directory(zf, path)
        manifest = _read_manifest(zf, infos)
        _match(manifest, infos)
    except BaseException:
        zf.close()
        raise
    return OpenedBackup(path, zf, manifest, infos)


def _check_directory(zf: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    infos: dict[str, zipfile.ZipInfo] = {}
    for info in zf.infolist():
        name = info.filename
        reason = unsafe_reason(name)
        if reason:
            raise BackupError(f"备份中有不安全的路径 {name!r}（{reason}），可能是被篡改的文件，已拒绝恢复。")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BackupError(f"备份中有符号链接 {name!r}，已拒绝恢复。")
        if info.flag_bits & 0x1:
            raise BackupError(f"备份中的 {name!r} 被加密，本程序的备份不会加密，已拒绝恢复。")
        if info.is_dir():
            if not _is_allowed_dir(name):
                raise BackupError(f"备份中有不认识的文件夹 {name!r}，这不是本程序制作的备份。")
            continue
        if name in infos:
            raise BackupError(f"备份中 {name!r} 出现了两次，文件可能被篡改。")
        if not is_known_member(name):
            raise BackupError(f"备份中有不认识的文件 {name!r}，这不是本程序制作的备份（或被改动过）。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BackupError(f"备份中的 {name!r} 使用了不支持的压缩方式。")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BackupError(f"备份中的 {name!r} 压缩比异常（疑似压缩炸弹），已拒绝恢复。")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise BackupError(f"备份中的 {name!r} 大小记录自相矛盾，文件已损坏。")
        infos[name] = info
    # members must not share bytes (overlapping entries are the classic non-recursive zip bomb)
    spans = sorted(
        (
            i.header_offset,
            i.header_offset + 30 + len(i.orig_filename.encode("utf-8", "surrogateescape")) + i.compress_size,
            i.filename,
        )
        for i in infos.values()
    )
    for (_, end, name), (start, _, _) in zip(spans, spans[1:], strict=False):
        if start < end:
            raise BackupError(f"备份中的 {name!r} 与其他文件的数据重叠（疑似压缩炸弹），已拒绝恢复。")
    if spans and spans[-1][1] > path.stat().st_size:
        raise BackupError(f"{path.name} 不完整（文件被截断），请换一份备份。")
    return infos


def _read_manifest(zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo]) -> Manifest:
    info = infos.get(MANIFEST_MEMBER)
    if info is None:
        raise BackupError("备份中没有清单 manifest.json，这不是本程序制作的备份，或文件不完整。")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise BackupError("备份清单 manifest.json 大得异常，已拒绝恢复。")
    data = read_small(zf, info, MAX_MANIFEST_BYTES)
    return parse_manifest(data)


def read_small(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
        raise BackupError(f"备份中的 {info.filename} 已损坏：{exc}") from exc
    if len(data) > limit:
        raise BackupError(f"备份中的 {info.filename} 大得异常，已拒绝恢复。")
    return data


def _match(m: Manifest, infos: dict[str, zipfile.ZipInfo]) -> None:
    listed = {f.path: f for f in m.files}
    for name, info in infos.items():
        if name in EXTRA_MEMBERS:
            if name != MANIFEST_MEMBER and info.file_size > MAX_EXTRA_BYTES:
                raise BackupError(f"备份中的 {name} 大得异常，已拒绝恢复。")
            continue
        entry = listed.get(name)
        if entry is None:
            raise BackupError(f"备份中的 {name!r} 不在清单里，文件可能被改动过，已拒绝恢复。")
        if masked_name(name) is not None:  # a derived copy: checked on its own, left out alone if bad
            continue
        if info.file_size != entry.size:
            raise BackupError(
                f"备份中的 {name!r} 大小（{info.file_size} 字节）与清单（{entry.size} 字节）不符。"
            )
    missing = [p for p in listed if p not in infos and masked_name(p) is None]
    if missing:
        raise BackupError(f"备份不完整：清单中的 {len(missing)} 个文件不在备份里（例如 {missing[0]}）。")
    declared = {p.sha256 for p in m.problems if p.kind == "hash_mismatch"}
    for f in m.blobs:
        name = blob_name(f.path) or ""
        if name != f.sha256 and name not in declared:
            raise BackupError(f"清单中 {f.path} 的哈希与文件名不符，备份可能被篡改，已拒绝恢复。")


def copy_member(
    ob: OpenedBackup,
    entry: FileEntry,
    out: BinaryIO | None,
    on_bytes: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Stream one member to ``out`` (or nowhere), checking its size and SHA-256 against the manifest."""
    h = hashlib.sha256()
    size = 0
    try:
        with ob.zf.open(ob.infos[entry.path]) as fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > entry.size:
                    raise BackupError(f"备份中的 {entry.path} 比清单记录的大（疑似压缩炸弹），已拒绝恢复。")
                h.update(chunk)
                if out is not None:
                    out.write(chunk)
                if on_bytes is not None:
                    on_bytes(len(chunk))
                if cancel is not None and cancel():
                    from kami_desktop.core.tasks import Cancelled

                    raise Cancelled()
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, zlib.error) as exc:
        raise BackupError(f"备份中的 {entry.path} 已损坏（{exc}），请换一份备份。") from exc
    except OSError as exc:
        if out is None or not getattr(exc, "errno", None):
            raise BackupError(f"读取备份中的 {entry.path} 失败：{exc}") from exc
        raise
    if size != entry.size:
        raise BackupError(f"备份中的 {entry.path} 不完整（{size} / {entry.size} 字节）。")
    if h.hexdigest() != entry.sha256:
        raise BackupError(
            f"备份中的 {entry.path} 哈希不符：内容已损坏或被改动，已拒绝恢复（原数据未被改动）。"
        )
