"""Tab 账单 of a case: every transaction of the case's bills, the platform's rows highlighted, the totals
(付款 / 退款 / 净付款, first and last payment) as context beside the claim items' principal, the
counterparty checklist (选择平台…), a claim item made from a payment row in one step (作为主张项…), and
importing a bill (asking for the zip password). The net paid never becomes the claim here.

Thin over ``core.bills``: loading and importing run on worker threads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.bills import BillError, PasswordRequired, counterparty_key
from kami_desktop.core.bills import store as billstore
from kami_desktop.core.bills.common import personal_only_warning
from kami_desktop.core.bills.money import CounterpartyList, choose_counterparties, draft_from_bill_row
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.money import money_str
from kami_desktop.gui import messages, remembered
from kami_desktop.gui.bill_table_model import (
    BillTableModel,
    BillViewData,
    CounterpartyRole,
    PlatformRole,
    RefRole,
    load_bill_data,
)
from kami_desktop.gui.case_events import exhibit_number
from kami_desktop.gui.claim_dialog import ClaimDialog, Numbers, claim_from
from kami_desktop.gui.counterparty_dialog import CounterpartyDialog
from kami_desktop.gui.formatting import join_list
from kami_desktop.gui.triage_links import add_screenshot_actions
from kami_desktop.gui.workers import TaskFailure, TaskWorker, guarded, start_task

BANNER_STYLE = "QLabel { color: #3e2723; background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 8px; }"


class BillsView(QWidget):
    loaded = Signal()  # rows and totals (re)loaded
    import_finished = Signal(object)  # BillImport, or None when the import failed or was cancelled
    claims_changed = Signal(int)  # case id: a claim item was made from a bill row
    status_message = Signal(str)
    show_exhibits = Signal(list)  # exhibit ids: the screenshots of a row, to show on the 证据 tab

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.data: BillViewData | None = None
        self._pending_row: int | None = None  # bill row id to select once loaded (show_row)
        self._generation = 0
        self.worker: TaskWorker | None = None
        self.model = BillTableModel(self)

        self.import_button = QPushButton(self.tr("导入账单…"))
        self.import_button.setToolTip(
            self.tr("支付宝或微信支付导出的账单：邮件里的压缩包，或其中的 CSV / XLSX 文件")
        )
        self.import_button.clicked.connect(self.import_chosen)
        self.route: Callable[[list[str]], None] | None = None  # the window's dispatcher: one way in
        self.platform_only = QCheckBox(self.tr("只看平台交易"))
        self.platform_only.toggled.connect(self.model.set_platform_only)
        self.counterparty_button = QPushButton(self.tr("选择平台（交易对方）…"))
        self.counterparty_button.setToolTip(
            self.tr("逐一勾选账单中属于平台的交易对方；只有勾选的交易计入付款和退款")
        )
        self.counterparty_button.clicked.connect(self.choose_counterparties)
        self.claim_button = QPushButton(self.tr("作为主张项…"))
        self.claim_button.setToolTip(
            self.tr("把选中的这笔付款作为一项主张（未到账的充值、未交付的订单等），金额和日期取自账单")
        )
        self.claim_button.clicked.connect(self.claim_selected)
        bar = QHBoxLayout()
        for w in (self.import_button, self.platform_only, self.counterparty_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.claim_button)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.terms_label = QLabel()
        self.terms_label.setWordWrap(True)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 150), (1, 150), (2, 190), (3, 60), (4, 90), (5, 110), (6, 220)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.totals_label = QLabel()
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.claimed_label = QLabel()
        self.status = QLabel()
        self.status.setStyleSheet("color: #546e7a;")
        footer = QHBoxLayout()
        footer.addWidget(self.totals_label, 1)
        footer.addWidget(self.claimed_label)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(bar)
        lay.addWidget(self.banner)
        lay.addWidget(self.terms_label)
        lay.addWidget(self.table, 1)
        lay.addLayout(footer)
        lay.addWidget(self.status)
        self._show_totals()
        self._update_buttons()

    # ------------------------------------------------------------------ hooks (tests replace these)
    def choose_file(self) -> str | None:
        return remembered.open_file(
            self,
            self.tr("选择账单文件"),
            remembered.BILLS,
            self.tr("账单文件 (*.zip *.csv *.xlsx);;所有文件 (*)"),
        )

    def ask_password(self, name: str, wrong: bool) -> str | None:
        text = (
            self.tr("“{name}”的解压密码不正确，请重新输入：")
            if wrong
            else self.tr(
                "“{name}”是加密的压缩包。\n支付宝的密码在支付宝 App 消息中，微信支付的密码在“微信支付”公众号消息中。\n"
                "请输入解压密码："
            )
        ).format(name=name)
        pw, ok = QInputDialog.getText(self, self.tr("需要解压密码"), text, QLineEdit.EchoMode.Password)
        return pw if ok and pw else None

    def ask_counterparties(self, listing: CounterpartyList) -> list[tuple[str, str, bool]] | None:
        return CounterpartyDialog.ask(self, listing)

    def ask_claim(self, draft, evidence: str = "", exhibits: Numbers | None = None) -> dict | None:
        return ClaimDialog.ask(self, draft, evidence, exhibits)

    # ------------------------------------------------------------------ loading
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.data = None
        self.model.set_data(BillViewData(case_id or 0))
        self._show_totals()
        self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.case_id is not None and self.data is not None:
            self.reload()  # bills may have been trashed or restored on the evidence tab

    def reload(self) -> None:
        self._generation += 1
        gen = self._generation
        if self.case_id is None:
            self._update_buttons()
            return
        start_task(
            load_bill_data,
            self.profile,
            self.case_id,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda data: self._loaded(gen, data)),
            on_error=guarded(self, self._failed),
        )

    def _loaded(self, gen: int, data: BillViewData) -> None:
        if gen != self._generation or data.case_id != self.case_id:
            return
        row = self._current_row()
        keep = self.model.index(row, 0).data(RefRole) if row is not None else None
        scroll = self.table.verticalScrollBar().value()
        self.data = data
        self.model.set_data(data)
        if keep is not None:  # same row and scroll position after marking a counterparty or a refresh
            again = self.model.row_of(keep.bill_id, keep.row)
            if again is not None:
                self.table.selectRow(again)
        self.table.verticalScrollBar().setValue(scroll)
        self._show_totals()
        self._update_buttons()
        if self._pending_row is not None:
            self.show_row(self._pending_row)
        self.loaded.emit()

    def _failed(self, failure: TaskFailure) -> None:
        messages.show_error(self, failure.exception, failure.traceback)

    def _show_totals(self) -> None:
        data = self.data
        recon = data.recon if data else None
        if data is None or recon is None or not recon.bills:
            self.totals_label.setText(
                self.tr("还没有导入账单。点击“导入账单…”，选择支付宝或微信支付导出的账单文件。")
            )
            self.banner.hide()
            self.terms_label.setText("")
            self.claimed_label.setText("")
            return
        payments = [r for r in recon.rows if r.role == "payment"]
        refunds = [r for r in recon.rows if r.role == "refund"]
        if payments or refunds:
            span = (
                self.tr("（首笔 {first}，末笔 {last}）").format(
                    first=f"{recon.first:%Y-%m-%d}", last=f"{recon.last:%Y-%m-%d}"
                )
                if recon.first
                else ""
            )
            self.totals_label.setText(
                self.tr(
                    "平台交易：付款 {np} 笔 ¥{paid} − 退款 {nr} 笔 ¥{refunded} = 净付款 ¥{net}{span}"
                ).format(
                    np=len(payments),
                    paid=money_str(recon.paid),
                    nr=len(refunds),
                    refunded=money_str(recon.refunded),
                    net=money_str(recon.net),
                    span=span,
                )
            )
        else:
            self.totals_label.setText(
                self.tr("没有平台交易：请点“选择平台（交易对方）…”勾选平台在账单中的名称。")
            )
        terms = join_list(recon.terms) or self.tr("（未选择）")
        self.terms_label.setText(
            self.tr("计入的交易对方：{terms}　　账单 {n} 份，交易 {rows} 笔").format(
                terms=terms, n=len(recon.bills), rows=len(data.rows)
            )
        )
        money = data.money
        if money is not None and money.items:
            self.claimed_label.setText(
                self.tr("主张本金：<b>¥{amount}</b>（{n} 项，见“主张项”）").format(
                    amount=f"{money.principal:,.2f}", n=len(money.items)
                )
            )
        else:
            self.claimed_label.setText(self.tr("还没有主张项：净付款不等于损失，请逐项添加要求退还的款项。"))
        sources = sorted({b["source"] for b in recon.bills if b["personal_only"]})
        if sources:
            advice = "\n".join(personal_only_warning(src) for src in sources)
            self.banner.setText(self.tr("⚠ 证据效力提示") + "\n" + advice)
            self.banner.show()
        else:
            self.banner.hide()

    def _update_buttons(self) -> None:
        has_case = self.case_id is not None
        idle = self.worker is None
        row = self._current_row()
        self.import_button.setEnabled(has_case and idle)
        self.counterparty_button.setEnabled(has_case and bool(self.data and self.data.rows))
        t = self.model.transaction(row) if row is not None else None
        self.claim_button.setEnabled(has_case and t is not None and t.direction == "支出")

    # ------------------------------------------------------------------ selection and platform terms
    def _current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def show_row(self, bill_row_id: int) -> None:
        """Select the stored bill row with this id (as a search hit names it), once the rows are loaded."""
        self._pending_row = bill_row_id
        if self.data is None:
            return  # _loaded comes back here
        self._pending_row = None
        row = self.model.row_of_id(bill_row_id)
        if row is None and self.platform_only.isChecked():
            self.platform_only.setChecked(False)  # the row is not the platform's: show every row
            row = self.model.row_of_id(bill_row_id)
        if row is not None:
            self.select_row(row)

    def selected_counterparty(self) -> str:
        row = self._current_row()
        return self.model.index(row, 0).data(CounterpartyRole) or "" if row is not None else ""

    def choose_counterparties(self) -> None:
        if self.case_id is None or self.data is None or self.data.counterparties is None:
            return
        chosen = self.ask_counterparties(self.data.counterparties)
        if chosen:
            self._choose(chosen)

    def set_selected_platform(self, on: bool) -> None:
        """Count (or stop counting) the selected row's counterparty as the platform."""
        row = self._current_row()
        t = self.model.transaction(row) if row is not None else None
        if t is not None and t.counterparty.strip():
            self._choose([(*counterparty_key(t), on)])

    def _choose(self, chosen: list[tuple[str, str, bool]]) -> None:
        if self.case_id is None:
            return
        try:
            with self.profile.session() as s:
                listing = choose_counterparties(s, self.case_id, chosen, self.profile.blob_path)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        names = join_list([c.name for c in listing.counterparties if c.selected]) or self.tr("（未选择）")
        self.status.setText(self.tr("计入的交易对方：{names}（已记入存证日志）").format(names=names))
        self.reload()

    def claim_selected(self) -> None:
        row = self._current_row()
        ref = self.model.index(row, 0).data(RefRole) if row is not None else None
        if ref is None or self.case_id is None:
            return
        item_id = claim_from(self, self.profile, draft_from_bill_row, ref.bill_row_id, self.profile.blob_path)
        if item_id is not None:
            self.status.setText(self.tr("已添加主张项 {id}（已记入存证日志）").format(id=item_id))
            self.claims_changed.emit(self.case_id)
            self.reload()

    def _double_clicked(self, index) -> None:
        target = self.model.linked_row(index.row())
        if target is not None:
            self.select_row(target)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        name = index.data(CounterpartyRole) or ""
        if index.data(PlatformRole) and name:
            menu.addAction(
                self.tr("不再把“{name}”算作平台").format(name=name), lambda: self.set_selected_platform(False)
            )
        elif name:
            menu.addAction(
                self.tr("把“{name}”算作平台").format(name=name), lambda: self.set_selected_platform(True)
            )
        if self.claim_button.isEnabled():
            menu.addAction(self.tr("作为主张项…"), self.claim_selected)
        target = self.model.linked_row(index.row())
        if target is not None:
            menu.addAction(self.tr("转到对应的原付款"), lambda: self.select_row(target))
        add_screenshot_actions(self, menu, index.data(RefRole))  # 对应的截图：证据 N…
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ import
    def import_chosen(self) -> None:
        """导入账单…: the chosen file goes where a dropped one would (a chat export to 聊天记录, a picture
        to 证据), through the window's dispatcher; a tab on its own imports it as a bill."""
        path = self.choose_file() if self.case_id is not None and self.worker is None else None
        if path and self.route is not None:
            self.route([path])
        elif path:
            self.import_bill_file(path)

    def import_bill_file(self, path: str | Path | None = None, password: str | None = None) -> None:
        if self.case_id is None or self.worker is not None:
            return
        path = path or self.choose_file()
        if not path:
            return
        case_id = self.case_id
        self.status.setText(self.tr("正在读取账单 {name}…").format(name=Path(path).name))
        mine: list = []  # finished() of this worker may arrive after a retry has started the next one
        self.worker = start_task(
            billstore.import_bill,
            self.profile,
            case_id,
            str(path),
            password,
            on_result=guarded(self, self._imported),
            on_error=guarded(self, lambda f: self._import_failed(f, str(path))),
            on_finished=guarded(self, lambda: self._import_done(mine[0])),
        )
        mine.append(self.worker)
        self._update_buttons()

    def _import_done(self, worker) -> None:
        if self.worker is worker:
            self.worker = None
        self._update_buttons()

    def _imported(self, result: billstore.BillImport) -> None:
        number = exhibit_number(self.profile, self.case_id, result.exhibit_id) or "?"
        if result.duplicate:
            self.status.setText(self.tr("这份账单已经导入过（证据 {ex}），没有重复添加。").format(ex=number))
        else:
            self.status.setText(
                self.tr("已导入《{title}》：{n} 笔交易（证据 {ex}）").format(
                    title=result.title, n=result.rows, ex=number
                )
            )
        self.import_finished.emit(result)
        self.reload()

    def _import_failed(self, failure: TaskFailure, path: str) -> None:
        exc = failure.exception
        self.worker = None
        if isinstance(exc, PasswordRequired):
            password = self.ask_password(Path(path).name, exc.wrong_password)
            if password:
                self.import_bill_file(path, password)
                return
            self.status.setText(self.tr("已取消导入。"))
        elif isinstance(exc, BillError):
            self.status.setText(self.tr("未导入：{reason}").format(reason=str(exc)))
            messages.warn(self, self.tr("无法导入账单"), str(exc))
        else:
            messages.show_error(self, exc, failure.traceback)
        self.import_finished.emit(None)
