"""Claim items in the GUI: the 主张项 tab, the claim dialog, and one step from a chat message or an exhibit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate

from kami_desktop.core.bills.money import add_claim, case_money
from kami_desktop.core.case.cases import get_case
from kami_desktop.core.case.claim_drafts import draft_from_chat_message
from kami_desktop.gui.case_tabs import CaseWorkspace
from kami_desktop.gui.chat_view import ChatView
from kami_desktop.gui.claim_dialog import ClaimDialog
from kami_desktop.gui.claims_view import ClaimsView
from kami_desktop.gui.evidence_view import EvidenceView
from tests.core.claims.scenario import CARD_ORDER, CLAIM, RENEWAL, make_case


@pytest.fixture
def made(profile, tmp_path):
    return make_case(profile, tmp_path / "src")


@pytest.fixture
def claims_view(qtbot, profile, dialogs):
    v = ClaimsView(profile, None)
    qtbot.addWidget(v)
    v.resize(1100, 600)
    v.show()
    return v


def load(qtbot, view, case_id):
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_case(case_id)


def test_the_claims_tab_lists_items_principal_context_and_warnings(
    qtbot, claims_view, profile, made, dialogs
):
    with profile.session() as s:
        add_claim(s, made.case_id, "已付款未交付的订单", bill_row_ids=[made.rows[CARD_ORDER]])
    load(qtbot, claims_view, made.case_id)
    v = claims_view
    assert v.table.rowCount() == 1 and v.table.item(0, 2).text() == "已付款未交付的订单"
    assert "¥350.00" in v.total_label.text() and "未设定" in v.total_label.text()
    assert "净付款 ¥1,798.00" in v.context_label.text()
    assert not v.warnings.isVisibleTo(v)
    v.ask_claim = lambda item, evidence: {
        "kind": "deducted",
        "reason": "自动续费",
        "amount": "４８７．５０",
        "on": date(2025, 3, 20),
        "description": "自动续费扣款",
    }
    with qtbot.waitSignal(v.claims_changed, timeout=5000), qtbot.waitSignal(v.loaded, timeout=10000):
        v.add_button.click()
    assert v.table.rowCount() == 2 and "¥837.50" in v.total_label.text()
    assert v.warnings.isVisibleTo(v) and "没有关联证据" in v.warnings.text()  # the new item has no evidence
    assert v.apply_button.isEnabled()
    with qtbot.waitSignal(v.loaded, timeout=10000):
        v.apply_button.click()
    with profile.session() as s:
        assert get_case(s, made.case_id).claimed_amount == CLAIM
    assert "案件主张金额：¥837.50" in v.total_label.text()
    v.table.selectRow(1)
    v.ask_claim = lambda item, evidence: {"amount": "1,000.00", "refunded": "2000"}
    v.edit_button.click()  # refused: nothing changes, the reason is shown
    assert "退款不能多于付款" in dialogs[-1][2]
    with profile.session() as s:
        assert case_money(s, made.case_id).principal == CLAIM
    v.confirm_remove = lambda item: True
    v.table.selectRow(0)
    with qtbot.waitSignal(v.loaded, timeout=10000):
        v.remove_button.click()
    assert v.table.rowCount() == 1 and "不一致" in v.warnings.text()  # claimed 837.50, items 487.50
    assert not v.grab().isNull()


def test_the_claim_dialog_is_prefilled_from_a_draft_and_returns_what_was_typed(qtbot, profile, made):
    with profile.session() as s:
        draft = draft_from_chat_message(s, made.renewal_message)
    dlg = ClaimDialog(draft, None, "聊天消息 1")
    qtbot.addWidget(dlg)
    assert dlg.kind.currentData() == "deducted" and dlg.reason.currentText() == "自动续费"
    assert dlg.amount.text() == "487.50" and dlg.on.date() == QDate(2025, 3, 20)
    assert dlg.reason.isEnabled() and "聊天消息 1" in dlg.evidence.text()
    assert dlg.values()["reason"] == "auto_renewal"
    dlg.reason.setEditText("会员费")
    dlg.description.setPlainText("未经同意扣的会员费")
    got = dlg.values()
    assert (got["kind"], got["reason"], got["amount"], got["on"]) == (
        "deducted",
        "会员费",
        "487.50",
        date(2025, 3, 20),
    )
    dlg.kind.setCurrentIndex(dlg.kind.findData("remaining_balance"))
    assert not dlg.reason.isEnabled() and dlg.values()["reason"] == ""


def test_a_chat_message_becomes_a_claim_item_in_one_step(qtbot, profile, made, dialogs):
    view = ChatView(profile, None)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_case(made.case_id)
    row = next(r for r in range(view.model.rowCount()) if view.model.rows[r].id == made.renewal_message)
    asked = []
    view.ask_claim = lambda draft, evidence, **_: asked.append(draft) or {}
    with qtbot.waitSignal(view.claims_changed, timeout=5000):
        view.claim_from_row(row)
    assert asked[0].amount == RENEWAL
    with profile.session() as s:
        (item,) = case_money(s, made.case_id).items
    assert (item.kind, item.reason, item.amount) == ("deducted", "auto_renewal", RENEWAL)
    assert item.ids_of("chat_message") == [made.renewal_message] and "存证日志" in view.status.text()


def test_an_exhibit_becomes_a_claim_item_from_its_menu(qtbot, profile, made, dialogs):
    view = EvidenceView(profile, None)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_case(made.case_id)
    view.select_ids([made.screenshot_exhibit])
    view.ask_claim = lambda draft, evidence, **_: {"amount": "487.50"}
    with qtbot.waitSignal(view.claims_changed, timeout=5000):
        view.claim_from_current()
    with profile.session() as s:
        (item,) = case_money(s, made.case_id).items
    assert item.amount == Decimal("487.50") and item.exhibit_ids == [made.screenshot_exhibit]
    view.ask_claim = lambda draft, evidence, **_: {}  # no amount: refused with a message, nothing stored
    view.claim_from_current()
    assert dialogs[-1][0] == "warn" and "金额" in dialogs[-1][2]
    with profile.session() as s:
        assert len(case_money(s, made.case_id).items) == 1


def test_the_workspace_has_a_claims_tab_fed_by_the_other_tabs(qtbot, profile, made):
    ws = CaseWorkspace(profile)
    qtbot.addWidget(ws)
    titles = [ws.tabText(i) for i in range(ws.count())]
    assert titles[:4] == ["案件首页", "证据", "账单", "主张项"]
    claims = ws.claims
    with qtbot.waitSignal(claims.loaded, timeout=10000):
        ws.set_case(made.case_id)
    with qtbot.waitSignal(claims.loaded, timeout=10000):
        ws.evidence.claims_changed.emit(made.case_id)


def _binder_numbers(profile, case_id):
    from kami_desktop.core.case.facts import exhibit_numbers

    with profile.session() as s:
        return {i: n for i, (n, _t) in exhibit_numbers(s, case_id).items()}


def test_a_tile_menu_adds_the_selected_exhibit_to_an_existing_claim_item(qtbot, profile, made, dialogs):
    with profile.session() as s:
        card = add_claim(s, made.case_id, "已付款未交付的订单", bill_row_ids=[made.rows[CARD_ORDER]]).id
    view = EvidenceView(profile, None)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_case(made.case_id)
    said = []
    view.status_message.connect(said.append)
    offered = []
    view.choose_claim_item = lambda items: offered.append([i.id for i in items]) or card
    index = view.model.index(view.model.row_for_id(made.screenshot_exhibit), view.model.COL_TITLE)
    view.grid.scrollTo(index)
    menu = view.context_menu_for(view.grid, view.grid.visualRect(index).center())
    action = next(a for a in menu.actions() if a.text() == "用作主张项的证据…")
    with qtbot.waitSignal(view.claims_changed, timeout=5000):
        action.trigger()
    assert offered == [[card]]
    with profile.session() as s:
        (item,) = case_money(s, made.case_id).items
    assert item.ids_of("exhibit") == [made.screenshot_exhibit]
    assert item.ids_of("bill_row") == [made.rows[CARD_ORDER]]  # what it had stays
    n = _binder_numbers(profile, made.case_id)[made.screenshot_exhibit]
    assert said and said[-1].startswith(f"证据 {n} 已加到主张项 {card}")


def test_the_claims_tab_names_evidence_by_binder_number_and_its_dialog_adds_evidence(
    qtbot, claims_view, profile, made, dialogs
):
    with profile.session() as s:
        card = add_claim(s, made.case_id, "已付款未交付的订单", bill_row_ids=[made.rows[CARD_ORDER]]).id
    load(qtbot, claims_view, made.case_id)
    numbers = _binder_numbers(profile, made.case_id)
    evidence_cell = claims_view.table.item(0, 7).text()
    assert evidence_cell.startswith(f"证据 {numbers[made.bill_exhibit]}：") and "账单第" in evidence_cell

    def fill(dialog):
        assert dialog.add_evidence_button.isVisibleTo(dialog)
        dialog.choose_exhibits = lambda offered: (
            [made.screenshot_exhibit] if made.screenshot_exhibit in offered else []
        )
        dialog.add_evidence_button.click()
        n = numbers[made.screenshot_exhibit]
        assert f"证据 {n}《" in dialog.evidence.text() and "（新加）" in dialog.evidence.text()
        return dialog.values()

    claims_view.ask_claim = lambda item, evidence: fill(
        ClaimDialog(item, claims_view, evidence, claims_view.numbers)
    )
    claims_view.select_item(card)
    with qtbot.waitSignal(claims_view.loaded, timeout=10000):
        claims_view.edit_current()
    with profile.session() as s:
        (item,) = case_money(s, made.case_id).items
    assert item.ids_of("exhibit") == [made.screenshot_exhibit]
    assert item.ids_of("bill_row") == [made.rows[CARD_ORDER]]
    assert f"证据 {numbers[made.screenshot_exhibit]}《" in claims_view.table.item(0, 7).text()


def test_a_new_item_from_an_exhibit_can_take_more_evidence_recorded_with_it(
    qtbot, profile, made, dialogs, monkeypatch
):
    from kami_desktop.core.case.claims import list_items
    from kami_desktop.core.case.facts import exhibit_numbers
    from kami_desktop.core.store.ledger import entries

    view = EvidenceView(profile, None)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_case(made.case_id)
    with profile.session() as s:
        numbers = exhibit_numbers(s, made.case_id)
        before = [e.action for e in entries(s, made.case_id)]
    other = next(i for i in numbers if i != made.screenshot_exhibit)
    seen = {}

    def fill(dlg):
        seen["button"] = not dlg.add_evidence_button.isHidden()
        seen["offered"] = set()
        dlg.choose_exhibits = lambda offered: seen["offered"].update(offered) or [other]
        dlg.add_evidence_button.click()
        seen["evidence"] = dlg.evidence.text()
        dlg.amount.setText("487.50")
        return ClaimDialog.DialogCode.Accepted

    monkeypatch.setattr(ClaimDialog, "exec", fill)
    view.select_ids([made.screenshot_exhibit])
    with qtbot.waitSignal(view.claims_changed, timeout=5000):
        view.claim_from_current()
    assert seen["button"] and made.screenshot_exhibit not in seen["offered"] and other in seen["offered"]
    assert f"证据 {numbers[other][0]}《{numbers[other][1]}》（新加）" in seen["evidence"]
    with profile.session() as s:
        (item,) = list_items(s, made.case_id)
        linked = [e.id for e in item.evidence if e.kind == "exhibit"]
        after = [e.action for e in entries(s, made.case_id)]
    assert linked == [made.screenshot_exhibit, other]
    assert after[len(before) :] == ["claim.add"]  # one entry: the item and all its evidence
