"""The native rule language: every kind met / unmet / unknown, round-trips, and named errors."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naesone_app.core.catalog.rules import RuleError, parse_rule, parse_rules, rule_to_data, rules_to_data
from naesone_app.core.criteria import (
    MET,
    STATUS_NAMES,
    AgeRange,
    AllOf,
    AnyOf,
    ChildAge,
    HouseholdSize,
    IncomeBands,
    InDong,
    Region,
    ResidenceMonths,
)
from naesone_app.core.profile import HOUSEHOLD_CODES, SITUATION_CODES, facts_on, parse_profile

AS_OF = date(2026, 11, 25)


def status(rule: dict[str, Any], profile: dict[str, Any], on: date = AS_OF) -> str:
    (criterion,) = parse_rules([rule])
    return STATUS_NAMES[criterion.status(facts_on(parse_profile(profile), on))]


# (rule, met profile, unmet profile, unknown profile)
CASES: list[tuple[str, dict, dict, dict, dict]] = [
    ("age-min", {"age": {"min": 65}}, {"age": 65}, {"age": 64}, {}),
    ("age-max", {"age": {"max": 34}}, {"age": 34}, {"age": 35}, {"sex": "male"}),
    ("age-range", {"age": {"min": 19, "max": 34}}, {"birth_date": "2007-11-25"},
     {"birth_date": "2007-11-26"}, {"dong": "명동"}),
    ("sex", {"sex": "female"}, {"sex": "female"}, {"sex": "male"}, {"age": 3}),
    ("sex-list", {"sex": ["male", "female"]}, {"sex": "male"}, None, {}),
    ("junggu", {"lives_in_junggu": True}, {"lives_in_junggu": True}, {"lives_in_junggu": False}, {}),
    ("junggu-by-dong", {"lives_in_junggu": True}, {"dong": "필동"}, {"lives_in_junggu": False}, {"age": 1}),
    ("seoul", {"lives_in_seoul": True}, {"lives_in_junggu": True}, None, {"lives_in_junggu": False}),
    ("dong", {"dong": ["신당동", "1114067000"]}, {"dong": "황학동"}, {"dong": "명동"},
     {"lives_in_junggu": True}),
    ("dong-outside", {"dong": "명동"}, {"dong": "1114055000"}, {"lives_in_junggu": False}, {}),
    ("residence", {"residence_months": 6}, {"moved_in_on": "2026-05-25"},
     {"moved_in_on": "2026-05-26"}, {"lives_in_junggu": True}),
    ("residence-mapping", {"residence_months": {"min_months": 12}}, {"moved_in_on": "2020-01-01"},
     {"lives_in_junggu": False, "moved_in_on": "2020-01-01"}, {}),
    ("income-max", {"income": {"max_percent": 150}}, {"income_percent_of_median": 150},
     {"income_percent_of_median": 150.5}, {"monthly_income_krw": 100}),
    ("income-min", {"income": {"min_percent": 100}}, {"income_percent_of_median": 100.5},
     {"income_percent_of_median": 100}, {"household_size": 3}),
    ("income-range", {"income": {"min_percent": 50, "max_percent": 100}},
     {"monthly_income_krw": 4199292, "household_size": 2}, {"income_percent_of_median": 49}, {}),
    ("income-bands", {"income": {"bands": [[None, 50], [100, 200]]}}, {"income_percent_of_median": 120},
     {"income_percent_of_median": 60}, {}),
    ("livelihood", {"livelihood": ["recipient", "near_poor"]}, {"livelihood": "near_poor"},
     {"livelihood": "none"}, {}),
    ("livelihood-one", {"livelihood": "recipient"}, {"livelihood": "recipient"},
     {"livelihood": "near_poor"}, {}),
    ("situations", {"situations": ["disabled", "pregnant"]}, {"situations": ["pregnant"]},
     {"situations": []}, {"household": []}),
    ("household", {"household": ["single_person"]}, {"household": ["single_person", "no_house"]},
     {"household": ["no_house"]}, {"situations": []}),
    ("children-years", {"children": {"min_age": 0, "max_age": 5}},
     {"children": [{"birth_date": "2020-11-26"}]}, {"children": [{"birth_date": "2020-11-25"}]}, {}),
    ("children-months", {"children": {"min_age_months": 3, "max_age_months": 12}},
     {"children": [{"birth_date": "2026-08-25"}]}, {"children": [{"birth_date": "2026-08-26"}]},
     {"household_size": 3}),
    ("children-count", {"children": {"max_age": 17, "count": 2}},
     {"children": [{"birth_date": "2015-01-01"}, {"birth_date": "2020-01-01"}]},
     {"children": [{"birth_date": "2015-01-01"}, {"birth_date": "2000-01-01"}]}, {}),
    ("children-none", {"children": {"max_age": 17}}, {"children": [{"birth_date": "2026-11-25"}]},
     {"children": []}, {}),
    ("household-size", {"household_size": {"min": 3}}, {"household_size": 3}, {"household_size": 2}, {}),
    ("household-size-range", {"household_size": {"min": 2, "max": 4}}, {"household_size": 4},
     {"household_size": 5}, {}),
    ("any_of", {"any_of": [{"livelihood": ["recipient"]}, {"income": {"max_percent": 50}}]},
     {"livelihood": "none", "income_percent_of_median": 40},
     {"livelihood": "none", "income_percent_of_median": 60}, {"livelihood": "none"}),
    ("all_of", {"all_of": [{"age": {"min": 65}}, {"lives_in_junggu": True}]},
     {"age": 70, "dong": "명동"}, {"age": 70, "lives_in_junggu": False}, {"age": 70}),
    ("nested", {"any_of": [{"all_of": [{"age": {"min": 65}}, {"sex": "female"}]}, {"situations": ["veteran"]}]},
     {"age": 66, "sex": "female", "situations": []}, {"age": 66, "sex": "male", "situations": []},
     {"age": 66, "situations": []}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "met", "unmet", "unknown"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_met_unmet_unknown(rule: dict, met: dict, unmet: dict | None, unknown: dict) -> None:
    assert status(rule, met) == "met"
    if unmet is not None:
        assert status(rule, unmet) == "unmet"
    assert status(rule, unknown) == "unknown"


def test_any_of_met_wins_over_unknown_and_unknown_over_unmet() -> None:
    rule = {"any_of": [{"age": {"min": 65}}, {"situations": ["disabled"]}]}
    assert status(rule, {"age": 70}) == "met"  # situations unknown
    assert status(rule, {"age": 40}) == "unknown"
    assert status(rule, {"age": 40, "situations": []}) == "unmet"


def test_all_of_unmet_wins_over_unknown() -> None:
    rule = {"all_of": [{"age": {"min": 65}}, {"situations": ["disabled"]}]}
    assert status(rule, {"age": 40}) == "unmet"
    assert status(rule, {"age": 70}) == "unknown"


def test_children_high_age_is_inclusive_in_whole_years() -> None:
    (criterion,) = parse_rules([{"children": {"max_age": 5}}])
    assert criterion == ChildAge(None, 71, 1)
    assert status({"children": {"max_age": 5}}, {"children": [{"birth_date": "2020-11-26"}]}) == "met"
    assert status({"children": {"max_age": 5}}, {"children": [{"birth_date": "2020-11-25"}]}) == "unmet"


def test_unborn_child_does_not_count() -> None:
    assert status({"children": {"max_age": 5}}, {"children": [{"birth_date": "2027-01-01"}]}) == "unmet"


def test_parse_forms() -> None:
    assert parse_rules(None) == ()
    assert parse_rules({"age": {"min": 65}}) == (AgeRange(65, None),)
    top = {"all_of": [{"age": {"min": 65}}, {"lives_in_junggu": True}]}
    assert parse_rules(top) == (AgeRange(65, None), Region("junggu"))
    assert parse_rule("r", {"dong": "1114061500"}) == InDong(frozenset({"신당동"}))
    assert parse_rule("r", {"residence_months": {"min_months": 6}}) == ResidenceMonths(6)
    assert parse_rule("r", {"income": {"max_percent": 50}}) == IncomeBands(((None, 50.0),))
    assert parse_rule("r", {"household_size": {"max": 1}}) == HouseholdSize(None, 1)


# -- round trip ---------------------------------------------------------------------------------------

leaf_rules = st.one_of(
    st.builds(lambda lo, span: {"age": {"min": lo, "max": lo + span}}, st.integers(0, 100), st.integers(0, 50)),
    st.builds(lambda lo: {"age": {"min": lo}}, st.integers(0, 150)),
    st.builds(lambda hi: {"age": {"max": hi}}, st.integers(0, 150)),
    st.sampled_from([{"sex": "male"}, {"sex": ["female"]}, {"sex": ["male", "female"]}]),
    st.sampled_from([{"lives_in_junggu": True}, {"lives_in_seoul": True}]),
    st.builds(lambda d: {"dong": d}, st.lists(st.sampled_from(["신당동", "명동", "1114068000", "필동"]),
                                             min_size=1, max_size=3)),
    st.builds(lambda m: {"residence_months": m}, st.integers(1, 1200)),
    st.builds(lambda h: {"income": {"max_percent": h}}, st.floats(0, 10_000)),
    st.builds(lambda lo, gap: {"income": {"min_percent": lo, "max_percent": lo + gap}},
              st.integers(0, 500), st.floats(0.5, 500)),
    st.builds(lambda b: {"income": {"bands": b}},
              st.lists(st.tuples(st.none() | st.floats(0, 300), st.none() | st.floats(0.5, 300))
                       .map(lambda t: [t[0], None if t[1] is None else (t[0] or 0) + t[1]]),
                       min_size=1, max_size=4)),
    st.builds(lambda v: {"livelihood": v}, st.lists(st.sampled_from(["none", "near_poor", "recipient"]),
                                                   min_size=1, unique=True)),
    st.builds(lambda v: {"situations": v}, st.lists(st.sampled_from(sorted(SITUATION_CODES)),
                                                   min_size=1, max_size=4, unique=True)),
    st.builds(lambda v: {"household": v}, st.lists(st.sampled_from(sorted(HOUSEHOLD_CODES)),
                                                  min_size=1, max_size=3, unique=True)),
    st.builds(lambda lo, span, n: {"children": {"min_age": lo, "max_age": lo + span, "count": n}},
              st.integers(0, 20), st.integers(0, 20), st.integers(1, 5)),
    st.builds(lambda lo, hi: {"children": {k: v for k, v in (("min_age_months", lo), ("max_age_months", hi))
                                          if v is not None}},
              st.none() | st.integers(0, 12), st.none() | st.integers(12, 491)),
    st.builds(lambda lo, span: {"household_size": {"min": lo, "max": lo + span}},
              st.integers(1, 10), st.integers(0, 20)),
)  # fmt: skip
any_rule = st.recursive(
    leaf_rules,
    lambda inner: st.builds(lambda k, parts: {k: parts}, st.sampled_from(["any_of", "all_of"]),
                            st.lists(inner, min_size=1, max_size=3)),
    max_leaves=8,
)  # fmt: skip


@given(st.lists(any_rule, max_size=5))
def test_round_trip(rules: list[dict]) -> None:
    criteria = parse_rules(rules)
    data = rules_to_data(criteria)
    assert parse_rules(data) == criteria
    assert rules_to_data(parse_rules(data)) == data


def test_oldest_child_rule_reads_back() -> None:
    criteria = parse_rules([{"children": {"min_age": 40, "max_age": 40}}])
    assert criteria == (ChildAge(480, 491, 1),)
    assert parse_rules(rules_to_data(criteria)) == criteria


def test_rule_to_data_forms() -> None:
    assert rule_to_data(AgeRange(65, None)) == {"age": {"min": 65}}
    assert rule_to_data(Region("seoul")) == {"lives_in_seoul": True}
    assert rule_to_data(ChildAge(3, 71, 2)) == {"children": {"min_age_months": 3, "max_age_months": 71,
                                                             "count": 2}}  # fmt: skip
    nested = AnyOf((AllOf((AgeRange(None, 5),)), IncomeBands(((None, 50.0),))))
    assert rule_to_data(nested) == {"any_of": [{"all_of": [{"age": {"max": 5}}]},
                                               {"income": {"bands": [[None, 50.0]]}}]}  # fmt: skip


def test_rule_to_data_rejects_foreign_criterion() -> None:
    with pytest.raises(TypeError):
        rule_to_data(object())  # type: ignore[arg-type]


# -- errors name where ----------------------------------------------------------------------------

BAD = [
    ([{"agee": {"min": 1}}], "rules[0].agee"),
    ([{"age": {"min": "65"}}], "rules[0].age.min"),
    ([{"age": {"min": True}}], "rules[0].age.min"),
    ([{"age": {"max": 151}}], "rules[0].age.max"),
    ([{"age": {"min": 70, "max": 60}}], "rules[0].age"),
    ([{"age": {}}], "rules[0].age"),
    ([{"age": {"from": 3}}], "rules[0].age.from"),
    ([{"age": 65}], "rules[0].age"),
    ([{"sex": "other"}], "rules[0].sex"),
    ([{"sex": []}], "rules[0].sex"),
    ([{"lives_in_junggu": False}], "rules[0].lives_in_junggu"),
    ([{"lives_in_seoul": "yes"}], "rules[0].lives_in_seoul"),
    ([{"dong": ["신당동", "해운대"]}], "rules[0].dong"),
    ([{"dong": [1]}], "rules[0].dong"),
    ([{"dong": []}], "rules[0].dong"),
    ([{"residence_months": 0}], "rules[0].residence_months"),
    ([{"residence_months": {"months": 3}}], "rules[0].residence_months.months"),
    ([{"income": {}}], "rules[0].income"),
    ([{"income": {"max_percent": "50%"}}], "rules[0].income.max_percent"),
    ([{"income": {"bands": [[None, 50]], "max_percent": 3}}], "rules[0].income"),
    ([{"income": {"bands": []}}], "rules[0].income.bands"),
    ([{"income": {"bands": [[None, 50], [1]]}}], "rules[0].income.bands[1]"),
    ([{"income": {"bands": [[None, 50], ["x", 3]]}}], "rules[0].income.bands[1][0]"),
    ([{"livelihood": ["rich"]}], "rules[0].livelihood"),
    ([{"situations": ["JA0328"]}], "rules[0].situations"),
    ([{"situations": [{"a": 1}]}], "rules[0].situations"),
    ([{"household": []}], "rules[0].household"),
    ([{"children": {"min_age": 6, "max_age": 5}}], "rules[0].children"),
    ([{"children": {"count": 0}}], "rules[0].children.count"),
    ([{"children": {"max_age": 41}}], "rules[0].children.max_age"),
    ([{"children": {"max_age_months": 492}}], "rules[0].children.max_age_months"),
    ([{"household_size": {"min": 0}}], "rules[0].household_size.min"),
    ([{"household_size": {}}], "rules[0].household_size"),
    ([{"any_of": []}], "rules[0].any_of"),
    ([{"age": {"min": 1}}, {"all_of": [{"sex": "male"}, {"any_of": [{"age": {"min": -1}}]}]}],
     "rules[1].all_of[1].any_of[0].age.min"),
    ([{"age": {"min": 1}, "sex": "male"}], "rules[0]"),
    (["age"], "rules[0]"),
]  # fmt: skip


@pytest.mark.parametrize(("rules", "path"), BAD, ids=[p for _, p in BAD])
def test_rule_error_names_the_path(rules: list, path: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules(rules)
    assert caught.value.path == path
    assert str(caught.value).startswith(path + ":")


def test_status_of_empty_groups_is_met() -> None:
    facts = facts_on(parse_profile({}), AS_OF)
    assert AllOf(()).status(facts) == MET
    assert AnyOf(()).status(facts) == MET


@pytest.mark.parametrize(
    ("rule", "path"),
    [
        ({"residence_months": None}, "rules[0].residence_months"),
        ({"residence_months": {}}, "rules[0].residence_months"),
        ({"children": {"max_age": 5, "count": None}}, "rules[0].children.count"),
        ({"income": {"bands": [[50, 10]]}}, "rules[0].income.bands[0]"),
    ],
)
def test_a_rule_without_its_threshold_is_refused(rule: dict, path: str) -> None:
    """A rule stored with a missing threshold would crash every later evaluation."""
    with pytest.raises(RuleError) as caught:
        parse_rules([rule])
    assert caught.value.path == path
