"""Engine with the house pragmas and automatic Alembic migrations."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError

from kami_desktop.core.errors import UserError
from kami_desktop.resources import migrations_path

if TYPE_CHECKING:
    from alembic.config import Config

PRAGMAS = ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", "busy_timeout=5000")


class DatabaseError(UserError, RuntimeError):
    """A database problem the user can understand (locked, not a database, newer schema…)."""


def make_engine(db_path: Path, *, query_only: bool = False) -> Engine:
    """``query_only``: connections that cannot change the database (for a reader beside a writer)."""
    engine = create_engine(f"sqlite:///{db_path}", future=True)
    pragmas = (*PRAGMAS, "query_only=ON") if query_only else PRAGMAS

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        for pragma in pragmas:
            cur.execute("PRAGMA " + pragma)
        cur.close()

    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config  # alembic is only imported when a migration has to run

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


_REV = re.compile(r"^revision\s*=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(None|[\"']([^\"']*)[\"'])", re.M)


def _known_revisions() -> tuple[set[str], set[str]]:
    """(all revision ids, ids some revision builds on), read from the version files without alembic."""
    revs, downs = set(), set()
    for f in (migrations_path() / "versions").glob("*.py"):
        body = f.read_text(encoding="utf-8")
        m = _REV.search(body)
        if m:
            revs.add(m.group(1))
            d = _DOWN.search(body)
            if d and d.group(2):
                downs.add(d.group(2))
    return revs, downs


def head_revision() -> str:
    revs, downs = _known_revisions()
    heads = revs - downs
    if len(heads) != 1:
        from alembic.script import ScriptDirectory

        return str(ScriptDirectory.from_config(alembic_config()).get_current_head())
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
        ).first()
        if not has_table:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, db_path: Path) -> None:
    """Bring the database to the newest schema; clear messages for the usual failures."""
    try:
        current = current_revision(engine)
        if current == head_revision():
            return  # the common case: nothing to do, and alembic is never imported
        revs, _ = _known_revisions()
        if current is not None and current not in revs:
            raise DatabaseError(
                f"数据库 {db_path} 来自更新版本的程序（版本 {current}），请升级本程序后再打开。"
            )
        from alembic import command

        command.upgrade(alembic_config(engine), "head")
    except OperationalError as exc:
        raise DatabaseError(explain(exc, db_path)) from exc
    except sqlite3.DatabaseError as exc:  # pragma: no cover - raised raw only by odd drivers
        raise DatabaseError(explain(exc, db_path)) from exc
    except Exception as exc:
        if "file is not a database" in str(exc) or "database disk image is malformed" in str(exc):
            raise DatabaseError(explain(exc, db_path)) from exc
        raise


def explain(exc: Exception, db_path: Path | str) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"数据库 {db_path} 正被另一个程序占用（已锁定），请关闭其他 kami 窗口或命令后重试。"
    if "not a database" in text or "malformed" in text:
        return f"数据库 {db_path} 不是有效的数据库文件或已损坏，请从备份恢复。"
    if "disk is full" in text or "database or disk is full" in text:
        return f"磁盘空间不足，无法写入数据库 {db_path}；请清理磁盘后重试（已保存的内容不受影响）。"
    if "readonly" in text or "unable to open" in text:
        return f"无法写入数据库 {db_path}：请检查文件权限和磁盘空间。"
    return f"数据库 {db_path} 出错：{text.splitlines()[0] if text else type(exc).__name__}"
