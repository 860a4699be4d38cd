"""House rules that hold for the whole core: no Qt, the migrated schema equals the ORM, pragmas."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

import kami_desktop.core as core_pkg
from kami_desktop.core.store.model import Base

CORE = Path(core_pkg.__file__).parent


def test_core_source_never_imports_qt():
    offenders = []
    for f in CORE.rglob("*.py"):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{f.name}: {n}"
                for n in names
                if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}
            ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    mods = sorted(
        "kami_desktop.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        + "".join(f"importlib.import_module({m!r})\n" for m in mods)
        + (
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\nprint(bad)\nsys.exit(1 if bad else 0)"
        )
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_migrated_schema_equals_orm_metadata(profile):
    with profile.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_every_connection_sets_wal_foreign_keys_and_synchronous_normal(profile):
    with profile.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1


def test_profile_reopens_at_head_without_remigrating(data_dir):
    from kami_desktop.core.profile import Profile
    from kami_desktop.core.store.db import current_revision, head_revision

    with Profile.open(data_dir) as p:
        assert current_revision(p.engine) == head_revision()
    with Profile.open(data_dir) as p:
        assert current_revision(p.engine) == head_revision()


def test_data_dir_is_private(data_dir, profile):
    import os

    if os.name != "nt":
        assert (data_dir.stat().st_mode & 0o077) == 0


def test_data_dir_resolution_order(tmp_path, monkeypatch):
    from kami_desktop.core.profile import default_data_dir

    monkeypatch.setenv("KAMI_DATA_DIR", str(tmp_path / "x"))
    assert default_data_dir() == tmp_path / "x"
    monkeypatch.delenv("KAMI_DATA_DIR")
    assert default_data_dir().name == "kami_desktop"


def test_database_from_a_newer_release_is_refused_with_a_clear_message(data_dir):
    import sqlite3

    import pytest

    from kami_desktop.core.profile import Profile
    from kami_desktop.core.store.db import DatabaseError

    Profile.open(data_dir).close()
    con = sqlite3.connect(data_dir / "kami.sqlite3")
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="更新版本"):
        Profile.open(data_dir)


def test_opening_a_current_profile_does_not_load_alembic(data_dir):
    open_it = f"from kami_desktop.core.profile import Profile; Profile.open(r'{data_dir}').close()"
    subprocess.run([sys.executable, "-c", open_it], check=True)
    code = open_it + "\nimport sys\nsys.exit(1 if 'alembic' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_mupdf_messages_never_reach_stdout():
    """`kami … --json` prints exactly one JSON document; MuPDF's complaints about a damaged PDF go to the log."""
    code = (
        "import kami_desktop, pymupdf\n"
        "pymupdf.message('MuPDF error: cannot find startxref')\n"
        "try:\n"
        "    pymupdf.open(stream=b'%PDF-1.7\\n1 0 obj <<' + b'\\x00' * 64, filetype='pdf')\n"
        "except Exception:\n"
        "    pass\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert "cannot find startxref" in proc.stderr  # still visible, through logging
