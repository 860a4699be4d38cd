import json
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QItemSelectionModel, Qt, QTime
from PySide6.QtWidgets import QApplication

from kami_desktop.core.evidence import exhibits as X
from kami_desktop.core.store.ledger import entries
from kami_desktop.core.store.model import Exhibit, ExhibitFile
from kami_desktop.gui.evidence_model import EXHIBIT_MIME, EvidenceModel
from kami_desktop.gui.trash_dialog import TrashDialog
from tests.gui.conftest import import_and_wait
from tests.helpers import screenshot


@pytest.fixture
def five(qtbot, case_window, tmp_path):
    paths = [screenshot(tmp_path / f"Screenshot_2025031{i}_120000.png", 100 + i) for i in range(5)]
    report = import_and_wait(qtbot, case_window, paths)
    return [i.exhibit_id for i in report.imported]


def _order(profile, case_id):
    with profile.session() as s:
        return [e.id for e in X.list_exhibits(s, case_id)]


def _last(profile, case_id):
    with profile.session() as s:
        e = list(entries(s, case_id))[-1]
        return e.action, json.loads(e.payload)


def _select(view, ids):
    view.select_ids(ids)
    assert view.selected_ids() == sorted(ids, key=lambda i: view.model.row_for_id(i))


def test_editing_metadata_goes_to_db_and_ledger(qtbot, case_window, profile, case_id, five):
    view = case_window.evidence
    _select(view, [five[1]])
    detail = view.detail
    assert detail.exhibit_id == five[1] and detail.title.text() == "Screenshot_20250311_120000"
    detail.title.setText("客服拒绝退款聊天记录")
    detail.category.setCurrentIndex(detail.category.findData("interaction"))
    detail.purpose.setPlainText("证明平台拒绝退款")
    detail.captured.edit.setDateTime(QDateTime(QDate(2025, 3, 12), QTime(20, 30)))  # China time
    detail.notes.setPlainText("微信聊天")
    detail.tags.setText("客服，拒绝退款")
    assert detail.save()
    with profile.session() as s:
        ex = s.get(Exhibit, five[1])
        assert (ex.title, ex.category, ex.purpose, ex.notes) == (
            "客服拒绝退款聊天记录",
            "interaction",
            "证明平台拒绝退款",
            "微信聊天",
        )
        assert ex.captured_at.isoformat() == "2025-03-12T20:30:00+08:00"
        assert ex.tags == ["客服", "拒绝退款"]
    action, payload = _last(profile, case_id)
    assert action == "exhibit.edit"
    assert payload["changes"]["title"] == {"old": "Screenshot_20250311_120000", "new": "客服拒绝退款聊天记录"}
    assert set(payload["changes"]) == {"title", "category", "purpose", "captured_at", "notes", "tags"}
    assert payload["changes"]["captured_at"]["new"] == "2025-03-12T20:30:00+08:00"
    row = view.model.exhibit_at(view.model.row_for_id(five[1]))
    assert row.title == "客服拒绝退款聊天记录" and row.category == "interaction" and row.number == 2


def test_bad_edit_shows_chinese_message_and_changes_nothing(qtbot, case_window, profile, case_id, five):
    view = case_window.evidence
    _select(view, [five[0]])
    view.detail.title.setText("  ")
    assert not view.detail.save()
    assert "证据名称不能为空" in view.detail.error.text()
    with profile.session() as s:
        assert not any(e.action == "exhibit.edit" for e in entries(s, case_id))


def test_f2_focuses_the_title_and_hash_copy_buttons(qtbot, case_window, profile, five):
    win = case_window
    _select(win.evidence, [five[2]])
    win.activateWindow()
    win.rename_action.trigger()
    assert win.evidence.detail.title.selectedText() == "Screenshot_20250312_120000"
    with profile.session() as s:
        f = s.query(ExhibitFile).filter_by(exhibit_id=five[2]).one()
        sha, sm3 = f.blob_sha256, f.blob.sm3
    assert win.evidence.detail.copy_fact("sha256") == sha
    assert QApplication.clipboard().text() == sha
    assert win.evidence.detail.copy_fact("sm3") == sm3


