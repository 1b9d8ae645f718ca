"""Jung-gu's departments (core.departments): one file, validated; every programme's 중구 department is in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from naesone_app.core.catalog.native import load_program_file
from naesone_app.core.departments import (
    CENTRES_BUREAU,
    DEPARTMENTS_FILE,
    DepartmentError,
    departments,
    parse_departments,
)
from naesone_app.core.dongs import DONGS
from naesone_app.core.stale import responsible_department

PROGRAMS = sorted((Path(__file__).resolve().parents[2] / "data" / "programs").glob("*.yaml"))
# a 과, 센터 or 보건소 named after "서울특별시 중구" in a responsible body ("서울특별시 중구 복지정책과·신당동 주민센터")
# (a centre the district entrusts, "(중구가족센터 위탁 운영)", is an operator, not a department)
DISTRICT_UNIT = re.compile(r"[가-힣0-9]+동 주민센터|[가-힣0-9]+(?:과|센터|보건소)(?![가-힣])")
ENTRUSTED = re.compile(r"\([^)]*위탁[^)]*\)")


def _raw() -> dict:
    return yaml.safe_load(DEPARTMENTS_FILE.read_text(encoding="utf-8"))


def test_the_shipped_file_has_the_departments_and_one_centre_for_each_dong() -> None:
    known = departments()
    centres = [d for d in known.all if d.bureau == CENTRES_BUREAU]
    assert sorted(d.dong for d in centres) == sorted(d.code for d in DONGS)
    assert {c.name for c in centres} == {f"{d.name} 주민센터" for d in DONGS}
    for name in (
        "어르신복지과",
        "복지정책과",
        "가족정책과",
        "안전총괄과",
        "일자리경제과",
        "치수과",
        "교육지원과",
    ):
        found = known.by_name(name)
        assert found is not None and found.code and found.bureau != CENTRES_BUREAU, name
    assert known.by_code("senior-welfare").name == "어르신복지과"
    assert known.by_name("신당동 주민센터").dong == "1114061500"
    assert known.by_name("어르신복지과").label("ko") == "복지국 · 어르신복지과"
    assert known.by_name("어르신복지과").label("en") == "Welfare Bureau · Senior Welfare Division"
    assert all(d.name_en and d.bureau_en for d in known.all)
    assert known.display_name("어르신복지과", "en") == "Senior Welfare Division"
    assert known.display_name("어르신복지과", "ko") == "어르신복지과"
    assert known.display_name("노인복지팀", "en") == "노인복지팀"  # not in the file: as stored


def test_unknown_names_are_reported_not_guessed() -> None:
    assert departments().unknown(["어르신복지과", "어르신 복지과", "", "노인복지과", "노인복지과"]) == [
        "노인복지과",
        "어르신 복지과",
    ]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["bureaus"][0]["departments"].append(dict(d["bureaus"][0]["departments"][0])), "twice"),
        (lambda d: d["bureaus"][0]["departments"][0].update(code="Bad Code"), "code"),
        (lambda d: d["bureaus"][0]["departments"][0].update(name=""), "name"),
        (lambda d: d["bureaus"][0]["departments"][0].pop("en"), "bureaus[0].departments[0]: en"),
        (lambda d: d["centres"][3].pop("en"), "centres[3]: en"),
        (lambda d: d["centres"].pop(), "no 주민센터 for"),
        (lambda d: d["centres"][0].update(dong="1111051500"), "15 행정동"),
        (lambda d: d["bureaus"].append("복지국"), f"bureaus[{len(_raw()['bureaus'])}]"),
    ],
)
def test_a_malformed_file_names_what_is_wrong(change, problem: str) -> None:
    data = _raw()
    change(data)
    with pytest.raises(DepartmentError, match=re.escape(problem)):
        parse_departments(data)


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_every_programme_department_of_the_district_is_in_the_file(path: Path) -> None:
    """The reviewing department of an in-app form, and every 과/센터 a 중구 responsible body names."""
    program, _cases = load_program_file(path)
    known = departments()
    form = program.extra.get("application")
    if isinstance(form, dict) and form.get("department"):
        assert known.by_name(responsible_department(program)) is not None, responsible_department(program)
    body = program.text("ko").responsible_body
    if body.startswith("서울특별시 중구"):
        for unit in DISTRICT_UNIT.findall(ENTRUSTED.sub("", body.removeprefix("서울특별시 중구"))):
            assert known.by_name(unit) is not None or unit in {b.bureau for b in known.all}, (unit, body)
