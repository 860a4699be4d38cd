"""Every schema version opens in the current one with nothing lost.

Parametrised over ``kami_desktop/migrations/versions/*.py`` and over the fixture profiles in
``tests/fixtures/profiles/<revision>/`` (see the README there): a new migration or a new fixture is
picked up without touching this file.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from kami_desktop.core.store.db import alembic_config, current_revision, head_revision, make_engine
from kami_desktop.resources import migrations_path
from tests.fixtures.profiles.checks import expectation

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "profiles"
SCRIPT = ScriptDirectory.from_config(alembic_config())
VERSION_FILES = sorted((migrations_path() / "versions").glob("[!_]*.py"))
FIXTURE_DIRS = sorted(p for p in FIXTURES.iterdir() if (p / "kami.sqlite3").is_file())


def _revision_of(path: Path):
    for rev in SCRIPT.walk_revisions():
        if Path(rev.path).name == path.name:
            return rev
    raise AssertionError(f"{path.name} is not an Alembic revision")


def _chain_after(revision: str) -> list[str]:
    """Revisions applied when upgrading from ``revision`` to head, oldest first."""
    out = []
    for rev in SCRIPT.walk_revisions(base="base", head="heads"):
        if rev.revision == revision:
            break
        out.append(rev.revision)
    return list(reversed(out))


def dump(db: Path) -> dict[str, dict[tuple, dict]]:
    con = sqlite3.connect(db)
    try:
        out = {}
        for (table,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ):
            if table == "alembic_version":
                continue
            info = con.execute(f'PRAGMA table_info("{table}")').fetchall()
            cols = [r[1] for r in info]
            pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] or ["rowid"]
            rows = con.execute(f'SELECT {", ".join(pk)}, * FROM "{table}"').fetchall()
            out[table] = {tuple(r[: len(pk)]): dict(zip(cols, r[len(pk) :], strict=True)) for r in rows}
        return out
    finally:
        con.close()


def columns(db: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            t: [(r[1], r[2].upper(), r[3], r[5]) for r in con.execute(f'PRAGMA table_info("{t}")')]
            for t in tables
        }
    finally:
        con.close()


def assert_nothing_lost(before: dict, after: dict, revisions: list[str]) -> None:
    dropped = set().union(*(expectation(r).dropped_tables for r in revisions))
    changed = set().union(*(expectation(r).changed_columns for r in revisions))
    for table, rows in before.items():
        if table in dropped:
            continue
        assert table in after, f"table {table} disappeared; declare it in checks.py if that is intended"
        for pk, row in rows.items():
            assert pk in after[table], f"{table} row {pk} was lost"
            new = after[table][pk]
            for col, value in row.items():
                if f"{table}.{col}" in changed or col not in new:
                    assert col in new or f"{table}.{col}" in changed, f"{table}.{col} disappeared"
                    continue
                assert new[col] == value, f"{table}.{col} of row {pk} changed: {value!r} -> {new[col]!r}"
    for rev in revisions:
        if expectation(rev).check is not None:
            expectation(rev).check(before, after)


def _copy_fixture(name: str, tmp_path: Path) -> Path:
    src = FIXTURES / name
    if not (src / "kami.sqlite3").is_file():
        pytest.fail(
            f"no fixture profile for revision {name}: see tests/fixtures/profiles/README.md "
            f"(python tests/fixtures/profiles/make_fixture.py --revision {name})"
        )
    dest = tmp_path / name
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("expected.json"))
    return dest


def _upgrade(db: Path, revision: str) -> None:
    engine = make_engine(db)
    try:
        command.upgrade(alembic_config(engine), revision)
    finally:
        engine.dispose()


@pytest.mark.parametrize("version_file", VERSION_FILES, ids=[p.stem for p in VERSION_FILES])
def test_each_migration_upgrades_its_parent_fixture_keeping_every_row(version_file, tmp_path):
    rev = _revision_of(version_file)
    if rev.down_revision is None:
        db = tmp_path / "fresh.sqlite3"
        _upgrade(db, rev.revision)
        engine = make_engine(db)
        assert current_revision(engine) == rev.revision
        engine.dispose()
        assert {"cases", "exhibits", "exhibit_files", "blobs", "ledger"} <= set(columns(db))
        return
    parent = rev.down_revision
    assert isinstance(parent, str), "merge revisions need their own test"
    prof = _copy_fixture(parent, tmp_path)
    db = prof / "kami.sqlite3"
    before = dump(db)
    assert sum(len(rows) for rows in before.values()) > 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == parent
    con.close()
    _upgrade(db, rev.revision)
    engine = make_engine(db)
    assert current_revision(engine) == rev.revision
    engine.dispose()
    assert_nothing_lost(before, dump(db), [rev.revision])


@pytest.mark.parametrize("fixture", FIXTURE_DIRS, ids=[p.name for p in FIXTURE_DIRS])
def test_fixture_really_has_the_schema_of_its_revision(fixture, tmp_path):
    expected = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))
    assert expected["revision"] == fixture.name
    fresh = tmp_path / "fresh.sqlite3"
    _upgrade(fresh, fixture.name)
    assert columns(fixture / "kami.sqlite3") == columns(fresh)
    size = sum(p.stat().st_size for p in fixture.rglob("*") if p.is_file())
    assert size < 200_000, f"fixture {fixture.name} is {size} bytes; keep fixtures small"


@pytest.mark.parametrize("fixture", FIXTURE_DIRS, ids=[p.name for p in FIXTURE_DIRS])
def test_fixture_profile_opens_in_the_current_schema_with_nothing_lost(fixture, tmp_path):
    from kami_desktop.core.case.cases import list_cases
    from kami_desktop.core.evidence.exhibits import list_exhibits
    from kami_desktop.core.evidence.verify import verify
    from kami_desktop.core.profile import Profile

    expected = json.loads((fixture / "expected.json").read_text(encoding="utf-8"))
    prof_dir = _copy_fixture(fixture.name, tmp_path)
    before = dump(prof_dir / "kami.sqlite3")
    with Profile.open(prof_dir) as prof:
        assert current_revision(prof.engine) == head_revision()
        report = verify(prof, full=True)
        assert report.ok, [p.detail for p in report.problems]
        assert report.checked == len(expected["blobs"])
        assert report.ledger_entries == expected["ledger_entries"]
        with prof.session() as s:
            cases = list_cases(s)
            assert [
                [c.id, c.title, None if c.claimed_amount is None else f"{c.claimed_amount:.2f}"]
                for c in cases
            ] == expected["cases"]
            first = next(c for c in cases if c.id == 1)
            if first.claimed_amount is not None:
                assert first.claimed_amount == Decimal(expected["cases"][0][2])
            shown = {f.blob_sha256 for c in cases for e in list_exhibits(s, c.id) for f in e.files}
            trashed = {
                f.blob_sha256 for c in cases for e in list_exhibits(s, c.id, trashed=True) for f in e.files
            }
            assert shown | trashed == set(expected["blobs"])
    after = dump(prof_dir / "kami.sqlite3")
    assert_nothing_lost(before, after, _chain_after(fixture.name))
    last = max(after["ledger"])
    assert after["ledger"][last]["hash"] == expected["ledger_head"]
    for table, n in expected["counts"].items():
        if table != "alembic_version" and table in after:
            assert len(after[table]) == n, table


def test_every_revision_with_a_child_has_a_fixture():
    """Adding migration N+1 needs the fixture of N (made with the code of N); see the README."""
    parents = {r.down_revision for r in SCRIPT.walk_revisions() if isinstance(r.down_revision, str)}
    missing = sorted(p for p in parents if not (FIXTURES / p / "kami.sqlite3").is_file())
    assert missing == [], (
        f"make fixtures for {missing}: python tests/fixtures/profiles/make_fixture.py --revision …"
    )


def test_a_table_rebuild_during_a_migration_never_cascades_to_child_rows(tmp_path, profile, case_id):
    """SQLite rebuilds tables for most ALTERs; with foreign keys on, dropping the old parent table would
    delete its children (bill rows). The migration environment switches foreign keys off meanwhile."""
    import shutil
    from datetime import datetime as _dt
    from decimal import Decimal

    from alembic import command
    from sqlalchemy import func, select

    from kami_desktop.core.store.db import alembic_config, head_revision
    from kami_desktop.core.store.model import Bill, BillRow, Blob, Exhibit
    from kami_desktop.core.util.timeutil import CHINA_TZ
    from kami_desktop.resources import migrations_path

    stamp = _dt(2025, 3, 1, 10, 0, tzinfo=CHINA_TZ)
    with profile.session() as s:
        s.add(Blob(sha256="a" * 64, sm3="b" * 64, size=1, media_type="text/csv", first_seen=stamp))
        ex = Exhibit(case_id=case_id, title="账单", created_at=stamp, updated_at=stamp)
        s.add(ex)
        s.flush()
        bill = Bill(exhibit_id=ex.id, blob_sha256="a" * 64, source="alipay", layout="x", imported_at=stamp)
        s.add(bill)
        s.flush()
        s.add(BillRow(bill_id=bill.id, row=1, time=stamp, amount=Decimal("12.30")))
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_path(), scripts)
    head = head_revision()
    (scripts / "versions" / "9999_rebuild.py").write_text(
        f'revision = "9999_rebuild"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\n\n\n"
        "def upgrade():\n"
        '    with op.batch_alter_table("bills", recreate="always"):\n'
        "        pass\n\n\n"
        "def downgrade():\n"
        "    pass\n",
        encoding="utf-8",
    )
    cfg = alembic_config(profile.engine)
    cfg.set_main_option("script_location", str(scripts))
    command.upgrade(cfg, "9999_rebuild")
    with profile.session() as s:
        assert s.scalar(select(func.count()).select_from(BillRow)) == 1
        assert s.scalar(select(func.count()).select_from(Bill)) == 1
