"""Windows dark mode: the app keeps its light colour scheme, and the tiles and banners stay readable.

The system's dark palette is applied before the app sets itself up (as Windows in dark mode hands it
over), then the main window is rendered and the text/background contrast of real pixels is measured
against WCAG 2 (4.5:1 for body text).
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPalette

from kami_desktop.gui.theme import contrast_ratio, is_dark, light_palette, secondary_text, use_light_scheme
from kami_desktop.gui.tile_delegate import CATEGORY_COLORS, THUMB_H
from tests.gui.conftest import import_and_wait
from tests.helpers import screenshot

WCAG_AA = 4.5
Role = QPalette.ColorRole


def dark_palette() -> QPalette:
    """Roughly what Qt gets from Windows 11 in dark mode."""
    pal = QPalette()
    for role, colour in {
        Role.Window: "#202020",
        Role.WindowText: "#ffffff",
        Role.Base: "#1c1c1c",
        Role.AlternateBase: "#2b2b2b",
        Role.Text: "#ffffff",
        Role.Button: "#2d2d2d",
        Role.ButtonText: "#ffffff",
        Role.PlaceholderText: "#9d9d9d",
        Role.Highlight: "#0078d4",
        Role.HighlightedText: "#ffffff",
        Role.Mid: "#3c3c3c",
    }.items():
        pal.setColor(role, QColor(colour))
    return pal


@pytest.fixture
def dark_system(qapp):
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    assert is_dark(qapp.palette())
    use_light_scheme(qapp)  # what create_application does at start-up
    yield qapp
    qapp.setPalette(before)


def rendered_contrast(img: QImage, area: QRect | None = None) -> float:
    """Contrast between the most common colour of ``area`` (the background) and the pixel that
    stands out most from it (the core of the text strokes)."""
    area = area or img.rect()
    pixels = Counter(
        img.pixel(x, y) & 0xFFFFFF
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
    )
    background = QColor(pixels.most_common(1)[0][0])
    return max(contrast_ratio(background, QColor(rgb)) for rgb in pixels)


def test_the_app_palette_is_light_under_a_dark_system(dark_system):
    pal = dark_system.palette()
    assert not is_dark(pal)
    assert pal.color(Role.Base) == light_palette().color(Role.Base)
    for fg, bg in ((Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button)):
        assert contrast_ratio(pal.color(fg), pal.color(bg)) >= WCAG_AA, (fg, bg)
    assert contrast_ratio(secondary_text(pal), pal.color(Role.Base)) >= WCAG_AA
    assert contrast_ratio(pal.color(Role.HighlightedText), pal.color(Role.Highlight)) >= WCAG_AA


def test_category_chips_and_headers_read_on_the_light_scheme(dark_system):
    base = dark_system.palette().color(Role.Base)
    for category, colour in CATEGORY_COLORS.items():
        assert contrast_ratio(QColor("white"), QColor(colour)) >= WCAG_AA, category  # chip text
        assert contrast_ratio(QColor(colour), base) >= WCAG_AA, category  # group header text


def test_tiles_and_banners_render_readably_under_a_dark_system(dark_system, qtbot, tmp_path, case_window):
    win = case_window
    import_and_wait(qtbot, win, [screenshot(tmp_path / "付款截图.png", 3)])
    win.evidence.grid_button.click()
    grid = win.evidence.grid
    grid.doItemsLayout()  # batched layout: done now instead of at the next paint
    rect = grid.visualRect(grid.model().index(0, grid.modelColumn()))
    assert rect.width() > 100
    tile = grid.viewport().grab(rect).toImage()
    fm = QFontMetrics(grid.font())
    title = QRect(8, THUMB_H + 11, rect.width() - 16, fm.height())
    chip_and_date = QRect(8, title.bottom() + 3, rect.width() - 16, fm.height())
    assert rendered_contrast(tile, title) >= WCAG_AA
    chip = QRect(chip_and_date.x() + 3, chip_and_date.y() + 2, 20, fm.height() - 4)
    assert rendered_contrast(tile, chip) >= WCAG_AA
    background = QColor(tile.pixel(rect.width() // 2, rect.height() - 3))
    assert not is_dark_colour(background), background.name()  # the tile is light, as its text expects

    workspace = win.workspace
    for view, banner in (
        (workspace.bills, workspace.bills.banner),
        (workspace.claims, workspace.claims.warnings),
    ):
        workspace.setCurrentWidget(view)
        banner.setText("⚠ 证据效力提示\n这份账单是截图，请补充支付宝导出的原始明细文件。")
        banner.show()
        qtbot.waitUntil(lambda b=banner: b.isVisible() and b.height() > 20)
        img = banner.grab().toImage()
        assert rendered_contrast(img, img.rect().adjusted(4, 4, -4, -4)) >= WCAG_AA, type(view).__name__


def is_dark_colour(c: QColor) -> bool:
    return c.lightness() < 128
