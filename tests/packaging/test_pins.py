"""The PySide6 pin is split by Python version: below 6.12 on Python 3.11 (6.12.0 drops references to None,
fatal there), 6.12 allowed from Python 3.12 on (None is immortal). shiboken6 always follows PySide6."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
DEPS = [
    Requirement(d)
    for d in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
]


def allowed(name: str, python: str, version: str) -> bool:
    env = {"python_version": python, "python_full_version": python + ".0"}
    reqs = [
        r for r in DEPS if r.name.lower() == name.lower() and (r.marker is None or r.marker.evaluate(env))
    ]
    assert len(reqs) == 1, (name, python, [str(r) for r in reqs])
    return Version(version) in reqs[0].specifier


@pytest.mark.parametrize("name", ["PySide6-Essentials", "shiboken6"])
def test_the_pin_below_6_12_holds_only_before_python_3_12(name):
    assert allowed(name, "3.11", "6.11.3") and not allowed(name, "3.11", "6.12.0")
    assert allowed(name, "3.12", "6.11.3") and allowed(name, "3.12", "6.12.0")
    assert allowed(name, "3.13", "6.12.0")
    for python in ("3.11", "3.12"):
        assert not allowed(name, python, "6.7.3")  # QStyleHints.setColorScheme needs Qt 6.8


def test_pyside6_and_shiboken6_allow_the_same_versions():
    for python in ("3.11", "3.12", "3.13"):
        for version in ("6.8.0", "6.11.3", "6.12.0", "6.13.0"):
            assert allowed("PySide6-Essentials", python, version) == allowed("shiboken6", python, version)
