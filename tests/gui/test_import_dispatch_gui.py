"""One way in: a drop, a paste of files or Ctrl+O sends bills to 账单, chat exports to 聊天记录 and other
files to the evidence grid — recognised by content, asking only the ZIP password and who "me" is."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from kami_desktop.core.bills import store as billstore
from kami_desktop.core.chats import store as chatstore
from kami_desktop.core.evidence import exhibits as X
from tests.core.bills import bill_fixtures as bf
from tests.core.chats import chat_fixtures as cf
from tests.gui.test_import_gui import _drag_enter, _url_mime
from tests.helpers import screenshot


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _categories(profile, case_id):
    with profile.session() as s:
        return sorted(e.category for e in X.list_exhibits(s, case_id))


def _bills(profile, case_id):
    with profile.session() as s:
        return billstore.live_bills(s, case_id)


def test_a_drop_of_a_bill_a_chat_and_a_screenshot_sends_each_to_its_importer(
    qtbot, case_window, profile, case_id, tmp_path
):
    win = case_window
    ws = win.workspace
    asked = []
    ws.chats.ask_me = lambda senders, name: asked.append("me") or (["小明"], [])
    bill = _write(tmp_path, "支付宝交易明细(20250301-20250331).csv", bf.alipay_app_csv())
    chat = _write(tmp_path, "与星辰客服的聊天.txt", cf.qq_txt())
    shot = screenshot(tmp_path / "付款截图.png", 9)
    md = _url_mime([bill, chat, shot])
    pos = QPointF(win.width() / 2, win.height() / 2)
    QApplication.sendEvent(win, _drag_enter(pos, md))
    drop = QDropEvent(
        pos, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with (
        qtbot.waitSignal(win.dispatcher.routed, timeout=10000) as routed,
        qtbot.waitSignal(ws.bills.import_finished, timeout=20000) as bill_done,
        qtbot.waitSignal(ws.chats.import_finished, timeout=20000) as chat_done,
        qtbot.waitSignal(win.imports.finished, timeout=20000),
    ):
        QApplication.sendEvent(win, drop)
    found = routed.args[0]
    assert (found.bills, found.chats, found.files) == ([str(bill)], [str(chat)], [str(shot)])
    assert bill_done.args[0].rows == 9 and chat_done.args[0].messages == 11 and asked == ["me"]
    # the chat export holds two conversations (a private chat and a group chat): one exhibit each
    qtbot.waitUntil(lambda: win.evidence.model.exhibit_count() == 4, timeout=5000)
    assert _categories(profile, case_id) == [
        "funds",
        "interaction",
        "interaction",
        "other",
    ]  # the bill is no plain 其他 file
    with profile.session() as s:
        assert [c["me"] for c in chatstore.list_chats(s, case_id)] == ["小明", "小明"]
    assert "4 项证据" in win.sidebar.list.currentItem().text()
    qtbot.waitUntil(lambda: ws.bills.model.rowCount() == 9, timeout=5000)  # the 账单 tab shows its rows


def test_ctrl_o_with_an_encrypted_bill_zip_asks_only_the_password(
    qtbot, case_window, profile, case_id, tmp_path
):
    win = case_window
    ws = win.workspace
    zipped = _write(tmp_path, "alipay_mail.zip", bf.alipay_zip(bf.alipay_app_csv(), "8642"))
    win.choose_files = lambda: [str(zipped)]
    asked = []
    ws.bills.ask_password = lambda name, wrong: (
        asked.append((name, wrong)) or ("1111" if not asked[1:] else "8642")
    )
    win.evidence.grid.setFocus()
    with qtbot.waitSignal(ws.bills.import_finished, timeout=20000) as done:
        qtbot.keyClick(win.evidence.grid, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert done.args[0] is not None and done.args[0].rows == 9
    assert asked == [("alipay_mail.zip", False), ("alipay_mail.zip", True)]  # a wrong password is asked again
    assert ws.currentWidget() is ws.bills  # only a bill: its tab comes forward
    assert len(_bills(profile, case_id)) == 1 and _categories(profile, case_id) == ["funds"]
    qtbot.waitUntil(lambda: win.evidence.model.exhibit_count() == 1, timeout=5000)


def test_pasting_a_copied_wechat_bill_file_imports_it_as_a_bill(
    qtbot, case_window, profile, case_id, tmp_path
):
    win = case_window
    ws = win.workspace
    xlsx = _write(tmp_path, "微信支付账单(20250301-20250331).xlsx", bf.wechat_xlsx())
    QApplication.clipboard().setMimeData(_url_mime([xlsx]))
    with qtbot.waitSignal(ws.bills.import_finished, timeout=20000) as done:
        win.paste_action.trigger()
    assert done.args[0] is not None and done.args[0].source == "wechat"
    assert _categories(profile, case_id) == ["funds"]
    assert "1 份账单" in win.statusBar().currentMessage() or "已导入" in ws.bills.status.text()


def test_the_bills_and_chat_tabs_own_buttons_route_a_file_as_a_drop_would(
    qtbot, case_window, profile, case_id, tmp_path
):
    """A chat export picked with 导入账单… goes to 聊天记录, a bill picked with 导入聊天记录… goes to
    账单, a screenshot picked in either becomes an evidence file: by content, through the dispatcher."""
    win = case_window
    ws = win.workspace
    ws.chats.ask_me = lambda senders, name: (["小明"], [])
    chat = _write(tmp_path, "与星辰客服的聊天.txt", cf.qq_txt())
    bill = _write(tmp_path, "支付宝交易明细(20250301-20250331).csv", bf.alipay_app_csv())
    shot = screenshot(tmp_path / "付款截图.png", 4)

    ws.setCurrentWidget(ws.bills)
    ws.bills.choose_file = lambda: str(chat)
    with (
        qtbot.waitSignal(win.dispatcher.routed, timeout=10000) as routed,
        qtbot.waitSignal(ws.chats.import_finished, timeout=20000) as chat_done,
    ):
        qtbot.mouseClick(ws.bills.import_button, Qt.MouseButton.LeftButton)
    assert routed.args[0].chats == [str(chat)] and chat_done.args[0].messages == 11
    assert _bills(profile, case_id) == [] and ws.currentWidget() is ws.chats

    ws.chats.choose_file = lambda: str(bill)
    qtbot.waitUntil(ws.chats.import_button.isEnabled, timeout=5000)  # the chat import has wound up
    with qtbot.waitSignal(ws.bills.import_finished, timeout=20000) as bill_done:
        qtbot.mouseClick(ws.chats.import_button, Qt.MouseButton.LeftButton)
    assert bill_done.args[0].rows == 9 and ws.currentWidget() is ws.bills

    ws.bills.choose_file = lambda: str(shot)
    qtbot.waitUntil(ws.bills.import_button.isEnabled, timeout=5000)
    with qtbot.waitSignal(win.imports.finished, timeout=20000) as files_done:
        qtbot.mouseClick(ws.bills.import_button, Qt.MouseButton.LeftButton)
    assert [i.original_name for i in files_done.args[0].imported] == ["付款截图.png"]
    assert len(_bills(profile, case_id)) == 1  # the picture did not become a bill
    assert _categories(profile, case_id).count("funds") == 1
