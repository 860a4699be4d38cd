"""The 案件首页: the first tab of a case. What is there (exhibits by category, bills, chats, the claim),
what is missing (the readiness checklist, each missing piece with the buttons that do it and a link to
its guide) and the next step of the escalation ladder with its deadline and the days left.

Built from ``case_home_data.load_home`` on a worker thread; reloaded whenever the case changes (the
workspace's ``CaseEvents``) and whenever the tab is shown. Buttons emit ``action_requested(code)``; the
main window runs the action (``gui/case_home_actions.py``)."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.vocab import CATEGORIES
from kami_desktop.gui.case_home_data import (
    ACTION_LABELS,
    ADD_CLAIM,
    EDIT_CASE,
    GUIDE,
    GUIDE_LINKS,
    ORGANISE,
    HomeData,
    item_actions,
    load_home,
)
from kami_desktop.gui.formatting import category_label
from kami_desktop.gui.ladder_style import STATUS_COLOURS
from kami_desktop.gui.workers import TaskFailure, guarded, start_task

CARD_CSS = "QFrame#homeCard { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }"
HEADING_CSS = "font-size: 15px; font-weight: bold; color: #24292f;"
MARKS = {"weak": "△", "missing": "✗"}
WARNING_CSS = "color: #7a5200;"


def _label(text: str, rich: bool = False, css: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if css:
        label.setStyleSheet(css)
    return label


class CaseHome(QWidget):
    action_requested = Signal(str)  # an action code of case_home_data (or guide:<key>)
    loaded = Signal()  # the page shows the case as it is now

    def __init__(self, profile, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHome")
        self.profile = profile
        self.case_id: int | None = None
        self.today: date | None = None  # None: the real today (tests set a fixed day)
        self.data: HomeData | None = None
        self.buttons: dict[str, list[QPushButton]] = {}  # section ("next" or a missing item's key) → buttons
        self.item_rows: dict[str, QFrame] = {}  # a missing item's key → its row
        self.missing_keys: list[str] = []
        self._generation = 0
        self.pane = QScrollArea()
        self.pane.setWidgetResizable(True)
        self.pane.setFrameShape(QFrame.Shape.NoFrame)
        self.pane.setStyleSheet("QScrollArea { background: #f6f8fa; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.pane)
        self._show_placeholder(self.tr("请先在左侧选择或新建一个案件。"))

    # ------------------------------------------------------------------ loading
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.data = None
        if case_id is None:
            self._generation += 1
            self._show_placeholder(self.tr("请先在左侧选择或新建一个案件。"))
            return
        self._show_placeholder(self.tr("正在读取案件…"))
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        gen, case_id = self._generation, self.case_id
        if case_id is None:
            return
        start_task(
            load_home,
            self.profile,
            case_id,
            self.today,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda data: self._loaded(gen, data)),
            on_error=guarded(self, self._failed),
        )

    def case_changed(self) -> None:
        """The case changed (CaseEvents): read it again now if the page is showing; a hidden page reads
        it when it is shown (it always does), so no work runs behind the user's back on other tabs."""
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.case_id is not None and self.data is not None:
            self.reload()  # a party, a step or a fact changed on another tab

    def _loaded(self, gen: int, data: HomeData) -> None:
        if gen != self._generation or data.case_id != self.case_id:
            return
        self.show_data(data)
        self.loaded.emit()

    def _failed(self, failure: TaskFailure) -> None:
        from kami_desktop.gui import messages

        if isinstance(failure.exception, messages.EXPECTED):  # e.g. the case went away meanwhile
            self._show_placeholder(str(failure.exception))
        else:
            messages.show_error(self, failure.exception, failure.traceback)

    # ------------------------------------------------------------------ building the page
    def _set_page(self, page: QWidget, keep_scroll: bool = False) -> None:
        bar = self.pane.verticalScrollBar()
        scroll = bar.value() if keep_scroll else 0
        old = self.pane.takeWidget()
        if old is not None:
            old.deleteLater()
        page.setObjectName("homePage")
        page.setStyleSheet("QWidget#homePage { background: #f6f8fa; }" + CARD_CSS)
        self.pane.setWidget(page)
        if scroll:  # a refresh of the same case keeps the place the user was reading
            page.adjustSize()
            bar.setValue(scroll)

    def _show_placeholder(self, text: str) -> None:
        self.buttons = {}
        page = QWidget()
        lay = QVBoxLayout(page)
        label = _label(text)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(label)
        self._set_page(page)

    def show_data(self, data: HomeData) -> None:
        same_case = self.data is not None and self.data.case_id == data.case_id
        self.data = data
        self.buttons, self.item_rows = {}, {}
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(24, 16, 24, 24)
        lay.setSpacing(14)
        stage = QCoreApplication.translate("Vocab", data.stage_label)  # the 维权进度 tab's words for it
        title = self.tr("{title}　·　当前阶段：{stage}").format(title=escape(data.title), stage=escape(stage))
        lay.addWidget(_label(f"<span style='font-size:19px; font-weight:bold'>{title}</span>", True))
        top = QHBoxLayout()
        top.setSpacing(14)
        top.addWidget(self._next_card(data), 3)
        top.addWidget(self._have_card(data), 2)
        lay.addLayout(top)
        lay.addWidget(self._missing_card(data))
        lay.addStretch(1)
        self._set_page(page, keep_scroll=same_case)

    def _card(self, heading: str) -> tuple[QFrame, QVBoxLayout]:
        card = QFrame()
        card.setObjectName("homeCard")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(8)
        lay.addWidget(_label(heading, css=HEADING_CSS))
        return card, lay

    def _button_row(self, section: str, codes: tuple[str, ...], guides: tuple[str, ...] = ()) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        for code in codes:
            button = QPushButton(QCoreApplication.translate("CaseHome", ACTION_LABELS[code]))
            button.setProperty("action", code)
            button.setObjectName(f"home_{code}")
            button.clicked.connect(lambda _c=False, c=code: self.action_requested.emit(c))
            row.addWidget(button)
            self.buttons.setdefault(section, []).append(button)
        for link in guides:
            key, text = GUIDE_LINKS[link]
            button = QPushButton(QCoreApplication.translate("CaseHome", text))
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet("QPushButton { color: #0969da; text-decoration: underline; border: none; }")
            button.setProperty("action", GUIDE + key)
            button.clicked.connect(lambda _c=False, c=GUIDE + key: self.action_requested.emit(c))
            row.addWidget(button)
            self.buttons.setdefault(section, []).append(button)
        row.addStretch(1)
        return row

    def _next_card(self, data: HomeData) -> QFrame:
        card, lay = self._card(self.tr("下一步"))
        card.setProperty("section", "next")
        self.next_label = _label(data.next_step, css="font-size: 14px;")
        lay.addWidget(self.next_label)
        self.deadline_label = _label(self._deadline_text(data), rich=True)
        lay.addWidget(self.deadline_label)
        for warning in data.dashboard.warnings:
            lay.addWidget(_label("⚠ " + warning, css=WARNING_CSS))
        lay.addLayout(self._button_row("next", data.step_actions()))
        return card

    def _deadline_text(self, data: HomeData) -> str:
        d = data.dashboard.next_deadline
        if d is None:
            if not data.discovered:
                return escape(self.tr("填写“发现扣款的日期”后，这里会显示下一个期限和剩余天数。"))
            return escape(self.tr("目前没有正在计算的期限。"))
        left = data.days_left or 0
        if left > 0:
            when = self.tr("还有 {n} 天").format(n=left)
        elif left == 0:
            when = self.tr("今天到期")
        else:
            when = self.tr("已过期 {n} 天").format(n=-left)
        notes = []
        if d.provisional:
            notes.append(self.tr("按暂定节假日计算"))
        if d.estimated:
            notes.append(self.tr("按估计日期计算"))
        note = self.tr("（{notes}）").format(notes=self.tr("，").join(notes)) if notes else ""
        bg, fg = STATUS_COLOURS.get(d.status, ("#eeeeee", "#24292f"))
        text = self.tr("最近的期限：{label}　{due}").format(label=escape(d.label), due=d.due.isoformat())
        return (
            f"{text}{escape(note)}　<span style='background:{bg}; color:{fg}; font-weight:bold'>"
            f"&nbsp;{escape(when)}&nbsp;</span>"
        )

    def _have_card(self, data: HomeData) -> QFrame:
        card, lay = self._card(self.tr("已有"))
        c = data.counts
        parts = [
            self.tr("{label} {n}").format(label=category_label(code), n=c.by_category.get(code, 0))
            for code in CATEGORIES
            if c.by_category.get(code, 0)
        ]
        text = self.tr("证据 {n} 件").format(n=c.exhibits)
        if parts:
            text += self.tr("：") + self.tr("、").join(parts)
        self.counts_label = _label(text)
        lay.addWidget(self.counts_label)
        self.sources_label = _label(
            self.tr("账单 {bills} 份　·　聊天记录 {chats} 段").format(bills=c.bills, chats=c.chats)
        )
        lay.addWidget(self.sources_label)
        from kami_desktop.core.bills.money import yuan  # loaded with the case, already imported by then

        m = data.money
        if m.claim is not None and m.items:
            claim = self.tr("主张金额：{amount}（{n} 个主张项）").format(amount=yuan(m.claim), n=len(m.items))
        elif m.claim is not None:
            claim = self.tr("主张金额：{amount}（手工填写）").format(amount=yuan(m.claim))
        else:
            claim = self.tr("主张金额：还没有填写主张项")
        self.claim_label = _label(claim, css="font-weight: bold;")
        lay.addWidget(self.claim_label)
        if m.has_bills:
            lay.addWidget(_label(m.context, css="color: #57606a;"))
        if m.items or m.claimed_amount is not None:  # else the one warning is the 主张项 row below
            for warning in m.warnings:
                lay.addWidget(_label("⚠ " + warning, css=WARNING_CSS))
        return card

    def _missing_card(self, data: HomeData) -> QFrame:
        rows: list[tuple[str, str, str, str, str, tuple[str, ...], tuple[str, ...]]] = []
        if not data.discovered:
            rows.append(
                (
                    "case",
                    "missing",
                    self.tr("发现扣款的日期"),
                    self.tr("还没有填写发现扣款的日期。"),
                    self.tr("填写后才能计算诉讼时效和12315投诉期限。"),
                    (EDIT_CASE,),
                    (),
                )
            )
        for item in data.readiness.items:
            if item.status != "present":
                codes, guides = item_actions(item.key, item.status)
                rows.append((item.key, item.status, item.label, item.detail, item.todo, codes, guides))
        if not data.money.items:
            rows.append(
                (
                    "claims",
                    "missing",
                    self.tr("主张项"),
                    self.tr("还没有填写要求退还的款项。"),
                    self.tr("逐笔填写要求平台退还的金额、日期和对应的证据；文书和证据册按它书写。"),
                    (ADD_CLAIM,),
                    (),
                )
            )
        missing = sum(1 for r in rows if r[1] == "missing")
        heading = (
            self.tr("还缺：{missing} 项缺少，{weak} 项较弱").format(missing=missing, weak=len(rows) - missing)
            if rows
            else self.tr("还缺：证据已基本齐全")
        )
        card, lay = self._card(heading)
        self.missing_keys = [r[0] for r in rows]
        if data.suggestible:  # screenshots already read: sorting them may fill some rows below
            lay.addWidget(
                _label(
                    self.tr(
                        "已识别出文字的截图中，有 {n} 项证据可以按识别结果填写类别、名称和证明目的"
                        "（您确认后才会保存），整理后下面的清单会随之更新。"
                    ).format(n=data.suggestible),
                    css="color: #0d47a1;",
                )
            )
            lay.addLayout(self._button_row("suggest", (ORGANISE,)))
        for key, status, label, detail, todo, codes, guides in rows:
            lay.addWidget(self._missing_row(key, status, label, detail, todo, codes, guides))
        done = [i.label for i in data.readiness.items if i.status == "present"]
        if done:
            lay.addWidget(
                _label(
                    self.tr("已具备：{items}").format(items=self.tr("、").join(done)), css="color: #1b5e20;"
                )
            )
        return card

    def _missing_row(self, key, status, label, detail, todo, codes, guides) -> QWidget:
        bg, fg = STATUS_COLOURS[status]
        box = QFrame()
        box.setProperty("item", key)
        box.setProperty("status", status)
        self.item_rows[key] = box
        box.setStyleSheet(f"QFrame {{ background: {bg}; border-left: 4px solid {fg}; border-radius: 3px; }}")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(4)
        status_text = self.tr("缺少") if status == "missing" else self.tr("较弱")
        named = self.tr("{label}（{status}）").format(label=escape(label), status=status_text)
        head = f"<span style='color:{fg}; font-weight:bold'>{MARKS[status]} {named}</span>"
        body = escape(detail)
        if todo:
            body += "<br><b>" + escape(self.tr("怎么做：")) + "</b>" + escape(todo)
        lay.addWidget(_label(f"{head}<br>{body}", rich=True, css="background: transparent; border: none;"))
        lay.addLayout(self._button_row(key, codes, guides))
        return box

    # ------------------------------------------------------------------ for tests and the actions
    def button(self, section: str, code: str) -> QPushButton | None:
        for b in self.buttons.get(section, []):
            if b.property("action") == code:
                return b
        return None
