"""The contact sheet read by two readers at once (two cores): the same sheet as one reader makes, byte
for byte; a cancel stops both; a second opening that fails leaves the work to the first. The scene
thumbnails read the luma plane directly, and other pixel formats (10-bit HDR) through a conversion."""

from __future__ import annotations

import threading

import av
import numpy as np
import pytest

from kami_desktop.core.evidence import video_pick, video_sheet
from kami_desktop.core.evidence.video import VideoError
from kami_desktop.core.tasks import Cancelled, CancelToken

from .video_samples import make_video


def _sheet(src, monkeypatch, cores: int, cancel=None):
    monkeypatch.setattr(video_sheet, "_cores", lambda: cores)
    return video_sheet.sheet(src, src.name, cancel)


def test_two_readers_make_the_same_sheet_as_one(tmp_path, monkeypatch):
    src = make_video(tmp_path / "录屏.mp4", seconds=8.0, gop=5, scenes=10)
    one = _sheet(src, monkeypatch, 1)
    opened = []
    real = video_sheet._Reader.__init__

    def counting(self, *a, **kw):
        opened.append(threading.current_thread().name)
        real(self, *a, **kw)

    monkeypatch.setattr(video_sheet._Reader, "__init__", counting)
    two = _sheet(src, monkeypatch, 2)
    assert len(opened) == 2 and opened[1].startswith("video-sheet")  # the second on its own thread
    assert [f.ms for f in two.frames] == [f.ms for f in one.frames]
    assert [f.jpeg for f in two.frames] == [f.jpeg for f in one.frames]
    assert two.facts == one.facts and two.note == one.note == ""
    assert len(one.frames) >= video_sheet.SHEET_MIN


class _CancelAfter(CancelToken):
    """Cancelled once asked ``n`` times (by either reader)."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.left, self.lock = n, threading.Lock()

    def raise_if_cancelled(self) -> None:
        with self.lock:
            self.left -= 1
            if self.left <= 0:
                self.cancel()
        super().raise_if_cancelled()


def test_a_cancel_stops_both_readers_and_leaves_no_thread(tmp_path, monkeypatch):
    src = make_video(tmp_path / "录屏.mp4", seconds=8.0, gop=5, scenes=10)
    before = threading.active_count()
    with pytest.raises(Cancelled):
        _sheet(src, monkeypatch, 2, _CancelAfter(5))
    assert threading.active_count() == before


def test_a_second_opening_that_fails_leaves_the_work_to_the_first(tmp_path, monkeypatch):
    src = make_video(tmp_path / "录屏.mp4", seconds=8.0, gop=5, scenes=10)
    one = _sheet(src, monkeypatch, 1)

    def fails(self, work, part):
        raise VideoError("视频文件无法打开")

    monkeypatch.setattr(video_sheet._Readers, "_on_other", fails)
    two = _sheet(src, monkeypatch, 2)
    assert [f.jpeg for f in two.frames] == [f.jpeg for f in one.frames]


def _frame(fmt: str) -> av.VideoFrame:
    """A 640×360 picture: dark left half, light right half, a mid-grey band at the top."""
    img = np.full((360, 640, 3), 40, np.uint8)
    img[:, 320:] = 220
    img[:60] = 128
    return av.VideoFrame.from_ndarray(img, format="rgb24").reformat(format=fmt)


def _to_gray(f, w, h):
    return f.reformat(width=w, height=h, format="gray", interpolation="POINT")


@pytest.mark.parametrize("fmt", ["yuv420p", "yuvj420p", "nv12", "yuv420p10le", "rgb24"])
def test_scene_thumbnails_agree_whatever_the_pixel_format(fmt):
    reference = video_pick.gray(_frame("yuv420p"), _to_gray)
    g = video_pick.gray(_frame(fmt), _to_gray)
    assert g.shape == (video_pick.GRAY_H, video_pick.GRAY_W)
    assert g[10, 2] < 60 and g[10, 29] > 190 and 110 < g[0, 16] < 150
    # studio-range luma read as it is, other formats converted to full range: alike in shape, which is
    # all a comparison of two frames of one recording needs
    assert float(np.corrcoef(g.ravel(), reference.ravel())[0, 1]) > 0.99


def test_a_frame_smaller_than_the_thumbnail_grid_is_scaled_not_sampled():
    small = av.VideoFrame.from_ndarray(np.full((40, 60, 3), 200, np.uint8), format="rgb24")
    g = video_pick.gray(small.reformat(format="yuv420p"), _to_gray)
    assert g.shape == (video_pick.GRAY_H, video_pick.GRAY_W) and abs(float(g.mean()) - 200) < 8


def _wallet(path, balances, seconds_each=2.0, fps=10, gop=5, size=(360, 640)):
    """A phone recording of one wallet page: only the balance (a few small 'digits') changes between
    states, while the status-bar clock at the top changes every second."""
    w, h = size
    with av.open(str(path), "w") as c:
        s = c.add_stream("libx264", rate=fps, options={"preset": "ultrafast", "crf": "23"})
        s.width, s.height, s.pix_fmt = w, h, "yuv420p"
        s.codec_context.gop_size = gop
        n = int(len(balances) * seconds_each * fps)
        for i in range(n):
            img = np.full((h, w, 3), 245, np.uint8)
            img[40:100] = (30, 110, 220)  # the page's title bar
            second = i // fps
            for k in range(4):  # the clock: its digits change every second
                if (second >> k) & 1:
                    img[4:16, 8 + 10 * k : 14 + 10 * k] = 20
            digits = balances[int(i / fps / seconds_each)]
            for k, d in enumerate(digits):  # the balance: a 'digit' is a block whose height is its value
                img[200 : 200 + 4 * (int(d) + 1), 40 + 22 * k : 56 + 22 * k] = 15
            for r in range(5):  # the rest of the page, unchanged
                img[320 + 50 * r : 330 + 50 * r, 30 : w - 30] = 200
            frame = av.VideoFrame.from_ndarray(img, format="rgb24")
            frame.pts = i
            for p in s.encode(frame):
                c.mux(p)
        for p in s.encode():
            c.mux(p)
    return path


def test_a_balance_that_changes_on_an_unchanged_page_is_a_scene_change_and_the_clock_is_not(tmp_path):
    balances = ["1798", "1798", "1698", "0487", "0000", "0000", "0000", "0000"]
    src = _wallet(tmp_path / "余额录屏.mp4", balances)
    made = video_sheet.sheet(src, src.name)
    shown = {balances[min(len(balances) - 1, f.ms // 2000)] for f in made.frames}
    assert shown == {"1798", "1698", "0487", "0000"}  # every balance the recording shows
    assert len(made.frames) == video_sheet.SHEET_MIN  # the clock's ticking adds no frame of its own


def test_frames_differ_by_their_most_changed_cell_not_only_on_average():
    page = np.full((video_pick.GRAY_H, video_pick.GRAY_W), 240, np.float32)
    digit = page.copy()
    digit[8, 5] = 120  # one cell of the page changed: a digit of the balance
    clock = page.copy()
    clock[0, 3] = 120  # a cell of the top row: the status-bar clock
    d = video_pick.differences(np.stack([page, digit, clock]), page)
    assert d[0] == 0 and d[1] >= video_pick.SAME_SCENE > d[2]
