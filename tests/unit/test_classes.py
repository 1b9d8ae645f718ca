"""자치회관 class rules: reductions, refunds under 시행령 제23조, quotas, windows and the lottery."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from naesone_app.core import classes as rules
from naesone_app.core.profile import facts_on, parse_profile

START = date(2026, 4, 1)


def facts(**profile):
    return facts_on(parse_profile({"lives_in_junggu": True, **profile}), START)


def test_only_the_highest_reduction_applies() -> None:
    both = facts(birth_date="1950-01-01", situations=["disabled"], livelihood="recipient")
    assert rules.best_reduction(both, START).code == "recipient"
    assert rules.reduced_fee(30000, rules.best_reduction(both, START)) == 0
    senior_disabled = facts(birth_date="1950-01-01", situations=["disabled"])
    assert rules.best_reduction(senior_disabled, START).code == "disabled"
    assert rules.reduced_fee(30000, rules.best_reduction(senior_disabled, START)) == 15000
    assert rules.best_reduction(facts(birth_date="1960-04-02"), START).code == "senior"  # 만 66


def test_no_reduction_without_facts_or_outside_junggu() -> None:
    assert rules.best_reduction(None, START) is None
    assert rules.best_reduction(facts(birth_date="1990-01-01"), START) is None
    outsider = facts_on(parse_profile({"lives_in_junggu": False, "livelihood": "recipient"}), START)
    assert rules.best_reduction(outsider, START) is None


def test_multi_child_counts_children_aged_18_or_under() -> None:
    three = facts(children=[{"birth_date": d} for d in ("2010-01-01", "2012-01-01", "2015-01-01")])
    assert rules.best_reduction(three, START).code == "multi_child"
    grown = facts(children=[{"birth_date": d} for d in ("2000-01-01", "2012-01-01", "2015-01-01")])
    assert rules.best_reduction(grown, START) is None


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [(0, 30000), (1, 20000), (3, 20000), (4, 15000), (5, 15000), (6, 0), (12, 0)],
)
def test_refund_follows_the_enforcement_decree_article_23(elapsed: int, expected: int) -> None:
    assert rules.refund(30000, 5000, 12, elapsed).amount_krw == expected


def test_cancelled_course_refunds_everything_including_materials() -> None:
    assert rules.refund(30000, 5000, 12, 6, course_cancelled=True).amount_krw == 35000
    assert rules.below_minimum(4, 5) and not rules.below_minimum(5, 5)


def test_sessions_elapsed_spreads_sessions_over_the_term() -> None:
    end = date(2026, 6, 30)
    assert rules.sessions_elapsed(START, end, 12, date(2026, 3, 31)) == 0
    assert rules.sessions_elapsed(START, end, 12, START) == 1
    assert rules.sessions_elapsed(START, end, 12, end) == 12


def test_quota_seats_are_kept_for_those_who_qualify() -> None:
    quotas = rules.parse_quotas([{"age_min": 65, "seats": 2}])
    assert rules.place(5, quotas, {"": 3}, []) is None  # general seats (3) are gone
    assert rules.place(5, quotas, {"": 3}, ["quota1"]) == "quota1"
    assert rules.place(5, quotas, {"": 1, "quota1": 2}, ["quota1"]) == ""
    assert rules.qualifying(quotas, facts(birth_date="1950-01-01"), START) == ["quota1"]
    with pytest.raises(ValueError):
        rules.parse_quotas([{"shoe_size": 40, "seats": 1}])


def test_returning_window_admits_only_returning_learners() -> None:
    opens = datetime(2026, 3, 16, 10, tzinfo=UTC)
    closes, until = opens + timedelta(days=3), opens + timedelta(days=1)
    during = opens + timedelta(hours=1)
    assert rules.window_refusal("returning_priority", opens, closes, until, during, returning=True) is None
    assert rules.window_refusal("returning_priority", opens, closes, until, during, returning=False)
    assert rules.window_refusal("returning_priority", opens, closes, until, until, returning=False) is None
    assert rules.window_refusal("first_come", opens, closes, None, closes, returning=False)


def test_lottery_is_reproducible_and_assigns_each_seat_once() -> None:
    applicants = {i: [] for i in range(100, 150)}
    first = rules.draw(applicants, 10, seed=7)
    assert first == rules.draw(dict(reversed(list(applicants.items()))), 10, seed=7)
    assert first != rules.draw(applicants, 10, seed=8)
    won = [w for w, _ in first.winners]
    assert len(won) == len(set(won)) == 10
    assert sorted(won + list(first.waitlist)) == sorted(applicants)


def test_lottery_respects_quotas_and_waitlist_promotion_is_in_order() -> None:
    quotas = rules.parse_quotas([{"age_min": 65, "seats": 3}])
    applicants = {i: (["quota1"] if i < 5 else []) for i in range(30)}
    result = rules.draw(applicants, 10, seed=1, quotas=quotas)
    assert sum(seat == "quota1" for _, seat in result.winners) == 3
    assert rules.next_in_line([(3, 30), (1, 10), (2, 20)]) == 10
    assert rules.next_in_line([]) is None


def test_promotion_respects_quotas_and_waitlist_order() -> None:
    quotas = (rules.Quota("senior", 1, {"age_min": 65}),)
    waitlist = [(1, []), (2, []), (3, ["senior"]), (4, [])]
    # the 65+ seat freed: it skips two general applicants for the first 65+ one
    assert rules.promote(3, quotas, {"": 2}, waitlist) == [(3, "senior")]
    # a general seat freed: the first in line, never the 65+ seat for someone who does not qualify
    assert rules.promote(3, quotas, {"": 1, "senior": 1}, waitlist) == [(1, "")]
    # both freed: the first in line takes the general seat, the first 65+ the quota seat
    assert rules.promote(3, quotas, {"": 1}, waitlist) == [(1, ""), (3, "senior")]
    # a quota seat nobody waiting qualifies for stays held for the quota
    assert rules.promote(3, quotas, {"": 2}, [(1, []), (2, [])]) == []
    assert rules.promote(3, quotas, {"": 2, "senior": 1}, waitlist) == []
