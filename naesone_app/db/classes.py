"""Registering for 자치회관 classes without ever overselling a seat, on SQLite and on PostgreSQL.

Every change to a course's seats runs in one transaction that first takes the course's lock: on
PostgreSQL `SELECT … FOR UPDATE` on the course row, on SQLite `BEGIN IMMEDIATE` (one writer at a time,
through a dedicated engine that leaves transaction control to us). Inside the lock the seats are counted,
so 1,000 simultaneous sign-ups for 30 seats give exactly 30 confirmed and the rest waitlisted in the order
they committed. Every operation is idempotent: the same key gives the same registration, a cancelled
registration stays cancelled, a drawn lottery is never drawn again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache

from sqlalchemy import Engine, event, func
from sqlmodel import Session, col, create_engine, select

from naesone_app.core import classes as rules
from naesone_app.core.class_policy import (
    Policy,
    limit_refusal,
    payment_deadline,
    payment_lapsed,
    payment_reminder_due,
    policy,
)  # fmt: skip
from naesone_app.core.dates import KST
from naesone_app.core.i18n import N_, Message
from naesone_app.core.profile import Facts
from naesone_app.db.account_models import Account
from naesone_app.db.class_models import (
    ClassAttendance,
    ClassCentre,
    ClassNotice,
    ClassRoom,
    Course,
    Registration,
)  # fmt: skip
from naesone_app.db.engine import database_url, engine_for

ACTIVE = ("confirmed", "held", "waitlisted", "lottery_pending")
SEATED = ("confirmed", "held")
# whether residents told of a change are pushed to in this thread (a job: nothing must outlive it) or in
# a background thread (a resident's or staff member's action: their page must not wait for a push service)
_push_at_once: ContextVar[bool] = ContextVar("push_at_once", default=False)


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
def locked(course_id: int, url: str | None = None) -> Iterator[tuple[Session, Course]]:
    """One transaction holding the course's lock; committed together or rolled back together."""
    url = url or database_url()
    if url.startswith("sqlite"):
        with _writer_lock(url), _locked(course_id, _immediate_engine(url)) as held:
            yield held
        _tell(held[0].info, url)  # after the commit, and after the writer lock: a push never holds it
    else:
        with _locked(course_id, engine_for(url)) as held:
            yield held
        _tell(held[0].info, url)


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


@contextmanager
def pushing_at_once() -> Iterator[None]:
    """Within this block, the residents a class operation told something are pushed to before it returns
    (the class jobs, and tests); elsewhere the push runs in a background thread."""
    token = _push_at_once.set(True)
    try:
        yield
    finally:
        _push_at_once.reset(token)


def _tell(info: dict, url: str) -> None:
    """After the commit: push the new notices to their residents. Never raises (see class_push)."""
    accounts, now = sorted(info.get("told", ())), info.get("now")
    if not accounts or now is None:
        return
    from naesone_app.integrations import class_push

    if _push_at_once.get():
        class_push.push_class_updates(accounts, now, url=url)
    else:
        class_push.push_in_background(accounts, now, url)


def _notify(
    session: Session, row: Registration, kind: str, now: datetime, *, until: datetime | None = None,
    position: int | None = None, amount_krw: int | None = None,
) -> bool:  # fmt: skip
    """Record that the resident must be told of `kind` on this registration (once: a second is ignored),
    in the transaction that makes the change, and mark them to be pushed to after the commit."""
    exists = session.exec(
        select(ClassNotice.id).where(ClassNotice.registration_id == row.id, ClassNotice.kind == kind)
    ).first()
    if exists is not None:
        return False
    session.add(ClassNotice(account_id=row.account_id, registration_id=row.id, kind=kind, created_at=now,
                            until=until, position=position, amount_krw=amount_krw))  # fmt: skip
    session.info.setdefault("told", set()).add(row.account_id)
    session.info["now"] = now
    return True


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


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
    lapsed = [r for r in unpaid if payment_lapsed(_utc(r.payment_due_at), False, now)]
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


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a sign-up gave: the registration, and whether it was new (False for a repeat submit)."""

    registration: Registration
    created: bool


def register(
    account_id: int, course_id: int, idempotency_key: str, now: datetime | None = None, *,
    facts: Facts | None = None, url: str | None = None,
) -> Outcome:  # fmt: skip
    """Sign the resident up: confirmed while seats last, else waitlisted (or lottery_pending in a lottery).

    The same key — or any active registration of the resident on the course — returns that registration.
    A resident may hold at most `courses_per_quarter` active registrations in one quarter; the account
    row is locked after the course (always in that order), so two sign-ups at once cannot both pass.
    """
    now = _utc(now or datetime.now(UTC))
    rules_ = policy()
    with locked(course_id, url) as (session, course):
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
            course.mode, _utc(course.opens_at), _utc(course.closes_at),
            _utc(course.returning_until) if course.returning_until else None, now, returning,
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


def _active_in_quarter(session: Session, account_id: int, quarter: str) -> int:
    return session.exec(
        select(func.count(Registration.id))
        .join(Course, col(Course.id) == col(Registration.course_id))
        .where(Registration.account_id == account_id, col(Registration.status).in_(ACTIVE),
               Course.quarter == quarter)
    ).one()  # fmt: skip


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
    registration_id: int, account_id: int, now: datetime | None = None, *, url: str | None = None
) -> Registration:
    """Cancel the resident's registration (again is a no-op), refund per 시행령 제23조, promote the next."""
    now = _utc(now or datetime.now(UTC))
    course_id = _course_of(registration_id, account_id, url)
    with locked(course_id, url) as (session, course):
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
    registration_id: int, account_id: int, now: datetime | None = None, *, url: str | None = None
) -> Registration:
    """Take the seat held for a promoted resident, while the hold lasts (again is a no-op)."""
    now = _utc(now or datetime.now(UTC))
    course_id = _course_of(registration_id, account_id, url)
    with locked(course_id, url) as (session, course):
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


