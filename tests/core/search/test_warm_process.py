"""The desktop app warms the search index in a child process: the child does what ``warm`` does in
this process, beside the profile's writer; it is kept for the next warm-up and leaves when idle; a
cancel kills it and returns at once, leaving the index as it was; a child that dies is an error with
what it wrote, and the next warm-up starts a new one."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
import threading
import time

import pytest

from kami_desktop.core.search import index as search_index
from kami_desktop.core.search import search, warm
from kami_desktop.core.search.index import SearchIndexError
from kami_desktop.core.search.warm_process import WarmProcess, child_command, serve
from kami_desktop.core.tasks import CancelToken
from tests.core.search.test_search import shot

NOTHING = {"exhibits": 0, "documents": 0, "removed": 0, "renumbered": 0}


def _state(profile) -> tuple[list, list]:
    con = sqlite3.connect(search_index.index_path(profile))
    try:
        return (
            con.execute("SELECT case_id, stamp FROM cases").fetchall(),
            con.execute("SELECT id, exhibit_id, part, text FROM docs ORDER BY id").fetchall(),
        )
    finally:
        con.close()


@pytest.fixture
def warmer():
    w = WarmProcess()
    yield w
    w.close()


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_the_child_warms_the_index_beside_the_writer_and_is_kept(warmer, profile, case_id, tmp_path):
    for i in range(3):
        shot(profile, case_id, tmp_path, f"{i}.png", 40 + i, (f"第{i}张 充值失败订单",))
    assert child_command()[1:] == ["-m", "kami_desktop.core.search.warm_process"]
    # this process holds the profile's write lock, as the window does
    assert warmer.warm(profile.data_dir, case_id) == {**NOTHING, "exhibits": 3, "documents": 6}
    first = warmer.pid
    before = _state(profile)
    assert len(search(profile, case_id, "失败订单")) == 3
    assert _state(profile) == before  # the search found the index current: nothing re-indexed
    shot(profile, case_id, tmp_path, "新.png", 50, ("退款申请已提交",))
    assert warmer.warm(profile.data_dir, case_id) == {**NOTHING, "exhibits": 1, "documents": 2}
    assert warmer.pid == first and warmer.started == 1  # the same child did both
    assert warm(profile, case_id) == NOTHING  # current in this process's eyes too
    assert [h.snippet.text for h in search(profile, case_id, "退款申请")] == ["退款申请已提交"]


def test_serve_answers_each_request_and_a_bad_one_with_an_error(profile, case_id, tmp_path):
    shot(profile, case_id, tmp_path, "1.png", 41, ("充值失败订单",))
    requests = [
        {"data_dir": str(profile.data_dir), "case_id": case_id},
        "not json",
        {"case_id": case_id},
        {"data_dir": str(profile.data_dir), "case_id": case_id},
    ]
    stdin = io.BytesIO(
        b"".join((r if isinstance(r, str) else json.dumps(r)).encode() + b"\n" for r in requests)
    )
    stdout = io.BytesIO()
    assert serve(stdin, stdout) == 0
    answers = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert answers == [
        {"ok": {**NOTHING, "exhibits": 1, "documents": 2}},
        {"error": "无效的请求"},
        {"error": "无效的请求"},
        {"ok": NOTHING},
    ]


def test_a_cancel_kills_the_child_at_once_and_the_next_warm_up_starts_another(profile, case_id, tmp_path):
    shot(profile, case_id, tmp_path, "1.png", 41, ("充值失败订单",))
    hang = WarmProcess(_python("import sys, time; sys.stdin.readline(); time.sleep(60)"))
    token = CancelToken()
    threading.Timer(0.3, token.cancel).start()
    t = time.monotonic()
    try:
        assert hang.warm(profile.data_dir, case_id, cancel=token) is None
        assert time.monotonic() - t < 10  # not the child's 60 s
        assert hang.pid is None and hang.started == 1  # killed, and no other started for this request
    finally:
        hang.close()
    assert WarmProcess().warm(profile.data_dir, case_id, cancel=token) is None  # cancelled before
    assert not search_index.index_path(profile).exists()  # nothing was started, nothing written


def test_a_cancelled_warm_up_in_the_child_leaves_the_index_as_it_was(warmer, profile, case_id, tmp_path):
    shot(profile, case_id, tmp_path, "1.png", 41, ("充值失败订单",))
    assert warmer.warm(profile.data_dir, case_id)["documents"] == 2
    before = _state(profile)
    lines = tuple(f"第{i}行 订单号 KM20260528{i:06d} 充值未到账" for i in range(20000))
    shot(profile, case_id, tmp_path, "长截图.png", 7, lines)
    token = CancelToken()

    def cancel_inside_its_transaction() -> None:  # once the child holds the index's write lock
        con = sqlite3.connect(search_index.index_path(profile), timeout=0, isolation_level=None)
        try:
            while not token.cancelled:
                try:
                    con.execute("BEGIN IMMEDIATE")
                    con.execute("ROLLBACK")
                except sqlite3.OperationalError:  # locked: the child is in ``refresh``
                    token.cancel()
                time.sleep(0.01)
        finally:
            con.close()

    threading.Thread(target=cancel_inside_its_transaction, daemon=True).start()
    assert warmer.warm(profile.data_dir, case_id, cancel=token) is None
    assert _state(profile) == before  # killed inside its transaction: nothing of it was kept
    assert warmer.warm(profile.data_dir, case_id)["documents"] == 20001
    assert warmer.started == 2


def test_a_child_that_dies_is_an_error_with_its_last_words(profile, case_id):
    dying = WarmProcess(_python("import sys; sys.stderr.write('索引进程崩溃了'); sys.exit(3)"))
    try:
        with pytest.raises(SearchIndexError, match="索引进程崩溃了"):
            dying.warm(profile.data_dir, case_id)
        assert dying.started == 2  # one more try with a new child, in case the first had just left
    finally:
        dying.close()


def test_an_idle_child_leaves_and_the_next_request_starts_a_new_one(profile, case_id, tmp_path):
    shot(profile, case_id, tmp_path, "1.png", 41, ("充值失败订单",))
    code = "from kami_desktop.core.search.warm_process import serve; raise SystemExit(serve(idle=0.5))"
    w = WarmProcess(_python(code))
    try:
        assert w.warm(profile.data_dir, case_id)["documents"] == 2
        proc = w._proc
        assert proc is not None
        proc.wait(timeout=20)  # it left by itself
        assert w.warm(profile.data_dir, case_id) == NOTHING
        assert w.started == 2
    finally:
        w.close()


def test_the_kami_command_serves_too_and_terminate_stops_for_good(profile, case_id, tmp_path):
    shot(profile, case_id, tmp_path, "1.png", 41, ("充值失败订单",))
    w = WarmProcess(_python("from kami_desktop.cli import main; raise SystemExit(main(['search-warmer']))"))
    assert w.warm(profile.data_dir, case_id)["documents"] == 2  # the frozen app's ``kami search-warmer``
    proc = w._proc
    w.terminate()  # its owner is gone
    assert proc is not None and proc.wait(timeout=10) is not None
    assert w.warm(profile.data_dir, case_id) is None and w.started == 1
    w.close()
