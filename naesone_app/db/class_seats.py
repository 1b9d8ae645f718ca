"""Who gets a seat: counting seats by quota, the waitlist, settling lapsed holds and unpaid seats and
offering each free seat, as a hold, to the next waitlisted resident it may go to."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from naesone_app.core import classes as rules
from naesone_app.core.class_policy import (
    Policy,
    payment_deadline,
    payment_lapsed,
)  # fmt: skip
from naesone_app.db.class_locks import _notify
from naesone_app.db.class_models import (
    Course,
    Registration,
)  # fmt: skip

ACTIVE = ("confirmed", "held", "waitlisted", "lottery_pending")
SEATED = ("confirmed", "held")


def _taken(session: Session, course: Course) -> dict[str, int]:
    rows = session.exec(
        select(Registration.quota, func.count(Registration.id))
        .where(Registration.course_id == course.id, col(Registration.status).in_(SEATED))
        .group_by(Registration.quota)
    ).all()
    return {quota: count for quota, count in rows}


def _next_position(session: Session, course: Course) -> int:
    top = session.exec(
        select(func.max(Registration.position)).where(
            Registration.course_id == course.id,
            col(Registration.status).in_(("waitlisted", "lottery_pending")),
        )
    ).one()
    return (top or 0) + 1


def _waitlist(session: Session, course: Course, limit: int | None = None) -> list[Registration]:
    query = (
        select(Registration)
        .where(Registration.course_id == course.id, Registration.status == "waitlisted")
        .order_by(col(Registration.position), col(Registration.id))
    )
    return list(session.exec(query if limit is None else query.limit(limit)).all())


def _settle(session: Session, course: Course, now: datetime) -> None:
    """Release lapsed holds and unpaid seats past their deadline, then offer each free seat, as a hold,
    to the next waitlisted resident it may go to (a quota seat only to one who meets the quota)."""
    expired = session.exec(
        select(Registration).where(
            Registration.course_id == course.id, Registration.status == "held",
            col(Registration.hold_expires_at) <= now,
        )
    ).all()  # fmt: skip
    unpaid = session.exec(
        select(Registration).where(
            Registration.course_id == course.id, Registration.status == "confirmed",
            col(Registration.paid_at).is_(None), col(Registration.payment_due_at).is_not(None),
        )
    ).all()  # fmt: skip
    lapsed = [r for r in unpaid if payment_lapsed(r.payment_due_at, False, now)]
    for row, reason in [(r, "hold_expired") for r in expired] + [(r, "unpaid") for r in lapsed]:
        row.status, row.cancelled_at, row.cancel_reason, row.hold_expires_at = "cancelled", now, reason, None
        session.add(row)
    if expired or lapsed:
        session.flush()
    if course.status in ("cancelled",) or (course.mode == "lottery" and course.status != "drawn"):
        return
    taken = _taken(session, course)
    if sum(taken.values()) >= course.capacity:
        return
    waiting = {row.id: row for row in _waitlist(session, course)}
    quotas = rules.parse_quotas(json.loads(course.priority_rules or "[]"))
    for reg_id, seat in rules.promote(
        course.capacity, quotas, taken, ((i, _quota_codes(r)) for i, r in waiting.items())
    ):
        row = waiting[reg_id]
        row.status, row.hold_expires_at, row.quota = "held", rules.hold_expiry(now), seat
        session.add(row)
        _notify(session, row, "held", now, until=row.hold_expires_at)
    session.flush()


def _quota_codes(row: Registration) -> list[str]:
    return list(json.loads(row.quota_codes or "[]"))


def _confirm(row: Registration, course: Course, now: datetime, rules_: Policy) -> None:
    """A seat becomes the resident's: confirmed now, payment due by the policy's deadline (if any fee)."""
    row.status, row.hold_expires_at, row.position, row.confirmed_at = "confirmed", None, None, now
    row.payment_due_at = payment_deadline(now, course.starts_on, row.fee_due_krw, rules_)


def _is_returning(session: Session, course: Course, account_id: int) -> bool:
    """Whether the resident took the same course at the same centre in an earlier quarter."""
    earlier = session.exec(
        select(func.count(Registration.id))
        .join(Course, col(Course.id) == col(Registration.course_id))
        .where(
            Registration.account_id == account_id, Registration.status == "confirmed",
            Course.centre_id == course.centre_id, Course.title_ko == course.title_ko,
            Course.quarter < course.quarter,
        )
    ).one()  # fmt: skip
    return bool(earlier)


def _active_in_quarter(session: Session, account_id: int, quarter: str) -> int:
    return session.exec(
        select(func.count(Registration.id))
        .join(Course, col(Course.id) == col(Registration.course_id))
        .where(Registration.account_id == account_id, col(Registration.status).in_(ACTIVE),
               Course.quarter == quarter)
    ).one()  # fmt: skip
