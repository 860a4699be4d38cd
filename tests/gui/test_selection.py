"""Selecting many exhibits at once (the end of a 1,000-file import) stays cheap and exact."""

from kami_desktop.gui.evidence_view import _runs
from tests.gui.bulk import bulk_exhibits


def test_runs_merge_adjacent_rows():
    assert _runs([]) == []
    assert _runs([3, 4, 5, 9]) == [(3, 5), (9, 9)]
    assert _runs([1, 1, 2]) == [(1, 2)]


def test_selecting_a_thousand_new_exhibits_gives_back_exactly_those(qtbot, window, profile, case_id):
    bulk_exhibits(profile, case_id, 1500)
    view = window.evidence
    with qtbot.waitSignal(view.loaded, timeout=10000):
        window.sidebar.refresh(select=case_id)
    ids = [view.model.exhibit_at(r).id for r in range(view.model.rowCount())]
    chosen = ids[200:1200] + ids[1300:1301]
    view.select_ids(chosen)
    assert sorted(view.selected_ids()) == sorted(chosen)
    assert len(view.grid.selectionModel().selection()) == 2  # two ranges, not 1,001
