from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate

from kami_desktop.core.case.cases import get_case
from kami_desktop.core.store.ledger import entries
from kami_desktop.core.store.model import Case
from kami_desktop.gui.case_dialog import CaseDialog


def _fill(dlg, title="星辰卡盟充值扣款纠纷", amount="1,798.00"):
    dlg.title.setText(title)
    dlg.platform_name.setText("星辰卡盟")
    dlg.platform_url.setText("https://xc.example")
    dlg.causes["malicious"].setChecked(True)
    dlg.discovered.setDate(QDate(2025, 3, 12))
    dlg.amount.setText(amount)


def test_new_case_dialog_creates_the_case_and_selects_it(qtbot, window, profile):
    created = {}

    class AutoDialog(CaseDialog):
        def exec(self):
            _fill(self)
            self.accept()
            created["id"] = self.case_id
            return self.result()

    window.sidebar.dialog_factory = AutoDialog
    with qtbot.waitSignal(window.evidence.loaded, timeout=5000):
        window.sidebar.new_case()
    cid = created["id"]
    assert window.current_case_id() == cid
    assert window.stack.currentWidget() is window.workspace
    assert "星辰卡盟充值扣款纠纷" in window.windowTitle()
    with profile.session() as s:
        c = get_case(s, cid)
        assert (c.platform_name, c.platform_url, c.cause_type) == (
            "星辰卡盟",
            "https://xc.example",
            "malicious",
        )
        assert c.discovered_on == date(2025, 3, 12) and c.claimed_amount == Decimal("1798.00")
        assert [e.action for e in entries(s, cid)] == ["case.create"]


def test_validation_messages_are_chinese_and_keep_the_dialog_open(qtbot, profile):
    dlg = CaseDialog(profile)
    qtbot.addWidget(dlg)
    _fill(dlg, title="   ")
    dlg.accept()
    assert dlg.result() == 0 and "案件名称不能为空" in dlg.error.text()
    _fill(dlg, amount="-5")
    dlg.accept()
    assert "主张金额不能为负数" in dlg.error.text()
    _fill(dlg, amount="一千元")
    dlg.accept()
    assert "不是有效金额" in dlg.error.text()
    _fill(dlg)
    tomorrow = date.today() + timedelta(days=2)
    dlg.discovered.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    dlg.accept()
    assert "不能晚于今天" in dlg.error.text()
    with profile.session() as s:
        assert s.query(Case).count() == 0
    dlg.discovered_known.setChecked(False)
    dlg.accept()
    assert dlg.result() == 1
    with profile.session() as s:
        assert s.query(Case).one().discovered_on is None


def test_edit_and_archive(qtbot, case_window, profile, case_id, dialogs):
    win = case_window

    class EditDialog(CaseDialog):
        def exec(self):
            assert self.title.text() == "星辰卡盟充值扣款纠纷"
            self.title.setText("星辰卡盟扣款（已报警）")
            self.accept()
            return self.result()

    win.sidebar.dialog_factory = EditDialog
    win.sidebar.edit_case()
    with profile.session() as s:
        assert get_case(s, case_id).title == "星辰卡盟扣款（已报警）"
        assert list(entries(s, case_id))[-1].action == "case.edit"
    assert "星辰卡盟扣款（已报警）" in win.sidebar.list.currentItem().text()
    win.sidebar.toggle_archive()
    assert dialogs and dialogs[-1][0] == "ask"
    assert win.sidebar.list.count() == 0 and win.current_case_id() is None
    assert win.stack.currentWidget() is win.empty
    with profile.session() as s:
        assert get_case(s, case_id).archived_at is not None
    win.sidebar.show_archived.setChecked(True)
    assert win.sidebar.list.count() == 1 and "已归档" in win.sidebar.list.item(0).text()


def test_the_case_dialog_takes_several_causes(qtbot, profile):
    dlg = CaseDialog(profile)
    qtbot.addWidget(dlg)
    _fill(dlg, title="两个原因的案件")
    dlg.causes["malicious"].setChecked(False)
    dlg.causes["auto_renewal"].setChecked(True)
    dlg.causes["undelivered"].setChecked(True)
    assert dlg.save()
    with profile.session() as s:
        c = get_case(s, dlg.case_id)
        assert (c.causes, c.cause_type) == (["auto_renewal", "undelivered"], "auto_renewal")
    again = CaseDialog(profile, dlg.case_id)
    qtbot.addWidget(again)
    assert again.chosen_causes() == ["auto_renewal", "undelivered"]
    assert not again.causes["hidden_rule"].isChecked()


def test_a_case_without_a_discovery_date_is_offered_its_earliest_claim_item(qtbot, profile):
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.case.claims import add_item

    with profile.session() as s:
        cid = create_case(s, "未填发现日期的案件").id
        add_item(s, cid, "topup_not_credited", "300.00", "2025-04-02")
        add_item(s, cid, "topup_not_credited", "100.00", "2025-03-01")
    dlg = CaseDialog(profile, cid)
    qtbot.addWidget(dlg)
    assert dlg.discovered.date() == QDate(2025, 3, 1) and dlg.discovered_known.isChecked()
    assert not dlg.discovered_hint.isHidden() and "2025-03-01" in dlg.discovered_hint.text()
    assert dlg.save()
    with profile.session() as s:
        assert get_case(s, cid).discovered_on == date(2025, 3, 1)
    again = CaseDialog(profile, cid)  # a date given: shown as it is, nothing offered
    qtbot.addWidget(again)
    assert again.discovered_hint.isHidden()


def test_switching_case_clears_the_status_bar_message(qtbot, case_window, profile):
    from kami_desktop.core.case.cases import create_case

    with profile.session() as s:
        other = create_case(s, "另一宗案件").id
    case_window.evidence.status_message.emit("新导入 8 个文件。")
    assert case_window.statusBar().currentMessage() == "新导入 8 个文件。"
    case_window.sidebar.refresh(select=other)
    assert case_window.current_case_id() == other
    assert case_window.statusBar().currentMessage() == ""
