"""The engine: status, per-criterion verdicts, nearest miss, next change date; properties over profiles."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from naesone_app.core.catalog.gov24 import program_from_rows
from naesone_app.core.catalog.native import load_catalog
from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.criteria import AgeRange, ChildAge, IncomeBands, ResidenceMonths
from naesone_app.core.eligibility import actionable, evaluate, nearest_miss, next_change
from naesone_app.core.i18n import render
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText
from naesone_app.core.screening import compile_catalog
from tests.unit.strategies import (
    as_of_dates,
    gov24_condition_rows,
    gov24_list_rows,
    profiles_with_one_bad_key,
    valid_profiles,
)

AS_OF = date(2026, 11, 25)
NATIVE_DIR = Path(__file__).resolve().parents[2] / "data" / "programs"


def native(rules: Any, source_id: str = "test-programme") -> Program:
    return Program("native", source_id, {"ko": ProgramText(title="시험")}, parse_rules(rules))


def run(rules: Any, profile: dict[str, Any], on: date = AS_OF):
    return evaluate(native(rules), facts_on(parse_profile(profile), on))


# -- status and verdicts ------------------------------------------------------------------------------


def test_no_criteria_is_eligible_for_anyone() -> None:
    result = run(None, {})
    assert (result.status, result.criteria, result.nearest_miss, result.next_change) == (
        "eligible", (), (), None)  # fmt: skip


def test_verdicts_in_order_with_names_details_and_requirements() -> None:
    result = run([{"lives_in_junggu": True}, {"age": {"min": 65}}, {"income": {"max_percent": 50}}],
                 {"dong": "신당동", "age": 64})  # fmt: skip
    assert result.status == "ineligible"
    assert [(v.name, v.status) for v in result.criteria] == [
        ("region", "met"), ("age", "unmet"), ("income", "unknown")]  # fmt: skip
    assert render(result.criteria[1].detail) == "만 65세 이상 — 지금 만 64세예요."
    assert render(result.criteria[1].requirement) == "만 65세 이상"
    assert (
        render(result.criteria[2].detail)
        == "기준 중위소득 50% 이하 — 가구원 수와 소득을 알려 주시면 확인할 수 있어요."
    )


def test_status_maybe_and_eligible() -> None:
    rules = [{"age": {"min": 65}}, {"situations": ["disabled"]}]
    assert run(rules, {"age": 70}).status == "maybe"
    assert run(rules, {"age": 70, "situations": ["disabled"]}).status == "eligible"
    assert run(rules, {"age": 70, "situations": []}).status == "ineligible"


# -- nearest miss -------------------------------------------------------------------------------------


def test_nearest_miss_lists_only_unmet_leaves() -> None:
    # turns 65 on 2026-12-20, within the horizon; income can change; 장애 is unknown, not unmet
    result = run([{"lives_in_junggu": True}, {"age": {"min": 65}}, {"income": {"max_percent": 50}},
                  {"situations": ["disabled"]}],
                 {"lives_in_junggu": True, "birth_date": "1961-12-20", "income_percent_of_median": 80})  # fmt: skip
    assert [v.criterion for v in result.nearest_miss] == [AgeRange(65, None), IncomeBands(((None, 50.0),))]
    assert all(v.status == "unmet" for v in result.nearest_miss)


def test_nearest_miss_takes_the_cheapest_actionable_any_of_branch() -> None:
    rules = [{"any_of": [
        {"all_of": [{"age": {"min": 65}}, {"sex": "female"}]},
        {"situations": ["veteran"]},
        {"all_of": [{"income": {"max_percent": 50}}, {"residence_months": 6}]},
    ]}]  # fmt: skip
    near_65 = {"birth_date": "1961-12-20", "situations": [], "income_percent_of_median": 80,
               "moved_in_on": "2026-11-01"}  # fmt: skip
    # a man cannot act on "female" or "veteran": the income-and-residence branch is the advice
    result = run(rules, {**near_65, "sex": "male"})
    assert [v.name for v in result.nearest_miss] == ["income", "residence"]
    # a woman only has to wait for her birthday (the shorter branch)
    result = run(rules, {**near_65, "sex": "female"})
    assert [v.criterion for v in result.nearest_miss] == [AgeRange(65, None)]


def test_nearest_miss_inside_all_of_collects_every_unmet_part() -> None:
    rules = [
        {"all_of": [{"age": {"min": 65}}, {"income": {"max_percent": 50}}, {"household_size": {"min": 2}}]}
    ]
    result = run(rules, {"birth_date": "1961-12-20", "income_percent_of_median": 80, "household_size": 3})
    assert [v.name for v in result.nearest_miss] == ["age", "income"]


def test_nearest_miss_never_names_a_status_one_cannot_choose() -> None:
    for rule, profile in [
        ({"situations": ["veteran"]}, {"situations": []}),
        ({"household": ["north_korean_defector"]}, {"household": []}),
        ({"household": ["multicultural"]}, {"household": []}),
        ({"situations": ["disabled"]}, {"situations": []}),
        ({"sex": "male"}, {"sex": "female"}),
        ({"livelihood": ["recipient"]}, {"livelihood": "none"}),
        ({"housing": ["semi_basement"]}, {"housing": "other"}),
    ]:
        result = run([rule, {"income": {"max_percent": 50}}], {**profile, "income_percent_of_median": 80})
        assert result.status == "ineligible"
        assert result.nearest_miss == (), rule


def test_nearest_miss_names_age_only_when_time_brings_it_soon() -> None:
    rules = [{"age": {"min": 65}}]
    assert run(rules, {"birth_date": "1992-05-10"}).nearest_miss == ()  # 34: 31 years away
    assert run(rules, {"age": 64}).nearest_miss == ()  # no birth date: no date to wait for
    assert [v.name for v in run(rules, {"birth_date": "1962-03-02"}).nearest_miss] == ["age"]  # 2027-03-02
    # an upper bound already passed never comes back
    assert run([{"age": {"max": 39}}], {"birth_date": "1980-01-01"}).nearest_miss == ()


def test_nearest_miss_residence_months_come_with_time() -> None:
    rules = [{"residence_months": 6}]
    assert [v.name for v in run(rules, {"dong": "신당동", "moved_in_on": "2026-11-01"}).nearest_miss] == [
        "residence"
    ]
    # two years to wait is beyond the horizon
    assert run([{"residence_months": 36}], {"dong": "신당동", "moved_in_on": "2026-11-01"}).nearest_miss == ()


def test_mother_of_one_gets_no_unactionable_nearest_miss() -> None:
    """The 34-year-old mother of issue 10 across the whole native catalogue, as of 2026-12-07."""
    mother = {"birth_date": "1992-05-10", "sex": "female", "dong": "신당동", "moved_in_on": "2026-11-01",
              "household_size": 3, "children": [{"birth_date": "2025-10-01"}], "income_percent_of_median": 60,
              "situations": [], "household": ["new_move_in"], "livelihood": "none"}  # fmt: skip
    facts = facts_on(parse_profile(mother), date(2026, 12, 7))
    named = set()
    for program, _cases in load_catalog(NATIVE_DIR):
        result = evaluate(program, facts)
        for v in result.nearest_miss:
            named.add(v.name)
            text = render(v.detail)
            assert "국가보훈대상자" not in text and "북한이탈주민" not in text, program.key
            assert "65" not in render(v.requirement), program.key
    assert named <= {"income", "residence", "age", "children"}


def test_nearest_miss_empty_when_only_unknown() -> None:
    assert run([{"age": {"min": 65}}], {}).nearest_miss == ()
    assert (
        nearest_miss(parse_rules([{"age": {"min": 65}}]), facts_on(parse_profile({"age": 70}), AS_OF)) == ()
    )


# -- next change date ---------------------------------------------------------------------------------


def test_turning_65_is_the_next_change() -> None:
    result = run(
        [{"age": {"min": 65}}, {"lives_in_junggu": True}], {"birth_date": "1962-03-02", "dong": "명동"}
    )
    assert result.status == "ineligible"
    assert result.next_change is not None
    assert result.next_change.on == date(2027, 3, 2)
    assert result.next_change.status == "eligible"
    assert [render(e) for e in result.next_change.events] == ["만 65세가 됩니다"]


def test_turning_65_makes_maybe_when_other_facts_unknown() -> None:
    result = run([{"age": {"min": 65}}, {"income": {"max_percent": 50}}], {"birth_date": "1962-03-02"})
    assert (result.next_change.on, result.next_change.status) == (date(2027, 3, 2), "maybe")


def test_ageing_out_of_an_upper_bound() -> None:
    result = run([{"age": {"max": 34}}], {"birth_date": "1992-01-10"})
    assert result.status == "eligible"
    assert (result.next_change.on, result.next_change.status) == (date(2027, 1, 10), "ineligible")


def test_child_ageing_out() -> None:
    # "up to 만 5세": the child born 2021-05-10 turns 6 on 2027-05-10.
    result = run([{"children": {"max_age": 5}}], {"children": [{"birth_date": "2021-05-10"}]})
    assert result.status == "eligible"
    assert result.next_change.on == date(2027, 5, 10)
    assert result.next_change.status == "ineligible"
    assert render(result.next_change.events[0]) == "자녀가 대상 나이를 넘습니다"


def test_child_ageing_in_by_months() -> None:
    result = run([{"children": {"min_age_months": 3, "max_age_months": 144}}],
                 {"children": [{"birth_date": "2026-10-31"}]})  # fmt: skip
    assert result.status == "ineligible"
    assert (result.next_change.on, result.next_change.status) == (date(2027, 1, 31), "eligible")


def test_second_child_keeps_programme_open_so_first_change_is_later() -> None:
    rules = [{"children": {"max_age": 5}}]
    profile = {"children": [{"birth_date": "2021-05-10"}, {"birth_date": "2024-03-15"}]}
    result = run(rules, profile)
    # the first child ages out on 2027-05-10, but the second keeps the household in until 2030-03-15
    assert (result.next_change.on, result.next_change.status) == (date(2030, 3, 15), "ineligible")


def test_residence_months_reached() -> None:
    result = run([{"residence_months": 6}], {"moved_in_on": "2026-09-15"})
    assert result.status == "ineligible"
    assert (result.next_change.on, result.next_change.status) == (date(2027, 3, 15), "eligible")
    assert render(result.next_change.events[0]) == "중구 거주 6개월이 됩니다"


def test_no_change_without_dates() -> None:
    assert run([{"age": {"min": 65}}], {"age": 60}).next_change is None
    assert run([{"sex": "female"}], {"sex": "male"}).next_change is None


def test_no_change_when_time_cannot_flip_the_status() -> None:
    # Outside Jung-gu the age does not matter: still ineligible after turning 65.
    assert run([{"age": {"min": 65}}, {"lives_in_junggu": True}],
               {"birth_date": "1962-03-02", "lives_in_junggu": False}).next_change is None  # fmt: skip
    # Already past both bounds forever
    assert run([{"age": {"max": 30}}], {"birth_date": "1950-01-01"}).next_change is None


def test_next_change_on_dates_in_the_past_are_ignored() -> None:
    facts = facts_on(parse_profile({"birth_date": "1950-01-01"}), AS_OF)
    assert next_change((AgeRange(65, None),), facts) is None


def test_next_change_picks_the_earliest_flip_through_any_of() -> None:
    rules = [{"any_of": [{"age": {"min": 65}}, {"residence_months": 24}]}]
    result = run(rules, {"birth_date": "1962-03-02", "moved_in_on": "2026-01-01"})
    assert (result.next_change.on, result.next_change.status) == (date(2027, 3, 2), "eligible")
    result = run(rules, {"birth_date": "1962-03-02", "moved_in_on": "2025-01-01"})
    assert (result.next_change.on, result.next_change.status) == (date(2027, 1, 1), "eligible")


def test_criteria_change_dates() -> None:
    facts = facts_on(parse_profile({"birth_date": "2000-02-29", "moved_in_on": "2026-01-31",
                                    "children": [{"birth_date": "2026-01-31"}]}), date(2026, 2, 1))  # fmt: skip
    assert [c.on for c in AgeRange(30, 40).changes(facts)] == [date(2030, 3, 1), date(2041, 3, 1)]
    assert [c.on for c in ResidenceMonths(1).changes(facts)] == [
        date(2026, 3, 1)
    ]  # 31 Jan + 1 month (민법 §160)
    assert [c.on for c in ChildAge(1, 11).changes(facts)] == [date(2026, 3, 1), date(2027, 1, 31)]


# -- properties ---------------------------------------------------------------------------------------


def _native_programs() -> list[Program]:
    return [program for program, _ in load_catalog(NATIVE_DIR)]


NATIVE = _native_programs()


def _render_all(result) -> None:
    for verdict in (*result.criteria, *result.nearest_miss):
        assert render(verdict.detail)
        assert render(verdict.requirement)
    if result.next_change is not None:
        for event in result.next_change.events:
            assert render(event)


def _gov24(list_row: dict, condition_row: dict) -> Program:
    return program_from_rows(list_row, condition_row, None, "hypothesis row")


@given(valid_profiles(), as_of_dates, gov24_list_rows, gov24_condition_rows())
def test_evaluate_never_raises_and_screening_agrees(
    profile: dict[str, Any], on: date, list_row: dict, condition_row: dict
) -> None:
    facts = facts_on(parse_profile(profile), on)
    programs = [*NATIVE, _gov24(list_row, condition_row)]
    results = [evaluate(p, facts) for p in programs]
    for result in results:
        assert result.status in ("eligible", "maybe", "ineligible", "closed")
        assert (result.status == "ineligible") == any(v.status == "unmet" for v in result.criteria)
        closed = result.program.closes_on is not None and result.program.closes_on < on
        assert (result.status == "closed") == (closed and result.status != "ineligible")
        assert (result.status == "eligible") == (
            all(v.status == "met" for v in result.criteria) and not closed
        )
        if result.nearest_miss:  # advice only for an ineligible programme, and only what one can act on
            assert result.status == "ineligible"
            assert all(actionable(v.criterion, facts) for v in result.nearest_miss)
        if result.next_change is not None:
            assert result.next_change.on > on
            assert result.next_change.status != result.status
        _render_all(result)
    screened = compile_catalog(programs).screen(facts)
    assert [status for _, status in screened] == [r.status for r in results]


@given(profiles_with_one_bad_key())
def test_invalid_profile_names_the_bad_key(case: tuple[dict[str, Any], str]) -> None:
    profile, key = case
    with pytest.raises(ProfileError) as caught:
        parse_profile(profile)
    assert caught.value.key == key or caught.value.key.startswith(f"{key}["), (caught.value.key, key)


@given(valid_profiles())
def test_valid_profiles_parse(profile: dict[str, Any]) -> None:
    parse_profile(profile)
