"""MemoTrace CSV / TXT / HTML and PyWxDump CSV exports."""

import pytest
from chat_fixtures import (
    ME,
    SHOP,
    T0,
    html_system,
    html_transfer,
    memotrace_csv,
    memotrace_html,
    memotrace_rows,
    memotrace_txt,
    private_messages,
    pywxdump_csv,
)

from kami_desktop.core.chats import ChatError, parse_chat_bytes

CSV_NAME = f"{SHOP}_utf8.csv"


@pytest.mark.parametrize("old_private", [False, True], ids=["12-values", "old-9-values"])
def test_memotrace_csv(old_private):
    chat = parse_chat_bytes(memotrace_csv(old_private=old_private), CSV_NAME)
    assert chat.format == "memotrace-csv" and chat.encoding == "utf-8-sig"
    assert [m.kind for m in chat.messages] == [r[4] for r in memotrace_rows()]
    assert [m.is_me for m in chat.messages] == [r[2] == "1" and r[4] != "system" for r in memotrace_rows()]
    others = {m.sender for m in chat.messages if not m.is_me and m.kind != "system"}
    assert others == {SHOP}  # remark, or the contact taken from the file name
    assert chat.messages[0].time.isoformat() == "2026-03-01T09:05:12+08:00"
    transfer = next(m for m in chat.messages if m.kind == "transfer")
    assert "￥100.00" in transfer.text and "发起转账" in transfer.text and "点卡" in transfer.text
    assert next(m for m in chat.messages if m.kind == "voice").text == "[语音] 3秒"
    quote = next(m for m in chat.messages if m.kind == "quote")
    assert quote.text.startswith("什么时候退款") and "引用:星辰客服:系统维护中" in quote.text
    multi = next(m for m in chat.messages if m.text.startswith("订单号"))
    assert multi.text == "订单号：123\n\n请处理"
    # a multi-line record: the next message starts 3 physical lines later
    lines = [m.line for m in chat.messages]
    assert lines[:7] == list(range(2, 9)) and lines[7] == 11


def test_memotrace_csv_me_name_and_timezone_warning():
    chat = parse_chat_bytes(memotrace_csv(utc_machine=True), CSV_NAME, me=ME)
    assert {m.sender for m in chat.messages if m.is_me} == {ME}
    assert chat.messages[1].time.isoformat() == "2026-03-01T09:06:12+08:00"  # from CreateTime, not StrTime
    assert any("时区" in w for w in chat.warnings)


def test_memotrace_csv_truncated_row():
    data = memotrace_csv()
    cut = data[: data.index(b"\xe7\xa8\x8d\xe7\xad\x89")]  # inside the row of the third message
    with pytest.raises(ChatError) as exc:
        parse_chat_bytes(cut.rstrip(b",") + b"\r\n", CSV_NAME)
    assert exc.value.line == 4 and CSV_NAME in str(exc.value)


def test_memotrace_csv_missing_column_in_header():
    text = memotrace_csv().decode("utf-8-sig").replace("Status,", "", 1)
    with pytest.raises(ChatError) as exc:
        parse_chat_bytes(text.encode("utf-8-sig"), CSV_NAME)
    assert exc.value.line == 1 and "表头" in exc.value.reason


def test_memotrace_txt():
    data = memotrace_txt()
    chat = parse_chat_bytes(data, f"{SHOP}.txt")
    assert chat.format == "memotrace-txt"
    assert chat.messages[0].kind == "system" and chat.messages[0].text == "你已添加了星辰客服"
    rest = chat.messages[1:]
    expected = private_messages()
    assert [(m.sender, m.is_me, m.text) for m in rest] == [
        (e.sender, e.is_me, "\n".join(e.lines)) for e in expected
    ]
    assert [m.kind for m in rest] == ["text", "text", "text", "image", "text", "sticker"]
    lines = data.decode().split("\n")
    assert all(lines[m.line - 1].startswith(f"{m.time:%Y-%m-%d %H:%M:%S}") for m in chat.messages)


def test_memotrace_txt_escaped_names_and_quotes():
    from chat_fixtures import Msg

    msgs = [Msg(T0, "A&B客服", ["你好"]), Msg(T0, ME, ["好的", "引用:A&B客服:你好"], True)]
    chat = parse_chat_bytes(memotrace_txt(msgs, system=None), "A&B客服.txt", me=ME)
    assert (
        chat.messages[0].sender == "A&B客服" and chat.messages[1].kind == "quote" and chat.messages[1].is_me
    )


def test_memotrace_html():
    ts = 1772327112  # 2026-03-01 09:05:12 +08:00
    data = memotrace_html(extra=[html_transfer(ts), html_system(ts + 60)])
    chat = parse_chat_bytes(data, f"{SHOP}.html")
    assert chat.format == "memotrace-html"
    base = chat.messages[: len(private_messages())]
    assert [(m.sender, m.is_me, m.text) for m in base] == [
        (e.sender, e.is_me, "\n".join(e.lines)) for e in private_messages()
    ]
    transfer, system = chat.messages[-2:]
    assert transfer.kind == "transfer" and "￥100.00" in transfer.text and transfer.is_me
    assert system.kind == "system" and system.sender == ""
    lines = data.decode().split("\n")
    assert all("timestamp:" in lines[m.line - 1] for m in chat.messages)


def test_memotrace_html_quotes_and_escapes():
    from chat_fixtures import Msg

    msgs = [Msg(T0, 'O\'Neil & "Co"', ["it's <b>bold</b>", "第二行 \\ 反斜杠"])]
    chat = parse_chat_bytes(memotrace_html(msgs), "x.html")
    assert chat.messages[0].sender == 'O\'Neil & "Co"'
    assert chat.messages[0].text == "it's <b>bold</b>\n第二行 \\ 反斜杠"


def test_memotrace_html_truncated():
    data = memotrace_html(close=False)
    with pytest.raises(ChatError) as exc:
        parse_chat_bytes(data[:-40], "x.html")
    assert "不完整" in exc.value.reason and exc.value.line is not None


def test_memotrace_html_garbage_in_array():
    data = memotrace_html().replace(b"is_send:0", b"is_send:@@", 1)
    with pytest.raises(ChatError) as exc:
        parse_chat_bytes(data, "x.html")
    assert exc.value.line == 10


@pytest.mark.parametrize("old", [False, True], ids=["msg-src", "old-content-json"])
def test_pywxdump_csv(old):
    chat = parse_chat_bytes(pywxdump_csv(old=old), "wxid_me_20260301_20260302.csv", me=ME)
    assert chat.format == "pywxdump-csv"
    assert [m.kind for m in chat.messages] == ["text", "text", "image", "system"]
    assert [m.text for m in chat.messages[:3]] == ["点卡没到账", "稍等", "[图片]"]
    assert chat.messages[0].is_me and chat.messages[0].sender == ME
