"""Voice messages inside a chat export: the parsers keep the file each one names and WeChat's own
speech-to-text (labelled as WeChat's); importing the export imports each named file that lies inside the
export's folder as a voice exhibit of its own, links the message to it, and names every file that is
missing or refused — the chat itself is always imported."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from kami_desktop.core.chats import parse_chat
from kami_desktop.core.chats import store as C
from kami_desktop.core.chats.voice_links import VoiceFileRefused, chat_voice_links, resolve_media
from kami_desktop.core.evidence.exhibits import get_exhibit, trash
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.store.model import ChatVoiceLink, Exhibit, LedgerEntry
from tests.core.chats import voice_exports as vx


def live_exhibits(profile, case_id) -> list[Exhibit]:
    with profile.session() as s:
        rows = list(
            s.scalars(
                select(Exhibit)
                .where(Exhibit.case_id == case_id, Exhibit.trashed_at.is_(None))
                .order_by(Exhibit.id)
            )
        )
        s.expunge_all()
    return rows


def ledger_count(profile, action: str) -> int:
    with profile.session() as s:
        return (
            s.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.action == action)) or 0
        )


# ----------------------------------------------------------------------------- parsers
def test_memotrace_html_keeps_the_voice_file_and_wechats_speech_to_text_apart(tmp_path):
    page = vx.standard_html(tmp_path)
    voices = [m for m in parse_chat(page).messages if m.kind == "voice"]
    assert [m.media for m in voices] == ["./voice/1001.mp3", "./voice/1002.silk", "./voice/1003.amr"]
    assert voices[0].voice_text == vx.SAID
    assert voices[0].text == f"[语音]（微信语音转文字：{vx.SAID}）"
    assert [m.text for m in voices[1:]] == ["[语音]", "[语音]"]  # no recognition: nothing invented
    assert voices[0].to_json()["media"] == "./voice/1001.mp3"
    assert "./voice" not in voices[0].text


def test_pywxdump_csv_keeps_src_and_the_recognised_text(tmp_path):
    csv_path = vx.pywxdump_csv(
        tmp_path,
        [
            ("语音", f"语音时长：4秒\n翻译结果：{vx.SAID}", "audio\\2025\\a.mp3"),
            ("语音", "", "audio/b.amr"),
            ("文本", "你好", "audio/not-a-voice.mp3"),
        ],
    )
    msgs = parse_chat(csv_path).messages
    assert msgs[0].kind == "voice" and msgs[0].media == "audio\\2025\\a.mp3"
    assert msgs[0].text == f"[语音] 4秒（微信语音转文字：{vx.SAID}）" and msgs[0].voice_text == vx.SAID
    assert (msgs[1].text, msgs[1].media, msgs[1].voice_text) == ("[语音]", "audio/b.amr", "")
    assert msgs[2].kind == "text" and msgs[2].media == ""  # only voice messages link a file


# ----------------------------------------------------------------------------- safe paths
def test_resolve_media_never_leaves_the_export_folder(tmp_path):
    folder = tmp_path / "export"
    (folder / "voice").mkdir(parents=True)
    (folder / "voice" / "ok.mp3").write_bytes(b"x")
    (tmp_path / "secret.mp3").write_bytes(b"x")
    assert resolve_media(folder, "./voice/ok.mp3") == (folder / "voice" / "ok.mp3").resolve()
    assert resolve_media(folder, ".\\voice\\ok.mp3") == (folder / "voice" / "ok.mp3").resolve()
    assert resolve_media(folder, str(folder / "voice" / "ok.mp3")) == (folder / "voice" / "ok.mp3").resolve()
    for hostile in (
        "../secret.mp3",
        "../../etc/passwd",
        "voice/../../secret.mp3",
        str(tmp_path / "secret.mp3"),
        "/etc/passwd",
        "C:\\Windows\\win.ini",
        "\\\\server\\share\\voice\\1.mp3",
        "file:///etc/passwd",
    ):
        with pytest.raises(VoiceFileRefused):
            resolve_media(folder, hostile)
    os.symlink(tmp_path / "secret.mp3", folder / "voice" / "link.mp3")
    with pytest.raises(VoiceFileRefused, match="链接"):
        resolve_media(folder, "./voice/link.mp3")
    with pytest.raises(FileNotFoundError):
        resolve_media(folder, "./voice/nope.mp3")
    os.mkfifo(folder / "voice" / "pipe.mp3")
    with pytest.raises(VoiceFileRefused, match="普通文件"):
        resolve_media(folder, "./voice/pipe.mp3")


# ----------------------------------------------------------------------------- import
def test_importing_the_export_imports_each_voice_file_as_its_own_exhibit_linked_to_its_message(
    profile, case_id, tmp_path
):
    page = vx.standard_html(tmp_path)
    result = C.import_chat(profile, case_id, page, vx.ME)
    v = result.voices
    assert (v["referenced"], v["found"], len(v["imported"]), len(v["present"]), v["missing"]) == (
        3,
        3,
        3,
        0,
        [],
    )
    assert "找到 3 个，新导入 3 个，已在本案中 0 个，缺失 0 个" in v["summary"]
    exhibits = live_exhibits(profile, case_id)
    assert len(exhibits) == 4  # the chat and three voice exhibits
    voice = {e.id: e for e in exhibits if e.id != result.exhibit_id}
    titles = sorted(e.title for e in voice.values())
    assert titles == [
        "语音消息 2025-03-12 20:30 客服小王",
        "语音消息 2025-03-12 20:31 客服小王",
        "语音消息 2025-03-12 20:32 小明",
    ]
    first = next(e for e in voice.values() if e.title.endswith("20:30 客服小王"))
    assert result.title in first.source and "2025-03-12 20:30:05" in first.source
    assert "./voice/1001.mp3" in first.source
    assert first.category == "interaction"
    assert f"微信语音转文字（微信自动识别，非本人整理）：{vx.SAID}" in first.notes
    with profile.session() as s:
        links = chat_voice_links(s, result.chat_id)
        messages = {m.seq: m.text for m in C.chat_messages(s, result.chat_id)}
        ex = get_exhibit(s, first.id)
        stored = profile.vault.path_of(ex.files[0].blob_sha256) if hasattr(profile.vault, "path_of") else None
        sha = ex.files[0].blob_sha256
    assert sorted(links) == [2, 3, 4]  # seq 1 is the text message
    assert links[2].exhibit_id == first.id and links[2].sha256 == sha and links[2].media == "./voice/1001.mp3"
    assert messages[2] == f"[语音]（微信语音转文字：{vx.SAID}）"
    assert stored is None or stored.read_bytes() == (page.parent / "voice" / "1001.mp3").read_bytes()
    assert ledger_count(profile, "chat.voice_link") == 3
    assert verify(profile).ok


def test_importing_the_same_export_again_adds_nothing(profile, case_id, tmp_path):
    page = vx.standard_html(tmp_path)
    C.import_chat(profile, case_id, page, vx.ME)
    before = (len(live_exhibits(profile, case_id)), ledger_count(profile, "chat.voice_link"))
    again = C.import_chat(profile, case_id, page, vx.ME)
    assert again.duplicate
    assert (len(again.voices["imported"]), len(again.voices["present"])) == (0, 3)
    assert (len(live_exhibits(profile, case_id)), ledger_count(profile, "chat.voice_link")) == before
    with profile.session() as s:
        assert s.scalar(select(func.count()).select_from(ChatVoiceLink)) == 3


def test_voice_files_already_in_the_case_are_linked_not_duplicated(profile, case_id, tmp_path):
    page = vx.standard_html(tmp_path)
    report = import_paths(profile, case_id, [page.parent / "voice"])  # the folder dropped first
    assert len(report.imported) == 3
    result = C.import_chat(profile, case_id, page, vx.ME)
    assert (len(result.voices["imported"]), len(result.voices["present"])) == (0, 3)
    assert len(live_exhibits(profile, case_id)) == 4
    held = {r["exhibit_id"] for r in result.voices["present"]}
    with profile.session() as s:
        assert {link.exhibit_id for link in chat_voice_links(s, result.chat_id).values()} == held


def test_a_trashed_voice_exhibit_is_no_longer_named_and_a_restore_brings_the_link_back(
    profile, case_id, tmp_path
):
    from kami_desktop.core.evidence.exhibits import restore

    page = vx.standard_html(tmp_path)
    result = C.import_chat(profile, case_id, page, vx.ME)
    target = result.voices["imported"][0]["exhibit_id"]
    with profile.session() as s:
        trash(s, target)
    with profile.session() as s:
        assert chat_voice_links(s, result.chat_id)[2].exhibit_id is None
    with profile.session() as s:
        restore(s, target)
    with profile.session() as s:
        assert chat_voice_links(s, result.chat_id)[2].exhibit_id == target


def test_hostile_missing_huge_and_garbage_voice_files_are_named_and_the_chat_still_imports(
    profile, case_id, tmp_path, monkeypatch
):
    page = vx.memotrace_html(
        tmp_path,
        [
            ("./voice/ok.mp3", "", False),
            ("../../etc/passwd", "", False),
            ("/etc/passwd", "", False),
            ("./voice/gone.mp3", "", False),
            ("./voice/garbage.mp3", "", False),
            ("./voice/huge.amr", "", False),
            ("./voice/out.mp3", "", False),
        ],
    )
    voice = page.parent / "voice"
    vx.mp3_file(voice / "ok.mp3")
    (voice / "garbage.mp3").write_bytes(os.urandom(4096))
    with open(voice / "huge.amr", "wb") as f:  # sparse: the cap is checked before anything is read
        f.truncate(201 * 1024 * 1024)
    (tmp_path / "elsewhere.mp3").write_bytes((voice / "ok.mp3").read_bytes() + b"\0")
    os.symlink(tmp_path / "elsewhere.mp3", voice / "out.mp3")
    with profile.session() as s:
        trash_head = s.scalar(select(func.count()).select_from(LedgerEntry))
    result = C.import_chat(profile, case_id, page, vx.ME)
    assert result.messages == 8 and not result.duplicate
    v = result.voices
    assert v["missing"] == ["./voice/gone.mp3"]
    assert [r["exhibit_id"] for r in v["imported"]] and len(v["imported"]) == 1
    refused = {r["media"]: r["reason"] for r in v["refused"]}
    assert set(refused) == {
        "../../etc/passwd",
        "/etc/passwd",
        "./voice/garbage.mp3",
        "./voice/huge.amr",
        "./voice/out.mp3",
    }
    assert "导出文件夹之外" in refused["../../etc/passwd"]
    assert "绝对路径" in refused["/etc/passwd"]
    assert "链接" in refused["./voice/out.mp3"]
    assert (
        "不是可以播放的音频" in refused["./voice/garbage.mp3"]
        and "garbage.mp3" in refused["./voice/garbage.mp3"]
    )
    assert "过大" in refused["./voice/huge.amr"] or "超过" in refused["./voice/huge.amr"]
    assert any("./voice/gone.mp3" in w and "缺失" in w for w in result.warnings)
    assert any("../../etc/passwd" in w for w in result.warnings)
    assert len(live_exhibits(profile, case_id)) == 2  # the chat and the one good voice file
    with profile.session() as s:
        links = chat_voice_links(s, result.chat_id)
        assert s.scalar(select(func.count()).select_from(LedgerEntry)) > trash_head
    assert links[2].exhibit_id is not None
    assert links[3].exhibit_id is None and "导出文件夹之外" in links[3].problem
    assert links[5].problem == "缺失"
    assert verify(profile).ok


def test_pywxdump_export_with_src_paths_imports_its_voice_files(profile, case_id, tmp_path):
    root = tmp_path / "pywx"
    vx.mp3_file(root / "audio" / "2025" / "a.mp3")
    csv_path = vx.pywxdump_csv(
        root,
        [("语音", f"语音时长：1秒\n翻译结果：{vx.SAID}", "audio\\2025\\a.mp3"), ("文本", "你好", "")],
    )
    result = C.import_chat(profile, case_id, csv_path)
    assert len(result.voices["imported"]) == 1 and result.voices["missing"] == []
    exhibit = result.voices["imported"][0]
    assert exhibit["title"] == "语音消息 2025-03-12 20:31 客服小王"


def test_cli_import_reports_the_voice_files(profile, case_id, tmp_path, data_dir):
    from kami_desktop.cli import main

    page = vx.memotrace_html(tmp_path, [("./voice/ok.mp3", "", False), ("./voice/gone.mp3", "", False)])
    vx.mp3_file(page.parent / "voice" / "ok.mp3")
    profile.close()
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(
            ["--data-dir", str(data_dir), "chat", "import", "--case", str(case_id), str(page), "--me", vx.ME]
        )
    text = out.getvalue()
    assert code == 0, text
    assert "找到 1 个，新导入 1 个，已在本案中 0 个，缺失 1 个" in text
    assert "./voice/gone.mp3" in text


def test_voice_files_copied_beside_the_export_later_are_imported_by_importing_it_again(
    profile, case_id, tmp_path
):
    page = vx.memotrace_html(tmp_path, [("./voice/1001.mp3", vx.SAID, False)])
    first = C.import_chat(profile, case_id, page, vx.ME)
    assert first.voices["missing"] == ["./voice/1001.mp3"] and len(live_exhibits(profile, case_id)) == 1
    with profile.session() as s:
        assert chat_voice_links(s, first.chat_id)[2].problem == "缺失"
    vx.mp3_file(page.parent / "voice" / "1001.mp3")  # the user copies the voice/ folder over
    again = C.import_chat(profile, case_id, page, vx.ME)
    assert again.duplicate and len(again.voices["imported"]) == 1 and again.voices["missing"] == []
    with profile.session() as s:
        link = chat_voice_links(s, first.chat_id)[2]
    assert link.exhibit_id == again.voices["imported"][0]["exhibit_id"] and link.problem == ""
    assert ledger_count(profile, "chat.voice_link") == 2  # missing, then found: both on the record
    (page.parent / "voice" / "1001.mp3").unlink()  # gone again: the link to the stored copy stays
    C.import_chat(profile, case_id, page, vx.ME)
    with profile.session() as s:
        assert chat_voice_links(s, first.chat_id)[2].exhibit_id == link.exhibit_id
    assert verify(profile).ok


def test_an_excerpt_of_voice_messages_names_the_exhibits_holding_their_recordings(profile, case_id, tmp_path):
    from kami_desktop.core.chats import excerpts as X

    page = vx.standard_html(tmp_path)
    seen: list = []
    result = C.import_chat(
        profile, case_id, page, vx.ME, progress=lambda done, total, what: seen.append(what)
    )
    assert "./voice/1001.mp3" in seen and "./voice/1003.amr" in seen  # the voice files go through progress
    excerpt = X.excerpt_exhibit(profile, case_id, result.chat_id, 1, 3)
    with profile.session() as s:
        ex = get_exhibit(s, excerpt.exhibit_id)
        text = profile.vault.path_for(ex.files[0].blob_sha256).read_text(encoding="utf-8")
    assert (
        f"[语音]（微信语音转文字：{vx.SAID}）\n（录音见证据《语音消息 2025-03-12 20:30 客服小王》）" in text
    )
    assert "（录音见证据《语音消息 2025-03-12 20:31 客服小王》）" in text
    assert "20:32 小明" not in text  # message 4 is outside the excerpt


def test_voice_exhibits_say_whose_words_and_the_length_the_binder_prints(profile, case_id, tmp_path):
    """The user's own voice message is not proof of what the other side said, and the note's length is
    the decoded length the binder's waveform page prints (not an MP3 header's estimate)."""
    from kami_desktop.core.chats.voice import decode_voice_bytes, duration_text

    page = vx.standard_html(tmp_path)
    C.import_chat(profile, case_id, page, vx.ME)
    by_title = {e.title: e for e in live_exhibits(profile, case_id)}
    mine = by_title["语音消息 2025-03-12 20:32 小明"]
    theirs = by_title["语音消息 2025-03-12 20:30 客服小王"]
    assert mine.purpose == "证明本人在语音消息中向对方所说的内容"  # not "what the other side said"
    assert theirs.purpose == "证明对方在语音消息中所说的内容"
    decoded = decode_voice_bytes((page.parent / "voice" / "1001.mp3").read_bytes(), "1001.mp3")
    assert decoded.codec == "MP3"  # not FFmpeg's decoder name MP3FLOAT
    printed = duration_text(decoded.duration).split("（")[1].rstrip("）")  # "1.4 秒"
    assert f"时长约 {printed}" in theirs.notes


def test_importing_again_while_a_recording_is_in_the_trash_does_not_bring_it_back_twice(
    profile, case_id, tmp_path
):
    """The user put a voice exhibit in the trash; importing the same export again (say, after copying more
    voice files beside it) does not make a second exhibit of it behind the user's back — which a restore
    would turn into the same recording twice in the binder. The report says it is in the trash."""
    from kami_desktop.core.evidence.exhibits import restore

    page = vx.standard_html(tmp_path)
    first = C.import_chat(profile, case_id, page, vx.ME)
    target = first.voices["imported"][1]["exhibit_id"]
    with profile.session() as s:
        trash(s, target)
    again = C.import_chat(profile, case_id, page, vx.ME).voices
    assert again["imported"] == [] and [t["exhibit_id"] for t in again["trashed"]] == [target]
    assert "在回收站中 1 个" in again["summary"]
    assert len(live_exhibits(profile, case_id)) == 3  # the chat and two recordings: nothing new
    with profile.session() as s:
        restore(s, target)
    exhibits = live_exhibits(profile, case_id)
    assert len(exhibits) == 4 and len({e.title for e in exhibits}) == 4  # each recording once
    with profile.session() as s:
        assert chat_voice_links(s, first.chat_id)[3].exhibit_id == target
