"""DocumentsDialog: options per kind, the missing-field list, generating off the GUI thread, opening."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices

from kami_desktop.gui.documents_dialog import DocumentsDialog
from tests.core.documents.conftest import docx_text
from tests.core.documents.factory import make_case


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def make(qtbot, profile, case_id, tmp_path) -> DocumentsDialog:
    dlg = DocumentsDialog(profile, case_id)
    qtbot.addWidget(dlg)
    dlg.out_dir.setText(str(tmp_path / "out"))
    return dlg


def missing_labels(dlg) -> list[str]:
    return [dlg.missing.item(i).text() for i in range(dlg.missing.count())]


def test_empty_case_shows_what_is_missing(qtbot, profile, case_id, tmp_path, dialogs):
    dlg = make(qtbot, profile, case_id, tmp_path)
    assert dlg.windowTitle() == "生成文书" and dlg.current_kind() == "demand"
    labels = missing_labels(dlg)
    assert "主张金额（元）" in labels and "催告人（本人）姓名" in labels
    assert "项" in dlg.missing_label.text()
    dlg.set_kind("evidence-list")
    assert missing_labels(dlg) == ["提交人（本人）姓名", "证据（请先在证据库中导入证据）"]
    assert not dlg.open_button.isEnabled() and not dlg.folder_button.isEnabled()


def test_options_follow_the_kind(qtbot, profile, case_id, tmp_path, dialogs):
    dlg = make(qtbot, profile, case_id, tmp_path)
    dlg.show()
    assert dlg.workdays.minimum() == 3 and dlg.workdays.maximum() == 7 and dlg.workdays.value() == 7
    assert dlg.termination.isEnabled() and not dlg.court.isEnabled()
    assert not dlg.attachments_button.isVisible()
    dlg.set_kind("lawsuit")
    assert dlg.court.isEnabled() and dlg.interest_on.isEnabled() and not dlg.termination.isEnabled()
    dlg.interest_on.setChecked(True)
    dlg.interest_from.setDate(dlg.interest_from.date().fromString("2025-10-01", "yyyy-MM-dd"))
    dlg.court.setText("杭州市西湖区人民法院")
    assert dlg.options() == {"workdays": 7, "interest_from": "2025-10-01", "court": "杭州市西湖区人民法院"}
    dlg.set_kind("complaint-12315")
    assert dlg.attachments_button.isVisible() and not dlg.workdays.isEnabled()
    assert dlg.options() == {}


def test_generate_then_open(qtbot, profile, tmp_path, dialogs, opened):
    made = make_case(profile, tmp_path)
    dlg = make(qtbot, profile, made.case_id, tmp_path)
    dlg.workdays.setValue(5)
    assert missing_labels(dlg) == []
    with qtbot.waitSignal(dlg.generated, timeout=20000) as sig:
        dlg.generate_button.click()
    doc = sig.args[0]
    assert [p.suffix for p in doc.paths] == [".docx", ".pdf"] and all(p.exists() for p in doc.paths)
    # EMS on 2025-09-26, arrival estimated 09-29: 5 working days → 10-13
    assert "2025年10月13日" in docx_text(doc.paths[0])
    # the letter and, beside it, its 内部提示 (not for filing)
    assert [p.name.split("_")[1] for p in doc.advice_paths] == [
        "内部提示（不要寄出）"
    ] * 2  # a demand letter goes to the platform
    assert dlg.files.count() == 4 and dlg.open_button.isEnabled()
    assert "内部提示" in dlg.status.text()
    assert "已生成" in dlg.status.text()
    dlg.open_button.click()
    dlg.folder_button.click()
    assert opened == [str(doc.paths[0]), str(doc.paths[0].parent)]
    assert dialogs == []


def test_export_attachments_from_the_dialog(qtbot, profile, tmp_path, dialogs):
    made = make_case(profile, tmp_path)
    dlg = make(qtbot, profile, made.case_id, tmp_path)
    dlg.set_kind("complaint-12315")
    with qtbot.waitSignal(dlg.exported, timeout=20000) as sig:
        dlg.attachments_button.click()
    results = sig.args[0]
    assert len(results) == 5 and Path(results[0].path).parent.name == "12315附件"
    assert dlg.files.count() == 5


def test_failure_is_shown_not_raised(qtbot, profile, case_id, tmp_path, dialogs):
    dlg = make(qtbot, profile, case_id, tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    dlg.out_dir.setText(str(blocker / "sub"))  # cannot create a folder under a file
    with qtbot.waitSignal(dlg.failed, timeout=20000):
        dlg.generate_button.click()
    assert dialogs and dialogs[-1][0] == "warn"
    assert dlg.generate_button.isEnabled()


def test_the_interest_rate_rule_is_chosen_in_the_dialog_and_stated_in_the_complaint(
    qtbot, profile, tmp_path, dialogs
):
    """The LPR the interest uses (合同成立时 by default, or 同期 in segments) is the user's choice in the
    app as on the command line; the 起诉状 states the rule chosen."""
    made = make_case(profile, tmp_path)
    dlg = make(qtbot, profile, made.case_id, tmp_path)
    dlg.show()
    assert not dlg.lpr_rule.isEnabled()  # a demand letter claims no interest
    dlg.set_kind("lawsuit")
    assert dlg.lpr_rule.isEnabled() and dlg.lpr_rule.currentData() == "formation"
    dlg.lpr_date_on.setChecked(True)
    dlg.lpr_date.setDate(dlg.lpr_date.date().fromString("2025-03-02", "yyyy-MM-dd"))
    assert dlg.options()["lpr_date"] == "2025-03-02" and "lpr" not in dlg.options()
    with qtbot.waitSignal(dlg.generated, timeout=30000) as sig:
        dlg.generate_button.click()
    assert "合同成立时（2025年3月2日）" in docx_text(sig.args[0].paths[0])
    dlg.lpr_rule.setCurrentIndex(dlg.lpr_rule.findData("per_period"))
    assert not dlg.lpr_date.isEnabled() and not dlg.lpr_date_on.isEnabled()
    assert dlg.options()["lpr"] == "per_period" and "lpr_date" not in dlg.options()
    with qtbot.waitSignal(dlg.generated, timeout=30000) as sig:
        dlg.generate_button.click()
    text = docx_text(sig.args[0].paths[0])
    assert "同期一年期贷款市场报价利率" in text and "合同成立时（" not in text
    assert dialogs == []
