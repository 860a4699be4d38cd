"""Voice messages in the 聊天记录 tab: importing a MemoTrace export with its voice/ folder reports the
audio files; a voice message names the exhibit holding its recording, opens it on the 证据 tab and plays
its decoded copy; a missing file is named on its message."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from kami_desktop.gui.case_tabs import CaseWorkspace
from kami_desktop.gui.chat_message_model import MessageRole
from tests.core.chats import voice_exports as vx


@pytest.fixture
def workspace(qtbot, profile, dialogs):
    ws = CaseWorkspace(profile, None)
    qtbot.addWidget(ws)
    ws.resize(1100, 750)
    ws.show()
    return ws


def test_a_voice_message_names_opens_and_plays_its_recording(qtbot, workspace, profile, case_id, tmp_path):
    view = workspace.chats
    page = vx.memotrace_html(
        tmp_path, [("./voice/1001.mp3", vx.SAID, False), ("./voice/gone.mp3", "", False)]
    )
    vx.mp3_file(page.parent / "voice" / "1001.mp3")
    with qtbot.waitSignal(workspace.evidence.loaded, timeout=20000):
        workspace.set_case(case_id)
    workspace.setCurrentWidget(view)
    view.ask_me = lambda senders, name: ([vx.ME], [])
    with (
        qtbot.waitSignal(view.import_finished, timeout=30000) as done,
        qtbot.waitSignal(view.loaded, timeout=30000),
    ):
        view.import_file(page)
    result = done.args[0]
    assert "语音文件：找到 1 个，新导入 1 个，已在本案中 0 个，缺失 1 个" in view.status.text()
    assert "./voice/gone.mp3" in view.status.text()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=10000)
    said = view.model.index(1).data(MessageRole)
    gone = view.model.index(2).data(MessageRole)
    exhibit_id = result.voices["imported"][0]["exhibit_id"]
    assert said.text == f"[语音]（微信语音转文字：{vx.SAID}）"
    assert said.voice == "录音：证据 2《语音消息 2025-03-12 20:30 客服小王》（双击查看）"
    assert said.voice_exhibit == exhibit_id
    assert "不在导出文件夹中" in gone.voice and "./voice/gone.mp3" in gone.voice and not gone.voice_exhibit
    assert "证据 2" in view.model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    # the bubble is tall enough for the extra line
    assert (
        view.list.visualRect(view.model.index(1)).height()
        > view.list.visualRect(view.model.index(0)).height()
    )

    menu = QMenu()
    view.voice.add_actions(menu, 1)
    assert [a.text() for a in menu.actions()] == ["播放录音", "在证据中查看"]
    empty = QMenu()
    view.voice.add_actions(empty, 2)
    assert empty.actions() == []

    played: list = []
    view.voice.open_url = lambda path: played.append(path) or True
    path = view.voice.play(1)
    assert played == [path]
    with wave.open(str(path)) as w:
        assert w.getnframes() / w.getframerate() > 1.0

    with qtbot.waitSignal(view.voice.open_exhibit, timeout=3000) as opened:
        view.list.doubleClicked.emit(view.model.index(1))
    assert opened.args == [exhibit_id]
    assert workspace.currentWidget() is workspace.evidence
    qtbot.waitUntil(lambda: workspace.evidence.selected_ids() == [exhibit_id], timeout=10000)


def test_a_voice_line_follows_its_exhibit_to_the_trash_and_back(qtbot, workspace, profile, case_id, tmp_path):
    from kami_desktop.core.chats import store as C
    from kami_desktop.core.evidence.exhibits import restore, trash

    page = vx.memotrace_html(tmp_path, [("./voice/1001.mp3", "", False)])
    vx.mp3_file(page.parent / "voice" / "1001.mp3")
    result = C.import_chat(profile, case_id, page, vx.ME)
    exhibit_id = result.voices["imported"][0]["exhibit_id"]
    view = workspace.chats
    with qtbot.waitSignal(view.loaded, timeout=20000):
        workspace.set_case(case_id)
        workspace.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10000)
    assert view.model.index(1).data(MessageRole).voice.startswith("录音：证据 2《")
    workspace.setCurrentWidget(workspace.evidence)
    with profile.session() as s:
        trash(s, exhibit_id)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        workspace.setCurrentWidget(view)  # shown again: the chat is reloaded
    qtbot.waitUntil(
        lambda: "已不在本案的证据中" in view.model.index(1).data(MessageRole).voice, timeout=10000
    )
    assert view.model.index(1).data(MessageRole).voice_exhibit == 0
    menu = QMenu()
    view.voice.add_actions(menu, 1)
    assert menu.actions() == []
    workspace.setCurrentWidget(workspace.evidence)
    with profile.session() as s:
        restore(s, exhibit_id)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        workspace.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.index(1).data(MessageRole).voice_exhibit == exhibit_id, timeout=10000)


def test_the_import_line_says_a_recording_is_in_the_trash(qtbot, workspace, profile, case_id, tmp_path):
    """Importing the export again while one of its recordings is in the trash: the status line says so
    (it was not imported again), as the core report does."""
    from kami_desktop.core.chats import store as C
    from kami_desktop.core.evidence.exhibits import trash

    page = vx.standard_html(tmp_path)
    first = C.import_chat(profile, case_id, page, vx.ME)
    with profile.session() as s:
        trash(s, first.voices["imported"][0]["exhibit_id"])
    again = C.import_chat(profile, case_id, page, vx.ME)
    text = workspace.chats.voice.summary(again.voices)
    assert (
        text == "语音文件：找到 3 个，新导入 0 个，已在本案中 2 个，缺失 0 个，在回收站中 1 个（未重新导入）"
    )
