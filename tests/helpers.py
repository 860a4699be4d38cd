"""Test helpers: generate real files (screenshots, photos with EXIF) by code."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

# poppler-utils and qpdf: Debian packages here (Makefile APT_PACKAGES), MSYS2 UCRT64 packages in the
# Windows workflow. A test that needs one is skipped, with the reason, only where it is absent.
TOOL_PACKAGES = {
    "pdfinfo": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfdetach": "poppler-utils",
    "pdfimages": "poppler-utils",
    "qpdf": "qpdf",
    "sha256sum": "coreutils",
}


def symlink_or_skip(link: Path, target: Path | str) -> None:
    """Make a symbolic link; skip the test where the OS refuses (Windows without Developer Mode or admin)."""
    try:
        os.symlink(target, link, target_is_directory=Path(target).is_dir())
    except OSError as exc:
        if os.name != "nt":
            raise
        pytest.skip(f"symbolic links are not allowed for this Windows account ({exc.strerror})")


def tool(name: str) -> str:
    """The path of a command-line tool, or skip the test saying which package provides it."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (package {TOOL_PACKAGES.get(name, name)})")
    return found


def run_tool(args: list[str | Path], *, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    """Run a tool with its output decoded as UTF-8 (never the locale's code page).

    On Windows the MSYS2 builds of poppler and qpdf get file names through the ANSI code page, so an
    existing file whose path is not ASCII is handed over as an ASCII-named copy."""
    argv = [tool(str(args[0]))]
    with tempfile.TemporaryDirectory(prefix="kami-tool-") as tmp:
        for i, arg in enumerate(args[1:]):
            text = str(arg)
            if os.name == "nt" and not text.isascii() and Path(text).is_file():
                copy = Path(tmp) / f"arg{i}{Path(text).suffix}"
                shutil.copyfile(text, copy)
                text = str(copy)
            argv.append(text)
        return subprocess.run(argv, capture_output=True, encoding="utf-8", check=check, **kwargs)


def screenshot(path: Path, seed: int = 0, size: tuple[int, int] = (360, 780), fmt: str | None = None) -> Path:
    """A small phone-screenshot-like image, distinct per seed."""
    im = Image.new("RGB", size, (237, 237, 237))
    d = ImageDraw.Draw(im)
    for i in range(6):
        y = 40 + i * 110 + seed % 17
        d.rounded_rectangle(
            (20 + (i % 2) * 80, y, 260 + (i % 2) * 80, y + 70),
            12,
            fill=(149, 236, 105) if i % 2 else (255, 255, 255),
        )
    d.text((10, 5), f"#{seed}", fill=(seed * 37 % 255, 0, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, format=fmt)
    return path


def jpeg_with_exif(
    path: Path, when: str = "2025:03:12 20:30:11", orientation: int = 1, offset: str | None = None
):
    im = Image.new("RGB", (64, 32), (10, 120, 200))
    exif = Image.Exif()
    exif[274] = orientation
    sub = exif.get_ifd(0x8769)
    sub[36867] = when
    if offset:
        sub[36881] = offset
    buf = io.BytesIO()
    im.save(buf, format="JPEG", exif=exif)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


def kami(
    *args: str, data_dir: Path, check: bool = False, timeout: float = 120
) -> subprocess.CompletedProcess:
    """Run the real CLI in a subprocess."""
    cmd = [sys.executable, "-m", "kami_desktop.cli", "--data-dir", str(data_dir), *args]
    proc = subprocess.run(cmd, capture_output=True, encoding="utf-8", timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} -> {proc.returncode}\n{proc.stderr}")
    return proc


def kami_json(*args: str, data_dir: Path, expect: int = 0) -> dict:
    proc = kami(*args, "--json", data_dir=data_dir)
    assert proc.returncode == expect, (proc.returncode, proc.stderr, proc.stdout)
    return json.loads(proc.stdout)
