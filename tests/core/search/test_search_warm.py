"""``warm``: the case's index brought up to date ahead of the first search (the app runs it in the
background when a case opens), by a reader of the case file; the search after it rebuilds nothing, and a
cancel leaves the index as it was."""

from __future__ import annotations

import sqlite3

from kami_desktop.core.profile import Profile
from kami_desktop.core.search import index as search_index
from kami_desktop.core.search import search, warm
from kami_desktop.core.tasks import CancelToken
from tests.core.search.test_search import shot

NOTHING = {"exhibits": 0, "documents": 0, "removed": 0, "renumbered": 0}


def _state(profile: Profile) -> tuple[list, list]:
    con = sqlite3.connect(search_index.index_path(profile))
    try:
        return (
            con.execute("SELECT case_id, stamp FROM cases").fetchall(),
            con.execute("SELECT id, exhibit_id, part FROM docs ORDER BY id").fetchall(),
        )
    finally:
        con.close()


def test_a_warm_index_is_current_for_the_first_search(profile, case_id, data_dir, tmp_path):
    for i in range(3):
        shot(profile, case_id, tmp_path, f"{i}.png", 40 + i, (f"第{i}张 充值失败订单",))
    # done by a reader beside the window's writer: no write lock of the case file is needed
    reader = Profile.open(data_dir, write=False)
    try:
        assert warm(reader, case_id) == {**NOTHING, "exhibits": 3, "documents": 6}
    finally:
        reader.close()
    assert warm(profile, case_id) == NOTHING  # already current
    before = _state(profile)
    assert len(search(profile, case_id, "失败订单")) == 3
    assert _state(profile) == before  # the search re-indexed nothing
    with search_index.opened(profile) as (con, _mode):
        assert search_index.refresh(profile, case_id, con) == NOTHING


def test_a_cancelled_warm_up_leaves_the_index_as_it_was(profile, case_id, tmp_path):
    lines = tuple(f"第{i}行 订单号 KM20260528{i:06d} 充值未到账" for i in range(3000))
    shot(profile, case_id, tmp_path, "长截图.png", 7, lines)
    token = CancelToken()
    token.cancel()  # e.g. the window closing while the index is being built
    assert warm(profile, case_id, cancel=token) is None
    assert _state(profile) == ([], [])  # rolled back: nothing half-built
    assert warm(profile, case_id)["documents"] == 3001
    assert [h.where["line"] for h in search(profile, case_id, "KM20260528002999")] == [2999]
