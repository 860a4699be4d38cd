"""The 证据 tab's search box keeps its placeholder readable, in Chinese and in English, at 1400 px."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics

from tests.gui.test_translations import english, qm_dir  # noqa: F401  (fixtures)


def _evidence_window(qtbot, profile, settings, case_id):
    from kami_desktop.gui.main_window import MainWindow

    win = MainWindow(profile, settings)
    qtbot.addWidget(win)
    win.resize(1400, 800)
    win.show()
    with qtbot.waitSignal(win.evidence.loaded, timeout=5000):
        win.sidebar.refresh(select=case_id)
    win.workspace.setCurrentWidget(win.evidence)
    qtbot.wait(50)
    return win


def _check(win, placeholder: str) -> None:
    search = win.evidence.search
    assert search.placeholderText() == placeholder
    text = QFontMetrics(search.font()).horizontalAdvance(placeholder)
    # the whole placeholder, its frame and margins and the clear button fit into the minimum width
    assert search.minimumWidth() >= text + 24
    # and the 1400 px window gives the box at least that, without growing wider itself
    assert win.width() == 1400 and search.width() >= search.minimumWidth()
    assert "截图文字" in search.toolTip() or "screenshot text" in search.toolTip()  # what it searches


def test_search_box_is_wide_enough_for_its_placeholder(qtbot, profile, settings, case_id, dialogs):
    win = _evidence_window(qtbot, profile, settings, case_id)
    _check(win, "搜索证据（Ctrl+F）")


@pytest.mark.usefixtures("english")
def test_search_box_is_wide_enough_in_english(qtbot, profile, settings, case_id, dialogs):
    win = _evidence_window(qtbot, profile, settings, case_id)
    _check(win, "Search (Ctrl+F)")
