"""The claim item dialog (主张项): kind, reason, amount, refunded part, date, the user's own words, and
the evidence it rests on — named by binder number (证据 N), as the binder prints it — to which
"添加证据…" adds exhibits of the case. Prefilled from a draft (a bill row, a chat message, an exhibit)
or from an existing item; the caller saves through ``core.case.claims`` / ``claim_drafts``.
``link_to_claim`` adds exhibits to an existing item (the evidence tiles' "用作主张项的证据…")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.case.claim_drafts import ClaimDraft
from kami_desktop.core.case.claims import CLAIM_KINDS, DEDUCTION_REASONS, ClaimView, EvidenceRef
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


Numbers = dict[int, tuple[int, str]]  # exhibit id -> (证据 N, title), the case's live exhibits


class ClaimDialog(QDialog):
    def __init__(
        self,
        item: ClaimDraft | ClaimView,
        parent: QWidget | None = None,
        evidence: str = "",
        exhibits: Numbers | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.exhibits = exhibits or {}
        self.added: list[int] = []  # exhibits the user added with 添加证据…
        self.evidence_base = evidence
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
        self.add_evidence_button = QPushButton(self.tr("添加证据…"))
        self.add_evidence_button.setToolTip(self.tr("从本案的证据中选择，作为这一项的证据"))
        self.add_evidence_button.clicked.connect(self.choose_evidence)
        self.add_evidence_button.setVisible(bool(self.exhibits))
        evidence_box = QWidget()
        evidence_lay = QVBoxLayout(evidence_box)
        evidence_lay.setContentsMargins(0, 0, 0, 0)
        evidence_lay.addWidget(self.evidence)
        evidence_lay.addWidget(self.add_evidence_button, 0, Qt.AlignmentFlag.AlignLeft)
        form = QFormLayout()
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.tr("扣除原因"), self.reason)
        form.addRow(self.tr("金额（元）"), self.amount)
        form.addRow(self.tr("其中已退回（元）"), self.refunded)
        form.addRow(self.tr("日期"), self.on)
        form.addRow(self.tr("说明"), self.description)
        form.addRow(self.tr("证据"), evidence_box)
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

    def linked_exhibits(self) -> list[int]:
        """The exhibits the item links directly (before any added here)."""
        if isinstance(self.item, ClaimView):
            return [e.id for e in self.item.evidence if e.kind == "exhibit" and e.id is not None]
        return list(self.item.exhibit_ids)

    def choose_exhibits(self, offered: Numbers) -> list[int]:  # tests replace this
        return ExhibitChooser.ask(self, offered)

    def choose_evidence(self) -> None:
        taken = set(self.linked_exhibits()) | set(self.added)
        offered = {i: v for i, v in self.exhibits.items() if i not in taken}
        chosen = self.choose_exhibits(offered) if offered else []
        if not chosen:
            return
        self.added += chosen
        lines = [self.evidence_base] if self.evidence_base else []
        lines += [
            self.tr("证据 {n}《{title}》（新加）").format(n=self.exhibits[i][0], title=self.exhibits[i][1])
            for i in self.added
        ]
        self.evidence.setText("\n".join(lines))

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
        values: dict[str, Any] = {
            "kind": kind,
            "reason": reason,
            "amount": self.amount.text().strip(),
            "refunded": self.refunded.text().strip() or "0",
            "on": date(d.year(), d.month(), d.day()),
            "description": self.description.toPlainText().strip(),
        }
        if self.added:
            values["exhibit_ids"] = self.linked_exhibits() + self.added
        return values

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        item: ClaimDraft | ClaimView,
        evidence: str = "",
        exhibits: Numbers | None = None,
    ) -> dict[str, Any] | None:
        dlg = cls(item, parent, evidence, exhibits)
        return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None


class ExhibitChooser(QDialog):
    """Tick exhibits of the case (证据 N and title)."""

    def __init__(self, offered: Numbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("选择证据"))
        self.list = QListWidget()
        for exhibit_id, (n, title) in sorted(offered.items(), key=lambda kv: kv[1][0]):
            row = QListWidgetItem(self.tr("证据 {n}《{title}》").format(n=n, title=title))
            row.setData(Qt.ItemDataRole.UserRole, exhibit_id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(row)
        self.list.itemDoubleClicked.connect(
            lambda row: row.setCheckState(
                Qt.CheckState.Unchecked
                if row.checkState() == Qt.CheckState.Checked
                else Qt.CheckState.Checked
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("勾选要作为这一项证据的证据：")))
        lay.addWidget(self.list, 1)
        lay.addWidget(buttons)
        self.resize(420, 460)

    def chosen(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    @classmethod
    def ask(cls, parent: QWidget | None, offered: Numbers) -> list[int]:
        dlg = cls(offered, parent)
        return dlg.chosen() if dlg.exec() == QDialog.DialogCode.Accepted else []


def ref_text(ref: EvidenceRef, numbers: Numbers) -> str:
    """One piece of a claim item's evidence with the binder number of the exhibit that holds it."""
    n = numbers[ref.exhibit_id][0] if ref.exhibit_id in numbers else None
    if n is not None and ref.kind == "exhibit" and ref.label.startswith("证据《"):
        text = QApplication.translate("ClaimDialog", "证据 {n}{label}").format(n=n, label=ref.label[2:])
    elif n is not None:
        text = QApplication.translate("ClaimDialog", "证据 {n}：{label}").format(n=n, label=ref.label)
    else:
        text = ref.label
    if ref.state == "trashed":
        text += QApplication.translate("ClaimDialog", "（在回收站中）")
    elif ref.state == "deleted":
        text += QApplication.translate("ClaimDialog", "（已彻底删除）")
    return text


