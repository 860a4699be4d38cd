"""The masking editor on real widgets: proposed boxes with their reasons, drag to add a box, drag to move
it, drag a corner to resize it, Del to delete, 上一张/下一张 over a selection, 保存副本 writes the copy;
an image without OCR text says so; the evidence tab's menu and the 编辑 menu open it."""

from __future__ import annotations

from PIL import Image
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.store.model import LedgerEntry, MaskedCopy
from kami_desktop.core.util.hashing import sha256_file
from kami_desktop.gui.redact_dialog import RedactDialog
from tests.core.redact.shots import page, shot


def press(widget, kind, pos: QPoint, button=Qt.MouseButton.LeftButton):
    buttons = Qt.MouseButton.NoButton if kind == QMouseEvent.Type.MouseButtonRelease else button
    ev = QMouseEvent(
        kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, ev)


def drag(canvas, a: QPoint, b: QPoint) -> None:
    press(canvas, QMouseEvent.Type.MouseButtonPress, a)
    press(
        canvas,
        QMouseEvent.Type.MouseMove,
        QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2),
        Qt.MouseButton.NoButton,
    )
    press(canvas, QMouseEvent.Type.MouseMove, b, Qt.MouseButton.NoButton)
    press(canvas, QMouseEvent.Type.MouseButtonRelease, b)


def screen(canvas, x: int, y: int) -> QPoint:
    s, off = canvas._scale()
    return QPoint(round(off.x() + x * s), round(off.y() + y * s))


def imported(profile, case_id, tmp_path):
    path, lines = shot(tmp_path / "订单.png")
    bare, _ = shot(tmp_path / "聊天.png", ("聊天 13912345678",))
    note = tmp_path / "说明.txt"
    note.write_text("说明", encoding="utf-8")
    items = [import_paths(profile, case_id, [p]).imported[0] for p in (path, bare, note)]
    with profile.session() as s:
        save_page(s, page(items[0].sha256, lines))
    return items


def test_edit_boxes_and_save_a_copy(qtbot, profile, case_id, tmp_path, dialogs):
    shot_item, bare, note = imported(profile, case_id, tmp_path)
    dlg = RedactDialog(profile, [note.exhibit_id, bare.exhibit_id, shot_item.exhibit_id])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    canvas = dlg.canvas
    assert len(dlg.pages) == 2 and "证据3《说明.txt》" not in dlg.skipped.text()
    assert "未包括" in dlg.skipped.text() and "不是图片" in dlg.skipped.text()
    # the first page is 证据1: its proposals, each with its reason
    assert "证据1" in dlg.heading.text() and "第 1 / 2 张" in dlg.heading.text()
    reasons = [dlg.box_list.item(i).toolTip() for i in range(dlg.box_list.count())]
    assert reasons == ["手机号", "身份证号", "银行卡号", "电子邮箱"]
    assert "本人" in dlg.notes.text()  # no 本人 party: said so
    # drag on an empty area adds a box
    drag(canvas, screen(canvas, 400, 40), screen(canvas, 600, 70))
    assert len(canvas.boxes) == 5 and canvas.selected == 4
    added = canvas.boxes[4].rect
    assert abs(added.x() - 400) <= 3 and abs(added.width() - 200) <= 4 and canvas.boxes[4].kind == "manual"
    assert dlg.box_list.count() == 5
    # drag the box to move it; drag its bottom-right handle to resize it
    drag(canvas, screen(canvas, 500, 55), screen(canvas, 500, 105))
    assert (
        abs(canvas.boxes[4].rect.y() - (added.y() + 50)) <= 3
        and canvas.boxes[4].rect.width() == added.width()
    )
    moved = canvas.boxes[4].rect
    drag(
        canvas,
        screen(canvas, moved.right() + 1, moved.bottom() + 1),
        screen(canvas, moved.right() + 61, moved.bottom() + 21),
    )
    assert abs(canvas.boxes[4].rect.width() - (moved.width() + 60)) <= 4
    assert abs(canvas.boxes[4].rect.height() - (moved.height() + 20)) <= 4
    # Del deletes the selected box (here: the e-mail proposal, picked in the list)
    dlg.box_list.setCurrentRow(3)
    assert canvas.selected == 3
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert [b.reason for b in canvas.boxes] == ["手机号", "身份证号", "银行卡号", "手动添加"]
    # 下一张: the image without OCR says so and offers to read it; 上一张 brings the edits back
    dlg.next_button.click()
    assert "第 2 / 2 张" in dlg.heading.text() and "还没有识别文字" in dlg.notes.text()
    assert dlg.ocr_button.isVisible() and canvas.boxes == []
    dlg.prev_button.click()
    assert [b.reason for b in canvas.boxes] == ["手机号", "身份证号", "银行卡号", "手动添加"]
    # 保存副本 writes the copy through the core
    dlg.style_box.setCurrentIndex(1)  # 马赛克
    with qtbot.waitSignal(dlg.copy_saved, timeout=10000):
        dlg.save_button.click()
    qtbot.waitUntil(lambda: dlg.save_button.isEnabled(), timeout=5000)
    with profile.session() as s:
        row = s.scalars(select(MaskedCopy)).one()
        entry = s.scalars(select(LedgerEntry).where(LedgerEntry.action == "redact.copy")).one()
    assert row.exhibit_id == shot_item.exhibit_id and row.style == "mosaic" and "手动添加" in entry.payload
    copy_file = profile.masked_dir / row.file_name
    assert sha256_file(copy_file)[0] == row.copy_sha256 and "已保存打码副本" in dlg.status.text()
    with Image.open(copy_file) as im:
        assert im.size == (720, 520)
    assert profile.blob_path(shot_item.sha256).read_bytes() == (tmp_path / "订单.png").read_bytes()


