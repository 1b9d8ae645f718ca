"""Alembic environment: the app's SQLModel metadata, the URL from NAESONE_DATABASE_URL."""

from sqlalchemy import Connection
from sqlmodel import SQLModel

import naesone_app.db.account_models
import naesone_app.db.application_models
import naesone_app.db.campaign_models
import naesone_app.db.class_models
import naesone_app.db.models
import naesone_app.db.notice_models
import naesone_app.db.outbound_models
import naesone_app.db.push_models  # noqa: F401
from alembic import context
from naesone_app.db.engine import database_url, engine_for

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True
    )
    with context.begin_transaction():
        context.run_migrations()


def _migrate(connection: Connection) -> None:
    """Run the migrations on `connection`. On SQLite foreign keys are off while they run: a batch
    migration copies a table and drops the old one, and with foreign keys on that drop cascade-deletes
    every row hanging off it (an application's events, uploads and documents; an account's sessions).
    The keys are checked before the commit and turned on again after."""
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:  # outside any transaction: SQLite ignores this pragma inside one
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all() if sqlite else []
            if broken:
                raise RuntimeError(f"migration left rows pointing at nothing: {broken[:5]}")
    finally:
        if sqlite:
            connection.commit()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    url = config.attributes.get("url") or database_url()
    with engine_for(url).connect() as connection:
        _migrate(connection)
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
