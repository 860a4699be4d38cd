"""The claim item dialog (主张项): kind, reason, amount, refunded part, date, the user's own words, and
the evidence it rests on (read-only here). Prefilled from a draft (a bill row, a chat message, an
exhibit) or from an existing item; the caller saves through ``core.case.claims`` / ``claim_drafts``."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.claim_drafts import ClaimDraft
from kami_desktop.core.case.claims import CLAIM_KINDS, DEDUCTION_REASONS, ClaimView
from kami_desktop.core.profile import Profile
from kami_desktop.core.util.money import money_str

# core.case.claims.CLAIM_KINDS and DEDUCTION_REASONS labels; lupdate collects them through these markers
_KINDS = (
    QT_TRANSLATE_NOOP("ClaimKinds", "未到账的充值"),
    QT_TRANSLATE_NOOP("ClaimKinds", "被扣除的余额"),
    QT_TRANSLATE_NOOP("ClaimKinds", "已付款未交付的订单"),
    QT_TRANSLATE_NOOP("ClaimKinds", "剩余余额"),
    QT_TRANSLATE_NOOP("ClaimKinds", "重复扣款"),
    QT_TRANSLATE_NOOP("ClaimKinds", "其他"),
    QT_TRANSLATE_NOOP("ClaimKinds", "自动续费"),
    QT_TRANSLATE_NOOP("ClaimKinds", "服务费"),
    QT_TRANSLATE_NOOP("ClaimKinds", "余额过期"),
    QT_TRANSLATE_NOOP("ClaimKinds", "不明扣款"),
)


def claim_label(label: str) -> str:
    """A claim kind's or deduction reason's label in the interface language."""
    return QApplication.translate("ClaimKinds", label)


class ClaimDialog(QDialog):
    def __init__(
        self, item: ClaimDraft | ClaimView, parent: QWidget | None = None, evidence: str = ""
    ) -> None:
        super().__init__(parent)
        editing = isinstance(item, ClaimView)
        self.setWindowTitle(self.tr("修改主张项") if editing else self.tr("添加主张项"))
        self.kind = QComboBox()
        for code, label in CLAIM_KINDS.items():
            self.kind.addItem(claim_label(label), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItem("", "")
        for code, label in DEDUCTION_REASONS.items():
            self.reason.addItem(claim_label(label), code)
        known = self.reason.findData(item.reason) if item.reason else 0
        if known >= 0:
            self.reason.setCurrentIndex(known)
        else:
            self.reason.setEditText(item.reason)
        self.reason.setToolTip(self.tr("平台扣除余额的理由；可以选择，也可以自己填写"))
        self.amount = QLineEdit("" if item.amount is None else money_str(item.amount))
        self.amount.setPlaceholderText(self.tr("例如 487.50"))
        self.refunded = QLineEdit(money_str(item.refunded) if item.refunded else "")
        self.refunded.setPlaceholderText(self.tr("没有退款就留空"))
        self.on = QDateEdit(QDate(item.on.year, item.on.month, item.on.day))
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setCalendarPopup(True)
        self.description = QPlainTextEdit(item.description)
        self.description.setPlaceholderText(
            self.tr("用自己的话写清楚：这笔钱是什么时候、怎么付出去或被扣掉的，为什么应当退还")
        )
        self.description.setMinimumHeight(80)
        self.evidence = QLabel(evidence or self.tr("（没有关联证据）"))
        self.evidence.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("扣除原因"), self.reason)
        form.addRow(self.tr("金额（元）"), self.amount)
        form.addRow(self.tr("其中已退回（元）"), self.refunded)
        form.addRow(self.tr("日期"), self.on)
        form.addRow(self.tr("说明"), self.description)
        form.addRow(self.tr("证据"), self.evidence)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.resize(520, 420)

    def _kind_changed(self) -> None:
        self.reason.setEnabled(self.kind.currentData() == "deducted")

    def values(self) -> dict[str, Any]:
        """What the user entered, as ``add_item`` / ``edit_item`` take it (checked by the core)."""
        kind = self.kind.currentData()
        reason = ""
        if kind == "deducted":
            i = self.reason.currentIndex()
            text = self.reason.currentText().strip()
            reason = self.reason.itemData(i) if i > 0 and text == self.reason.itemText(i) else text
        d = self.on.date()
        return {
            "kind": kind,
            "reason": reason,
            "amount": self.amount.text().strip(),
            "refunded": self.refunded.text().strip() or "0",
            "on": date(d.year(), d.month(), d.day()),
            "description": self.description.toPlainText().strip(),
        }

    @classmethod
    def ask(
        cls, parent: QWidget | None, item: ClaimDraft | ClaimView, evidence: str = ""
    ) -> dict[str, Any] | None:
        dlg = cls(item, parent, evidence)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None


def evidence_text(draft: ClaimDraft | ClaimView, numbers: dict[int, int] | None = None) -> str:
    """Where a claim item comes from, in words; exhibits by their binder number (``numbers``: id → 证据 N)."""
    if isinstance(draft, ClaimView):
        return "\n".join(e.label for e in draft.evidence)
    parts = []
    if draft.bill_row_ids:
        ids = "、".join(map(str, draft.bill_row_ids))
        parts.append(QApplication.translate("ClaimDialog", "账单行 {ids}").format(ids=ids))
    if draft.chat_message_ids:
        ids = "、".join(map(str, draft.chat_message_ids))
        parts.append(QApplication.translate("ClaimDialog", "聊天消息 {ids}").format(ids=ids))
    if draft.exhibit_ids:
        known = numbers or {}
        ids = "、".join(str(known[i]) for i in draft.exhibit_ids if i in known) or "?"
        parts.append(QApplication.translate("ClaimDialog", "证据 {ids}").format(ids=ids))
    return "；".join(parts)


def claim_from(widget: Any, profile: Profile, make_draft, *args: Any) -> int | None:
    """One step: draft from the evidence, the user confirms or corrects it (``widget.ask_claim``), the item is
    recorded. Returns the new item's id (None when cancelled or refused; the reason is shown)."""
    from kami_desktop.core.case.claim_drafts import add_from_draft
    from kami_desktop.core.case.facts import exhibit_numbers
    from kami_desktop.gui import messages

    try:
        with profile.session() as s:
            draft = make_draft(s, *args)
            numbers = {i: n for i, (n, _title) in exhibit_numbers(s, draft.case_id).items()}
    except Exception as exc:
        messages.show_error(widget, exc)
        return None
    values = widget.ask_claim(draft, evidence_text(draft, numbers))
    if values is None:
        return None
    try:
        with profile.session() as s:
            return add_from_draft(s, draft, **values).id
    except Exception as exc:
        messages.show_error(widget, exc)
        return None
