"""Real empty states: an empty evidence grid, bills table or chat list shows a drop zone saying what to drop
there, with the button that imports it and a link to its guide.

The zone lies over the empty view (a child of the view, kept over its viewport) and hides as soon as the
view has something to show. A drop on it goes the one way in: the window's ``import_paths`` and the
dispatcher, which sorts bills, chats and other files by content like any other drop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.gui.case_home_data import (
    ACTION_LABELS,
    GUIDE,
    GUIDE_LINKS,
    IMPORT_BILL,
    IMPORT_CHAT,
    IMPORT_SCREENS,
)
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP

ZONE_TEXT = {
    IMPORT_SCREENS: QT_TRANSLATE_NOOP(
        "EmptyState", "把截图拖到这里：手机截图、网页截图、照片或 PDF 都可以，也可以按 Ctrl+V 粘贴截图"
    ),
    IMPORT_BILL: QT_TRANSLATE_NOOP(
        "EmptyState", "把支付宝或微信支付的账单拖到这里：邮件里的压缩包，或其中的 CSV / XLSX 文件"
    ),
    IMPORT_CHAT: QT_TRANSLATE_NOOP(
        "EmptyState", "把聊天记录文件拖到这里：QQ 导出的 txt，或用“留痕”从电脑版微信导出的 CSV / TXT / HTML"
    ),
}
ZONE_GUIDE = {IMPORT_SCREENS: "screenshot", IMPORT_BILL: "bill", IMPORT_CHAT: "chat"}


class TrayIcon(QWidget):
    """A tray with an arrow falling into it, drawn (the drop zone's picture)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFixedSize(96, 80)
        self.active = False

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor("#0969da") if self.active else QColor("#8c959f")
        p.setPen(QPen(colour, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        tray = QPainterPath()
        tray.moveTo(12, 44)
        tray.lineTo(12, 70)
        tray.lineTo(84, 70)
        tray.lineTo(84, 44)
        p.drawPath(tray)
        p.drawLine(QPointF(48, 8), QPointF(48, 52))
        p.drawLine(QPointF(34, 38), QPointF(48, 52))
        p.drawLine(QPointF(62, 38), QPointF(48, 52))
        p.end()


class DropZone(QFrame):
    """One line of what to drop, a button and a guide link; accepts dropped files."""

    def __init__(
        self, code: str, on_drop: Callable[[list[str]], None], on_action: Callable[[str], None], parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.code = code
        self.on_drop = on_drop
        self.setAcceptDrops(True)
        self.setAutoFillBackground(True)
        self.icon = TrayIcon()
        self.text = QLabel(QCoreApplication.translate("EmptyState", ZONE_TEXT[code]))
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("font-size: 14px; color: #24292f; background: transparent; border: none;")
        label = QCoreApplication.translate("CaseHome", ACTION_LABELS[code]) + "…"
        self.button = QPushButton(label)
        self.button.clicked.connect(lambda: on_action(code))
        key, link = GUIDE_LINKS[ZONE_GUIDE[code]]
        self.guide = QPushButton(QCoreApplication.translate("CaseHome", link))
        self.guide.setFlat(True)
        self.guide.setCursor(Qt.CursorShape.PointingHandCursor)
        self.guide.setStyleSheet("QPushButton { color: #0969da; text-decoration: underline; border: none; }")
        self.guide.clicked.connect(lambda: on_action(GUIDE + key))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        buttons.addWidget(self.guide)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.text)
        lay.addLayout(buttons)
        lay.addStretch(1)
        self._style(False)

    def _style(self, active: bool) -> None:
        self.icon.active = active
        self.icon.update()
        border = "#0969da" if active else "#afb8c1"
        bg = "#ddf4ff" if active else "#f6f8fa"
        self.setStyleSheet(
            f"QFrame#dropZone {{ background: {bg}; border: 2px dashed {border}; border-radius: 10px; }}"
        )

    @staticmethod
    def _paths(event) -> list[str]:
        md = event.mimeData()
        if md is None or not md.hasUrls():
            return []
        return [u.toLocalFile() for u in md.urls() if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._paths(event):
            event.acceptProposedAction()
            self._style(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._paths(event):
            event.acceptProposedAction()

    def dragLeaveEvent(self, _event) -> None:  # noqa: N802 - Qt API
        self._style(False)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._style(False)
        paths = self._paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.on_drop(paths)


class EmptyState(QObject):
    """Keeps a drop zone over a view's viewport while ``is_empty()`` holds."""

    def __init__(self, view: QAbstractScrollArea, zone: DropZone, is_empty: Callable[[], bool]) -> None:
        super().__init__(view)
        self.view, self.zone, self.is_empty = view, zone, is_empty
        zone.setParent(view)
        zone.hide()
        view.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def _place(self) -> None:
        margin = 12
        r = self.view.viewport().geometry()
        self.zone.setGeometry(r.adjusted(margin, margin, -margin, -margin))

    def refresh(self) -> None:
        empty = bool(self.is_empty())
        if empty:
            self._place()
            self.zone.raise_()
        self.zone.setVisible(empty)


def _refresh(states: dict[str, EmptyState], keys: tuple[str, ...]) -> None:
    for key in keys:
        states[key].refresh()


def install_empty_states(
    workspace, on_drop: Callable[[list[str]], None], on_action: Callable[[str], None]
) -> dict[str, EmptyState]:
    """Drop zones on the evidence grid and table, the bills table and the chat list of ``workspace``."""
    ev, bills, chats = workspace.evidence, workspace.bills, workspace.chats
    states: dict[str, EmptyState] = {}

    def no_exhibits() -> bool:
        return ev.case_id is not None and ev.model.exhibit_count() == 0

    for name, view in (("grid", ev.grid), ("table", ev.table)):
        states[name] = EmptyState(view, DropZone(IMPORT_SCREENS, on_drop, on_action), no_exhibits)
    states["bills"] = EmptyState(
        bills.table,
        DropZone(IMPORT_BILL, on_drop, on_action),
        lambda: bills.case_id is not None and bills.data is not None and not bills.data.rows,
    )
    states["chats"] = EmptyState(
        chats.list,
        DropZone(IMPORT_CHAT, on_drop, on_action),
        lambda: chats.case_id is not None and not chats.chats and chats.worker is None,
    )
    for signal, keys in (
        (ev.loaded, ("grid", "table")),
        (bills.loaded, ("bills",)),
        (chats.loaded, ("chats",)),
    ):
        signal.connect(lambda keys=keys: _refresh(states, keys))
    _refresh(states, tuple(states))
    workspace.empty_states = states
    return states


__all__ = ["DropZone", "EmptyState", "TrayIcon", "install_empty_states"]
