"""HEIC photos made with pillow_heif, as an iPhone stores them: EXIF capture time and an Orientation tag."""

from __future__ import annotations

from pathlib import Path

from PIL import Image


def heic_photo(path: Path, *, size=(160, 80), taken="2025:03:12 20:30:11", orientation=6) -> Path:
    """A landscape HEIC (left half red, right half blue) whose EXIF says to turn it (6: 90° clockwise)."""
    import pillow_heif

    im = Image.new("RGB", size, (220, 20, 20))
    im.paste((20, 20, 220), (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif[274] = orientation
    exif[306] = taken
    exif.get_ifd(0x8769)[36867] = taken
    exif.get_ifd(0x8769)[36881] = "+08:00"
    heif = pillow_heif.from_pillow(im)
    path.parent.mkdir(parents=True, exist_ok=True)
    heif.save(path, quality=90, exif=exif.tobytes())
    return path
