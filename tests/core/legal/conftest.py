"""Fixtures for the legal rules engine tests: small data files written to a temp dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture
def write_json(tmp_path: Path):
    """write_json(name, obj) -> Path of a UTF-8 JSON file in a fresh temp dir."""

    def _write(name: str, obj) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(obj, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def two_step_lpr(write_json):
    """A fictitious LPR table (rates chosen for easy hand arithmetic, not real history)."""
    from kami_desktop.core.legal.data import load_lpr

    path = write_json(
        "lpr.json",
        {
            "last_verified": "2025-12-31",
            "source": "test fixture",
            "one_year": [
                {"effective": "2025-01-01", "rate": "4.00", "confirmed": True},
                {"effective": "2025-03-01", "rate": "3.00", "confirmed": True},
                {"effective": "2025-10-20", "rate": "2.50", "confirmed": False},
            ],
            "five_year": [],
        },
    )
    return load_lpr(path)
