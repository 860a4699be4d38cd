"""Compile the Qt Linguist sources ``resources/i18n/*.ts`` into ``kami_desktop/resources/i18n/*.qm``.

Run by ``make i18n``: ``python -m kami_desktop.gui.i18n_build [--out DIR]``. Uses ``pyside6-lrelease``
(installed with PySide6). To refresh the sources after changing UI strings::

    pyside6-lupdate <the module files you own> -ts resources/i18n/<yours>_en.ts -no-obsolete

(the evidence workspace's own list is ``OWN_SOURCES`` below; features keep their own ``.ts``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "i18n"
QM_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
OWN_SOURCES = (
    "app", "case_dialog", "case_sidebar", "case_tabs", "crash_handler", "drop_overlay", "evidence_grid",
    "evidence_model", "evidence_table", "evidence_view", "exhibit_detail", "file_preview", "fonts", "formatting",
    "i18n", "image_viewer", "import_controller", "import_progress", "import_summary_dialog", "main_window",
    "messages", "settings_dialog", "single_instance", "thumbnails", "tile_delegate", "trash_dialog",
    "verify_dialog", "workers",
)


def lrelease() -> str:
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        candidate = here / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found; install PySide6")
    return found


def build(ts_dir: Path = TS_DIR, out_dir: Path = QM_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    tool = lrelease()
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kami_desktop.gui.i18n_build")
    parser.add_argument("--ts-dir", type=Path, default=TS_DIR)
    parser.add_argument("--out", type=Path, default=QM_DIR)
    args = parser.parse_args(argv)
    for qm in build(args.ts_dir, args.out):
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
