"""Property tests: arbitrary and mutated chat exports only ever raise ChatError; messages stay whole."""

from chat_fixtures import T0, Block, Msg, memotrace_csv, memotrace_html, memotrace_txt, pywxdump_csv, qq_txt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kami_desktop.core.chats import ChatError, ParsedChat, parse_chat_bytes
from kami_desktop.core.chats.detect import INTERNAL_ERROR
from kami_desktop.core.chats.model import KINDS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = [
    qq_txt(),
    qq_txt(encoding="utf-16"),
    qq_txt(encoding="gb18030"),
    memotrace_csv(),
    memotrace_txt(),
    memotrace_html(),
    pywxdump_csv(),
]
PREFIXES = [
    b"",
    "消息记录（此消息记录为文本格式，不支持重新导入）\r\n".encode(),
    b"\xef\xbb\xbflocalId,TalkerId,Type,",
    b"<script>const chatMessages = [",
    b"2026-03-01 10:00:00 ",
]


def _check(data: bytes) -> None:
    try:
        chat = parse_chat_bytes(data, "fuzz.txt")
    except ChatError as exc:
        assert "fuzz.txt" in str(exc) and INTERNAL_ERROR not in str(exc), str(exc)
        return
    assert isinstance(chat, ParsedChat)
    for m in chat.messages:
        assert m.time.tzinfo is not None and m.kind in KINDS and m.line >= 1
    chat.to_json()


@SETTINGS
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000))
def test_arbitrary_bytes(prefix, body):
    _check(prefix + body)


@SETTINGS
@given(prefix=st.sampled_from([p.decode("utf-8", "ignore") for p in PREFIXES]), text=st.text(max_size=2000))
def test_arbitrary_text(prefix, text):
    _check((prefix + text).encode("utf-8"))


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(VALID)))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        if kind == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif kind == "truncate":
            del data[pos:]
        elif kind == "insert":
            data[pos:pos] = draw(
                st.binary(min_size=1, max_size=30) | st.sampled_from([b"\n", b"'", b'"', b",", b"]", b"{"])
            )
        else:
            del data[pos : pos + draw(st.integers(1, 100))]
    return bytes(data)


@SETTINGS
@given(data=mutated())
def test_mutated_exports(data):
    _check(data)


LINE = st.text(alphabet="你好点卡没到账退款 abc123：，。[]()=-", max_size=20).filter(lambda s: s == s.strip())


@SETTINGS
@given(
    bodies=st.lists(
        st.lists(LINE, min_size=1, max_size=4).filter(lambda ls: ls[0] and ls[-1]), min_size=1, max_size=8
    ),
    eol=st.sampled_from(["\r\n", "\n"]),
)
def test_qq_and_txt_multiline_messages_round_trip(bodies, eol):
    msgs = [
        Msg(T0.replace(minute=i), "客服" if i % 2 else "小明", body, i % 2 == 0)
        for i, body in enumerate(bodies)
    ]
    for data, name in (
        (qq_txt([Block("我的好友", "客服", msgs)], eol=eol), "客服.txt"),
        (memotrace_txt(msgs, system=None), "客服.txt"),
    ):
        chat = parse_chat_bytes(data, name, me="小明")
        assert [m.text for m in chat.messages] == ["\n".join(b) for b in bodies]
        assert [m.is_me for m in chat.messages] == [m.is_me for m in msgs]
    html_chat = parse_chat_bytes(memotrace_html(msgs), "客服.html")
    assert [m.text for m in html_chat.messages] == ["\n".join(b) for b in bodies]
