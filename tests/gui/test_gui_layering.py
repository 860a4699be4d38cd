"""The GUI reaches the database only through core functions: no widget imports SQLAlchemy, the ORM
model or the database module. Checked on the source (AST), so a lazy import inside a method counts."""

from __future__ import annotations

import ast
from pathlib import Path

import kami_desktop.gui as gui_pkg

GUI = Path(gui_pkg.__file__).parent
FORBIDDEN = ("sqlalchemy", "kami_desktop.core.store.model", "kami_desktop.core.store.db")
# (file, module): why the GUI may import it. Keep this list short.
ALLOWED = {
    (
        "app.py",
        "kami_desktop.core.store.db",
    ): "DatabaseError: why the profile could not be opened at start-up",
}


def imported_modules(source: str) -> set[str]:
    """Every module a source file imports, at any depth: ``import a.b``, ``from a import b`` (as a.b and
    a), and ``importlib.import_module("a.b")`` with a literal name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value)
    return found


def _forbidden(module: str) -> str | None:
    for f in FORBIDDEN:
        if module == f or module.startswith(f + "."):
            return f
    return None


def offending_imports(root: Path) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        name = path.relative_to(root).as_posix()
        hits = {f for m in imported_modules(path.read_text(encoding="utf-8")) if (f := _forbidden(m))}
        out += [f"{name}: {f}" for f in sorted(hits) if (name, f) not in ALLOWED]
    return out


def test_gui_imports_no_orm_and_no_database_module():
    assert offending_imports(GUI) == []


def test_every_allowed_exception_is_still_needed():
    """An exception that no longer applies is removed from ALLOWED, so the list cannot grow stale."""
    for file, module in ALLOWED:
        assert module in imported_modules((GUI / file).read_text(encoding="utf-8")), (file, module)


def test_the_check_catches_each_way_of_importing_the_orm(tmp_path):
    samples = {
        "a.py": "from sqlalchemy import select\n",
        "b.py": "def f():\n    from kami_desktop.core.store.model import Exhibit\n",
        "c.py": "from kami_desktop.core.store import model\n",
        "d.py": "import sqlalchemy.orm\n",
        "e.py": "import importlib\nimportlib.import_module('kami_desktop.core.store.db')\n",
        "app.py": "from kami_desktop.core.store.model import Case\n",  # allowed only for store.db
        "fine.py": "from kami_desktop.core.evidence.detail import exhibit_detail\n"
        "from kami_desktop.core.store.rows import ExhibitRow\n",
    }
    for name, text in samples.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert offending_imports(tmp_path) == [
        "a.py: sqlalchemy",
        "app.py: kami_desktop.core.store.model",
        "b.py: kami_desktop.core.store.model",
        "c.py: kami_desktop.core.store.model",
        "d.py: sqlalchemy",
        "e.py: kami_desktop.core.store.db",
    ]
