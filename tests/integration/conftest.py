"""Real databases for integration tests: SQLite in tmp_path, and a fresh PostgreSQL database per test.

PostgreSQL runs on 127.0.0.1:5432 with trust auth (DESIGN.md "Toolchain facts"); each test gets its own
database created from the maintenance connection and dropped afterwards, so nothing leaks between tests
or runs. The PostgreSQL variants are skipped, with the reason, only when the server is unreachable.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import text

from naesone_app.cli import main
from naesone_app.db.engine import engine_for

PG_SERVER = os.environ.get("NAESONE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
PG_MAINTENANCE_DB = "test"


def _pg_admin():
    import psycopg

    url = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + f"/{PG_MAINTENANCE_DB}"
    return psycopg.connect(url, autocommit=True, connect_timeout=3)


def _pg_unreachable() -> str | None:
    try:
        with _pg_admin():
            return None
    except Exception as exc:  # any failure to connect means "no server here"
        return f"PostgreSQL unreachable at {PG_SERVER}/{PG_MAINTENANCE_DB}: {exc.__class__.__name__}"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'naesone.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    reason = _pg_unreachable()
    if reason:
        pytest.skip(reason)
    name = f"naesone_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = f"{PG_SERVER}/{name}"
    try:
        yield url
    finally:
        engine_for(url).dispose()
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request) -> str:
    """The same test against SQLite and against PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@dataclass
class Run:
    """What one `naesone` invocation did."""

    code: int
    out: str
    err: str


@pytest.fixture
def naesone(capsys, monkeypatch, tmp_path):
    """Call the CLI's main() in-process with the working directory in tmp_path; returns a Run."""
    monkeypatch.chdir(tmp_path)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def database(db_url, monkeypatch, naesone) -> str:
    """NAESONE_DATABASE_URL set to a fresh database with the schema applied by `naesone db upgrade`."""
    monkeypatch.setenv("NAESONE_DATABASE_URL", db_url)
    result = naesone("db", "upgrade")
    assert result.code == 0, result.err
    assert "database up to date" in result.out
    return db_url


def fingerprint(url: str) -> tuple[int, int, str]:
    """(programmes, texts, hash of every stored value): equal iff nothing changed."""
    digest = hashlib.sha256()
    with engine_for(url).connect() as connection:
        counts = []
        for table in ("program", "program_text"):
            rows = connection.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
            counts.append(len(rows))
            for row in rows:
                digest.update(repr(tuple(row)).encode())
    return counts[0], counts[1], digest.hexdigest()


def one_line_error(run: Run) -> str:
    """Assert the CLI failed with exit 1 and exactly one line on stderr; return that line."""
    assert run.code == 1, (run.code, run.out, run.err)
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("naesone: error: ")
    return lines[0]
