"""识别建议 in the window: shown in the detail panel, never applied silently; 采用 and 全部采用 save as an
edit the undo stack takes back; the bulk dialog saves only what is ticked; the bill rows open on the 账单
tab and a row's screenshots on the 证据 tab; the claim offer adds an item only when the user confirms."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from kami_desktop.core.case.claims import list_items
from kami_desktop.core.store.ledger import entries
from kami_desktop.core.store.model import Exhibit
from kami_desktop.core.triage.bill_match import case_matches
from kami_desktop.gui import suggestion_dialog
from kami_desktop.gui.bill_table_model import RefRole
from kami_desktop.gui.suggestion_dialog import SuggestionDialog
from kami_desktop.gui.triage_links import add_screenshot_actions
from tests.core.triage.fixtures import ORDER_NO, ORDER_PAGE, PAYMENT_PAGE, import_the_bill, shot


@pytest.fixture
def scene(qtbot, case_window, profile, case_id, tmp_path):
    import_the_bill(profile, case_id, tmp_path)
    order = shot(profile, case_id, tmp_path, "order.png", ORDER_PAGE, seed=1)
    paid = shot(profile, case_id, tmp_path, "paid.png", PAYMENT_PAGE, seed=2)
    view = case_window.evidence
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.reload()
    with qtbot.waitSignal(case_window.workspace.bills.loaded, timeout=5000):
        case_window.workspace.bills.reload()
    return case_window, order, paid


def show(qtbot, view, exhibit_id):
    panel = view.detail.suggestions
    with qtbot.waitSignal(panel.loaded, timeout=5000, check_params_cb=lambda i: i == exhibit_id):
        view.select_ids([exhibit_id])
    return panel


def fields(profile, exhibit_id):
    with profile.session() as s:
        ex = s.get(Exhibit, exhibit_id)
        return ex.category, ex.title, ex.purpose, ex.captured_at


def actions(profile, case_id):
    with profile.session() as s:
        return [e.action for e in entries(s, case_id)]


def test_shown_never_applied_then_accepted_and_undone(qtbot, scene, profile, case_id):
    win, order, _paid = scene
    view = win.evidence
    before = fields(profile, order)
    log = actions(profile, case_id)
    panel = show(qtbot, view, order)
    assert panel.isVisible() and set(panel.buttons) == {"category", "title", "purpose", "captured_at"}
    assert fields(profile, order) == before and actions(profile, case_id) == log  # shown, not saved
    assert before[0] == "other"

    qtbot.mouseClick(panel.buttons["category"], Qt.MouseButton.LeftButton)
    assert fields(profile, order)[0] == "non_delivery"
    assert view.detail.category.currentData() == "non_delivery"
    assert actions(profile, case_id)[-1] == "exhibit.edit"
    qtbot.waitUntil(lambda: "category" not in panel.buttons, timeout=5000)  # accepted: no longer offered

    view.undo_stack.undo()
    assert fields(profile, order) == before
    with profile.session() as s:
        last = [e for e in entries(s, case_id) if e.action == "exhibit.edit"][-1]
        assert json.loads(last.payload)["changes"]["category"] == {"old": "non_delivery", "new": "other"}

    qtbot.waitUntil(lambda: "category" in panel.buttons, timeout=5000)
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    category, title, purpose, when = fields(profile, order)
    assert (category, title) == ("non_delivery", f"订单详情 {ORDER_NO}（未到账）")
    assert purpose.startswith("证明本人于2025年3月12日支付的订单") and when is not None
    view.undo_stack.undo()  # 全部采用 is one step
    assert fields(profile, order) == before


def test_bill_row_both_ways(qtbot, scene, profile, case_id):
    win, order, _paid = scene
    panel = show(qtbot, win.evidence, order)
    assert len(panel.bill_buttons) == 1
    bills = win.workspace.bills
    qtbot.mouseClick(panel.bill_buttons[0], Qt.MouseButton.LeftButton)
    assert win.workspace.currentWidget() is bills
    with profile.session() as s:
        [match] = case_matches(s, case_id).for_exhibit(order)
    selected = bills.table.selectionModel().selectedRows()[0]
    ref = selected.data(RefRole)
    assert (ref.bill_id, ref.row) == (match.row.bill_id, match.row.row)

    menu = QMenu()
    add_screenshot_actions(bills, menu, ref)
    [action] = [a for a in menu.actions() if "证据" in a.text()]
    assert action.text() == "对应的截图：证据 2"
    action.trigger()
    assert win.workspace.currentWidget() is win.evidence and win.evidence.selected_ids() == [order]


def test_claim_offer_only_when_confirmed(qtbot, scene, profile, case_id):
    win, order, _paid = scene
    panel = show(qtbot, win.evidence, order)
    assert panel.claim_button is not None
    panel.ask_claim = lambda draft, evidence="", **_: None  # the user cancels the dialog
    assert panel.add_claim() is None
    with profile.session() as s:
        assert list_items(s, case_id) == []
    seen = {}
    panel.ask_claim = lambda draft, evidence="", **_: seen.update(draft=draft) or {}
    item_id = panel.add_claim()
    assert item_id is not None and seen["draft"].kind == "topup_not_credited"
    with profile.session() as s:
        [item] = list_items(s, case_id)
        assert item.id == item_id and set(item.exhibit_ids) >= {order}
    assert actions(profile, case_id)[-1] == "claim.add"


def test_bulk_dialog_saves_what_is_ticked_and_undoes_in_one_step(qtbot, scene, profile, case_id, monkeypatch):
    win, order, paid = scene
    view = win.evidence
    before = {i: fields(profile, i) for i in (order, paid)}

    def ask(parent, items):
        dialog = SuggestionDialog(items, parent)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 2  # the bill has nothing to suggest
        row_of = {dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(2)}
        dialog.table.item(row_of[order], 3).setCheckState(Qt.CheckState.Unchecked)  # not its 证明目的
        dialog.table.item(row_of[paid], 0).setCheckState(Qt.CheckState.Unchecked)  # nothing of this one
        return dialog.chosen()

    monkeypatch.setattr(suggestion_dialog, "ask", ask)
    view.select_ids([])
    assert view.triage_button.isVisible()
    with qtbot.waitSignal(view.undo_stack.indexChanged, timeout=5000):
        qtbot.mouseClick(view.triage_button, Qt.MouseButton.LeftButton)  # none selected: the whole case
    category, title, purpose, when = fields(profile, order)
    assert category == "non_delivery" and title.startswith("订单详情") and purpose == "" and when is not None
    assert fields(profile, paid) == before[paid]
    view.undo_stack.undo()
    assert fields(profile, order) == before[order]


def test_what_the_user_just_typed_is_not_overwritten(qtbot, scene, profile):
    win, order, _paid = scene
    view = win.evidence
    panel = show(qtbot, view, order)
    view.detail.title.setText("我自己起的名称")  # typed, not yet saved
    qtbot.mouseClick(panel.accept_all_button, Qt.MouseButton.LeftButton)
    category, title, purpose, _when = fields(profile, order)
    assert title == "我自己起的名称" and category == "non_delivery" and purpose


def test_toolbar_button_with_the_one_exhibit_being_viewed_offers_the_whole_case(qtbot, scene, monkeypatch):
    """Clicking a tile selects it; the toolbar button then still covers every exhibit, not only that one."""
    win, order, paid = scene
    view = win.evidence
    seen: dict = {}
    monkeypatch.setattr(suggestion_dialog, "ask", lambda parent, items: seen.update(items=items) or None)
    view.select_ids([paid])
    qtbot.mouseClick(view.triage_button, Qt.MouseButton.LeftButton)
    assert {i.exhibit_id for i in seen["items"] if i.fields} == {order, paid}
    view.select_ids([order, paid])  # several chosen on purpose: only those
    qtbot.mouseClick(view.triage_button, Qt.MouseButton.LeftButton)
    assert {i.exhibit_id for i in seen["items"]} <= {order, paid}


def test_bulk_dialog_rows_name_their_exhibit_and_show_the_whole_text(qtbot, scene, profile, case_id):
    """A long file name as title is cut at the end, not wrapped away to "证据 2 …"; the full texts are
    in the tooltips."""
    win, order, paid = scene
    items = suggestion_dialog.load_suggestions(win.evidence, None)
    dialog = SuggestionDialog(items, win)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.table.wordWrap()
    rows = {dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(dialog.table.rowCount())}
    head = dialog.table.item(rows[order], 0)
    title = next(i.title for i in items if i.exhibit_id == order)
    assert title in head.toolTip()
    purpose = dialog.table.item(rows[order], 3)
    assert purpose.text() in purpose.toolTip()


def test_the_box_is_in_view_without_scrolling_in_a_1366_by_768_window(qtbot, scene):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QScrollArea

    win, order, _paid = scene
    win.showNormal()
    win.resize(1366, 768)
    panel = show(qtbot, win.evidence, order)
    assert panel.isVisible() and panel.buttons
    QApplication.processEvents()
    scroll = panel.parentWidget()
    while not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    port = scroll.viewport()
    assert scroll.verticalScrollBar().value() == 0
    assert panel.mapTo(port, QPoint(0, 0)).y() >= 0  # its top is in the viewport
    first = panel.buttons["category"]  # and its first 采用 is wholly on screen
    assert first.mapTo(port, QPoint(0, first.height())).y() <= port.height()


def test_dismiss_one_suggestion_then_undo_and_redo(qtbot, scene, profile, case_id):
    win, order, _paid = scene
    view = win.evidence
    before = fields(profile, order)
    panel = show(qtbot, view, order)
    assert set(panel.dismiss_buttons) == {"category", "title", "purpose", "captured_at"}
    assert not panel.restore_button.isVisible()
    qtbot.mouseClick(panel.dismiss_buttons["category"], Qt.MouseButton.LeftButton)
    assert actions(profile, case_id)[-1] == "suggestion.dismiss"
    assert fields(profile, order) == before  # the exhibit keeps 其他
    qtbot.waitUntil(lambda: set(panel.buttons) == {"captured_at"}, timeout=5000)  # nor title/目的 from it
    assert panel.restore_button.isVisible() and "证据类别" in panel.dismissed_label.text()
    assert view.undo_stack.undoText() == "忽略识别建议（1 项证据）"

    view.undo_stack.undo()  # Ctrl+Z
    assert actions(profile, case_id)[-1] == "suggestion.undismiss"
    qtbot.waitUntil(lambda: "category" in panel.buttons, timeout=5000)
    assert not panel.restore_button.isVisible()
    view.undo_stack.redo()
    qtbot.waitUntil(lambda: "category" not in panel.buttons, timeout=5000)
    assert actions(profile, case_id)[-1] == "suggestion.dismiss"


def test_dismiss_all_then_restore(qtbot, scene, profile, case_id):
    win, order, _paid = scene
    view = win.evidence
    panel = show(qtbot, view, order)
    qtbot.mouseClick(panel.dismiss_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.buttons and panel.restore_button.isVisible(), timeout=5000)
    assert panel.isVisible()  # the bill row and the way back stay in view
    assert "已忽略 4 项建议" in panel.dismissed_label.text()
    qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.buttons) == 4, timeout=5000)
    assert actions(profile, case_id)[-1] == "suggestion.undismiss"
    view.undo_stack.undo()  # the 恢复 taken back: dismissed again
    qtbot.waitUntil(lambda: not panel.buttons, timeout=5000)


def test_bulk_dialog_dismisses_what_is_ticked_in_one_undo_step(qtbot, scene, profile, case_id, monkeypatch):
    win, order, paid = scene
    view = win.evidence
    before = {i: fields(profile, i) for i in (order, paid)}

    def ask(parent, items):
        dialog = SuggestionDialog(items, parent)
        qtbot.addWidget(dialog)
        row_of = {dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(2)}
        for c in (2, 3, 4):  # of the order page only its category
            dialog.table.item(row_of[order], c).setCheckState(Qt.CheckState.Unchecked)
        qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == dialog.DialogCode.Accepted
        return dialog.chosen()

    monkeypatch.setattr(suggestion_dialog, "ask", ask)
    view.select_ids([])
    with qtbot.waitSignal(view.undo_stack.indexChanged, timeout=5000):
        qtbot.mouseClick(view.triage_button, Qt.MouseButton.LeftButton)
    assert {i: fields(profile, i) for i in (order, paid)} == before  # nothing saved to the exhibits
    left = {i.exhibit_id: {f.field for f in i.fields} for i in suggestion_dialog.load_suggestions(view, None)}
    assert left[order] == {"captured_at"} and left[paid] == set()
    view.undo_stack.undo()
    left = {i.exhibit_id: {f.field for f in i.fields} for i in suggestion_dialog.load_suggestions(view, None)}
    assert len(left[order]) == 4 and len(left[paid]) == 4


def test_a_dismissal_is_not_reported_as_a_saved_edit(qtbot, scene, profile, case_id):
    """忽略 changes no field of the exhibit: the status line says what was done and how to take it back,
    not "已保存" as after an edit; Ctrl+Z says the dismissal was taken back."""
    win, order, _paid = scene
    view = win.evidence
    seen: list[str] = []
    view.status_message.connect(seen.append)
    panel = show(qtbot, view, order)
    qtbot.mouseClick(panel.dismiss_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[-1] == "忽略识别建议（1 项证据），已记入存证日志；按 Ctrl+Z 可撤销"
    assert not any("已保存" in m for m in seen)
    view.undo_stack.undo()
    assert seen[-1] == "已撤销：忽略识别建议（1 项证据）"
