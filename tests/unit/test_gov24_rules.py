"""Gov24 v3 condition semantics (DESIGN.md "Gov24 v3 condition semantics"), group by group."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given

from naesone_app.core.catalog.gov24 import (
    Gov24FormatError,
    conditions_to_criteria,
    is_for_residents,
    plan_import,
    program_from_rows,
    region_of,
    rows_of,
)
from naesone_app.core.catalog.rules import parse_rules, rules_to_data
from naesone_app.core.criteria import AgeRange, Household, IncomeBands, Region, Sex, Situation
from naesone_app.core.eligibility import evaluate
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.program import Program
from tests.unit.strategies import gov24_condition_rows, gov24_list_rows

AS_OF = date(2026, 11, 25)
NATIONAL = {"서비스ID": "SVC1", "서비스명": "테스트 서비스", "소관기관유형": "중앙행정기관",
            "소관기관명": "보건복지부", "사용자구분": "개인"}  # fmt: skip


def program(conditions: dict[str, Any], **list_row: Any) -> Program:
    row = {**NATIONAL, **list_row}
    return program_from_rows(row, {"서비스ID": row["서비스ID"], **conditions}, None, "test row")


def decide(prog: Program, profile: dict[str, Any], on: date = AS_OF) -> tuple[str, dict[str, str]]:
    result = evaluate(prog, facts_on(parse_profile(profile), on))
    return result.status, {v.name: v.status for v in result.criteria}


def crit(conditions: dict[str, Any]) -> tuple:
    return conditions_to_criteria({"서비스ID": "X", **conditions}, "row")


# -- sex ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("flags", [{}, {"JA0101": "Y", "JA0102": "Y"}, {"JA0101": None, "JA0102": "N"}])
def test_sex_none_or_both_is_no_restriction(flags: dict) -> None:
    assert crit(flags) == ()


def test_sex_one_flag_restricts() -> None:
    prog = program({"JA0102": "Y"})
    assert prog.criteria == (Sex(frozenset({"female"})),)
    assert decide(prog, {"sex": "female"})[0] == "eligible"
    assert decide(prog, {"sex": "male"})[0] == "ineligible"
    assert decide(prog, {})[0] == "maybe"


# -- age ---------------------------------------------------------------------------------------------


def test_turning_65_on_the_evaluation_date_is_met() -> None:
    prog = program({"JA0110": 65})
    assert decide(prog, {"birth_date": "1961-11-25"}) == ("eligible", {"age": "met"})
    assert decide(prog, {"birth_date": "1961-11-26"}) == ("ineligible", {"age": "unmet"})


def test_29_february_birthday_turns_65_on_1_march_in_common_years() -> None:
    prog = program({"JA0110": 65})
    assert decide(prog, {"birth_date": "1960-02-29"}, date(2025, 2, 28))[0] == "ineligible"
    assert decide(prog, {"birth_date": "1960-02-29"}, date(2025, 3, 1))[0] == "eligible"
    assert decide(prog, {"birth_date": "1959-02-28"}, date(2024, 2, 28))[0] == "eligible"


def test_29_february_birthday_in_a_leap_year() -> None:
    prog = program({"JA0110": 64})
    assert decide(prog, {"birth_date": "1960-02-29"}, date(2024, 2, 29))[0] == "eligible"
    assert decide(prog, {"birth_date": "1960-02-29"}, date(2024, 2, 28))[0] == "ineligible"


def test_upper_bound_is_inclusive() -> None:
    prog = program({"JA0110": 19, "JA0111": 34})
    assert decide(prog, {"age": 34})[0] == "eligible"
    assert decide(prog, {"age": 35})[0] == "ineligible"
    assert decide(prog, {"age": 19})[0] == "eligible"
    assert decide(prog, {"age": 18})[0] == "ineligible"
    assert decide(prog, {"birth_date": "1991-11-25"})[0] == "ineligible"  # 35 today
    assert decide(prog, {"birth_date": "1991-11-26"})[0] == "eligible"  # 34 until tomorrow


@pytest.mark.parametrize("upper", [120, "120", 150])
def test_upper_120_means_no_upper_limit(upper: object) -> None:
    assert crit({"JA0110": 65, "JA0111": upper}) == (AgeRange(65, None),)
    assert decide(program({"JA0110": 65, "JA0111": upper}), {"age": 119})[0] == "eligible"
    assert decide(program({"JA0110": 65, "JA0111": upper}), {"age": 130})[0] == "eligible"


def test_119_is_still_an_upper_limit() -> None:
    assert crit({"JA0111": 119}) == (AgeRange(None, 119),)
    assert decide(program({"JA0111": 119}), {"age": 120})[0] == "ineligible"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        ("065", None, AgeRange(65, None)),
        (" 19 ", "034", AgeRange(19, 34)),
        (65.0, None, AgeRange(65, None)),
        (None, 5, AgeRange(None, 5)),
        (0, 5, AgeRange(None, 5)),
        ("", "", None),
        (0, 120, None),
    ],
)
def test_age_bounds_as_strings_and_missing_bounds(low: object, high: object, expected: object) -> None:
    got = crit({"JA0110": low, "JA0111": high})
    assert got == (() if expected is None else (expected,))


def test_missing_lower_bound_is_open() -> None:
    prog = program({"JA0111": 5})
    assert decide(prog, {"age": 0})[0] == "eligible"
    assert decide(prog, {"age": 6})[0] == "ineligible"
    assert decide(prog, {})[0] == "maybe"


# -- income ------------------------------------------------------------------------------------------

BANDS = ("JA0201", "JA0202", "JA0203", "JA0204", "JA0205")


def test_income_all_y_or_none_is_no_restriction() -> None:
    assert crit({}) == ()
    assert crit(dict.fromkeys(BANDS, "Y")) == ()


def test_income_exactly_50_is_in_the_first_band() -> None:
    prog = program({"JA0201": "Y"})
    assert decide(prog, {"income_percent_of_median": 50.0})[0] == "eligible"
    assert decide(prog, {"income_percent_of_median": 50.01})[0] == "ineligible"
    assert decide(prog, {"income_percent_of_median": 0})[0] == "eligible"


def test_income_just_above_50_is_in_the_second_band_only() -> None:
    only_second = program({"JA0202": "Y"})
    assert decide(only_second, {"income_percent_of_median": 50.01})[0] == "eligible"
    assert decide(only_second, {"income_percent_of_median": 50.0})[0] == "ineligible"
    assert decide(only_second, {"income_percent_of_median": 75.0})[0] == "eligible"
    assert decide(only_second, {"income_percent_of_median": 75.01})[0] == "ineligible"


@pytest.mark.parametrize(
    ("percent", "band"),
    [(10, "JA0201"), (50, "JA0201"), (50.01, "JA0202"), (75, "JA0202"), (75.5, "JA0203"),
     (100, "JA0203"), (100.01, "JA0204"), (200, "JA0204"), (200.01, "JA0205"), (900, "JA0205")],
)  # fmt: skip
def test_each_percent_falls_in_exactly_one_band(percent: float, band: str) -> None:
    for code in BANDS:
        status = decide(program({code: "Y"}), {"income_percent_of_median": percent})[0]
        assert status == ("eligible" if code == band else "ineligible"), code


def test_non_adjacent_bands() -> None:
    prog = program({"JA0201": "Y", "JA0204": "Y"})
    assert prog.criteria == (IncomeBands(((None, 50.0), (100.0, 200.0))),)
    assert decide(prog, {"income_percent_of_median": 150})[0] == "eligible"
    assert decide(prog, {"income_percent_of_median": 80})[0] == "ineligible"


def test_income_from_monthly_krw() -> None:
    prog = program({"JA0201": "Y"})
    # 2026 1-person median 2,564,238: half is 1,282,119.
    assert decide(prog, {"monthly_income_krw": 1282119, "household_size": 1})[0] == "eligible"
    assert decide(prog, {"monthly_income_krw": 1282200, "household_size": 1})[0] == "ineligible"
    assert decide(prog, {"monthly_income_krw": 1282119})[0] == "maybe"


# -- situations and household -----------------------------------------------------------------------


def test_situation_flags_restrict() -> None:
    prog = program({"JA0328": "Y", "JA0329": "Y"})
    assert prog.criteria == (Situation(frozenset({"disabled", "veteran"})),)
    assert decide(prog, {"situations": ["veteran", "employed"]})[0] == "eligible"
    assert decide(prog, {"situations": ["employed"]})[0] == "ineligible"


def test_situation_absent_list_is_unknown_empty_list_is_unmet() -> None:
    prog = program({"JA0328": "Y"})
    assert decide(prog, {}) == ("maybe", {"situation": "unknown"})
    assert decide(prog, {"situations": []}) == ("ineligible", {"situation": "unmet"})


def test_ja0322_none_of_the_above_opens_the_group() -> None:
    assert crit({"JA0328": "Y", "JA0322": "Y"}) == ()
    assert crit({"JA0322": "Y"}) == ()
    assert decide(program({"JA0328": "Y", "JA0322": "Y"}), {"situations": []})[0] == "eligible"


def test_household_flags_and_ja0410() -> None:
    prog = program({"JA0404": "Y", "JA0403": "Y"})
    assert prog.criteria == (Household(frozenset({"single_person", "single_parent_or_grandparent"})),)
    assert decide(prog, {"household": ["single_person"]})[0] == "eligible"
    assert decide(prog, {"household": ["multi_child"]})[0] == "ineligible"
    assert decide(prog, {"household": []})[0] == "ineligible"
    assert decide(prog, {})[0] == "maybe"
    assert crit({"JA0404": "Y", "JA0410": "Y"}) == ()
    assert decide(program({"JA0404": "Y", "JA0410": "Y"}), {"household": []})[0] == "eligible"


def test_every_contract_code_maps_to_its_name() -> None:
    codes = {
        "JA0301": "prospective_parent", "JA0302": "pregnant", "JA0303": "birth_or_adoption",
        "JA0313": "farmer", "JA0314": "fisher", "JA0315": "livestock_farmer", "JA0316": "forester",
        "JA0317": "elementary_student", "JA0318": "middle_school_student",
        "JA0319": "high_school_student", "JA0320": "university_student", "JA0326": "employed",
        "JA0327": "job_seeker", "JA0328": "disabled", "JA0329": "veteran", "JA0330": "patient",
    }  # fmt: skip
    for code, name in codes.items():
        assert crit({code: "Y"}) == (Situation(frozenset({name})),), code
    households = {
        "JA0401": "multicultural", "JA0402": "north_korean_defector",
        "JA0403": "single_parent_or_grandparent", "JA0404": "single_person", "JA0411": "multi_child",
        "JA0412": "no_house", "JA0413": "new_move_in", "JA0414": "extended_family",
    }  # fmt: skip
    for code, name in households.items():
        assert crit({code: "Y"}) == (Household(frozenset({name})),), code


def test_unrelated_business_codes_are_ignored() -> None:
    assert crit({"JA1101": "Y", "JA2101": "Y", "JA1299": "Y"}) == ()


# -- region and audience ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "region"),
    [
        ("중앙행정기관", "보건복지부", "national"),
        ("공공기관", "국민건강보험공단", "national"),
        ("광역시도", "서울특별시", "seoul"),
        ("시군구", "서울특별시 중구", "junggu"),
        ("시군구", "서울특별시  중구", "junggu"),
        ("지방공기업", "중구시설관리공단", "junggu"),
        ("시군구", "부산광역시 중구", None),
        ("시군구", "서울특별시 동대문구", None),
        ("시군구", "중구", None),
        ("광역시도", "부산광역시", None),
        ("교육청", "서울특별시교육청", None),
    ],
)
def test_region_of(kind: str, name: str, region: str | None) -> None:
    assert region_of({"소관기관유형": kind, "소관기관명": name}) == region


def test_national_programme_is_for_everyone() -> None:
    prog = program({})
    assert prog.criteria == ()
    assert prog.level == "national"
    assert decide(prog, {"lives_in_junggu": False}) == ("eligible", {})


def test_seoul_programme() -> None:
    prog = program({}, 소관기관유형="광역시도", 소관기관명="서울특별시")
    assert prog.criteria == (Region("seoul"),)
    assert prog.level == "city"
    assert decide(prog, {"lives_in_junggu": True}) == ("eligible", {"region": "met"})
    assert decide(prog, {"dong": "명동"}) == ("eligible", {"region": "met"})
    # Not in Jung-gu says nothing about the rest of Seoul: unknown, never unmet.
    assert decide(prog, {"lives_in_junggu": False}) == ("maybe", {"region": "unknown"})
    assert decide(prog, {}) == ("maybe", {"region": "unknown"})


def test_junggu_programme() -> None:
    prog = program({"JA0110": 65}, 소관기관유형="시군구", 소관기관명="서울특별시 중구")
    assert prog.criteria == (Region("junggu"), AgeRange(65, None))
    assert prog.level == "district"
    assert decide(prog, {"lives_in_junggu": True, "age": 70})[0] == "eligible"
    assert decide(prog, {"lives_in_junggu": False, "age": 70}) == (
        "ineligible", {"region": "unmet", "age": "met"})  # fmt: skip
    assert decide(prog, {"age": 70}) == ("maybe", {"region": "unknown", "age": "met"})


@pytest.mark.parametrize(
    ("audience", "expected"),
    [("개인", True), ("가구", True), ("개인||가구", True), ("법인/시설/단체||개인", True),
     ("법인/시설/단체", False), ("소상공인", False), ("", False), (None, False)],
)  # fmt: skip
def test_is_for_residents(audience: str | None, expected: bool) -> None:
    assert is_for_residents({"사용자구분": audience}) is expected


def test_plan_import_skips_other_regions_and_non_resident_audiences() -> None:
    rows = [
        {**NATIONAL, "서비스ID": "A"},
        {**NATIONAL, "서비스ID": "B", "소관기관유형": "시군구", "소관기관명": "부산광역시 중구"},
        {**NATIONAL, "서비스ID": "C", "소관기관유형": "시군구", "소관기관명": "서울특별시 동대문구"},
        {**NATIONAL, "서비스ID": "D", "사용자구분": "소상공인"},
        {**NATIONAL, "서비스ID": "E", "소관기관유형": "시군구", "소관기관명": "서울특별시 중구"},
        {**NATIONAL, "서비스ID": "F"},  # no conditions row
    ]
    conditions = [{"서비스ID": s} for s in "ABCDE"] + [{"서비스ID": "Z"}]
    plan = plan_import([(r, "list") for r in rows], [(c, "cond") for c in conditions])
    assert [p.source_id for p in plan.programs] == ["A", "E"]
    assert dict(plan.skipped) == {"other_region": 2, "not_for_residents": 1, "missing_conditions": 1,
                                  "not_in_service_list": 1}  # fmt: skip


def test_plan_import_validates_conditions_even_of_skipped_rows() -> None:
    row = {**NATIONAL, "서비스ID": "B", "소관기관유형": "시군구", "소관기관명": "부산광역시 중구"}
    with pytest.raises(Gov24FormatError, match="JA0101"):
        plan_import([(row, "list")], [({"서비스ID": "B", "JA0101": "X"}, "cond.json: row 1 (B)")])


# -- combination and status -------------------------------------------------------------------------


def test_status_combination() -> None:
    prog = program({"JA0102": "Y", "JA0110": 65, "JA0201": "Y", "JA0328": "Y"},
                   소관기관유형="광역시도", 소관기관명="서울특별시")  # fmt: skip
    full = {"sex": "female", "age": 70, "income_percent_of_median": 40, "situations": ["disabled"],
            "lives_in_junggu": True}  # fmt: skip
    assert decide(prog, full)[0] == "eligible"
    assert decide(prog, {**full, "lives_in_junggu": False})[0] == "maybe"
    del full["situations"]
    assert decide(prog, full)[0] == "maybe"
    # one unmet beats any number of unknowns
    assert decide(prog, {"sex": "male"}) == ("ineligible", {
        "region": "unknown", "sex": "unmet", "age": "unknown", "income": "unknown", "situation": "unknown",
    })  # fmt: skip


def test_program_texts_and_metadata() -> None:
    row = {**NATIONAL, "서비스목적요약": " 요약 ", "지원대상": "대상\r\n둘째 줄", "선정기준": "기준",
           "신청방법": "방문신청||온라인신청", "신청기한": "2026.3.2 ~ 3.31", "전화문의": "보건복지부/129||콜/1",
           "수정일시": "20251204133104", "서비스분야": "생활안정", "상세조회URL": "https://www.gov.kr/x"}  # fmt: skip
    detail = {"구비서류": "신분증", "온라인신청사이트URL": "https://www.bokjiro.go.kr", "법령": "법(제1조)"}
    prog = program_from_rows(row, {"서비스ID": "SVC1"}, detail, "w")
    text = prog.text("en")  # falls back to Korean
    assert text.title == "테스트 서비스"
    assert text.summary == "요약"
    assert text.audience == "대상\n둘째 줄\n\n기준"
    assert text.how_to_apply == "방문신청, 온라인신청"
    assert text.contact == "보건복지부/129\n콜/1"
    assert text.documents == "신분증"
    assert (prog.opens_on, prog.closes_on) == (date(2026, 3, 2), date(2026, 3, 31))
    assert prog.last_updated == date(2025, 12, 4)
    assert prog.apply_url == "https://www.bokjiro.go.kr"
    assert prog.extra == {"법령": "법(제1조)"}
    assert prog.key == "gov24:SVC1"
    assert prog.is_sample is False


# -- malformed input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("JA0101", "X"), ("JA0102", 1), ("JA0201", True), ("JA0328", "yes"), ("JA0322", ["Y"]),
     ("JA0404", "Yes"), ("JA0410", 0), ("JA0205", {"Y": 1})],
)  # fmt: skip
def test_malformed_flag_names_row_and_field(field: str, value: object) -> None:
    with pytest.raises(Gov24FormatError) as caught:
        conditions_to_criteria({"서비스ID": "S9", field: value}, "cond.json: row 7 (S9)")
    assert caught.value.where == "cond.json: row 7 (S9)"
    assert field in caught.value.problem
    assert "row 7" in str(caught.value) and field in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [("JA0110", "sixty"), ("JA0110", "6.5"), ("JA0110", 6.5), ("JA0110", -1), ("JA0111", True),
     ("JA0111", "-5"), ("JA0110", "²"), ("JA0110", "６５"), ("JA0111", [65]), ("JA0110", 999),
     ("JA0110", "999"), ("JA0110", 160)],
)  # fmt: skip
def test_non_integer_age_names_row_and_field(field: str, value: object) -> None:
    with pytest.raises(Gov24FormatError) as caught:
        conditions_to_criteria({"서비스ID": "S9", field: value}, "cond.json: row 3 (S9)")
    assert "row 3" in str(caught.value)
    assert field in caught.value.problem


def test_age_bounds_reversed() -> None:
    with pytest.raises(Gov24FormatError, match="JA0110 65 is above JA0111 19"):
        conditions_to_criteria({"JA0110": 65, "JA0111": 19}, "row 1")


def test_rows_of_accepts_envelope_and_array() -> None:
    rows = [{"서비스ID": "A"}, {"서비스ID": 123}]
    assert rows_of({"page": 1, "perPage": 2, "data": rows}, "f") == rows
    assert rows_of(rows, "f") == rows


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"page": 1}, "envelope"),
        ({"data": {"서비스ID": "A"}}, "must be a list"),
        ("text", "must be a list"),
        ([{"서비스ID": "A"}, "row"], "row 2"),
        ([{"서비스ID": "A"}, {"서비스명": "x"}], "row 2: missing 서비스ID"),
        ([{"서비스ID": "  "}], "row 1: missing 서비스ID"),
    ],
)
def test_rows_of_rejects_other_shapes(payload: object, message: str) -> None:
    with pytest.raises(Gov24FormatError, match=message):
        rows_of(payload, "f.json")


def test_plan_import_validates_orphan_condition_rows() -> None:
    with pytest.raises(Gov24FormatError) as caught:
        plan_import([(NATIONAL, "list")], [({"서비스ID": "SVC1"}, "c: row 1"),
                                           ({"서비스ID": "ORPHAN", "JA0410": "x"}, "c: row 2 (ORPHAN)")])  # fmt: skip
    assert caught.value.where == "c: row 2 (ORPHAN)"
    assert "JA0410" in caught.value.problem


@given(gov24_condition_rows(), gov24_list_rows)
def test_gov24_criteria_survive_storage(condition_row: dict, list_row: dict) -> None:
    """What the importer stores (rules_to_data) reads back to the very same criteria."""
    prog = program_from_rows(list_row, condition_row, None, "row")
    assert parse_rules(rules_to_data(prog.criteria)) == prog.criteria


@pytest.mark.parametrize("low", [150, "150"])
def test_oldest_lower_bound_survives_storage(low: object) -> None:
    criteria = crit({"JA0110": low})
    assert criteria == (AgeRange(150, None),)
    assert parse_rules(rules_to_data(criteria)) == criteria


def test_a_service_that_needs_no_application_has_no_apply_button() -> None:
    """구민안전보험 said "신청불필요" under a big "Apply on Gov24" button; now it is channel "none"."""
    from naesone_app.core.outbound import destination

    automatic = program(
        {}, 신청방법="신청불필요", 상세조회URL="https://www.gov.kr/portal/rcvfvrSvc/dtlEx/SVC1"
    )
    assert automatic.apply_channel == "none"
    assert destination(automatic) is None
    online = program({}, 신청방법="온라인신청", 상세조회URL="https://www.gov.kr/portal/rcvfvrSvc/dtlEx/SVC1")
    assert online.apply_channel == "gov24" and destination(online) is not None
