"""The screening fast path (compile_catalog(...).statuses) must agree with the engine, always."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from naesone_app.core.catalog.gov24 import program_from_rows
from naesone_app.core.catalog.native import load_catalog
from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.eligibility import evaluate
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.program import Program, ProgramText
from naesone_app.core.screening import compile_catalog
from tests.unit.strategies import as_of_dates, gov24_condition_rows, valid_profiles

AS_OF = date(2026, 11, 25)
NATIVE = [p for p, _ in load_catalog(Path(__file__).resolve().parents[2] / "data" / "programs")]


def native(rules: Any, source_id: str = "test-programme") -> Program:
    return Program("native", source_id, {"ko": ProgramText(title="시험")}, parse_rules(rules))


def _gov24(list_row: dict, condition_row: dict) -> Program:
    return program_from_rows(list_row, condition_row, None, "hypothesis row")


@given(st.lists(gov24_condition_rows(), min_size=1, max_size=20), valid_profiles(), as_of_dates)
def test_screening_agrees_on_many_gov24_programmes(rows: list[dict], profile: dict, on: date) -> None:
    base = {"서비스ID": "X", "사용자구분": "개인", "소관기관유형": "광역시도", "소관기관명": "서울특별시"}
    programs = [_gov24({**base, "서비스ID": f"S{i}"}, row) for i, row in enumerate(rows)] + NATIVE
    facts = facts_on(parse_profile(profile), on)
    statuses = compile_catalog(programs).statuses(facts)
    expected = {"eligible": 0, "maybe": 1, "ineligible": 2, "closed": 3}
    assert [int(s) for s in statuses] == [expected[evaluate(p, facts).status] for p in programs]


def test_empty_catalogue_screens_to_nothing() -> None:
    assert compile_catalog([]).screen(facts_on(parse_profile({}), AS_OF)) == []
    open_programme = native(None)
    assert compile_catalog([open_programme]).screen(facts_on(parse_profile({}), AS_OF)) == [
        (open_programme, "eligible")]  # fmt: skip


def test_screening_shares_equal_criteria() -> None:
    programs = [native([{"age": {"min": 65}}], "a-1"), native([{"age": {"min": 65}}, {"sex": "male"}], "a-2"),
                native(None, "a-3")]  # fmt: skip
    compiled = compile_catalog(programs)
    assert len(compiled.criteria) == 2
    facts = facts_on(parse_profile({"age": 70, "sex": "female"}), AS_OF)
    assert [s for _, s in compiled.screen(facts)] == ["eligible", "ineligible", "eligible"]


def test_statuses_are_codes_in_catalogue_order() -> None:
    programs = [native([{"sex": "male"}], "p-1"), native([{"age": {"min": 65}}], "p-2"), native(None, "p-3")]
    statuses = compile_catalog(programs).statuses(facts_on(parse_profile({"sex": "female"}), AS_OF))
    assert isinstance(statuses, np.ndarray)
    assert statuses.tolist() == [2, 1, 0]
