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
    assert float(np.abs(g - reference).mean()) < 16


def test_a_frame_smaller_than_the_thumbnail_grid_is_scaled_not_sampled():
    small = av.VideoFrame.from_ndarray(np.full((40, 60, 3), 200, np.uint8), format="rgb24")
    g = video_pick.gray(small.reformat(format="yuv420p"), _to_gray)
    assert g.shape == (video_pick.GRAY_H, video_pick.GRAY_W) and abs(float(g.mean()) - 200) < 8
