"""자치회관 rush: 1,000 simultaneous sign-ups for a 30-seat first-come class, on SQLite and PostgreSQL.

Each attempt is its own resident, on one of 50 threads, through db/classes.register (one transaction
holding the course's lock). DESIGN.md budget: exactly 30 confirmed, 0 errors, p95 < 1 s per registration.
PostgreSQL runs only when the server in NAESONE_TEST_PG (default 127.0.0.1:5432, trust auth) answers.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import SQLModel, col, select

from benchmarks.common import Figure, figure, heading, percentile
from naesone_app.actions.classes import register
from naesone_app.db import class_models  # noqa: F401 - the tables
from naesone_app.db.account_models import Account
from naesone_app.db.class_models import ClassCentre, Course
from naesone_app.db.classes import registrations_of
from naesone_app.db.engine import engine_for, transaction

ATTEMPTS = 1000
SEATS = 30
WORKERS = 50
BUDGET_P95_MS = 1000.0
NOW = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)
PG_SERVER = os.environ.get("NAESONE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


def _setup(url: str) -> tuple[list[int], int]:
    SQLModel.metadata.create_all(engine_for(url))
    with transaction(url) as session:
        session.execute(insert(Account), [
            {"login": f"bench{i}@example.test", "password_hash": "x", "role": "resident", "department": "",
             "created_at": NOW, "failures": 0}
            for i in range(ATTEMPTS)
        ])  # fmt: skip
        centre = ClassCentre(dong="1114055000", name_ko="명동 자치회관 (벤치마크)")
        session.add(centre)
        session.flush()
        course = Course(
            code="bench", centre_id=centre.id, title_ko="벤치마크 강좌", quarter="2026Q2", capacity=SEATS,
            opens_at=NOW - timedelta(hours=1), closes_at=NOW + timedelta(days=1), starts_on=date(2026, 4, 1),
            ends_on=date(2026, 6, 30), fee_krw=30000, sample=True,
        )  # fmt: skip
        session.add(course)
        session.flush()
        accounts = list(session.exec(select(Account.id).where(col(Account.login).like("bench%"))).all())
        return accounts, course.id


def rush(url: str, label: str) -> list[Figure]:
    accounts, course = _setup(url)
    errors: list[BaseException] = []

    def attempt(account_id: int) -> float:
        started = time.perf_counter()
        try:
            register(account_id, course, f"bench-{account_id}", NOW, url=url)
        except Exception as exc:  # every failure counts against the budget
            errors.append(exc)
        return (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        samples = list(pool.map(attempt, accounts))
    wall = time.perf_counter() - started
    rows = registrations_of(course, url)
    confirmed = sum(r.status == "confirmed" for r in rows)
    waitlisted = [r.position for r in rows if r.status == "waitlisted"]
    in_order = waitlisted == list(range(1, len(waitlisted) + 1))
    p95 = percentile(samples, 95)
    ok = confirmed == SEATS and not errors and in_order and p95 < BUDGET_P95_MS
    print(f"  {label}: {ATTEMPTS} attempts on {WORKERS} threads in {wall:.1f} s: {confirmed} confirmed "
          f"(budget {SEATS}), {len(waitlisted)} waitlisted {'in order' if in_order else 'OUT OF ORDER'}, "
          f"{len(errors)} errors (budget 0), p95 {p95:.0f} ms (budget < {BUDGET_P95_MS:.0f} ms) "
          f"→ {'PASS' if ok else 'OVER'}")  # fmt: skip
    return [figure(f"class rush registration ({label})", samples, BUDGET_P95_MS, "budget is on p95")]


def _postgres() -> str | None:
    try:
        import psycopg

        admin_url = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/test"
        name = f"naesone_bench_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return name
    except Exception as exc:  # no server: say so and skip
        print(f"  PostgreSQL skipped: {exc.__class__.__name__}")
        return None


def _drop(name: str) -> None:
    import psycopg

    engine_for(f"{PG_SERVER}/{name}").dispose()
    admin_url = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/test"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run() -> list[Figure]:
    heading(f"자치회관 rush: {ATTEMPTS:,} simultaneous sign-ups for a {SEATS}-seat first-come class")
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        figures += rush(f"sqlite:///{Path(tmp) / 'bench.db'}", "SQLite")
    name = _postgres()
    if name:
        try:
            figures += rush(f"{PG_SERVER}/{name}", "PostgreSQL")
        finally:
            _drop(name)
    return figures