def expire_holds(course_id: int, now: datetime | None = None, *, url: str | None = None) -> None:
    """Pass lapsed holds and unpaid seats to the next in line (run_due does it periodically)."""
    now = _utc(now or datetime.now(UTC))
    with locked(course_id, url) as (session, course):
        _settle(session, course, now)


def run_lottery(
    course_id: int,
    seed: int,
    now: datetime | None = None,
    *,
    facts_of: dict[int, Facts] | None = None,
    url: str | None = None,
) -> rules.Draw:
    """Draw a lottery course at the close of its window. Idempotent: a drawn course returns its result.

    Quotas are decided from `facts_of` (account id → facts) when given, else from the quotas each
    applicant met when signing up; the seed is stored with the result, so the draw can be replayed.
    """
    now = _utc(now or datetime.now(UTC))
    with locked(course_id, url) as (session, course):
        if course.mode != "lottery":
            raise ClassError(Message(N_("추첨으로 모집하는 강좌가 아니에요")))
        if course.status != "drawn" and now < _utc(course.closes_at):
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


def close_if_undersubscribed(course_id: int, now: datetime | None = None, *, url: str | None = None) -> bool:
    """폐강: below the minimum enrolment, cancel the course and refund everything paid. True if closed.

    A course that passes the check is marked checked, so later cancellations never close a running course.
    """
    now = _utc(now or datetime.now(UTC))
    with locked(course_id, url) as (session, course):
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


def registrations_of(course_id: int, url: str | None = None) -> list[Registration]:
    with Session(engine_for(url or database_url())) as session:
        return list(session.exec(
            select(Registration).where(Registration.course_id == course_id).order_by(col(Registration.id))
        ).all())  # fmt: skip


def _moment(text: str) -> datetime:
    """A window's moment from the data file, in UTC (as every moment is stored); a time without an offset
    is Seoul time. SQLite keeps no offset, so storing 10:00+09:00 unconverted would read back as 10:00 UTC."""
    moment = datetime.fromisoformat(text)
    return (moment if moment.tzinfo else moment.replace(tzinfo=KST)).astimezone(UTC)


