"""Criteria read as a person reads them: one sentence each, options one by one, no engine tags."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from naesone_app.core.catalog.native import load_catalog
from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.criteria import ChildAge, child_age_text
from naesone_app.core.eligibility import evaluate
from naesone_app.core.i18n import render
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText
from naesone_app.state.views import criterion_line

AS_OF = date(2026, 12, 7)
NATIVE = [program for program, _ in load_catalog(Path(__file__).resolve().parents[2] / "data" / "programs")]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# what the engine used to leave in sentences: status tags, marks, "(대상: …)" asides, "아직 모름:"
ENGINE_LEFTOVERS = re.compile(r"\[|\]|✗|✓|\(대상:|\(for:|아직 모름|not known yet|충족\b|미충족")

MOTHER = {
    "birth_date": "1992-05-10", "sex": "female", "lives_in_junggu": True, "dong": "신당동",
    "moved_in_on": "2026-11-01", "household_size": 3, "children": [{"birth_date": "2025-10-01"}],
    "monthly_income_krw": 3_500_000, "livelihood": "none",
}  # fmt: skip
SENIOR = {
    "age": 72,
    "lives_in_junggu": True,
    "dong": "회현동",
    "household_size": 1,
    "livelihood": "recipient",
}


def _decide(rules, profile: dict):
    program = Program("native", "t", {"ko": ProgramText(title="시험")}, parse_rules(rules))
    return evaluate(program, facts_on(parse_profile(profile), AS_OF))


def test_a_criterion_is_one_sentence_rule_then_the_residents_fact() -> None:
    result = _decide([{"age": {"min": 65}}, {"income": {"max_percent": 50}}], {"age": 64})
    assert render(result.criteria[0].detail) == "만 65세 이상 — 지금 만 64세예요."
    assert render(result.criteria[0].detail, "en") == "aged 65 or over — You are 64."
    assert render(result.criteria[1].detail) == (
        "기준 중위소득 50% 이하 — 가구원 수와 소득을 알려 주시면 확인할 수 있어요.")  # fmt: skip


def test_an_any_of_keeps_its_options_apart_each_decided() -> None:
    rules = [{"any_of": [{"livelihood": ["recipient", "near_poor"]}, {"situations": ["disabled"]},
                         {"all_of": [{"age": {"min": 65}}, {"household": ["single_person"]}]}]}]  # fmt: skip
    result = _decide(rules, {"age": 34, "livelihood": "none", "situations": []})
    (verdict,) = result.criteria
    assert verdict.status == "unmet"
    assert [p.status for p in verdict.parts] == ["unmet", "unmet", "unmet"]
    line = criterion_line(verdict, "ko")
    assert line.detail == "다음 중 하나면 돼요"
    assert [o.detail for o in line.options] == [
        "차상위계층 또는 기초생활수급자 — 기초생활수급자도 차상위계층도 아니에요.",
        "장애인 — 해당하지 않아요.",
        "만 65세 이상 및 1인 가구 — 지금 만 34세예요. 가구 상황(1인 가구, 한부모 등)을 알려 주시면 확인할 수 있어요.",
    ]
    assert criterion_line(verdict, "en").detail == "Any one of these is enough"
    flat = render(verdict.detail)  # lists and the command line read the flat sentence
    assert flat == (
        "다음 중 하나면 돼요: 차상위계층 또는 기초생활수급자, 장애인 또는 만 65세 이상 및 1인 가구 — "
        "어느 것에도 해당하지 않아요."
    )
    assert not ENGINE_LEFTOVERS.search(flat)


def test_choices_are_written_with_or_and_needs_with_and() -> None:
    result = _decide([{"situations": ["disabled", "pregnant"]}, {"household": ["single_person"]}],
                     {"situations": ["pregnant"], "household": []})  # fmt: skip
    assert render(result.criteria[0].detail) == "장애인 또는 임산부 — 임산부에 해당해요."
    assert render(result.criteria[1].detail) == "1인 가구 — 해당하지 않아요."


def test_beside_other_conditions_a_fact_names_what_does_not_apply() -> None:
    rules = [{"all_of": [{"age": {"min": 65}}, {"household": ["single_person"]}]}]
    (verdict,) = _decide(rules, {"age": 34, "household": []}).criteria
    assert (
        render(verdict.detail) == "만 65세 이상 및 1인 가구 — 지금 만 34세예요. 1인 가구에 해당하지 않아요."
    )
    assert (
        render(verdict.detail, "en")
        == "aged 65 or over and Living alone — You are 34. Not your case: Living alone."
    )


def test_child_ages_read_naturally() -> None:
    assert render(child_age_text(None, 12), "en") == "up to 1 year old"
    assert render(child_age_text(None, 0)) == "만 1세 미만"
    assert render(child_age_text(0, 60)) == "만 5세 이하"
    assert render(ChildAge(None, 11).requirement(), "en") == "households with a child (under 1 year old)"
    assert render(child_age_text(3, 144), "en") == "3 months to 12 years old"


@pytest.mark.parametrize("locale", ["ko", "en"])
@pytest.mark.parametrize("profile", [MOTHER, SENIOR, {}], ids=["mother", "senior", "nothing"])
def test_no_engine_string_reaches_a_person(profile: dict, locale: str) -> None:
    facts = facts_on(parse_profile(profile), AS_OF)
    for program in NATIVE:
        for verdict in evaluate(program, facts).criteria:
            line = criterion_line(verdict, locale)
            shown = [line.detail, *(o.detail for o in line.options)]
            for text in [*shown, render(verdict.detail, locale)]:
                assert not ENGINE_LEFTOVERS.search(text), f"{program.key}: {text}"
                assert locale == "ko" or not HANGUL.search(text), f"{program.key}: {text}"
            assert all(text[:1] == text[:1].upper() for text in shown), f"{program.key}: {shown}"
