"""The detail panel of media exhibits as a user meets them: a video's container facts (its length and the
time its metadata records) beside the frames, no advice to drag a slider that a damaged video cannot
have, the transcript field for a video's sound, and the advice to write a transcript gone once one is
written."""

from __future__ import annotations

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.gui.exhibit_detail import ExhibitDetailPanel
from tests.core.media.video_samples import make_video
from tests.core.media.voice_samples import amr_file


def _panel(qtbot, profile):
    panel = ExhibitDetailPanel(profile)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_a_video_shows_its_container_facts_and_a_transcript_field(qtbot, profile, case_id, tmp_path):
    src = make_video(tmp_path / "客服通话录屏.mp4", seconds=3.0, gop=5)
    eid = import_paths(profile, case_id, [src]).imported[0].exhibit_id
    panel = _panel(qtbot, profile)
    panel.set_exhibit(eid)
    v = panel.video
    qtbot.waitUntil(lambda: v.strip.count() > 0, timeout=10000)
    facts = v.facts.text()
    assert "00:00:03" in facts and "320×240" in facts and "H.264/AVC" in facts
    assert "2025-03-12 20:30:45" in facts  # the container's creation time, in China time
    assert panel.form.isRowVisible(panel.transcript)  # a recording of a call: its words go with it


def test_a_damaged_video_gives_no_advice_to_drag_the_slider(qtbot, profile, case_id, tmp_path):
    bad = tmp_path / "乱码录屏.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 300)
    eid = import_paths(profile, case_id, [bad]).imported[0].exhibit_id
    panel = _panel(qtbot, profile)
    panel.set_exhibit(eid)
    v = panel.video
    qtbot.waitUntil(lambda: "乱码录屏.mp4" in v.note.text(), timeout=10000)
    assert not v.slider.isEnabled()
    assert not (v.picked_label.isVisible() and "拖动滑块" in v.picked_label.text())
    assert v.facts.text() == ""
    good = make_video(tmp_path / "录屏.mp4", seconds=2.0, gop=5)
    other = import_paths(profile, case_id, [good]).imported[0].exhibit_id
    panel.set_exhibit(other)  # the next video shows its advice again
    qtbot.waitUntil(lambda: v.strip.count() > 0, timeout=10000)
    assert v.picked_label.isVisible() and "拖动滑块" in v.picked_label.text()


def test_the_advice_to_write_a_transcript_goes_when_it_is_written(qtbot, profile, case_id, tmp_path):
    eid = import_paths(profile, case_id, [amr_file(tmp_path / "客服来电.amr", 1.0)]).imported[0].exhibit_id
    panel = _panel(qtbot, profile)
    panel.set_exhibit(eid)
    assert panel.form.isRowVisible(panel.transcript)
    assert panel.advice.isVisibleTo(panel) and "转写稿" in panel.advice.text()
    panel.transcript.setPlainText("客服：七个工作日内退款。")
    assert panel.save()
    assert not panel.advice.isVisibleTo(panel) and "转写稿" not in panel.advice.text()


def test_a_voice_message_says_it_plays_as_a_wav_copy(qtbot, profile, case_id, tmp_path, monkeypatch):
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: True)  # no real player
    from tests.core.media.voice_samples import silk_file

    voice = import_paths(profile, case_id, [silk_file(tmp_path / "msg.silk", 1.0)]).imported[0].exhibit_id
    note = tmp_path / "说明.txt"
    note.write_text("客服说退款。", encoding="utf-8")
    other = import_paths(profile, case_id, [note]).imported[0].exhibit_id
    panel = _panel(qtbot, profile)
    panel.set_exhibit(voice)
    assert "WAV" in panel.preview.open_button.text()  # a .silk no system player opens: its WAV copy does
    copy = panel.preview.open_external()
    assert copy is not None and copy.suffix == ".wav"
    panel.set_exhibit(other)
    assert panel.preview.open_button.text() == "用系统程序打开"


def test_a_voice_message_shows_its_length_or_why_it_does_not_decode(qtbot, profile, case_id, tmp_path):
    voice = import_paths(profile, case_id, [amr_file(tmp_path / "客服来电.amr", 2.0)]).imported[0].exhibit_id
    bad = tmp_path / "坏语音.silk"
    bad.write_bytes(b"\x02#!SILK_V3" + bytes(range(200)) * 3)
    broken = import_paths(profile, case_id, [bad]).imported[0].exhibit_id
    panel = _panel(qtbot, profile)
    panel.set_exhibit(voice)
    label = panel.preview.facts_label
    qtbot.waitUntil(lambda: "时长" in label.text(), timeout=10000)
    assert "00:02.0" in label.text() and "AMR-NB" in label.text() and "8000 Hz" in label.text()
    panel.set_exhibit(broken)
    qtbot.waitUntil(lambda: "无法解码" in label.text(), timeout=10000)
    assert "坏语音.silk" in label.text() and "时长" not in label.text()


def test_a_file_time_in_the_time_field_is_said_to_be_one(qtbot, profile, case_id, tmp_path):
    from tests.core.media.heic import heic_photo
    from tests.helpers import screenshot

    shot = screenshot(tmp_path / "余额.png", 3)  # no EXIF, no time in its name: its time is the file's
    photo = heic_photo(tmp_path / "IMG_1.HEIC")  # EXIF DateTimeOriginal
    vid, pid = (x.exhibit_id for x in import_paths(profile, case_id, [shot, photo]).imported)
    panel = _panel(qtbot, profile)
    panel.set_exhibit(vid)
    assert panel.form.isRowVisible(panel.captured_hint) and "文件的修改时间" in panel.captured_hint.text()
    panel.set_exhibit(pid)
    assert panel.captured.text().startswith("2025-03-12T20:30:11")
    assert not panel.form.isRowVisible(panel.captured_hint)
    panel.captured.set_value(None)  # the user clears the time: no file time to speak of
    assert panel.save()
    assert not panel.form.isRowVisible(panel.captured_hint)
