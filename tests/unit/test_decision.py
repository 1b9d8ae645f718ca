"""What an officer's decision rests on: the recorded verdict, then and now compared, and the override
rule for approving with documents missing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from naesone_app.core.applications import MAX_REASON, STATUSES, TransitionError
from naesone_app.core.criteria import AgeRange, IncomeBands, ResidenceMonths
from naesone_app.core.decision import (
    BLOCKED_BY_MISSING_DOCUMENTS,
    OverrideNeeded,
    check_override,
    compare,
    record_from_data,
    record_of,
    status_changed,
)
from naesone_app.core.program import Program, ProgramText

AS_OF = date(2026, 11, 25)


def programme(*criteria, updated: date | None = date(2026, 3, 1)) -> Program:
    return Program(
        "native", "lunch", {"ko": ProgramText(title="경로식당")}, tuple(criteria), last_updated=updated
    )


SENIOR = programme(AgeRange(65, None), IncomeBands(((None, 50.0),)), ResidenceMonths(6))


# --- the verdict, recorded ------------------------------------------------------------------------------


def test_record_keeps_each_criterion_with_both_locales_the_date_and_the_catalogue() -> None:
    record = record_of(SENIOR, {"birth_date": "1955-01-02", "income_percent_of_median": 40}, AS_OF)
    assert record is not None
    assert (record.status, record.as_of, record.catalogue) == ("maybe", AS_OF, "2026-03-01")
    assert [(c.key, c.status) for c in record.criteria] == [
        ("age", "met"), ("income", "met"), ("residence", "unknown")]  # fmt: skip
    age = record.criteria[0]
    assert "65" in age.text("requirement", "ko") and "65" in age.text("requirement", "en")
    assert "71" in age.text("detail", "ko")  # the fact the verdict rests on
    assert age.text("detail", "en") != age.text("detail", "ko")


def test_record_survives_json_and_a_malformed_one_reads_as_none() -> None:
    record = record_of(SENIOR, {"age": 70}, AS_OF)
    assert record is not None
    assert record_from_data(json.loads(json.dumps(record.to_data()))) == record
    assert record_from_data(None) is None
    assert record_from_data({"status": "eligible"}) is None
    assert record_from_data({"status": "x", "as_of": "not a date", "criteria": []}) is None


def test_an_unreadable_profile_gives_no_verdict_rather_than_a_wrong_one() -> None:
    assert record_of(SENIOR, {"age": "seventy"}, AS_OF) is None


def test_repeated_criterion_kinds_get_distinct_keys() -> None:
    record = record_of(programme(AgeRange(65, None), AgeRange(None, 80)), {"age": 70}, AS_OF)
    assert record is not None
    assert [c.key for c in record.criteria] == ["age", "age#2"]


def test_no_catalogue_date_is_recorded_as_empty() -> None:
    record = record_of(programme(AgeRange(65, None), updated=None), {}, AS_OF)
    assert record is not None and record.catalogue == ""


# --- then and now ---------------------------------------------------------------------------------------


def test_compare_marks_the_criterion_whose_status_moved() -> None:
    then = record_of(SENIOR, {"age": 70, "income_percent_of_median": 40}, AS_OF)
    now = record_of(SENIOR, {"age": 70, "income_percent_of_median": 80}, AS_OF)
    changes = compare(then, now)
    assert [(c.key, c.changed) for c in changes] == [("age", False), ("income", True), ("residence", False)]
    income = changes[1]
    assert (income.then.status, income.now.status) == ("met", "unmet")
    assert status_changed(then, now) and not status_changed(then, then)


def test_compare_lists_criteria_added_or_dropped_as_changed() -> None:
    then = record_of(programme(AgeRange(65, None)), {"age": 70}, AS_OF)
    now = record_of(programme(ResidenceMonths(6)), {"age": 70}, AS_OF)
    changes = compare(then, now)
    assert [(c.key, c.then is None, c.now is None, c.changed) for c in changes] == [
        ("age", False, True, True), ("residence", True, False, True)]  # fmt: skip
    assert changes[0].shown is changes[0].then and changes[1].shown is changes[1].now


def test_compare_with_no_verdict_at_submission_shows_todays_criteria() -> None:
    now = record_of(SENIOR, {"age": 70}, AS_OF)
    changes = compare(None, now)
    assert [c.key for c in changes] == ["age", "income", "residence"]
    assert all(c.then is None for c in changes)
    assert compare(None, None) == []
    assert not status_changed(None, now)


# --- deciding with documents missing ---------------------------------------------------------------------


def test_only_approval_is_blocked_by_missing_documents() -> None:
    assert {"approved"} == BLOCKED_BY_MISSING_DOCUMENTS
    for decision in set(STATUSES) - {"approved"}:
        assert check_override(decision, ["id_card"]) == ""


def test_approving_with_missing_documents_needs_a_reason() -> None:
    with pytest.raises(OverrideNeeded) as refused:
        check_override("approved", ["id_card", "resident_copy"])
    assert refused.value.missing == ("id_card", "resident_copy")
    with pytest.raises(OverrideNeeded):
        check_override("approved", ["id_card"], "   \n ")


def test_a_stated_reason_overrides_and_is_trimmed() -> None:
    assert (
        check_override("approved", ["id_card"], "  신분증은 창구에서 확인함 ") == "신분증은 창구에서 확인함"
    )


def test_nothing_missing_needs_no_override_and_records_none() -> None:
    assert check_override("approved", [], "") == ""
    assert check_override("approved", (), "a reason given anyway") == ""


def test_an_overlong_override_reason_is_refused() -> None:
    with pytest.raises(TransitionError):
        check_override("approved", ["id_card"], "가" * (MAX_REASON + 1))
