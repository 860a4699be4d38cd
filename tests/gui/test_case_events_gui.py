"""Every view current: a bill or a chat imported on its own tab, an excerpt, a merge — the 证据 tab,
the case sidebar and the other tabs follow at once; exhibits are named by their binder number."""

import pytest
from PySide6.QtCore import Qt

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.evidence.importer import import_paths
from tests.core.bills import bill_fixtures as bf
from tests.core.chats import chat_fixtures as cf
from tests.gui.conftest import import_and_wait
from tests.helpers import screenshot


@pytest.fixture
def other_case_first(profile, tmp_path):
    """Exhibits of another case take the first database ids, so an id is not the binder number."""
    with profile.session() as s:
        other = create_case(s, "另一个案件", platform_name="别的平台").id
    paths = [screenshot(tmp_path / f"other_{i}.png", 70 + i) for i in range(6)]
    import_paths(profile, other, paths)
    return other


def _count_text(win):
    return win.sidebar.list.currentItem().text()


def test_a_bill_imported_on_its_tab_shows_at_once_on_the_evidence_tab_and_the_sidebar(
    qtbot, case_window, profile, case_id, tmp_path, other_case_first
):
    win = case_window
    win.sidebar.refresh(select=case_id)
    import_and_wait(qtbot, win, [screenshot(tmp_path / "订单.png", 3)])
    assert "1 项证据" in _count_text(win)
    bills = win.workspace.bills
    win.workspace.setCurrentWidget(bills)
    path = tmp_path / "支付宝交易明细.csv"
    path.write_bytes(bf.alipay_app_csv())
    with qtbot.waitSignal(bills.import_finished, timeout=20000) as done:
        bills.import_bill_file(path)
    result = done.args[0]
    evidence = win.evidence
    qtbot.waitUntil(lambda: result.exhibit_id in evidence.model.visible_ids(), timeout=5000)
    assert evidence.model.exhibit_count() == 2 and "共 2 项" in evidence.count_label.text()
    assert "2 项证据" in _count_text(win)
    assert result.exhibit_id > 2 and "（证据 2）" in bills.status.text()  # its binder number, not its id
    assert f"证据 {result.exhibit_id}" not in bills.status.text()


def test_a_chat_and_its_excerpt_show_at_once_on_the_evidence_tab(
    qtbot, case_window, profile, case_id, tmp_path
):
    win = case_window
    chats = win.workspace.chats
    win.workspace.setCurrentWidget(chats)
    path = tmp_path / "qq.txt"
    path.write_bytes(cf.qq_txt())
    with (
        qtbot.waitSignal(chats.import_finished, timeout=20000),
        qtbot.waitSignal(chats.loaded, timeout=20000),
    ):
        chats.import_file(path, me=["小明"])
    evidence = win.evidence
    # the export holds a private chat (6 messages) and a group chat (5): one exhibit each
    qtbot.waitUntil(lambda: evidence.model.exhibit_count() == 2, timeout=5000)
    assert "2 项证据" in _count_text(win)
    qtbot.waitUntil(lambda: chats.worker is None and chats.model.rowCount() == 6, timeout=5000)
    chats.select_span(0, 2)
    with qtbot.waitSignal(chats.excerpt_created, timeout=5000) as made:
        chats.excerpt_button.click()
    excerpt = made.args[0]
    qtbot.waitUntil(lambda: excerpt.exhibit_id in evidence.model.visible_ids(), timeout=5000)
    assert evidence.model.exhibit_count() == 3 and "3 项证据" in _count_text(win)


def test_an_edit_on_the_evidence_tab_reaches_a_showing_bills_tab_and_the_detail_follows_undo(
    qtbot, case_window, profile, case_id, tmp_path
):
    win = case_window
    report = import_and_wait(qtbot, win, [screenshot(tmp_path / f"s{i}.png", 80 + i) for i in range(3)])
    ids = [i.exhibit_id for i in report.imported]
    evidence = win.evidence
    evidence.select_ids([ids[0]])
    with qtbot.waitSignal(win.workspace.events.changed, timeout=5000) as told:
        evidence.detail.title.setText("付款截图")
        evidence.detail.title.editingFinished.emit()
    assert told.args == [case_id, evidence]
    evidence.select_ids([ids[1]])
    evidence.grid.setFocus()
    with qtbot.waitSignal(win.workspace.events.changed, timeout=5000):
        qtbot.keyClick(evidence.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert evidence.model.exhibit_at(evidence.model.row_for_id(ids[0])).title == "s0"
