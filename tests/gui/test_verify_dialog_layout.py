"""The 校验完整性 window: its text starts at the top and the window is as tall as what it shows."""

from __future__ import annotations

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.gui.verify_dialog import VerifyDialog
from tests.helpers import screenshot

WAIT = 15_000


def _text_at_top(dlg: VerifyDialog) -> bool:
    """The label starts at the layout's top margin and is no taller than its text (a taller label
    paints its text lower down, leaving an empty band above it)."""
    top = dlg.layout().contentsMargins().top()
    label = dlg.status.geometry()
    return label.top() <= top + 2 and label.height() <= dlg.status.heightForWidth(label.width()) + 2


def test_verify_text_sits_at_the_top_and_the_window_fits_it(qtbot, profile, case_id, tmp_path):
    import_paths(profile, case_id, [screenshot(tmp_path / "in" / "a.png", 1)])
    dlg = VerifyDialog(profile, case_id)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.finished_report, timeout=WAIT) as sig:
        pass
    assert sig.args[0].ok and dlg.table.isHidden()
    qtbot.wait(50)
    margins = dlg.layout().contentsMargins()
    assert "校验通过" in dlg.status.text()
    assert _text_at_top(dlg)
    # no empty band: the window is the text, the buttons and the spacing between them
    spacing = dlg.layout().spacing()
    content = dlg.status.heightForWidth(dlg.status.width()) + dlg.close_button.sizeHint().height()
    assert dlg.height() <= content + margins.top() + margins.bottom() + 3 * spacing + 4
    # a window the user makes taller keeps the text at the top
    dlg.resize(dlg.width(), 600)
    qtbot.wait(50)
    assert _text_at_top(dlg)


def test_a_problem_list_makes_the_window_taller(qtbot, profile, case_id, tmp_path):
    item = import_paths(profile, case_id, [screenshot(tmp_path / "in" / "a.png", 2)]).imported[0]
    stored = profile.vault.path_for(item.sha256)
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes()[:-10])  # altered behind the app's back
    dlg = VerifyDialog(profile, case_id)
    qtbot.addWidget(dlg)
    dlg.show()
    with qtbot.waitSignal(dlg.finished_report, timeout=WAIT) as sig:
        pass
    assert not sig.args[0].ok and not dlg.table.isHidden()
    assert dlg.height() >= VerifyDialog.TABLE_HEIGHT and _text_at_top(dlg)
