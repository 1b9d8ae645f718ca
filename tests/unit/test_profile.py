"""The resident profile contract (DESIGN.md "Resident profile"): validation and derived facts."""

from __future__ import annotations

from datetime import date

import pytest

from naesone_app.core.income import income_percent_of_median
from naesone_app.core.profile import (
    HOUSEHOLD_CODES,
    PROFILE_KEYS,
    SITUATION_CODES,
    Profile,
    ProfileError,
    facts_on,
    moved_forward,
    parse_profile,
    profile_to_json,
)

FULL = {
    "birth_date": "1959-04-02",
    "age": 66,
    "sex": "female",
    "lives_in_junggu": True,
    "dong": "신당동",
    "moved_in_on": "2025-11-01",
    "household_size": 2,
    "monthly_income_krw": 1800000,
    "income_percent_of_median": 45.0,
    "situations": ["disabled"],
    "household": ["single_person"],
    "children": [{"birth_date": "2022-01-05"}],
    "livelihood": "none",
    "housing": "semi_basement",
}


def test_design_example_parses_to_every_field() -> None:
    profile = parse_profile(FULL)
    assert profile == Profile(
        birth_date=date(1959, 4, 2),
        age=66,
        sex="female",
        lives_in_junggu=True,
        dong="신당동",
        moved_in_on=date(2025, 11, 1),
        household_size=2,
        monthly_income_krw=1800000,
        income_percent_of_median=45.0,
        situations=frozenset({"disabled"}),
        household=frozenset({"single_person"}),
        children=(date(2022, 1, 5),),
        livelihood="none",
        housing="semi_basement",
    )


def test_empty_profile_is_all_unknown() -> None:
    facts = facts_on(parse_profile({}), date(2026, 1, 1))
    for name in ("age", "sex", "lives_in_junggu", "dong", "months_in_junggu", "household_size",
                 "income_percent", "situations", "household", "children", "livelihood"):  # fmt: skip
        assert getattr(facts, name) is None, name


def test_null_value_is_unknown_not_an_error() -> None:
    assert parse_profile({"age": None, "situations": None}) == Profile()


def test_present_empty_list_means_none_not_unknown() -> None:
    profile = parse_profile({"situations": [], "household": [], "children": []})
    assert profile.situations == frozenset()
    assert profile.household == frozenset()
    assert profile.children == ()


def test_round_trip_to_json() -> None:
    assert parse_profile(profile_to_json(parse_profile(FULL))) == parse_profile(FULL)
    assert profile_to_json(parse_profile(FULL))["situations"] == ["disabled"]


def test_contract_code_tables_match_design() -> None:
    assert SITUATION_CODES["disabled"] == "JA0328"
    assert SITUATION_CODES["prospective_parent"] == "JA0301"
    assert SITUATION_CODES["patient"] == "JA0330"
    assert len(SITUATION_CODES) == 16
    assert HOUSEHOLD_CODES["single_person"] == "JA0404"
    assert HOUSEHOLD_CODES["extended_family"] == "JA0414"
    assert len(HOUSEHOLD_CODES) == 8


BAD_VALUES = [
    ("birth_date", "1959-13-02"),
    ("birth_date", "02/04/1959"),
    ("birth_date", 19590402),
    ("birth_date", "1700-01-01"),
    ("age", "66"),
    ("age", True),
    ("age", -1),
    ("age", 66.5),
    ("age", 200),
    ("sex", "f"),
    ("sex", 1),
    ("lives_in_junggu", "yes"),
    ("lives_in_junggu", 1),
    ("dong", "해운대동"),
    ("dong", "1114099999"),
    ("dong", 1114061500),
    ("moved_in_on", "2025-02-30"),
    ("household_size", 0),
    ("household_size", "2"),
    ("household_size", False),
    ("monthly_income_krw", -5),
    ("monthly_income_krw", "1800000"),
    ("monthly_income_krw", True),
    ("income_percent_of_median", "45"),
    ("income_percent_of_median", -0.1),
    ("income_percent_of_median", float("nan")),
    ("income_percent_of_median", float("inf")),
    ("income_percent_of_median", True),
    ("situations", "disabled"),
    ("situations", ["disabled", "astronaut"]),
    ("situations", [{"x": 1}]),
    ("situations", [1]),
    ("household", ["JA0404"]),
    ("household", {"single_person": True}),
    ("children", {"birth_date": "2020-01-01"}),
    ("children", [{"birth_date": "2020-01-01", "name": "x"}]),
    ("children", ["2020-01-01"]),
    ("children", [{"birth_date": "not a date"}]),
    ("children", [{"birth_date": "2020-01-01"}] * 21),
    ("livelihood", "poor"),
    ("livelihood", ["none"]),
]


@pytest.mark.parametrize(("key", "value"), BAD_VALUES, ids=[f"{k}={v!r}"[:40] for k, v in BAD_VALUES])
def test_bad_value_names_its_key(key: str, value: object) -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile({"age": 40, key: value} if key != "age" else {key: value})
    assert caught.value.key == key or caught.value.key.startswith(f"{key}["), caught.value.key
    assert key in str(caught.value)


