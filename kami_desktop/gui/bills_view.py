"""Tab 账单 of a case: every transaction of the case's bills, the platform's rows highlighted, the
totals (付款 / 退款 / 净额, first and last payment), marking counterparties as the platform, importing
a bill (asking for the zip password) and one click to make the net the claimed amount.

Thin over ``core.bills.store``: loading and importing run on worker threads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
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

from kami_desktop.core.bills import BillError, PasswordRequired
from kami_desktop.core.bills import store as billstore
from kami_desktop.core.bills.common import personal_only_warning
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.money import money_str
from kami_desktop.gui import messages
from kami_desktop.gui.bill_table_model import (
    BillTableModel,
    BillViewData,
    CounterpartyRole,
    PlatformRole,
    RefRole,
    load_bill_data,
)
from kami_desktop.gui.formatting import join_list
from kami_desktop.gui.workers import TaskFailure, TaskWorker, guarded, start_task

BANNER_STYLE = "QLabel { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 8px; }"


def _in_session(profile: Profile, fn, *args):
    with profile.session() as s:
        return fn(s, *args)


class BillsView(QWidget):
    loaded = Signal()  # rows and totals (re)loaded
    import_finished = Signal(object)  # BillImport, or None when the import failed or was cancelled
    claimed_amount_changed = Signal(int)  # case id
    status_message = Signal(str)

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.data: BillViewData | None = None
        self._generation = 0
        self.worker: TaskWorker | None = None
        self.model = BillTableModel(self)

        self.import_button = QPushButton(self.tr("导入账单…"))
        self.import_button.setToolTip(
            self.tr("支付宝或微信支付导出的账单：邮件里的压缩包，或其中的 CSV / XLSX 文件")
        )
        self.import_button.clicked.connect(lambda: self.import_bill_file())
        self.platform_only = QCheckBox(self.tr("只看平台交易"))
        self.platform_only.toggled.connect(self.model.set_platform_only)
        self.mark_button = QPushButton(self.tr("标记为平台"))
        self.mark_button.setToolTip(self.tr("把选中交易的交易对方算作平台，计入付款和退款"))
        self.mark_button.clicked.connect(self.mark_selected)
        self.unmark_button = QPushButton(self.tr("取消平台标记"))
        self.unmark_button.setToolTip(
            self.tr("不再把选中交易的交易对方算作平台（删除包含在其名称中的关键词）")
        )
        self.unmark_button.clicked.connect(self.unmark_selected)
        self.terms_button = QPushButton(self.tr("平台关键词…"))
        self.terms_button.clicked.connect(self.edit_terms)
        self.apply_button = QPushButton(self.tr("设为主张金额"))
        self.apply_button.setToolTip(self.tr("把净额（向平台付款 − 平台退款）设为本案的主张金额"))
        self.apply_button.clicked.connect(self.apply_claimed)
        bar = QHBoxLayout()
        for w in (
            self.import_button,
            self.platform_only,
            self.mark_button,
            self.unmark_button,
            self.terms_button,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.apply_button)

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
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择账单文件"), "", self.tr("账单文件 (*.zip *.csv *.xlsx);;所有文件 (*)")
        )
        return path or None

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

    def ask_terms(self, current: list[str]) -> list[str] | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("平台关键词"),
            self.tr("交易对方或商品说明中包含这些文字的交易算作平台交易（用逗号分隔）："),
            QLineEdit.EchoMode.Normal,
            self.tr("，", "separator of the keywords in the input box").join(current),
        )
        if not ok:
            return None
        return [t.strip() for t in text.replace("，", ",").split(",") if t.strip()]

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
                    "平台交易：付款 {np} 笔 ¥{paid} − 退款 {nr} 笔 ¥{refunded} = <b>净额 ¥{net}</b>{span}"
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
            self.totals_label.setText(self.tr("没有平台交易：请选中平台的一笔交易，点“标记为平台”。"))
        terms = join_list(recon.terms) or self.tr("（未指定）")
        self.terms_label.setText(
            self.tr("平台关键词：{terms}　　账单 {n} 份，交易 {rows} 笔").format(
                terms=terms, n=len(recon.bills), rows=len(data.rows)
            )
        )
        claimed = data.claimed_amount
        self.claimed_label.setText(
            self.tr("本案主张金额：{amount}").format(
                amount=f"¥{money_str(claimed)}" if claimed is not None else self.tr("未填写")
            )
        )
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
        self.mark_button.setEnabled(
            has_case and row is not None and not self.model.index(row, 0).data(PlatformRole)
        )
        self.unmark_button.setEnabled(
            has_case and row is not None and bool(self.model.index(row, 0).data(PlatformRole))
        )
        self.terms_button.setEnabled(has_case)
        recon = self.data.recon if self.data else None
        paid = recon is not None and any(r.role == "payment" for r in recon.rows)
        self.apply_button.setEnabled(has_case and paid)

    # ------------------------------------------------------------------ selection and platform terms
    def _current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_counterparty(self) -> str:
        row = self._current_row()
        return self.model.index(row, 0).data(CounterpartyRole) or "" if row is not None else ""

    def mark_selected(self) -> None:
        self._change_terms(billstore.mark_platform, self.selected_counterparty())

    def unmark_selected(self) -> None:
        self._change_terms(billstore.unmark_platform, self.selected_counterparty())

    def edit_terms(self) -> None:
        if self.case_id is None:
            return
        current = self.data.recon.terms if self.data and self.data.recon else []
        terms = self.ask_terms(list(current))
        if terms is not None:
            self._change_terms(billstore.set_platform_terms, terms)

    def _change_terms(self, fn, value) -> None:
        if self.case_id is None or not value:
            return
        try:
            terms = _in_session(self.profile, fn, self.case_id, value)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        self.status.setText(
            self.tr("平台关键词：{terms}").format(terms=join_list(terms) or self.tr("（未指定）"))
        )
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
        if index.data(PlatformRole):
            menu.addAction(self.tr("不再把“{name}”算作平台").format(name=name), self.unmark_selected)
        elif name:
            menu.addAction(self.tr("把“{name}”算作平台").format(name=name), self.mark_selected)
        target = self.model.linked_row(index.row())
        if target is not None:
            menu.addAction(self.tr("转到对应的原付款"), lambda: self.select_row(target))
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ claimed amount
    def apply_claimed(self) -> None:
        if self.case_id is None:
            return
        try:
            with self.profile.session() as s:
                recon = billstore.apply_claimed_amount(s, self.case_id, self.profile.blob_path)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        self.status.setText(
            self.tr("主张金额已设为 ¥{amount}（已记入存证日志）").format(amount=money_str(recon.net))
        )
        self.claimed_amount_changed.emit(self.case_id)
        self.reload()

    # ------------------------------------------------------------------ import
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
        if result.duplicate:
            self.status.setText(
                self.tr("这份账单已经导入过（证据 {ex}），没有重复添加。").format(ex=result.exhibit_id)
            )
        else:
            self.status.setText(
                self.tr("已导入《{title}》：{n} 笔交易（证据 {ex}）").format(
                    title=result.title, n=result.rows, ex=result.exhibit_id
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
