"""Issue 10's verdict rules: windows in the verdict, facts that imply others, housing and declared
conditions, what a programme is worth, and the screening fast path agreeing on all of it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from naesone_app.core.catalog.gov24 import plan_import, rows_of
from naesone_app.core.catalog.native import CatalogError, load_catalog, program_from_data
from naesone_app.core.catalog.rules import RuleError, parse_rules, rule_to_data
from naesone_app.core.criteria import MET, UNKNOWN, UNMET, Declared, Household, Housing, IncomeBands
from naesone_app.core.eligibility import (
    CLOSED,
    PROGRAM_STATUS,
    Window,
    application_window,
    evaluate,
    is_stale,
)
from naesone_app.core.i18n import render
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText, Value, yearly_krw
from naesone_app.core.questionnaire import question_impact
from naesone_app.core.screening import compile_catalog

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 7)
CATALOG = {p.source_id: p for p, _ in load_catalog(ROOT / "data" / "programs")}
GOV24_DIR = ROOT / "data" / "samples" / "gov24"


def _gov24_samples() -> list[Program]:
    def rows(pattern: str) -> list[tuple[dict, str]]:
        found = []
        for path in sorted(GOV24_DIR.glob(pattern)):
            for i, row in enumerate(rows_of(json.loads(path.read_text(encoding="utf-8")), path.name)):
                found.append((row, f"{path.name}: row {i + 1}"))
        return found

    return plan_import(rows("serviceList.*.json"), rows("supportConditions.*.json"),
                       rows("serviceDetail.*.json")).programs  # fmt: skip


GOV24 = {p.source_id: p for p in _gov24_samples()}


def decide(program: Program, profile: dict[str, Any], on: date = TODAY):
    return evaluate(program, facts_on(parse_profile(profile), on))


def programme(rules: Any = None, **fields: Any) -> Program:
    return Program("native", "test", {"ko": ProgramText(title="시험")}, parse_rules(rules), **fields)


# -- application windows are part of the verdict -------------------------------------------------------


def test_culture_card_is_closed_after_its_window_never_eligible() -> None:
    card = CATALOG["natl-culture-nuri-card"]
    recipient = {"birth_date": "1954-03-01", "livelihood": "recipient"}
    assert decide(card, recipient, date(2026, 11, 30)).status == "eligible"  # the last day still counts
    after = decide(card, recipient, TODAY)
    assert after.status == CLOSED
    assert after.window.opens == date(2026, 2, 2) and after.window.closes == date(2026, 11, 30)
    assert not after.stale  # this year's window: nothing for the department to fix yet


def test_closed_never_hides_ineligible() -> None:
    card = CATALOG["natl-culture-nuri-card"]
    assert decide(card, {"age": 40, "livelihood": "none"}, TODAY).status == "ineligible"
    assert decide(card, {"age": 40}, TODAY).status == CLOSED  # unknown but closed: nothing to do now


def test_heating_support_with_2025_dates_is_closed_and_stale() -> None:
    heating = GOV24["301000000106"]  # 중구 취약가구 냉난방비 지원, 신청기한 2025.11.3. ~ 11.28.
    result = decide(heating, {"dong": "신당동", "livelihood": "recipient", "household": ["single_person"]})
    assert (result.status, result.stale) == (CLOSED, True)
    assert result.window == Window(date(2025, 11, 3), date(2025, 11, 28), None)


def test_every_window_closed_in_a_past_year_is_stale_and_never_eligible() -> None:
    programs = [*CATALOG.values(), *GOV24.values()]
    past = [p for p in programs if p.closes_on and p.closes_on.year < TODAY.year]
    assert past, "the samples hold old windows"
    for program in past:
        result = decide(program, {})
        assert result.stale and result.status in ("closed", "ineligible")


def test_next_window_published_or_yearly() -> None:
    published = programme(opens_on=date(2026, 2, 2), closes_on=date(2026, 11, 30),
                          next_opens_on=date(2027, 2, 1))  # fmt: skip
    assert decide(published, {}).window.next_opens == date(2027, 2, 1)
    yearly = programme(opens_on=date(2025, 3, 4), closes_on=date(2025, 5, 30), recurs="yearly")
    result = decide(yearly, {})
    assert (result.status, result.stale, result.window.next_opens) == ("closed", True, date(2027, 3, 4))
    # a yearly programme whose stored window is last year's is stale even if it closed this year
    spanning = programme(opens_on=date(2025, 12, 1), closes_on=date(2026, 1, 31), recurs="yearly")
    assert is_stale(spanning, TODAY) and application_window(spanning, TODAY).next_opens == date(2027, 12, 1)


def test_the_timeline_never_says_eligible_on_a_day_the_window_is_closed() -> None:
    # she turns 65 on 2027-03-02, but this year's window closes on 2026-12-31 and no next one is known
    rules = [{"age": {"min": 65}}]
    once = programme(rules, opens_on=date(2026, 1, 2), closes_on=date(2026, 12, 31))
    assert decide(once, {"birth_date": "1962-03-02"}).next_change is None
    # without a window the same birthday is the change (the control)
    assert decide(programme(rules), {"birth_date": "1962-03-02"}).next_change.on == date(2027, 3, 2)


def test_the_timeline_waits_for_the_next_window_to_open() -> None:
    rules = [{"age": {"min": 65}}]
    published = programme(rules, opens_on=date(2026, 1, 2), closes_on=date(2026, 12, 31),
                          next_opens_on=date(2027, 6, 1))  # fmt: skip
    change = decide(published, {"birth_date": "1962-03-02"}).next_change
    assert (change.on, change.status) == (date(2027, 6, 1), "eligible")
    assert [render(e) for e in change.events] == ["신청 기간이 시작됩니다"]


def test_a_closed_programme_becomes_eligible_again_when_its_yearly_window_opens() -> None:
    card = CATALOG["natl-culture-nuri-card"]  # closed on 2026-11-30; opens every year on 2 February
    result = decide(card, {"birth_date": "1954-03-01", "livelihood": "recipient"})
    assert result.status == CLOSED
    assert (result.next_change.on, result.next_change.status) == (date(2027, 2, 2), "eligible")


def test_an_open_window_still_reports_a_change_before_it_closes() -> None:
    rules = [{"age": {"max": 34}}]
    open_now = programme(rules, opens_on=date(2026, 1, 2), closes_on=date(2027, 6, 30))
    change = decide(open_now, {"birth_date": "1992-01-10"}).next_change
    assert (change.on, change.status) == (date(2027, 1, 10), "ineligible")


def test_yaml_window_with_next_opening_and_bad_windows_are_named() -> None:
    base = {
        "id": "window-test", "title": {"ko": "시험", "en": "Test"}, "summary": {"ko": "요약", "en": "Summary"},
        "audience": {"ko": "누구나", "en": "Anyone"}, "benefit": {"ko": "무엇", "en": "What"},
        "how_to_apply": {"ko": "방문", "en": "Visit"}, "responsible_body": {"ko": "중구", "en": "Jung-gu"},
        "category": "문화", "level": "district", "source_note": "시험", "last_updated": "2026-01-01",
    }  # fmt: skip
    window = {"opens": "2026-02-02", "closes": "2026-11-30", "next_opens": "2027-02-01"}
    program, _ = program_from_data({**base, "application_window": window}, "t.yaml")
    assert program.next_opens_on == date(2027, 2, 1)
    with pytest.raises(CatalogError, match="next_opens"):
        program_from_data({**base, "application_window": {**window, "next_opens": "2026-11-01"}}, "t.yaml")
    with pytest.raises(CatalogError, match="recurs"):
        program_from_data({**base, "application_window": {**window, "recurs": "weekly"}}, "t.yaml")


# -- the screening fast path agrees with the engine on closed --------------------------------------------

PROFILES = [
    {},
    {"birth_date": "1954-03-01", "dong": "회현동", "household_size": 1, "livelihood": "recipient"},
    {"birth_date": "1992-05-10", "sex": "female", "dong": "신당동", "moved_in_on": "2026-11-01",
     "household_size": 3, "children": [{"birth_date": "2025-10-01"}], "income_percent_of_median": 60},
    {"age": 24, "lives_in_junggu": True, "income_percent_of_median": 120, "situations": ["job_seeker"]},
    {"age": 40, "livelihood": "near_poor", "housing": "semi_basement", "dong": "중림동"},
]  # fmt: skip


@pytest.mark.parametrize("on", [date(2025, 6, 1), date(2026, 11, 30), TODAY, date(2027, 3, 1)])
def test_screening_agrees_with_evaluate_over_the_sample_catalogue(on: date) -> None:
    programs = [*CATALOG.values(), *GOV24.values()]
    compiled = compile_catalog(programs)
    for profile in PROFILES:
        facts = facts_on(parse_profile(profile), on)
        screened = [PROGRAM_STATUS[int(code)] for code in compiled.statuses(facts)]
        assert screened == [evaluate(p, facts).status for p in programs], (profile, on)
    assert "closed" in screened or on < date(2025, 6, 2)


# -- facts that imply others ---------------------------------------------------------------------------


def test_recipient_income_bounded_at_half_the_median() -> None:
    facts = facts_on(parse_profile({"livelihood": "recipient"}), TODAY)
    assert facts.income_at_most == 50.0 and facts.income_percent is None
    assert IncomeBands(((None, 95.0),)).status(facts) == MET  # 기초연금's approximation
    assert IncomeBands(((None, 50.0),)).status(facts) == MET
    assert IncomeBands(((None, 32.0),)).status(facts) == UNKNOWN  # 생계급여: 32 % needs the income
    assert IncomeBands(((100.0, None),)).status(facts) == UNMET
    assert IncomeBands(((50.0, 75.0),)).status(facts) == UNMET
    assert IncomeBands(((None, 25.0), (25.0, 60.0))).status(facts) == MET  # contiguous bands cover it
    assert IncomeBands(((None, 25.0), (30.0, 60.0))).status(facts) == UNKNOWN  # a gap
    # a stated income wins over the bound
    stated = facts_on(parse_profile({"livelihood": "recipient", "income_percent_of_median": 30}), TODAY)
    assert stated.income_at_most is None and IncomeBands(((None, 32.0),)).status(stated) == MET


def test_recipient_who_skipped_income_gets_basic_pension_decided() -> None:
    senior = {"birth_date": "1954-03-01", "dong": "회현동", "household_size": 1, "livelihood": "recipient"}
    pension = decide(CATALOG["natl-basic-pension"], senior)
    assert [v.status for v in pension.criteria] == ["met", "met"] and pension.status == "eligible"
    assert "50%" in render(pension.criteria[1].detail)
    for key in ("natl-livelihood-benefit", "natl-housing-benefit"):
        result = decide(CATALOG[key], senior)
        income = next(v for v in result.criteria if v.name == "income")
        assert income.status == "unknown"  # 32 % / 48 % lie inside "at most 50 %": the income decides
        assert "기초생활수급자" in render(income.detail)


def test_household_size_one_is_single_person_and_back() -> None:
    alone = Household(frozenset({"single_person"}))
    assert alone.status(facts_on(parse_profile({"household_size": 1}), TODAY)) == MET
    assert alone.status(facts_on(parse_profile({"household_size": 3}), TODAY)) == UNMET
    # other household types stay unknown when only the size is known
    assert Household(frozenset({"single_person", "multi_child"})).status(
        facts_on(parse_profile({"household_size": 3}), TODAY)) == UNKNOWN  # fmt: skip
    # 1인 가구 says the size, so income in won can be turned into % of the median
    facts = facts_on(parse_profile({"household": ["single_person"], "monthly_income_krw": 1_282_119}), TODAY)
    assert facts.household_size == 1 and facts.income_percent == pytest.approx(50.0, abs=0.1)


def test_size_wins_over_a_contradicting_household_list() -> None:
    facts = facts_on(parse_profile({"household_size": 1, "household": []}), TODAY)
    assert "single_person" in facts.household
    facts = facts_on(parse_profile({"household_size": 2, "household": ["single_person"]}), TODAY)
    assert "single_person" not in facts.household


def test_questionnaire_does_not_count_a_settled_household_question() -> None:
    alone = programme([{"household": ["single_person"]}])
    compiled = compile_catalog([alone])
    assert question_impact(compiled, facts_on(parse_profile({}), TODAY))["household"] == 1
    assert question_impact(compiled, facts_on(parse_profile({"household_size": 1}), TODAY))["household"] == 0


# -- housing and declared conditions ----------------------------------------------------------------------


def test_housing_profile_key_is_validated() -> None:
    assert parse_profile({"housing": "semi_basement"}).housing == "semi_basement"
    with pytest.raises(ProfileError) as caught:
        parse_profile({"housing": "basement"})
    assert caught.value.key == "housing"


def test_flood_barrier_needs_a_semi_basement_home() -> None:
    barrier = CATALOG["junggu-flood-barrier"]
    assert decide(barrier, {"dong": "신당동"}).status == "maybe"  # never eligible on an unasked fact
    assert decide(barrier, {"dong": "신당동", "housing": "other"}).status == "ineligible"
    assert decide(barrier, {"dong": "신당동", "housing": "semi_basement"}).status != "ineligible"
    assert Housing(frozenset({"semi_basement"})).kind == "housing"


def test_declared_condition_is_always_unknown_and_never_asked() -> None:
    rules = [{"lives_in_junggu": True}, {"declared": {"ko": "집주인 동의", "en": "the landlord's consent"}}]
    assert rule_to_data(parse_rules(rules)[1]) == rules[1]
    result = decide(programme(rules), {"dong": "명동"})
    assert result.status == "maybe"
    declared = result.criteria[1]
    assert (declared.name, declared.status) == ("declared", "unknown")
    assert render(declared.detail, "ko") == "담당 부서가 확인해요: 집주인 동의"
    assert render(declared.detail, "en") == "The office checks: the landlord's consent"
    assert Declared("a", "b").status(facts_on(parse_profile({}), TODAY)) == UNKNOWN
    assert sum(question_impact(compile_catalog([programme(rules)]), facts_on(parse_profile({"dong": "명동"}), TODAY)).values()) == 0  # fmt: skip
    with pytest.raises(RuleError, match="en"):
        parse_rules([{"declared": {"ko": "집주인 동의"}}])


def test_no_native_programme_is_eligible_on_a_fact_never_asked() -> None:
    """Everything the app asks, known: what is still unknown must be the office's (declared) to check."""
    everyone = {"birth_date": "1990-01-01", "sex": "female", "dong": "신당동", "moved_in_on": "2010-01-01",
                "household_size": 2, "income_percent_of_median": 40, "situations": [], "household": [],
                "children": [], "livelihood": "none", "housing": "other"}  # fmt: skip
    facts = facts_on(parse_profile(everyone), TODAY)
    for program in CATALOG.values():
        for verdict in evaluate(program, facts).criteria:
            assert verdict.status != "unknown" or _only_declared(verdict.criterion, facts), program.key


