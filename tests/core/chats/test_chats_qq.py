"""QQ 消息管理器 txt export: blocks, sender forms, multi-line messages, encodings and line endings."""

import pytest
from chat_fixtures import ME, SHOP, T0, Block, Msg, private_messages, qq_txt

from kami_desktop.core.chats import ChatError, parse_chat, parse_chat_bytes
from kami_desktop.core.chats.qq import split_sender


def _lines(data: bytes, encoding: str = "utf-8-sig") -> list[str]:
    return data.decode(encoding).replace("\r\n", "\n").split("\n")


@pytest.mark.parametrize(
    ("kwargs", "encoding"),
    [
        ({}, "utf-8-sig"),
        ({"bom": False, "eol": "\n"}, "utf-8"),
        ({"eol": "\r"}, "utf-8-sig"),
        ({"encoding": "gb18030"}, "gb18030"),
        ({"encoding": "utf-16"}, "utf-16"),
    ],
    ids=["utf8-bom-crlf", "utf8-lf", "cr", "gbk", "utf16"],
)
def test_encodings_and_line_endings(kwargs, encoding, tmp_path):
    path = tmp_path / "全部消息记录.txt"
    path.write_bytes(qq_txt(**kwargs))
    chat = parse_chat(path)
    assert chat.format == "qq-txt" and chat.encoding.startswith(encoding.split("-")[0])
    assert len(chat.messages) == len(private_messages()) + 5
    texts = [m.text for m in chat.messages]
    assert (
        "订单号：2026030122001155711407540001\n\n请尽快处理，谢谢" in texts
    )  # multi-line, inner empty line kept


def test_message_content_sender_and_line_numbers():
    data = qq_txt()
    chat = parse_chat_bytes(data, "全部消息记录.txt")
    lines = _lines(data)
    for m in chat.messages:
        assert lines[m.line - 1].startswith(f"{m.time:%Y-%m-%d} {m.time.hour}:{m.time:%M:%S}")
        assert m.time.utcoffset().total_seconds() == 8 * 3600
    private = [m for m in chat.messages if m.conversation == SHOP]
    expected = private_messages()
    assert [(m.sender, m.is_me, m.text) for m in private] == [
        (e.sender, e.is_me, "\n".join(e.lines)) for e in expected
    ]
    assert private[0].time.isoformat() == "2026-03-01T09:05:12+08:00"  # hour 9 written without a leading zero
    assert [m.kind for m in private] == ["text", "text", "text", "image", "text", "sticker"]


def test_group_sender_forms():
    chat = parse_chat_bytes(qq_txt(), "全部消息记录.txt", me="12345")
    group = [m for m in chat.messages if m.conversation == "星辰卡盟售后群"]
    assert [(m.sender, m.sender_id) for m in group] == [
        ("系统消息", "10000"),
        (ME, "12345"),
        ("阿强", "20002"),
        ("客服", "service@star.example"),
        ("Tom(小号)", "30003"),
    ]
    assert group[0].kind == "system" and not group[0].is_me
    assert [m.is_me for m in group] == [False, True, False, False, False]
    assert "系统消息" not in chat.participants and "阿强" in chat.participants


def test_me_is_inferred_in_private_chats_and_warned_in_groups():
    chat = parse_chat_bytes(qq_txt(), "x.txt")
    assert all(m.is_me == (m.sender == ME) for m in chat.messages if m.conversation == SHOP)
    assert any("售后群" in w for w in chat.warnings)


def test_12_hour_clock():
    chat = parse_chat_bytes(qq_txt(clock="12h"), "x.txt")
    times = [m.time.strftime("%H:%M:%S") for m in chat.messages if m.conversation == SHOP]
    assert times == [f"{m.time:%H:%M:%S}" for m in private_messages()]
    assert "00:05:12" in times  # 12:05:12 AM


def test_recent_contacts_block_is_skipped():
    chat = parse_chat_bytes(qq_txt(recent=True), "x.txt")
    assert len(chat.messages) == len(private_messages()) + 5
    assert any("最近联系人" in w for w in chat.warnings)


def test_single_contact_file_without_title_and_sender_named_pm():
    block = Block(
        "我的好友",
        "PM",
        [Msg(T0.replace(hour=21), "PM", ["hi"]), Msg(T0.replace(hour=21, minute=6), ME, ["嗯"], True)],
    )
    chat = parse_chat_bytes(qq_txt([block], title=False), "PM.txt")
    assert [(m.sender, m.time.hour) for m in chat.messages] == [("PM", 21), (ME, 21)]
    assert chat.messages[1].is_me


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", ("张三", "")),
        ("群名片(123456)", ("群名片", "123456")),
        ("昵称<a@b.com>", ("昵称", "a@b.com")),
        ("小(明)(123456)", ("小(明)", "123456")),
        ("【管理员】阿强(20002)", ("阿强", "20002")),
        ("(12345)", ("12345", "12345")),
    ],
)
def test_split_sender(raw, expected):
    assert split_sender(raw) == expected


def test_bad_time_names_the_line():
    data = qq_txt().replace(b"2026-03-01 9:06:12", b"2026-13-45 9:06:12")
    with pytest.raises(ChatError) as exc:
        parse_chat_bytes(data, "q.txt")
    assert exc.value.line == _lines(qq_txt()).index(f"2026-03-01 9:06:12 {SHOP}") + 1 and "q.txt" in str(
        exc.value
    )


def test_to_json():
    out = parse_chat_bytes(qq_txt(), "q.txt").to_json()
    assert out["format"] == "qq-txt" and out["messages"] == 11
    assert out["first"] == "2026-03-01T09:05:12+08:00" and out["last"] == "2026-03-02T20:04:00+08:00"
    assert set(out["items"][0]) >= {"time", "sender", "is_me", "kind", "text"}


def test_first_and_last_span_all_blocks():
    later = Block("我的好友", "早先的人", [Msg(T0.replace(year=2025), "早先的人", ["更早的消息"])])
    out = parse_chat_bytes(qq_txt([Block("我的好友", SHOP, private_messages()), later]), "q.txt").to_json()
    assert out["first"].startswith("2025-03-01") and out["last"].startswith("2026-03-02")
