"""Class policy against real databases: the per-quarter limit, quota-aware promotion, payment deadlines,
run_due (twice, and two at once), attendance, and what export and account deletion do with them."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from sqlmodel import select

from naesone_app.actions.class_jobs import run_due
from naesone_app.actions.classes import cancel, confirm_hold, record_payment, register
from naesone_app.core.class_policy import at_closing, policy
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.db.account_models import AuditEntry
from naesone_app.db.class_locks import ClassError
from naesone_app.db.class_models import ClassAttendance, Course
from naesone_app.db.class_roster import mark_attendance, roster
from naesone_app.db.classes import registrations_of
from naesone_app.db.engine import transaction
from tests.integration.test_class_registration import NOW, make_accounts, make_course

ELDER = facts_on(parse_profile({"lives_in_junggu": True, "birth_date": "1950-05-05"}), date(2026, 4, 1))
YOUNG = facts_on(parse_profile({"lives_in_junggu": True, "birth_date": "1990-05-05"}), date(2026, 4, 1))


def _set(url: str, course_id: int, **values) -> None:
    with transaction(url) as session:
        row = session.get(Course, course_id)
        for key, value in values.items():
            setattr(row, key, value)
        session.add(row)


def _by_account(url: str, course_id: int) -> dict[int, object]:
    return {r.account_id: r for r in registrations_of(course_id, url)}


def test_a_resident_may_hold_at_most_the_policy_number_of_courses_a_quarter(database) -> None:
    (a,) = make_accounts(database, 1)
    limit = policy().courses_per_quarter
    courses = [make_course(database, code=f"q{i}") for i in range(limit + 1)]
    for course in courses[:limit]:
        register(a, course, f"k{course}", NOW, url=database)
    with pytest.raises(ClassError) as refused:
        register(a, courses[limit], "k", NOW, url=database)
    assert refused.value.message.params == {"n": limit}
    assert registrations_of(courses[limit], database) == []
    # another quarter is another count; cancelling one frees a place in this quarter
    other = make_course(database, code="next-quarter")
    _set(database, other, quarter="2026Q3")
    assert register(a, other, "k", NOW, url=database).registration.status == "confirmed"
    first = registrations_of(courses[0], database)[0]
    cancel(first.id, a, NOW, url=database)
    assert register(a, courses[limit], "k2", NOW, url=database).registration.status == "confirmed"


def test_the_limit_holds_when_one_resident_signs_up_for_many_courses_at_once(database) -> None:
    (a,) = make_accounts(database, 1)
    courses = [make_course(database, code=f"rush{i}") for i in range(6)]

    def attempt(course: int) -> str:
        try:
            return register(a, course, "k", NOW, url=database).registration.status
        except ClassError:
            return "refused"

    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(attempt, courses))
    assert outcomes.count("confirmed") == policy().courses_per_quarter
    assert outcomes.count("refused") == 6 - policy().courses_per_quarter


def test_a_freed_65_plus_seat_goes_to_the_first_waitlisted_65_plus_and_a_general_seat_to_the_next(
    database,
) -> None:
    general, senior, young_1, young_2, senior_2, young_3 = make_accounts(database, 6)
    course = make_course(database, capacity=2, minimum=0)
    _set(database, course, priority_rules='[{"age_min": 65, "seats": 1}]')
    seat_general = register(general, course, "k", NOW, facts=YOUNG, url=database).registration
    seat_senior = register(senior, course, "k", NOW, facts=ELDER, url=database).registration
    assert (seat_general.quota, seat_senior.quota) == ("", "quota1")
    for account, facts in ((young_1, YOUNG), (young_2, YOUNG), (senior_2, ELDER), (young_3, YOUNG)):
        assert (
            register(account, course, "k", NOW, facts=facts, url=database).registration.status == "waitlisted"
        )

    cancel(seat_senior.id, senior, NOW, url=database)  # the 65+ seat: to senior_2, third in line
    rows = _by_account(database, course)
    assert (rows[senior_2].status, rows[senior_2].quota) == ("held", "quota1")
    assert rows[young_1].status == rows[young_2].status == "waitlisted"

    cancel(seat_general.id, general, NOW, url=database)  # the general seat: to young_1, first in line
    rows = _by_account(database, course)
    assert (rows[young_1].status, rows[young_1].quota) == ("held", "")
    assert rows[young_2].status == rows[young_3].status == "waitlisted"


def test_an_unpaid_seat_is_released_at_its_deadline_and_the_next_is_promoted(database) -> None:
    a, b, c, staff = make_accounts(database, 4)
    course = make_course(database, capacity=2, minimum=0)
    seat_a = register(a, course, "k", NOW, url=database).registration
    seat_b = register(b, course, "k", NOW, url=database).registration
    waiting = register(c, course, "k", NOW, url=database).registration
    deadline = at_closing(NOW + timedelta(days=policy().payment_days), policy())  # the counter's closing time
    assert seat_a.payment_due_at == deadline and seat_a.fee_due_krw == 35000
    record_payment(seat_b.id, True, staff, NOW + timedelta(days=1), url=database)

    assert run_due(deadline - timedelta(seconds=1), url=database).settled == []
    report = run_due(deadline, url=database)
    assert report.settled == ["c1"] and report.failed == []
    rows = _by_account(database, course)
    assert (rows[a].status, rows[a].cancel_reason) == ("cancelled", "unpaid")
    assert rows[b].status == "confirmed" and rows[c].status == "held"
    promoted = confirm_hold(waiting.id, c, deadline + timedelta(hours=1), url=database)
    assert promoted.payment_due_at is not None and promoted.paid_at is None
    with pytest.raises(ClassError):
        record_payment(seat_a.id, True, staff, deadline, url=database)  # released: nothing to pay for


def test_the_payment_deadline_never_falls_after_the_first_day_and_free_seats_owe_nothing(database) -> None:
    (a, b) = make_accounts(database, 2)
    course = make_course(database, minimum=0)
    _set(database, course, starts_on=(NOW + timedelta(days=2)).date())
    near = register(a, course, "k", NOW, url=database).registration
    assert near.payment_due_at < NOW + timedelta(days=policy().payment_days)
    assert near.payment_due_at >= NOW + timedelta(hours=policy().payment_minimum_hours)
    free = make_course(database, code="free", minimum=0)
    _set(database, free, fee_krw=0, materials_fee_krw=0)
    seat = register(b, free, "k", NOW, url=database).registration
    assert (seat.fee_due_krw, seat.payment_due_at) == (0, None)


def test_run_due_draws_closed_lotteries_once_even_when_two_workers_run_it(database) -> None:
    accounts = make_accounts(database, 25)
    course = make_course(database, capacity=10, mode="lottery", code="lot", minimum=5)
    for account in accounts:
        register(account, course, "k", NOW, url=database)
    assert run_due(NOW, url=database).drawn == []  # the window is still open
    later = NOW + timedelta(days=3)
    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = list(pool.map(lambda _: run_due(later, url=database), range(2)))
    assert all(r.failed == [] for r in reports)
    first = {r.id: (r.status, r.position) for r in registrations_of(course, database)}
    again = run_due(later, url=database)
    assert again.drawn == [] and again.cancelled == []
    assert {r.id: (r.status, r.position) for r in registrations_of(course, database)} == first
    statuses = [s for s, _ in first.values()]
    assert statuses.count("confirmed") == 10 and statuses.count("waitlisted") == 15
    with transaction(database) as session:
        stored = session.get(Course, course)
    assert stored.status == "drawn" and stored.lottery_seed is not None


def test_run_due_cancels_a_course_below_its_minimum_shortly_before_it_starts_and_only_then(database) -> None:
    a, b, staff = make_accounts(database, 3)
    course = make_course(database, minimum=3)
    paid = register(a, course, "k", NOW, url=database).registration
    register(b, course, "k", NOW, url=database)
    record_payment(paid.id, True, staff, NOW, url=database)
    start = date(2026, 4, 1)
    early = NOW + timedelta(days=3)  # the window has closed, but the start is weeks away
    assert run_due(early, url=database).cancelled == []
    decide = NOW.replace(year=2026, month=3, day=31)  # two days before the first day (Seoul time)
    assert start - decide.date() <= timedelta(days=policy().closure_days_before_start)
    assert run_due(decide, url=database).cancelled == ["c1"]
    rows = _by_account(database, course)
    assert (rows[a].refund_krw, rows[a].cancel_reason) == (35000, "course_cancelled")  # paid: all back
    assert rows[b].cancel_reason == "unpaid" and rows[b].refund_krw is None  # released at its deadline
    assert run_due(decide, url=database).cancelled == []


def test_a_course_that_went_ahead_is_never_closed_by_a_later_cancellation(database) -> None:
    *accounts, staff = make_accounts(database, 4)
    course = make_course(database, minimum=3)
    rows = [register(a, course, "k", NOW, url=database).registration for a in accounts]
    for row in rows:
        record_payment(row.id, True, staff, NOW, url=database)
    decide = NOW.replace(month=3, day=31)
    assert run_due(decide, url=database).cancelled == []
    cancel(rows[0].id, accounts[0], decide, url=database)
    assert run_due(decide + timedelta(days=1), url=database).cancelled == []
    with transaction(database) as session:
        assert session.get(Course, course).status != "cancelled"


def test_attendance_is_marked_per_session_date_and_audited(database) -> None:
    a, b, staff = make_accounts(database, 3)
    course = make_course(database, capacity=1, minimum=0)
    seat = register(a, course, "k", NOW, url=database).registration
    waiting = register(b, course, "k", NOW, url=database).registration
    day = date(2026, 4, 6)
    mark_attendance(seat.id, day, True, staff, url=database)
    mark_attendance(seat.id, day, False, staff, url=database)  # corrected: one mark per date
    lines = roster(course, staff, "문화체육과", day, url=database)
    assert [(line.account_id, line.present) for line in lines] == [(a, False), (b, None)]
    with pytest.raises(ClassError):
        mark_attendance(waiting.id, day, True, staff, url=database)  # not a learner (yet)
    with pytest.raises(ClassError):
        mark_attendance(seat.id, date(2026, 7, 1), True, staff, url=database)  # after the last day
    with transaction(database) as session:
        marks = session.exec(select(ClassAttendance)).all()
        actions = [e.action for e in session.exec(select(AuditEntry).where(AuditEntry.actor_id == staff))]
    assert [(m.session_on, m.present) for m in marks] == [(day, False)]
    assert (
        actions.count("staff.marked_attendance") == 2 and actions.count("staff.read_roster") == 2
    )  # one per resident listed


def test_export_has_payments_and_attendance_and_deletion_removes_them(database) -> None:
    from naesone_app.db.personal_data import delete_account, export_account

    a, staff = make_accounts(database, 2)
    course = make_course(database, minimum=0)
    seat = register(a, course, "k", NOW, url=database).registration
    record_payment(seat.id, True, staff, NOW, url=database)
    mark_attendance(seat.id, date(2026, 4, 6), True, staff, url=database)
    with transaction(database) as session:
        [exported] = export_account(session, a)["class_registrations"]
    assert exported["paid_at"] is not None and exported["payment_due_at"] is not None
    assert exported["attendance"] == [{"date": "2026-04-06", "present": True}]
    with transaction(database) as session:
        delete_account(session, a)
    with transaction(database) as session:
        assert session.exec(select(ClassAttendance)).all() == []
    assert registrations_of(course, database) == []


async def test_the_apps_scheduler_survives_failing_runs_and_can_be_turned_off(monkeypatch) -> None:
    import asyncio

    from naesone_app.actions import class_jobs

    calls: list[int] = []

    def failing(*_args, **_kwargs):
        calls.append(1)
        raise RuntimeError("the database is down")

    monkeypatch.setattr(class_jobs, "run_due", failing)
    task = asyncio.create_task(class_jobs.run_due_periodically(0.01))
    await asyncio.sleep(0.2)
    assert not task.done() and len(calls) >= 2  # logged, and tried again
    task.cancel()
    before = len(calls)
    monkeypatch.setenv("NAESONE_CLASS_JOBS_SECONDS", "0")  # cron runs `naesone classes run-due` instead
    await asyncio.wait_for(class_jobs.run_due_periodically(), timeout=1)
    assert len(calls) == before
