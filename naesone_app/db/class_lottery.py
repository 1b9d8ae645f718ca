"""What the close of a window decides: the lottery draw, and 폐강 below the minimum enrolment."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from naesone_app.core import classes as rules
from naesone_app.core.class_policy import (
    policy,
)  # fmt: skip
from naesone_app.core.i18n import N_, Message
from naesone_app.core.profile import Facts
from naesone_app.db.class_locks import ClassError, _notify, _utc, locked
from naesone_app.db.class_models import (
    Course,
    Registration,
)  # fmt: skip
from naesone_app.db.class_seats import ACTIVE, _confirm, _quota_codes, _taken


def run_lottery(
    course_id: int,
    seed: int,
    now: datetime | None = None,
    *,
    facts_of: dict[int, Facts] | None = None,
    url: str | None = None,
    told: set[int] | None = None,
) -> rules.Draw:
    """Draw a lottery course at the close of its window. Idempotent: a drawn course returns its result.

    Quotas are decided from `facts_of` (account id → facts) when given, else from the quotas each
    applicant met when signing up; the seed is stored with the result, so the draw can be replayed.
    """
    now = _utc(now or datetime.now(UTC))
    with locked(course_id, url, told) as (session, course):
        if course.mode != "lottery":
            raise ClassError(Message(N_("추첨으로 모집하는 강좌가 아니에요")))
        if course.status != "drawn" and now < course.closes_at:
            raise ClassError(Message(N_("추첨은 접수가 끝난 뒤에 해요")))
        if course.status != "drawn":
            quotas = rules.parse_quotas(json.loads(course.priority_rules or "[]"))
            pending = session.exec(
                select(Registration).where(
                    Registration.course_id == course.id, Registration.status == "lottery_pending"
                )
            ).all()
            by_id = {row.id: row for row in pending}
            applicants = {
                row.id: rules.qualifying(quotas, facts_of.get(row.account_id), course.starts_on)
                if facts_of is not None else _quota_codes(row)
                for row in pending
            }  # fmt: skip
            result = rules.draw(applicants, course.capacity, seed, quotas)
            for reg_id, seat in result.winners:
                by_id[reg_id].quota = seat
                _confirm(by_id[reg_id], course, now, policy())
            for place, reg_id in enumerate(result.waitlist, start=1):
                by_id[reg_id].status, by_id[reg_id].position = "waitlisted", place
            session.add_all(pending)
            session.flush()
            for row in pending:
                if row.status == "confirmed":
                    _notify(
                        session, row, "lottery_won", now, until=row.payment_due_at, amount_krw=row.fee_due_krw
                    )
                else:
                    _notify(session, row, "lottery_waitlisted", now, position=row.position)
            course.status, course.lottery_seed = "drawn", seed
            session.add(course)
            session.flush()
        return _drawn(session, course)


def _drawn(session: Session, course: Course) -> rules.Draw:
    rows = session.exec(select(Registration).where(Registration.course_id == course.id)).all()
    winners = tuple(sorted((r.id, r.quota) for r in rows if r.status == "confirmed"))
    waitlist = tuple(
        r.id
        for r in sorted((r for r in rows if r.status == "waitlisted"), key=lambda r: (r.position or 0, r.id))
    )
    return rules.Draw(winners, waitlist)  # type: ignore[arg-type]


def close_if_undersubscribed(
    course_id: int, now: datetime | None = None, *, url: str | None = None, told: set[int] | None = None
) -> bool:
    """폐강: below the minimum enrolment, cancel the course and refund everything paid. True if closed.

    A course that passes the check is marked checked, so later cancellations never close a running course.
    """
    now = _utc(now or datetime.now(UTC))
    with locked(course_id, url, told) as (session, course):
        if course.status == "cancelled":
            return True
        confirmed = _taken(session, course)
        if not rules.below_minimum(sum(confirmed.values()), course.minimum_enrolment):
            course.minimum_checked_at = course.minimum_checked_at or now
            session.add(course)
            return False
        rows = session.exec(
            select(Registration).where(
                Registration.course_id == course.id, col(Registration.status).in_(ACTIVE)
            )
        ).all()
        for row in rows:
            paid = row.fee_due_krw if row.status == "confirmed" and row.paid_at is not None else 0
            row.refund_krw = rules.refund(paid, 0, course.sessions, 0, course_cancelled=True).amount_krw
            row.status, row.cancelled_at, row.hold_expires_at = "cancelled", now, None
            row.cancel_reason = "course_cancelled"
            _notify(session, row, "course_cancelled", now, amount_krw=row.refund_krw)
        session.add_all(rows)
        course.status, course.minimum_checked_at = "cancelled", now
        session.add(course)
        return True
