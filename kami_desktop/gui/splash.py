"""The first thing the user sees after a double-click: a small window that paints at once, while the
database layer and the main window load (hundreds of milliseconds, seconds on a slow PC)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QWidget

from kami_desktop.resources import resource_path

WIDTH, HEIGHT = 420, 200


class Splash(QLabel):
    """A frameless picture window (not QSplashScreen: that one waits up to a second for the window
    system to report the window exposed before it paints)."""

    def finish(self, window: QWidget) -> None:
        self.close()
        self.deleteLater()


def make_splash() -> Splash:
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    pix = QPixmap(int(WIDTH * ratio), int(HEIGHT * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(QColor(250, 250, 250))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor(210, 210, 210))
    p.drawRect(0, 0, WIDTH - 1, HEIGHT - 1)
    icon = resource_path("icons", "kami.svg")
    if icon.is_file():
        QSvgRenderer(str(icon)).render(p, QRectF(28, 52, 96, 96))
    title = QFont()
    title.setPointSize(17)
    title.setBold(True)
    p.setFont(title)
    p.setPen(QColor(30, 30, 30))
    p.drawText(
        QRectF(140, 60, WIDTH - 150, 40),
        Qt.AlignmentFlag.AlignVCenter,
        QCoreApplication.translate("Splash", "卡盟维权助手"),
    )
    small = QFont()
    small.setPointSize(10)
    p.setFont(small)
    p.setPen(QColor(90, 90, 90))
    p.drawText(
        QRectF(140, 102, WIDTH - 150, 40),
        Qt.AlignmentFlag.AlignVCenter,
        QCoreApplication.translate("Splash", "正在打开本机证据库…"),
    )
    p.end()
    splash = Splash()
    splash.setPixmap(pix)
    splash.setFixedSize(WIDTH, HEIGHT)
    splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        splash.move(screen.availableGeometry().center() - splash.rect().center())
    splash.setWindowTitle(QCoreApplication.translate("Splash", "卡盟维权助手"))
    return splash


def show_splash() -> Splash:
    splash = make_splash()
    splash.show()
    splash.repaint()
    QCoreApplication.processEvents()
    return splash
