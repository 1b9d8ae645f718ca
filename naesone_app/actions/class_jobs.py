"""The class jobs that fall due with time: draw lotteries, pass lapsed holds and unpaid seats on, 폐강,
remind unpaid residents of their payment deadline. Residents told of any of it are pushed to before
the run ends (delivery.deliver_now; a cron run's process must not exit with a push still in a
background thread).

`run_due(now)` is run by cron (`naesone classes run-due`) and by the app itself every few minutes. Each
step takes the course's lock and re-checks under it, so two workers running it at once, or a run repeated,
change nothing twice: a drawn lottery is never drawn again, a checked course is never checked again.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from naesone_app.actions.classes import (
    _audited,
    close_if_undersubscribed,
    expire_holds,
    pushing_at_once,
    remind_payments,
    run_lottery,
)
from naesone_app.core.actor import Actor, require_staff
from naesone_app.core.class_policy import closure_due, policy
from naesone_app.core.periodic import repeat
from naesone_app.db.class_due import courses_with_lapses, payments_to_remind
from naesone_app.db.class_locks import _utc
from naesone_app.db.class_models import Course
from naesone_app.db.engine import database_url, engine_for

log = logging.getLogger("naesone.classes")


@dataclass
class DueReport:
    """What one run did, by course code."""

    drawn: list[str] = field(default_factory=list)
    settled: list[str] = field(default_factory=list)
    cancelled: list[str] = field(default_factory=list)
    reminded: list[str] = field(default_factory=list)  # courses where someone was reminded to pay
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"drew {len(self.drawn)} lotteries, passed seats on in {len(self.settled)} courses, "
                f"cancelled {len(self.cancelled)} courses below minimum enrolment, "
                f"reminded unpaid residents in {len(self.reminded)} courses, {len(self.failed)} failed")  # fmt: skip


def _codes(url: str) -> dict[int, str]:
    with Session(engine_for(url)) as session:
        return dict(session.exec(select(Course.id, Course.code)).all())


def new_seed() -> int:
    """A lottery seed nobody could guess before the draw; stored with the draw so it can be replayed."""
    return secrets.randbelow(2**31)


def run_due(now: datetime | None = None, *, url: str | None = None) -> DueReport:
    """Do whatever has fallen due by `now`; a failure on one course is logged and the others go on."""
    with pushing_at_once():
        return _run_due(_utc(now or datetime.now(UTC)), url)


def _run_due(now: datetime, url: str | None) -> DueReport:
    url = url or database_url()
    rules = policy()
    report = DueReport()
    with Session(engine_for(url)) as session:
        lotteries = session.exec(
            select(Course.id, Course.lottery_seed).where(
                Course.mode == "lottery", Course.status == "open", col(Course.closes_at) <= now
            )
        ).all()
    codes = _codes(url)

    def attempt(step: list[str], course_id: int, work) -> None:
        try:
            if work() is not False:
                step.append(codes.get(course_id, str(course_id)))
        except Exception:  # one course's trouble must not stop the rest (nor the app)
            log.exception("class job failed for course %s", course_id)
            report.failed.append(codes.get(course_id, str(course_id)))

    for course_id, seed in lotteries:
        # a seed published with the course is used; otherwise a fresh one, stored with the draw
        attempt(report.drawn, course_id,
                lambda c=course_id, s=seed: run_lottery(c, s if s is not None else new_seed(), now,
                                                        url=url))  # fmt: skip
    with Session(engine_for(url)) as session:  # after the draws: a lottery is checked once drawn
        unchecked = session.exec(
            select(Course.id, Course.closes_at, Course.starts_on).where(
                Course.status != "cancelled", col(Course.minimum_checked_at).is_(None),
                Course.minimum_enrolment > 0, (Course.mode != "lottery") | (Course.status == "drawn"),
            )
        ).all()  # fmt: skip
    for course_id in courses_with_lapses(now, url):
        attempt(report.settled, course_id, lambda c=course_id: expire_holds(c, now, url=url))
    for course_id, closes_at, starts_on in unchecked:
        if closure_due(closes_at, starts_on, now, rules):
            attempt(
                report.cancelled, course_id, lambda c=course_id: close_if_undersubscribed(c, now, url=url)
            )
    for course_id in payments_to_remind(now, url):  # after the lapses: a released seat owes nothing
        attempt(report.reminded, course_id, lambda c=course_id: remind_payments(c, now, url=url) > 0)
    return report


def run_jobs_now(actor: Actor) -> DueReport:
    """Staff run everything that is due now (what the scheduled job does every few minutes), audited."""
    require_staff(actor)
    report = run_due()
    _audited(actor, report.summary())
    return report


async def run_due_periodically(every_seconds: float | None = None) -> None:
    """The app's own scheduler (a Reflex lifespan task): run_due every few minutes, in a worker thread.

    NAESONE_CLASS_JOBS_SECONDS sets the period (default 300; 0 turns it off, e.g. when cron runs
    `naesone classes run-due`). Nothing it meets stops the app: a failed run is logged and retried
    (core.periodic, shared with the notice deliverer).
    """

    def report(done: DueReport) -> None:
        if done.drawn or done.settled or done.cancelled or done.reminded or done.failed:
            log.info("class jobs: %s", done.summary())

    await repeat(lambda: run_due(), "NAESONE_CLASS_JOBS_SECONDS", 300.0, report, log, every_seconds)
