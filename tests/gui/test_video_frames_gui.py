"""A video exhibit in the detail panel: the contact sheet as a strip, the slider that shows the frame at
its time (decoded off the GUI thread), "选为重点画面" picking and unpicking through the ledger, and a
damaged video that says why instead of crashing."""

from __future__ import annotations

import threading

from sqlalchemy import select

from kami_desktop.core.evidence.exhibits import get_exhibit
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.evidence.verify import verify
from kami_desktop.core.store.model import LedgerEntry
from kami_desktop.gui import video_frames
from kami_desktop.gui.exhibit_detail import ExhibitDetailPanel
from tests.core.media.video_samples import make_video
from tests.helpers import screenshot


def test_strip_scrubber_and_picking_a_frame(qtbot, profile, case_id, tmp_path, monkeypatch):
    threads: list[str] = []
    decode = video_frames.frame_at

    def spy(*args, **kw):
        threads.append(threading.current_thread().name)
        return decode(*args, **kw)

    monkeypatch.setattr(video_frames, "frame_at", spy)
    src = make_video(tmp_path / "余额录屏.mp4", seconds=3.0, gop=5)
    eid = import_paths(profile, case_id, [src]).imported[0].exhibit_id
    shot = import_paths(profile, case_id, [screenshot(tmp_path / "图.png", 3)]).imported[0].exhibit_id
    panel = ExhibitDetailPanel(profile)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_exhibit(eid)
    v = panel.video
    assert panel.top.currentWidget() is v
    recorded = panel.fact_labels["exif"]
    assert panel.facts.labelForField(recorded).text() == "创建时间（视频信息）"
    assert recorded.text() == "2025-03-12 20:30:45"  # the container's creation time, in China time
    qtbot.waitUntil(lambda: v.strip.count() == 6, timeout=10000)
    assert [v.strip.item(i).text() for i in range(6)] == [
        "00:00:00",
        "00:00:00.500",
        "00:00:01",
        "00:00:01.500",
        "00:00:02",
        "00:00:02.500",
    ]
    assert v.slider.maximum() == 3000 and v.shown is not None and v.shown.ms == 0
    assert "还没有选定重点画面" in v.picked_label.text()
    with qtbot.waitSignal(v.frame_shown, timeout=10000) as shown:
        v.slider.setValue(1730)
    assert shown.args == [1700] and v.time.text() == "00:00:01.700"
    assert threads and threading.main_thread().name not in threads  # decoded on a worker
    assert not v.view.pixmap().isNull()
    with qtbot.waitSignal(panel.edited):
        v.pick_button.click()
    assert v.pick_button.text() == "取消重点画面" and "00:00:01.700" in v.picked_label.text()
    with profile.session() as s:
        assert get_exhibit(s, eid).key_frames == ["00:00:01.700"]
        assert (
            '"key_frames"'
            in s.scalars(select(LedgerEntry).where(LedgerEntry.action == "exhibit.edit")).one().payload
        )
    with qtbot.waitSignal(v.frame_shown, timeout=10000):
        v._strip_clicked(v.strip.item(4))  # a strip frame jumps the slider to its time
    assert v.slider.value() == 2000 and v.pick_button.text() == "选为重点画面"
    with qtbot.waitSignal(v.frame_shown, timeout=10000):
        v.slider.setValue(1700)
    v.pick_button.click()  # picked already: unpicks
    with profile.session() as s:
        assert get_exhibit(s, eid).key_frames == []
    assert verify(profile).ok
    panel.set_exhibit(shot)
    assert panel.top.currentWidget() is panel.preview
    assert panel.facts.labelForField(panel.fact_labels["exif"]).text() == "拍摄时间（EXIF）"


def test_a_damaged_video_says_why_in_the_panel(qtbot, profile, case_id, tmp_path):
    bad = tmp_path / "乱码录屏.mp4"
    bad.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 300)
    eid = import_paths(profile, case_id, [bad]).imported[0].exhibit_id
    panel = ExhibitDetailPanel(profile)
    qtbot.addWidget(panel)
    panel.set_exhibit(eid)
    v = panel.video
    qtbot.waitUntil(lambda: "乱码录屏.mp4" in v.note.text(), timeout=10000)
    assert "无法打开" in v.note.text() and v.strip.count() == 0
    assert not v.pick_button.isEnabled() and not v.slider.isEnabled()
    assert "无法打开" in panel.fact_labels["problem"].text()  # noted at import, shown with the file


def test_a_pick_in_the_window_is_undone_with_ctrl_z(qtbot, case_window, profile, case_id, tmp_path):
    from PySide6.QtCore import Qt

    from tests.gui.conftest import import_and_wait

    win, view = case_window, case_window.evidence
    src = make_video(tmp_path / "录屏.mp4", seconds=3.0, gop=5)
    eid = import_and_wait(qtbot, win, [src]).imported[0].exhibit_id
    view.detail.set_exhibit(eid)
    v = view.detail.video
    qtbot.waitUntil(lambda: v.shown is not None, timeout=10000)
    with qtbot.waitSignal(v.frame_shown, timeout=10000):
        v.slider.setValue(2000)
    v.pick_button.click()
    with profile.session() as s:
        assert get_exhibit(s, eid).key_frames == ["00:00:02"]
    assert win.undo_action.isEnabled()
    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with profile.session() as s:
        assert get_exhibit(s, eid).key_frames == []
    assert v.picked == [] and v.pick_button.text() == "选为重点画面"
    assert verify(profile).ok


def test_a_video_tile_gets_its_first_frame_as_thumbnail(tmp_path):
    from PIL import Image

    from kami_desktop.gui.thumbnails import can_thumbnail, render_thumbnail

    src = make_video(tmp_path / "录屏.mp4", seconds=2.0, size=(320, 240))
    assert can_thumbnail("video/mp4") and can_thumbnail("video/quicktime")
    target = tmp_path / "thumb.png"
    render_thumbnail(src, "video/mp4", target, size=128)
    with Image.open(target) as im:
        assert im.size == (128, 96)
        assert im.convert("RGB").getpixel((120, 90))[2] < 80  # the first "page" is dark blue-black
