"""The evidence tab's search box finds content: OCR text (the line outlined on the image), chat messages
(the 聊天记录 tab opens on the message) and bill rows (the 账单 tab selects the row)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from kami_desktop.core.bills import store as B
from kami_desktop.core.chats import store as C
from kami_desktop.core.evidence import exhibits
from kami_desktop.core.evidence.importer import import_paths
from kami_desktop.core.ocr.model import OK, OcrLine, OcrPage
from kami_desktop.core.ocr.store import save_page
from kami_desktop.core.store.model import ChatMessage
from kami_desktop.gui.bill_table_model import RefRole
from kami_desktop.gui.case_tabs import CaseWorkspace
from tests.core.bills import bill_fixtures as bf
from tests.core.chats import chat_fixtures as cf
from tests.helpers import screenshot

LINE = QRectF(20, 190, 320, 30)


@pytest.fixture
def workspace(qtbot, profile, dialogs):
    ws = CaseWorkspace(profile)
    qtbot.addWidget(ws)
    ws.resize(1300, 850)
    ws.show()
    return ws


@pytest.fixture
def shots(profile, case_id, tmp_path):
    first = import_paths(profile, case_id, [screenshot(tmp_path / "首页.png", seed=1)]).imported[0]
    order = import_paths(profile, case_id, [screenshot(tmp_path / "订单.png", seed=2)]).imported[0]
    lines = ("订单详情", "订单号 KM2026052821140311", "实付款 ￥1798.00", "充值失败订单异常，款项未到账")
    boxes = [
        ((20.0, 40.0 + 50 * i), (340.0, 40.0 + 50 * i), (340.0, 70.0 + 50 * i), (20.0, 70.0 + 50 * i))
        for i in range(4)
    ]
    with profile.session() as s:
        page = OcrPage(
            order.sha256,
            0,
            OK,
            "e",
            360,
            780,
            tuple(OcrLine(t, b, 0.98) for t, b in zip(lines, boxes, strict=True)),
        )
        save_page(s, page)
        exhibits.edit_exhibit(s, first.exhibit_id, purpose="证明平台扣款")
    return first.exhibit_id, order.exhibit_id


def open_case(qtbot, ws, case_id):
    with qtbot.waitSignal(ws.evidence.loaded, timeout=10000):
        ws.set_case(case_id)
    ws.setCurrentWidget(ws.evidence)  # a case opens on its 案件首页; the search box is on 证据


def type_text(qtbot, box, text: str) -> None:
    """Type as a user does: ASCII through key presses, Chinese committed by the input method."""
    box.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(box, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(box, event)


def type_and_wait(qtbot, ws, text: str, n: int | None = None):
    pane = ws.evidence.content
    ws.evidence.search.clear()
    type_text(qtbot, ws.evidence.search, text)
    qtbot.waitUntil(
        lambda: pane.text == text and pane.isVisible() and (n is None or pane.list.count() == n),
        timeout=10000,
    )
    return pane


def click_hit(qtbot, pane, row: int) -> None:
    item = pane.list.item(row)
    qtbot.mouseClick(
        pane.list.viewport(), Qt.MouseButton.LeftButton, pos=pane.list.visualItemRect(item).center()
    )


def test_typing_shows_an_ocr_hit_and_choosing_it_outlines_the_line(qtbot, workspace, case_id, shots):
    first, order = shots
    open_case(qtbot, workspace, case_id)
    pane = type_and_wait(qtbot, workspace, "失败订单", 1)
    assert pane.list.item(0).text() == "证据 2 · 截图文字 · 充值【失败订单】异常，款项未到账"
    view = workspace.evidence
    assert view.model.visible_ids() == [order]  # the tile is shown though its name does not hold the text
    click_hit(qtbot, pane, 0)
    viewer = view.detail.preview.image
    qtbot.waitUntil(lambda: view.detail.exhibit_id == order and viewer.has_image(), timeout=10000)
    assert viewer.highlights() == [LINE]
    qtbot.wait(50)
    pad = LINE.height() / 3  # the outline is drawn a little outside the line, never over its words
    outline = viewer.mapFromScene(LINE.adjusted(-pad, -pad, pad, pad)).boundingRect()
    frame = viewer.viewport().grab().toImage()
    red = QColor("#e53935")
    edge = [frame.pixelColor(x, outline.top()) for x in range(outline.left() + 3, outline.right() - 3)]
    assert (
        sum(
            abs(c.red() - red.red()) + abs(c.green() - red.green()) + abs(c.blue() - red.blue()) < 60
            for c in edge
        )
        > len(edge) // 2
    )
    # another exhibit: the outline goes with the image it belongs to
    view.search.clear()
    qtbot.waitUntil(lambda: not pane.isVisible() and len(view.model.visible_ids()) == 2, timeout=5000)
    view.select_ids([first])
    qtbot.waitUntil(lambda: view.detail.exhibit_id == first, timeout=5000)
    assert viewer.highlights() == []


def test_short_queries_and_the_users_words(qtbot, workspace, case_id, shots):
    first, _order = shots
    open_case(qtbot, workspace, case_id)
    pane = type_and_wait(qtbot, workspace, "扣", 1)
    assert pane.list.item(0).text() == "证据 1 · 证明目的 · 证明平台【扣】款"
    click_hit(qtbot, pane, 0)
    qtbot.waitUntil(lambda: workspace.evidence.detail.exhibit_id == first, timeout=5000)
    workspace.evidence.search.clear()
    qtbot.waitUntil(lambda: not pane.isVisible(), timeout=5000)


def test_a_chat_hit_opens_the_chat_tab_on_the_message(qtbot, workspace, profile, case_id, shots, tmp_path):
    path = tmp_path / "qq.txt"
    path.write_bytes(cf.qq_txt())
    C.import_chat(profile, case_id, path, me="小明")
    open_case(qtbot, workspace, case_id)
    pane = type_and_wait(qtbot, workspace, "同样没到账")
    row = next(i for i, h in enumerate(pane.hits) if h.kind == "chat")
    hit = pane.hits[row]
    assert pane.list.item(row).text().startswith(f"证据 {hit.exhibit_number} · 聊天记录 · ")
    click_hit(qtbot, pane, row)
    chats = workspace.chats
    qtbot.waitUntil(
        lambda: workspace.currentWidget() is chats and chats.selected_message_id() == hit.where["message_id"],
        timeout=10000,
    )
    assert chats.current_chat_id() == hit.where["chat_id"]
    with profile.session() as s:
        assert "同样没到账" in s.get(ChatMessage, hit.where["message_id"]).text
    assert "同样没到账" in chats.list.currentIndex().data()


def test_a_bill_hit_opens_the_bill_tab_on_the_row(qtbot, workspace, profile, case_id, shots, tmp_path):
    path = tmp_path / "支付宝交易明细.csv"
    path.write_bytes(bf.alipay_app_csv())
    B.import_bill(profile, case_id, path)
    open_case(qtbot, workspace, case_id)
    pane = type_and_wait(qtbot, workspace, "老王面馆", 1)
    hit = pane.hits[0]
    assert hit.kind == "bill_row" and pane.list.item(0).text().startswith("证据 3 · 账单 · 【老王面馆】")
    pane.list.setCurrentRow(0)
    qtbot.keyClick(pane.list, Qt.Key.Key_Return)
    bills = workspace.bills

    def selected():
        rows = bills.table.selectionModel().selectedRows()
        return rows and rows[0].data(RefRole).bill_row_id == hit.where["row_id"]

    qtbot.waitUntil(lambda: workspace.currentWidget() is bills and selected(), timeout=10000)


def test_a_change_is_found_by_the_next_search(qtbot, workspace, profile, case_id, shots):
    first, _order = shots
    open_case(qtbot, workspace, case_id)
    type_and_wait(qtbot, workspace, "失败订单", 1)
    with profile.session() as s:
        exhibits.edit_exhibit(s, first, notes="客服说失败订单会退款")
    pane = type_and_wait(qtbot, workspace, "失败订单", 2)
    assert sorted(h.kind for h in pane.hits) == ["notes", "ocr"]


def _index_state(profile) -> tuple[list, list]:
    """The index's own record of what it holds: the stamp each case was indexed at, and every document
    row (a rebuild or a re-index deletes rows and inserts new ones with new ids)."""
    import sqlite3

    from kami_desktop.core.search.index import index_path

    con = sqlite3.connect(index_path(profile))
    try:
        return (
            con.execute("SELECT case_id, stamp FROM cases ORDER BY case_id").fetchall(),
            con.execute("SELECT id, exhibit_id, part, text FROM docs ORDER BY id").fetchall(),
        )
    finally:
        con.close()


def test_the_index_is_warmed_when_a_case_opens_and_after_an_import(qtbot, workspace, profile, case_id, shots):
    from kami_desktop.core.search.documents import case_stamp
    from kami_desktop.core.search.index import index_path

    assert not index_path(profile).exists()  # nothing searched yet: no index
    with qtbot.waitSignal(workspace.warmup.warmed, timeout=20000) as warmed:
        open_case(qtbot, workspace, case_id)
    case, done = warmed.args
    assert (
        case == case_id and done["exhibits"] == 2 and done["documents"] >= 6
    )  # 4 OCR lines, titles, 证明目的
    stamps, docs = before = _index_state(profile)
    with profile.snapshot() as s:
        assert stamps == [(case_id, case_stamp(s).key())]  # current with the case file
    assert any("失败订单" in text for *_x, text in docs)
    pane = type_and_wait(qtbot, workspace, "失败订单", 1)
    assert pane.list.item(0).text().startswith("证据 2 · 截图文字")
    assert _index_state(profile) == before  # the first search found the index current: nothing rebuilt
    # an import (announced as the window does): the new exhibit is indexed before anyone searches
    new = import_paths(profile, case_id, [screenshot(profile.data_dir.parent / "退款申请.png", seed=3)])
    workspace.events.notify(case_id)

    def current() -> bool:
        with profile.snapshot() as s:
            key = case_stamp(s).key()
        idle = workspace.warmup.worker is None and workspace.warmup.pending is None
        return idle and _index_state(profile)[0] == [(case_id, key)]

    qtbot.waitUntil(current, timeout=20000)
    after = _index_state(profile)  # only the new exhibit was indexed: the rest kept its rows
    assert after[1][: len(docs)] == docs and len(after[1]) > len(docs)
    pane = type_and_wait(qtbot, workspace, "退款申请")
    assert any(h.exhibit_id == new.imported[0].exhibit_id for h in pane.hits)
    assert _index_state(profile) == after


def test_the_warm_up_runs_in_a_child_that_shutdown_ends(qtbot, workspace, profile, case_id, shots):
    import os

    from kami_desktop.core.search.documents import case_stamp

    with qtbot.waitSignal(workspace.warmup.warmed, timeout=20000):
        open_case(qtbot, workspace, case_id)
    child = workspace.warmup.process._proc
    assert child is not None and child.poll() is None and child.pid != os.getpid()  # not this process
    workspace.warmup.shutdown()  # before the profile is closed or moved (a restore)
    assert child.poll() is not None  # the child is gone with its open files
    with profile.session() as s:
        exhibits.edit_exhibit(s, shots[0], notes="补充说明：充值后未到账")
    with qtbot.waitSignal(workspace.warmup.warmed, timeout=20000) as warmed:
        workspace.events.notify(case_id)  # the next change is warmed by a new child
    assert warmed.args[1]["exhibits"] == 1 and workspace.warmup.process.started == 2
    with profile.snapshot() as s:
        assert _index_state(profile)[0] == [(case_id, case_stamp(s).key())]
