"""자치회관 classes: fee reductions, refunds, priority quotas, windows and the lottery (pure rules).

Source: shared/reference/korean-public-data.md §7. Jung-gu's own 조례 rates were not found [U]; the
reduction categories and rates below are data (REDUCTIONS) modelled on the patterns there (노원구 and
others), and only the highest applicable rate is used, one per person per course. Refunds follow
평생교육법 시행령 제23조: before the start everything, before 1/3 of the sessions 2/3, before 1/2 a half,
after that nothing; materials fees are not refundable, except when the course itself is cancelled (폐강).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from naesone_app.core.class_policy import policy
from naesone_app.core.dates import age_on
from naesone_app.core.i18n import N_, Message
from naesone_app.core.profile import Facts

MODES = ("first_come", "lottery", "returning_priority")
STATUSES = ("confirmed", "waitlisted", "held", "cancelled", "lottery_pending")
MULTI_CHILD_MIN = 3  # 다둥이: three or more children aged 18 or under
CHILD_MAX_AGE = 18


@dataclass(frozen=True, slots=True)
class Reduction:
    """One 감면 category: a code, its label, its rate in percent and the facts it needs (as data)."""

    code: str
    label: str  # Korean msgid
    percent: int
    when: Mapping[str, Any] = field(default_factory=dict)


REDUCTIONS: tuple[Reduction, ...] = (
    Reduction("recipient", N_("국민기초생활수급자"), 100, {"livelihood": ["recipient"]}),
    Reduction("near_poor", N_("차상위계층"), 50, {"livelihood": ["near_poor"]}),
    Reduction("disabled", N_("등록 장애인"), 50, {"situation": "disabled"}),
    Reduction("veteran", N_("국가유공자"), 50, {"situation": "veteran"}),
    Reduction("multi_child", N_("다자녀 가정 (만 18세 이하 자녀 3명 이상)"), 50, {"children_min": MULTI_CHILD_MIN}),
    Reduction("single_parent", N_("한부모가족"), 30, {"household": "single_parent_or_grandparent"}),
    Reduction("defector", N_("북한이탈주민"), 30, {"household": "north_korean_defector"}),
    Reduction("senior", N_("만 65세 이상"), 30, {"age_min": 65}),
)  # fmt: skip
REDUCTIONS_BY_CODE = {r.code: r for r in REDUCTIONS}


def matches(when: Mapping[str, Any], facts: Facts | None, on: date | None = None) -> bool:
    """Whether the facts meet every condition; unknown facts never meet one."""
    if facts is None:
        return False
    on = on or facts.as_of
    for key, value in when.items():
        if key == "age_min" or key == "age_max":
            age = age_on(facts.birth_date, on) if facts.birth_date else facts.age
            if age is None or (age < value if key == "age_min" else age > value):
                return False
        elif key == "livelihood":
            if facts.livelihood not in value:
                return False
        elif key == "situation":
            if not facts.situations or value not in facts.situations:
                return False
        elif key == "household":
            if not facts.household or value not in facts.household:
                return False
        elif key == "children_min":
            if facts.children is None or _minors(facts.children, on) < value:
                return False
        elif key == "resident":
            if facts.lives_in_junggu is not value:
                return False
        else:
            raise ValueError(f"unknown condition {key!r}")
    return True


def _minors(children: Iterable[date], on: date) -> int:
    return sum(1 for born in children if born <= on and age_on(born, on) <= CHILD_MAX_AGE)


def best_reduction(
    facts: Facts | None, on: date, table: Sequence[Reduction] = REDUCTIONS
) -> Reduction | None:
    """The single highest reduction the resident qualifies for on `on` (the quarter's start), or None.

    Reductions are for Jung-gu residents only, and only for someone born before `on`.
    """
    if facts is None or facts.lives_in_junggu is not True:
        return None
    if facts.birth_date is not None and facts.birth_date >= on:
        return None
    best = None
    for reduction in table:
        if matches(reduction.when, facts, on) and (best is None or reduction.percent > best.percent):
            best = reduction
    return best


def reduced_fee(fee_krw: int, reduction: Reduction | None) -> int:
    """The course fee after the reduction (won, the discount rounded down); materials fees never reduce."""
    if reduction is None:
        return fee_krw
    return fee_krw - fee_krw * reduction.percent // 100


def sessions_elapsed(starts_on: date, ends_on: date, sessions: int, on: date) -> int:
    """How many of the evenly spread sessions have been held by the end of `on`."""
    if on < starts_on:
        return 0
    if on >= ends_on:
        return sessions
    total_days = (ends_on - starts_on).days + 1
    return min(sessions, 1 + (on - starts_on).days * sessions // total_days)


@dataclass(frozen=True, slots=True)
class Refund:
    """How much goes back and why."""

    amount_krw: int
    reason: Message


def refund(
    fee_paid_krw: int, materials_paid_krw: int, sessions: int, elapsed: int, course_cancelled: bool = False
) -> Refund:
    """The refund under 평생교육법 시행령 제23조, or in full when the course is cancelled (폐강)."""
    if course_cancelled:
        return Refund(fee_paid_krw + materials_paid_krw, Message(N_("폐강되어 전액 환불돼요")))
    if elapsed <= 0:
        return Refund(fee_paid_krw, Message(N_("개강 전 취소: 수강료 전액 환불 (재료비 제외)")))
    done = Fraction(elapsed, max(sessions, 1))
    if done < Fraction(1, 3):
        return Refund(fee_paid_krw * 2 // 3, Message(N_("총 수업의 1/3 경과 전: 수강료의 2/3 환불")))
    if done < Fraction(1, 2):
        return Refund(fee_paid_krw // 2, Message(N_("총 수업의 1/2 경과 전: 수강료의 1/2 환불")))
    return Refund(0, Message(N_("총 수업의 1/2 경과 후: 환불되지 않아요")))


def below_minimum(confirmed: int, minimum_enrolment: int) -> bool:
    """Whether a course is cancelled (폐강) for too few learners."""
    return confirmed < minimum_enrolment


@dataclass(frozen=True, slots=True)
class Quota:
    """Seats held for applicants meeting `when`, e.g. {"age_min": 65} with 5 seats."""

    code: str
    seats: int
    when: Mapping[str, Any]


def parse_quotas(rules: Sequence[Mapping[str, Any]]) -> tuple[Quota, ...]:
    """Quotas from a course's JSON rules, e.g. [{"age_min": 65, "seats": 5}]."""
    quotas = []
    for i, rule in enumerate(rules):
        conditions = {k: v for k, v in rule.items() if k not in ("seats", "code")}
        for key in conditions:
            if key not in (
                "age_min",
                "age_max",
                "livelihood",
                "situation",
                "household",
                "children_min",
                "resident",
            ):
                raise ValueError(f"unknown quota condition {key!r}")
        quotas.append(Quota(str(rule.get("code") or f"quota{i + 1}"), int(rule["seats"]), conditions))
    return tuple(quotas)


def place(
    capacity: int, quotas: Sequence[Quota], taken: Mapping[str, int], qualifies: Iterable[str]
) -> str | None:
    """Which seat an applicant gets: a quota's code, "" for a general seat, or None when none is left.

    taken counts seats in use by quota code ("" for general). An applicant meeting a quota takes its seat
    first, keeping general seats for everyone else; quota seats are never given to others.
    """
    qualifies = set(qualifies)
    for quota in quotas:
        if quota.code in qualifies and taken.get(quota.code, 0) < quota.seats:
            return quota.code
    general = capacity - sum(q.seats for q in quotas)
    if taken.get("", 0) < general:
        return ""
    return None


def qualifying(quotas: Sequence[Quota], facts: Facts | None, on: date) -> list[str]:
    """The quota codes the resident meets."""
    return [q.code for q in quotas if matches(q.when, facts, on)]


def window_refusal(
    mode: str, opens_at: datetime, closes_at: datetime, returning_until: datetime | None,
    now: datetime, returning: bool,
) -> Message | None:  # fmt: skip
    """Why the resident cannot sign up now, or None when they can."""
    if now < opens_at:
        return Message(N_("아직 접수 기간이 아니에요"))
    if now >= closes_at:
        return Message(N_("접수 기간이 끝났어요"))
    if (
        mode == "returning_priority"
        and returning_until is not None
        and now < returning_until
        and not returning
    ):
        return Message(N_("지금은 기존 수강생 재등록 기간이에요"))
    return None


def hold_expiry(now: datetime) -> datetime:
    """When a seat held for a promoted waitlisted resident passes to the next (policy: hold_hours)."""
    return now + timedelta(hours=policy().hold_hours)


def promote(
    capacity: int, quotas: Sequence[Quota], taken: Mapping[str, int],
    waitlist: Iterable[tuple[int, Iterable[str]]],
) -> list[tuple[int, str]]:  # fmt: skip
    """Who gets the free seats, in waitlist order: (registration id, seat) pairs.

    Each waitlisted resident (id, the quota codes they meet) is offered a seat through `place`: a freed
    65+ seat goes to the first waitlisted resident who is 65+, even behind others; a freed general seat
    goes to the first in line. Residents for whom no seat is left stay waitlisted in their order.
    """
    seats = dict(taken)
    given: list[tuple[int, str]] = []
    for registration, qualifies in waitlist:
        if sum(seats.values()) >= capacity:
            break
        seat = place(capacity, quotas, seats, qualifies)
        if seat is not None:
            seats[seat] = seats.get(seat, 0) + 1
            given.append((registration, seat))
    return given


def next_in_line(waitlist: Iterable[tuple[int, int]]) -> int | None:
    """The registration to promote from (position, registration id) pairs: the lowest position."""
    ordered = sorted(waitlist)
    return ordered[0][1] if ordered else None


@dataclass(frozen=True, slots=True)
class Draw:
    """A lottery's result: the winners with their seat (quota code or ""), then the waitlist in order."""

    winners: tuple[tuple[int, str], ...]
    waitlist: tuple[int, ...]


def draw(
    applicants: Mapping[int, Iterable[str]], capacity: int, seed: int, quotas: Sequence[Quota] = ()
) -> Draw:
    """A reproducible lottery: random.Random(seed) shuffles the sorted applicant ids; each id once.

    applicants maps an id to the quota codes it qualifies for. Seats go down the drawn order through
    `promote`, so quotas hold; everyone drawn without a seat is waitlisted in drawn order.
    """
    order = sorted(set(applicants))
    random.Random(seed).shuffle(order)
    winners = promote(capacity, quotas, {}, ((a, applicants[a]) for a in order))
    seated = {a for a, _ in winners}
    return Draw(tuple(winners), tuple(a for a in order if a not in seated))
