"""Tab 账单: rows and totals for a case, the counterparty checklist, a claim item from a payment row,
importing an encrypted zip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kami_desktop.core.bills import store as B
from kami_desktop.core.bills.money import case_money
from kami_desktop.core.case.cases import get_case
from kami_desktop.gui.bill_table_model import PAYMENT_BG, REFUND_BG, BillTableModel, PlatformRole
from kami_desktop.gui.bills_view import BillsView
from tests.core.bills import bill_fixtures as bf


@pytest.fixture
def view(qtbot, profile, dialogs):
    v = BillsView(profile, None)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    return v


def show_case(qtbot, view, case_id):
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_case(case_id)


def row_where(model, **wanted) -> int:
    for row in range(model.rowCount()):
        t = model.transaction(row)
        if all(getattr(t, k) == v for k, v in wanted.items()):
            return row
    raise AssertionError(wanted)


def test_rows_totals_highlight_links_and_warning(qtbot, view, profile, case_id, tmp_path):
    path = tmp_path / "alipay.csv"
    path.write_bytes(bf.alipay_app_csv())
    B.import_bill(profile, case_id, path)
    show_case(qtbot, view, case_id)
    model: BillTableModel = view.model
    assert model.rowCount() == 9
    text = view.totals_label.text()
    assert "¥350.00" in text and "¥80.00" in text and "净付款 ¥270.00" in text
    assert "还没有主张项" in view.claimed_label.text()  # the net paid is not the claim
    assert "首笔 2026-03-01" in text and "末笔 2026-03-04" in text
    assert view.banner.isVisibleTo(view) and "交易流水证明" in view.banner.text()
    pay = row_where(model, order_id="2026030122001155711407540004")
    refund = row_where(model, order_id="2026030122001155711407540004_2026030510001")
    noodle = row_where(model, counterparty="老王面馆")
    assert model.index(pay, 0).data(PlatformRole) and not model.index(noodle, 0).data(PlatformRole)
    assert model.index(pay, 0).data(Qt.ItemDataRole.BackgroundRole).color() == PAYMENT_BG
    assert model.index(refund, 0).data(Qt.ItemDataRole.BackgroundRole).color() == REFUND_BG
    assert "对应第 30 行" in model.index(refund, model.COL_ROLE).data()
    assert "已退款 ¥30.00" in model.index(pay, model.COL_ROLE).data()
    assert model.linked_row(refund) == pay
    view.table.doubleClicked.emit(model.index(refund, 0))  # jumps to the original payment
    assert view.table.selectionModel().selectedRows()[0].row() == pay
    view.platform_only.setChecked(True)
    assert model.rowCount() == bf.EXPECTED_PLATFORM_ROWS
    view.platform_only.setChecked(False)
    assert not view.grab().isNull()


def test_counting_a_counterparty_from_the_row_menu_changes_the_totals(
    qtbot, view, profile, case_id, tmp_path
):
    path = tmp_path / "alipay.csv"
    path.write_bytes(bf.alipay_app_csv())
    B.import_bill(profile, case_id, path)
    show_case(qtbot, view, case_id)
    view.select_row(row_where(view.model, counterparty="老王面馆"))
    assert not view.model.index(view._current_row(), 0).data(PlatformRole)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_selected_platform(True)
    assert "净付款 ¥282.30" in view.totals_label.text()
    assert view.model.transaction(view._current_row()).counterparty == "老王面馆"  # selection kept
    assert "老王面馆" in view.status.text() and "存证日志" in view.status.text()
    view.select_row(row_where(view.model, counterparty="星辰卡盟", order_id="2026030122001155711407540001"))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_selected_platform(False)
    assert "净付款 ¥12.30" in view.totals_label.text()


def test_the_checklist_dialog_decides_what_counts(qtbot, view, profile, case_id, tmp_path):
    path = tmp_path / "alipay.csv"
    path.write_bytes(bf.alipay_app_csv())
    B.import_bill(profile, case_id, path)
    show_case(qtbot, view, case_id)
    seen = []

    def answer(listing):
        from kami_desktop.gui.counterparty_dialog import CounterpartyDialog

        dlg = CounterpartyDialog(listing, view)
        qtbot.addWidget(dlg)
        seen.append([(g.name, dlg.ticked(r)) for r, g in enumerate(dlg.groups)])
        assert "净付款 ¥270.00" in dlg.sum_label.text()
        dlg.set_ticked("老王面馆", True)
        assert "净付款 ¥282.30" in dlg.sum_label.text()
        return dlg.choices()

    view.ask_counterparties = answer
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.counterparty_button.click()
    assert seen[0][0] == ("星辰卡盟", True) and ("老王面馆", False) in seen[0]
    assert "净付款 ¥282.30" in view.totals_label.text()
    assert "计入的交易对方：老王面馆、星辰卡盟" in view.terms_label.text()  # in time order


def test_a_payment_row_becomes_a_claim_item_in_one_step(qtbot, view, profile, case_id, tmp_path):
    path = tmp_path / "wx.xlsx"
    path.write_bytes(bf.wechat_xlsx())
    B.import_bill(profile, case_id, path)
    show_case(qtbot, view, case_id)
    asked = []
    view.ask_claim = lambda draft, evidence, **_: (
        asked.append((draft, evidence)) or {"kind": "undelivered_order"}
    )
    row = next(r for r in range(view.model.rowCount()) if view.model.transaction(r).direction == "支出")
    view.select_row(row)
    assert view.claim_button.isEnabled()
    with qtbot.waitSignal(view.claims_changed, timeout=5000), qtbot.waitSignal(view.loaded, timeout=10000):
        view.claim_button.click()
    draft, evidence = asked[0]
    t = view.model.transaction(row)
    assert draft.amount == t.amount
    # named as the binder prints it: the bill's exhibit number and the row of the bill file, no database id
    assert (
        evidence
        == f"证据 1：微信支付账单第 {t.row} 行（{t.time:%Y-%m-%d %H:%M} {t.counterparty} ¥{t.amount}）"
    )
    with profile.session() as s:
        money = case_money(s, case_id)
        assert get_case(s, case_id).claimed_amount is None  # nothing applied behind the user's back
    assert [(i.kind, i.amount) for i in money.items] == [("undelivered_order", t.amount)]
    assert "主张本金" in view.claimed_label.text() and "1 项" in view.claimed_label.text()


def test_import_button_asks_for_the_zip_password_until_it_is_right(qtbot, view, profile, case_id, tmp_path):
    path = tmp_path / "支付宝交易明细.zip"
    path.write_bytes(bf.alipay_zip(bf.alipay_app_csv(), "8642"))
    show_case(qtbot, view, case_id)
    assert "还没有导入账单" in view.totals_label.text()
    answers, asked = iter(["1111", "8642"]), []
    view.choose_file = lambda: str(path)
    view.ask_password = lambda name, wrong: asked.append((name, wrong)) or next(answers)
    with (
        qtbot.waitSignal(view.import_finished, timeout=20000) as done,
        qtbot.waitSignal(view.loaded, timeout=20000),
    ):
        view.import_button.click()
    assert asked == [(path.name, False), (path.name, True)]
    assert done.args[0].rows == 9 and view.model.rowCount() == 9
    assert "净付款 ¥270.00" in view.totals_label.text()
    qtbot.waitUntil(lambda: view.import_button.isEnabled(), timeout=5000)


def test_cancelled_password_and_bad_file_store_nothing(qtbot, view, profile, case_id, tmp_path, dialogs):
    zipped = tmp_path / "z.zip"
    zipped.write_bytes(bf.alipay_zip(bf.alipay_app_csv(), "8642"))
    show_case(qtbot, view, case_id)
    view.ask_password = lambda name, wrong: None
    with qtbot.waitSignal(view.import_finished, timeout=20000) as done:
        view.import_bill_file(zipped)
    assert done.args[0] is None and "取消" in view.status.text()
    qtbot.waitUntil(lambda: view.worker is None, timeout=5000)
    bad = tmp_path / "scores.csv"
    bad.write_text("name,score\nalice,1\n", encoding="utf-8")
    with qtbot.waitSignal(view.import_finished, timeout=20000) as done:
        view.import_bill_file(bad)
    assert done.args[0] is None
    assert dialogs and dialogs[-1][0] == "warn" and "scores.csv" in dialogs[-1][2]
    with profile.session() as s:
        assert B.live_bills(s, case_id) == [] and get_case(s, case_id).exhibits == []


def test_a_new_item_from_a_bill_row_can_take_a_screenshot_as_evidence(
    qtbot, view, profile, case_id, tmp_path, monkeypatch
):
    from kami_desktop.core.case.claims import list_items
    from kami_desktop.core.evidence.importer import import_paths
    from kami_desktop.gui.claim_dialog import ClaimDialog
    from tests.helpers import screenshot

    path = tmp_path / "wx.xlsx"
    path.write_bytes(bf.wechat_xlsx())
    bill = B.import_bill(profile, case_id, path).exhibit_id
    shot = import_paths(profile, case_id, [screenshot(tmp_path / "付款截图.png", 7)]).imported[0].exhibit_id
    show_case(qtbot, view, case_id)
    seen = {}

    def fill(dlg):
        seen["button"] = not dlg.add_evidence_button.isHidden()
        dlg.choose_exhibits = lambda offered: seen.update(offered=set(offered)) or [shot]
        dlg.add_evidence_button.click()
        seen["evidence"] = dlg.evidence.text()
        return ClaimDialog.DialogCode.Accepted

    monkeypatch.setattr(ClaimDialog, "exec", fill)
    view.select_row(
        next(r for r in range(view.model.rowCount()) if view.model.transaction(r).direction == "支出")
    )
    with qtbot.waitSignal(view.claims_changed, timeout=5000):
        view.claim_button.click()
    assert seen["button"] and seen["offered"] == {bill, shot}
    assert "证据 2《付款截图》（新加）" in seen["evidence"]
    with profile.session() as s:
        (item,) = list_items(s, case_id)
        assert [e.id for e in item.evidence if e.kind == "exhibit"] == [shot]
        assert any(e.kind == "bill_row" for e in item.evidence)
