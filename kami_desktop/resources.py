"""One place to find bundled resources, from source, installed or frozen (PyInstaller)."""

from __future__ import annotations

import sys
from pathlib import Path


def package_root() -> Path:
    """Directory of the ``kami_desktop`` package (inside ``sys._MEIPASS`` when frozen)."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "kami_desktop"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource below ``kami_desktop/resources``."""
    return package_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    return package_root() / "migrations"
