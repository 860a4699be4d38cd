"""The 帮助 guides open from the 帮助 menu, each with its text and its drawn pictures; the first-launch page
leads into the first case, which opens on its 案件首页."""

from __future__ import annotations

from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QLabel

from kami_desktop.core.vocab import CATEGORIES
from kami_desktop.gui.case_dialog import CaseDialog
from kami_desktop.gui.help_guides import CATEGORY_HELP, GUIDES


def _painted(label: QLabel) -> int:
    """How many sampled pixels of a picture are not white (0: nothing was drawn)."""
    img = label.pixmap().toImage()
    white = QColor("#ffffff").rgb()
    return sum(
        1 for x in range(0, img.width(), 4) for y in range(0, img.height(), 4) if img.pixel(x, y) != white
    )


def test_every_guide_opens_from_the_help_menu_with_text_and_drawn_pictures(qtbot, window):
    help_menu = window.menuBar().actions()[-1].menu()
    titles = [a.text() for a in help_menu.actions()]
    assert titles[:2] == ["使用指南…", "如何从支付宝导出账单"]
    for guide in GUIDES:
        assert guide.title in titles
        action = next(a for a in help_menu.actions() if a.objectName() == f"guide_{guide.key}")
        action.trigger()
        dlg = window.help_dialog
        assert dlg.isVisible() and dlg.key == guide.key
        assert dlg.list.currentItem().text() == guide.title
        page = dlg.pane.widget()
        texts = [lbl.text() for lbl in page.findChildren(QLabel) if lbl.text()]
        assert texts[0] == guide.title and guide.intro in texts
        for step in guide.steps:
            assert any(step.text in t for t in texts), step.text
        pictures = [s for s in guide.steps if s.picture is not None]
        assert len(dlg.pictures) == len(pictures) > 0
        for label in dlg.pictures:
            assert not label.pixmap().isNull() and label.pixmap().width() >= 500
            assert _painted(label) > 100, label.property("drawing")
    dlg.close()


def test_the_wechat_chat_guide_explains_memotrace_plainly(qtbot, window):
    guides = next(a for a in window.actions() if a.objectName() == "guidesAction")
    guides.trigger()
    dlg = window.help_dialog
    dlg.list.setCurrentRow([g.key for g in GUIDES].index("wechat_chat"))
    assert dlg.key == "wechat_chat"
    texts = " ".join(lbl.text() for lbl in dlg.pane.widget().findChildren(QLabel))
    assert "留痕" in texts and "MemoTrace" in texts and "电脑版微信" in texts
    assert "data\\聊天记录\\" in texts  # where the export lands, as the tool writes it
    dlg.close()


def test_the_categories_guide_explains_every_category(qtbot, window):
    window.findChild(QAction, "guide_categories").trigger()
    dlg = window.help_dialog
    texts = " ".join(lbl.text() for lbl in dlg.pane.widget().findChildren(QLabel))
    assert set(CATEGORY_HELP) == set(CATEGORIES)
    for code, label in CATEGORIES.items():
        assert label in texts and CATEGORY_HELP[code] in texts
    dlg.close()


def test_the_first_launch_page_leads_into_the_first_case_on_its_home(qtbot, window, profile):
    assert window.stack.currentWidget() is window.empty
    assert window.empty.new_button.text() == "新建案件"

    class AutoDialog(CaseDialog):
        def exec(self):
            self.title.setText("星辰卡盟充值扣款纠纷")
            self.platform_name.setText("星辰卡盟")
            self.accept()
            return self.result()

    window.sidebar.dialog_factory = AutoDialog
    home = window.workspace.home
    with qtbot.waitSignal(home.loaded, timeout=10000):
        window.empty.new_button.click()
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.currentWidget() is home
    assert home.data is not None and "星辰卡盟充值扣款纠纷" in home.data.title
    assert home.button("funds", "import_bill") is not None
    window.empty.guides_button.click()
    assert window.help_dialog.isVisible()
    window.help_dialog.close()
