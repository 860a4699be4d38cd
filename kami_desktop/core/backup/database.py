"""A backup's database is read as data, never run as code.

The backup's ``kami.sqlite3`` is opened read-only, with ``trusted_schema=OFF`` and a cap on the size of
any one value. Before a single row is read, its schema (``sqlite_master``: every table, index, view and
trigger, with its SQL) must be exactly the schema the product's own migrations create for the revision
the backup states; anything else (a trigger, a view in place of a table, an extra index, a changed
column) is refused. Only then are its rows copied, table by table, into a new database that our
migrations created, and that database is brought to the current schema. The backup's own file is
never opened as a profile, so nothing it carries can run later.

``stage_database`` is the one path for both ``backup verify`` and ``backup restore``: whatever one
refuses, the other refuses with the same message.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kami_desktop.core.backup.manifest import BackupError, Manifest, blob_name

MAX_VALUE_BYTES = 128 << 20  # one cell; the product never writes a value near this
MAX_SCHEMA_ENTRIES = 1000  # sqlite_master rows; the current schema has a few dozen
MAX_REPORTED = 5
COUNT_TABLES = {
    "cases": "cases",
    "parties": "parties",
    "exhibits": "exhibits",
    "files": "exhibit_files",
    "blobs": "blobs",
    "ledger": "ledger",
}
KIND_LABEL = {"table": "数据表", "index": "索引", "view": "视图", "trigger": "触发器"}
# storage classes a column of each declared affinity may hold (NULL is always allowed)
_AFFINITY = (
    ("INT", ("integer",)),
    ("BOOL", ("integer",)),
    ("CHAR", ("text",)),
    ("CLOB", ("text",)),
    ("TEXT", ("text",)),
)
_SPACE = re.compile(r"\s+")


@dataclass
class DatabaseFacts:
    """What the backup's database holds, read from its rows (never from the manifest)."""

    revision: str
    migrated_to: str
    counts: dict[str, int]
    ledger_entries: int
    ledger_head: str
    ledger_problems: list[str] = field(default_factory=list)


def _uri(path: Path, mode: str) -> str:
    return f"{Path(path).absolute().as_uri()}?mode={mode}"


def _harden(con: sqlite3.Connection) -> None:
    con.execute("PRAGMA trusted_schema=OFF")
    con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)


def _schema(con: sqlite3.Connection, db: str = "main") -> dict[tuple[str, str], tuple[str, str | None]]:
    rows = con.execute(
        f"SELECT type, name, tbl_name, sql FROM {db}.sqlite_master LIMIT {MAX_SCHEMA_ENTRIES + 1}"
    ).fetchall()
    if len(rows) > MAX_SCHEMA_ENTRIES:
        raise _Refused("结构异常（数据表和索引多得离谱）")
    out = {}
    for kind, name, table, sql in rows:
        norm = None if sql is None else _SPACE.sub(" ", str(sql)).strip()
        out[(str(kind), str(name))] = (str(table), norm)
    return out


class _Refused(Exception):
    """Why the database is refused (the caller adds which backup)."""


def _compare(actual: dict, expected: dict, revision: str) -> None:
    for key in sorted(actual, key=lambda k: (k[0] != "trigger", k[0] != "view", k)):
        kind, name = key
        label = KIND_LABEL.get(kind, kind)
        if key not in expected:
            raise _Refused(
                f"含有本程序不会创建的{label}“{name}”（可能被植入了会自动执行的代码，或被改动过），已拒绝"
            )
        if actual[key] != expected[key]:
            raise _Refused(f"中，{label}“{name}”的定义与版本 {revision} 不符（被改动过），已拒绝")
    for kind, name in sorted(set(expected) - set(actual)):
        raise _Refused(f"缺少{KIND_LABEL.get(kind, kind)}“{name}”，结构与版本 {revision} 不符，已拒绝")


@functools.lru_cache(maxsize=4)
def _empty_database(revision: str) -> bytes:
    """The bytes of a new, empty database created by our own migrations, stopped at ``revision``."""
    from alembic import command
    from sqlalchemy import create_engine

    from kami_desktop.core.store.db import alembic_config

    with tempfile.TemporaryDirectory(prefix="kami-schema-") as tmp:
        path = Path(tmp) / "expected.sqlite3"
        engine = create_engine(f"sqlite:///{path}")
        try:
            command.upgrade(alembic_config(engine), revision)
        finally:
            engine.dispose()
        return path.read_bytes()


