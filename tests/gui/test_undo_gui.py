"""Nothing lost: edits save themselves, every exhibit change can be undone and redone with the keys
(each step recorded in the ledger), a Delete of several asks first, an import leaves nothing selected,
a restore puts an exhibit back where it was."""

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.store.ledger import entries
from kami_desktop.core.store.model import Exhibit
from kami_desktop.gui import messages
from kami_desktop.gui.trash_dialog import TrashDialog
from tests.gui.conftest import import_and_wait
from tests.helpers import screenshot

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def five(qtbot, case_window, tmp_path):
    paths = [screenshot(tmp_path / f"IMG_{i}.png", 40 + i) for i in range(5)]
    report = import_and_wait(qtbot, case_window, paths)
    return [i.exhibit_id for i in report.imported]


def _order(profile, case_id):
    with profile.session() as s:
        return [e.id for e in X.list_exhibits(s, case_id)]


def _actions(profile, case_id):
    with profile.session() as s:
        return [e.action for e in entries(s, case_id)]


def _last_payload(profile, case_id, action):
    with profile.session() as s:
        return json.loads([e for e in entries(s, case_id) if e.action == action][-1].payload)


def _click_tile(qtbot, view, exhibit_id, modifier=Qt.KeyboardModifier.NoModifier):
    index = view.model.index(view.model.row_for_id(exhibit_id), view.model.COL_TITLE)
    view.grid.scrollTo(index)
    qtbot.mouseClick(
        view.grid.viewport(), Qt.MouseButton.LeftButton, modifier, view.grid.visualRect(index).center()
    )


def _key(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier):
    view.grid.setFocus()
    qtbot.keyClick(view.grid, key, modifier)