def test_open_with_system_program_uses_a_readonly_copy(qtbot, case_window, profile, five, monkeypatch):

    opened = []
    monkeypatch.setattr(
        "PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    _select(case_window.evidence, [five[0]])
    copy = case_window.evidence.detail.preview.open_external()
    assert opened == [str(copy)]
    assert profile.vault.root not in copy.parents and profile.cache_dir in copy.parents
    with profile.session() as s:
        sha = s.query(ExhibitFile).filter_by(exhibit_id=five[0]).one().blob_sha256
    assert copy.read_bytes() == profile.blob_path(sha).read_bytes()
    assert not (copy.stat().st_mode & 0o222)


def test_drag_reorder_changes_binder_order_and_ledger(qtbot, case_window, profile, case_id, five):
    view = case_window.evidence
    model = view.model
    md = model.mimeData([model.index(model.row_for_id(five[4]), 1)])
    assert md.hasFormat(EXHIBIT_MIME)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert (
            model.dropMimeData(
                md, Qt.DropAction.MoveAction, model.row_for_id(five[1]), 0, model.index(-1, -1)
            )
            is False
        )
    assert _order(profile, case_id) == [five[0], five[4], five[1], five[2], five[3]]
    assert model.visible_ids() == _order(profile, case_id)
    assert [r.number for r in model.all_rows()] == [1, 2, 3, 4, 5]
    assert _last(profile, case_id)[0] == "exhibit.reorder"
    assert view.selected_ids() == [five[4]]
    model.set_sort("captured")
    assert not model.canDropMimeData(md, Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsDragEnabled


def test_merge_split_and_move_file(qtbot, case_window, profile, case_id, five):
    view = case_window.evidence
    _select(view, [five[0], five[2], five[3]])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.merge_selected()
    with profile.session() as s:
        merged = s.get(Exhibit, five[0])
        assert [f.original_name for f in merged.files] == [
            "Screenshot_20250310_120000.png",
            "Screenshot_20250312_120000.png",
            "Screenshot_20250313_120000.png",
        ]
        assert s.get(Exhibit, five[2]) is None
    assert view.model.exhibit_count() == 3 and view.selected_ids() == [five[0]]
    assert view.model.exhibit_at(view.model.row_for_id(five[0])).file_count == 3
    assert view.split_button.isEnabled()
    # move the second file of the merged exhibit to exhibit five[1]
    view.detail.files.setCurrentRow(1)
    fid = view.detail.selected_file_id()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.move_file_to(fid, five[1])
    with profile.session() as s:
        assert s.get(ExhibitFile, fid).exhibit_id == five[1]
        assert _last(profile, case_id)[0] == "file.move"
    _select(view, [five[0]])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.split_current()
    assert _last(profile, case_id)[0] == "exhibit.split"
    assert view.model.exhibit_count() == 4
    with profile.session() as s:
        assert all(len(e.files) == 1 for e in X.list_exhibits(s, case_id) if e.id != five[1])


def test_delete_key_trashes_and_trash_view_restores_and_purges(
    qtbot, case_window, profile, case_id, five, dialogs
):
    win = case_window
    view = win.evidence
    _select(view, five[:2])
    view.grid.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=5000):
        qtbot.keyClick(view.grid, Qt.Key.Key_Delete)
    assert view.model.visible_ids() == five[2:]
    with profile.session() as s:
        assert [e.action for e in entries(s, case_id)][-2:] == ["exhibit.trash", "exhibit.trash"]
    dlg = TrashDialog(profile, case_id, win)
    qtbot.addWidget(dlg)
    assert sorted(dlg.model.visible_ids()) == sorted(five[:2])
    dlg.table.selectionModel().select(
        dlg.model.index(dlg.model.row_for_id(five[0]), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    dlg.changed.connect(view.reload)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dlg.restore_selected() == [five[0]]
    assert five[0] in view.model.visible_ids() and dlg.model.visible_ids() == [five[1]]
    with profile.session() as s:
        sha = s.query(ExhibitFile).filter_by(exhibit_id=five[1]).one().blob_sha256
    result = dlg.purge()
    assert [p["exhibit_id"] for p in result["exhibits"]] == [five[1]]
    assert sha in result["blobs_removed"] and not Path(profile.blob_path(sha)).exists()
    assert dlg.model.exhibit_count() == 0 and "回收站是空的" in dlg.info.text()


def test_filter_search_sort_and_group(qtbot, case_window, profile, five):
    view = case_window.evidence
    with profile.session() as s:
        X.edit_exhibit(s, five[3], category="funds", title="支付宝付款记录", captured_at="2025-01-01 08:00")
        X.edit_exhibit(s, five[1], category="funds", purpose="证明已付款")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.reload()
    model = view.model
    view.category_box.setCurrentIndex(view.category_box.findData("funds"))
    assert model.visible_ids() == [five[1], five[3]]
    view.category_box.setCurrentIndex(0)
    view.search.setText("付款")
    qtbot.waitUntil(lambda: model.visible_ids() == [five[1], five[3]], timeout=2000)
    view.search.clear()
    qtbot.waitUntil(lambda: len(model.visible_ids()) == 5, timeout=2000)
    view.sort_box.setCurrentIndex(view.sort_box.findData("captured"))
    assert model.visible_ids()[0] == five[3]
    view.sort_box.setCurrentIndex(0)
    view.group_box.setChecked(True)
    assert model.rowCount() == 7  # two headers: 资金流水 and 其他
    assert model.data(model.index(0, EvidenceModel.COL_NUMBER)) == "资金流水（2）"
    assert model.visible_ids() == [five[1], five[3], five[0], five[2], five[4]]
    assert view.table.columnSpan(0, 0) == model.columnCount()
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_clicking_empty_grid_space_empties_the_detail_and_saves_what_was_typed(
    qtbot, case_window, profile, tmp_path
):
    paths = [screenshot(tmp_path / f"图{i}.png", 40 + i) for i in range(2)]
    ids = [i.exhibit_id for i in import_and_wait(qtbot, case_window, paths).imported]
    view = case_window.evidence
    view.stack.setCurrentWidget(view.grid)
    grid = view.grid
    first = view.model.index(view.model.row_for_id(ids[0]), EvidenceModel.COL_TITLE)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(first).center())
    assert view.selected_ids() == [ids[0]] and view.detail.exhibit_id == ids[0]
    view.detail.title.setText("扣款短信")  # typed, not yet saved
    empty = grid.viewport().rect().bottomRight() - grid.viewport().rect().center() / 4
    assert not grid.indexAt(empty).isValid()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert view.selected_ids() == []
    assert view.detail.exhibit_id is None and not view.detail.isEnabled()
    assert view.detail.title.text() == ""
    with profile.session() as s:
        assert X.get_exhibit(s, ids[0]).title == "扣款短信"  # left behind, still saved
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(first).center())
    assert view.detail.exhibit_id == ids[0] and view.detail.title.text() == "扣款短信"
