"""The course lock: every change to a course's seats runs in one transaction that first takes it.

On PostgreSQL `SELECT … FOR UPDATE` on the course row, on SQLite `BEGIN IMMEDIATE` (one writer at a time,
through a dedicated engine that leaves transaction control to us). Inside the lock the seats are counted,
so 1,000 simultaneous sign-ups for 30 seats give exactly 30 confirmed and the rest waitlisted in the order
they committed. A notice for a resident is recorded in the outbox in the same transaction (`_notify`);
the caller learns whom it told through `told` once the transaction has committed (actions/classes).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine, select

from naesone_app.core.i18n import N_, Message
from naesone_app.core.notices import reminder_words
from naesone_app.core.reminders import class_notice_key, class_update_reminder
from naesone_app.db.class_models import Course, Registration
from naesone_app.db.engine import database_url, engine_for
from naesone_app.db.notices import record_notice


class ClassError(ValueError):
    """A registration that cannot be made or changed; `message` says why, for the resident."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message


@cache
def _immediate_engine(url: str) -> Engine:
    """An SQLite engine whose transactions start with BEGIN IMMEDIATE (the write lock, taken first)."""
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 60}, pool_size=10, max_overflow=10,
        pool_timeout=120,
    )  # fmt: skip

    @event.listens_for(engine, "connect")
    def _connect(connection, _record) -> None:
        connection.isolation_level = None  # no implicit BEGIN from the driver: we emit our own
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@cache
def _writer_lock(url: str) -> threading.Lock:
    """SQLite has one writer at a time: queue this process's writers here rather than in the busy loop."""
    return threading.Lock()


@contextmanager
def locked(
    course_id: int, url: str | None = None, told: set[int] | None = None
) -> Iterator[tuple[Session, Course]]:
    """One transaction holding the course's lock; committed together or rolled back together. After the
    commit (never before), `told` gains the residents a notice was recorded for."""
    url = url or database_url()
    if url.startswith("sqlite"):
        with _writer_lock(url), _locked(course_id, _immediate_engine(url)) as held:
            yield held
    else:
        with _locked(course_id, engine_for(url)) as held:
            yield held
    if told is not None:
        told.update(held[0].info.get("told", ()))


@contextmanager
def _locked(course_id: int, engine: Engine) -> Iterator[tuple[Session, Course]]:
    with Session(engine, expire_on_commit=False) as session:
        try:
            course = session.exec(select(Course).where(Course.id == course_id).with_for_update()).first()
            if course is None:
                raise ClassError(Message(N_("없는 강좌예요")))
            yield session, course
            session.commit()
        except BaseException:
            session.rollback()
            raise


def _notify(
    session: Session, row: Registration, kind: str, now: datetime, *, until: datetime | None = None,
    position: int | None = None, amount_krw: int | None = None,
) -> bool:  # fmt: skip
    """Record that the resident must be told of `kind` on this registration (once: a second is ignored),
    in the transaction that makes the change; the resident is among those `locked` reports as told.

    A held seat or a payment reminder is no longer worth a push once its moment has passed (`until`).
    """
    course = session.get(Course, row.course_id)
    titles = {"ko": course.title_ko, "en": course.title_en or course.title_ko} if course else {"ko": ""}
    reminder = class_update_reminder(row.id or 0, kind, titles, until=until, position=position,
                                     amount_krw=amount_krw)  # fmt: skip
    title, body = reminder_words(reminder)
    recorded = record_notice(
        session, account_id=row.account_id, kind="class_update", key=class_notice_key(row.id or 0, kind),
        title=title, body=body, url=reminder.path, urgent=reminder.urgent, now=now,
        expires_at=until if kind in ("held", "payment_due") else None,
    )  # fmt: skip
    if not recorded:
        return False
    session.info.setdefault("told", set()).add(row.account_id)
    session.info["now"] = now
    return True


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
