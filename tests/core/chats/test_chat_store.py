"""Chats and voice files in a case: import with every message, duplicates, voice durations, search and
excerpts (a new derived exhibit; the original is never modified)."""

from __future__ import annotations

import io
import json
import wave

import pytest
from sqlalchemy import func, select

from kami_desktop.core.chats import ChatError, parse_chat
from kami_desktop.core.chats import excerpts as X
from kami_desktop.core.chats import store as C
from kami_desktop.core.evidence.exhibits import get_exhibit, purge, trash
from kami_desktop.core.store import ledger
from kami_desktop.core.store.model import Chat, ChatMessage, Exhibit, ExhibitFile
from tests.core.chats import chat_fixtures as cf


def counts(profile) -> dict:
    with profile.session() as s:
        out = {
            name: s.scalar(select(func.count()).select_from(model))
            for name, model in (
                ("exhibits", Exhibit),
                ("files", ExhibitFile),
                ("chats", Chat),
                ("messages", ChatMessage),
            )
        }
    out["vault"] = sum(1 for _ in profile.vault.iter_blob_paths())
    return out


def write(tmp_path, name: str, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def wav(seconds: float, rate: int = 8000) -> bytes:
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x00" * int(seconds * rate))
    return buf.getvalue()


@pytest.mark.parametrize(
    "name,data",
    [
        ("qq.txt", cf.qq_txt()),
        ("星辰客服_utf8.csv", cf.memotrace_csv()),
        ("星辰客服.txt", cf.memotrace_txt()),
        ("星辰客服.html", cf.memotrace_html()),
        ("pywxdump.csv", cf.pywxdump_csv()),
    ],
)
def test_import_stores_every_message_in_order(profile, case_id, tmp_path, name, data):
    """Every message of the export is stored once, in order; each conversation is its own chat and
    exhibit holding the same original file (the QQ fixture holds a private chat and a group chat)."""
    path = write(tmp_path, name, data)
    me = "小明" if name == "qq.txt" else None  # WeChat exports mark the user's own messages themselves
    parsed = parse_chat(path, me)
    result = C.import_chat(profile, case_id, path, me=me)
    assert not result.duplicate and result.messages == len(parsed.messages) > 0
    assert len(result.chats) == len({m.conversation for m in parsed.messages})
    stored = []
    with profile.session() as s:
        for info in result.chats:
            ex = get_exhibit(s, info["exhibit_id"])
            assert ex.category == "interaction" and "记录" in ex.title
            chat = s.get(Chat, info["chat_id"])
            assert (
                chat.format == parsed.format
                and chat.me == (me or "")
                and chat.blob_sha256 == ex.files[0].blob_sha256
            )
            msgs = C.chat_messages(s, chat.id)
            assert [m.seq for m in msgs] == list(range(1, len(msgs) + 1))
            stored += [(m.line, m.time, m.sender, m.is_me, m.kind, m.text) for m in msgs]
        assert len({i["exhibit_id"] for i in result.chats}) == len(result.chats)
        assert [e.action for e in ledger.entries(s, case_id)][-1] == "chat.import"
    assert stored == [(m.line, m.time, m.sender, m.is_me, m.kind, m.text) for m in parsed.messages]


def test_duplicate_import_adds_nothing(profile, case_id, tmp_path):
    path = write(tmp_path, "qq.txt", cf.qq_txt())
    first = C.import_chat(profile, case_id, path, me="小明")
    before = counts(profile)
    again = C.import_chat(profile, case_id, path, me="小明")
    assert again.duplicate and (again.chat_id, again.exhibit_id) == (first.chat_id, first.exhibit_id)
    assert counts(profile) == before


@pytest.mark.parametrize(
    "name,data,word",
    [
        ("bill.csv", "微信支付账单明细\n".encode() + b"x" * 50, "账单"),
        ("broken.csv", b"localId,TalkerId,Type,Foo\n1,2,3,4\n", "表头"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "图片"),
        ("notes.txt", "随便写的一些字\n没有时间\n".encode(), "不是可识别的聊天记录"),
    ],
)
def test_bad_input_is_refused_before_anything_is_stored(profile, case_id, tmp_path, name, data, word):
    before = counts(profile)
    with pytest.raises(ChatError) as err:
        C.import_chat(profile, case_id, write(tmp_path, name, data))
    assert name in str(err.value) and word in str(err.value)
    assert counts(profile) == before


def test_a_failure_while_storing_messages_takes_the_exhibit_back(profile, case_id, tmp_path, monkeypatch):
    before = counts(profile)
    monkeypatch.setattr(C, "insert", lambda *a: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError):
        C.import_chat(profile, case_id, write(tmp_path, "qq.txt", cf.qq_txt()))
    assert counts(profile) == before
    assert list(profile.vault.journal.iterdir()) == []


def test_a_failure_while_storing_messages_keeps_a_blob_another_case_holds(
    profile, case_id, tmp_path, monkeypatch
):
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.verify import verify

    path = write(tmp_path, "qq.txt", cf.qq_txt())
    with profile.session() as s:
        other = create_case(s, "另一个案件").id
    kept = C.import_chat(profile, other, path, me="小明")
    before = counts(profile)
    with profile.session() as s:
        head = ledger.head_hash(s)
    monkeypatch.setattr(C, "insert", lambda *a: (_ for _ in ()).throw(RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        C.import_chat(profile, case_id, path, me="小明")
    assert counts(profile) == before  # no exhibit and no message in this case; the other case's file stays
    with profile.session() as s:
        assert ledger.head_hash(s) == head
        assert C.list_chats(s, case_id) == [] and len(C.list_chats(s, other)) == 2  # private + group
    assert profile.blob_path(kept.sha256).read_bytes() == cf.qq_txt()
    assert verify(profile, full=True).ok


def test_voice_file_is_an_exhibit_with_its_duration(profile, case_id, tmp_path):
    result = C.import_chat(profile, case_id, write(tmp_path, "msg_0042.wav", wav(42)))
    assert isinstance(result, C.VoiceImport) and result.duration == 42.0
    with profile.session() as s:
        ex = get_exhibit(s, result.exhibit_id)
        assert ex.category == "interaction" and ex.title == "语音 0:42（msg_0042）"
        assert "0:42" in ex.notes and "42 秒" in ex.notes
    again = C.import_voice(profile, case_id, tmp_path / "msg_0042.wav")
    assert again.duplicate and again.exhibit_id == result.exhibit_id
    unknown = C.import_chat(profile, case_id, write(tmp_path, "odd.amr", b"not really audio"))
    assert unknown.duration is None and unknown.title == "语音（odd）"


@pytest.mark.parametrize(
    "seconds,text", [(None, ""), (0.4, "0:00"), (42, "0:42"), (605.6, "10:06"), (3723, "1:02:03")]
)
def test_format_duration(seconds, text):
    assert C.format_duration(seconds) == text


def test_search_and_list(profile, case_id, tmp_path):
    result = C.import_chat(profile, case_id, write(tmp_path, "qq.txt", cf.qq_txt()), me="小明")
    with profile.session() as s:
        private, group = C.list_chats(s, case_id)
        assert C.search_chat(s, group["chat_id"], "没到账") == [2, 5]
        assert C.search_chat(s, private["chat_id"], "没有到账") == [1]
        assert C.search_chat(s, result.chat_id, "  ") == []
        assert private["messages"] + group["messages"] == result.messages
        assert private["first"] == "2026-03-01T09:05:12+08:00" and private["conversation"] == cf.SHOP
        assert group["conversation"] == "星辰卡盟售后群" and group["group_chat"] and not private["group_chat"]


def test_excerpt_is_a_new_exhibit_and_the_original_is_untouched(profile, case_id, tmp_path):
    path = write(tmp_path, "qq.txt", cf.qq_txt())
    chat = C.import_chat(profile, case_id, path, me="小明")
    original = profile.blob_path(chat.sha256).read_bytes()
    ex = X.excerpt_exhibit(profile, case_id, chat.chat_id, 3, 1)  # the range is normalised
    assert (ex.first_seq, ex.last_seq, ex.messages) == (1, 3, 3) and not ex.duplicate
    assert ex.exhibit_id != chat.exhibit_id and ex.source_sha256 == chat.sha256
    text = profile.blob_path(ex.sha256).read_text(encoding="utf-8")
    assert chat.sha256 in text and "第 1—3 条消息" in text
    assert "[1] 2026-03-01 09:05:12  小明（本人）\n你好，我充值的100元点卡没有到账" in text
    assert "订单号：2026030122001155711407540001\n\n请尽快处理，谢谢" in text
    assert "系统维护中" not in text
    with profile.session() as s:
        exhibit = get_exhibit(s, ex.exhibit_id)
        assert exhibit.category == "interaction" and exhibit.title.startswith("聊天摘录：")
        # the source chat by its title (a binder number changes with the order; a database id means nothing)
        chat_title = get_exhibit(s, chat.exhibit_id).title
        assert f"摘录自《{chat_title}》" in exhibit.source and chat.sha256 in exhibit.source
        assert "证据" not in exhibit.source.split("》")[0] and f"摘自：《{chat_title}》" in text
        assert "原文件第 9—15 行" in exhibit.source
        assert exhibit.files[0].original_name == "聊天摘录_1-3.txt"
        entry = list(ledger.entries(s, case_id))[-1]
        assert entry.action == "chat.excerpt" and json.loads(entry.payload)["source_sha256"] == chat.sha256
    assert profile.blob_path(chat.sha256).read_bytes() == original == path.read_bytes()
    assert X.excerpt_exhibit(profile, case_id, chat.chat_id, 1, 3).duplicate


def test_excerpt_errors(profile, case_id, tmp_path):
    chat = C.import_chat(profile, case_id, write(tmp_path, "qq.txt", cf.qq_txt()))
    with pytest.raises(C.ChatStoreError):
        X.excerpt_exhibit(profile, case_id, chat.chat_id + 99, 1, 2)
    with pytest.raises(C.ChatStoreError):
        X.excerpt_exhibit(profile, case_id, chat.chat_id, 500, 600)
    with profile.session() as s:
        trash(s, chat.exhibit_id)
    with pytest.raises(C.ChatStoreError):
        X.excerpt_exhibit(profile, case_id, chat.chat_id, 1, 2)


def test_purge_of_a_trashed_chat_removes_its_messages(profile, case_id, tmp_path):
    chat = C.import_chat(profile, case_id, write(tmp_path, "qq.txt", cf.qq_txt()))
    with profile.session() as s:
        for info in chat.chats:
            trash(s, info["exhibit_id"])
        assert C.list_chats(s, case_id) == []
    purge(profile, case_id)
    assert counts(profile) == {"exhibits": 0, "files": 0, "chats": 0, "messages": 0, "vault": 0}
