"""Editing that fits evidence work: a 来源 field, a China-time date picker for 拍摄时间, bulk edit of a
selection (undoable), and the drop highlight over the whole window, outside the splitter."""

import json

import pytest
from PySide6.QtCore import QDate, QDateTime, QMimeData, QPoint, QPointF, Qt, QTime, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.store.ledger import entries
from kami_desktop.core.store.model import Exhibit
from tests.gui.conftest import import_and_wait
from tests.gui.test_import_gui import _drag_enter as _drag_enter_event
from tests.gui.test_undo_gui import _click_tile, _key, type_chinese
from tests.helpers import screenshot

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def four(qtbot, case_window, tmp_path):
    report = import_and_wait(
        qtbot, case_window, [screenshot(tmp_path / f"订单{i}.png", 60 + i) for i in range(4)]
    )
    return [i.exhibit_id for i in report.imported]


def _exhibit(profile, exhibit_id):
    with profile.session() as s:
        ex = s.get(Exhibit, exhibit_id)
        return ex.category, ex.purpose, ex.source, list(ex.tags), ex.captured_at


def test_source_and_capture_time_are_edited_in_the_panel_in_china_time(
    qtbot, case_window, profile, case_id, four
):
    view = case_window.evidence
    _click_tile(qtbot, view, four[0])
    detail = view.detail
    imported_time = _exhibit(profile, four[0])[4]
    assert detail.captured.value() == imported_time.replace(microsecond=0)  # shown to the second, China time
    detail.title.setFocus()
    qtbot.keyClick(detail.title, Qt.Key.Key_Tab)  # passing through the fields changes nothing
    assert _exhibit(profile, four[0])[4] == imported_time
    assert detail.captured.edit.calendarPopup()
    detail.source.setFocus()
    type_chinese(detail.source, "本人手机截图（华为 P40）")
    qtbot.keyClick(detail.source, Qt.Key.Key_Return)
    assert _exhibit(profile, four[0])[2] == "本人手机截图（华为 P40）"
    edit = detail.captured.edit
    edit.setFocus()
    edit.setDateTime(QDateTime(QDate(2025, 3, 12), QTime(20, 30, 5)))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    captured = _exhibit(profile, four[0])[4]
    assert captured.isoformat() == "2025-03-12T20:30:05+08:00"
    with profile.session() as s:
        last = json.loads([e for e in entries(s, case_id) if e.action == "exhibit.edit"][-1].payload)
    assert last["changes"]["captured_at"]["new"] == "2025-03-12T20:30:05+08:00"
    assert edit.text() == "2025-03-12 20:30:05"
    # 清除 empties it again, saved at once
    qtbot.mouseClick(detail.captured.clear_button, Qt.MouseButton.LeftButton)
    assert _exhibit(profile, four[0])[4] is None and detail.captured.value() is None
    assert detail.captured.edit.text() == "未填写"


def test_bulk_edit_sets_category_purpose_source_and_tags_on_the_selection_and_undoes(
    qtbot, case_window, profile, case_id, four
):
    win, view = case_window, case_window.evidence
    _click_tile(qtbot, view, four[0])
    _click_tile(qtbot, view, four[2], CTRL)
    _click_tile(qtbot, view, four[3], CTRL)
    bulk = view.bulk
    assert view.side.currentWidget() is bulk and "3 项" in bulk.heading.text()
    assert not bulk.apply_button.isEnabled()  # nothing to set yet
    bulk.category.setCurrentIndex(bulk.category.findData("non_delivery"))
    bulk.purpose.setFocus()
    type_chinese(bulk.purpose, "证明付款后未收到卡密")
    bulk.source.setFocus()
    type_chinese(bulk.source, "本人手机截图")
    bulk.tags.setFocus()
    type_chinese(bulk.tags, "订单，未发货")
    assert bulk.apply_button.text() == "应用到 3 项"
    qtbot.mouseClick(bulk.apply_button, Qt.MouseButton.LeftButton)
    for i in (four[0], four[2], four[3]):
        assert _exhibit(profile, i)[:4] == (
            "non_delivery",
            "证明付款后未收到卡密",
            "本人手机截图",
            ["订单", "未发货"],
        )
    assert _exhibit(profile, four[1])[:4] == ("other", "", "", [])
    rows = {r.id: r for r in view.model.all_rows()}
    assert rows[four[2]].category == "non_delivery" and rows[four[1]].category == "other"
    with profile.session() as s:
        edits = [e for e in entries(s, case_id) if e.action == "exhibit.edit"]
    assert sorted(e.exhibit_id for e in edits) == sorted([four[0], four[2], four[3]])  # one entry per exhibit
    assert bulk.source.text() == "" and "统一修改 3 项证据" in win.undo_action.text()
    _key(qtbot, view, Qt.Key.Key_Z, CTRL)
    for i in (four[0], four[2], four[3]):
        assert _exhibit(profile, i)[:4] == ("other", "", "", [])
    _key(qtbot, view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert _exhibit(profile, four[3])[0] == "non_delivery"
    # back to one exhibit: its own form, showing what the bulk edit set
    _click_tile(qtbot, view, four[2])
    assert view.side.currentWidget() is view.detail and view.detail.source.text() == "本人手机截图"
    assert verify(profile).ok


def _drag_enter(win, paths):
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(win.width() / 2, win.height() / 2)
    QApplication.sendEvent(win, _drag_enter_event(pos, md))
    return md, pos


def test_the_drop_highlight_covers_the_whole_window_and_leaves_the_layout_alone(
    qtbot, case_window, profile, case_id, tmp_path
):
    win = case_window
    sizes = win.splitter.sizes()
    search_width = win.evidence.search.width()
    path = screenshot(tmp_path / "拖进来.png", 5)
    md, pos = _drag_enter(win, [path])
    overlay = win.overlay
    assert overlay.isVisible() and overlay.parentWidget() is win
    assert overlay.geometry() == win.rect()
    assert win.splitter.count() == 2 and win.splitter.indexOf(overlay) == -1
    qtbot.wait(20)
    assert win.splitter.sizes() == sizes and win.evidence.search.width() == search_width
    assert overlay.mapTo(win, QPoint(0, 0)) == QPoint(0, 0)
    win.resize(win.width() - 100, win.height() - 50)
    qtbot.waitUntil(lambda: overlay.geometry() == win.rect(), timeout=2000)
    with qtbot.waitSignal(win.imports.finished, timeout=20000):
        drop = QDropEvent(
            pos, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(win, drop)
    assert not overlay.isVisible() and win.splitter.count() == 2
