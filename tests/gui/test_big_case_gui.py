import gc
import sys
import time

from sqlalchemy import event

from kami_desktop.gui.evidence_model import EvidenceModel, RowRole, ThumbRole
from tests.gui.bulk import bulk_exhibits


def test_ten_thousand_exhibits_load_with_one_query_and_no_db_in_data(qtbot, case_window, profile, case_id):
    view = case_window.evidence
    # the search index's warm-up reads the case file on a thread of its own: not the grid's queries
    case_window.workspace.warmup.shutdown()
    bulk_exhibits(profile, case_id, 10_000)
    statements = []

    def count(*_a, **_k):
        statements.append(1)

    event.listen(profile.engine, "before_cursor_execute", count)
    try:
        t0 = time.perf_counter()
        with qtbot.waitSignal(view.loaded, timeout=15000):
            view.reload()
        load_s = time.perf_counter() - t0
        loaded_with = len(statements)
        model = view.model
        assert model.rowCount() == 10_000 and model.exhibit_count() == 10_000
        assert [model.exhibit_at(i).number for i in (0, 4999, 9999)] == [1, 5000, 10000]
        for row in range(0, 10_000, 37):  # every role of every column, like a scrolling view asks
            for col in range(model.columnCount()):
                idx = model.index(row, col)
                for role in (0, 1, 3, RowRole, ThumbRole):
                    model.data(idx, role)
        view.table_button.click()
        view.table.scrollToBottom()
        view.grid.scrollToBottom()
        case_window.grab()
        assert len(statements) == loaded_with, "data() or painting must not query the database"
        assert loaded_with <= 3
    finally:
        event.remove(profile.engine, "before_cursor_execute", count)
    print(f"10k load {load_s:.2f}s")
    # painting thousands of tiles must not leak references to None (PySide6 6.12.0 did). Only growth
    # is a leak: garbage freed while painting lowers the count, so collect first and allow a fall.
    gc.collect()
    none_refs = sys.getrefcount(None)
    view.grid_button.click()
    bar = view.grid.verticalScrollBar()
    for k in range(6):
        bar.setValue(bar.maximum() * k // 5)
        view.grid.viewport().grab()
    gc.collect()
    assert sys.getrefcount(None) - none_refs < 1000
    model.set_filter("funds", "聊天截图 0001")
    assert {model.exhibit_at(r).title for r in range(model.rowCount())} == {
        "聊天截图 00012",
        "聊天截图 00018",
    }
    model.set_filter(None, "")
    model.set_grouped(True)
    assert model.rowCount() == 10_006
    model.set_sort("captured")
    caps = [r.captured_at for r in (model.exhibit_at(i) for i in range(model.rowCount())) if r]
    assert len(caps) == 10_000
    assert isinstance(model, EvidenceModel)