def load_courses(session: Session, document: dict, sample: bool = False) -> tuple[int, int]:
    """Upsert centres (by dong), rooms and courses (by code) from a JSON document; (centres, courses).

    Everything is validated before anything is written; the caller's transaction keeps it whole.
    """
    centres_in, courses_in = document.get("centres", []), document.get("courses", [])
    known = {c["dong"] for c in centres_in}
    parsed = []
    for i, data in enumerate(courses_in):
        where = f"courses[{i}]"
        try:
            if data["dong"] not in known:
                raise ValueError(f"unknown dong {data['dong']!r}")
            if data.get("mode", "first_come") not in rules.MODES:
                raise ValueError(f"unknown mode {data.get('mode')!r}")
            rules.parse_quotas(data.get("priority_rules", []))
            values = dict(
                code=data["code"], title_ko=data["title_ko"], title_en=data.get("title_en", ""),
                category=data.get("category", ""), quarter=data["quarter"], schedule=data.get("schedule", ""),
                instructor=data.get("instructor", ""), capacity=int(data["capacity"]),
                minimum_enrolment=int(data.get("minimum_enrolment", 0)), fee_krw=int(data.get("fee_krw", 0)),
                materials_fee_krw=int(data.get("materials_fee_krw", 0)),
                opens_at=_moment(data["opens_at"]), closes_at=_moment(data["closes_at"]),
                returning_until=_moment(data["returning_until"]) if data.get("returning_until") else None,
                starts_on=date.fromisoformat(data["starts_on"]), ends_on=date.fromisoformat(data["ends_on"]),
                sessions=int(data.get("sessions", 12)), mode=data.get("mode", "first_come"),
                priority_rules=json.dumps(data.get("priority_rules", [])), sample=sample,
            )  # fmt: skip
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{where}: {exc}") from None
        if values["capacity"] <= 0 or values["closes_at"] <= values["opens_at"]:
            raise ValueError(f"{where}: capacity must be positive and the window must close after it opens")
        parsed.append((data["dong"], data.get("room"), values))
    centres: dict[str, ClassCentre] = {}
    rooms: dict[tuple[str, str], ClassRoom] = {}
    for data in centres_in:
        centre = session.exec(select(ClassCentre).where(ClassCentre.dong == data["dong"])).first()
        centre = centre or ClassCentre(dong=data["dong"], name_ko=data["name_ko"])
        centre.name_ko, centre.name_en = data["name_ko"], data.get("name_en", "")
        session.add(centre)
        session.flush()
        centres[data["dong"]] = centre
        for name in data.get("rooms", []):
            room = session.exec(
                select(ClassRoom).where(ClassRoom.centre_id == centre.id, ClassRoom.name == name)
            ).first()
            room = room or ClassRoom(centre_id=centre.id, name=name)
            session.add(room)
            session.flush()
            rooms[data["dong"], name] = room
    for dong, room_name, values in parsed:
        course = session.exec(select(Course).where(Course.code == values["code"])).first()
        course = course or Course(centre_id=centres[dong].id, **values)
        for key, value in values.items():
            setattr(course, key, value)
        course.centre_id = centres[dong].id
        course.room_id = rooms[dong, room_name].id if (dong, room_name) in rooms else None
        session.add(course)
    session.flush()
    return len(centres), len(parsed)


def export_registrations(session: Session, account_id: int) -> list[dict]:
    """The resident's class registrations, for the account export."""
    rows = session.exec(
        select(Registration, Course)
        .join(Course, col(Course.id) == col(Registration.course_id))
        .where(Registration.account_id == account_id)
        .order_by(col(Registration.id))
    ).all()
    attendance = session.exec(
        select(ClassAttendance)
        .where(col(ClassAttendance.registration_id).in_([row.id for row, _ in rows]))
        .order_by(col(ClassAttendance.session_on))
    ).all()
    iso = lambda moment: _utc(moment).isoformat() if moment else None  # noqa: E731
    return [
        {
            "course": course.code, "title": course.title_ko, "quarter": course.quarter, "status": row.status,
            "position": row.position, "fee_due_krw": row.fee_due_krw, "reduction": row.reduction_code,
            "created_at": iso(row.created_at), "refund_krw": row.refund_krw, "quota": row.quota,
            "confirmed_at": iso(row.confirmed_at), "payment_due_at": iso(row.payment_due_at),
            "paid_at": iso(row.paid_at), "hold_expires_at": iso(row.hold_expires_at),
            "cancelled_at": iso(row.cancelled_at), "cancel_reason": row.cancel_reason,
            "attendance": [{"date": a.session_on.isoformat(), "present": a.present}
                           for a in attendance if a.registration_id == row.id],
        }
        for row, course in rows
    ]  # fmt: skip


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


def remind_payments(course_id: int, now: datetime | None = None, *, url: str | None = None) -> int:
    """Tell each unpaid resident of the course, once, that the payment deadline is near; how many told."""
    now = _utc(now or datetime.now(UTC))
    rules_ = policy()
    told = 0
    with locked(course_id, url) as (session, course):
        unpaid = session.exec(
            select(Registration).where(
                Registration.course_id == course.id, Registration.status == "confirmed",
                col(Registration.paid_at).is_(None), col(Registration.payment_due_at).is_not(None),
            )
        ).all()  # fmt: skip
        for row in unpaid:
            deadline = _utc(row.payment_due_at)
            if payment_reminder_due(_utc(row.confirmed_at or row.created_at), deadline, False, now, rules_):
                told += _notify(session, row, "payment_due", now, until=deadline, amount_krw=row.fee_due_krw)
    return told
