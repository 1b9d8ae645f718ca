"""Seats and payments that fall due with time: lapsed holds and deadlines, payment reminders."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session, col, select

from naesone_app.core.class_policy import (
    payment_reminder_due,
    policy,
)  # fmt: skip
from naesone_app.db.class_locks import _notify, _utc, locked
from naesone_app.db.class_models import (
    Registration,
)  # fmt: skip
from naesone_app.db.engine import database_url, engine_for


def courses_with_lapses(now: datetime, url: str | None = None) -> list[int]:
    """The courses where a hold or a payment deadline has run out (for run_due)."""
    now = _utc(now)
    with Session(engine_for(url or database_url())) as session:
        return sorted(set(session.exec(
            select(Registration.course_id).distinct().where(
                ((Registration.status == "held") & (col(Registration.hold_expires_at) <= now))
                | ((Registration.status == "confirmed") & col(Registration.paid_at).is_(None)
                   & (col(Registration.payment_due_at) <= now))
            )
        ).all()))  # fmt: skip


def payments_to_remind(now: datetime, url: str | None = None) -> list[int]:
    """Courses with an unpaid seat whose deadline is within the reminder lead (for run_due)."""
    now = _utc(now)
    lead = timedelta(hours=policy().payment_reminder_hours)
    with Session(engine_for(url or database_url())) as session:
        return sorted(set(session.exec(
            select(Registration.course_id).distinct().where(
                Registration.status == "confirmed", col(Registration.paid_at).is_(None),
                col(Registration.payment_due_at) > now, col(Registration.payment_due_at) <= now + lead,
            )
        ).all()))  # fmt: skip


def remind_payments(
    course_id: int, now: datetime | None = None, *, url: str | None = None, told: set[int] | None = None
) -> int:
    """Tell each unpaid resident of the course, once, that the payment deadline is near; how many told."""
    now = _utc(now or datetime.now(UTC))
    rules_ = policy()
    count = 0
    with locked(course_id, url, told) as (session, course):
        unpaid = session.exec(
            select(Registration).where(
                Registration.course_id == course.id, Registration.status == "confirmed",
                col(Registration.paid_at).is_(None), col(Registration.payment_due_at).is_not(None),
            )
        ).all()  # fmt: skip
        for row in unpaid:
            deadline = row.payment_due_at
            if payment_reminder_due(row.confirmed_at or row.created_at, deadline, False, now, rules_):
                count += _notify(session, row, "payment_due", now, until=deadline, amount_krw=row.fee_due_krw)
    return count
