"""Test helpers: generate real files (screenshots, photos with EXIF) by code."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw


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
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} -> {proc.returncode}\n{proc.stderr}")
    return proc


def kami_json(*args: str, data_dir: Path, expect: int = 0) -> dict:
    proc = kami(*args, "--json", data_dir=data_dir)
    assert proc.returncode == expect, (proc.returncode, proc.stderr, proc.stdout)
    return json.loads(proc.stdout)
