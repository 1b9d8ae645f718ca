"""Questionnaire answers become contract profiles, or a message next to the field that is wrong."""

from __future__ import annotations

from datetime import date

import pytest

from naesone_app.core.answers import AnswerError, apply_answer, forget_answer
from naesone_app.core.i18n import render
from naesone_app.core.profile import parse_profile

TODAY = date(2026, 11, 25)


def test_birth_date_wins_and_replaces_an_earlier_age() -> None:
    profile = apply_answer({"age": 40}, "birth_date", {"birth_date": "1958-05-20", "age": ""}, TODAY)
    assert profile == {"birth_date": "1958-05-20"}


def test_age_alone_is_accepted() -> None:
    assert apply_answer({}, "birth_date", {"birth_date": "", "age": "68"}, TODAY) == {"age": 68}


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"birth_date": "", "age": ""}, "birth_date"),
        ({"birth_date": "1958-13-01"}, "birth_date"),
        ({"birth_date": "2030-01-01"}, "birth_date"),
        ({"age": "abc"}, "age"),
        ({"age": "200"}, "age"),
    ],
)
def test_bad_birth_answers_name_their_field(form: dict, field: str) -> None:
    with pytest.raises(AnswerError) as caught:
        apply_answer({}, "birth_date", form, TODAY)
    assert caught.value.field == field
    assert render(caught.value.message, "en")


def test_residence_yes_with_dong_and_no_drops_the_dong() -> None:
    lives = apply_answer({}, "residence", {"lives_in_junggu": "yes", "dong": "신당동"}, TODAY)
    assert lives == {"lives_in_junggu": True, "dong": "신당동"}
    moved_away = apply_answer(lives, "residence", {"lives_in_junggu": "no", "dong": "신당동"}, TODAY)
    assert moved_away == {"lives_in_junggu": False}


def test_residence_rejects_a_dong_outside_jung_gu() -> None:
    with pytest.raises(AnswerError) as caught:
        apply_answer({}, "residence", {"lives_in_junggu": "yes", "dong": "역삼동"}, TODAY)
    assert caught.value.field == "dong"


def test_income_percent_wins_over_amount_and_needs_household_size() -> None:
    form = {"household_size": "1", "monthly_income": "1,153,907", "income_percent": "45"}
    assert apply_answer({}, "income", form, TODAY) == {"household_size": 1, "income_percent_of_median": 45.0}
    amount = apply_answer({}, "income", {"household_size": "2", "monthly_income": "2,000,000"}, TODAY)
    assert amount == {"household_size": 2, "monthly_income_krw": 2_000_000}
    with pytest.raises(AnswerError) as caught:
        apply_answer({}, "income", {"household_size": "", "monthly_income": "100"}, TODAY)
    assert caught.value.field == "household_size"


def test_checkboxes_as_the_browser_sends_them() -> None:
    form = {"household__single_person": True, "household__no_house": False, "household__multicultural": "on"}
    assert apply_answer({}, "household", form, TODAY) == {"household": ["multicultural", "single_person"]}
    assert apply_answer({}, "situations", {}, TODAY) == {"situations": []}  # nothing ticked: none of them


def test_children_dates_and_none() -> None:
    form = {"child_1": "2022-01-05", "child_2": "", "child_3": "2024-06-30"}
    assert apply_answer({}, "children", form, TODAY) == {
        "children": [{"birth_date": "2022-01-05"}, {"birth_date": "2024-06-30"}]
    }
    assert apply_answer({}, "children", {}, TODAY) == {"children": []}


def test_skip_forgets_only_that_questions_keys() -> None:
    profile = {"age": 30, "household_size": 2, "monthly_income_krw": 100, "sex": "male"}
    # the household size is its own question: skipping income keeps it
    assert forget_answer(profile, "income") == {"age": 30, "household_size": 2, "sex": "male"}


def test_every_answer_is_a_valid_profile() -> None:
    profile: dict = {}
    for question, form in [
        ("birth_date", {"birth_date": "1990-02-28"}),
        ("residence", {"lives_in_junggu": "yes", "dong": "1114055000"}),
        ("income", {"household_size": "3", "monthly_income": "4000000"}),
        ("livelihood", {"livelihood": "near_poor"}),
        ("moved_in_on", {"moved_in_on": "2026-01-10"}),
        ("sex", {"sex": "female"}),
    ]:
        profile = apply_answer(profile, question, form, TODAY)
    parsed = parse_profile(profile)
    assert (
        parsed.dong == "명동" and parsed.livelihood == "near_poor" and parsed.monthly_income_krw == 4_000_000
    )


def test_unknown_question_and_bad_choice_are_refused() -> None:
    with pytest.raises(AnswerError):
        apply_answer({}, "grant_admin", {}, TODAY)
    with pytest.raises(AnswerError) as caught:
        apply_answer({}, "sex", {"sex": "robot"}, TODAY)
    assert caught.value.field == "sex"


@pytest.mark.parametrize("locale", ["ko", "en"])
def test_an_answer_under_its_title_does_not_repeat_the_title(locale: str) -> None:
    """ "자녀 생년월일: 자녀 생년월일 2025. 10. 1." read as the engine talking; the answer is the dates."""
    from naesone_app.core.answers import QUESTION_TITLES, describe_answer
    from naesone_app.core.i18n import gettext_for

    _ = gettext_for(locale)
    profile = {"birth_date": "1992-05-10", "sex": "female", "lives_in_junggu": True, "dong": "신당동",
               "moved_in_on": "2026-11-01", "household_size": 3, "monthly_income_krw": 3_500_000,
               "children": [{"birth_date": "2025-10-01"}, {"birth_date": "2023-04-02"}],
               "livelihood": "none", "household": ["new_move_in"], "situations": [], "housing": "other"}  # fmt: skip
    for question, title in QUESTION_TITLES.items():
        words = [
            render(w, locale) if not isinstance(w, str) else w for w in describe_answer(profile, question)
        ]
        assert words, question
        assert not ", ".join(words).lower().startswith(_(title).lower()), (question, words)
    children = [render(w, locale) for w in describe_answer(profile, "children")]
    assert children == (["2025. 10. 1.", "2023. 4. 2."] if locale == "ko" else ["Oct 1, 2025", "Apr 2, 2023"])


# --- facts stated by a typed question (search → questionnaire) ------------------------------------------


def test_stated_facts_fill_open_questions_and_add_to_answered_lists() -> None:
    from naesone_app.core.answers import settled_for, with_stated_facts

    answered = {"birth_date": "1950-02-03", "household": ["multicultural"]}
    stated = {"age": 70, "household": ["single_person"], "situations": ["pregnant"], "lives_in_junggu": True}
    merged = with_stated_facts(answered, stated)
    assert merged["birth_date"] == "1950-02-03" and "age" not in merged  # an answer given stands
    assert merged["household"] == ["multicultural", "single_person"]
    assert merged["situations"] == ["pregnant"] and merged["lives_in_junggu"] is True
    assert {"birth_date", "household", "situations", "residence"} <= set(settled_for(merged))
    parse_profile(merged)


def test_stated_facts_the_profile_contract_refuses_leave_the_answers_as_they_were() -> None:
    from naesone_app.core.answers import with_stated_facts

    answered = {"age": 30}
    assert with_stated_facts(answered, {"household": ["no_such_code"]}) == answered
    assert with_stated_facts(answered, {"not_a_profile_key": 1}) == answered
    assert with_stated_facts({}, {}) == {}
