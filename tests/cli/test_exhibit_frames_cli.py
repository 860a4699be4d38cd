"""`kami exhibit frames`: the contact sheet's frames of a video exhibit, picking and unpicking the frames
printed large (ledger-recorded), exporting them as JPEG; a damaged video is named, never a crash."""

from __future__ import annotations

from PIL import Image

from tests.cli.test_bill_cli import run
from tests.core.media.video_samples import make_video


def test_frames_pick_unpick_and_export(tmp_path, capsys):
    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "星辰卡盟扣款", "--platform", "星辰卡盟")
    src = make_video(tmp_path / "余额录屏.mp4", seconds=3.0, gop=5)
    ex = run(capsys, d, "import", "--case", "1", str(src))["imported"][0]["exhibit_id"]
    shown = run(capsys, d, "exhibit", "frames", str(ex))
    assert [f["at"] for f in shown["frames"]] == [
        "00:00:00",
        "00:00:00.500",
        "00:00:01",
        "00:00:01.500",
        "00:00:02",
        "00:00:02.500",
    ]
    assert shown["facts"]["width"] == 320 and shown["facts"]["codec"] == "H.264/AVC"
    assert shown["facts"]["created"] == "2025-03-12T12:30:45+00:00" and shown["picked"] == []
    out = tmp_path / "画面"
    picked = run(
        capsys, d, "exhibit", "frames", str(ex), "--pick", "00:00:02", "--pick", "1.2", "--out", str(out)
    )
    assert picked["picked"] == ["00:00:01.200", "00:00:02"]
    assert len(picked["written"]) == 6 + 2
    with Image.open(out / "重点画面_00-00-01.200.jpg") as im:
        assert im.size == (320, 240)
    assert run(capsys, d, "exhibit", "show", str(ex))["key_frames"] == ["00:00:01.200", "00:00:02"]
    assert run(capsys, d, "exhibit", "frames", str(ex), "--unpick", "00:00:01")["picked"] == ["00:00:02"]
    entries = run(capsys, d, "ledger", "show")["entries"]
    assert [e["action"] for e in entries].count("exhibit.edit") == 2
    assert run(capsys, d, "verify")["ok"] is True
    err = run(capsys, d, "exhibit", "frames", str(ex), "--pick", "00:09:00", expect=2)
    assert "超出了视频长度" in str(err)


def test_frames_of_a_damaged_or_non_video_exhibit(tmp_path, capsys):
    d = tmp_path / "p"
    run(capsys, d, "case", "new", "--title", "t")
    bad = tmp_path / "乱码.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 200)
    ex = run(capsys, d, "import", "--case", "1", str(bad))["imported"][0]["exhibit_id"]
    data = run(capsys, d, "exhibit", "frames", str(ex), expect=1)
    assert "乱码.mp4" in data["error"] and "无法打开" in data["error"]
    note = tmp_path / "说明.txt"
    note.write_text("客服说退款。", encoding="utf-8")
    ex2 = run(capsys, d, "import", "--case", "1", str(note))["imported"][0]["exhibit_id"]
    err = run(capsys, d, "exhibit", "frames", str(ex2), expect=2)
    assert "没有视频文件" in str(err)
