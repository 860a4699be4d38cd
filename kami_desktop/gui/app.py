"""Entry point of ``kami-desktop``: options, Qt setup (high DPI, fonts, language), one instance per
profile, crash logging, then the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str] | None):
    parser = argparse.ArgumentParser(prog="kami-desktop")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="资料目录（默认为系统的本地应用数据目录）"
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="安装包自检：用临时资料目录启动、导入、生成证据册、校验后退出（见 kami_desktop/smoke.py）",
    )
    return parser.parse_known_args(argv)


def create_application(qt_args: list[str]):
    """The QApplication with high-DPI policy, identity, the light colour scheme and a CJK font fallback."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        QCoreApplication.setOrganizationName("kami_desktop")
        QCoreApplication.setApplicationName("kami-desktop")
        app = QApplication([sys.argv[0], *qt_args])
        from kami_desktop.gui.theme import use_light_scheme

        use_light_scheme(app)  # the app's fixed colours are made for it (Windows dark mode too)
    from kami_desktop.gui.fonts import ensure_cjk_font

    ensure_cjk_font()
    return app


STARTUP_GC_THRESHOLD = 100_000  # as the ``kami`` command's start-up (kami_desktop/cli.py)


def main(argv: list[str] | None = None) -> int:
    """Start in two phases: the main window paints first, built from Qt alone; the data layer, the
    profile and the tabs load on the next turn of the event loop (``MainWindow.attach``)."""
    if "--smoke-test" in (sys.argv[1:] if argv is None else argv):
        from kami_desktop.smoke import main as smoke_main

        return smoke_main(argv)
    import gc

    real_process = argv is None  # the installed entry point; tests pass their arguments
    if real_process:  # start-up makes objects that live to the end: no collections while it does
        gc.set_threshold(STARTUP_GC_THRESHOLD, *gc.get_threshold()[1:])
    args, qt_args = parse_args(argv)
    from PySide6.QtCore import QSettings, QTimer

    from kami_desktop.gui.i18n import current_language, install_translators

    app = create_application(qt_args)
    settings = QSettings("kami_desktop", "kami-desktop")
    install_translators(app, current_language(settings))
    from PySide6.QtWidgets import QMessageBox

    from kami_desktop.core.util.datadir import default_data_dir
    from kami_desktop.gui.single_instance import SingleInstance

    data_dir = args.data_dir.expanduser() if args.data_dir else default_data_dir()
    guard = SingleInstance(data_dir)
    if not guard.acquire():
        if guard.notify_running():
            return 0  # the running window comes forward
        QMessageBox.information(
            None,
            app.translate("App", "卡盟维权助手"),
            app.translate("App", "这个资料目录已在另一个卡盟维权助手窗口中打开：\n{path}").format(
                path=data_dir
            ),
        )
        return 1
    from kami_desktop.gui.main_window import MainWindow

    window = MainWindow(None, settings)  # phase 1: painted before the database layer is imported
    window.show()
    opened: list = []
    started: list[bool] = []

    def open_profile() -> None:  # phase 2
        if started or not window.isVisible():
            return  # begun already (first paint or the timer), or closed while starting
        started.append(True)
        from kami_desktop.core.profile import Profile
        from kami_desktop.core.store.db import DatabaseError
        from kami_desktop.core.store.lock import set_program
        from kami_desktop.gui import crash_handler

        set_program(app.translate("App", "卡盟维权助手窗口") + " (kami-desktop)")
        try:
            profile = Profile.open(
                data_dir
            )  # the profile's write lock: no CLI command writes beside the window
        except DatabaseError as exc:
            window.hide()
            QMessageBox.critical(None, app.translate("App", "无法打开资料"), str(exc))
            app.exit(2)
            return
        opened.append(profile)
        crash_handler.install(profile.logs_dir)
        window.attach(profile)
        guard.activated.connect(window.bring_to_front)
        window.instance_guard = guard
        if real_process:
            gc.freeze()  # what start-up made is not scanned again
            gc.set_threshold(700, *gc.get_threshold()[1:])

    window.first_painted.connect(open_profile)  # once the window is on the screen
    QTimer.singleShot(1000, open_profile)  # (a window the system never exposes, e.g. started minimised)
    try:
        rc = app.exec()
    finally:
        for profile in opened:
            profile.close()
        guard.release()
    return rc


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
