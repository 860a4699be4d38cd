"""Entry point of ``kami-desktop``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    if "--smoke-test" in (sys.argv[1:] if argv is None else argv):
        from ..smoke import main as smoke_main

        return smoke_main(argv)
    parser = argparse.ArgumentParser(prog="kami-desktop")
    parser.add_argument("--data-dir", type=Path, default=None)
    args, qt_args = parser.parse_known_args(argv)

    from PySide6.QtWidgets import QApplication, QMainWindow

    from ..core.profile import Profile

    app = QApplication([sys.argv[0], *qt_args])
    profile = Profile.open(args.data_dir)
    win = QMainWindow()
    win.setWindowTitle("卡盟维权助手")
    win.resize(1200, 800)
    win.show()
    rc = app.exec()
    profile.close()
    return rc


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
