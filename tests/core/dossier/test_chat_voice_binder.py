"""The binder's chat pages name, on a voice message's line, the exhibit that holds its audio file, so a
clerk finds the waveform page; WeChat's speech-to-text is printed as WeChat's, never as the user's."""

from __future__ import annotations

import pymupdf

from kami_desktop.core.chats import store as C
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.evidence.exhibits import trash
from tests.core.chats import voice_exports as vx
from tests.core.dossier.cases import options


def _pages(result, title_start: str) -> str:
    doc = pymupdf.open(result.pdf)
    x = next(e for e in result.exhibits if e.title.startswith(title_start))
    return "".join(doc[p - 1].get_text() for p in range(x.first_page, x.last_page + 1)).replace("\n", "")


def test_a_voice_message_line_names_the_exhibit_with_its_waveform(profile, case_id, tmp_path):
    page = vx.standard_html(tmp_path)
    result = C.import_chat(profile, case_id, page, vx.ME)
    built = build_dossier(profile, case_id, options(tmp_path / "out"))
    numbers = {e.title: e.number for e in built.exhibits}
    first = "语音消息 2025-03-12 20:30 客服小王"
    chat = _pages(built, result.title[:8])
    assert f"录音见证据{numbers[first]}《{first}》" in chat
    assert f"录音见证据{numbers['语音消息 2025-03-12 20:32 小明']}" in chat
    assert f"（微信语音转文字：{vx.SAID}）" in chat
    voice = _pages(built, first)  # that exhibit: its source names the chat and the time, then the waveform
    assert f"《{result.title}》中 2025-03-12 20:30:05 客服小王" in voice and "./voice/1001.mp3" in voice
    assert "波形" in voice and "原文件名 1001.mp3" in voice
    assert f"微信语音转文字（微信自动识别，非本人整理）：{vx.SAID}" in voice
    assert "录音文字记录" not in voice  # the user wrote no transcript: none is printed as theirs


def test_a_voice_file_left_out_of_the_binder_is_not_named(profile, case_id, tmp_path):
    page = vx.standard_html(tmp_path)
    result = C.import_chat(profile, case_id, page, vx.ME)
    gone = result.voices["imported"][0]["exhibit_id"]
    with profile.session() as s:
        trash(s, gone)
    built = build_dossier(profile, case_id, options(tmp_path / "out"))
    chat = _pages(built, result.title[:8])
    assert "语音消息 2025-03-12 20:30" not in chat
    assert chat.count("录音见证据") == 2


def test_a_voice_exhibit_time_is_named_as_the_time_the_message_was_sent(profile, case_id, tmp_path):
    """The time a voice exhibit carries is when the message was sent (from the chat export), not when the
    evidence was collected: the page does not call it 取证时间."""
    page = vx.standard_html(tmp_path)
    C.import_chat(profile, case_id, page, vx.ME)
    built = build_dossier(profile, case_id, options(tmp_path / "out"))
    voice = _pages(built, "语音消息 2025-03-12 20:30 客服小王")
    assert "发送时间（聊天记录）：2025-03-12 20:30:05" in voice
    assert "取证时间" not in voice
    chat = _pages(built, "微信聊天记录")  # the export's time is its last message, not when it was exported
    assert "最后一条消息时间（聊天记录）：2025-03-12 20:32:05" in chat and "取证时间" not in chat
