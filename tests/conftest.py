"""Shared fixtures: every test gets its own temporary profile; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kami_desktop.core.profile import Profile  # noqa: E402

# The crash/kill trials (marker ``slow``) repeat KAMI_CRASH_TRIALS times, 16 unless set (`make stress`).
CRASH_TRIALS = int(os.environ.get("KAMI_CRASH_TRIALS", "16"))


def pytest_configure(config: pytest.Config) -> None:
    """The PDF/DOCX font is built by `make fonts`; a bare `pytest` on a fresh checkout builds it once here
    (in the controlling process, before any xdist worker starts), when fonts-noto-cjk is installed."""
    if hasattr(config, "workerinput"):
        return
    import subprocess
    import sys

    from kami_desktop.core.util.cjkfont import SERIF_FILES, serif_path

    if all(serif_path(w) for w in SERIF_FILES):
        return
    script = Path(__file__).resolve().parent.parent / "packaging" / "subset_cjk_font.py"
    subprocess.run([sys.executable, str(script)], check=False)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The per-test ceiling (pyproject: ``timeout``) allows for 16 trials; more trials get more time."""
    ceiling = float(config.getoption("timeout", None) or config.getini("timeout") or 0)
    if ceiling <= 0 or CRASH_TRIALS <= 16:
        return
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(ceiling * CRASH_TRIALS / 16))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    d = tmp_path / "profile"
    monkeypatch.setenv("KAMI_DATA_DIR", str(d))
    return d


@pytest.fixture
def profile(data_dir: Path):
    prof = Profile.open(data_dir)
    yield prof
    prof.close()


@pytest.fixture
def case_id(profile) -> int:
    from kami_desktop.core.case.cases import create_case

    with profile.session() as s:
        return create_case(s, "星辰卡盟充值扣款纠纷", platform_name="星辰卡盟").id
