"""Tab 聊天记录: bubbles (the user on the right), search, excerpt of a selected span, import."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from kami_desktop.core.chats import store as C
from kami_desktop.gui.chat_bubble_delegate import ME_BG, OTHER_BG
from kami_desktop.gui.chat_view import ChatView
from tests.core.chats import chat_fixtures as cf
from tests.core.chats.test_chat_store import wav


@pytest.fixture
def view(qtbot, profile, dialogs):
    v = ChatView(profile, None)
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    return v


@pytest.fixture
def qq_chat(profile, case_id, tmp_path):
    path = tmp_path / "qq.txt"
    path.write_bytes(cf.qq_txt())
    return C.import_chat(profile, case_id, path, me="小明")


def show_case(qtbot, view, case_id):
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.set_case(case_id)


def bubble_xs(view, row: int, color: QColor) -> list[int]:
    """x positions in the row's rectangle painted with exactly this bubble colour."""
    rect = view.list.visualRect(view.model.index(row))
    image = view.list.viewport().grab().toImage()
    y = rect.center().y()
    return [x for x in range(rect.left(), rect.right()) if image.pixelColor(x, y) == color]


def test_bubbles_mine_on_the_right(qtbot, view, case_id, qq_chat):
    show_case(qtbot, view, case_id)
    assert view.model.rowCount() == qq_chat.chats[0]["messages"] == 6  # the private chat of the export
    assert view.chat_box.count() == 2 and "QQ聊天记录" in view.chat_box.currentText()
    view.list.scrollToTop()
    half = view.list.viewport().width() // 2
    mine, theirs = bubble_xs(view, 0, ME_BG), bubble_xs(view, 1, OTHER_BG)
    assert mine and min(mine) > half
    assert theirs and max(theirs) < half
    assert view.model.index(0).data() == "你好，我充值的100元点卡没有到账"
    assert not view.grab().isNull()


def test_search_finds_a_message_and_steps_through_hits(qtbot, view, case_id, qq_chat):
    show_case(qtbot, view, case_id)
    view.search.setText("系统维护")
    qtbot.waitUntil(lambda: view.hit_label.text() == "1/1", timeout=3000)
    assert view.model.current_hit == 4 and view.model.rows[4].seq == 5
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.chat_box.setCurrentIndex(1)  # the group chat
    assert "群聊" in view.chat_box.currentText()
    view.search.setText("没到账")
    view.run_search()
    assert view.hit_label.text() == "1/2" and view.model.current_hit == 1
    view.step_hit(1)
    assert view.hit_label.text() == "2/2" and view.model.current_hit == 4
    view.step_hit(1)
    assert view.model.current_hit == 1
    view.search.setText("不存在的词")
    view.run_search()
    assert view.hit_label.text() == "没有找到"


def test_a_trashed_chat_leaves_the_list(qtbot, view, profile, case_id, qq_chat):
    from kami_desktop.core.evidence.exhibits import restore, trash

    show_case(qtbot, view, case_id)
    with profile.session() as s:
        for c in qq_chat.chats:
            trash(s, c["exhibit_id"])
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.reload()
    assert view.chat_box.count() == 0 and view.model.rowCount() == 0 and "还没有聊天记录" in view.info.text()
    with profile.session() as s:
        restore(s, qq_chat.exhibit_id)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.reload()
    assert view.chat_box.count() == 1 and view.model.rowCount() == 6


def test_selected_span_becomes_an_excerpt_exhibit(qtbot, view, profile, case_id, qq_chat):
    show_case(qtbot, view, case_id)
    assert not view.excerpt_button.isEnabled()
    view.select_span(0, 2)
    assert view.excerpt_button.isEnabled() and "第 1—3 条" in view.selection_label.text()
    with qtbot.waitSignal(view.excerpt_created, timeout=5000) as made:
        view.excerpt_button.click()
    excerpt = made.args[0]
    assert (excerpt.first_seq, excerpt.last_seq, excerpt.source_exhibit_id) == (1, 3, qq_chat.exhibit_id)
    assert "已生成摘录证据" in view.status.text()
    text = profile.blob_path(excerpt.sha256).read_text(encoding="utf-8")
    assert "你好，我充值的100元点卡没有到账" in text and qq_chat.sha256 in text


def test_import_button_imports_a_chat_and_a_voice_file(qtbot, view, profile, case_id, tmp_path):
    show_case(qtbot, view, case_id)
    assert "还没有聊天记录" in view.info.text()
    chat = tmp_path / "星辰客服_utf8.csv"
    chat.write_bytes(cf.memotrace_csv())
    view.choose_file = lambda: str(chat)
    view.ask_me = lambda senders, name: ([], [])  # WeChat exports mark the user's messages themselves
    with qtbot.waitSignal(view.import_finished, timeout=20000), qtbot.waitSignal(view.loaded, timeout=20000):
        view.import_button.click()
    assert view.chat_box.count() == 1 and view.model.rowCount() == 8
    qtbot.waitUntil(lambda: view.worker is None, timeout=5000)
    voice = tmp_path / "语音.wav"
    voice.write_bytes(wav(42))
    with qtbot.waitSignal(view.import_finished, timeout=20000) as done:
        view.import_file(voice)
    assert done.args[0].duration == 42.0 and "0:42" in view.status.text()
    qtbot.waitUntil(lambda: view.worker is None, timeout=5000)
    bad = tmp_path / "notes.txt"
    bad.write_text("随便写的\n", encoding="utf-8")
    with qtbot.waitSignal(view.import_finished, timeout=20000) as done:
        view.import_file(bad, me=[])
    assert done.args[0] is None and "notes.txt" in view.status.text()


def test_import_asks_who_is_who_from_the_senders_list(qtbot, view, profile, case_id, tmp_path):
    """The user and the platform's staff are ticked in a list of the export's senders; a QQ export with a
    private chat and a group chat becomes two chats; the group's other members read as 其他用户."""
    from kami_desktop.core.chats import parse_chat
    from kami_desktop.core.chats.speakers import list_senders
    from kami_desktop.gui.chat_senders_dialog import STAFF_COL, SendersDialog

    path = tmp_path / "qq.txt"
    path.write_bytes(cf.qq_txt())
    dialog = SendersDialog(list_senders(parse_chat(path)), path.name)
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(r, 3).text(): dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())
    }
    assert rows["12345"] == "小明" and rows["20002"] == "阿强" and rows["30003"] == "Tom(小号)"
    assert dialog.chosen(0) == ["小明"]  # the private chat shows who the user is
    dialog.check("12345")
    dialog.check("20002", STAFF_COL)
    dialog.check("20002")  # the user or staff, not both
    assert dialog.choice() == (["小明", "12345", "20002"], [])
    dialog.check("20002", STAFF_COL)
    assert dialog.choice() == (["小明", "12345"], ["20002"])

    asked: list = []
    view.ask_me = lambda senders, name: asked.append((len(senders), name)) or dialog.choice()
    view.choose_file = lambda: str(path)
    show_case(qtbot, view, case_id)
    with qtbot.waitSignal(view.import_finished, timeout=20000) as done:
        view.import_button.click()
    assert asked == [(6, "qq.txt")] and len(done.args[0].chats) == 2
    assert "2 个会话" in view.status.text()
    qtbot.waitUntil(lambda: view.chat_box.count() == 2, timeout=10000)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.chat_box.setCurrentIndex(1)
    roles = [(r.sender, r.role) for r in view.model.rows]
    assert roles[1:] == [("小明", "me"), ("阿强", "platform"), ("客服", "other"), ("Tom(小号)", "other")]
    assert not view.grab().isNull()
