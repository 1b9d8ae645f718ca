"""Where the database is: `NAESONE_DATABASE_URL`, SQLite in the working directory by default."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

DEFAULT_DATABASE_URL = "sqlite:///naesone.db"


def database_url() -> str:
    """The configured database URL (PostgreSQL as ``postgresql+psycopg://…``)."""
    return os.environ.get("NAESONE_DATABASE_URL") or DEFAULT_DATABASE_URL


@cache
def engine_for(url: str) -> Engine:
    """One pooled engine per URL; SQLite gets foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(connection, _record) -> None:
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def engine() -> Engine:
    """The engine for the configured database."""
    return engine_for(database_url())


@contextmanager
def transaction(url: str | None = None) -> Iterator[Session]:
    """A session whose work is committed together, or rolled back together on any error."""
    with Session(engine_for(url or database_url()), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
