"""What staff do with a course: read its roster, record payments, mark attendance — each audited.

There is no payment gateway: a resident pays at the centre (or by the transfer the centre names) and
staff record it here. Every read of the roster is written to the audit log before the rows are returned,
and every change is audited in the same transaction as the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import col, select

from naesone_app.core.i18n import N_, Message
from naesone_app.db.account_models import Account
from naesone_app.db.audit import audit
from naesone_app.db.class_locks import ClassError, _utc, locked
from naesone_app.db.class_models import ClassAttendance, Course, Registration
from naesone_app.db.class_seats import ACTIVE, _settle
from naesone_app.db.engine import transaction


@dataclass(frozen=True, slots=True)
class RosterLine:
    """One learner (or applicant) of the course as staff see them."""

    registration_id: int
    account_id: int
    login: str
    registration: Registration
    present: bool | None  # on the session date asked for; None when not marked


def roster(
    course_id: int, staff_id: int, department: str, session_on: date | None = None, *, url: str | None = None
) -> list[RosterLine]:
    """Everyone active on the course, seats first then the waitlist in order; the read is audited."""
    with transaction(url) as session:
        course = session.get(Course, course_id)
        if course is None:
            raise ClassError(Message(N_("없는 강좌예요")))
        rows = session.exec(
            select(Registration, Account)
            .join(Account, col(Account.id) == col(Registration.account_id))
            .where(Registration.course_id == course_id, col(Registration.status).in_(ACTIVE))
        ).all()
        for _, account in rows:  # each resident can see in their export that staff read their line
            audit(session, staff_id, "staff.read_roster", account.id, f"{course.code} {department}".strip())
        marks = {}
        if session_on is not None:
            marks = dict(session.exec(
                select(ClassAttendance.registration_id, ClassAttendance.present).where(
                    col(ClassAttendance.registration_id).in_([r.id for r, _ in rows]),
                    ClassAttendance.session_on == session_on,
                )
            ).all())  # fmt: skip
    order = {"confirmed": 0, "held": 1, "lottery_pending": 2, "waitlisted": 3}
    rows = sorted(rows, key=lambda pair: (order.get(pair[0].status, 9), pair[0].position or 0, pair[0].id))
    return [RosterLine(r.id, a.id, a.login, r, marks.get(r.id)) for r, a in rows]


def _registration(session, registration_id: int, course: Course) -> Registration:
    row = session.get(Registration, registration_id)
    if row is None or row.course_id != course.id:
        raise ClassError(Message(N_("없는 신청이에요")))
    return row


def course_of_registration(registration_id: int, url: str | None = None) -> int:
    with transaction(url) as session:
        row = session.get(Registration, registration_id)
        if row is None:
            raise ClassError(Message(N_("없는 신청이에요")))
        return row.course_id


def record_payment(
    registration_id: int, paid: bool, staff_id: int, now: datetime | None = None, *, url: str | None = None,
    told: set[int] | None = None,
) -> Registration:  # fmt: skip
    """Record (or take back, for a mistake) a confirmed learner's payment."""
    now = _utc(now or datetime.now(UTC))
    with locked(course_of_registration(registration_id, url), url, told) as (session, course):
        _settle(session, course, now)  # a seat already released for want of payment cannot be paid for
        row = _registration(session, registration_id, course)
        if row.status != "confirmed":
            raise ClassError(Message(N_("확정된 신청만 납부를 기록할 수 있어요")))
        if row.fee_due_krw <= 0:
            raise ClassError(Message(N_("낼 돈이 없는 신청이에요")))
        row.paid_at = now if paid else None
        session.add(row)
        audit(session, staff_id, "staff.recorded_payment" if paid else "staff.undid_payment", row.account_id,
              course.code)  # fmt: skip
        return row


def mark_attendance(
    registration_id: int, session_on: date, present: bool, staff_id: int, now: datetime | None = None, *,
    url: str | None = None,
) -> ClassAttendance:  # fmt: skip
    """Mark a confirmed learner present or absent on a session date of the course (again: overwritten)."""
    now = _utc(now or datetime.now(UTC))
    with locked(course_of_registration(registration_id, url), url) as (session, course):
        row = _registration(session, registration_id, course)
        if row.status != "confirmed":
            raise ClassError(Message(N_("확정된 수강생만 출석을 기록할 수 있어요")))
        if not course.starts_on <= session_on <= course.ends_on:
            raise ClassError(Message(N_("수업 기간 밖의 날짜예요")))
        mark = session.exec(
            select(ClassAttendance).where(
                ClassAttendance.registration_id == row.id, ClassAttendance.session_on == session_on
            )
        ).first()
        mark = mark or ClassAttendance(registration_id=row.id, session_on=session_on, present=present)
        mark.present, mark.marked_at = present, now
        session.add(mark)
        audit(session, staff_id, "staff.marked_attendance", row.account_id, f"{course.code} {session_on}")
        session.flush()
        return mark
