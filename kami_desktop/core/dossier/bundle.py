"""Building the bundle folder and zip in a hidden staging folder, then moving them into place.

``<out>/.<name>.part-XXXX/`` holds the work; only a complete bundle is renamed to ``<out>/<name>`` and
``<out>/<name>.zip``. A cancelled or failed build removes its staging folder; one left by a crash is
hidden, says "part", and is cleaned by the next build of the same name. An existing folder is only
replaced when it is a bundle this app made, and it is only deleted once the new one is in place and
recorded in the ledger.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import stat
import zipfile
from datetime import datetime
from pathlib import Path

from kami_desktop.core.dossier.manifest import FORMAT, MANIFEST_JSON, MANIFEST_TXT
from kami_desktop.core.dossier.options import DossierError
from kami_desktop.core.dossier.snapshot import CaseSnap
from kami_desktop.core.profile import Profile
from kami_desktop.core.tasks import Cancelled, CancelToken, Progress
from kami_desktop.core.util.fsutil import remove_tree, replace_with_retry
from kami_desktop.core.util.hashing import CHUNK
from kami_desktop.core.util.timeutil import CHINA_TZ

STORED_EXT = {
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".heic",
    ".pdf",
    ".zip",
    ".mp3",
    ".mp4",
    ".m4a",
    ".mov",
    ".amr",
    ".xlsx",
    ".docx",
    ".7z",
    ".rar",
}


def _hash_copy(src: Path, dst: Path, cancel: CancelToken | None) -> tuple[str, int]:
    h, size = hashlib.sha256(), 0
    buf = bytearray(CHUNK)
    view = memoryview(buf)
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while n := fin.readinto(buf):
            h.update(view[:n])
            fout.write(view[:n])
            size += n
            if cancel is not None and cancel():
                raise Cancelled()
    os.chmod(dst, stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    return h.hexdigest(), size


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def is_our_bundle(path: Path) -> bool:
    try:
        data = json.loads((path / MANIFEST_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def is_our_zip(path: Path, name: str) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return json.loads(zf.read(f"{name}/{MANIFEST_JSON}")).get("format") == FORMAT
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return False


class Staging:
    def __init__(self, out_dir: Path, name: str) -> None:
        self.out_dir = Path(out_dir)
        self.name = name
        self.final = self.out_dir / name
        self.final_zip = self.out_dir / f"{name}.zip"
        for p, ok in ((self.final, is_our_bundle), (self.final_zip, lambda p: is_our_zip(p, name))):
            if p.exists() and not ok(p):
                raise DossierError(
                    f"输出位置已有同名的“{p.name}”，且不是本软件生成的证据包；"
                    "为免覆盖，请换一个输出文件夹或证据包名称"
                )
        self.out_dir.mkdir(parents=True, exist_ok=True)
        for stale in self.out_dir.glob(f".{name}.part-*"):
            kept = stale / "replaced"
            if not (kept.is_dir() and any(kept.iterdir())):  # never delete an earlier bundle kept aside
                remove_tree(stale, ignore_errors=True)
        self.tmp = self.out_dir / f".{name}.part-{secrets.token_hex(4)}"
        self.root = self.tmp / name
        (self.root / "originals").mkdir(parents=True)
        self.hashes: dict[str, str] = {}  # bundle path → SHA-256, for manifest-sha256.txt

    def copy_originals(
        self, profile: Profile, snap: CaseSnap, progress: Progress, cancel: CancelToken | None, total: int
    ) -> dict[int, str]:
        """Copy every original out of the vault, re-hashing on the way: file id → ok | missing | altered."""
        status: dict[int, str] = {}
        for i, (e, f) in enumerate(snap.all_files(), start=1):
            src = profile.blob_path(f.sha256)
            dst = self.root / f.bundle_path
            try:
                digest, size = _hash_copy(src, dst, cancel)
            except (FileNotFoundError, NotADirectoryError, PermissionError, IsADirectoryError):
                status[f.id] = "missing"
                with contextlib.suppress(OSError):
                    dst.unlink()
            else:
                if digest == f.sha256 and size == f.size:
                    status[f.id] = "ok"
                    self.hashes[f.bundle_path] = digest
                else:
                    status[f.id] = "altered"
                    dst.unlink()
            progress(i, total, f"核对并复制 {e.label(f)} {f.original_name}")
        return status

    def write(self, rel: str, data: bytes) -> str:
        (self.root / rel).write_bytes(data)
        digest = hashlib.sha256(data).hexdigest()
        self.hashes[rel] = digest
        return digest

    def add_existing(self, rel: str) -> str:
        digest = sha256_of(self.root / rel)
        self.hashes[rel] = digest
        return digest

    def write_zip(self, when: datetime | None, cancel: CancelToken | None) -> Path:
        """A reproducible zip: sorted members under one top folder, one fixed timestamp, fixed attributes."""
        path = self.tmp / f"{self.name}.zip"
        local = (when or datetime(1980, 1, 1, tzinfo=CHINA_TZ)).astimezone(CHINA_TZ)
        stamp = max(
            (local.year, local.month, local.day, local.hour, local.minute, local.second // 2 * 2),
            (1980, 1, 1, 0, 0, 0),
        )
        files = sorted(self.hashes) + [MANIFEST_TXT]
        dirs = sorted({f"{self.name}/"} | {f"{self.name}/{p.rsplit('/', 1)[0]}/" for p in files if "/" in p})
        with zipfile.ZipFile(path, "w", allowZip64=True) as zf:
            for entry in sorted(dirs + [f"{self.name}/{rel}" for rel in files]):
                zi = zipfile.ZipInfo(entry, date_time=stamp)
                zi.create_system = 3
                if entry.endswith("/"):
                    zi.external_attr = (0o40755 << 16) | 0x10
                    zf.writestr(zi, b"")
                    continue
                src = self.root / entry[len(self.name) + 1 :]
                zi.external_attr = 0o100644 << 16
                zi.compress_type = (
                    zipfile.ZIP_STORED if src.suffix.lower() in STORED_EXT else zipfile.ZIP_DEFLATED
                )
                size = src.stat().st_size
                zi.file_size = size
                with open(src, "rb") as fin, zf.open(zi, "w", force_zip64=size > 0x7FFF0000) as fout:
                    while chunk := fin.read(CHUNK):
                        fout.write(chunk)
                        if cancel is not None and cancel():
                            raise Cancelled()
        return path

    @property
    def replaced(self) -> Path:
        return self.tmp / "replaced"

    def placement_items(self, manifest_sha: str, zip_sha: str | None) -> list[dict[str, str]]:
        """What ``place`` will move, for the profile's placement journal: each output, where an earlier one
        is kept meanwhile, and how to recognise the new one (its manifest's or the zip's SHA-256)."""
        return [
            {
                "final": str(self.final),
                "kept": str(self.replaced / self.final.name),
                "sha256": manifest_sha,
                "check": MANIFEST_JSON,
            },
            {  # an earlier zip is kept aside even when this build makes none
                "final": str(self.final_zip),
                "kept": str(self.replaced / self.final_zip.name),
                "sha256": zip_sha or "",
                "check": "",
            },
        ]

    def place(self) -> tuple[Path, Path | None]:
        """Move the finished bundle (and zip) into place. An earlier bundle of the same name is kept aside
        until ``finish`` (after the ledger records the build) or put back by ``unplace``."""
        self.replaced.mkdir()
        zip_src = self.tmp / f"{self.name}.zip"
        self._old: list[Path] = []
        self._new: list[Path] = []
        try:
            for p in (self.final, self.final_zip):  # an older zip would no longer match the new folder
                if p.exists():
                    replace_with_retry(p, self.replaced / p.name)
                    self._old.append(p)
            replace_with_retry(self.root, self.final)
            self._new.append(self.final)
            if zip_src.exists():
                replace_with_retry(zip_src, self.final_zip)
                self._new.append(self.final_zip)
        except OSError:
            # e.g. Windows refuses to move a folder while binder.pdf is open in a viewer
            self.unplace()
            raise
        return self.final, (self.final_zip if self.final_zip in self._new else None)

    def unplace(self) -> None:
        """Take this build's output away again (deleting it if it cannot be moved) and restore the earlier one."""
        for p in getattr(self, "_new", []):
            if p.is_dir():
                remove_tree(p, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    p.unlink()
        for p in getattr(self, "_old", []):
            with contextlib.suppress(OSError):
                replace_with_retry(self.replaced / p.name, p)
        self._new, self._old = [], []

    def finish(self) -> None:
        remove_tree(self.tmp, ignore_errors=True)

    def abort(self) -> None:
        """Remove the staging folder — unless it still holds an earlier bundle that could not be put back."""
        if self.replaced.is_dir() and any(self.replaced.iterdir()):
            remove_tree(self.root, ignore_errors=True)
            return
        remove_tree(self.tmp, ignore_errors=True)
