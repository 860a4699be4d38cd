"""Make the Windows icon (.ico, 16–256 px) at build time; the .ico itself is never committed.

Source, first found wins: ``--source FILE`` (PNG or SVG), then the app's own icon
``kami_desktop/resources/icons/kami.png`` or ``kami.svg`` (rendered with QtSvg), else a drawing made
here with Pillow (a case file with a red seal and a tick on a blue rounded square).

Usage: ``python packaging/windows/make_icon.py OUT.ico [--source FILE] [--png OUT.png]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
ICON_DIR = ROOT / "kami_desktop" / "resources" / "icons"
SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
BASE = 1024


def draw_icon(size: int = BASE) -> Image.Image:
    """The app mark, drawn at ``size`` px (draw large, then downscale for smooth edges)."""
    s = size / 256
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (round(x0 * s), round(y0 * s), round(x1 * s), round(y1 * s))

    d.rounded_rectangle(box(8, 8, 248, 248), radius=round(48 * s), fill=(24, 86, 170, 255))
    # the case file: a page with a folded corner
    page = [(60, 36), (160, 36), (200, 76), (200, 220), (60, 220)]
    d.polygon([(round(x * s), round(y * s)) for x, y in page], fill=(255, 255, 255, 255))
    d.polygon(
        [(round(x * s), round(y * s)) for x, y in [(160, 36), (160, 76), (200, 76)]],
        fill=(200, 214, 235, 255),
    )
    for i, y in enumerate((96, 120, 144)):
        d.rounded_rectangle(
            box(80, y, 180 - 24 * (i == 2), y + 10), radius=round(5 * s), fill=(150, 165, 190, 255)
        )
    # the seal with a tick
    d.ellipse(
        box(132, 140, 232, 240), fill=(214, 40, 40, 255), outline=(255, 255, 255, 255), width=round(6 * s)
    )
    d.line(
        [(round(x * s), round(y * s)) for x, y in [(158, 191), (176, 210), (208, 170)]],
        fill=(255, 255, 255, 255),
        width=round(13 * s),
        joint="curve",
    )
    return img


def load_source(path: Path) -> Image.Image:
    if path.suffix.lower() == ".svg":
        return _render_svg(path)
    img = Image.open(path).convert("RGBA")
    side = max(img.size)
    square = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    square.paste(img, ((side - img.width) // 2, (side - img.height) // 2))
    return square


def _render_svg(path: Path) -> Image.Image:
    import io

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icon", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise SystemExit(f"make_icon: not a valid SVG: {path}")
    image = QImage(BASE, BASE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def find_source(explicit: Path | None) -> Path | None:
    if explicit is not None:
        return explicit
    for name in ("kami.png", "kami.svg", "app.png", "app.svg"):
        if (ICON_DIR / name).is_file():
            return ICON_DIR / name
    return None


def make_icon(out: Path, source: Path | None = None, png: Path | None = None) -> Path:
    src = find_source(source)
    base = load_source(src) if src else draw_icon()
    out.parent.mkdir(parents=True, exist_ok=True)
    frames = [base.resize((n, n), Image.Resampling.LANCZOS) for n in SIZES]
    frames[-1].save(out, format="ICO", sizes=[(n, n) for n in SIZES], append_images=frames[:-1])
    if png is not None:
        png.parent.mkdir(parents=True, exist_ok=True)
        frames[-1].save(png, format="PNG")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the .ico to write")
    parser.add_argument("--source", type=Path, help="PNG or SVG to make it from")
    parser.add_argument("--png", type=Path, help="also write the 256 px PNG here")
    args = parser.parse_args(argv)
    make_icon(args.out, args.source, args.png)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