def _only_declared(criterion, facts) -> bool:
    parts = getattr(criterion, "parts", None)
    if parts is None:
        return criterion.kind == "declared"
    return all(_only_declared(p, facts) for p in parts if p.status(facts) == UNKNOWN)


# -- what it is worth -------------------------------------------------------------------------------------


def test_yearly_value() -> None:
    assert yearly_krw(Value(2_000_000, "once", "person", "voucher")) == 2_000_000
    assert yearly_krw(Value(1_000_000, "month", "person", "cash")) == 12_000_000
    assert yearly_krw(Value(200_000, "month", "person", "cash", months=10)) == 2_000_000
    assert yearly_krw(Value(200_000, "month", "person", "cash", months=24)) == 2_400_000
    assert yearly_krw(Value(150_000, "year", "person", "voucher")) == 150_000
    with pytest.raises(ValueError, match="period"):
        Value(1, "week", "person", "cash")
    with pytest.raises(ValueError, match="months"):
        Value(1, "once", "person", "cash", months=3)


def test_programme_categories_put_the_primary_first() -> None:
    rent = CATALOG["seoul-youth-rent"]
    assert rent.categories[0] == rent.category == "청년" and "주거" in rent.categories
    voucher = CATALOG["natl-first-meeting-voucher"]
    assert "영유아" in voucher.categories and voucher.categories[0] == voucher.category
    assert all(p.categories and p.categories[0] == p.category for p in CATALOG.values())


