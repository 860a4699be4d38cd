"""Tab 账单: rows and totals for a case, marking counterparties, 设为主张金额, importing an encrypted zip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kami_desktop.core.bills import store as B
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
    assert "¥350.00" in text and "¥80.00" in text and "净额 ¥270.00" in text
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


def test_marking_a_counterparty_changes_the_totals(qtbot, view, profile, case_id, tmp_path):
    path = tmp_path / "alipay.csv"
    path.write_bytes(bf.alipay_app_csv())
    B.import_bill(profile, case_id, path)
    show_case(qtbot, view, case_id)
    view.select_row(row_where(view.model, counterparty="老王面馆"))
    assert view.mark_button.isEnabled() and not view.unmark_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.mark_button.click()
    assert "净额 ¥282.30" in view.totals_label.text()
    assert view.model.transaction(view._current_row()).counterparty == "老王面馆"  # selection kept
    assert view.unmark_button.isEnabled() and not view.mark_button.isEnabled()
    with profile.session() as s:
        assert B.get_platform_terms(s, case_id) == ["星辰卡盟", "老王面馆"]
    view.select_row(row_where(view.model, counterparty="星辰卡盟", order_id="2026030122001155711407540001"))
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.unmark_button.click()
    assert "净额 ¥12.30" in view.totals_label.text()


def test_apply_sets_the_claimed_amount(qtbot, view, profile, case_id, tmp_path):
    path = tmp_path / "wx.xlsx"
    path.write_bytes(bf.wechat_xlsx())
    B.import_bill(profile, case_id, path)
    show_case(qtbot, view, case_id)
    assert view.apply_button.isEnabled()
    with (
        qtbot.waitSignal(view.claimed_amount_changed, timeout=5000),
        qtbot.waitSignal(view.loaded, timeout=10000),
    ):
        view.apply_button.click()
    with profile.session() as s:
        assert get_case(s, case_id).claimed_amount == bf.EXPECTED_NET
    assert "¥270.00" in view.claimed_label.text() and "270.00" in view.status.text()


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
    assert "净额 ¥270.00" in view.totals_label.text()
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
