"""Generated benchmark inputs, cached under bench/.cache (gitignored)."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"


def _base_screenshot(seed: int, size=(1170, 2532)):
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    w, h = size
    im = Image.new("RGB", size, (237, 237, 237))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 180), fill=(247, 247, 247))
    y = 220
    while y < h - 700:
        mine = rng.random() < 0.5
        bw = rng.randint(300, 800)
        x0 = w - 140 - bw if mine else 140
        bh = rng.randint(90, 260)
        d.rounded_rectangle((x0, y, x0 + bw, y + bh), 18, fill=(149, 236, 105) if mine else (255, 255, 255))
        for line in range(bh // 50):
            d.rectangle(
                (x0 + 24, y + 24 + line * 50, x0 + bw - rng.randint(30, 200), y + 50 + line * 50),
                fill=(60, 60, 60),
            )
        y += bh + 40
    # a photo-like band (noise) as real screenshots often contain images
    band = Image.frombytes("RGB", (w, 500), rng.randbytes(w * 500 * 3))
    im.paste(band, (0, h - 600))
    return im


def _with_text_chunk(png: bytes, text: str) -> bytes:
    body = b"Comment\x00" + text.encode()
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(">I", zlib.crc32(b"tEXt" + body))
    i = png.rindex(b"IEND") - 4
    return png[:i] + chunk + png[i:]


def screenshots(n: int = 1000, fmt: str = "png", bases: int = 16) -> list[Path]:
    """n distinct phone screenshots (1170×2532); made once from a few bases, then cached."""
    folder = CACHE / f"shots_{fmt}_{n}"
    files = sorted(folder.glob(f"*.{fmt}")) if folder.exists() else []
    if len(files) == n:
        return files
    import io

    folder.mkdir(parents=True, exist_ok=True)
    raw = []
    for b in range(bases):
        buf = io.BytesIO()
        im = _base_screenshot(b)
        if fmt == "png":
            im.save(buf, format="PNG", compress_level=6)
        else:
            im.save(buf, format="JPEG", quality=85)
        raw.append(buf.getvalue())
    out = []
    for i in range(n):
        data = raw[i % bases]
        if fmt == "png":
            data = _with_text_chunk(data, f"shot {i}")
        else:
            data = data[:-2] + f"shot{i}".encode() + data[-2:]  # bytes after EOI-2 keep it decodable
            data = (
                raw[i % bases][:2]
                + b"\xff\xfe"
                + struct.pack(">H", 2 + len(f"shot {i}"))
                + f"shot {i}".encode()
                + raw[i % bases][2:]
            )
        p = folder / f"Screenshot_{i:04d}.{fmt}"
        p.write_bytes(data)
        out.append(p)
    return out