def evidence_text(refs: Iterable[EvidenceRef], numbers: Numbers | None = None) -> str:
    """Where a claim item comes from, in words, one line each; exhibits by their binder number."""
    return "\n".join(ref_text(r, numbers or {}) for r in refs)


def link_to_claim(widget: Any, profile: Profile, case_id: int, exhibit_ids: list[int]) -> int | None:
    """用作主张项的证据…: pick an existing claim item (``widget.choose_claim_item``) and add the exhibits
    to its evidence. Returns the item's id (None when there is none, or the user cancelled)."""
    from kami_desktop.core.case import claims as C
    from kami_desktop.gui import messages

    with profile.session() as s:
        items = C.list_items(s, case_id)
    if not items:
        messages.info(
            widget,
            QApplication.translate("ClaimDialog", "还没有主张项"),
            QApplication.translate("ClaimDialog", "本案还没有主张项。请用“作为主张项…”从这项证据新建一项。"),
        )
        return None
    item_id = widget.choose_claim_item(items)
    if item_id is None:
        return None
    try:
        with profile.session() as s:
            C.link_exhibits(s, item_id, exhibit_ids)
    except Exception as exc:
        messages.show_error(widget, exc)
        return None
    return item_id


def choose_claim_item(parent: QWidget, items: list[ClaimView]) -> int | None:
    labels = [
        QApplication.translate("ClaimDialog", "主张项 {id}：{kind} ¥{amount}（{on}）").format(
            id=i.id, kind=claim_label(CLAIM_KINDS.get(i.kind, i.kind)), amount=f"{i.claimed:,.2f}", on=i.on
        )
        for i in items
    ]
    label, ok = QInputDialog.getItem(
        parent,
        QApplication.translate("ClaimDialog", "用作主张项的证据"),
        QApplication.translate("ClaimDialog", "把选中的证据加到哪一个主张项？"),
        labels,
        0,
        False,
    )
    return items[labels.index(label)].id if ok and label in labels else None


def claim_from(widget: Any, profile: Profile, make_draft, *args: Any) -> int | None:
    """One step: draft from the evidence, the user confirms or corrects it (``widget.ask_claim``), the item is
    recorded. Exhibits added in the dialog are linked with the new item, in its one ledger entry. Returns the new
    item's id (None when cancelled or refused; the reason is shown)."""
    from kami_desktop.core.case.claim_drafts import add_from_draft
    from kami_desktop.core.case.claims import link_labels
    from kami_desktop.core.case.facts import exhibit_numbers
    from kami_desktop.gui import messages

    try:
        with profile.session() as s:
            draft = make_draft(s, *args)
            numbers = exhibit_numbers(s, draft.case_id)
            refs = link_labels(
                s, draft.case_id, draft.exhibit_ids, draft.bill_row_ids, draft.chat_message_ids
            )
    except Exception as exc:
        messages.show_error(widget, exc)
        return None
    values = widget.ask_claim(draft, evidence_text(refs, numbers), exhibits=numbers)  # 添加证据… offers them
    if values is None:
        return None
    try:
        with profile.session() as s:
            return add_from_draft(s, draft, **values).id
    except Exception as exc:
        messages.show_error(widget, exc)
        return None
