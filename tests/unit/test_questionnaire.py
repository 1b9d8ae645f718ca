"""The most decisive question comes first, and a question that decides nothing is not asked."""

from __future__ import annotations

from datetime import date

from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText
from naesone_app.core.questionnaire import askable, next_questions, offered_choices, question_impact
from naesone_app.core.screening import compile_catalog

TODAY = date(2026, 11, 25)


def _program(i: int, rules: list) -> Program:
    return Program("native", f"p{i}", {"ko": ProgramText(title=f"p{i}")}, parse_rules(rules))


CATALOG = compile_catalog([
    _program(1, [{"age": {"min": 65}}]),
    _program(2, [{"age": {"min": 65}}, {"lives_in_junggu": True}]),
    _program(3, [{"age": {"max": 34}}, {"income": {"max_percent": 150}}]),
    _program(4, [{"any_of": [{"livelihood": ["recipient"]}, {"household": ["single_person"]}]}]),
])  # fmt: skip


def test_questions_ordered_by_how_many_programmes_they_decide() -> None:
    facts = facts_on(parse_profile({}), TODAY)
    impact = question_impact(CATALOG, facts)
    assert impact["birth_date"] == 3 and impact["residence"] == 1 and impact["income"] == 1
    assert next_questions(CATALOG, facts, set())[0] == "birth_date"
    assert "sex" not in next_questions(CATALOG, facts, set())  # no programme asks it


def test_answers_remove_questions_that_no_longer_matter() -> None:
    facts = facts_on(parse_profile({"age": 70}), TODAY)
    pending = next_questions(CATALOG, facts, {"birth_date"})
    assert "income" not in pending  # the only income programme is out by age already
    assert pending[0] in {"residence", "livelihood", "household"}


def test_an_any_of_met_by_one_branch_asks_nothing_more() -> None:
    facts = facts_on(parse_profile({"household": ["single_person"], "age": 20}), TODAY)
    pending = next_questions(CATALOG, facts, {"birth_date", "household"})
    assert "livelihood" not in pending


def test_settled_questions_are_not_asked_again() -> None:
    facts = facts_on(parse_profile({}), TODAY)
    assert "birth_date" not in next_questions(CATALOG, facts, {"birth_date"})


# --- ordering and skipping by what is already known (issue 10) ---

WELFARE = compile_catalog([
    _program(10, [{"income": {"max_percent": 100}}]),
    _program(11, [{"income": {"max_percent": 100}}, {"age": {"min": 65}}]),
    _program(12, [{"income": {"max_percent": 120}}]),
    _program(13, [{"livelihood": ["recipient"]}]),
    _program(14, [{"household": ["single_person"]}]),
    _program(15, [{"children": {"max_age_months": 95}}]),
    _program(16, [{"situations": ["pregnant", "disabled", "high_school_student", "farmer"]}]),
    _program(17, [{"lives_in_junggu": True}, {"residence_months": 6}, {"children": {"max_age_months": 11}}]),
    _program(18, [{"housing": ["semi_basement", "rooftop"]}]),
])  # fmt: skip


def _facts(profile: dict):
    return facts_on(parse_profile(profile), TODAY)


def test_livelihood_is_asked_before_income_even_when_income_decides_more() -> None:
    pending = next_questions(WELFARE, _facts({}), set())
    assert question_impact(WELFARE, _facts({}))["income"] > question_impact(WELFARE, _facts({}))["livelihood"]
    assert pending.index("livelihood") < pending.index("income")


def test_a_recipient_is_not_asked_income_when_being_a_recipient_decides_it() -> None:
    facts = _facts({"livelihood": "recipient", "age": 72})
    pending = next_questions(WELFARE, facts, {"livelihood", "birth_date"})
    assert "income" not in pending
    assert "income" not in askable(WELFARE, facts)


def test_a_recipient_is_still_asked_income_for_a_lower_band() -> None:
    catalog = compile_catalog([_program(20, [{"income": {"max_percent": 32}}])])
    facts = _facts({"livelihood": "recipient"})
    assert next_questions(catalog, facts, {"livelihood"}) == ["income"]
    # skipped: the results still need it, so "nothing left to ask" must not be said
    assert askable(catalog, facts) == ["income"]


def test_living_alone_is_not_offered_again_after_household_size_one() -> None:
    catalog = compile_catalog([
        _program(21, [{"household": ["single_person", "multi_child"]}]),
        _program(22, [{"household": ["no_house", "multi_child"]}]),
    ])  # fmt: skip
    assert offered_choices(catalog, _facts({}), "household") == ("single_person", "multi_child", "no_house")
    pending = next_questions(catalog, _facts({}), set())
    assert pending.index("household_size") < pending.index("household")
    assert offered_choices(catalog, _facts({"household_size": 1}), "household") == ("no_house",)
    assert offered_choices(catalog, _facts({"household_size": 3}), "household") == ("multi_child", "no_house")


def test_children_are_gated_by_one_question_before_any_birth_date() -> None:
    facts = _facts({})
    pending = next_questions(WELFARE, facts, set())
    assert "has_children" in pending and "children" not in pending
    after_yes = next_questions(WELFARE, facts, {"has_children"})
    assert "children" in after_yes and "has_children" not in after_yes
    after_no = _facts({"children": []})
    assert not {"has_children", "children"} & set(next_questions(WELFARE, after_no, {"has_children"}))


def test_a_72_year_old_is_offered_only_plausible_situations() -> None:
    older = _facts({"age": 72, "sex": "female"})
    assert offered_choices(WELFARE, older, "situations") == ("farmer", "disabled")
    young_woman = _facts({"age": 17, "sex": "female"})
    assert set(offered_choices(WELFARE, young_woman, "situations")) == {
        "pregnant", "high_school_student", "farmer", "disabled",
    }  # fmt: skip
    man = _facts({"age": 30, "sex": "male"})
    assert "pregnant" not in offered_choices(WELFARE, man, "situations")


def test_farming_is_offered_only_where_a_programme_needs_it() -> None:
    assert "farmer" not in offered_choices(CATALOG, _facts({}), "situations")
    assert "fisher" not in offered_choices(WELFARE, _facts({}), "situations")


def test_ticking_new_move_in_asks_the_move_in_date_next() -> None:
    facts = _facts({"household": ["new_move_in"], "lives_in_junggu": True})
    assert next_questions(WELFARE, facts, {"household", "residence"})[0] == "moved_in_on"


def test_the_move_in_date_is_asked_when_months_in_jung_gu_decide() -> None:
    facts = _facts({"lives_in_junggu": True, "children": [{"birth_date": "2026-10-01"}]})
    assert "moved_in_on" in next_questions(WELFARE, facts, {"residence", "has_children", "children"})


def test_housing_is_asked_when_a_housing_criterion_decides() -> None:
    assert "housing" in next_questions(WELFARE, _facts({}), set())
    assert "housing" not in next_questions(WELFARE, _facts({"housing": "other"}), set())


def test_a_declared_condition_is_never_asked() -> None:
    catalog = compile_catalog(
        [_program(30, [{"declared": {"ko": "집주인 동의", "en": "landlord's consent"}}])]
    )
    facts = _facts({})
    assert catalog.statuses(facts)[0] == 1  # unknown: the office decides
    assert next_questions(catalog, facts, set()) == []
    assert askable(catalog, facts) == []
