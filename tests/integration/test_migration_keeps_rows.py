"""Upgrading an existing SQLite database keeps every row: batch migrations copy a table and drop the old
one, and with foreign keys on that drop would cascade-delete the rows hanging off it (0012 and 0018
copy `application`; an application's events went with it before alembic/env.py turned the keys off)."""

from __future__ import annotations

import sqlite3

from alembic.config import Config

from alembic import command
from naesone_app.cli.common import ROOT


def _fill(connection: sqlite3.Connection, table: str, given: dict[str, object]) -> int:
    """Insert a row with `given` and a plain value for every other NOT NULL column without a default."""
    names, values = [], []
    for _cid, name, kind, not_null, default, primary in connection.execute(f"PRAGMA table_info({table})"):
        if primary:
            continue
        if name in given:
            names.append(name)
            values.append(given[name])
        elif not_null and default is None:
            names.append(name)
            numeric = any(word in kind.upper() for word in ("INT", "BOOL"))
            values.append(0 if numeric else "2026-01-01 00:00:00" if "DATE" in kind.upper() else "x")
    marks = ",".join("?" * len(names))
    cursor = connection.execute(f"INSERT INTO {table} ({','.join(names)}) VALUES ({marks})", values)
    return int(cursor.lastrowid)


def test_upgrading_from_0011_keeps_applications_and_their_events(tmp_path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    monkeypatch.setenv("NAESONE_DATABASE_URL", f"sqlite:///{path}")
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    command.upgrade(config, "0011")
    with sqlite3.connect(path) as connection:
        account = _fill(connection, "account", {"login": "halmoni@example.com"})
        application = _fill(connection, "application", {"account_id": account, "status": "submitted"})
        _fill(connection, "application_event", {"application_id": application})
    command.upgrade(config, "head")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM application_event").fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM application").fetchone() == (1,)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
