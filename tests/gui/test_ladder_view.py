"""The 维权进度 tab: loads a case, adds a party through the dialog, shows a near deadline with a warning."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from kami_desktop.core.case.facts import add_fact
from kami_desktop.core.case.ladder import record_step
from kami_desktop.core.case.parties import add_party, list_parties
from kami_desktop.core.store.model import Bill, BillRow, Blob, Exhibit
from kami_desktop.core.util.timeutil import CHINA_TZ, now
from kami_desktop.gui import messages
from kami_desktop.gui.ladder_view import LadderView
from kami_desktop.gui.party_dialog import PartyDialog
from kami_desktop.gui.step_dialog import StepDialog


@pytest.fixture
def no_dialogs(monkeypatch):
    """Record message boxes instead of blocking on them."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "info", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(messages, "ask", lambda parent, title, text: True)
    return shown


def seed(profile, case_id) -> None:
    with profile.session() as s:
        stamp = now()
        s.add(Blob(sha256="a" * 64, sm3="b" * 64, size=1, media_type="text/csv", first_seen=stamp))
        s.flush()
        ex = Exhibit(
            case_id=case_id,
            title="支付宝账单",
            category="funds",
            position=1,
            created_at=stamp,
            updated_at=stamp,
        )
        s.add(ex)
        s.flush()
        bill = Bill(exhibit_id=ex.id, blob_sha256="a" * 64, source="alipay", layout="test", imported_at=stamp)
        s.add(bill)
        s.flush()
        s.add(
            BillRow(
                bill_id=bill.id,
                row=2,
                time=datetime(2025, 9, 1, 10, tzinfo=CHINA_TZ),
                counterparty="星辰卡盟",
                direction="支出",
                amount=Decimal("500.00"),
                payment_method="余额",
                status="交易成功",
            )
        )
        add_party(
            s, case_id, "operator", "杭州星辰网络科技有限公司", uscc="91330100716105852F", is_defendant=True
        )
        add_party(s, case_id, "payee", "A科技有限公司")
        add_fact(
            s, case_id, "2025-09-19 22:10", "扣款", "余额500元被清零", disputed=True, exhibit_ids=[ex.id]
        )
        record_step(s, case_id, "demand_sent", "2025-09-26", channel="邮件")


def make_view(qtbot, profile, case_id, today=date(2025, 10, 11)) -> LadderView:
    view = LadderView(profile)
    qtbot.addWidget(view)
    view.today = today
    view.resize(1400, 820)
    with qtbot.waitSignal(view.loaded, timeout=10000):  # computed on a worker
        view.set_case(case_id)
    return view


def test_view_loads_a_case_and_renders(qtbot, profile, case_id, tmp_path, no_dialogs):
    seed(profile, case_id)
    view = make_view(qtbot, profile, case_id)
    view.show()
    qtbot.waitExposed(view)
    assert "协商" in view.deadlines.stage_label.text()
    assert view.steps.table.rowCount() == 1 and view.steps.table.item(0, 1).text().startswith(
        "发出书面退款要求"
    )
    assert view.timeline.table.rowCount() == 1 and view.timeline.table.item(0, 3).text() == "证据1"
    assert view.timeline.table.item(0, 4).text() == "有争议"
    assert view.timeline.suggestions.table.rowCount() == 1  # the bill's payment to 星辰卡盟
    assert view.parties.table.rowCount() == 2 and "都列为被告" in view.parties.advice.text()
    defendants = {k for k in view.readiness.cards if k.startswith("defendant:")}  # one card per defendant
    assert (
        set(view.readiness.cards)
        == {"funds", "interaction", "non_delivery", "identity", "rules"} | defendants
    )
    assert view.readiness.cards["funds"].property("status") == "present"
    assert view.readiness.cards["rules"].property("status") == "missing"
    for i in range(3):
        view.tabs.setCurrentIndex(i)
        assert not view.grab().isNull()
    view.tabs.setCurrentIndex(0)
    assert view.grab().save(str(tmp_path / "ladder_view.png"))
    view.set_case(None)
    assert not view.split.isVisible() and view.placeholder.isVisible()


def test_near_deadline_is_shown_with_a_warning(qtbot, profile, case_id, no_dialogs):
    with profile.session() as s:
        record_step(s, case_id, "demand_sent", "2025-09-26")
        record_step(s, case_id, "demand_delivered", "2025-09-26")
    view = make_view(qtbot, profile, case_id, today=date(2025, 10, 11))
    panel = view.deadlines
    assert panel.status == "near"
    assert "催告函答复期限 2025-10-13" in panel.next_label.text() and "还剩2天" in panel.next_label.text()
    assert "#fff3cd" in panel.next_label.styleSheet()
    assert panel.table.item(0, 2).text() == "即将到期"
    assert panel.table.item(0, 2).background().color().name() == "#fff3cd"
    view.today = date(2025, 10, 20)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    assert panel.status == "past" and "已过期" in panel.next_label.text()
    assert "#fde2e1" in panel.next_label.styleSheet()


def test_provisional_deadline_is_marked(qtbot, profile, case_id, no_dialogs):
    with profile.session() as s:
        from kami_desktop.core.case.cases import update_case

        update_case(s, case_id, discovered_on="2025-03-12")
    view = make_view(qtbot, profile, case_id, today=date(2025, 4, 1))
    labels = [view.deadlines.table.item(r, 0).text() for r in range(view.deadlines.table.rowCount())]
    assert labels and all(label.endswith("（暂定）") for label in labels)
    assert "暂定" in view.deadlines.warning_label.text()


