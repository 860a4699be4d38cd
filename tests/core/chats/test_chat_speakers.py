"""Chats that attribute every word: a QQ export with a private chat and a group chat becomes two chats; "me"
is chosen from the export's senders; a suggested fact is one speaker's turn labelled by role; another
customer's words never become the platform's answer or the user's own; every message is printed once."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta

import pytest

from kami_desktop.core.case.cases import create_case
from kami_desktop.core.case.suggestions import accept_suggestion, suggest_facts
from kami_desktop.core.chats import ChatError, parse_chat
from kami_desktop.core.chats import store as C
from kami_desktop.core.chats.speakers import formal_quote, list_senders, resolve_me
from kami_desktop.core.documents import generate
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.evidence.verify import verify
from tests.core.chats import chat_fixtures as cf
from tests.core.dossier.cases import options

OTHER_CUSTOMER = "我也是！5月28号凌晨被扣了388"
ME_PRIVATE, ME_GROUP = "林某某", "林某某（余额被扣）"


def export() -> bytes:
    t = datetime(2026, 5, 29, 10, 0, 0)
    private = cf.Block(
        "我的好友",
        "星辰客服",
        [
            cf.Msg(t, ME_PRIVATE, ["你好，我的余额被扣了388元，请退款"], True),
            cf.Msg(t + timedelta(minutes=2), "星辰客服", ["[图片]"]),
            cf.Msg(t + timedelta(minutes=2, seconds=30), "星辰客服", ["您好，扣款是系统自动续费，不予退款"]),
            cf.Msg(t + timedelta(minutes=3), "星辰客服", ["具体请查看用户协议"]),
            cf.Msg(t + timedelta(minutes=5), ME_PRIVATE, ["那请把388元退回来"], True),
        ],
    )
    g = datetime(2026, 5, 29, 11, 0, 0)
    group = cf.Block(
        "我的群聊",
        "星辰卡盟售后群",
        [
            cf.Msg(g, "系统消息(10000)", [f"{ME_GROUP} 加入了本群"]),
            cf.Msg(
                g + timedelta(minutes=1), f"{ME_GROUP}(10001)", ["客服在吗？我的余额被扣了，要求退款"], True
            ),
            cf.Msg(g + timedelta(minutes=2), "【管理员】星辰客服(20002)", ["扣款不退，规则写了"]),
            cf.Msg(g + timedelta(minutes=3), "路人甲(30003)", [OTHER_CUSTOMER]),
            cf.Msg(g + timedelta(minutes=4), "路人甲(30003)", ["客服也不给我退款"]),
            cf.Msg(g + timedelta(minutes=5), f"{ME_GROUP}(10001)", ["[图片]"], True),
        ],
    )
    return cf.qq_txt([private, group])


@pytest.fixture
def chat_file(tmp_path):
    p = tmp_path / "全部消息记录.txt"
    p.write_bytes(export())
    return p


def test_senders_are_listed_with_ids_and_me_is_validated(chat_file):
    parsed = parse_chat(chat_file)
    senders = {x.key: x for x in list_senders(parsed)}
    assert senders["10001"].name == ME_GROUP and senders["10001"].messages == 2
    assert senders["30003"].name == "路人甲" and senders["30003"].messages == 2
    assert senders["20002"].name == "星辰客服" and senders["星辰客服"].messages == 3
    assert senders[ME_PRIVATE].is_me  # a private chat shows who the contact is, so the other side is me
    assert resolve_me(parsed, ["10001"]) == {"10001"} == resolve_me(parsed, [ME_GROUP])
    with pytest.raises(ChatError, match="不是这份记录中的发送者") as err:
        resolve_me(parsed, ["林某"])
    assert "QQ 10001" in str(err.value) and "路人甲" in str(err.value)


def test_two_conversations_become_two_chats_each_its_own_exhibit(profile, case_id, chat_file):
    parsed = parse_chat(chat_file)
    result = C.import_chat(profile, case_id, chat_file, me="10001", staff="20002")
    assert [c["conversation"] for c in result.chats] == ["星辰客服", "星辰卡盟售后群"]
    assert [c["group_chat"] for c in result.chats] == [False, True]
    assert len({c["exhibit_id"] for c in result.chats}) == 2
    with profile.session() as s:
        private, group = (C.chat_messages(s, c["chat_id"]) for c in result.chats)
        roles = [(m.sender, C.role_of(m)) for m in group]
        assert [(m.sender, C.role_of(m)) for m in private] == [
            (ME_PRIVATE, "me"),
            ("星辰客服", "platform"),
            ("星辰客服", "platform"),
            ("星辰客服", "platform"),
            (ME_PRIVATE, "me"),
        ]
        assert [m.sender_id for m in group][1:4] == ["10001", "20002", "30003"]
    assert roles == [
        ("系统消息", "system"),
        (ME_GROUP, "me"),
        ("星辰客服", "platform"),
        ("路人甲", "other"),
        ("路人甲", "other"),
        (ME_GROUP, "me"),
    ]
    # the export's message count is kept exactly, conversation by conversation
    assert len(private) + len(group) == len(parsed.messages) == 11
    assert verify(profile, full=True).ok  # the second exhibit replays from the ledger


def test_suggestions_are_single_speaker_turns_labelled_by_role(profile, case_id, chat_file):
    result = C.import_chat(profile, case_id, chat_file, me="10001", staff="20002")
    with profile.session() as s:
        found = [x for x in suggest_facts(s, case_id) if x.origin.startswith("chat:")]
        senders = {m.id: m for c in result.chats for m in C.chat_messages(s, c["chat_id"])}
    assert [(x.kind, x.description) for x in found] == [
        ("refund_request", "本人“你好，我的余额被扣了388元，请退款”"),
        ("platform_reply", "平台客服“您好，扣款是系统自动续费，不予退款；具体请查看用户协议”"),
        ("refund_request", "本人“那请把388元退回来”"),
        ("refund_request", "本人“客服在吗？我的余额被扣了，要求退款”"),
        ("platform_reply", "平台客服“扣款不退，规则写了”"),
    ]
    assert found[1].source_label == "聊天记录第3条起共2条"  # two messages of the same person
    assert all(OTHER_CUSTOMER not in x.description and "路人甲" not in x.description for x in found)
    first = [senders[int(x.origin.split(":")[1])] for x in found]
    assert [m.sender for m in first] == [ME_PRIVATE, "星辰客服", ME_PRIVATE, ME_GROUP, "星辰客服"]


def test_without_staff_a_group_member_is_another_user_and_never_suggested(profile, case_id, chat_file):
    C.import_chat(profile, case_id, chat_file, me=ME_GROUP)
    with profile.session() as s:
        found = [x for x in suggest_facts(s, case_id) if x.origin.startswith("chat:")]
    group = [x for x in found if x.occurred_at.hour == 11]
    assert [(x.kind, x.description) for x in group] == [
        ("refund_request", "本人“客服在吗？我的余额被扣了，要求退款”")
    ]
    assert not any("388" in x.description and "凌晨" in x.description for x in found)


def test_documents_quote_the_speaker_by_role_and_date(profile, case_id, chat_file, tmp_path):
    C.import_chat(profile, case_id, chat_file, me="10001", staff="20002")
    with profile.session() as s:
        for x in suggest_facts(s, case_id):
            accept_suggestion(s, case_id, x.origin)
    doc = generate(profile, case_id, "demand", tmp_path, "docx")
    from tests.core.documents.conftest import docx_text

    text = docx_text(doc.paths[0])
    assert "2026年5月29日 10:02，平台客服“您好，扣款是系统自动续费，不予退款；具体请查看用户协议”" in text
    assert "2026年5月29日 10:00，本人“你好，我的余额被扣了388元，请退款”" in text
    assert "我：" not in text and OTHER_CUSTOMER not in text


def test_an_older_fact_text_is_quoted_formally():
    assert formal_quote("我：请退款 / 退钱！") == "本人“请退款 / 退钱！”"
    assert formal_quote("对方：不退") == "平台客服“不退”"
    assert formal_quote("平台扣除余额") == "平台扣除余额"


def test_binder_prints_each_conversation_with_every_message_once(profile, tmp_path, chat_file):
    with profile.session() as s:
        case_id = create_case(s, "星辰卡盟余额", platform_name="星辰卡盟").id
    C.import_chat(profile, case_id, chat_file, me="10001", staff="20002")
    result = build_dossier(profile, case_id, options(tmp_path / "out"))
    text = subprocess.run(
        ["pdftotext", str(result.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert "[图片][图片]" not in flat and flat.count("[图片]") == 2  # one image in each conversation
    assert "共5条消息" in flat and "共6条消息" in flat
    assert "群聊“星辰卡盟售后群”" in flat and "会话“星辰客服”" in flat
    assert "路人甲（其他用户）" in flat and "星辰客服（平台客服）" in flat and f"{ME_GROUP}（本人）" in flat
    assert "提示：" not in flat  # no advice in the court copy
