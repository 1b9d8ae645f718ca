"""Class policy rules: quarters, the per-quarter limit, payment deadlines and when 폐강 is decided."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from naesone_app.core import class_policy as cp

RULES = cp.Policy(
    courses_per_quarter=2, payment_days=3, payment_minimum_hours=24, closure_days_before_start=2
)


def test_the_policy_file_is_read_and_complete() -> None:
    assert cp.policy() == cp.Policy(**{k: getattr(cp.policy(), k) for k in cp.Policy.__dataclass_fields__})
    assert cp.policy().courses_per_quarter >= 1


def test_quarters_are_named_as_courses_name_them_and_the_next_wraps_the_year() -> None:
    assert cp.quarter_of(date(2026, 11, 25)) == "2026Q4"
    assert cp.quarters_shown(date(2026, 11, 25)) == ("2026Q4", "2027Q1")
    assert cp.quarters_shown(date(2026, 3, 31)) == ("2026Q1", "2026Q2")


def test_the_limit_refuses_only_at_the_limit() -> None:
    assert cp.limit_refusal(1, 2) is None
    refusal = cp.limit_refusal(2, 2)
    assert refusal is not None and refusal.params == {"n": 2}


def test_payment_is_due_days_after_confirmation_but_never_after_the_first_day() -> None:
    confirmed = datetime(2026, 3, 16, 1, 0, tzinfo=UTC)  # Monday 10:00 in Seoul
    # three days later, at the centre's closing time that day (Thursday 18:00 KST = 09:00 UTC)
    assert cp.payment_deadline(confirmed, date(2026, 4, 1), 30000, RULES) == datetime(
        2026, 3, 19, 9, 0, tzinfo=UTC
    )
    # two days before the start: closing time of the last weekday before the first day (Tue 18:00 KST)
    near = datetime(2026, 3, 29, 12, 0, tzinfo=UTC)
    assert cp.payment_deadline(near, date(2026, 4, 1), 30000, RULES) == datetime(
        2026, 3, 31, 9, 0, tzinfo=UTC
    )
    # confirmed on the eve of the start (a late promotion): still a day to pay
    eve = datetime(2026, 3, 31, 14, 0, tzinfo=UTC)
    assert cp.payment_deadline(eve, date(2026, 4, 1), 30000, RULES) == eve + timedelta(hours=24)
    assert cp.payment_deadline(confirmed, date(2026, 4, 1), 0, RULES) is None  # free: nothing to pay


def test_a_deadline_never_falls_at_an_odd_hour_or_on_a_weekend() -> None:
    """Confirmed 09:26 on a Monday: due 18:00 Thursday, not "09:26"; a deadline on a Saturday moves to
    Monday's closing time."""
    monday = datetime(2026, 12, 7, 9, 26, tzinfo=cp.KST)
    due = cp.payment_deadline(monday, date(2027, 1, 4), 5000, RULES)
    assert due == datetime(2026, 12, 10, 18, 0, tzinfo=cp.KST)
    wednesday = datetime(2026, 12, 9, 11, 0, tzinfo=cp.KST)
    assert cp.payment_deadline(wednesday, date(2027, 1, 4), 5000, RULES) == datetime(
        2026, 12, 14, 18, 0, tzinfo=cp.KST
    )


def test_a_payment_lapses_at_the_deadline_unless_paid() -> None:
    deadline = datetime(2026, 3, 19, tzinfo=UTC)
    assert not cp.payment_lapsed(deadline, False, deadline - timedelta(seconds=1))
    assert cp.payment_lapsed(deadline, False, deadline)
    assert not cp.payment_lapsed(deadline, True, deadline + timedelta(days=9))
    assert not cp.payment_lapsed(None, False, deadline)


def test_closure_is_decided_after_the_window_and_shortly_before_the_start() -> None:
    closes = datetime(2026, 3, 18, tzinfo=UTC)
    start = date(2026, 4, 1)
    assert not cp.closure_due(closes, start, datetime(2026, 3, 20, tzinfo=UTC), RULES)
    assert cp.closure_due(closes, start, datetime(2026, 3, 29, 15, 0, tzinfo=UTC), RULES)
    late_window = datetime(2026, 4, 2, tzinfo=UTC)
    assert not cp.closure_due(late_window, start, datetime(2026, 4, 1, tzinfo=UTC), RULES)


def test_an_unpaid_seat_is_reminded_a_day_before_its_deadline_or_halfway_when_confirmed_late() -> None:
    confirmed = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)
    deadline = confirmed + timedelta(days=3)
    due = lambda now, paid=False, confirmed_at=confirmed, until=deadline: cp.payment_reminder_due(  # noqa: E731
        confirmed_at, until, paid, now, RULES
    )
    assert not due(deadline - timedelta(hours=24, seconds=1))
    assert due(deadline - timedelta(hours=24)) and due(deadline - timedelta(minutes=1))
    assert not due(deadline)  # released at the deadline: too late to remind
    assert not due(deadline - timedelta(hours=1), paid=True)
    assert not cp.payment_reminder_due(confirmed, None, False, deadline, RULES)  # nothing owed
    # a lottery win the day before the start: the 24-hour window is all there is, remind halfway
    late = deadline - timedelta(hours=24)
    assert not due(late + timedelta(hours=11, minutes=59), confirmed_at=late)
    assert due(late + timedelta(hours=12), confirmed_at=late)