def test_adding_a_party_through_the_dialog_stores_it(qtbot, profile, case_id, monkeypatch, no_dialogs):
    view = make_view(qtbot, profile, case_id)
    attempts: list[PartyDialog] = []

    def fill_and_accept(dialog: PartyDialog) -> int:
        attempts.append(dialog)
        dialog.role.setCurrentIndex(dialog.role.findData("payee"))
        dialog.edits["name"].setText("A科技有限公司")
        dialog.edits["uscc"].setText("914403001922038217")
        assert "校验位不符" in dialog.status["uscc"].text() and dialog.override.isVisibleTo(dialog)
        dialog.accept()  # refused: the check failed and the override is not ticked
        assert dialog.result() == 0 and "仍然保存" in dialog.error.text()
        dialog.override.setChecked(True)
        dialog.defendant.setChecked(True)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PartyDialog, "exec", fill_and_accept)
    view.parties.add_button.click()
    with profile.session() as s:
        [party] = list_parties(s, case_id)
        assert (party.role, party.name, party.uscc, party.is_defendant) == (
            "payee",
            "A科技有限公司",
            "914403001922038217",
            True,
        )
    assert view.parties.table.rowCount() == 1 and view.parties.table.item(0, 2).text().endswith("⚠")
    assert len(attempts) == 1


def test_party_dialog_live_checks_and_person_fields(qtbot, profile, case_id):
    dialog = PartyDialog(profile, case_id)
    qtbot.addWidget(dialog)
    dialog.edits["uscc"].setText("91330100716105852F")
    assert dialog.status["uscc"].text().startswith("✓") and not dialog.override.isVisibleTo(dialog)
    dialog.edits["icp"].setText("浙ICP备123号")
    assert "6–10位" in dialog.status["icp"].text() and dialog.override.isVisibleTo(dialog)
    dialog.role.setCurrentIndex(dialog.role.findData("self"))
    assert not dialog.defendant.isEnabled()


def test_recording_a_step_moves_the_stage(qtbot, profile, case_id, monkeypatch, no_dialogs):
    view = make_view(qtbot, profile, case_id, today=date(2025, 10, 20))

    def fill(dialog: StepDialog) -> int:
        dialog.set_values("complaint_12315_filed", date(2025, 10, 14), reference="TS001")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StepDialog, "exec", fill)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.steps.add_button.click()
    assert "投诉" in view.deadlines.stage_label.text()
    assert view.steps.table.rowCount() == 1 and "TS001" in view.steps.table.item(0, 2).text()
    assert view.deadlines.status == "near"  # 12315 acceptance due 2025-10-23
    view.steps.table.selectRow(0)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.steps.remove_button.click()
    assert view.steps.table.rowCount() == 0


def test_suggestion_confirm_moves_it_to_the_timeline(qtbot, profile, case_id, no_dialogs):
    seed(profile, case_id)
    view = make_view(qtbot, profile, case_id)
    sugg = view.timeline.suggestions
    sugg.table.selectRow(0)
    sugg.accept_button.click()
    assert view.timeline.table.rowCount() == 2 and view.timeline.table.item(0, 1).text() == "充值"
    assert sugg.table.rowCount() == 0 and not sugg.isVisibleTo(view)


def test_documents_button_opens_the_documents_dialog_for_the_case(
    qtbot, profile, case_id, monkeypatch, no_dialogs
):
    from kami_desktop.gui.documents_dialog import DocumentsDialog

    view = make_view(qtbot, profile, case_id)
    opened = []

    def exec_(dialog) -> int:
        opened.append((dialog.case_id, dialog.parent() is view, dialog.windowTitle()))
        return 0

    monkeypatch.setattr(DocumentsDialog, "exec", exec_)
    view.documents_button.click()
    assert opened == [(case_id, True, "生成文书")]


def test_demand_letter_period_from_the_step_dialog(qtbot, profile, case_id, monkeypatch, no_dialogs):
    from kami_desktop.core.case.ladder import list_steps

    view = make_view(qtbot, profile, case_id, today=date(2025, 9, 27))

    def fill(dialog: StepDialog) -> int:
        dialog.set_values("demand_sent", date(2025, 9, 26))
        assert dialog.workdays.isEnabled()
        dialog.workdays.setValue(3)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StepDialog, "exec", fill)
    view.steps.add_button.click()
    with profile.session() as s:
        assert [st.workdays for st in list_steps(s, case_id)] == [3]
    dialog = StepDialog(profile, case_id)
    qtbot.addWidget(dialog)
    dialog.set_values("lawsuit_filed", date(2025, 9, 26))
    assert not dialog.workdays.isEnabled() and dialog.values()["workdays"] is None


def test_party_dialog_stores_a_defendants_basis(qtbot, profile, case_id):
    dialog = PartyDialog(profile, case_id)
    qtbot.addWidget(dialog)
    dialog.role.setCurrentIndex(dialog.role.findData("payee"))
    dialog.edits["name"].setText("广州云汇信息技术有限公司")
    assert not dialog.basis.isEnabled()  # only a defendant has a basis
    dialog.defendant.setChecked(True)
    assert dialog.basis.isEnabled()
    dialog.basis.setCurrentIndex(dialog.basis.findData("payee_operator"))
    dialog.accept()
    with profile.session() as s:
        (payee,) = [p for p in list_parties(s, case_id) if p.role == "payee"]
        assert (payee.is_defendant, payee.basis) == (True, "payee_operator")
    again = PartyDialog(profile, case_id, payee.id)
    qtbot.addWidget(again)
    assert again.basis.currentData() == "payee_operator"
    assert again.basis.currentText() == "收款方且为实际经营者"
