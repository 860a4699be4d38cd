"""The GUI bench's warm-up part stays runnable: on a small case of ``bench/search.py`` it browses with
the index current, then while it is warmed (in the child process, and on a thread as before), and
reports a lateness for each. No figure is asserted: only that it measured what it says."""

from __future__ import annotations

import pytest

from bench import _warm_gui as wg


@pytest.mark.parametrize("in_thread", [False, True])
def test_the_warm_up_bench_measures_both_phases(qtbot, tmp_path, monkeypatch, capsys, in_thread):
    monkeypatch.setattr(wg, "CASE_CACHE", tmp_path / "cases")
    r = wg.bench_warm_gui(in_thread=in_thread, steps=30, sizes=(40, 200, 30))
    assert r["documents"] > 40 * 12  # OCR lines, chat messages, bill rows, the user's words
    for name in ("scroll", "switch"):
        phase = r[name]
        assert phase["warmed"]["documents"] == r["documents"]  # the index was rebuilt while browsing
        assert phase["warm_worst_ms"] >= phase["warm_p99_ms"] >= 0
        assert phase["idle_worst_ms"] >= phase["idle_p99_ms"] >= 0
    assert r["switch"]["idle_slowest"]["switch"] > 0 and r["scroll"]["idle_slowest"]["switch"] == 0
    assert (tmp_path / "cases" / "40-200-30" / "built").exists()  # kept for the next run
    wg.print_warm_gui(r)
    where = "on a thread of the window's process" if in_thread else "in its child process"
    assert where in capsys.readouterr().out
