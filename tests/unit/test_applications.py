"""Application forms as data: parsing, prefill, validation, checklist, status machine, upload rules,
and the facts a 주민등록표등본 proves."""

from __future__ import annotations

from pathlib import Path

import pytest

from naesone_app.core.application_forms import (
    ApplicationFormError,
    checklist,
    form_of,
    form_to_data,
    parse_application,
    prefill,
    validate,
    validate_draft,
)
from naesone_app.core.applications import TRANSITIONS, TransitionError, check_transition
from naesone_app.core.catalog.native import CatalogError, load_catalog, program_from_data
from naesone_app.core.evidence import EvidenceFormatError, facts_from_resident_registration
from naesone_app.core.profile import parse_profile
from naesone_app.core.uploads import MAX_UPLOAD_BYTES, UploadRefused, check_upload, sniff_content_type
from naesone_app.integrations.mydata_standin import SAMPLE_COPY

PROGRAMS = Path(__file__).resolve().parents[2] / "data" / "programs"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
PDF = b"%PDF-1.7\n" + b"x" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32

BLOCK = {
    "department": "어르신복지과",
    "fields": [
        {"name": "birth_date", "type": "date", "required": True, "prefill": "birth_date",
         "label": {"ko": "생년월일", "en": "Date of birth"}},
        {"name": "dong", "type": "text", "required": True, "max_length": 20, "prefill": "dong",
         "label": {"ko": "행정동", "en": "Dong"}},
        {"name": "household_size", "type": "number", "prefill": "household_size",
         "label": {"ko": "가구원 수", "en": "Household size"}},
        {"name": "phone", "type": "phone", "required": True, "label": {"ko": "연락처", "en": "Phone"}},
        {"name": "meal", "type": "choice",
         "choices": [{"value": "cafeteria", "label": {"ko": "경로식당", "en": "Cafeteria"}},
                     {"value": "delivery", "label": {"ko": "배달", "en": "Delivery"}}],
         "label": {"ko": "방법", "en": "How"}},
        {"name": "note", "type": "textarea", "max_length": 10, "label": {"ko": "메모", "en": "Note"}},
    ],
    "documents": [
        {"key": "resident_copy", "checked_by": "evidence", "evidence": "resident_registration_copy",
         "label": {"ko": "주민등록표등본", "en": "Resident registration copy"}},
        {"key": "income", "checked_by": "official", "label": {"ko": "소득 확인", "en": "Income"}},
        {"key": "id_card", "checked_by": "resident", "label": {"ko": "신분증", "en": "ID card"}},
        {"key": "photo", "checked_by": "resident", "required": False, "label": {"ko": "사진", "en": "Photo"}},
    ],
}  # fmt: skip
FORM = parse_application(BLOCK)


def test_shipped_programmes_with_forms_load_and_round_trip():
    with_forms = [p for p, _ in load_catalog(PROGRAMS) if "application" in p.extra]
    assert {p.source_id for p in with_forms} >= {"junggu-senior-lunch", "junggu-longevity-gift"}
    for program in with_forms:
        form = form_of(program.extra)
        assert form is not None and form.department
        assert parse_application(form_to_data(form)) == form  # the stored JSON reads back the same


def test_form_round_trips_through_json_data():
    assert parse_application(form_to_data(FORM)) == FORM
    assert FORM.field("meal").choices == ("cafeteria", "delivery")
    assert FORM.field("birth_date").required and not FORM.field("household_size").required


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda b: b.pop("department"), "application.department"),
        (lambda b: b.update(fields=[]), "application.fields"),
        (lambda b: b["fields"][0].update(type="colour"), "application.fields[0].type"),
        (lambda b: b["fields"][0].update(prefill="shoe_size"), "application.fields[0].prefill"),
        (lambda b: b["fields"][1].update(max_length=0), "application.fields[1].max_length"),
        (lambda b: b["fields"][1]["label"].pop("en"), "application.fields[1].label.en"),
        (lambda b: b["fields"][4].pop("choices"), "application.fields[4].choices"),
        (lambda b: b["fields"][0].update(colour=1), "application.fields[0].colour"),
        (lambda b: b["documents"][0].update(evidence="passport"), "application.documents[0].evidence"),
        (lambda b: b["documents"][1].update(checked_by="nobody"), "application.documents[1].checked_by"),
        (lambda b: b["documents"][1].update(evidence="resident_registration_copy"),
         "application.documents[1].evidence"),
        (lambda b: b["fields"].append(dict(b["fields"][0])), "application.fields"),
    ],
)  # fmt: skip
def test_bad_blocks_name_the_part(change, path):
    import copy

    block = copy.deepcopy(BLOCK)
    change(block)
    with pytest.raises(ApplicationFormError) as caught:
        parse_application(block)
    assert caught.value.path == path


