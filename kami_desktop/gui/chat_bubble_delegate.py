"""Paints a chat message as a bubble: the user's on the right (green), the other side's on the left
(white, with the sender's name), system notices centred; the message number sits outside the bubble
so a span can be named for an excerpt. Search hits get an amber outline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate

from kami_desktop.core.util.timeutil import CHINA_TZ
from kami_desktop.gui.chat_message_model import CurrentHitRole, HitRole, MessageRole, MessageRow
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP

PAD_X, PAD_Y, GAP, MARGIN, SEQ_W = 10, 7, 3, 8, 44
ME_BG, OTHER_BG, SYSTEM_BG = QColor("#95ec69"), QColor("#ffffff"), QColor("#e0e0e0")
HIT, CURRENT_HIT, SELECTED = QColor("#ffb300"), QColor("#e65100"), QColor("#1976d2")
FLAGS = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere)
KIND_LABELS = {  # lupdate collects these through the markers
    "image": QT_TRANSLATE_NOOP("ChatBubble", "图片"),
    "voice": QT_TRANSLATE_NOOP("ChatBubble", "语音"),
    "video": QT_TRANSLATE_NOOP("ChatBubble", "视频"),
    "sticker": QT_TRANSLATE_NOOP("ChatBubble", "表情"),
    "file": QT_TRANSLATE_NOOP("ChatBubble", "文件"),
    "link": QT_TRANSLATE_NOOP("ChatBubble", "链接"),
    "quote": QT_TRANSLATE_NOOP("ChatBubble", "引用"),
    "transfer": QT_TRANSLATE_NOOP("ChatBubble", "转账"),
    "red_packet": QT_TRANSLATE_NOOP("ChatBubble", "红包"),
    "music": QT_TRANSLATE_NOOP("ChatBubble", "音乐"),
    "call": QT_TRANSLATE_NOOP("ChatBubble", "通话"),
    "location": QT_TRANSLATE_NOOP("ChatBubble", "位置"),
    "card": QT_TRANSLATE_NOOP("ChatBubble", "名片"),
    "app": QT_TRANSLATE_NOOP("ChatBubble", "小程序"),
}


def kind_label(kind: str) -> str:
    text = KIND_LABELS.get(kind)
    return QCoreApplication.translate("ChatBubble", text) if text else ""


class ChatBubbleDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _max_text_width(self) -> int:
        return max(120, int((self.view.viewport().width() - 2 * SEQ_W) * 0.68) - 2 * PAD_X)

    def _small(self, font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return small

    def _body(self, m: MessageRow) -> str:
        tag = kind_label(m.kind)
        prefix = QCoreApplication.translate("ChatBubble", "〔{kind}〕").format(kind=tag) if tag else ""
        voice = f"\n{m.voice}" if m.voice else ""  # which exhibit holds the recording (gui/chat_voice)
        return (prefix if not m.text.startswith("[") else "") + (m.text or " ") + voice

    def _text_rect(self, m: MessageRow, font: QFont) -> QRect:
        fm = QFontMetrics(font)
        return fm.boundingRect(QRect(0, 0, self._max_text_width(), 100_000), FLAGS, self._body(m))

    def sizeHint(self, option, index) -> QSize:
        m: MessageRow | None = index.data(MessageRole)
        width = max(200, self.view.viewport().width() - 4)
        if m is None:
            return QSize(width, 20)
        small = QFontMetrics(self._small(option.font))
        if m.kind == "system":
            return QSize(width, small.height() * max(1, len(m.text.splitlines())) + 2 * PAD_Y + 2 * MARGIN)
        text = self._text_rect(m, option.font)
        return QSize(width, small.height() + GAP + text.height() + 2 * PAD_Y + MARGIN)

    def paint(self, painter: QPainter, option, index) -> None:
        m: MessageRow | None = index.data(MessageRole)
        if m is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Highlight).lighter(185))
        small = self._small(option.font)
        sfm = QFontMetrics(small)
        muted = QColor("#8a8a8a")
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(
            QRect(rect.x() + 4, rect.y() + MARGIN // 2, SEQ_W - 8, sfm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            f"#{m.seq}",
        )
        when = m.time.astimezone(CHINA_TZ)
        outline = self._outline(index, selected)
        if m.kind == "system":
            text = f"{when:%Y-%m-%d %H:%M}  {m.text}"
            box = sfm.boundingRect(QRect(0, 0, rect.width() - 2 * SEQ_W, 10_000), FLAGS, text)
            pill = QRect(0, 0, box.width() + 2 * PAD_X, box.height() + 2 * PAD_Y)
            pill.moveCenter(rect.center())
            self._bubble(painter, pill, SYSTEM_BG, outline)
            painter.setPen(QColor("#616161"))
            centred = FLAGS | int(Qt.AlignmentFlag.AlignCenter)
            painter.drawText(pill.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y), centred, text)
            painter.restore()
            return
        text_rect = self._text_rect(m, option.font)
        bubble_w = text_rect.width() + 2 * PAD_X
        top = rect.y() + MARGIN // 2
        head = f"{when:%Y-%m-%d %H:%M:%S}"
        if m.is_me:
            x = rect.right() - SEQ_W - bubble_w
            head_rect = QRect(rect.x() + SEQ_W, top, rect.width() - 2 * SEQ_W, sfm.height())
            painter.drawText(head_rect, int(Qt.AlignmentFlag.AlignRight), f"{head}  {m.sender}")
        else:
            x = rect.x() + SEQ_W
            head_rect = QRect(x, top, rect.width() - 2 * SEQ_W, sfm.height())
            painter.drawText(head_rect, int(Qt.AlignmentFlag.AlignLeft), f"{self._who(m)}  {head}")
        bubble = QRect(x, top + sfm.height() + GAP, bubble_w, text_rect.height() + 2 * PAD_Y)
        self._bubble(painter, bubble, ME_BG if m.is_me else OTHER_BG, outline)
        painter.setFont(option.font)
        painter.setPen(QColor("#1b1b1b"))
        painter.drawText(bubble.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y), FLAGS, self._body(m))
        painter.restore()

    def _who(self, m) -> str:
        """The sender, with 其他用户 / 平台客服 said for a group chat's members."""
        if m.role == "other":
            return self.tr("{name}（其他用户）").format(name=m.sender)
        if m.role == "platform":
            return self.tr("{name}（平台客服）").format(name=m.sender)
        return m.sender

    def _outline(self, index, selected: bool) -> QPen:
        if index.data(CurrentHitRole):
            return QPen(CURRENT_HIT, 2.5)
        if index.data(HitRole):
            return QPen(HIT, 2)
        if selected:
            return QPen(SELECTED, 1.5)
        return QPen(QColor("#d6d6d6"), 1)

    def _bubble(self, painter: QPainter, rect: QRect, fill: QColor, pen: QPen) -> None:
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
