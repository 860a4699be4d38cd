"""Compile the Qt Linguist sources ``resources/i18n/*.ts`` into ``kami_desktop/resources/i18n/*.qm``.

Run by ``make i18n``: ``python -m kami_desktop.gui.i18n_build [--out DIR]``. Uses ``pyside6-lrelease``
(installed with PySide6). Each feature keeps its own source, ``<feature>_en.ts``, listed in ``SOURCES``
with the modules of ``kami_desktop/gui`` it covers (every module belongs to exactly one). To refresh the
sources after changing UI strings (new strings come in unfinished, obsolete ones are dropped)::

    python -m kami_desktop.gui.i18n_build --update

which runs ``pyside6-lupdate <the feature's modules> -ts resources/i18n/<feature>_en.ts -no-obsolete``.
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
    "app",
    "bulk_edit",
    "case_dialog",
    "case_events",
    "case_sidebar",
    "case_tabs",
    "crash_handler",
    "datetime_field",
    "drop_overlay",
    "edit_menu",
    "evidence_grid",
    "evidence_model",
    "evidence_ops",
    "evidence_table",
    "evidence_view",
    "exhibit_detail",
    "exhibit_viewer",
    "file_facts",
    "file_preview",
    "fonts",
    "formatting",
    "i18n",
    "i18n_build",
    "image_viewer",
    "import_controller",
    "import_dispatch",
    "import_progress",
    "import_summary_dialog",
    "remembered",
    "main_imports",
    "main_window",
    "messages",
    "settings_dialog",
    "single_instance",
    "splash",
    "system_open",
    "theme",
    "thumbnails",
    "tile_delegate",
    "trash_dialog",
    "undo",
    "verify_dialog",
    "video_frames",
    "workers",
)
# feature -> the modules of kami_desktop/gui whose strings its resources/i18n/<feature>_<lang>.ts holds
SOURCES: dict[str, tuple[str, ...]] = {
    "kami_desktop": OWN_SOURCES,
    "bills": ("bills_view", "bill_table_model"),
    "claims": ("claims_view", "claim_dialog", "counterparty_dialog"),
    "chat": (
        "chat_view",
        "chat_import",
        "chat_search",
        "chat_bubble_delegate",
        "chat_message_model",
        "chat_senders_dialog",
        "chat_voice",
    ),
    "ladder": (
        "ladder_view",
        "ladder_style",
        "ladder_steps_panel",
        "step_dialog",
        "deadlines_panel",
        "readiness_panel",
        "timeline_panel",
        "fact_dialog",
        "fact_suggestions_panel",
        "parties_panel",
        "party_dialog",
        "party_evidence_dialog",
    ),
    "documents": ("documents_dialog",),
    "dossier": ("dossier_dialog", "dossier_cover_form", "binder_preview", "binder_printer"),
    "backup": ("backup_dialog",),
    "redact": ("redact_dialog", "redact_canvas", "redact_export"),
    "guide": (
        "case_home",
        "case_home_data",
        "case_home_actions",
        "empty_state",
        "first_run",
        "help_dialog",
        "help_drawings",
        "help_guides",
        "help_guides_bills",
        "help_guide_model",
    ),
    "triage": ("suggestion_panel", "suggestion_dialog", "suggestion_undo", "triage_links"),
    "ocr": ("ocr_runner", "ocr_text_view"),
    "search": ("content_search",),
}
LANGUAGES = ("en",)
GUI_DIR = Path(__file__).resolve().parent


def _tool(name: str) -> str:
    here = Path(sys.executable).parent
    for exe in (f"pyside6-{name}", f"pyside6-{name}.exe"):
        candidate = here / exe
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6")
    return found


def lrelease() -> str:
    return _tool("lrelease")


def lupdate() -> str:
    return _tool("lupdate")


def update(ts_dir: Path = TS_DIR, languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Refresh every feature's .ts from its modules: keep translations, add new strings, drop obsolete ones."""
    ts_dir.mkdir(parents=True, exist_ok=True)
    tool = lupdate()
    written = []
    for feature, modules in SOURCES.items():
        files = [str(GUI_DIR / f"{m}.py") for m in modules if (GUI_DIR / f"{m}.py").exists()]
        for lang in languages:
            ts = ts_dir / f"{feature}_{lang}.ts"
            subprocess.run(
                [
                    tool,
                    "-silent",
                    *files,
                    "-ts",
                    str(ts),
                    "-source-language",
                    "zh_CN",
                    "-target-language",
                    lang,
                    "-no-obsolete",
                ],
                check=True,
            )
            written.append(ts)
    return written


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
    parser.add_argument("--update", action="store_true", help="refresh the .ts sources from the code first")
    args = parser.parse_args(argv)
    if args.update:
        for ts in update(args.ts_dir):
            print(ts)
    for qm in build(args.ts_dir, args.out):
        print(qm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
