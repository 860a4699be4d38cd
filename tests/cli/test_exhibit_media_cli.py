"""`kami exhibit edit --transcript` and `kami exhibit audio --out`: the playable copy of a voice message."""

from __future__ import annotations

import wave

from tests.cli.test_bill_cli import run
from tests.core.media.voice_samples import amr_file, silk_file


def test_transcript_and_playable_wav_export(tmp_path, capsys):
    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "星辰卡盟扣款", "--platform", "星辰卡盟")
    src = amr_file(tmp_path / "客服来电.amr", 2.0)
    imported = run(capsys, d, "import", "--case", "1", str(src))["imported"][0]
    ex = imported["exhibit_id"]
    edited = run(capsys, d, "exhibit", "edit", str(ex), "--transcript", "客服：七日内退款。")
    assert edited["transcript"] == "客服：七日内退款。"
    assert run(capsys, d, "exhibit", "show", str(ex))["transcript"] == "客服：七日内退款。"
    out = tmp_path / "导出" / "来电.wav"
    result = run(capsys, d, "exhibit", "audio", str(ex), "--out", str(out))
    assert result["wav"] == str(out)
    with wave.open(str(out)) as w:
        assert w.getframerate() == 8000 and w.getnchannels() == 1
        assert abs(w.getnframes() / 8000 - 2.0) < 0.15
    assert run(capsys, d, "verify")["ok"] is True


def test_audio_export_of_a_damaged_or_non_voice_exhibit_is_a_user_error(tmp_path, capsys):
    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "t")
    data = silk_file(tmp_path / "s.silk", 2.0).read_bytes()
    bad = tmp_path / "坏语音.silk"
    bad.write_bytes(data[: len(data) // 2])
    ex = run(capsys, d, "import", "--case", "1", str(bad))["imported"][0]["exhibit_id"]
    err = run(capsys, d, "exhibit", "audio", str(ex), "--out", str(tmp_path / "x.wav"), expect=2)
    assert "坏语音.silk" in str(err) and not (tmp_path / "x.wav").exists()
    note = tmp_path / "说明.txt"
    note.write_text("客服说退款。", encoding="utf-8")
    ex2 = run(capsys, d, "import", "--case", "1", str(note))["imported"][0]["exhibit_id"]
    err = run(capsys, d, "exhibit", "audio", str(ex2), "--out", str(tmp_path / "y.wav"), expect=2)
    assert "没有语音、录音或视频文件" in str(err)


def test_the_sound_of_a_video_exports_and_a_folder_is_a_place_to_export_into(tmp_path, capsys):
    from tests.core.media.video_samples import audio_only, make_video

    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "t")
    sound = audio_only(tmp_path / "通话录音.mp4", seconds=2.0)  # an MP4 holding only sound
    silent = make_video(tmp_path / "录屏.mp4")  # pictures, no sound
    voice = amr_file(tmp_path / "客服来电.amr", 1.0)
    ids = [
        x["exhibit_id"]
        for x in run(capsys, d, "import", "--case", "1", str(sound), str(silent), str(voice))["imported"]
    ]
    folder = tmp_path / "导出"
    folder.mkdir()
    got = run(capsys, d, "exhibit", "audio", str(ids[0]), "--out", str(folder))
    assert got["wav"] == str(folder / "通话录音.wav")
    with wave.open(got["wav"]) as w:
        assert abs(w.getnframes() / w.getframerate() - 2.0) < 0.15
    assert run(capsys, d, "exhibit", "audio", str(ids[2]), "--out", str(folder))["wav"] == str(
        folder / "客服来电.wav"
    )
    err = run(capsys, d, "exhibit", "audio", str(ids[1]), "--out", str(folder), expect=2)
    assert "录屏.mp4" in str(err) and "没有音频" in str(err)
    assert sorted(p.name for p in folder.iterdir()) == ["客服来电.wav", "通话录音.wav"]