def test_catalog_reports_a_bad_block_with_file_and_field():
    data = {
        "id": "junggu-x-test", "title": {"ko": "가", "en": "A"}, "summary": {"ko": "가", "en": "A"},
        "audience": {"ko": "가", "en": "A"}, "benefit": {"ko": "가", "en": "A"},
        "how_to_apply": {"ko": "가", "en": "A"}, "responsible_body": {"ko": "가", "en": "A"},
        "category": "어르신", "level": "district", "source_note": "test", "last_updated": "2026-01-01",
        "application": {"department": "어르신복지과", "fields": [{"name": "x", "type": "nope", "label": {}}]},
    }  # fmt: skip
    with pytest.raises(CatalogError) as caught:
        program_from_data(data, "x.yaml")
    assert caught.value.field == "application.fields[0].type"
    data["application"] = BLOCK
    program, _cases = program_from_data(data, "x.yaml")
    assert form_of(program.extra) == FORM


def test_prefill_takes_known_profile_facts_only():
    profile = {"birth_date": "1959-04-02", "dong": "신당동", "household_size": 2, "livelihood": "none"}
    assert prefill(FORM, profile) == {"birth_date": "1959-04-02", "dong": "신당동", "household_size": 2}
    assert prefill(FORM, {}) == {}


def test_validate_reports_per_field():
    good = {"birth_date": "1959-04-02", "dong": "신당동", "phone": "010-1234-5678", "meal": "delivery"}
    assert validate(FORM, good) == {}
    errors = validate(
        FORM,
        {"birth_date": "02/04/1959", "dong": " ", "phone": "12", "meal": "picnic", "note": "x" * 11,
         "household_size": "two", "nosuch": 1},
    )  # fmt: skip
    assert set(errors) == {"birth_date", "dong", "phone", "meal", "note", "household_size", "nosuch"}
    assert errors["dong"].msgid == "필수 항목입니다."
    assert errors["note"].params == {"max": 10}
    assert all(m.msgid for m in errors.values())


def test_a_draft_may_be_incomplete_but_not_wrong():
    assert validate_draft(FORM, {"dong": "신당동"}) == {}
    assert set(validate_draft(FORM, {"note": "x" * 11})) == {"note"}


def test_checklist_splits_by_who_provides():
    empty = checklist(FORM)
    assert [i.document.key for i in empty.official] == ["income"]
    assert [i.document.key for i in empty.resident] == ["id_card", "photo"]
    assert [i.document.key for i in empty.evidence] == ["resident_copy"]
    assert all(i.satisfied for i in empty.official)
    assert empty.missing == ("resident_copy", "id_card")  # the photo is optional
    done = checklist(
        FORM, uploaded=frozenset({"id_card"}), evidence_held=frozenset({"resident_registration_copy"})
    )
    assert done.missing == ()
    assert done.evidence[0].how == "evidence" and done.resident[0].how == "uploaded"


def test_status_machine():
    assert check_transition("submitted", "in_review") == ""
    assert check_transition("in_review", "rejected", "  소득 기준 초과 ") == "소득 기준 초과"
    assert check_transition("more_documents", "approved") == ""
    with pytest.raises(TransitionError):
        check_transition("in_review", "rejected", " ")  # reason required
    with pytest.raises(TransitionError):
        check_transition("submitted", "more_documents")  # say which documents
    for final in ("approved", "rejected"):
        assert TRANSITIONS[final] == frozenset()
        with pytest.raises(TransitionError):
            check_transition(final, "in_review")
    with pytest.raises(TransitionError):
        check_transition("submitted", "archived")


def test_upload_type_by_content_not_name():
    assert sniff_content_type(PNG) == "image/png"
    assert sniff_content_type(PDF) == "application/pdf"
    assert sniff_content_type(JPEG) == "image/jpeg"
    assert check_upload(PDF) == "application/pdf"
    for bad in (b"MZ\x90\x00 an exe called form.pdf", b"<html>", b"GIF89a....", b""):
        with pytest.raises(UploadRefused) as caught:
            check_upload(bad)
        assert caught.value.message.msgid


def test_upload_size_limit():
    assert check_upload(PDF + b"x" * (MAX_UPLOAD_BYTES - len(PDF))) == "application/pdf"
    with pytest.raises(UploadRefused) as caught:
        check_upload(PDF + b"x" * (MAX_UPLOAD_BYTES - len(PDF) + 1))
    assert caught.value.message.params == {"max": 10}


def test_resident_registration_copy_gives_profile_facts():
    facts = facts_from_resident_registration(SAMPLE_COPY)
    assert facts == {
        "lives_in_junggu": True, "dong": "신당동", "moved_in_on": "2025-11-01", "household_size": 2,
        "birth_date": "1959-04-02", "children": [{"birth_date": "2015-03-01"}],
    }  # fmt: skip
    parse_profile(facts)  # valid under the profile contract
    outside = {**SAMPLE_COPY, "address": {"admin_dong": "역삼1동", "admin_dong_code": "1168064000"}}
    assert facts_from_resident_registration(outside)["lives_in_junggu"] is False
    assert "dong" not in facts_from_resident_registration(outside)
    with pytest.raises(EvidenceFormatError):
        facts_from_resident_registration({**SAMPLE_COPY, "members": []})
    with pytest.raises(EvidenceFormatError):
        facts_from_resident_registration(
            {**SAMPLE_COPY, "members": [{"relation": "본인", "birth_date": "x"}]}
        )


