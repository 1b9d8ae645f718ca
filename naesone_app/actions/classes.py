"""What residents, staff and the jobs do with class registrations; each tells whoever it affected.

The seat rules and the course lock are db's (db/classes, db/class_lottery, db/class_due). A class
operation records its notices in the outbox in its own transaction (db/class_locks._notify →
db.notices.record_notice) and reports, once committed, whom it told; this module then has the one
deliverer send them at once (`_tell`) instead of waiting for its next period.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import TypeVar

from naesone_app import delivery
from naesone_app.core import classes as rules
from naesone_app.core.actor import Actor, NotAllowed, may_keep_roster, require_staff
from naesone_app.core.departments import departments
from naesone_app.core.i18n import N_, Message
from naesone_app.core.profile import Facts
from naesone_app.db import class_due, class_lottery, class_roster
from naesone_app.db import classes as registrations
from naesone_app.db.audit import audit
from naesone_app.db.class_locks import ClassError
from naesone_app.db.class_models import ClassCentre, Course, Registration
from naesone_app.db.classes import Outcome
from naesone_app.db.engine import database_url, transaction

T = TypeVar("T")

# whether residents told of a change are pushed to in this thread (a job: nothing must outlive it) or in
# a background thread (a resident's or staff member's action: their page must not wait for a push service)
_push_at_once: ContextVar[bool] = ContextVar("push_at_once", default=False)


@contextmanager
def pushing_at_once() -> Iterator[None]:
    """Within this block, the residents a class operation told something are pushed to before it returns
    (the class jobs, and tests); elsewhere the push runs in a background thread."""
    token = _push_at_once.set(True)
    try:
        yield
    finally:
        _push_at_once.reset(token)


def _now(now: datetime | None) -> datetime:
    now = now or datetime.now(UTC)
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def _tell(told: set[int], now: datetime, url: str | None) -> None:
    """After the commit: deliver the new notices now. Never raises (see delivery.deliver_now)."""
    if not told:
        return
    url = url or database_url()
    if _push_at_once.get():
        delivery.deliver_now(now, url)
    else:
        delivery.deliver_in_background(now, url)


def _telling(now: datetime, url: str | None, operation: Callable[[set[int]], T]) -> T:
    """Run a class operation that reports whom it told (once committed), then tell them."""
    told: set[int] = set()
    result = operation(told)
    _tell(told, now, url)
    return result


def register(
    account_id: int, course_id: int, idempotency_key: str, now: datetime | None = None, *,
    facts: Facts | None = None, url: str | None = None,
) -> Outcome:  # fmt: skip
    """Sign the resident up (see db.classes.register); nobody else is told of a sign-up."""
    now = _now(now)
    return _telling(now, url, lambda told: registrations.register(
        account_id, course_id, idempotency_key, now, facts=facts, url=url, told=told))  # fmt: skip


def cancel(
    registration_id: int, account_id: int, now: datetime | None = None, *, url: str | None = None
) -> Registration:
    """Cancel the resident's registration; the resident a freed seat is held for is told."""
    now = _now(now)
    return _telling(
        now, url, lambda told: registrations.cancel(registration_id, account_id, now, url=url, told=told)
    )


def confirm_hold(
    registration_id: int, account_id: int, now: datetime | None = None, *, url: str | None = None
) -> Registration:
    """Take the seat held for the resident (settling lapsed holds first tells whoever gets theirs)."""
    now = _now(now)
    return _telling(
        now,
        url,
        lambda told: registrations.confirm_hold(registration_id, account_id, now, url=url, told=told),
    )


def expire_holds(course_id: int, now: datetime | None = None, *, url: str | None = None) -> None:
    """Pass lapsed holds and unpaid seats on; whoever a seat is now held for is told."""
    now = _now(now)
    return _telling(now, url, lambda told: registrations.expire_holds(course_id, now, url=url, told=told))


def run_lottery(
    course_id: int, seed: int, now: datetime | None = None, *, facts_of: dict[int, Facts] | None = None,
    url: str | None = None,
) -> rules.Draw:  # fmt: skip
    """Draw a lottery course (see db.class_lottery); every applicant is told their result."""
    now = _now(now)
    return _telling(
        now,
        url,
        lambda told: class_lottery.run_lottery(course_id, seed, now, facts_of=facts_of, url=url, told=told),
    )


def close_if_undersubscribed(course_id: int, now: datetime | None = None, *, url: str | None = None) -> bool:
    """폐강 below the minimum enrolment (see db.class_lottery); everyone registered is told."""
    now = _now(now)
    return _telling(
        now, url, lambda told: class_lottery.close_if_undersubscribed(course_id, now, url=url, told=told)
    )


def remind_payments(course_id: int, now: datetime | None = None, *, url: str | None = None) -> int:
    """Remind each unpaid resident of the course, once, that the deadline is near; how many were."""
    now = _now(now)
    return _telling(now, url, lambda told: class_due.remind_payments(course_id, now, url=url, told=told))


def record_payment(
    registration_id: int, paid: bool, staff_id: int, now: datetime | None = None, *, url: str | None = None
) -> Registration:
    """Staff record (or take back) a payment (see db.class_roster); settling first may hold a seat for
    someone, who is told."""
    now = _now(now)
    return _telling(
        now,
        url,
        lambda told: class_roster.record_payment(registration_id, paid, staff_id, now, url=url, told=told),
    )


# --- what staff do on the class desk (each run is audited, whatever it found) ---------------------------


def _audited(actor: Actor, detail: str) -> None:
    with transaction() as session:
        audit(session, actor.account_id, "staff.ran_class_jobs", None, detail[:200])


def draw_now(actor: Actor, course_id: int, code: str, seed: int, now: datetime | None = None) -> rules.Draw:
    """Staff draw a lottery whose window has closed (the same draw the job would make; never twice).
    The run is audited after the course's transaction, also when it is refused (`ClassError`)."""
    require_staff(actor)
    try:
        return run_lottery(course_id, seed, now)
    finally:
        _audited(actor, code)


def check_minimum_now(actor: Actor, course_id: int, code: str, now: datetime | None = None) -> bool:
    """Staff run the 폐강 check once the window has closed (`ClassError` before); True if closed."""
    require_staff(actor)
    now = _now(now)
    try:
        with transaction() as session:
            course = session.get(Course, course_id)
            if course is None:
                raise ClassError(Message(N_("없는 강좌예요")))
            closes = course.closes_at
        if now < closes:
            raise ClassError(Message(N_("접수가 끝난 뒤에 확인할 수 있어요")))
        return close_if_undersubscribed(course_id, now)
    finally:
        _audited(actor, code)


def require_roster_keeper(actor: Actor, course_id: int) -> int:
    """The acting officer's id when they may keep this course's roster (core.actor.may_keep_roster);
    `NotAllowed` for staff of another department, so a roster is read only through its centre's case."""
    staff_id = require_staff(actor)
    with transaction() as session:
        course = session.get(Course, course_id)
        centre = session.get(ClassCentre, course.centre_id) if course is not None else None
    found = departments().centre_of(centre.dong) if centre is not None else None
    if not may_keep_roster(actor.role, actor.department, found.name if found is not None else ""):
        raise NotAllowed("not this centre's roster")
    return staff_id
