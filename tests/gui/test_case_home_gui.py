"""The 案件首页: a case opens on it; it lists what is missing with the buttons that do each step (each
runs the window's own action), follows the case through CaseEvents, and shows the next step and the
deadline the core ladder computes. Empty views show drop zones whose drops go the one way in."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from kami_desktop.core.bills import store as billstore
from kami_desktop.core.bills.money import case_money, yuan
from kami_desktop.core.bills.store import import_bill
from kami_desktop.core.case.cases import update_case
from kami_desktop.core.case.claims import add_item
from kami_desktop.core.case.ladder import dashboard, record_step
from kami_desktop.core.case.overview import days_left, evidence_counts
from kami_desktop.core.case.parties import add_party
from kami_desktop.core.case.readiness import readiness
from kami_desktop.core.util.timeutil import now
from kami_desktop.gui.documents_dialog import DocumentsDialog
from tests.core.bills import bill_fixtures as bf
from tests.gui.test_import_gui import _drag_enter, _url_mime
from tests.helpers import screenshot


def _home(qtbot, win):
    home = win.workspace.home
    qtbot.waitUntil(
        lambda: home.data is not None and home.data.case_id == win.current_case_id(), timeout=10000
    )
    return home


def _show_home(qtbot, ws):
    """Bring the 案件首页 forward and wait for the case it reads again on showing."""
    if ws.currentWidget() is not ws.home:
        with qtbot.waitSignal(ws.home.loaded, timeout=10000):
            ws.setCurrentWidget(ws.home)


def _reloaded(qtbot, home, action):
    with qtbot.waitSignal(home.loaded, timeout=10000):
        action()
    return home.data


class _Refused:
    """A dialog that records that it was opened and is cancelled."""

    def __init__(self, seen: list, name: str) -> None:
        self.seen, self.name = seen, name

    def exec(self) -> int:
        self.seen.append(self.name)
        return 0


def _alipay(tmp_path):
    path = tmp_path / "支付宝交易明细(20250301-20250331).csv"
    path.write_bytes(bf.alipay_app_csv())
    return path


def test_a_fresh_case_opens_on_its_home_listing_what_is_missing(qtbot, home_window, profile, case_id):
    win = home_window
    ws = win.workspace
    assert ws.currentWidget() is ws.home and ws.tabText(0) == "案件首页"
    home = _home(qtbot, win)
    with profile.session() as s:
        ready = readiness(s, case_id)
    missing = [i.key for i in ready.items if i.status != "present"]
    assert missing == ["funds", "interaction", "non_delivery", "identity", "rules"]
    # the discovery date (the deadlines count from it) first, then the checklist, then the claim items
    assert home.missing_keys == ["case", *missing, "claims"]
    assert home.counts_label.text() == "证据 0 件"
    assert home.sources_label.text() == "账单 0 份　·　聊天记录 0 段"
    assert "还没有填写主张项" in home.claim_label.text()
    assert "填写“发现扣款的日期”后" in home.deadline_label.text()


def test_each_button_of_the_home_runs_its_action(qtbot, home_window, profile, case_id, monkeypatch):
    win = home_window
    ws = win.workspace
    home = _home(qtbot, win)
    seen: list[str] = []
    win.choose_files = lambda: seen.append("files") or []
    ws.bills.choose_file = lambda: seen.append("bill") or None
    ws.chats.choose_file = lambda: seen.append("chat") or None
    ws.ladder.parties.make_dialog = lambda cid, pid=None: _Refused(seen, f"party:{cid}")
    ws.claims.ask_claim = lambda draft, evidence="", **_: seen.append(f"claim:{draft.case_id}") or None
    ws.ladder.steps.make_dialog = lambda cid: _Refused(seen, f"step:{cid}")
    win.sidebar.dialog_factory = lambda profile, cid, parent: _Refused(seen, f"case:{cid}")
    win.open_dossier = lambda: seen.append("dossier")
    monkeypatch.setattr(
        DocumentsDialog, "exec", lambda dlg: seen.append(f"documents:{dlg.current_kind()}") or 0
    )

    expected = [
        ("funds", "import_bill", "bill"),
        ("funds", "import_screens", "files"),
        ("interaction", "import_chat", "chat"),
        ("non_delivery", "import_screens", "files"),
        ("identity", "add_party", f"party:{case_id}"),
        ("rules", "import_screens", "files"),
        ("claims", "add_claim", f"claim:{case_id}"),
        ("case", "edit_case", f"case:{case_id}"),
        ("next", "demand", "documents:demand"),
        ("next", "ladder", f"step:{case_id}"),
        ("next", "dossier", "dossier"),
    ]
    for section, code, what in expected:
        _show_home(qtbot, ws)
        seen.clear()
        qtbot.mouseClick(home.button(section, code), Qt.MouseButton.LeftButton)
        assert seen == [what], (section, code)
    # the importers' tabs come forward; a party is added on 维权进度 → 当事人
    _show_home(qtbot, ws)
    qtbot.mouseClick(home.button("identity", "add_party"), Qt.MouseButton.LeftButton)
    assert ws.currentWidget() is ws.ladder and ws.ladder.tabs.currentWidget() is ws.ladder.parties
    _show_home(qtbot, ws)
    qtbot.mouseClick(home.button("funds", "import_bill"), Qt.MouseButton.LeftButton)
    assert ws.currentWidget() is ws.bills
    # a guide link opens the guide it names
    _show_home(qtbot, ws)
    qtbot.mouseClick(home.button("funds", "guide:alipay_bill"), Qt.MouseButton.LeftButton)
    assert win.help_dialog.isVisible() and win.help_dialog.key == "alipay_bill"
    win.help_dialog.close()


def test_importing_a_bill_updates_the_home_without_restart(qtbot, home_window, profile, case_id, tmp_path):
    win = home_window
    ws = win.workspace
    home = _home(qtbot, win)
    assert "funds" in home.missing_keys and home.data.counts.bills == 0
    with (
        qtbot.waitSignal(ws.bills.import_finished, timeout=20000) as done,
        qtbot.waitSignal(home.loaded, timeout=20000),
    ):
        ws.bills.import_bill_file(_alipay(tmp_path))  # the 账单 tab's own importer
    assert done.args[0] is not None
    qtbot.waitUntil(lambda: home.data.counts.bills == 1, timeout=10000)
    with profile.session() as s:
        counts = evidence_counts(s, case_id)
        money = case_money(s, case_id, profile.blob_path)
        funds = next(i for i in readiness(s, case_id).items if i.key == "funds")
    # a personal-reconciliation export: 资金流水 turns from missing to weak, with the core's advice
    assert counts.bills == 1 and counts.by_category["funds"] == 1 and funds.status == "weak"
    assert home.data.counts == counts
    row = home.item_rows["funds"]
    assert row.property("status") == "weak" and funds.detail in row.findChild(QLabel).text()
    assert home.button("funds", "import_bill") is not None
    assert home.counts_label.text() == f"证据 {counts.exhibits} 件：资金流水 1"
    assert home.sources_label.text() == "账单 1 份　·　聊天记录 0 段"
    assert money.context in [lbl.text() for lbl in home.findChildren(type(home.counts_label))]
    assert "向平台付款" in money.context and yuan(money.recon.net) in money.context


def test_the_next_step_and_its_deadline_are_the_core_ladders(qtbot, home_window, profile, case_id):
    win = home_window
    home = _home(qtbot, win)
    today = now().date()
    with profile.session() as s:
        update_case(s, case_id, discovered_on=today - timedelta(days=20))
        record_step(s, case_id, "demand_sent", today - timedelta(days=2), workdays=7)
    data = _reloaded(qtbot, home, lambda: win.workspace.events.notify(case_id))
    dash = dashboard(profile, case_id)
    assert dash.next_deadline is not None and dash.next_steps
    assert home.next_label.text() == dash.next_steps[0] == data.next_step
    left = days_left(dash.next_deadline.due, dash.today)
    assert data.days_left == left > 0
    text = home.deadline_label.text()
    assert dash.next_deadline.label in text and dash.next_deadline.due.isoformat() in text
    assert f"还有 {left} 天" in text
    # the demand letter was sent: the next step offers the documents, no second demand letter
    assert home.button("next", "documents") is not None and home.button("next", "demand") is None
    assert "case" not in home.missing_keys  # the discovery date is filled in
    shown = [lbl.text() for lbl in home.findChildren(QLabel)]
    assert all("⚠ " + w in shown for w in dash.warnings)  # e.g. provisional holidays, said where it applies


def _drop(zone, paths):
    md = _url_mime(paths)
    pos = QPointF(zone.width() / 2, zone.height() / 2)
    enter = _drag_enter(pos, md)
    QApplication.sendEvent(zone, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos, Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(zone, drop)
    return drop


def test_the_empty_bills_tab_takes_a_dropped_bill_through_the_dispatcher(
    qtbot, home_window, profile, case_id, tmp_path
):
    win = home_window
    ws = win.workspace
    ws.setCurrentWidget(ws.bills)
    zone = ws.empty_states["bills"].zone
    qtbot.waitUntil(zone.isVisible, timeout=10000)
    assert "账单拖到这里" in zone.text.text() and zone.button.text() == "导入账单…"
    bill = _alipay(tmp_path)
    with (
        qtbot.waitSignal(win.dispatcher.routed, timeout=10000) as routed,
        qtbot.waitSignal(ws.bills.import_finished, timeout=20000) as done,
    ):
        drop = _drop(zone, [bill])
    assert drop.isAccepted()
    assert routed.args[0].bills == [str(bill)] and routed.args[0].files == []
    assert done.args[0] is not None
    with profile.session() as s:
        assert len(billstore.live_bills(s, case_id)) == 1
    qtbot.waitUntil(lambda: not zone.isVisible(), timeout=10000)  # the rows are there: no more drop zone


def test_the_empty_evidence_grid_takes_dropped_screenshots(qtbot, home_window, profile, case_id, tmp_path):
    win = home_window
    ws = win.workspace
    ws.setCurrentWidget(ws.evidence)
    zone = ws.empty_states["grid"].zone
    qtbot.waitUntil(zone.isVisible, timeout=10000)
    shot = screenshot(tmp_path / "充值失败.png", 3)
    with (
        qtbot.waitSignal(win.dispatcher.routed, timeout=10000) as routed,
        qtbot.waitSignal(win.imports.finished, timeout=20000),
    ):
        _drop(zone, [shot])
    assert routed.args[0].files == [str(shot)]
    qtbot.waitUntil(lambda: win.evidence.model.exhibit_count() == 1, timeout=10000)
    qtbot.waitUntil(lambda: not zone.isVisible(), timeout=10000)
    # the chat tab, still empty, keeps its zone with what to drop there
    ws.setCurrentWidget(ws.chats)
    chat_zone = ws.empty_states["chats"].zone
    qtbot.waitUntil(chat_zone.isVisible, timeout=10000)
    assert "留痕" in chat_zone.text.text() and "电脑版微信" in chat_zone.text.text()


def test_the_home_shows_the_cores_warnings_and_completes_a_weak_operator(
    qtbot, home_window, profile, case_id, tmp_path
):
    win = home_window
    home = _home(qtbot, win)
    import_bill(profile, case_id, _alipay(tmp_path))
    with profile.session() as s:
        add_item(s, case_id, "deducted", "5000.00", now().date() - timedelta(days=3), reason="auto_renewal")
        add_party(s, case_id, "operator", "星辰网络科技有限公司")
    _reloaded(qtbot, home, lambda: win.workspace.events.notify(case_id))
    with profile.session() as s:
        money = case_money(s, case_id, profile.blob_path)
        identity = next(i for i in readiness(s, case_id).items if i.key == "identity")
    assert money.warnings and any("超过账单显示的净付款" in w for w in money.warnings)
    shown = [lbl.text() for lbl in home.findChildren(QLabel)]
    for warning in money.warnings:
        assert "⚠ " + warning in shown
    assert home.claim_label.text() == f"主张金额：{yuan(money.claim)}（1 个主张项）"
    # the operator is there but incomplete: its button opens the parties, it does not add another
    assert identity.status == "weak" and home.item_rows["identity"].property("status") == "weak"
    assert home.button("identity", "parties") is not None and home.button("identity", "add_party") is None


def test_screenshots_imported_from_the_home_are_shown_to_be_sorted_and_counted(
    qtbot, home_window, profile, case_id, tmp_path
):
    win = home_window
    ws = win.workspace
    home = _home(qtbot, win)
    shots = [screenshot(tmp_path / f"订单{i}.png", i) for i in range(2)]
    win.choose_files = lambda: [str(p) for p in shots]
    with qtbot.waitSignal(win.imports.finished, timeout=20000):
        qtbot.mouseClick(home.button("non_delivery", "import_screens"), Qt.MouseButton.LeftButton)
    # the new screenshots come up on 证据, where their category is chosen
    assert ws.currentWidget() is ws.evidence
    qtbot.waitUntil(lambda: win.evidence.model.exhibit_count() == 2, timeout=10000)
    _show_home(qtbot, ws)  # back on the home: it reads the case as it is now
    with profile.session() as s:
        assert home.data.counts == evidence_counts(s, case_id)
    assert home.counts_label.text() == "证据 2 件：其他 2"


def test_a_hidden_home_reads_the_case_when_it_is_shown_again(qtbot, home_window, profile, case_id, tmp_path):
    win = home_window
    ws = win.workspace
    home = _home(qtbot, win)
    ws.setCurrentWidget(ws.claims)
    loads = []
    home.loaded.connect(lambda: loads.append(1))
    with profile.session() as s:
        add_item(s, case_id, "deducted", "120.00", now().date() - timedelta(days=1), reason="auto_renewal")
    with qtbot.waitSignal(ws.claims.loaded, timeout=10000):
        ws.events.notify(case_id)  # the other tabs follow; the hidden home does no work yet
    qtbot.wait(200)
    assert loads == [] and "claims" in home.missing_keys
    _show_home(qtbot, ws)
    assert "claims" not in home.missing_keys and home.claim_label.text() == "主张金额：¥120.00（1 个主张项）"


def test_the_home_names_claim_items_as_the_tab_does(qtbot, home_window, case_id):
    """The tab, the suggestion offer (添加为主张项…) and the documents say 主张项: the home too."""
    win = home_window
    home = _home(qtbot, win)
    tab_names = [win.workspace.tabText(i) for i in range(win.workspace.count())]
    assert "主张项" in tab_names
    shown = [w.text() for w in home.findChildren(QLabel)] + [b.text() for b in home.findChildren(QPushButton)]
    assert not [t for t in shown if "索赔项" in t or "项索赔" in t]
    assert any("主张项" in t for t in shown)


def test_screenshots_read_but_not_sorted_are_pointed_to_on_the_home(
    qtbot, home_window, profile, case_id, tmp_path, monkeypatch
):
    """Order pages already read as 未到账 but still 其他: the home says so and its button opens
    按识别结果整理 on 证据, instead of only asking for more screenshots."""
    from kami_desktop.gui import suggestion_dialog
    from tests.core.triage.fixtures import ORDER_PAGE, PAYMENT_PAGE, shot

    win = home_window
    ws = win.workspace
    home = _home(qtbot, win)
    assert home.button("suggest", "organise") is None  # nothing read: nothing to offer
    shot(profile, case_id, tmp_path, "order.png", ORDER_PAGE, seed=1)
    shot(profile, case_id, tmp_path, "paid.png", PAYMENT_PAGE, seed=2)
    _reloaded(qtbot, home, lambda: ws.events.notify(case_id))
    assert home.data.suggestible == 2
    button = home.button("suggest", "organise")
    assert button is not None and button.text() == "按识别结果整理…"
    seen = {}
    monkeypatch.setattr(suggestion_dialog, "ask", lambda parent, items: seen.update(items=items) or None)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ws.currentWidget() is ws.evidence
    assert len([i for i in seen["items"] if i.fields]) == 2


def test_a_screenshot_whose_suggestions_are_dismissed_is_no_longer_counted(
    qtbot, home_window, profile, case_id, tmp_path
):
    """忽略 on the 证据 tab: the home stops counting that screenshot as 待整理; Ctrl+Z counts it again."""
    from tests.core.triage.fixtures import ORDER_PAGE, PAYMENT_PAGE, shot

    win = home_window
    ws = win.workspace
    home = _home(qtbot, win)
    order = shot(profile, case_id, tmp_path, "order.png", ORDER_PAGE, seed=1)
    shot(profile, case_id, tmp_path, "paid.png", PAYMENT_PAGE, seed=2)
    _reloaded(qtbot, home, lambda: ws.events.notify(case_id))
    assert home.data.suggestible == 2
    view = ws.evidence
    ws.setCurrentWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.reload()
    panel = view.detail.suggestions
    with qtbot.waitSignal(panel.loaded, timeout=5000, check_params_cb=lambda i: i == order):
        view.select_ids([order])
    qtbot.mouseClick(panel.dismiss_all_button, Qt.MouseButton.LeftButton)
    _show_home(qtbot, ws)
    assert home.data.suggestible == 1
    assert any("有 1 项证据可以按识别结果填写" in w.text() for w in home.findChildren(QLabel))
    _reloaded(qtbot, home, view.undo_stack.undo)
    assert home.data.suggestible == 2
