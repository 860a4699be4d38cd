"""What ``kami`` loads to start: the quick commands never pay for the database, PDF or office libraries.

Each command runs in a fresh interpreter, as ``kami`` would, and reports the modules it had loaded when it
finished. (How long that takes is measured by ``bench/cli_startup.py``, not asserted here.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import kami_desktop

REPO = Path(kami_desktop.__file__).resolve().parents[1]

RUN = r"""
import json, sys
from kami_desktop.cli import main
try:
    code = main(sys.argv[2:])
except SystemExit as exc:  # --version
    code = exc.code
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump({"code": code, "modules": sorted(sys.modules)}, f)
"""

HEAVY = ("pymupdf", "fitz", "PIL", "openpyxl", "docx", "lxml", "fontTools", "img2pdf", "pyzipper", "PySide6")


def loaded(tmp_path: Path, *args: str) -> tuple[int, str, set[str]]:
    report = tmp_path / "modules.json"
    proc = subprocess.run(
        [sys.executable, "-c", RUN, str(report), *args], capture_output=True, encoding="utf-8", timeout=120
    )
    assert report.exists(), proc.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    return data["code"], proc.stdout, set(data["modules"])


def packages(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted({m.split(".")[0] for m in modules} & set(names))


def test_version_loads_no_library_and_matches_the_package(tmp_path):
    code, out, modules = loaded(tmp_path, "--version")
    version = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert code == 0 and out.strip() == f"kami {version}" == f"kami {kami_desktop.__version__}"
    assert packages(modules, ("sqlalchemy", "alembic", *HEAVY)) == []
    assert "importlib.metadata" not in modules
    assert sorted(m for m in modules if m.startswith("kami_desktop.core.")) == ["kami_desktop.core.errors"]


def test_a_pure_calculation_loads_no_database_layer(tmp_path):
    code, out, modules = loaded(tmp_path, "legal", "uscc", "91330100716105852F", "--json")
    assert code == 0 and json.loads(out)["valid"] is True
    assert packages(modules, ("sqlalchemy", "alembic", "platformdirs", *HEAVY)) == []
    assert not [m for m in modules if m.startswith(("kami_desktop.core.store", "kami_desktop.core.profile"))]
    # only the legal command module and the one legal module it needs; logging and dataclasses unloaded
    assert sorted(m for m in modules if m.startswith("kami_desktop.commands.")) == [
        "kami_desktop.commands._base",
        "kami_desktop.commands.legal",
    ]
    assert sorted(m for m in modules if m.startswith("kami_desktop.core.legal.")) == [
        "kami_desktop.core.legal.identifiers"
    ]
    assert "logging" not in modules and "dataclasses" not in modules


def test_every_command_module_registers_the_words_the_table_names():
    """`kami --help` lists the commands from COMMAND_TABLE without importing their modules: the table
    must name exactly what each module registers, and the help the user sees must be the module's."""
    import argparse
    import importlib

    from kami_desktop.cli import build_parser, common_parser
    from kami_desktop.commands import COMMAND_TABLE, command_modules

    common = common_parser()
    for name in command_modules():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"kami_desktop.commands.{name}").register(sub, common)
        registered = {a.dest: a.help for a in sub._choices_actions}
        assert registered == {w: h for w, (owner, h) in COMMAND_TABLE.items() if owner == name}, name
    full = build_parser(None).format_help()
    lazy = build_parser(["legal", "uscc", "x"]).format_help()
    assert full == lazy and all(word in full for word in COMMAND_TABLE)


def test_the_cli_log_levels_are_logging_s():
    import logging

    from kami_desktop.commands import _base

    assert (_base.ERROR, _base.WARNING, _base.INFO) == (logging.ERROR, logging.WARNING, logging.INFO)


def test_case_list_and_verify_load_only_the_database_layer(tmp_path):
    data_dir = str(tmp_path / "p")
    code, _out, _modules = loaded(tmp_path, "--data-dir", data_dir, "case", "list")  # creates the profile
    assert code == 0
    expected = {"case": {"cases": []}, "verify": {"ok": True, "checked": 0, "problems": []}}
    for command in (["case", "list"], ["verify"]):
        code, out, modules = loaded(tmp_path, "--data-dir", data_dir, *command, "--json")
        assert code == 0, command
        result = json.loads(out)
        assert {k: result[k] for k in expected[command[0]]} == expected[command[0]]
        assert "sqlalchemy.orm" in modules  # it did open the database
        assert packages(modules, ("alembic", *HEAVY)) == [], command
        assert not [
            m for m in modules if m.startswith(("kami_desktop.core.dossier", "kami_desktop.core.documents"))
        ]


def test_command_modules_never_import_the_cli():
    """cli.py imports the command modules; they take what they share from commands/_base.py (no cycle)."""
    import ast

    offenders = []
    for f in sorted((REPO / "kami_desktop" / "commands").glob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            offenders += [
                f"{f.name}: {n}"
                for n in names
                if n == "kami_desktop.cli" or n.startswith("kami_desktop.cli.")
            ]
    assert offenders == []


def test_the_kami_process_defers_the_collector_until_the_profile_is_open(tmp_path):
    """`cli.run` (the console script) lets the collector wait during start-up, then freezes what start-up
    made and restores the usual threshold before the command's own work; `main` alone changes nothing."""
    probe = r"""
import gc, json, sys
from kami_desktop.cli import run
sys.argv = ["kami", "--data-dir", sys.argv[1], "case", "list", "--json"]
seen = {}
import kami_desktop.commands._base as base
settle = base.settle_startup
def spy():
    seen["before_settle"] = gc.get_threshold()[0]
    settle()
base.settle_startup = spy
code = run()
seen.update(code=code, after=gc.get_threshold()[0], frozen=gc.get_freeze_count())
sys.stderr.write(json.dumps(seen) + "\n")
"""
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "p")], capture_output=True, text=True, timeout=120
    )
    seen = json.loads(proc.stderr.strip().splitlines()[-1])
    assert seen["code"] == 0 and seen["before_settle"] == 100_000  # start-up ran with the collector waiting
    assert seen["after"] == 700 and seen["frozen"] > 10_000  # then the usual threshold, start-up frozen
    import gc

    from tests.fixtures.cli import run as run_in_process

    before = gc.get_threshold()
    assert run_in_process("case", "list", data_dir=tmp_path / "q")[0] == 0  # main(): the test process
    assert gc.get_threshold() == before
