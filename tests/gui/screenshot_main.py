"""Render the main window offscreen with a realistic case: python -m tests.gui.screenshot_main OUT.png"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: str = "docs/screenshot-main.png") -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kami_desktop.core.profile import Profile
    from kami_desktop.gui.app import create_application
    from kami_desktop.gui.main_window import MainWindow
    from tests.gui.realistic import build_case

    app = create_application([])
    with tempfile.TemporaryDirectory() as tmp:
        profile = Profile.open(Path(tmp) / "profile")
        case_id = build_case(profile, Path(tmp) / "shots")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        win = MainWindow(profile, settings)
        win.resize(1400, 860)
        win.show()
        win.sidebar.refresh(select=case_id)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            app.processEvents()
            view = win.evidence
            if view.model.rowCount() and not any(
                view.thumbs.is_pending(r.first_sha256) for r in view.model.all_rows()
            ):
                break
            time.sleep(0.02)
        view.select_ids([view.model.all_rows()[4].id])
        for _ in range(50):
            app.processEvents()
            time.sleep(0.02)
        img = (
            win.grab()
            .toImage()
            .scaledToWidth(
                1200, mode=__import__("PySide6.QtCore").QtCore.Qt.TransformationMode.SmoothTransformation
            )
        )
        img.save(out, "PNG", 9)
        win.close()
        profile.close()
    QApplication.instance().processEvents()
    print(out, Path(out).stat().st_size)


if __name__ == "__main__":
    main(*sys.argv[1:])
