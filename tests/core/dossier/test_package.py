"""The dossier package's own shape: no import circle between its modules, the renderers in a fixed
order, and the stand-alone bundle checker free of the database and PDF layers."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kami_desktop.core.dossier as dossier_pkg
from kami_desktop.core.dossier import renderers

PKG = "kami_desktop.core.dossier"
ROOT = Path(dossier_pkg.__file__).parent


def import_graph(root: Path) -> dict[str, set[str]]:
    """module → the package modules it imports anywhere in its source (function-level imports too)."""
    names = {p.stem for p in root.glob("*.py") if p.stem != "__init__"}
    graph: dict[str, set[str]] = {}
    for name in sorted(names):
        deps: set[str] = set()
        for node in ast.walk(ast.parse((root / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == PKG:
                deps.update(a.name for a in node.names if a.name in names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PKG + "."):
                deps.add(node.module.removeprefix(PKG + ".").split(".")[0])
            elif isinstance(node, ast.Import):
                deps.update(
                    a.name.removeprefix(PKG + ".") for a in node.names if a.name.startswith(PKG + ".")
                )
        graph[name] = deps & names - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(n: str, path: list[str]) -> None:
        state[n] = "open"
        for d in sorted(graph[n]):
            if state.get(d) == "open":
                found.append([*path[path.index(d) :], d])
            elif d not in state:
                visit(d, [*path, d])
        state[n] = "done"

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])
    return found


def test_no_import_circle_between_dossier_modules():
    assert cycles(import_graph(ROOT)) == []


def test_the_circle_check_sees_a_function_level_import(tmp_path):
    (tmp_path / "registry.py").write_text(
        f"def load():\n    from {PKG} import images\n", encoding="utf-8"
    )  # the registry that loaded its renderers lazily
    (tmp_path / "images.py").write_text(f"from {PKG}.registry import notice\n", encoding="utf-8")
    (tmp_path / "layout.py").write_text("import pymupdf\n", encoding="utf-8")
    assert cycles(import_graph(tmp_path)) == [["images", "registry", "images"]]


def test_renderers_are_registered_in_a_fixed_order():
    assert renderers.renderer_names() == ["bill", "chat", "image", "pdf", "text", "voice", "video"]


def test_bundle_verify_loads_neither_the_database_nor_the_pdf_layer():
    code = (
        "import sys\nimport kami_desktop.core.dossier.bundle_verify\n"
        "from kami_desktop.core.dossier import DossierError, PreflightError\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'pymupdf', 'fitz', 'PIL')"
        " or m.startswith(('kami_desktop.core.store', 'kami_desktop.core.profile')))\n"
        "print(bad)\nsys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stdout + proc.stderr
