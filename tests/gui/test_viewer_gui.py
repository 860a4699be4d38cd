"""The viewer, used as a user does: double-click or Enter on a tile, keys to walk, zoom and go full
screen; and the detail panel's preview scaled smoothly, not sampled."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from kami_desktop.gui.evidence_model import EvidenceModel
from kami_desktop.gui.image_viewer import ImageViewer
from tests.core.media.heic import heic_photo
from tests.gui.conftest import import_and_wait
from tests.helpers import screenshot


def _tile_centre(view, exhibit_id):
    grid = view.grid
    index = view.model.index(view.model.row_for_id(exhibit_id), EvidenceModel.COL_TITLE)
    grid.scrollTo(index)
    return grid.visualRect(index).center()


def double_click(qtbot, widget, pos):
    """As a mouse does it: press and release, then the second press (a double-click) and release."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)


def _viewer_ready(qtbot, viewer):
    qtbot.waitUntil(viewer.image.has_image, timeout=10000)
    return viewer


def _import_three(qtbot, case_window, tmp_path):
    paths = [screenshot(tmp_path / f"截图{i}.png", i, size=(1080, 2340)) for i in range(1, 4)]
    report = import_and_wait(qtbot, case_window, paths)
    ids = {i.original_name: i.exhibit_id for i in report.imported}
    return [ids[f"截图{i}.png"] for i in range(1, 4)]


def test_double_click_opens_the_viewer_and_the_keys_walk_the_binder(qtbot, case_window, tmp_path):
    ids = _import_three(qtbot, case_window, tmp_path)
    view = case_window.evidence
    double_click(qtbot, view.grid.viewport(), _tile_centre(view, ids[1]))
    viewer = _viewer_ready(qtbot, view.viewer)
    number = view.model.exhibit_at(view.model.row_for_id(ids[1])).number
    assert viewer.windowTitle().startswith(f"证据 {number}  截图2")
    assert viewer.image.is_fit() and viewer.image.image_size().height() == 2340
    assert "第 2 / 3 项" in viewer.status.text()

    qtbot.keyClick(viewer.image, Qt.Key.Key_Right)  # the picture fits across: → is the next exhibit
    assert viewer.windowTitle().startswith(f"证据 {number + 1}  截图3")
    assert view.selected_ids() == [ids[2]]  # the tab follows the viewer
    qtbot.keyClick(viewer.image, Qt.Key.Key_Right)  # already the last: stays
    assert viewer.current().id == ids[2]
    assert not viewer.next_button.isEnabled()
    qtbot.keyClick(viewer.image, Qt.Key.Key_PageUp)
    qtbot.keyClick(viewer.image, Qt.Key.Key_PageUp)
    assert viewer.current().id == ids[0] and not viewer.prev_button.isEnabled()
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.current().id == ids[1]
    qtbot.keyClick(viewer.image, Qt.Key.Key_End)
    assert viewer.current().id == ids[2]
    _viewer_ready(qtbot, viewer)
    qtbot.keyClick(viewer.image, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.viewer is None, timeout=3000)


def test_enter_and_the_tile_menu_open_it_and_it_walks_only_what_the_filter_shows(
    qtbot, case_window, tmp_path
):
    ids = _import_three(qtbot, case_window, tmp_path)
    view = case_window.evidence
    qtbot.keyClicks(view.search, "3")  # (QTest types ASCII only; CJK text crashes it)
    qtbot.waitUntil(lambda: view.model.visible_ids() == [ids[2]], timeout=3000)
    view.grid.setFocus()
    view.select_ids([ids[2]])
    qtbot.keyClick(view.grid, Qt.Key.Key_Return)
    viewer = _viewer_ready(qtbot, view.viewer)
    assert viewer.current().id == ids[2] and len(viewer.rows) == 1
    assert "第 1 / 1 项" in viewer.status.text()
    viewer.close()
    view.search.clear()
    qtbot.waitUntil(lambda: len(view.model.visible_ids()) == 3, timeout=3000)

    menu = view.context_menu_for(view.grid, _tile_centre(view, ids[0]))
    action = next(a for a in menu.actions() if a.text().startswith("查看大图"))
    action.trigger()
    viewer = _viewer_ready(qtbot, view.viewer)
    assert viewer.current().id == ids[0] and len(viewer.rows) == 3


