"""The search index database (``<profile>/cache/search.sqlite3``) and keeping it current.

Tables: ``meta`` (layout and match mode), ``cases`` (the case-file stamp each case was indexed at),
``exhibits`` (trash state and part signatures per exhibit), ``docs`` (the documents: original text,
normalised text, where) and, when the trigram tokenizer exists, ``docs_fts`` (FTS5 over ``docs.norm``,
kept in step by ``_insert`` and ``_delete``). A file missing, of another layout or unreadable is replaced.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from kami_desktop.core.errors import UserError
from kami_desktop.core.profile import Profile
from kami_desktop.core.search.documents import (
    PARTS,
    CaseReader,
    Doc,
    ExhibitSig,
    Stamp,
    case_stamp,
    ref_json,
    touched_since,
)
from kami_desktop.core.search.text import normalize
from kami_desktop.core.tasks import CancelToken

log = logging.getLogger(__name__)

INDEX_NAME = "search.sqlite3"
LAYOUT = "4"
TRIGRAM, LIKE = "trigram", "like"

SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE cases (case_id INTEGER PRIMARY KEY, stamp TEXT NOT NULL)",
    "CREATE TABLE exhibits (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, trashed INTEGER NOT NULL,"
    " meta TEXT NOT NULL, ocr TEXT NOT NULL, chat TEXT NOT NULL, bill TEXT NOT NULL,"
    " number INTEGER, title TEXT NOT NULL)",
    "CREATE INDEX ix_exhibits_case ON exhibits (case_id)",
    "CREATE TABLE docs (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL, exhibit_id INTEGER NOT NULL,"
    " part TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, norm TEXT NOT NULL, ref TEXT NOT NULL)",
    "CREATE INDEX ix_docs_exhibit ON docs (exhibit_id, part)",
    "CREATE INDEX ix_docs_case ON docs (case_id)",
)
FTS_SCHEMA = (
    "CREATE VIRTUAL TABLE docs_fts USING fts5(norm, content='docs', content_rowid='id', tokenize='trigram')",
)


class SearchIndexError(UserError):
    """The index could not be built or read (a full disk, a locked cache folder)."""


@functools.cache
def trigram_available() -> bool:
    """This SQLite has FTS5 with the trigram tokenizer (3.34 and later, when built with FTS5)."""
    try:
        con = sqlite3.connect(":memory:")
        try:
            con.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='trigram')")
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return True


def index_path(profile: Profile) -> Path:
    return profile.cache_dir / INDEX_NAME


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    return con


def _ready(con: sqlite3.Connection, mode: str) -> bool:
    try:
        got = dict(con.execute("SELECT key, value FROM meta"))
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return False
        raise
    return got.get("layout") == LAYOUT and got.get("mode") == mode


def _create(con: sqlite3.Connection, mode: str) -> None:
    con.execute("BEGIN IMMEDIATE")
    try:
        if not _ready(con, mode):  # another thread may have made it meanwhile
            names = [
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
            ]
            for name in names:
                if not name.startswith(("sqlite_", "docs_fts_")):  # the FTS table drops its own
                    con.execute(f'DROP TABLE IF EXISTS "{name}"')
            for statement in SCHEMA + (FTS_SCHEMA if mode == TRIGRAM else ()):
                con.execute(statement)
            con.executemany("INSERT INTO meta VALUES (?, ?)", [("layout", LAYOUT), ("mode", mode)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _is_damage(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return isinstance(exc, sqlite3.DatabaseError) and not any(w in text for w in ("locked", "busy", "full"))


@contextlib.contextmanager
def opened(profile: Profile) -> Iterator[tuple[sqlite3.Connection, str]]:
    """The index (made or remade if need be) and its match mode, TRIGRAM or LIKE."""
    path = index_path(profile)
    mode = TRIGRAM if trigram_available() else LIKE
    path.parent.mkdir(parents=True, exist_ok=True)
    con: sqlite3.Connection | None = None
    for attempt in (1, 2):
        try:
            con = _connect(path)
            if not _ready(con, mode):
                _create(con, mode)
            break
        except sqlite3.Error as exc:
            if con is not None:
                con.close()
                con = None
            if attempt == 2 or not _is_damage(exc):
                raise SearchIndexError(f"无法打开搜索索引 {path}：{exc}") from exc
            log.warning("search index %s unreadable (%s): rebuilt", path, exc)
            _remove(path)
    assert con is not None
    try:
        yield con, mode
    finally:
        con.close()


def discard(profile: Profile) -> None:
    """Throw the index away (it is rebuilt by the next search)."""
    _remove(index_path(profile))


def _insert(con: sqlite3.Connection, case_id: int, docs: Iterable[Doc], mode: str) -> int:
    """Add documents, then index them in one statement (five times faster than a trigger per row)."""
    last = con.execute("SELECT coalesce(max(id), 0) FROM docs").fetchone()[0]
    rows = ((case_id, d.exhibit_id, d.part, d.kind, d.text, normalize(d.text), ref_json(d.ref)) for d in docs)
    cur = con.executemany(
        "INSERT INTO docs (case_id, exhibit_id, part, kind, text, norm, ref) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    if mode == TRIGRAM:
        con.execute("INSERT INTO docs_fts (rowid, norm) SELECT id, norm FROM docs WHERE id > ?", (last,))
    return cur.rowcount


def _delete(con: sqlite3.Connection, where: str, params: list[tuple[object, ...]], mode: str) -> None:
    """Remove documents, from the FTS index first (it needs the text it indexed; no trigger per row)."""
    if mode == TRIGRAM:
        sql = (
            f"INSERT INTO docs_fts (docs_fts, rowid, norm) SELECT 'delete', id, norm FROM docs WHERE {where}"
        )
        con.executemany(sql, params)
    con.executemany(f"DELETE FROM docs WHERE {where}", params)


def refresh(profile: Profile, case_id: int, con: sqlite3.Connection) -> dict[str, int]:
    """Bring the case's part of the index up to date; returns what it did (all zero when it was current)."""
    done = {"exhibits": 0, "documents": 0, "removed": 0, "renumbered": 0}
    with profile.snapshot() as s:
        stamp = case_stamp(s)
        key = stamp.key()
        row = con.execute("SELECT stamp FROM cases WHERE case_id = ?", (case_id,)).fetchone()
        if row is not None and row[0] == key:
            return done
        con.execute("BEGIN IMMEDIATE")
        try:
            row = con.execute("SELECT stamp FROM cases WHERE case_id = ?", (case_id,)).fetchone()
            if row is None or row[0] != key:
                mode = con.execute("SELECT value FROM meta WHERE key = 'mode'").fetchone()[0]
                before = Stamp.parse(row[0]) if row is not None else None
                only = touched_since(s, case_id, before, stamp) if before is not None else None
                done = _sync(con, CaseReader(s, case_id), case_id, mode, only)
                con.execute("INSERT OR REPLACE INTO cases (case_id, stamp) VALUES (?, ?)", (case_id, key))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return done