# -- stale windows for the department ---------------------------------------------------------------------


def test_stale_programmes_belong_to_their_department() -> None:
    from naesone_app.core.stale import belongs_to, stale_programs

    programs = [*CATALOG.values(), *GOV24.values()]
    heating = GOV24["301000000106"]
    assert (
        belongs_to(heating, "복지정책과")
        and not belongs_to(heating, "정책과")
        and not belongs_to(heating, "")
    )
    mine = stale_programs(programs, TODAY, "복지정책과")
    assert heating in mine and all(belongs_to(p, "복지정책과") for p in mine)
    everyone = stale_programs(programs, TODAY)
    assert {p.key for p in mine} <= {p.key for p in everyone} and all(is_stale(p, TODAY) for p in everyone)
    assert [p.closes_on for p in everyone] == sorted(p.closes_on for p in everyone)
    assert stale_programs(programs, date(2025, 6, 1)) == []  # in 2025 the 2025 windows are current


def test_gov24_fields_also_sit_under_the_native_category() -> None:
    housing = [p for p in GOV24.values() if p.category == "주거·자립"]
    assert housing and all(p.categories == ("주거·자립", "주거") for p in housing)
    births = [p for p in GOV24.values() if p.category == "임신·출산"]
    assert births and all(p.categories == ("임신·출산",) for p in births)
    assert all(p.categories == ("생활안정",) for p in GOV24.values() if p.category == "생활안정")


def test_mother_gets_only_actionable_nearest_misses_across_both_catalogues() -> None:
    mother = {"birth_date": "1992-05-10", "sex": "female", "dong": "신당동", "moved_in_on": "2026-11-01",
              "household_size": 3, "children": [{"birth_date": "2025-10-01"}], "income_percent_of_median": 60,
              "situations": [], "household": ["new_move_in"]}  # fmt: skip
    facts = facts_on(parse_profile(mother), TODAY)
    advice = []
    for program in [*CATALOG.values(), *GOV24.values()]:
        for verdict in evaluate(program, facts).nearest_miss:
            advice.append((program.key, verdict.name, render(verdict.detail), render(verdict.requirement)))
    assert advice, "some programme is within reach (income, residence months)"
    for key, kind, detail, requirement in advice:
        assert kind in ("income", "residence", "age", "children"), key
        for status in ("국가보훈대상자", "북한이탈주민", "장애인", "다문화가족"):
            assert status not in detail, (key, detail)
        assert not (kind == "age" and "65" in requirement), key