def test_saving_without_boxes_asks_for_one(qtbot, profile, case_id, tmp_path, dialogs):
    _shot, bare, _note = imported(profile, case_id, tmp_path)
    dlg = RedactDialog(profile, [bare.exhibit_id])
    qtbot.addWidget(dlg)
    dlg.save_button.click()
    assert dialogs and "还没有遮盖框" in dialogs[-1][2]
    with profile.session() as s:
        assert s.scalars(select(MaskedCopy)).first() is None


def test_the_menus_open_the_editor(qtbot, case_window, profile, case_id, tmp_path, monkeypatch):
    from tests.gui.conftest import import_and_wait

    path, _ = shot(tmp_path / "a.png", ("手机 13812345678",))
    report = import_and_wait(qtbot, case_window, [path])
    view = case_window.evidence
    view.select_ids([report.imported[0].exhibit_id])
    opened = []
    monkeypatch.setattr(RedactDialog, "exec", lambda self: opened.append(list(self.exhibit_ids)) or 0)
    eid = report.imported[0].exhibit_id
    index = view.model.index(view.model.row_for_id(eid), view.model.COL_TITLE)
    menu = view.context_menu_for(view.grid, view.grid.visualRect(index).center())
    [act] = [a for a in menu.actions() if a.text() == "制作打码副本…"]
    act.trigger()
    case_window.findChild(type(act), "redactAction").trigger()
    assert opened == [[report.imported[0].exhibit_id]] * 2
    # in the 证据 menu, beside the other things done to the selected exhibits (识别截图文字, 合并…)
    menus = {a.text(): [x.objectName() for x in a.menu().actions()] for a in case_window.menuBar().actions()}
    assert "redactAction" in menus["证据(&E)"] and "redactAction" not in menus["编辑(&D)"]


def test_export_writes_the_folder_for_the_site(qtbot, profile, case_id, tmp_path, dialogs, monkeypatch):
    shot_item, _bare, _note = imported(profile, case_id, tmp_path)
    dlg = RedactDialog(profile, [shot_item.exhibit_id], case_id=case_id)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.copy_saved, timeout=10000):
        dlg.save_button.click()
    qtbot.waitUntil(lambda: dlg.save_button.isEnabled(), timeout=5000)
    monkeypatch.setattr(dlg, "choose_folder", lambda: str(tmp_path / "out"))
    dlg.site_box.setCurrentIndex(dlg.site_box.findData("jutousu"))
    dlg.export_button.click()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10000)
    folder = tmp_path / "out" / "聚投诉上传图片"
    assert sorted(p.name for p in folder.iterdir()) == ["文件清单.txt", "证据1_打码.png"]
    kind, _title, text = dialogs[-1]
    assert kind == "info" and "已导出 1 个打码副本" in text and "未导出 2 个文件" in text
    # again into the same folder (a mask fixed, the Desktop chosen once more): a folder of its own
    dialogs.clear()
    dlg.export_button.click()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10000)
    again = tmp_path / "out" / "聚投诉上传图片（2）"
    kind, _title, text = dialogs[-1]
    assert kind == "info" and str(again) in text
    assert sorted(p.name for p in again.iterdir()) == ["文件清单.txt", "证据1_打码.png"]
    assert sorted(p.name for p in folder.iterdir()) == ["文件清单.txt", "证据1_打码.png"]  # left as it was


def test_fits_a_small_laptop_screen(qtbot, profile, case_id, tmp_path, dialogs):
    """保存副本 and 关闭 sit at the bottom: the dialog is never taller or wider than the screen's free area."""
    shot_item, _bare, _note = imported(profile, case_id, tmp_path)
    dlg = RedactDialog(profile, [shot_item.exhibit_id])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    free = dlg.screen().availableGeometry()
    assert dlg.frameGeometry().height() <= free.height() and dlg.frameGeometry().width() <= free.width()