def _build_expected(dest: Path, revision: str) -> None:
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(_empty_database(revision))


def _known() -> set[str]:
    from kami_desktop.core.store.db import _known_revisions  # the revisions our migrations know

    return _known_revisions()[0]


def _check_revision(src: sqlite3.Connection, m: Manifest) -> None:
    """The database's own alembic_version must be the one revision the manifest states."""
    known = _known()
    rows = src.execute("SELECT version_num FROM alembic_version LIMIT 2").fetchall()
    stated = [str(r[0]) for r in rows]
    if len(stated) == 1 and stated[0] not in known:
        raise _Refused(f"来自更新版本的程序（数据库版本 {stated[0][:64]}），请升级本程序后再恢复")
    if stated != [m.schema_revision]:
        shown = "、".join(s[:64] for s in stated) or "无"
        raise _Refused(
            f"版本（{shown}）与清单记录的版本 {m.schema_revision} 不一致，备份可能被改动过，已拒绝"
        )


def _allowed(declared: str) -> tuple[str, ...] | None:
    upper = declared.upper()
    for marker, classes in _AFFINITY:
        if marker in upper:
            return classes
    return None


def _columns(con: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(str(r[1]), str(r[2])) for r in con.execute(f'PRAGMA main.table_info("{table}")')]


def _check_types(con: sqlite3.Connection, tables: list[str]) -> None:
    """Every value must have the storage class its column is declared with (a time is text, a count an integer)."""
    for table in tables:
        for column, declared in _columns(con, table):
            classes = _allowed(declared)
            if classes is None:
                continue
            allowed = ", ".join(f"'{c}'" for c in (*classes, "null"))
            bad = con.execute(
                f'SELECT 1 FROM bk."{table}" WHERE typeof("{column}") NOT IN ({allowed}) LIMIT 1'
            ).fetchone()
            if bad is not None:
                raise _Refused(
                    f"中，数据表“{table}”的“{column}”一栏有类型不对的值（被改动过或已损坏），已拒绝"
                )


def _check_blobs(con: sqlite3.Connection, m: Manifest) -> None:
    present = {blob_name(f.path) for f in m.blobs}
    declared = {p.sha256 for p in m.problems if p.kind == "missing"}
    lacking = 0
    for (sha,) in con.execute("SELECT sha256 FROM bk.blobs"):
        if sha not in present and sha not in declared:
            lacking += 1
    if lacking:
        raise BackupError(f"备份不完整：数据库登记的 {lacking} 个原始文件不在备份中，已拒绝恢复。")


def _copy_rows(con: sqlite3.Connection, tables: list[str]) -> None:
    for table in tables:
        cols = ", ".join(f'"{c}"' for c, _ in _columns(con, table))
        con.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM bk."{table}"')
    if "sqlite_sequence" in {r[0] for r in con.execute("SELECT name FROM bk.sqlite_master")}:
        con.execute("DELETE FROM main.sqlite_sequence")
        con.execute("INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM bk.sqlite_sequence")


