from datetime import timedelta

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from kami_desktop.core.evidence.importer import CLIPBOARD_SOURCE
from kami_desktop.core.store.ledger import entries
from kami_desktop.core.store.model import Blob, Exhibit, ExhibitFile
from kami_desktop.core.util.timeutil import now
from tests.gui.conftest import import_and_wait, wait_for_ids
from tests.helpers import screenshot


def _url_mime(paths) -> QMimeData:
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return md


def _drag_enter(pos: QPointF, md: QMimeData) -> QDragEnterEvent:
    """Qt 6.12 takes a QPointF (the QPoint form is deprecated there); 6.11 and earlier take a QPoint."""
    args = (Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(pos, *args)
    except TypeError:
        return QDragEnterEvent(pos.toPoint(), *args)


def _drop(win, paths):
    md = _url_mime(paths)
    pos = QPointF(win.width() / 2, win.height() / 2)
    enter = _drag_enter(pos, md)
    QApplication.sendEvent(win, enter)
    highlighted = win.overlay.isVisible()
    drop = QDropEvent(
        pos, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(win, drop)
    return enter.isAccepted(), highlighted, drop.isAccepted(), win.overlay.isVisible()


def test_dropping_files_and_a_folder_imports_them_with_highlight(
    qtbot, case_window, profile, case_id, tmp_path
):
    win = case_window
    a = screenshot(tmp_path / "支付成功截图.png", 1)
    b = screenshot(tmp_path / "客服聊天.jpg", 2, fmt="JPEG")
    folder = tmp_path / "微信截图"
    for i in range(3):
        screenshot(folder / f"IMG_{i}.png", 10 + i)
    (folder / "子文件夹").mkdir()
    screenshot(folder / "子文件夹" / "深层.png", 20)
    with qtbot.waitSignal(win.imports.finished, timeout=20000) as blocker:
        accepted, highlighted, dropped, still_visible = _drop(win, [a, b, folder])
    assert accepted and highlighted and dropped and not still_visible
    report = blocker.args[0]
    assert report.new_count == 6 and not report.errors
    wait_for_ids(qtbot, win, [i.exhibit_id for i in report.imported])
    model = win.evidence.model
    assert model.exhibit_count() == 6
    assert sorted(r.first_name for r in model.all_rows()) == sorted(
        ["支付成功截图.png", "客服聊天.jpg", "IMG_0.png", "IMG_1.png", "IMG_2.png", "深层.png"]
    )
    with profile.session() as s:
        assert s.query(Exhibit).filter_by(case_id=case_id).count() == 6
        assert sum(1 for e in entries(s, case_id) if e.action == "import") == 6
    assert win.summary_dialog is None and "新导入 6 个文件" in win.statusBar().currentMessage()
    assert win.evidence.selected_ids() == []  # shown, not left selected: a Delete now takes nothing
    assert "6" in win.sidebar.list.currentItem().text()


def test_drag_without_files_is_refused(qtbot, case_window):
    md = QMimeData()
    md.setText("只是文字")
    enter = _drag_enter(QPointF(10, 10), md)
    QApplication.sendEvent(case_window, enter)
    assert not enter.isAccepted() and not case_window.overlay.isVisible()


def test_summary_names_duplicates_and_failures(qtbot, case_window, tmp_path):
    win = case_window
    a = screenshot(tmp_path / "a.png", 1)
    import_and_wait(qtbot, win, [a])
    empty = tmp_path / "空文件.png"
    empty.write_bytes(b"")
    report = import_and_wait(qtbot, win, [a, empty, tmp_path / "不存在.png"])
    assert report.duplicate_count == 1 and len(report.errors) == 2
    dlg = win.summary_dialog
    text = dlg.summary.text()
    assert "1 个已在本案件中" in text and "2 个未能导入" in text
    cells = {(dlg.table.item(r, 0).text(), dlg.table.item(r, 1).text()) for r in range(dlg.table.rowCount())}
    assert ("空文件.png", "文件为空（0 字节），未导入") in cells
    assert any(name == "不存在.png" and "不存在" in reason for name, reason in cells)
    assert any(name == "a.png" and "重复" in reason for name, reason in cells)


def test_a_file_already_stored_for_another_case_counts_as_new_here(qtbot, case_window, profile, tmp_path):
    from kami_desktop.core.case.cases import create_case
    from kami_desktop.core.evidence.importer import import_paths

    a, b = screenshot(tmp_path / "a.png", 31), screenshot(tmp_path / "b.png", 32)
    with profile.session() as s:
        other = create_case(s, "另一个案件").id
    import_paths(profile, other, [a, b])
    report = import_and_wait(qtbot, case_window, [a, b])
    assert (
        report.duplicate_count == 2 and report.added_count == 2
    )  # the vault had the bytes; this case did not
    assert case_window.evidence.model.exhibit_count() == 2
    assert case_window.summary_dialog is None
    assert case_window.statusBar().currentMessage().startswith("新导入 2 个文件")


def test_ctrl_v_pastes_a_screenshot_as_png_exhibit(qtbot, case_window, profile, case_id):
    win = case_window
    img = QImage(390, 844, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.green)
    QApplication.clipboard().setImage(img)
    before = now()
    win.evidence.grid.setFocus()
    with qtbot.waitSignal(win.imports.finished, timeout=20000) as blocker:
        qtbot.keyClick(win.evidence.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    report = blocker.args[0]
    assert report.new_count == 1 and not report.errors
    item = report.imported[0]
    wait_for_ids(qtbot, win, [item.exhibit_id])
    with profile.session() as s:
        ex = s.get(Exhibit, item.exhibit_id)
        f = s.query(ExhibitFile).filter_by(exhibit_id=ex.id).one()
        blob = s.get(Blob, f.blob_sha256)
        assert ex.source == CLIPBOARD_SOURCE and blob.media_type == "image/png"
        assert (f.width, f.height) == (390, 844)
        assert before - timedelta(seconds=2) <= ex.captured_at <= now() + timedelta(seconds=2)
        assert f.original_name.startswith("剪贴板截图_") and f.original_path == ""
    assert profile.blob_path(item.sha256).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pasting_copied_files_imports_them(qtbot, case_window, tmp_path):
    win = case_window
    paths = [screenshot(tmp_path / f"复制的{i}.png", 30 + i) for i in range(2)]
    QApplication.clipboard().setMimeData(_url_mime(paths))
    with qtbot.waitSignal(win.imports.finished, timeout=20000) as blocker:
        win.paste_action.trigger()
    assert blocker.args[0].new_count == 2


def test_paste_with_empty_clipboard_says_what_to_do(qtbot, case_window):
    QApplication.clipboard().clear()
    case_window.paste()
    assert "剪贴板里没有截图或文件" in case_window.statusBar().currentMessage()
    assert not case_window.imports.busy


def test_ctrl_o_imports_chosen_files(qtbot, case_window, tmp_path):
    win = case_window
    paths = [str(screenshot(tmp_path / f"选中{i}.png", 40 + i)) for i in range(3)]
    win.choose_files = lambda: paths
    with qtbot.waitSignal(win.imports.finished, timeout=20000) as blocker:
        qtbot.keyClick(win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args[0].new_count == 3


def test_cancel_keeps_what_was_stored(qtbot, case_window, profile, case_id, tmp_path):
    win = case_window
    paths = [screenshot(tmp_path / "many" / f"s{i}.png", i) for i in range(60)]
    with qtbot.waitSignal(win.imports.finished, timeout=30000) as blocker:
        win.import_paths([str(tmp_path / "many")])
        qtbot.waitUntil(lambda: win.progress.isVisible(), timeout=5000)
        win.cancel_import()
    report = blocker.args[0]
    assert report.cancelled and report.new_count < len(paths)
    with profile.session() as s:
        assert s.query(Exhibit).filter_by(case_id=case_id).count() == report.new_count
    assert "导入已取消" in win.summary_dialog.summary.text()
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=5000)


def test_import_without_a_case_asks_for_one(qtbot, window, dialogs, tmp_path):
    window.import_paths([str(screenshot(tmp_path / "x.png"))])
    assert dialogs and "请先新建或选择一个案件" in dialogs[-1][2]
    assert not window.imports.busy