def test_choices_carry_their_own_labels():
    meal = FORM.field("meal")
    assert meal.choice_label("delivery", "ko") == "배달" and meal.choice_label("delivery", "en") == "Delivery"
    assert meal.choice_label("unknown", "en") == "unknown"
    lunch = form_of(next(p for p, _ in load_catalog(PROGRAMS) if p.source_id == "junggu-senior-lunch").extra)
    assert lunch.field("meal").choice_label("cafeteria", "en") == "Eat at the senior cafeteria"


@pytest.mark.parametrize(
    ("choices", "path"),
    [
        (["cafeteria"], "application.fields[4].choices[0]"),
        (
            [{"value": "Cafe teria", "label": {"ko": "가", "en": "A"}}],
            "application.fields[4].choices[0].value",
        ),
        ([{"value": "a", "label": {"ko": "가"}}], "application.fields[4].choices[0].label.en"),
        ([{"value": "a", "label": {"ko": "가", "en": "A"}}] * 2, "application.fields[4].choices"),
    ],
)
def test_bad_choices_name_the_part(choices, path):
    import copy

    block = copy.deepcopy(BLOCK)
    block["fields"][4]["choices"] = choices
    with pytest.raises(ApplicationFormError) as caught:
        parse_application(block)
    assert caught.value.path == path


@pytest.mark.parametrize(
    ("name", "text", "value", "problem"),
    [
        ("household_size", " 3 ", 3, None),
        ("household_size", "1,200", 1200, None),
        ("household_size", "셋", None, "숫자로 입력해 주세요."),
        ("household_size", "", None, None),
        ("phone", "010-1234-5678", "010-1234-5678", None),
        ("phone", "12345", "12345", "전화번호를 010-1234-5678 형식으로 입력해 주세요."),
        ("birth_date", "1959-02-30", "1959-02-30", "날짜를 YYYY-MM-DD 형식으로 입력해 주세요."),
        ("note", "x" * 11, "x" * 11, "{max}자 이내로 입력해 주세요."),
        ("meal", "delivery", "delivery", None),
        ("meal", "drone", "drone", "목록에서 골라 주세요."),
        ("dong", ["신당동"], None, "글자로 입력해 주세요."),
    ],
)
def test_browser_input_becomes_a_typed_answer_or_a_named_problem(name, text, value, problem):
    from naesone_app.core.application_forms import parse_input

    got, message = parse_input(FORM.field(name), text)
    assert got == value
    assert (message.msgid if message else None) == problem


def test_a_status_change_becomes_a_reminder_once_per_change():
    from naesone_app.core.applications import STATUS_LABELS
    from naesone_app.core.reminders import application_result_reminder, render_notification

    program = next(p for p, _ in load_catalog(PROGRAMS) if p.source_id == "junggu-senior-lunch")
    reminder = application_result_reminder(7, 42, STATUS_LABELS["approved"], program)
    assert reminder.kind == "application_result" and reminder.dedupe_key == "application_result:7:42"
    note = render_notification(reminder, "en")
    assert note.body == "Free lunch at senior community cafeterias: Approved"
    assert note.url == "/en/application?id=7" and render_notification(reminder, "ko").body.endswith(": 승인")


def test_receipt_number_and_expected_decision() -> None:
    from datetime import date

    from naesone_app.core.applications import expected_decision, receipt_number

    assert receipt_number(123, date(2026, 12, 7)) == "중구-2026-000123"
    with pytest.raises(ValueError, match="application_id"):
        receipt_number(0, date(2026, 12, 7))
    # Friday + 7 working days skips two weekends: the Tuesday after next
    assert expected_decision(date(2026, 12, 4), 7) == date(2026, 12, 15)
    assert expected_decision(date(2026, 12, 7), 1) == date(2026, 12, 8)


def test_processing_days_are_part_of_the_form() -> None:
    from naesone_app.core.application_forms import ApplicationFormError, form_to_data, parse_application

    block = {"department": "어르신복지과", "processing_days": 7,
             "fields": [{"name": "phone", "type": "phone", "label": {"ko": "연락처", "en": "Phone"}}]}  # fmt: skip
    form = parse_application(block)
    assert form.processing_days == 7 and parse_application(form_to_data(form)) == form
    for bad in (0, 91, "7", True):
        with pytest.raises(ApplicationFormError, match="processing_days"):
            parse_application({**block, "processing_days": bad})
