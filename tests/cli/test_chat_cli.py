"""`kami chat …`: JSON shapes, exit codes, voice files and excerpts."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from kami_desktop import cli
from kami_desktop.core.profile import Profile
from kami_desktop.core.store.model import Chat, ChatMessage, Exhibit
from tests.cli.test_bill_cli import run
from tests.core.chats import chat_fixtures as cf
from tests.core.chats.test_chat_store import wav
from tests.helpers import kami_json


def write(tmp_path, name: str, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_parse_json_shape(tmp_path):
    out = kami_json(
        "chat", "parse", str(write(tmp_path, "qq.txt", cf.qq_txt())), "--me", "小明", data_dir=tmp_path / "p"
    )
    assert out["format"] == "qq-txt" and out["messages"] == 11 == len(out["items"])
    assert out["first"] == "2026-03-01T09:05:12+08:00" and out["last"] == "2026-03-02T20:04:00+08:00"
    assert out["participants"][:2] == ["小明", "星辰客服"]
    assert out["items"][0] == {
        "time": "2026-03-01T09:05:12+08:00",
        "sender": "小明",
        "is_me": True,
        "kind": "text",
        "text": "你好，我充值的100元点卡没有到账",
        "line": 9,
    }


def test_import_list_show_excerpt_and_voice(tmp_path, capsys):
    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "星辰卡盟扣款", "--platform", "星辰卡盟")
    path = write(tmp_path, "qq.txt", cf.qq_txt())
    out = kami_json("chat", "import", "--case", "1", str(path), "--me", "小明", data_dir=d)
    assert out["kind"] == "chat" and out["messages"] == 11 and out["duplicate"] is False
    assert [c["messages"] for c in out["chats"]] == [6, 5]  # the private chat and the group chat
    assert run(capsys, d, "chat", "import", "--case", "1", str(path))["duplicate"] is True
    private, group = run(capsys, d, "chat", "list", "--case", "1")["chats"]
    assert private["chat_id"] == out["chat_id"] and private["messages"] + group["messages"] == 11
    shown = run(
        capsys, d, "chat", "show", "--case", "1", "--chat", str(group["chat_id"]), "--search", "没到账"
    )
    assert [(i["seq"], i["role"]) for i in shown["items"]] == [(2, "me"), (5, "other")]
    ex = kami_json(
        "chat",
        "excerpt",
        "--case",
        "1",
        "--chat",
        str(group["chat_id"]),
        "--from",
        "2",
        "--to",
        "5",
        data_dir=d,
    )
    assert (
        ex["messages"] == 4
        and ex["source_exhibit_id"] == group["exhibit_id"]
        and ex["source_sha256"] == out["sha256"]
    )
    voice = run(capsys, d, "chat", "import", "--case", "1", str(write(tmp_path, "v.wav", wav(3.4))))
    assert voice["kind"] == "voice" and voice["duration"] == 3.4 and voice["title"] == "语音 0:03（v）"
    exhibits = run(capsys, d, "exhibit", "list", "--case", "1")["exhibits"]
    assert [e["category"] for e in exhibits] == ["interaction"] * 4


def test_senders_are_listed_and_me_must_be_one_of_them(tmp_path, capsys):
    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "星辰卡盟扣款", "--platform", "星辰卡盟")
    path = write(tmp_path, "qq.txt", cf.qq_txt())
    senders = run(capsys, d, "chat", "senders", str(path))["senders"]
    by_id = {x["id"]: x for x in senders if x["id"]}
    assert by_id["12345"]["name"] == "小明" and by_id["12345"]["messages"] == 1
    assert by_id["30003"]["name"] == "Tom(小号)" and by_id["20002"]["name"] == "阿强"
    assert sum(x["messages"] for x in senders) == 10  # every message but the system line
    capsys.readouterr()
    code = cli.main(["--data-dir", str(d), "chat", "import", "--case", "1", str(path), "--me", "小红"])
    err = capsys.readouterr().err
    assert code == 2 and "不是这份记录中的发送者" in err and "QQ 12345" in err
    out = kami_json(
        "chat", "import", "--case", "1", str(path), "--me", "12345", "--staff", "20002", data_dir=d
    )
    group = out["chats"][1]
    shown = run(capsys, d, "chat", "show", "--case", "1", "--chat", str(group["chat_id"]))
    assert [(i["sender"], i["role"]) for i in shown["items"]] == [
        ("系统消息", "system"),
        ("小明", "me"),
        ("阿强", "platform"),
        ("客服", "other"),
        ("Tom(小号)", "other"),
    ]


def test_bad_chat_exit_2_and_nothing_stored(tmp_path, capsys):
    d = tmp_path / "p"
    assert cli.main(["--data-dir", str(d), "case", "new", "--title", "t"]) == 0
    bad = write(tmp_path, "broken.csv", b"localId,TalkerId,Type,Foo\n1,2,3,4\n")
    capsys.readouterr()
    assert cli.main(["--data-dir", str(d), "chat", "import", "--case", "1", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "broken.csv" in err and "第 1 行" in err
    with Profile.open(d) as prof, prof.session() as s:
        assert [s.scalar(select(func.count()).select_from(m)) for m in (Exhibit, Chat, ChatMessage)] == [
            0,
            0,
            0,
        ]
    assert (
        cli.main(
            [
                "--data-dir",
                str(d),
                "chat",
                "excerpt",
                "--case",
                "1",
                "--chat",
                "5",
                "--from",
                "1",
                "--to",
                "2",
            ]
        )
        == 2
    )
    assert "聊天记录 5 不存在" in capsys.readouterr().err


def test_show_names_the_exhibit_holding_each_voice_message_recording(tmp_path, capsys):
    """As the 聊天记录 tab does: under a voice message, which exhibit holds its recording, or why none."""
    from tests.core.chats import voice_exports as vx

    d = tmp_path / "p"
    with Profile.open(d) as prof, prof.session() as s:
        from kami_desktop.core.case.cases import create_case

        case_id = create_case(s, "卡盟").id
    page = vx.memotrace_html(
        tmp_path / "wx", [("./voice/1001.mp3", vx.SAID, False), ("./voice/gone.mp3", "", False)]
    )
    vx.mp3_file(page.parent / "voice" / "1001.mp3")
    assert cli.main(["--data-dir", str(d), "chat", "import", "--case", str(case_id), str(page)]) == 0
    capsys.readouterr()
    assert cli.main(["--data-dir", str(d), "chat", "show", "--case", str(case_id), "--chat", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    said = lines.index(next(x for x in lines if vx.SAID in x))
    assert lines[said + 1].strip() == "录音：证据 2《语音消息 2025-03-12 20:30 客服小王》"
    assert lines[said + 3].strip() == "录音文件“./voice/gone.mp3”不在导出文件夹中，只有文字记录"
    assert (
        cli.main(["--data-dir", str(d), "--json", "chat", "show", "--case", str(case_id), "--chat", "1"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    voice = {i["seq"]: i.get("voice") for i in data["items"]}
    assert voice[2]["exhibit_id"] == 2 and voice[2]["media"] == "./voice/1001.mp3" and voice[1] is None
