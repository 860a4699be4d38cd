"""Where the data folder is by default: light enough for the window to know it before the database
layer loads (``gui/app.py`` paints first, then opens the profile)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "kami_desktop"


def default_data_dir() -> Path:
    """``--data-dir`` beats ``KAMI_DATA_DIR`` beats the platform default (%LOCALAPPDATA%\\kami_desktop)."""
    env = os.environ.get("KAMI_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))