def test_unknown_key_is_named() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile({"age": 40, "income": 5})
    assert caught.value.key == "income"
    assert "unknown key" in str(caught.value)


def test_not_an_object() -> None:
    with pytest.raises(ProfileError):
        parse_profile(["age", 40])  # type: ignore[arg-type]


def test_child_error_names_the_child_index() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile({"children": [{"birth_date": "2020-01-01"}, {"birth_date": "2020-02-31"}]})
    assert caught.value.key == "children[1].birth_date"


def test_dong_contradicting_lives_in_junggu_false_names_dong() -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile({"lives_in_junggu": False, "dong": "명동"})
    assert caught.value.key == "dong"


def test_every_contract_key_is_accepted() -> None:
    assert set(FULL) == set(PROFILE_KEYS)


def test_whole_float_is_accepted_as_int() -> None:
    assert parse_profile({"age": 66.0}).age == 66


def test_dong_by_name_or_code() -> None:
    assert parse_profile({"dong": "신당동"}).dong == "신당동"
    assert parse_profile({"dong": "1114061500"}).dong == "신당동"
    assert parse_profile({"dong": "1114068000"}).dong == "중림동"
    assert parse_profile({"dong": "신당제5동"}).dong == "신당5동"


def test_dong_implies_jung_gu() -> None:
    facts = facts_on(parse_profile({"dong": "명동"}), date(2026, 1, 1))
    assert facts.lives_in_junggu is True


# -- derived facts ---------------------------------------------------------------------------------


def test_birth_date_wins_over_age() -> None:
    facts = facts_on(parse_profile({"birth_date": "1959-04-02", "age": 30}), date(2026, 11, 25))
    assert facts.age == 67


def test_age_used_when_no_birth_date() -> None:
    facts = facts_on(parse_profile({"age": 30}), date(2026, 11, 25))
    assert facts.age == 30


def test_age_on_the_birthday_itself() -> None:
    profile = parse_profile({"birth_date": "1961-11-25"})
    assert facts_on(profile, date(2026, 11, 24)).age == 64
    assert facts_on(profile, date(2026, 11, 25)).age == 65


def test_income_percent_wins_over_monthly_income() -> None:
    profile = parse_profile({"income_percent_of_median": 45.0, "monthly_income_krw": 9_000_000,
                             "household_size": 1})  # fmt: skip
    assert facts_on(profile, date(2026, 5, 1)).income_percent == 45.0


def test_monthly_income_needs_household_size() -> None:
    assert facts_on(parse_profile({"monthly_income_krw": 1_000_000}), date(2026, 5, 1)).income_percent is None


@pytest.mark.parametrize(
    ("as_of", "size", "median"),
    [
        (date(2025, 6, 1), 1, 2392013),
        (date(2025, 12, 31), 2, 3932658),
        (date(2026, 1, 1), 1, 2564238),
        (date(2026, 6, 1), 4, 6494738),
        (date(2025, 6, 1), 7, 8988428),
        (date(2026, 6, 1), 7, 9515150),
        (date(2025, 6, 1), 8, 8988428 + (8988428 - 8064805)),
        (date(2026, 6, 1), 8, 9515150 + (9515150 - 8555952)),
        (date(2026, 6, 1), 10, 9515150 + 3 * (9515150 - 8555952)),
    ],
)
def test_monthly_income_uses_table_of_evaluation_year_and_size(as_of: date, size: int, median: int) -> None:
    profile = parse_profile({"monthly_income_krw": median, "household_size": size})
    assert facts_on(profile, as_of).income_percent == pytest.approx(100.0)
    half = parse_profile({"monthly_income_krw": median // 2, "household_size": size})
    assert facts_on(half, as_of).income_percent == pytest.approx(50.0, abs=1e-3)


def test_same_income_different_year_gives_different_percent() -> None:
    profile = parse_profile({"monthly_income_krw": 2392013, "household_size": 1})
    assert facts_on(profile, date(2025, 3, 1)).income_percent == pytest.approx(100.0)
    assert facts_on(profile, date(2026, 3, 1)).income_percent == pytest.approx(2392013 * 100 / 2564238)
    assert income_percent_of_median(2392013, 1, date(2026, 3, 1)) < 94


def test_months_in_junggu() -> None:
    profile = parse_profile({"moved_in_on": "2025-11-01"})
    assert facts_on(profile, date(2026, 4, 30)).months_in_junggu == 5
    assert facts_on(profile, date(2026, 5, 1)).months_in_junggu == 6


def test_moved_forward_ages_and_keeps_income() -> None:
    profile = parse_profile({"birth_date": "1962-03-02", "moved_in_on": "2026-09-15",
                             "monthly_income_krw": 2_000_000, "household_size": 1})  # fmt: skip
    today = facts_on(profile, date(2026, 11, 25))
    later = moved_forward(today, date(2027, 3, 2))
    assert (today.age, later.age) == (64, 65)
    assert later.months_in_junggu == 5
    assert later.income_percent == today.income_percent  # held as assessed
    assert later.as_of == date(2027, 3, 2)
