"""The most decisive question comes first, and a question that decides nothing is not asked."""

from __future__ import annotations

from datetime import date

from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText
from naesone_app.core.questionnaire import next_questions, question_impact
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
