"""Registering for 자치회관 classes without ever overselling a seat, on SQLite and on PostgreSQL.

Each operation runs in one transaction holding the course's lock (`class_locks.locked`). Every operation
is idempotent: the same key gives the same registration, a cancelled registration stays cancelled.
`told` (when given) gains the residents a notice was recorded for, once the change has committed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from naesone_app.core import classes as rules
from naesone_app.core.class_policy import (
    limit_refusal,
    policy,
)  # fmt: skip
from naesone_app.core.dates import KST
from naesone_app.core.i18n import N_, Message
from naesone_app.core.profile import Facts
from naesone_app.db.account_models import Account
from naesone_app.db.class_locks import ClassError, _utc, locked
from naesone_app.db.class_models import (
    Course,
    Registration,
)  # fmt: skip
from naesone_app.db.class_seats import (
    ACTIVE,
    _active_in_quarter,
    _confirm,
    _is_returning,
    _next_position,
    _settle,
    _taken,
)  # fmt: skip
from naesone_app.db.engine import database_url, engine_for


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a sign-up gave: the registration, and whether it was new (False for a repeat submit)."""

    registration: Registration
    created: bool


def register(
    account_id: int, course_id: int, idempotency_key: str, now: datetime | None = None, *,
    facts: Facts | None = None, url: str | None = None,
    told: set[int] | None = None,
) -> Outcome:  # fmt: skip
    """Sign the resident up: confirmed while seats last, else waitlisted (or lottery_pending in a lottery).

    The same key — or any active registration of the resident on the course — returns that registration.
    A resident may hold at most `courses_per_quarter` active registrations in one quarter; the account
    row is locked after the course (always in that order), so two sign-ups at once cannot both pass.
    """
    now = _utc(now or datetime.now(UTC))
    rules_ = policy()
    with locked(course_id, url, told) as (session, course):
        existing = session.exec(
            select(Registration)
            .where(Registration.course_id == course.id, Registration.account_id == account_id)
            .where((Registration.idempotency_key == idempotency_key) | col(Registration.status).in_(ACTIVE))
            .order_by(col(Registration.id))
        ).first()
        if existing is not None:
            return Outcome(existing, False)
        if course.status == "cancelled":
            raise ClassError(Message(N_("폐강된 강좌예요")))
        session.exec(select(Account.id).where(Account.id == account_id).with_for_update()).first()
        refusal = limit_refusal(_active_in_quarter(session, account_id, course.quarter),
                                rules_.courses_per_quarter)  # fmt: skip
        if refusal is not None:
            raise ClassError(refusal)
        returning = course.mode == "returning_priority" and _is_returning(session, course, account_id)
        refusal = rules.window_refusal(
            course.mode, course.opens_at, course.closes_at,
            course.returning_until if course.returning_until else None, now, returning,
        )  # fmt: skip
        if refusal is not None:
            raise ClassError(refusal)
        reduction = rules.best_reduction(facts, course.starts_on)
        quotas = rules.parse_quotas(json.loads(course.priority_rules or "[]"))
        qualifies = rules.qualifying(quotas, facts, course.starts_on)
        row = Registration(
            course_id=course.id, account_id=account_id, idempotency_key=idempotency_key, created_at=now,
            fee_due_krw=rules.reduced_fee(course.fee_krw, reduction) + course.materials_fee_krw,
            reduction_code=reduction.code if reduction else "", returning_learner=returning, status="",
            quota_codes=json.dumps(qualifies),
        )  # fmt: skip
        if course.mode == "lottery":
            row.status, row.position = "lottery_pending", _next_position(session, course)
        else:
            # after settling, a seat still free is one no waitlisted resident may take: a newcomer may
            _settle(session, course, now)
            seat = rules.place(course.capacity, quotas, _taken(session, course), qualifies)
            if seat is None:
                row.status, row.position = "waitlisted", _next_position(session, course)
            else:
                row.quota = seat
                _confirm(row, course, now, rules_)
        session.add(row)
        session.flush()
        return Outcome(row, True)


def refund_for(row: Registration, course: Course, now: datetime) -> rules.Refund | None:
    """What cancelling now gives back under 시행령 제23조: only what was paid; None when nothing was."""
    if row.status != "confirmed" or row.paid_at is None or row.fee_due_krw <= 0:
        return None
    elapsed = rules.sessions_elapsed(
        course.starts_on, course.ends_on, course.sessions, now.astimezone(KST).date()
    )
    fee_part = max(row.fee_due_krw - course.materials_fee_krw, 0)
    return rules.refund(fee_part, row.fee_due_krw - fee_part, course.sessions, elapsed)


def cancel(
    registration_id: int,
    account_id: int,
    now: datetime | None = None,
    *,
    url: str | None = None,
    told: set[int] | None = None,
) -> Registration:
    """Cancel the resident's registration (again is a no-op), refund per 시행령 제23조, promote the next."""
    now = _utc(now or datetime.now(UTC))
    course_id = _course_of(registration_id, account_id, url)
    with locked(course_id, url, told) as (session, course):
        row = session.get(Registration, registration_id)
        if row is None or row.account_id != account_id:
            raise ClassError(Message(N_("없는 신청이에요")))
        if row.status == "cancelled":
            return row
        given_back = refund_for(row, course, now)
        row.refund_krw = given_back.amount_krw if given_back else None
        row.status, row.cancelled_at, row.hold_expires_at, row.cancel_reason = (
            "cancelled",
            now,
            None,
            "resident",
        )
        session.add(row)
        session.flush()
        _settle(session, course, now)
        return row


def _course_of(registration_id: int, account_id: int, url: str | None) -> int:
    with Session(engine_for(url or database_url())) as session:
        row = session.get(Registration, registration_id)
        if row is None or row.account_id != account_id:
            raise ClassError(Message(N_("없는 신청이에요")))
        return row.course_id


def confirm_hold(
    registration_id: int,
    account_id: int,
    now: datetime | None = None,
    *,
    url: str | None = None,
    told: set[int] | None = None,
) -> Registration:
    """Take the seat held for a promoted resident, while the hold lasts (again is a no-op)."""
    now = _utc(now or datetime.now(UTC))
    course_id = _course_of(registration_id, account_id, url)
    with locked(course_id, url, told) as (session, course):
        _settle(session, course, now)
        row = session.get(Registration, registration_id)
        assert row is not None
        if row.status == "confirmed":
            return row
        if row.status != "held":
            raise ClassError(Message(N_("자리를 확보할 수 있는 기간이 지났어요")))
        _confirm(row, course, now, policy())
        session.add(row)
        return row


def expire_holds(
    course_id: int, now: datetime | None = None, *, url: str | None = None, told: set[int] | None = None
) -> None:
    """Pass lapsed holds and unpaid seats to the next in line (run_due does it periodically)."""
    now = _utc(now or datetime.now(UTC))
    with locked(course_id, url, told) as (session, course):
        _settle(session, course, now)


def registrations_of(course_id: int, url: str | None = None) -> list[Registration]:
    with Session(engine_for(url or database_url())) as session:
        return list(session.exec(
            select(Registration).where(Registration.course_id == course_id).order_by(col(Registration.id))
        ).all())  # fmt: skip
