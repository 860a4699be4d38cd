"""The guides' pictures, drawn by the app with QPainter (nothing copied): a phone with the menu item to
tap highlighted and an arrow, a path of steps, a desktop window, a mail with its zip, a good and a bad
screenshot, the evidence categories. ``render(picture)`` turns a guide step's picture into a QImage."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF

from kami_desktop.core.vocab import CATEGORIES
from kami_desktop.gui.formatting import category_label
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP

WIDTH = 560
INK, MUTED, LINE = QColor("#24292f"), QColor("#57606a"), QColor("#8c959f")
BLUE, BLUE_BG = QColor("#0969da"), QColor("#ddf4ff")
GREEN, RED, ORANGE = QColor("#1a7f37"), QColor("#cf222e"), QColor("#bc4c00")
TAP_HERE = QT_TRANSLATE_NOOP("HelpDrawings", "点这里")
CATEGORY_COLOURS = ("#0969da", "#8250df", "#cf222e", "#1a7f37", "#bc4c00", "#57606a")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDrawings", text)


def _canvas(height: int) -> tuple[QImage, QPainter]:
    img = QImage(WIDTH, height, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(QColor("#ffffff"))
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return img, p


def _font(p: QPainter, px: int, bold: bool = False) -> None:
    f = QFont(p.font())
    f.setPixelSize(px)
    f.setBold(bold)
    p.setFont(f)


def _arrow(p: QPainter, start: QPointF, end: QPointF, colour: QColor = ORANGE) -> None:
    p.setPen(QPen(colour, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(start, end)
    d = end - start
    length = max((d.x() ** 2 + d.y() ** 2) ** 0.5, 1.0)
    ux, uy = d.x() / length, d.y() / length
    head = QPolygonF(
        [
            end,
            QPointF(end.x() - 12 * ux + 6 * uy, end.y() - 12 * uy - 6 * ux),
            QPointF(end.x() - 12 * ux - 6 * uy, end.y() - 12 * uy + 6 * ux),
        ]
    )
    p.setBrush(colour)
    p.drawPolygon(head)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _phone_body(p: QPainter, r: QRectF, time_text: str = "12:30") -> QRectF:
    """A phone outline with its status bar (the time at the left); returns the screen below the bar."""
    p.setPen(QPen(INK, 3))
    p.setBrush(QColor("#fbfbfb"))
    p.drawRoundedRect(r, 18, 18)
    screen = r.adjusted(10, 14, -10, -14)
    p.setPen(QPen(LINE, 1))
    p.drawRect(screen)
    _font(p, 11, True)
    p.setPen(INK)
    p.drawText(QRectF(screen.left() + 6, screen.top(), 60, 18), Qt.AlignmentFlag.AlignVCenter, time_text)
    p.drawRect(QRectF(screen.right() - 26, screen.top() + 5, 18, 9))
    return screen.adjusted(0, 18, 0, 0)


def phone(header: str, rows: tuple[str, ...], highlight: int, pointer: str = "") -> QImage:
    """A phone showing ``rows`` under ``header``; an arrow points at row ``highlight`` saying ``pointer``
    (点这里 when empty)."""
    img, p = _canvas(320)
    body = QRectF(60, 10, 200, 300)
    screen = _phone_body(p, body)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f0f3f6"))
    bar = QRectF(screen.left(), screen.top(), screen.width(), 32)
    p.drawRect(bar)
    _font(p, 14, True)
    p.setPen(INK)
    p.drawText(bar, Qt.AlignmentFlag.AlignCenter, header)
    target = None
    _font(p, 13)
    for i, text in enumerate(rows):
        row = QRectF(screen.left() + 6, bar.bottom() + 8 + i * 40, screen.width() - 12, 34)
        if i == highlight:
            p.setPen(QPen(BLUE, 2))
            p.setBrush(BLUE_BG)
            target = row
        else:
            p.setPen(QPen(QColor("#d0d7de"), 1))
            p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(row, 5, 5)
        p.setPen(INK if i == highlight else MUTED)
        room = row.adjusted(10, 0, -6, 0)
        fitted = p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(room.width()))
        p.drawText(room, Qt.AlignmentFlag.AlignVCenter, fitted)
    if target is not None:
        end = QPointF(target.right() + 6, target.center().y())
        _arrow(p, QPointF(body.right() + 90, end.y()), end)
        _font(p, 15, True)
        p.setPen(ORANGE)
        p.drawText(
            QRectF(body.right() + 98, end.y() - 14, 180, 28), Qt.AlignmentFlag.AlignVCenter, _tr(TAP_HERE)
        )
    p.end()
    return img


def path(*items: str) -> QImage:
    img, p = _canvas(96)
    n = max(len(items), 1)
    gap = 34
    w = (WIDTH - 20 - gap * (n - 1)) / n
    _font(p, 13, True)
    for i, text in enumerate(items):
        r = QRectF(10 + i * (w + gap), 22, w, 50)
        last = i == n - 1
        p.setPen(QPen(BLUE if last else LINE, 2))
        p.setBrush(BLUE_BG if last else QColor("#f6f8fa"))
        p.drawRoundedRect(r, 8, 8)
        p.setPen(INK)
        p.drawText(r.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
        if not last:
            _arrow(
                p, QPointF(r.right() + 5, r.center().y()), QPointF(r.right() + gap - 5, r.center().y()), BLUE
            )
    p.end()
    return img


def desktop(
    title: str, rows: tuple[str, ...], highlight: int, corner: str, menu: tuple[str, ...] = ()
) -> QImage:
    """A desktop window: a list on the left with row ``highlight`` selected, a ``corner`` button circled;
    with ``menu``, the menu that button opens, its first item pointed at (else the selected row)."""
    img, p = _canvas(250)
    win = QRectF(20, 10, 420, 230)
    p.setPen(QPen(INK, 2))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(win, 6, 6)
    bar = QRectF(win.left(), win.top(), win.width(), 30)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#e7ecf0"))
    p.drawRect(bar.adjusted(1, 1, -1, 0))
    _font(p, 13, True)
    p.setPen(INK)
    p.drawText(bar.adjusted(12, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, title)
    for k, colour in enumerate(("#ff5f57", "#febc2e", "#28c840")):
        p.setBrush(QColor(colour))
        p.drawEllipse(QPointF(bar.right() - 16 - 18 * k, bar.center().y()), 5, 5)
    side = QRectF(win.left() + 1, bar.bottom(), 150, win.height() - 31)
    p.setBrush(QColor("#f6f8fa"))
    p.drawRect(side)
    p.setPen(QPen(LINE, 1))
    for k in range(4):  # the conversation pane: a few message lines
        y = bar.bottom() + 40 + 34 * k
        p.drawLine(QPointF(side.right() + 20 + (60 if k % 2 else 0), y), QPointF(win.right() - 20, y))
    _font(p, 13)
    target = None
    for i, text in enumerate(rows):
        row = QRectF(side.left() + 6, side.top() + 8 + i * 36, side.width() - 12, 30)
        if i == highlight:
            p.setPen(QPen(BLUE, 2))
            p.setBrush(BLUE_BG)
            p.drawRoundedRect(row, 4, 4)
            target = row
        p.setPen(INK if i == highlight else MUTED)
        p.drawText(row.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
    if corner:
        button = QRectF(win.right() - 46, bar.bottom() + 8, 32, 26)
        p.setPen(QPen(ORANGE, 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(button.adjusted(-8, -6, 8, 6))
        p.setPen(INK)
        p.drawText(button, Qt.AlignmentFlag.AlignCenter, corner)
    if corner and menu:
        _font(p, 13)
        pop = QRectF(win.right() - 176, bar.bottom() + 40, 150, 8 + 30 * len(menu))
        p.setPen(QPen(LINE, 1))
        p.setBrush(QColor("#ffffff"))
        p.drawRect(pop)
        for i, text in enumerate(menu):
            row = QRectF(pop.left() + 4, pop.top() + 4 + 30 * i, pop.width() - 8, 28)
            if i == 0:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(BLUE_BG)
                p.drawRect(row)
                target = row
            p.setPen(INK if i == 0 else MUTED)
            p.drawText(row.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, text)
    if target is not None:
        end = QPointF(target.right() + 4, target.center().y())
        _arrow(p, QPointF(win.right() + 50, target.center().y() + 60), end)
        _font(p, 15, True)
        p.setPen(ORANGE)
        p.drawText(
            QRectF(win.right() - 10, target.center().y() + 64, 130, 26),
            Qt.AlignmentFlag.AlignCenter,
            _tr(TAP_HERE),
        )
    p.end()
    return img


def mail(file_name: str, password: str) -> QImage:
    img, p = _canvas(170)
    env = QRectF(30, 30, 150, 100)
    p.setPen(QPen(INK, 2))
    p.setBrush(QColor("#fff8e1"))
    p.drawRect(env)
    p.drawPolyline(QPolygonF([env.topLeft(), QPointF(env.center().x(), env.top() + 55), env.topRight()]))
    _arrow(p, QPointF(env.right() + 14, env.center().y()), QPointF(env.right() + 80, env.center().y()), BLUE)
    z = QRectF(env.right() + 96, 20, 96, 120)
    fold = QPainterPath()
    fold.moveTo(z.topLeft())
    fold.lineTo(z.right() - 24, z.top())
    fold.lineTo(z.right(), z.top() + 24)
    fold.lineTo(z.bottomRight())
    fold.lineTo(z.bottomLeft())
    fold.closeSubpath()
    p.setBrush(QColor("#f6f8fa"))
    p.drawPath(fold)
    for k in range(6):  # the zipper
        p.fillRect(QRectF(z.center().x() - 5 + (5 if k % 2 else 0), z.top() + 6 + 10 * k, 5, 8), INK)
    lock = QRectF(z.center().x() - 14, z.bottom() - 42, 28, 22)  # the password
    p.setBrush(ORANGE)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(lock, 3, 3)
    p.setPen(QPen(ORANGE, 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(lock.left() + 5, lock.top() - 14, 18, 24), 0, 180 * 16)
    _font(p, 13, True)
    p.setPen(INK)
    p.drawText(
        QRectF(z.right() + 14, z.top() + 20, WIDTH - z.right() - 20, 40), Qt.TextFlag.TextWordWrap, file_name
    )
    p.setPen(ORANGE)
    p.drawText(
        QRectF(z.right() + 14, z.top() + 66, WIDTH - z.right() - 20, 50), Qt.TextFlag.TextWordWrap, password
    )
    p.end()
    return img


def good_bad(good: str, bad: str) -> QImage:
    img, p = _canvas(300)
    left = _phone_body(p, QRectF(50, 10, 150, 250))
    p.setPen(QPen(GREEN, 3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QRectF(left.left() - 4, left.top() - 24, 54, 28))  # the time, visible
    p.setPen(QPen(QColor("#d0d7de"), 8))
    for k in range(5):
        p.drawLine(
            QPointF(left.left() + 12, left.top() + 24 + 30 * k),
            QPointF(left.right() - 30, left.top() + 24 + 30 * k),
        )
    cut = QRectF(330, 70, 150, 120)  # a cropped copy: no status bar, a scribble over it
    p.setPen(QPen(INK, 2, Qt.PenStyle.DashLine))
    p.setBrush(QColor("#fbfbfb"))
    p.drawRect(cut)
    p.setPen(QPen(QColor("#d0d7de"), 8))
    for k in range(3):
        p.drawLine(
            QPointF(cut.left() + 12, cut.top() + 24 + 30 * k),
            QPointF(cut.right() - 30, cut.top() + 24 + 30 * k),
        )
    p.setPen(QPen(RED, 4))
    scribble = QPainterPath(QPointF(cut.left() + 20, cut.top() + 60))
    for k in range(6):
        scribble.lineTo(cut.left() + 30 + 16 * k, cut.top() + (40 if k % 2 else 80))
    p.drawPath(scribble)
    _font(p, 34, True)
    p.setPen(GREEN)
    p.drawText(QRectF(210, 100, 60, 50), Qt.AlignmentFlag.AlignCenter, "✓")
    p.setPen(RED)
    p.drawText(QRectF(490, 100, 60, 50), Qt.AlignmentFlag.AlignCenter, "✗")
    _font(p, 14, True)
    p.setPen(GREEN)
    p.drawText(QRectF(10, 268, 260, 26), Qt.AlignmentFlag.AlignCenter, good)
    p.setPen(RED)
    p.drawText(QRectF(290, 268, 260, 26), Qt.AlignmentFlag.AlignCenter, bad)
    p.end()
    return img


def categories() -> QImage:
    img, p = _canvas(170)
    w, h = (WIDTH - 40) / 3, 70
    for i, code in enumerate(CATEGORIES):
        r = QRectF(10 + (i % 3) * (w + 10), 10 + (i // 3) * (h + 10), w, h)
        colour = QColor(CATEGORY_COLOURS[i % len(CATEGORY_COLOURS)])
        p.setPen(QPen(colour, 2))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(r, 8, 8)
        p.fillRect(QRectF(r.left() + 1, r.top() + 1, 10, r.height() - 2), colour)
        _font(p, 16, True)
        p.setPen(colour)
        p.drawText(r.adjusted(18, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter, category_label(code))
    p.end()
    return img


DRAWINGS: dict[str, Callable[..., QImage]] = {
    "phone": phone,
    "path": path,
    "desktop": desktop,
    "mail": mail,
    "good_bad": good_bad,
    "categories": categories,
}


def _translated(value):
    if isinstance(value, str):
        return QCoreApplication.translate("HelpGuides", value) if value else value
    if isinstance(value, tuple):
        return tuple(_translated(v) for v in value)
    return value


def render(picture: tuple[str, tuple]) -> QImage:
    name, args = picture
    return DRAWINGS[name](*_translated(args))