def test_a_box_changed_after_saving_is_not_called_saved_and_closing_asks(
    qtbot, profile, case_id, tmp_path, dialogs
):
    shot_item, _bare, _note = imported(profile, case_id, tmp_path)
    dlg = RedactDialog(profile, [shot_item.exhibit_id])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    canvas = dlg.canvas
    # a click on a box (no drag) changes nothing: closing right away does not ask
    r = canvas.boxes[0].rect
    centre = screen(canvas, r.center().x(), r.center().y())
    press(canvas, QMouseEvent.Type.MouseButtonPress, centre)
    press(canvas, QMouseEvent.Type.MouseButtonRelease, centre)
    with qtbot.waitSignal(dlg.copy_saved, timeout=10000):
        dlg.save_button.click()
    qtbot.waitUntil(lambda: dlg.save_button.isEnabled(), timeout=5000)
    assert "已保存打码副本" in dlg.status.text()
    # the first box dragged elsewhere: the copy saved no longer shows what is on screen
    drag(canvas, centre, screen(canvas, r.center().x() + 200, r.center().y() + 200))
    assert "已保存打码副本" not in dlg.status.text() and "还没有保存" in dlg.status.text()
    # exporting or closing now asks first; "no" keeps the dialog and the edit
    seen = []
    import kami_desktop.gui.messages as messages

    answer = [False]
    orig_ask = messages.ask
    messages.ask = lambda _p, title, text: seen.append(text) or answer[0]
    dlg.case_id = case_id
    folders = []
    dlg.choose_folder = lambda: folders.append(1) or ""
    try:
        dlg.export_button.click()
        assert "还没有保存" in seen[-1] and folders == []  # not exported
        dlg.close_button.click()
        assert seen and "还没有保存" in seen[-1] and dlg.isVisible()
        answer[0] = True
        dlg.close_button.click()
        assert not dlg.isVisible()
    finally:
        messages.ask = orig_ask
    with profile.session() as s:
        assert len(s.scalars(select(MaskedCopy)).all()) == 1  # nothing saved behind the user's back


def test_reopened_it_starts_from_the_copy_saved_not_from_the_proposals(
    qtbot, profile, case_id, tmp_path, dialogs
):
    """A box drawn by hand and saved is there again next time: saving again must not drop it (and put
    the name back on the picture the upload folder gets)."""
    shot_item, _bare, _note = imported(profile, case_id, tmp_path)
    dlg = RedactDialog(profile, [shot_item.exhibit_id])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    drag(dlg.canvas, screen(dlg.canvas, 400, 40), screen(dlg.canvas, 600, 70))
    dlg.box_list.setCurrentRow(0)
    dlg.canvas.delete_selected()  # the 手机号 proposal is not wanted
    kept = [(b.kind, b.rect) for b in dlg.canvas.boxes]
    with qtbot.waitSignal(dlg.copy_saved, timeout=10000):
        dlg.save_button.click()
    qtbot.waitUntil(lambda: dlg.save_button.isEnabled(), timeout=5000)
    dlg.pages[0].changed = False
    dlg.close()

    again = RedactDialog(profile, [shot_item.exhibit_id])
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert [(b.kind, b.rect) for b in again.canvas.boxes] == kept
    assert "已保存打码副本" in again.status.text()


def test_the_picture_is_scaled_smoothly_so_its_text_can_be_read(qtbot, profile, case_id, tmp_path, dialogs):
    """A phone screenshot shown at a third of its size: drawn from a smooth reduction, not every third
    pixel (which breaks thin strokes of Chinese text apart)."""
    import numpy as np
    from PySide6.QtGui import QImage

    shot_item, _bare, _note = imported(profile, case_id, tmp_path)
    dlg = RedactDialog(profile, [shot_item.exhibit_id])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    canvas = dlg.canvas
    canvas.boxes.clear()
    canvas.resize(240, 200)
    grabbed = canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    shown = canvas.to_screen(QRect(0, 0, canvas.size_px.width(), canvas.size_px.height())).toAlignedRect()
    ref = canvas.image.scaled(
        shown.size(), Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    ).convertToFormat(QImage.Format.Format_RGB888)

    def arr(im):
        ptr = im.constBits()
        return np.frombuffer(ptr, np.uint8).reshape(im.height(), im.bytesPerLine())[:, : im.width() * 3]

    part = grabbed.copy(shown.adjusted(1, 1, -1, -1))
    want = ref.copy(QRect(1, 1, shown.width() - 2, shown.height() - 2))
    diff = np.abs(arr(part).astype(int) - arr(want).astype(int)).mean()
    fast = canvas.image.scaled(shown.size()).convertToFormat(QImage.Format.Format_RGB888)
    dfast = np.abs(arr(part).astype(int) - arr(fast.copy(want.rect().translated(1, 1))).astype(int)).mean()
    assert diff < 1.0 < dfast, (diff, dfast)  # the smooth reduction, not the one of every n-th pixel


def test_exporting_before_any_copy_is_saved_says_what_to_do(qtbot, profile, case_id, tmp_path, dialogs):
    shot_item, _bare, _note = imported(profile, case_id, tmp_path)
    dlg = RedactDialog(profile, [shot_item.exhibit_id], case_id=case_id)
    qtbot.addWidget(dlg)
    dlg.choose_folder = lambda: str(tmp_path / "out")
    dlg.export_button.click()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=10000)
    kind, _title, text = dialogs[-1]
    assert kind == "warn" and "还没有保存过打码副本" in text and "保存副本" in text