def warm(profile: Profile, case_id: int, *, cancel: CancelToken | None = None) -> dict[str, int] | None:
    """Bring the case's part of the index up to date before anyone searches (the desktop app has it done
    in a child process, ``warm_process``, after a case opens and after every change), so that the first search finds it
    current and costs a few lookups. Returns what ``refresh`` did; None when cancelled.

    It reads the case file in one read transaction (``Profile.snapshot``: no write lock of the case
    file is taken, imports and edits go on meanwhile) and writes only the index (one transaction, rolled
    back when cancelled: a cancel interrupts SQLite between steps; the next warm-up or search does it)."""
    with opened(profile) as (con, _mode):
        if cancel is not None:
            con.set_progress_handler(lambda: 1 if cancel.cancelled else 0, 10_000)
        try:
            return refresh(profile, case_id, con)
        except sqlite3.OperationalError as exc:
            if cancel is None or not cancel.cancelled:
                raise SearchIndexError(f"无法更新搜索索引：{exc}") from exc
            con.set_progress_handler(None, 0)
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")  # SQLite may have rolled back already
            return None


def _sync(
    con: sqlite3.Connection, reader: CaseReader, case_id: int, mode: str, only: set[int] | None = None
) -> dict[str, int]:
    """Compare signatures (of every exhibit, or ``only`` the touched ones) and re-index what differs;
    binder numbers are compared for every exhibit (a trash or an import moves the ones after it)."""
    sigs = reader.signatures(only)
    full = "SELECT id, trashed, number, title, meta, ocr, chat, bill FROM exhibits WHERE "
    if only is None:
        rows = con.execute(full + "case_id = ?", (case_id,)).fetchall()
    else:
        wanted = sorted(only)
        rows = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows += con.execute(full + f"id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
    old: dict[int, ExhibitSig] = {
        eid: ExhibitSig(bool(trashed), dict(zip(PARTS, parts, strict=True)), number, title)
        for eid, trashed, number, title, *parts in rows
        if only is None or eid in only
    }
    gone = [eid for eid in old if eid not in sigs]
    _delete(con, "exhibit_id = ?", [(eid,) for eid in gone], mode)
    con.executemany("DELETE FROM exhibits WHERE id = ?", ((eid,) for eid in gone))
    changed: set[int] = set()
    added = 0
    for part in PARTS:
        stale = [
            eid
            for eid, sig in sigs.items()
            if (old[eid].parts[part] if eid in old else "") != sig.parts[part]
        ]
        if not stale:
            continue
        _delete(con, "exhibit_id = ? AND part = ?", [(eid, part) for eid in stale if eid in old], mode)
        added += _insert(con, case_id, reader.documents(part, sorted(stale)), mode)
        changed.update(stale)
    changed.update(eid for eid, sig in sigs.items() if eid in old and old[eid].trashed != sig.trashed)
    renumbered = {
        eid
        for eid, sig in sigs.items()
        if eid in old and eid not in changed and (old[eid].number, old[eid].title) != (sig.number, sig.title)
    }
    if only is not None:  # the others keep their text, but may have moved
        others = con.execute("SELECT id, number, title FROM exhibits WHERE case_id = ?", (case_id,))
        moved = [
            (number, title, eid)
            for eid, was, named in others
            if eid not in only
            for number, title in [reader.numbers.get(eid, (None, named))]
            if (number, title) != (was, named)
        ]
        con.executemany("UPDATE exhibits SET number = ?, title = ? WHERE id = ?", moved)
    else:
        moved = []
    con.executemany(
        "INSERT OR REPLACE INTO exhibits (id, case_id, trashed, meta, ocr, chat, bill, number, title)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (eid, case_id, int(sig.trashed), *(sig.parts[p] for p in PARTS), sig.number, sig.title)
            for eid, sig in ((e, sigs[e]) for e in sorted(changed | renumbered))
        ),
    )
    return {
        "exhibits": len(changed),
        "documents": added,
        "removed": len(gone),
        "renumbered": len(renumbered) + len(moved),
    }
