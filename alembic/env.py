"""Alembic environment: the app's SQLModel metadata, the URL from NAESONE_DATABASE_URL."""

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
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.attributes.get("url") or database_url()
    with engine_for(url).connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
