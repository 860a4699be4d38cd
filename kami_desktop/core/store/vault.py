"""The content-addressed store of original files (证据库).

Layout under ``<data>/vault``::

    ab/cd/abcdef…     the blob, named by its SHA-256, read-only
    .tmp/             partial writes (cleaned when the profile opens)
    .journal/         intent markers: <sha>.import / <sha>.purge, resolved when the profile opens

A blob is renamed into place only after its bytes are fsynced, so a visible blob is always whole.
The import marker is written before the rename and removed after the database commit; if the
process dies in between, opening the profile removes the blob again (the import never happened).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kami_desktop.core.errors import UserError
from kami_desktop.core.util.fsutil import (
    PRIVATE_FILE,
    READ_ONLY_FILE,
    fsync_dir,
    make_private_dir,
    replace_with_retry,
)
from kami_desktop.core.util.hashing import CHUNK, new_sm3


class VaultError(UserError, OSError):
    pass


class StoreCancelled(Exception):
    pass


MODES_MARKER = ".modes-private"  # present once every folder and original has its private mode


def _subdirs(folder: Path) -> list[Path]:
    """The vault's fan-out folders (two hex characters), never a link."""
    return [d for d in folder.iterdir() if len(d.name) == 2 and d.is_dir() and not d.is_symlink()]


def _chmod_if(path: Path, mode: int) -> int:
    try:
        if stat.S_IMODE(path.stat().st_mode) != mode:
            os.chmod(path, mode)
            return 1
    except OSError:
        pass
    return 0


@dataclass(frozen=True)
class Stored:
    sha256: str
    sm3: str
    size: int
    head: bytes  # first bytes, for media-type sniffing
    new: bool  # False when the same bytes were already in the vault


def _is_hex64(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


class Vault:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.tmp = self.root / ".tmp"
        self.journal = self.root / ".journal"
        for d in (self.root, self.tmp, self.journal):
            make_private_dir(d)

    # ---------------------------------------------------------------- paths
    def path_for(self, sha256: str) -> Path:
        if not _is_hex64(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def iter_blob_paths(self) -> Iterator[tuple[str, Path]]:
        """Every file in the fan-out (including ones the database does not know)."""
        for first in sorted(self.root.iterdir()):
            if first.name.startswith(".") or not first.is_dir():
                continue
            for second in sorted(first.iterdir()):
                if not second.is_dir():
                    continue
                for f in sorted(second.iterdir()):
                    yield f.name, f

    # ---------------------------------------------------------------- writing
    def store_file(
        self,
        src: Path,
        cancel: Callable[[], bool] | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> Stored:
        """Copy ``src`` into the vault, hashing SHA-256 and SM3 in the same single read pass."""
        with open(src, "rb") as fh:
            return self.store_stream(fh, cancel, on_bytes)

    def store_bytes(self, data: bytes) -> Stored:
        return self.store_stream(io.BytesIO(data))

    def store_stream(
        self,
        fh: io.BufferedIOBase | io.RawIOBase,
        cancel: Callable[[], bool] | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ) -> Stored:
        """Stream ``fh`` into the vault. ``new`` is False when the file was already in place."""
        sha, sm3, size = hashlib.sha256(), new_sm3(), 0
        head = b""
        fd, tmp_name = tempfile.mkstemp(prefix="in-", suffix=".part", dir=self.tmp)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                buf = bytearray(CHUNK)
                view = memoryview(buf)
                while True:
                    n = fh.readinto(buf)
                    if not n:
                        break
                    chunk = view[:n]
                    if not head:
                        head = bytes(chunk[:8192])
                    sha.update(chunk)
                    sm3.update(chunk)
                    out.write(chunk)
                    size += n
                    if on_bytes is not None:
                        on_bytes(n)
                    if cancel is not None and cancel():
                        raise StoreCancelled()
                out.flush()
                os.fsync(out.fileno())
            digest = sha.hexdigest()
            final = self.path_for(digest)
            if final.is_file():
                tmp.unlink()
                return Stored(digest, sm3.hexdigest(), size, head, new=False)
            self._fan_out(final)
            self.mark(digest, "import")
            os.chmod(tmp, READ_ONLY_FILE)
            replace_with_retry(tmp, final)
            fsync_dir(final.parent)
            return Stored(digest, sm3.hexdigest(), size, head, new=True)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
                raise VaultError(errno.ENOSPC, "磁盘空间不足，文件未能存入证据库") from exc
            raise

    def _fan_out(self, final: Path) -> None:
        """``ab/`` and ``ab/cd/`` for a blob, user-only whatever the umask."""
        for d in (final.parent.parent, final.parent):
            if not d.is_dir():
                make_private_dir(d)

    # ---------------------------------------------------------------- journal
    def mark(self, sha256: str, kind: str) -> None:
        marker = self.journal / f"{sha256}.{kind}"
        fd = os.open(marker, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def unmark(self, sha256: str, kind: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            (self.journal / f"{sha256}.{kind}").unlink()

    def pending(self, *, tidy: bool = False) -> list[tuple[str, str]]:
        """The markers of imports and purges not yet resolved; ``tidy`` removes stray files (only for the
        process that holds the profile's lock)."""
        out = []
        for m in self.journal.iterdir():
            sha, _, kind = m.name.partition(".")
            if _is_hex64(sha) and kind in ("import", "purge"):
                out.append((sha, kind))
            elif tidy:
                with contextlib.suppress(OSError):
                    m.unlink()
        return out

    def remove_blob(self, sha256: str) -> None:
        """Delete a blob's file. Callers guarantee nothing refers to it any more."""
        p = self.path_for(sha256)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
            p.unlink()

    def tighten_modes(self) -> int:
        """Once per vault: folders written by releases before modes were enforced become user-only (0700)
        and their originals read-only for the user alone (0400). Returns how many entries changed."""
        marker = self.root / MODES_MARKER
        if os.name == "nt" or marker.exists():
            return 0
        changed = 0
        for top in _subdirs(self.root):
            changed += _chmod_if(top, stat.S_IRWXU)
            for sub in _subdirs(top):
                changed += _chmod_if(sub, stat.S_IRWXU)
                for blob in sub.iterdir():
                    if blob.is_file() and not blob.is_symlink():
                        changed += _chmod_if(blob, READ_ONLY_FILE)
        fd = os.open(marker, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        os.close(fd)
        return changed

    def clean_temp(self) -> int:
        """Remove partial writes left by a crash; returns how many were removed."""
        n = 0
        for f in self.tmp.iterdir():
            with contextlib.suppress(OSError):
                f.unlink()
                n += 1
        return n
