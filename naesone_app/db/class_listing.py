"""Reading courses for the pages: a quarter's courses with their seat counts, one course, my registrations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from naesone_app.db.class_models import ClassCentre, Course, Registration
from naesone_app.db.class_seats import ACTIVE, SEATED
from naesone_app.db.engine import transaction


@dataclass(frozen=True, slots=True)
class Listed:
    """A course, its centre and how full it is."""

    course: Course
    centre: ClassCentre
    seated: int
    waiting: int  # waitlisted, or applied to the lottery before the draw


def _counts(session: Session, course_ids: list[int]) -> dict[tuple[int, str], int]:
    rows = session.exec(
        select(Registration.course_id, Registration.status, func.count(Registration.id))
        .where(col(Registration.course_id).in_(course_ids))
        .group_by(Registration.course_id, Registration.status)
    ).all()
    return {(course_id, status): n for course_id, status, n in rows}


def _listed(session: Session, pairs: list[tuple[Course, ClassCentre]]) -> list[Listed]:
    counts = _counts(session, [c.id for c, _ in pairs])
    return [
        Listed(course, centre, sum(counts.get((course.id, s), 0) for s in SEATED),
               sum(counts.get((course.id, s), 0) for s in ("waitlisted", "lottery_pending")))
        for course, centre in pairs
    ]  # fmt: skip


def courses_in(quarters: tuple[str, ...]) -> list[Listed]:
    """The courses of these quarters, by centre then title."""
    with transaction() as session:
        pairs = session.exec(
            select(Course, ClassCentre)
            .join(ClassCentre, col(ClassCentre.id) == col(Course.centre_id))
            .where(col(Course.quarter).in_(quarters))
            .order_by(col(ClassCentre.dong), col(Course.quarter), col(Course.title_ko), col(Course.id))
        ).all()
        return _listed(session, list(pairs))


def course_by_code(code: str) -> Listed | None:
    with transaction() as session:
        pair = session.exec(
            select(Course, ClassCentre)
            .join(ClassCentre, col(ClassCentre.id) == col(Course.centre_id))
            .where(Course.code == code)
        ).first()
        return _listed(session, [pair])[0] if pair else None


def my_registration(account_id: int, course_id: int) -> Registration | None:
    """The resident's registration on the course: the active one, else the latest."""
    with transaction() as session:
        rows = session.exec(
            select(Registration)
            .where(Registration.account_id == account_id, Registration.course_id == course_id)
            .order_by(col(Registration.id).desc())
        ).all()
    return next((r for r in rows if r.status in ACTIVE), rows[0] if rows else None)


def my_registrations(account_id: int) -> list[tuple[Registration, Course, ClassCentre]]:
    """Everything the resident signed up for, newest first."""
    with transaction() as session:
        return list(session.exec(
            select(Registration, Course, ClassCentre)
            .join(Course, col(Course.id) == col(Registration.course_id))
            .join(ClassCentre, col(ClassCentre.id) == col(Course.centre_id))
            .where(Registration.account_id == account_id)
            .order_by(col(Registration.id).desc())
        ).all())  # fmt: skip


def needing_action(session: Session, account_id: int) -> int:
    """How many of the resident's registrations wait on them: a held seat to confirm, a fee to pay."""
    return session.exec(
        select(func.count(Registration.id)).where(
            Registration.account_id == account_id,
            (Registration.status == "held")
            | ((Registration.status == "confirmed") & col(Registration.paid_at).is_(None)
               & col(Registration.payment_due_at).is_not(None)),
        )
    ).one()  # fmt: skip
