"""Whether a resident has a case with a department: the one door through which staff may read them.

Least privilege: a department's staff see a resident only because of work the resident brought to that
department — an application it reviews (any status) or, for a 동 주민센터, a registration for a class of
its 자치회관. There are no help requests in the app yet; they would be a third kind of case here.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from naesone_app.db.application_models import Application
from naesone_app.db.class_models import ClassCentre, Course, Registration


def has_case(session: Session, resident_id: int, department: str, centre_dong: str = "") -> bool:
    """The resident applied to `department`, or registered for a class of the centre of `centre_dong`."""
    if not department:
        return False
    applied = session.exec(
        select(Application.id).where(
            Application.account_id == resident_id, Application.department == department
        )
    ).first()
    if applied is not None:
        return True
    if not centre_dong:
        return False
    registered = session.exec(
        select(Registration.id)
        .join(Course, col(Course.id) == col(Registration.course_id))
        .join(ClassCentre, col(ClassCentre.id) == col(Course.centre_id))
        .where(Registration.account_id == resident_id, ClassCentre.dong == centre_dong)
    ).first()
    return registered is not None
