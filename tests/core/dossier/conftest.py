"""One realistic case built once per module: most tests only read its output back."""

from __future__ import annotations

import pytest

from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.profile import Profile

from .cases import make_case, options


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("dossier")
    prof = Profile.open(root / "profile")
    case = make_case(prof, root / "src")
    result = build_dossier(
        prof, case.case_id, options(root / "out", summary="原告在被告平台充值。\n被告无故扣除余额。")
    )
    yield prof, case, result, root
    prof.close()