def _facts(con: sqlite3.Connection, revision: str) -> DatabaseFacts:
    tables = {r[0] for r in con.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    counts = {
        k: int(con.execute(f'SELECT count(*) FROM main."{t}"').fetchone()[0])
        for k, t in COUNT_TABLES.items()
        if t in tables
    }
    last = con.execute("SELECT hash FROM main.ledger ORDER BY seq DESC LIMIT 1").fetchone()
    from kami_desktop.core.store.ledger import GENESIS

    return DatabaseFacts(
        revision=revision,
        migrated_to=revision,
        counts=counts,
        ledger_entries=counts.get("ledger", 0),
        ledger_head=str(last[0]) if last else GENESIS,
    )


def _check_facts(facts: DatabaseFacts, m: Manifest) -> None:
    broken = any(p.kind == "ledger_broken" for p in m.problems)
    if facts.ledger_head != m.ledger_head or (not broken and facts.ledger_entries != m.ledger_entries):
        raise _Refused(
            f"中的存证日志（{facts.ledger_entries} 条，末条 {facts.ledger_head[:12]}…）与清单记录的"
            f"（{m.ledger_entries} 条，末条 {m.ledger_head[:12]}…）不一致，备份可能被改动过，已拒绝"
        )
    for key, n in facts.counts.items():
        if key in m.counts and m.counts[key] != n and key != "ledger":
            raise _Refused(
                f"中的记录数（{key}：{n}）与清单记录的（{m.counts[key]}）不一致，备份可能被改动过，已拒绝"
            )


def _chain(dest: Path, facts: DatabaseFacts) -> None:
    """Walk the copied ledger's hash chain (reported, like ``kami verify`` would; not a refusal)."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from kami_desktop.core.store import ledger

    engine = create_engine(f"sqlite:///{dest}")
    try:
        with Session(engine) as s:
            _, problems = ledger.verify_chain(s)
    finally:
        engine.dispose()
    facts.ledger_problems = [p.detail for p in problems]


def _migrate(dest: Path, facts: DatabaseFacts) -> None:
    from kami_desktop.core.store.db import DatabaseError, current_revision, make_engine, migrate

    engine = make_engine(dest)
    try:
        migrate(engine, dest)
        facts.migrated_to = current_revision(engine) or ""
    except DatabaseError as exc:
        raise _Refused(f"无法升级到当前版本（{exc}）") from None
    finally:
        engine.dispose()


def stage_database(
    raw: Path, dest: Path, m: Manifest, backup_name: str, cancel: Callable[[], bool] | None = None
) -> DatabaseFacts:
    """Check the backup's database ``raw`` and copy its rows into a new database at ``dest``.

    ``dest`` is created by our migrations at the revision the backup states, filled, checked and then
    migrated to the current schema. Raises ``BackupError`` (naming ``backup_name``) for anything that is
    not exactly what this product writes; ``raw`` is only ever read.
    """
    where = f"备份 {backup_name} 的数据库"
    try:
        with contextlib.closing(sqlite3.connect(_uri(raw, "ro"), uri=True)) as src:
            _harden(src)
            src.execute("PRAGMA query_only=ON")
            actual = _schema(src)
            if m.schema_revision not in _known():
                raise _Refused(f"来自更新版本的程序（数据库版本 {m.schema_revision}），请升级本程序后再恢复")
            _build_expected(dest, m.schema_revision)
            with contextlib.closing(sqlite3.connect(_uri(dest, "ro"), uri=True)) as ref:
                expected = _schema(ref)
            _compare(actual, expected, m.schema_revision)
            _check_revision(src, m)
            result = src.execute("PRAGMA integrity_check(5)").fetchall()
            if [r[0] for r in result] != ["ok"]:
                raise _Refused(f"已损坏（{'；'.join(str(r[0]) for r in result)[:200]}），已拒绝")
        tables = sorted(
            name
            for (kind, name), _ in expected.items()
            if kind == "table" and name != "alembic_version" and not name.startswith("sqlite_")
        )
        with contextlib.closing(sqlite3.connect(_uri(dest, "rw"), uri=True, isolation_level=None)) as con:
            _harden(con)
            if cancel is not None:
                con.set_progress_handler(lambda: 1 if cancel() else 0, 200_000)
            con.execute("PRAGMA foreign_keys=OFF")
            con.execute("ATTACH DATABASE ? AS bk", (_uri(raw, "ro"),))
            _check_types(con, tables)
            _check_blobs(con, m)
            con.execute("BEGIN")
            _copy_rows(con, tables)
            dangling = con.execute("PRAGMA main.foreign_key_check").fetchmany(MAX_REPORTED)
            if dangling:
                con.execute("ROLLBACK")
                raise _Refused(
                    f"中，数据表“{dangling[0][0]}”有记录指向不存在的“{dangling[0][2]}”（数据不一致，可能被改动过），已拒绝"
                )
            con.execute("COMMIT")
            con.execute("DETACH DATABASE bk")
            facts = _facts(con, m.schema_revision)
        _check_facts(facts, m)
    except _Refused as exc:
        raise BackupError(f"{where}{exc}。") from None
    except sqlite3.Error as exc:
        raise BackupError(f"{where}{_explain(exc, cancel)}") from None
    _chain(dest, facts)
    try:
        _migrate(dest, facts)
    except _Refused as exc:
        raise BackupError(f"{where}{exc}。") from None
    return facts


def _explain(exc: sqlite3.Error, cancel: Callable[[], bool] | None) -> str:
    text = str(exc)
    if "interrupted" in text and cancel is not None and cancel():
        from kami_desktop.core.tasks import Cancelled

        raise Cancelled() from None
    if "too big" in text:
        return f"中有一项数据过大（超过 {MAX_VALUE_BYTES >> 20} MB，本程序不会写入这样的数据），已拒绝。"
    if "full" in text:
        return "无法复制：磁盘空间不足。"
    return f"无法读取（{text.splitlines()[0] if text else type(exc).__name__}），已拒绝。"
