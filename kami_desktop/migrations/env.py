"""Alembic environment: runs against the engine handed over by kami_desktop.core.store.db."""

from alembic import context

from kami_desktop.core.store.model import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("alembic: neither an engine nor sqlalchemy.url was given")
        engine = create_engine(url)
    with engine.connect() as connection:
        # SQLite rebuilds a table for most ALTERs (batch mode: create new, copy, drop old, rename). With
        # foreign keys on, dropping the old table would cascade-delete the rows that refer to it, so
        # foreign keys are off while migrating (the pragma only works outside a transaction) and the
        # result is checked before they go back on.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left rows pointing at nothing: {broken[:5]}")
            connection.commit()
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


if context.is_offline_mode():  # pragma: no cover - not used by the app
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
