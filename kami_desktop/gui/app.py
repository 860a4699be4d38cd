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


def main(argv: list[str] | None = None) -> int:
    if "--smoke-test" in (sys.argv[1:] if argv is None else argv):
        from kami_desktop.smoke import main as smoke_main

        return smoke_main(argv)
    args, qt_args = parse_args(argv)
    from PySide6.QtCore import QSettings

    from kami_desktop.gui.i18n import current_language, install_translators

    app = create_application(qt_args)
    settings = QSettings("kami_desktop", "kami-desktop")
    install_translators(app, current_language(settings))
    from kami_desktop.gui.splash import show_splash

    splash = show_splash()  # painted before the database layer and the main window are even imported
    from PySide6.QtWidgets import QMessageBox

    from kami_desktop.core.profile import Profile, default_data_dir
    from kami_desktop.core.store.db import DatabaseError
    from kami_desktop.gui import crash_handler
    from kami_desktop.gui.single_instance import SingleInstance

    data_dir = args.data_dir.expanduser() if args.data_dir else default_data_dir()

    guard = SingleInstance(data_dir)
    if not guard.acquire():
        splash.close()
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
    from kami_desktop.core.store.lock import set_program

    set_program(app.translate("App", "卡盟维权助手窗口") + " (kami-desktop)")
    try:
        profile = Profile.open(data_dir)  # the profile's write lock: no CLI command writes beside the window
    except DatabaseError as exc:
        splash.close()
        QMessageBox.critical(None, app.translate("App", "无法打开资料"), str(exc))
        guard.release()
        return 2
    crash_handler.install(profile.logs_dir)

    from kami_desktop.gui.main_window import MainWindow

    window = MainWindow(profile, settings)
    guard.activated.connect(window.bring_to_front)
    window.instance_guard = guard
    window.show()
    splash.finish(window)
    try:
        rc = app.exec()
    finally:
        profile.close()
        guard.release()
    return rc


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
