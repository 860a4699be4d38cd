"""Shared fixtures: every test gets its own temporary profile; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from kami_desktop.core.profile import Profile  # noqa: E402


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