def test_zoom_keys_wheel_double_click_and_full_screen(qtbot, case_window, tmp_path):
    ids = _import_three(qtbot, case_window, tmp_path)
    view = case_window.evidence
    view.select_ids([ids[0]])
    viewer = _viewer_ready(qtbot, view.open_viewer())
    image = viewer.image
    fit = image.zoom_factor()
    assert fit < 1.0  # a 2340-pixel screenshot fits the window shrunk

    qtbot.keyClick(image, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert abs(image.zoom_factor() - fit * 1.25) < 1e-6 and not image.is_fit()
    qtbot.keyClick(image, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert abs(image.zoom_factor() - fit) < 1e-6
    qtbot.keyClick(image, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert abs(image.zoom_factor() - 1.0) < 1e-6 and "100%" in viewer.status.text()
    qtbot.keyClick(image, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert image.is_fit() and abs(image.zoom_factor() - fit) < 1e-6

    # double-click: 100 % with the clicked point of the picture still under the pointer
    at = QPoint(image.viewport().width() // 2, image.viewport().height() // 3)
    before = image.mapToScene(at)
    double_click(qtbot, image.viewport(), at)
    assert abs(image.zoom_factor() - 1.0) < 1e-6
    after = image.mapToScene(at)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2

    # zoomed in, the arrow keys pan and do not change the exhibit
    bar = image.verticalScrollBar()
    start = bar.value()
    qtbot.keyClick(image, Qt.Key.Key_Down)
    assert bar.value() > start and viewer.current().id == ids[0]
    hbar = image.horizontalScrollBar()
    if hbar.maximum() > hbar.minimum():
        hstart = hbar.value()
        qtbot.keyClick(image, Qt.Key.Key_Right)
        assert hbar.value() != hstart or hstart == hbar.maximum()
        assert viewer.current().id == ids[0]

    # dragging the picture pans it, as a hand would
    start = bar.value()
    centre = image.viewport().rect().center()
    qtbot.mousePress(image.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(image.viewport(), centre - QPoint(0, 120))
    qtbot.mouseRelease(image.viewport(), Qt.MouseButton.LeftButton, pos=centre - QPoint(0, 120))
    assert bar.value() > start

    # the wheel zooms around the pointer: the picture's point under it stays under it
    under = image.mapToScene(at)
    wheel = QWheelEvent(
        QPointF(at),
        QPointF(image.viewport().mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(image.viewport(), wheel)
    assert abs(image.zoom_factor() - 1.25) < 1e-6
    assert abs(image.mapToScene(at).y() - under.y()) < 2

    double_click(qtbot, image.viewport(), at)
    assert image.is_fit()

    qtbot.keyClick(image, Qt.Key.Key_F11)
    qtbot.waitUntil(viewer.isFullScreen, timeout=3000)
    assert viewer.full_button.text() == "退出全屏"
    qtbot.keyClick(image, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not viewer.isFullScreen(), timeout=3000)
    assert viewer.isVisible()  # the first Esc only leaves full screen
    assert viewer.full_button.text() == "全屏"


def test_a_heic_photo_is_decoded_through_the_image_loader(qtbot, case_window, tmp_path):
    photo = heic_photo(tmp_path / "收据.heic", size=(600, 300), orientation=1)
    report = import_and_wait(qtbot, case_window, [photo])
    view = case_window.evidence
    view.select_ids([report.imported[0].exhibit_id])
    viewer = _viewer_ready(qtbot, view.open_viewer())
    assert viewer.image.image_size().width() == 600


def test_the_preview_is_smoothly_scaled_and_double_click_opens_the_viewer(qtbot, case_window, tmp_path):
    # one-pixel black and white stripes: drawn at a quarter size, a smooth downscale is an even grey,
    # a sampled one is stripes of black and white
    stripes = Image.new("L", (2000, 2000), 255)
    stripes.putdata([0 if x % 2 == 0 else 255 for _y in range(2000) for x in range(2000)])
    path = tmp_path / "条纹.png"
    stripes.save(path)
    report = import_and_wait(qtbot, case_window, [path])
    view = case_window.evidence
    view.select_ids([report.imported[0].exhibit_id])
    preview = view.detail.preview.image
    qtbot.waitUntil(preview.has_image, timeout=10000)
    assert preview.zoom_factor() < 0.5
    QApplication.processEvents()
    shot = preview.viewport().grab().toImage()
    rect = preview.mapFromScene(preview.sceneRect()).boundingRect().intersected(preview.viewport().rect())
    greys = [
        shot.pixelColor(x, y).lightness()
        for y in range(rect.top() + 5, rect.bottom() - 5, 7)
        for x in range(rect.left() + 5, rect.right() - 5, 3)
    ]
    assert greys and max(greys) - min(greys) < 40, (min(greys), max(greys))

    double_click(qtbot, preview.viewport(), preview.viewport().rect().center())
    viewer = _viewer_ready(qtbot, view.viewer)
    assert viewer.current().id == report.imported[0].exhibit_id


def test_image_viewer_without_an_image_ignores_zoom(qtbot):
    viewer = ImageViewer()
    qtbot.addWidget(viewer)
    viewer.set_image(None)
    viewer.zoom(2.0)
    viewer.actual_size()
    assert not viewer.has_image() and viewer.is_fit()


def test_a_merged_exhibit_shows_each_of_its_pictures_before_the_next_exhibit(
    qtbot, case_window, profile, tmp_path
):
    from kami_desktop.core.evidence import exhibits as X

    ids = _import_three(qtbot, case_window, tmp_path)
    view = case_window.evidence
    with profile.session() as s:
        X.merge(s, ids[0], [ids[1]])  # screenshots 1 and 2 are one exhibit now
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.reload(select=[ids[0]])
    viewer = _viewer_ready(qtbot, view.open_viewer())
    assert viewer.current().id == ids[0] and "文件 1 / 2" in viewer.status.text()
    qtbot.keyClick(viewer.image, Qt.Key.Key_PageDown)  # the exhibit's second picture
    _viewer_ready(qtbot, viewer)
    assert viewer.current().id == ids[0] and "文件 2 / 2" in viewer.status.text()
    assert viewer.windowTitle().startswith("证据 1  截图1")
    qtbot.keyClick(viewer.image, Qt.Key.Key_PageDown)  # then the next exhibit
    _viewer_ready(qtbot, viewer)
    assert viewer.current().id == ids[2] and "文件" not in viewer.status.text()
    assert viewer.windowTitle().startswith("证据 2  截图3") and view.selected_ids() == [ids[2]]
    qtbot.keyClick(viewer.image, Qt.Key.Key_PageUp)  # back: the merged exhibit's last picture
    assert viewer.current().id == ids[0] and "文件 2 / 2" in viewer.status.text()
