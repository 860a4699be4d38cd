"""识别建议: the box in the exhibit detail panel that shows what the screenshot's OCR text suggests — a
category, a title, a 证明目的, the time shown on screen — each with 采用, and 全部采用; the bill rows the
screenshot matches (在账单中查看); and the claim item offer of a 未到账 screenshot and its payment.

Nothing is applied by itself. 采用 saves through the detail panel's ``commit_edit`` (on the evidence tab:
an edit command on its undo stack, so Ctrl+Z takes it back), exactly like a field the user typed. 忽略 (and
全部忽略) stops a suggestion the user finds wrong from being offered while the screenshot's text stays the
same; it is saved through ``commit_dismiss`` (on the evidence tab: a ``DismissCommand``, undone by Ctrl+Z), and
恢复 offers the dismissed ones again. The suggestions are computed off the GUI thread each time an exhibit is
shown (``core.triage``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.profile import Profile
from kami_desktop.core.triage.bill_match import ExhibitTriage, exhibit_triage, offer_draft
from kami_desktop.core.util.money import money_str
from kami_desktop.gui.claim_dialog import ClaimDialog, Numbers, claim_from
from kami_desktop.gui.formatting import category_label, local_time
from kami_desktop.gui.messages import EXPECTED, show_error
from kami_desktop.gui.suggestion_undo import Chosen, apply_dismissal
from kami_desktop.gui.workers import guarded, start_task

# how a dismissal is saved: ({exhibit id: fields}, back) -> None; the evidence tab puts it on its undo stack
DismissCommit = Callable[[Chosen, bool], Any]


def load_triage(profile: Profile, exhibit_id: int) -> ExhibitTriage:
    with profile.session() as s:
        return exhibit_triage(s, exhibit_id)


class SuggestionPanel(QGroupBox):
    """Lives in an ``ExhibitDetailPanel`` (``detail``) and saves through it."""

    open_bill_row = Signal(int, int)  # bill id, row number in the bill: show it on the 账单 tab
    claims_changed = Signal(int)  # case id: a claim item was added from the offer
    loaded = Signal(int)  # exhibit id whose suggestions are shown

    def __init__(self, profile: Profile, detail: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("识别建议"))
        self.setObjectName("suggestion_panel")
        self.profile = profile
        self.detail = detail
        self.exhibit_id: int | None = None
        self.triage: ExhibitTriage | None = None
        self._generation = 0
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)  # the suggested text takes the width
        self.accept_all_button = QPushButton(self.tr("全部采用"))
        self.accept_all_button.setToolTip(self.tr("保存以上全部建议；可以用 Ctrl+Z 撤销"))
        self.accept_all_button.clicked.connect(lambda: self.accept())
        self.dismiss_all_button = QPushButton(self.tr("全部忽略"))
        self.dismiss_all_button.setToolTip(
            self.tr("以上建议都不对：不再提出（截图的识别文字改变后会重新建议）；可以用 Ctrl+Z 撤销")
        )
        self.dismiss_all_button.clicked.connect(lambda: self.dismiss())
        self.dismissed_label = QLabel()
        self.dismissed_label.setStyleSheet("color: #546e7a")
        self.restore_button = QPushButton(self.tr("恢复"))
        self.restore_button.setToolTip(self.tr("重新显示被忽略的建议"))
        self.restore_button.clicked.connect(self.restore)
        self.commit_dismiss: DismissCommit = self._dismiss_directly
        self.hint = QLabel(self.tr("根据截图中识别出的文字提出，采用后才会保存。"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #546e7a")
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.dismiss_all_button)
        bottom.addWidget(self.accept_all_button)
        dismissed = QHBoxLayout()
        dismissed.addWidget(self.dismissed_label, 1)
        dismissed.addWidget(self.restore_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.body)
        lay.addLayout(bottom)
        lay.addLayout(dismissed)
        self.buttons: dict[str, QPushButton] = {}
        self.dismiss_buttons: dict[str, QPushButton] = {}
        self.bill_buttons: list[QPushButton] = []
        self.claim_button: QPushButton | None = None
        self.hide()

    # ------------------------------------------------------------------ loading
    def set_exhibit(self, exhibit_id: int | None) -> None:
        self._generation += 1
        gen = self._generation
        self.exhibit_id = exhibit_id
        if exhibit_id is None:
            self._show(None)
            return
        start_task(
            load_triage,
            self.profile,
            exhibit_id,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda t: self._loaded(gen, t)),
            on_error=guarded(self, lambda _f: self._loaded(gen, None)),
        )

    def _loaded(self, gen: int, triage: ExhibitTriage | None) -> None:
        if gen != self._generation:
            return
        self._show(triage)
        if self.exhibit_id is not None:
            self.loaded.emit(self.exhibit_id)

    def field_label(self, name: str) -> str:
        return {
            "category": self.tr("证据类别"),
            "title": self.tr("名称"),
            "purpose": self.tr("证明目的"),
            "captured_at": self.tr("画面时间"),
        }.get(name, name)

    def _clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        self.buttons = {}
        self.dismiss_buttons = {}
        self.bill_buttons = []
        self.claim_button = None

    def _show(self, triage: ExhibitTriage | None) -> None:
        self._clear()
        self.triage = triage
        if triage is None or triage.empty:
            self.hide()
            return
        row = 0
        for f in triage.suggestions.fields:
            shown = category_label(f.value) if f.field == "category" else f.shown
            name = QLabel(self.field_label(f.field))
            value = QLabel(shown)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setToolTip(
                f.reason + (self.tr("\n现在：{current}").format(current=f.current) if f.current else "")
            )
            button = QPushButton(self.tr("采用"))
            button.setObjectName(f"accept_{f.field}")
            button.clicked.connect(lambda _=False, n=f.field: self.accept([n]))
            self.buttons[f.field] = button
            drop = QPushButton(self.tr("忽略"))
            drop.setObjectName(f"dismiss_{f.field}")
            drop.setToolTip(self.tr("这条建议不对：不再提出；可以用 Ctrl+Z 撤销"))
            drop.clicked.connect(lambda _=False, n=f.field: self.dismiss([n]))
            self.dismiss_buttons[f.field] = drop
            self.grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(value, row, 1)
            self.grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(drop, row, 3, Qt.AlignmentFlag.AlignTop)
            row += 1
        for m in triage.matches:
            text = self.tr("对应账单：{where} {time} ¥{amount}（{reason}）").format(
                where=m.row.where,
                time=local_time(m.row.time),
                amount=money_str(m.row.amount),
                reason=m.reason,
            )
            label = QLabel(text)
            label.setWordWrap(True)
            button = QPushButton(self.tr("在账单中查看"))
            button.clicked.connect(lambda _=False, r=m.row: self.open_bill_row.emit(r.bill_id, r.row))
            self.bill_buttons.append(button)
            self.grid.addWidget(label, row, 0, 1, 2)
            self.grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            row += 1
        if triage.offer is not None:
            label = QLabel(triage.offer.question)
            label.setWordWrap(True)
            label.setStyleSheet("color: #3e2723; background: #fff8e1; padding: 4px")
            self.claim_button = QPushButton(self.tr("添加为主张项…"))
            self.claim_button.clicked.connect(self.add_claim)
            self.grid.addWidget(label, row, 0, 1, 2)
            self.grid.addWidget(self.claim_button, row, 2, Qt.AlignmentFlag.AlignTop)
        self.accept_all_button.setVisible(len(triage.suggestions.fields) > 1)
        self.dismiss_all_button.setVisible(len(triage.suggestions.fields) > 1)
        self.hint.setVisible(bool(triage.suggestions.fields))
        gone = triage.suggestions.dismissed
        self.dismissed_label.setText(
            self.tr("已忽略 {n} 项建议：{names}").format(
                n=len(gone), names="、".join(self.field_label(f.field) for f in gone)
            )
        )
        self.dismissed_label.setVisible(bool(gone))
        self.restore_button.setVisible(bool(gone))
        self.show()

    # ------------------------------------------------------------------ the user's choices
    def accept(self, fields: list[str] | None = None) -> bool:
        """Save the chosen suggestions (default: all) as one edit of the exhibit; True when saved."""
        if self.triage is None or self.exhibit_id is None:
            return False
        exhibit_id = self.exhibit_id
        typed = bool(self.detail.changed_fields())
        if not self.detail.commit():  # what the user typed is saved first
            return False
        if typed:  # a field just typed is the user's: it is no longer open to a suggestion
            self._show(load_triage(self.profile, exhibit_id))
        values = self.triage.suggestions.values(fields) if self.triage is not None else {}
        if not values:
            return False
        try:
            self.detail.commit_edit(exhibit_id, values)
        except EXPECTED as exc:
            show_error(self, exc)
            return False
        if self.detail.exhibit_id == exhibit_id:
            self.detail.reload()
        self.detail.edited.emit(exhibit_id)
        return True

    def _dismiss_directly(self, chosen: Chosen, back: bool = False) -> None:
        with self.profile.session() as s:
            apply_dismissal(s, chosen, back)
        self.detail.edited.emit(next(iter(chosen)))

    def dismiss(self, fields: list[str] | None = None) -> bool:
        """忽略 the shown suggestions of ``fields`` (default: all shown); True when saved."""
        if self.triage is None or self.exhibit_id is None:
            return False
        names = [f.field for f in self.triage.suggestions.fields if fields is None or f.field in fields]
        return self._commit({self.exhibit_id: names}, back=False) if names else False

    def restore(self) -> bool:
        """恢复: offer the dismissed suggestions again; True when saved."""
        if self.triage is None or self.exhibit_id is None:
            return False
        names = [f.field for f in self.triage.suggestions.dismissed]
        return self._commit({self.exhibit_id: names}, back=True) if names else False

    def _commit(self, chosen: Chosen, back: bool) -> bool:
        exhibit_id = self.exhibit_id
        if not self.detail.commit():  # what the user typed is saved first
            return False
        try:
            self.commit_dismiss(chosen, back)
        except EXPECTED as exc:
            show_error(self, exc)
            return False
        if exhibit_id is not None and exhibit_id == self.exhibit_id:
            self.set_exhibit(exhibit_id)
        return True

    def ask_claim(
        self, draft, evidence: str = "", exhibits: Numbers | None = None
    ) -> dict | None:  # tests replace
        return ClaimDialog.ask(self, draft, evidence, exhibits)

    def add_claim(self) -> int | None:
        """The offer accepted: the claim dialog, prefilled, for the user to confirm; the item when saved."""
        triage = self.triage
        offer = triage.offer if triage is not None else None
        if triage is None or offer is None:
            return None
        item_id = claim_from(
            self, self.profile, offer_draft, offer.exhibit_id, offer.row.id, self.profile.blob_path
        )
        if item_id is not None:
            self.claims_changed.emit(triage.case_id)
            self.set_exhibit(self.exhibit_id)
        return item_id
