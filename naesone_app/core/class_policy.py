"""자치회관 class policy: per-quarter limits, payment deadlines and when 폐강 is decided (pure rules).

The numbers come from parameters/class_policy.yaml, so a district notice that changes them is a data
change. There is no payment gateway: staff record a payment when the resident pays at the centre.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path

import yaml

from naesone_app.core.dates import KST
from naesone_app.core.i18n import N_, Message

_POLICY_FILE = Path(__file__).parent / "parameters" / "class_policy.yaml"


@dataclass(frozen=True, slots=True)
class Policy:
    """The district's class rules that are numbers, not logic."""

    courses_per_quarter: int = 2
    payment_days: int = 3
    payment_minimum_hours: int = 24
    hold_hours: int = 24
    closure_days_before_start: int = 2
    payment_reminder_hours: int = 24
    payment_closing_hour: int = 18  # the centre's counter closes: a deadline falls at this hour (KST)


@cache
def policy() -> Policy:
    """The policy from parameters/class_policy.yaml; a missing or wrong key is an error naming it."""
    data = yaml.safe_load(_POLICY_FILE.read_text(encoding="utf-8")) or {}
    fields = Policy.__dataclass_fields__
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"{_POLICY_FILE.name}: unknown setting {sorted(unknown)[0]!r}")
    for key, value in data.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{_POLICY_FILE.name}: {key} must be a whole number ≥ 0, not {value!r}")
    return Policy(**data)


def quarter_of(day: date) -> str:
    """The quarter a date falls in, as courses name it: 2026Q4."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarters_shown(today: date) -> tuple[str, str]:
    """The current quarter and the next (recruitment runs in the month before a quarter starts)."""
    following = date(today.year + 1, 1, 1) if today.month > 9 else date(today.year, today.month + 3, 1)
    return quarter_of(today), quarter_of(following)


def limit_refusal(active_in_quarter: int, limit: int) -> Message | None:
    """Why one more course this quarter is refused (the resident already has `limit`), or None."""
    if active_in_quarter >= limit:
        return Message(N_("한 분기에 {n}개 강좌까지 신청할 수 있어요. 다른 강좌를 취소한 뒤 신청해 주세요."),
                       {"n": limit})  # fmt: skip
    return None


def course_start(starts_on: date) -> datetime:
    """The first day's midnight in Seoul: the moment a course has started."""
    return datetime.combine(starts_on, time(0, 0), tzinfo=KST)


def payment_deadline(
    confirmed_at: datetime, starts_on: date, fee_due_krw: int, rules: Policy
) -> datetime | None:
    """When an unpaid confirmed seat is released: `payment_days` after confirmation, never after the first
    day; a seat confirmed close to the start still gets `payment_minimum_hours`. None when nothing is due.
    """
    if fee_due_krw <= 0:
        return None
    deadline = min(at_closing(confirmed_at + timedelta(days=rules.payment_days), rules),
                   last_counter_before(starts_on, rules))  # fmt: skip
    return max(deadline, confirmed_at + timedelta(hours=rules.payment_minimum_hours))


def last_counter_before(starts_on: date, rules: Policy) -> datetime:
    """Closing time of the last weekday before the first day: the latest a fee can be paid."""
    day = starts_on - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return min(
        datetime.combine(day, time(rules.payment_closing_hour, 0), tzinfo=KST), course_start(starts_on)
    )


def at_closing(moment: datetime, rules: Policy) -> datetime:
    """The centre's closing time on the day a deadline falls (Seoul), or on the next weekday when that
    day is a weekend: a deadline a person can meet at the counter, never "09:26 on a Sunday"."""
    local = moment.astimezone(KST)
    day = local.date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, time(rules.payment_closing_hour, 0), tzinfo=KST).astimezone(UTC)


def payment_lapsed(deadline: datetime | None, paid: bool, now: datetime) -> bool:
    """Whether a confirmed seat is released for want of payment."""
    return deadline is not None and not paid and now >= deadline


def closure_due(closes_at: datetime, starts_on: date, now: datetime, rules: Policy) -> bool:
    """Whether the minimum-enrolment check (폐강) is due: the window has closed and the start is near."""
    decide_at = course_start(starts_on) - timedelta(days=rules.closure_days_before_start)
    return now >= closes_at and now >= decide_at


def payment_reminder_due(
    confirmed_at: datetime, deadline: datetime | None, paid: bool, now: datetime, rules: Policy
) -> bool:
    """Whether to remind an unpaid resident of the payment deadline now: `payment_reminder_hours` before
    it, or halfway to it when the seat was confirmed later than that (a lottery win near the start), so
    the reminder never arrives in the same hour as the confirmation it would repeat."""
    if deadline is None or paid or now >= deadline:
        return False
    lead = min(timedelta(hours=rules.payment_reminder_hours), (deadline - confirmed_at) / 2)
    return now >= deadline - lead