def type_chinese(widget, text):
    """Chinese arrives through the input method: one committed string, as a pinyin IME sends it."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _title(profile, exhibit_id):
    with profile.session() as s:
        return s.get(Exhibit, exhibit_id).title


def test_the_import_shows_new_items_without_selecting_them_so_delete_takes_nothing(
    qtbot, case_window, profile, case_id, five
):
    view = case_window.evidence
    assert view.selected_ids() == [] and view.model.exhibit_count() == 5
    _key(qtbot, view, Qt.Key.Key_Delete)
    assert _order(profile, case_id) == five and "exhibit.trash" not in _actions(profile, case_id)


def test_a_field_saves_itself_on_leaving_it_and_ctrl_z_undoes_it_through_the_ledger(
    qtbot, case_window, profile, case_id, five
):
    win, view = case_window, case_window.evidence
    _click_tile(qtbot, view, five[1])
    detail = view.detail
    assert detail.exhibit_id == five[1]
    detail.title.setFocus()
    detail.title.selectAll()
    type_chinese(detail.title, "订单支付截图")
    qtbot.keyClick(detail.title, Qt.Key.Key_Tab)  # leaving the field saves it
    assert _title(profile, five[1]) == "订单支付截图"
    assert _last_payload(profile, case_id, "exhibit.edit")["changes"]["title"]["new"] == "订单支付截图"
    assert view.model.exhibit_at(view.model.row_for_id(five[1])).title == "订单支付截图"
    assert win.undo_action.isEnabled() and "证据 2" in win.undo_action.text()

    _key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert _title(profile, five[1]) == "IMG_1" and detail.title.text() == "IMG_1"
    undo = _last_payload(profile, case_id, "exhibit.edit")
    assert undo["changes"]["title"] == {"old": "订单支付截图", "new": "IMG_1"}  # the undo is in the ledger
    _key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _title(profile, five[1]) == "订单支付截图" and detail.title.text() == "订单支付截图"
    assert _actions(profile, case_id).count("exhibit.edit") == 3
    assert verify(profile).ok


def test_text_typed_then_leaving_the_exhibit_by_clicking_another_tile_is_kept(
    qtbot, case_window, profile, case_id, five
):
    view = case_window.evidence
    _click_tile(qtbot, view, five[0])
    detail = view.detail
    detail.purpose.setFocus()
    type_chinese(detail.purpose, "证明平台扣款后未发货")
    detail.source.setFocus()
    type_chinese(detail.source, "本人手机截图")
    _click_tile(qtbot, view, five[3])  # no Tab, no 保存: a click on another exhibit
    assert detail.exhibit_id == five[3] and detail.purpose.toPlainText() == ""
    with profile.session() as s:
        ex = s.get(Exhibit, five[0])
        assert (ex.purpose, ex.source) == ("证明平台扣款后未发货", "本人手机截图")
    _click_tile(qtbot, view, five[0])
    assert detail.purpose.toPlainText() == "证明平台扣款后未发货" and detail.source.text() == "本人手机截图"


def test_an_edit_the_core_refuses_is_not_dropped_silently(
    qtbot, case_window, profile, case_id, five, dialogs
):
    view = case_window.evidence
    _click_tile(qtbot, view, five[0])
    view.detail.title.setFocus()
    view.detail.title.selectAll()
    qtbot.keyClick(view.detail.title, Qt.Key.Key_Delete)
    qtbot.keyClick(view.detail.title, Qt.Key.Key_Tab)
    assert "证据名称不能为空" in view.detail.error.text()
    _click_tile(qtbot, view, five[2])
    assert dialogs[-1][0] == "warn" and "IMG_0" in dialogs[-1][2] and "证据名称不能为空" in dialogs[-1][2]
    assert _title(profile, five[0]) == "IMG_0"


def test_deleting_several_asks_naming_the_count_and_ctrl_z_puts_them_back_in_place(
    qtbot, case_window, profile, case_id, five, monkeypatch
):
    view = case_window.evidence
    asked = []
    answer = [False]
    monkeypatch.setattr(messages, "ask", lambda _p, title, text: asked.append(text) or answer[0])
    _click_tile(qtbot, view, five[1])
    _click_tile(qtbot, view, five[3], CTRL)
    assert sorted(view.selected_ids()) == [five[1], five[3]]
    _key(qtbot, view, Qt.Key.Key_Delete)
    assert "2 项" in asked[-1] and _order(profile, case_id) == five  # "no": nothing trashed
    answer[0] = True
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Delete)
    assert _order(profile, case_id) == [five[0], five[2], five[4]]
    assert view.model.visible_ids() == [five[0], five[2], five[4]]
    assert "3 项证据" in case_window.sidebar.list.currentItem().text()
    assert view.selected_ids() == [] and view.side.currentWidget() is view.detail  # no stale bulk form
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert _order(profile, case_id) == five  # back at their old places, not at the end
    assert case_window.statusBar().currentMessage() == "已撤销：删除 2 项证据"
    assert view.side.currentWidget() is view.bulk and sorted(view.selected_ids()) == [five[1], five[3]]
    assert [r.number for r in view.model.all_rows()] == [1, 2, 3, 4, 5]
    assert _actions(profile, case_id)[-2:] == ["exhibit.restore", "exhibit.restore"]
    assert "5 项证据" in case_window.sidebar.list.currentItem().text()
    # one exhibit: no question
    n = len(asked)
    _click_tile(qtbot, view, five[4])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Delete)
    assert len(asked) == n and _order(profile, case_id) == five[:4]


def test_restore_from_the_trash_returns_to_the_old_position_and_can_be_undone(
    qtbot, case_window, profile, case_id, five
):
    win, view = case_window, case_window.evidence
    with profile.session() as s:
        X.trash(s, five[1])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.reload()
    dlg = TrashDialog(profile, case_id, win, restore=view.restore_ids)
    qtbot.addWidget(dlg)
    dlg.table.selectionModel().select(
        dlg.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dlg.restore_selected() == [five[1]]
    assert _order(profile, case_id) == five and view.model.visible_ids() == five
    assert view.selected_ids() == [five[1]]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        win.undo_action.trigger()
    assert _order(profile, case_id) == [five[0], *five[2:]]
    assert _actions(profile, case_id)[-1] == "exhibit.trash"


def test_reorder_by_drag_and_by_alt_arrows_undo_and_redo(qtbot, case_window, profile, case_id, five):
    view = case_window.evidence
    model = view.model
    md = model.mimeData([model.index(model.row_for_id(five[4]), 1)])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        model.dropMimeData(md, Qt.DropAction.MoveAction, model.row_for_id(five[0]), 0, model.index(-1, -1))
    assert _order(profile, case_id) == [five[4], *five[:4]]
    _click_tile(qtbot, view, five[1])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _order(profile, case_id) == [five[4], five[0], five[2], five[1], five[3]]
    assert view.selected_ids() == [five[1]]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert _order(profile, case_id) == [five[4], *five[:4]]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert _order(profile, case_id) == five
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Y, CTRL)
    assert _order(profile, case_id) == [five[4], *five[:4]]
    assert _actions(profile, case_id)[-4:] == ["exhibit.reorder"] * 4
    assert verify(profile).ok


def test_merge_and_split_undo_give_back_the_exhibits(qtbot, case_window, profile, case_id, five, dialogs):
    win, view = case_window, case_window.evidence
    with profile.session() as s:
        X.edit_exhibit(s, five[2], category="funds", purpose="付款记录")
    _click_tile(qtbot, view, five[1])
    _click_tile(qtbot, view, five[2], CTRL)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.merge_selected()
    assert _order(profile, case_id) == [five[0], five[1], five[3], five[4]]
    assert "4 项证据" in win.sidebar.list.currentItem().text()  # the count follows a merge
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Z, CTRL)
    order = _order(profile, case_id)
    assert len(order) == 5 and order[:2] == five[:2] and order[3:] == five[3:]
    with profile.session() as s:
        back = s.get(Exhibit, order[2])
        assert (back.title, back.category, back.purpose) == ("IMG_2", "funds", "付款记录")
        assert [f.original_name for f in back.files] == ["IMG_2.png"]
    assert "5 项证据" in win.sidebar.list.currentItem().text()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)  # merge again
    assert _order(profile, case_id) == [five[0], five[1], five[3], five[4]]
    view.select_ids([five[1]])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.split_current()
    assert len(_order(profile, case_id)) == 5
    with qtbot.waitSignal(view.loaded, timeout=5000):
        win.undo_action.trigger()
    assert _order(profile, case_id) == [five[0], five[1], five[3], five[4]]
    assert verify(profile).ok


def test_the_edit_menu_holds_undo_redo_and_reorder(case_window):
    win = case_window
    edit = next(a.menu() for a in win.menuBar().actions() if a.text().startswith("编辑"))
    names = [a.objectName() for a in edit.actions()]
    assert names[:2] == ["undoAction", "redoAction"]
    assert {"moveUpAction", "moveDownAction"} <= set(names)
    assert win.undo_action.shortcut().toString() == "Ctrl+Z"
    assert [k.toString() for k in win.redo_action.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_moving_a_file_to_another_exhibit_is_undone_with_its_exhibit(
    qtbot, case_window, profile, case_id, five
):
    view = case_window.evidence
    view.select_ids([five[1]])
    fid = view.detail.selected_file_id()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.move_file_to(fid, five[3])  # five[1] held only this file: it is emptied and deleted
    assert five[1] not in _order(profile, case_id) and view.model.exhibit_count() == 4
    with qtbot.waitSignal(view.loaded, timeout=5000):
        _key(qtbot, view, Qt.Key.Key_Z, CTRL)
    order = _order(profile, case_id)
    assert len(order) == 5 and order[0] == five[0] and order[2:] == five[2:]
    with profile.session() as s:
        assert [f.original_name for f in s.get(Exhibit, order[1]).files] == ["IMG_1.png"]
        assert [f.original_name for f in s.get(Exhibit, five[3]).files] == ["IMG_3.png"]
    assert _actions(profile, case_id)[-1] == "exhibit.reorder"
    assert verify(profile).ok


def test_the_tile_menu_offers_the_changes_for_the_selection(
    qtbot, case_window, profile, case_id, five, dialogs
):
    view = case_window.evidence
    _click_tile(qtbot, view, five[1])
    _click_tile(qtbot, view, five[2], CTRL)
    index = view.model.index(view.model.row_for_id(five[2]), view.model.COL_TITLE)
    menu = view.context_menu_for(view.grid, view.grid.visualRect(index).center())
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert actions["合并所选证据"].isEnabled() and not actions["重命名"].isEnabled()
    assert "删除 2 项到回收站…" in actions
    with qtbot.waitSignal(view.loaded, timeout=5000):
        actions["下移一项"].trigger()
    assert _order(profile, case_id) == [five[0], five[3], five[1], five[2], five[4]]
    # a right click on a tile outside the selection selects that tile alone
    index = view.model.index(view.model.row_for_id(five[4]), view.model.COL_TITLE)
    menu = view.context_menu_for(view.grid, view.grid.visualRect(index).center())
    assert view.selected_ids() == [five[4]] and {a.text() for a in menu.actions()} >= {
        "重命名",
        "删除到回收站",
    }


def test_dragging_a_tile_in_the_grid_shows_a_bar_and_reorders_undoably(
    qtbot, case_window, profile, case_id, five
):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent

    view = case_window.evidence
    grid, model = view.grid, view.model
    md = model.mimeData([model.index(model.row_for_id(five[4]), 1)])
    target = grid.visualRect(model.index(model.row_for_id(five[1]), 1))
    pos = QPointF(target.left() + 10, target.center().y())  # the left half of tile 2: before it
    args = (Qt.DropAction.MoveAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos.toPoint(), *args)
    QApplication.sendEvent(grid.viewport(), enter)
    move = QDragMoveEvent(pos.toPoint(), *args)
    QApplication.sendEvent(grid.viewport(), move)
    assert enter.isAccepted() and move.isAccepted()
    assert grid.drop_bar is not None and grid.drop_bar.right() <= target.left() + 2  # the bar before tile 2
    assert not grid.viewport().grab().isNull()
    with qtbot.waitSignal(view.loaded, timeout=20000):
        drop = QDropEvent(pos, *args)
        QApplication.sendEvent(grid.viewport(), drop)
    assert grid.drop_bar is None and drop.isAccepted()
    assert not model.removeRows(0, 1)  # a Move drag ending here removes nothing from the model
    assert _order(profile, case_id) == [five[0], five[4], five[1], five[2], five[3]]
    assert view.selected_ids() == [five[4]]
    with qtbot.waitSignal(view.loaded, timeout=20000):
        _key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert _order(profile, case_id) == five
    # the right half of the last tile: to the end; sorted by time, no reorder at all
    last = grid.visualRect(model.index(model.row_for_id(five[4]), 1))
    assert grid.drop_target(QPoint(last.right() - 5, last.center().y()))[0] == 5
    view.sort_box.setCurrentIndex(1)
    refused = QDragMoveEvent(pos.toPoint(), *args)
    QApplication.sendEvent(grid.viewport(), refused)
    assert not refused.isAccepted()


def test_text_typed_just_before_closing_the_window_is_saved(qtbot, case_window, profile, case_id, five):
    view = case_window.evidence
    _click_tile(qtbot, view, five[2])
    view.detail.notes.setFocus()
    type_chinese(view.detail.notes, "周五下午打过客服电话")
    case_window.close()
    with profile.session() as s:
        assert s.get(Exhibit, five[2]).notes == "周五下午打过客服电话"


def test_a_deleted_file_dropped_again_offers_to_restore_the_deleted_exhibit(
    qtbot, case_window, profile, case_id, five, dialogs, tmp_path
):
    view = case_window.evidence
    gone = five[2]
    _click_tile(qtbot, view, gone)
    _key(qtbot, view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: gone not in view.model.visible_ids(), timeout=5000)
    with qtbot.waitSignal(case_window.imports.finished, timeout=20000):
        case_window.import_paths([str(tmp_path / "IMG_2.png")])  # the same file, dropped again
    question = [d for d in dialogs if d[0] == "ask"][-1]
    assert question[1] == "恢复回收站中的证据" and "此文件已在回收站中（证据“IMG_2”）" in question[2]
    # restored at its old place; the copy just made went to the 回收站
    qtbot.waitUntil(lambda: _order(profile, case_id) == five, timeout=5000)
    qtbot.waitUntil(lambda: view.model.visible_ids() == five, timeout=5000)
    with profile.session() as s:
        copies = [e.id for e in X.list_exhibits(s, case_id, trashed=True)]
    assert len(copies) == 1 and copies[0] not in five
    _key(qtbot, view, Qt.Key.Key_Z, CTRL)  # one step back: the copy is the exhibit, the old one deleted
    qtbot.waitUntil(lambda: gone not in _order(profile, case_id), timeout=5000)
    assert copies[0] in _order(profile, case_id)


def test_declining_the_restore_keeps_the_new_exhibit(qtbot, case_window, profile, case_id, five, monkeypatch):
    view = case_window.evidence
    _click_tile(qtbot, view, five[0])
    _key(qtbot, view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: five[0] not in view.model.visible_ids(), timeout=5000)
    monkeypatch.setattr(messages, "ask", lambda *_a: False)
    with qtbot.waitSignal(case_window.imports.finished, timeout=20000) as done:
        case_window.import_paths([str(five_path(case_window, profile, five[0]))])
    new = done.args[0].imported[0].exhibit_id
    assert done.args[0].imported[0].trashed_exhibit_id == five[0]
    qtbot.waitUntil(lambda: new in view.model.visible_ids(), timeout=5000)
    assert five[0] not in _order(profile, case_id)


def five_path(window, profile, exhibit_id):
    with profile.session() as s:
        return X.get_exhibit(s, exhibit_id).files[0].original_path
