"""core/identity_check: what the resident typed beside what each document states, marked."""

from __future__ import annotations

from datetime import date

from naesone_app.core.identity import Identity
from naesone_app.core.identity_check import address_agrees, check_identity, name_agrees, stated_identity
from naesone_app.integrations.mydata_standin import SAMPLE_ABSTRACT, SAMPLE_COPY, SAMPLE_FAMILY

TYPED = Identity("김영순", date(1959, 4, 2), "중구 다산로 000, 000호", "신당동", "01022227272")


def _lines(identity, documents):
    return {line.field: line for line in check_identity(identity, documents)}


def test_typed_values_that_documents_state_too_are_confirmed() -> None:
    lines = _lines(TYPED, [("resident_registration_copy", SAMPLE_COPY)])
    assert {f: line.status for f, line in lines.items()} == {
        "name": "confirmed", "birth_date": "confirmed", "address": "confirmed", "dong": "confirmed",
        "moved_in_on": "stated", "children": "stated"}  # fmt: skip
    assert lines["moved_in_on"].stated[0].value == "2025-11-01"
    assert lines["children"].stated[0].value == "2015-03-01"


def test_a_mismatch_is_marked_with_what_the_document_says() -> None:
    typed = Identity("김영순", date(1954, 3, 2), "", "명동")
    lines = _lines(typed, [("resident_registration_copy", SAMPLE_COPY),
                           ("resident_registration_abstract", SAMPLE_ABSTRACT)])  # fmt: skip
    assert lines["birth_date"].status == "differs"
    assert [(s.kind, s.value, s.agrees) for s in lines["birth_date"].stated] == [
        ("resident_registration_copy", "1959-04-02", False),
        ("resident_registration_abstract", "1959-04-02", False),
    ]
    assert lines["dong"].status == "differs" and lines["name"].status == "confirmed"
    assert lines["address"].typed == "" and lines["address"].status == "stated"


def test_nothing_typed_and_no_documents_still_shows_name_and_birth_date_unchecked() -> None:
    lines = check_identity(None, [])
    assert [(line.field, line.typed, line.status) for line in lines] == [
        ("name", "", "unchecked"), ("birth_date", "", "unchecked")]  # fmt: skip


def test_the_family_certificate_states_every_child_and_a_broken_document_states_nothing() -> None:
    assert stated_identity(SAMPLE_FAMILY)["children"] == "1986-07-15, 2015-03-01"
    assert stated_identity({**SAMPLE_FAMILY, "family": []})["children"] == "-"
    assert stated_identity({**SAMPLE_COPY, "members": "?"}) == {}


def test_masked_names_and_addresses_are_compared_as_far_as_they_go() -> None:
    assert name_agrees("김영순", "김*순") and name_agrees("김 영순", "김*순")
    assert not name_agrees("김영희", "김*순") and not name_agrees("김순", "김*순")
    assert name_agrees("Nguyen Van An", "nguyen van an")
    assert address_agrees("중구 다산로 000", "서울특별시 중구 다산로 000, 000호 (예시)")
    assert not address_agrees("중구 퇴계로 1", "서울특별시 중구 다산로 000")
    assert not address_agrees("", "서울특별시 중구")
