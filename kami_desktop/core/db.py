"""Engine with the house pragmas and automatic Alembic migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from ..resources import migrations_path

PRAGMAS = ("journal_mode=WAL", "foreign_keys=ON", "synchronous=NORMAL", "busy_timeout=5000")


class DatabaseError(RuntimeError):
    """A database problem the user can understand (locked, not a database, newer schema…)."""


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", future=True)

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        for pragma in PRAGMAS:
            cur.execute("PRAGMA " + pragma)
        cur.close()

    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, db_path: Path) -> None:
    """Bring the database to the newest schema; clear messages for the usual failures."""
    try:
        current = current_revision(engine)
        script = ScriptDirectory.from_config(alembic_config())
        if current is not None and script.get_revision(current) is None:
            raise DatabaseError(f"数据库 {db_path} 来自更新版本的程序（版本 {current}），请升级本程序后再打开。")
        if current != script.get_current_head():
            command.upgrade(alembic_config(engine), "head")
    except OperationalError as exc:
        raise DatabaseError(explain(exc, db_path)) from exc
    except sqlite3.DatabaseError as exc:  # pragma: no cover - raised raw only by odd drivers
        raise DatabaseError(explain(exc, db_path)) from exc
    except Exception as exc:
        if "file is not a database" in str(exc) or "database disk image is malformed" in str(exc):
            raise DatabaseError(explain(exc, db_path)) from exc
        raise


def explain(exc: Exception, db_path: Path) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return f"数据库 {db_path} 正被另一个程序占用（已锁定），请关闭其他 kami 窗口或命令后重试。"
    if "not a database" in text or "malformed" in text:
        return f"数据库 {db_path} 不是有效的数据库文件或已损坏，请从备份恢复。"
    if "readonly" in text or "unable to open" in text:
        return f"无法写入数据库 {db_path}：请检查文件权限和磁盘空间。"
    return f"数据库 {db_path} 出错：{text.splitlines()[0] if text else type(exc).__name__}"
