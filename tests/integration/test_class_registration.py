"""자치회관 class registration against real databases: the rush, cancellations, idempotency, the lottery."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert
from sqlmodel import col, select

from naesone_app.actions.classes import (
    cancel,
    confirm_hold,
    expire_holds,
    record_payment,
    register,
    run_lottery,
)
from naesone_app.db.account_models import Account
from naesone_app.db.class_locks import ClassError
from naesone_app.db.class_models import ClassCentre, Course, Registration
from naesone_app.db.classes import registrations_of
from naesone_app.db.engine import transaction

NOW = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)


def make_accounts(url: str, n: int, prefix: str = "r") -> list[int]:
    with transaction(url) as session:
        session.execute(insert(Account), [
            {"login": f"{prefix}{i}@example.test", "password_hash": "x", "role": "resident",
             "department": "", "created_at": NOW, "failures": 0}
            for i in range(n)
        ])  # fmt: skip
    with transaction(url) as session:
        rows = session.exec(
            select(Account.id, Account.login).where(col(Account.login).like(f"{prefix}%"))
        ).all()
    return [
        account_id for account_id, _ in sorted(rows, key=lambda r: int(r[1][len(prefix) :].split("@")[0]))
    ]


def make_course(
    url: str, capacity: int = 30, mode: str = "first_come", code: str = "c1", minimum: int = 10
) -> int:
    with transaction(url) as session:
        centre = session.exec(select(ClassCentre).where(ClassCentre.dong == "1114055000")).first()
        if centre is None:
            centre = ClassCentre(dong="1114055000", name_ko="명동 자치회관")
            session.add(centre)
            session.flush()
        course = Course(
            code=code, centre_id=centre.id, title_ko="요가", quarter="2026Q2", capacity=capacity,
            fee_krw=30000, materials_fee_krw=5000, opens_at=NOW - timedelta(hours=1),
            closes_at=NOW + timedelta(days=2), starts_on=date(2026, 4, 1), ends_on=date(2026, 6, 30),
            sessions=12, mode=mode, minimum_enrolment=minimum,
        )  # fmt: skip
        session.add(course)
        session.flush()
        return course.id


def test_rush_of_1000_for_30_seats_gives_30_confirmed_and_970_waitlisted_in_order(database) -> None:
    accounts = make_accounts(database, 1000)
    course = make_course(database)
    errors: list[BaseException] = []

    def attempt(account_id: int) -> float:
        started = time.perf_counter()
        try:
            register(account_id, course, f"k{account_id}", NOW, url=database)
        except BaseException as exc:
            errors.append(exc)
        return time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(attempt, accounts))
    assert errors == []
    rows = registrations_of(course, database)
    assert len(rows) == 1000
    assert sum(r.status == "confirmed" for r in rows) == 30
    waitlisted = [r for r in rows if r.status == "waitlisted"]
    assert len(waitlisted) == 970
    assert [r.position for r in waitlisted] == list(range(1, 971))  # rows are in commit (id) order
    assert len({r.account_id for r in rows}) == 1000


def test_cancellation_promotes_the_first_waitlisted_with_a_hold_that_passes_on(database) -> None:
    a, b, c, d, staff = make_accounts(database, 5)
    course = make_course(database, capacity=2)
    first = register(a, course, "k", NOW, url=database).registration
    register(b, course, "k", NOW, url=database)
    wait_c = register(c, course, "k", NOW, url=database).registration
    wait_d = register(d, course, "k", NOW, url=database).registration
    assert (wait_c.status, wait_c.position, wait_d.position) == ("waitlisted", 1, 2)
    record_payment(first.id, True, staff, NOW, url=database)  # paid at the centre

    cancelled = cancel(first.id, a, NOW, url=database)
    assert cancelled.status == "cancelled"
    assert cancelled.refund_krw == 30000  # before the start: the whole fee, not the materials
    assert cancel(first.id, a, NOW, url=database).status == "cancelled"  # again: nothing more happens
    by_id = {r.id: r for r in registrations_of(course, database)}
    assert by_id[wait_c.id].status == "held" and by_id[wait_d.id].status == "waitlisted"

    expire_holds(course, NOW + timedelta(hours=25), url=database)  # c never confirmed: d's turn
    by_id = {r.id: r for r in registrations_of(course, database)}
    assert by_id[wait_c.id].status == "cancelled" and by_id[wait_d.id].status == "held"
    assert confirm_hold(wait_d.id, d, NOW + timedelta(hours=26), url=database).status == "confirmed"
    assert sum(r.status == "confirmed" for r in registrations_of(course, database)) == 2


def test_double_submit_with_the_same_key_gives_one_registration(database) -> None:
    (a,) = make_accounts(database, 1)
    course = make_course(database)
    with ThreadPoolExecutor(max_workers=5) as pool:
        outcomes = list(pool.map(lambda _: register(a, course, "same", NOW, url=database), range(5)))
    assert len({o.registration.id for o in outcomes}) == 1
    assert sum(o.created for o in outcomes) == 1
    assert len(registrations_of(course, database)) == 1


def _lottery(url: str, code: str, accounts: list[int], seed: int):
    course = make_course(url, capacity=10, mode="lottery", code=code)
    for account_id in accounts:
        assert register(account_id, course, "k", NOW, url=url).registration.status == "lottery_pending"
    first = run_lottery(course, seed, NOW + timedelta(days=3), url=url)
    again = run_lottery(course, seed + 1, NOW + timedelta(days=3), url=url)  # drawn already: unchanged
    assert again == first
    by_id = {r.id: r.account_id for r in registrations_of(course, url)}
    return [by_id[r] for r, _ in first.winners], [by_id[r] for r in first.waitlist], course


def test_lottery_is_reproducible_and_never_double_assigns(database) -> None:
    accounts = make_accounts(database, 40)
    winners_1, waitlist_1, course = _lottery(database, "l1", accounts, seed=2026)
    winners_2, waitlist_2, _ = _lottery(database, "l2", accounts, seed=2026)
    assert sorted(winners_1) == sorted(winners_2) and waitlist_1 == waitlist_2
    assert len(winners_1) == 10 and len(set(winners_1) | set(waitlist_1)) == 40
    assert not set(winners_1) & set(waitlist_1)
    (late,) = make_accounts(database, 1, prefix="late")
    with pytest.raises(ClassError):
        register(late, course, "k", NOW + timedelta(days=3), url=database)  # the window has closed
    assert sum(r.status == "confirmed" for r in registrations_of(course, database)) == 10
    assert all(isinstance(r, Registration) for r in registrations_of(course, database))


def test_load_samples_is_idempotent_and_marks_courses_as_sample(database, naesone) -> None:
    first = naesone("classes", "load-samples")
    assert first.code == 0, first.err
    assert "sample" in first.out
    again = naesone("classes", "load-samples")
    assert again.code == 0 and again.out == first.out
    with transaction(database) as session:
        courses = session.exec(select(Course)).all()
        centres = session.exec(select(ClassCentre)).all()
    assert len(centres) == 15 and len(courses) == 30 and all(c.sample for c in courses)
    # the window "2026-11-23T10:00:00+09:00" is 01:00 UTC on every database (SQLite keeps no offset)
    assert {c.opens_at.replace(tzinfo=None) for c in courses} == {datetime(2026, 11, 23, 1, 0)}


def test_export_lists_registrations_and_deleting_the_account_removes_them(database) -> None:
    from naesone_app.db.personal_data import delete_account, export_account

    a, b = make_accounts(database, 2)
    course = make_course(database)
    register(a, course, "k", NOW, url=database)
    register(b, course, "k", NOW, url=database)
    with transaction(database) as session:
        exported = export_account(session, a)["class_registrations"]
    assert [(r["course"], r["status"]) for r in exported] == [("c1", "confirmed")]
    with transaction(database) as session:
        delete_account(session, a)
    assert [r.account_id for r in registrations_of(course, database)] == [b]


def test_quota_seats_reductions_and_undersubscribed_cancellation(database) -> None:
    from naesone_app.actions.classes import close_if_undersubscribed
    from naesone_app.core.profile import facts_on, parse_profile

    young, senior, other, staff = make_accounts(database, 4)
    course = make_course(database, capacity=2)
    with transaction(database) as session:
        row = session.get(Course, course)
        row.priority_rules = '[{"age_min": 65, "seats": 1}]'
        session.add(row)
    elder = facts_on(parse_profile({"lives_in_junggu": True, "birth_date": "1950-05-05"}), date(2026, 4, 1))
    assert register(young, course, "k", NOW, url=database).registration.status == "confirmed"
    assert (
        register(other, course, "k", NOW, url=database).registration.status == "waitlisted"
    )  # quota seat kept
    held = register(senior, course, "k", NOW, facts=elder, url=database).registration
    assert (held.status, held.quota, held.reduction_code) == ("confirmed", "quota1", "senior")
    assert held.fee_due_krw == 21000 + 5000  # 30 % off the course fee, not the materials fee
    record_payment(held.id, True, staff, NOW, url=database)  # the young one has not paid yet

    assert close_if_undersubscribed(course, NOW, url=database)  # 2 confirmed < minimum 10: 폐강
    rows = {r.account_id: r for r in registrations_of(course, database)}
    assert all(r.status == "cancelled" for r in rows.values())
    assert rows[senior].refund_krw == 26000  # everything paid, materials too
    assert rows[young].refund_krw == 0 and rows[other].refund_krw == 0  # nothing paid, nothing back
    assert {r.cancel_reason for r in rows.values()} == {"course_cancelled"}


def test_returning_learners_register_first(database) -> None:
    returning, newcomer = make_accounts(database, 2)
    earlier = make_course(database, code="old")
    with transaction(database) as session:
        old = session.get(Course, earlier)
        old.quarter = "2026Q1"
        session.add(old)
    register(returning, earlier, "k", NOW, url=database)
    course = make_course(database, mode="returning_priority", code="new")
    with transaction(database) as session:
        row = session.get(Course, course)
        row.returning_until = NOW + timedelta(hours=2)
        session.add(row)
    with pytest.raises(ClassError):
        register(newcomer, course, "k", NOW, url=database)
    assert register(returning, course, "k", NOW, url=database).registration.returning_learner
    assert (
        register(newcomer, course, "k", NOW + timedelta(hours=3), url=database).registration.status
        == "confirmed"
    )


def test_a_lottery_winner_cancelling_passes_the_seat_to_the_first_drawn_on_the_waitlist(database) -> None:
    accounts = make_accounts(database, 15)
    course = make_course(database, capacity=10, mode="lottery")
    for account_id in accounts:
        register(account_id, course, "k", NOW, url=database)
    result = run_lottery(course, 99, NOW + timedelta(days=3), url=database)
    by_id = {r.id: r for r in registrations_of(course, database)}
    winner = by_id[result.winners[0][0]]
    cancel(winner.id, winner.account_id, NOW + timedelta(days=3), url=database)
    after = {r.id: r for r in registrations_of(course, database)}
    assert after[result.waitlist[0]].status == "held"
    assert [after[i].status for i in result.waitlist[1:]] == ["waitlisted"] * 4
    assert run_lottery(course, 99, NOW + timedelta(days=4), url=database).waitlist == result.waitlist[1:]


def test_the_lottery_waits_for_the_window_to_close(database) -> None:
    course = make_course(database, mode="lottery")
    with pytest.raises(ClassError):
        run_lottery(course, 1, NOW, url=database)


def test_run_due_command_passes_lapsed_holds_on(database, naesone) -> None:
    a, b, c = make_accounts(database, 3)
    course = make_course(database, capacity=1, minimum=1)  # goes ahead when run-due checks it
    first = register(a, course, "k", NOW, url=database).registration
    held = register(b, course, "k", NOW, url=database).registration
    nxt = register(c, course, "k", NOW, url=database).registration
    cancel(first.id, a, NOW, url=database)  # b holds the seat until NOW + 24 h, long past by now
    result = naesone("classes", "run-due")
    assert result.code == 0, result.err
    assert "passed seats on in 1 courses" in result.out
    rows = {r.id: r.status for r in registrations_of(course, database)}
    assert rows[held.id] == "cancelled" and rows[nxt.id] == "held"
