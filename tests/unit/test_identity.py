"""Identity fields: each rejection names its field; a staff name search ignores spaces and case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from naesone_app.core.dates import seoul_today
from naesone_app.core.identity import (
    Identity,
    IdentityError,
    name_matches,
    parse_identity,
    parse_phone,
    with_phone_fallback,
)


def test_a_valid_identity_is_normalised() -> None:
    found = parse_identity(
        "  김   영희 ", date(1954, 3, 2), "서울 중구  다산로 12", "1114061500", "010-2222-7272"
    )
    assert found == Identity("김 영희", date(1954, 3, 2), "서울 중구 다산로 12", "신당동", "01022227272")
    assert found.complete and not Identity(name="김영희").complete


@pytest.mark.parametrize(
    ("name", "born", "dong", "phone", "field"),
    [
        ("", None, "", "", "name"),
        ("김" * 41, None, "", "", "name"),
        ("<script>", None, "", "", "name"),
        ("김영희2", None, "", "", "name"),
        ("김영희", seoul_today() + timedelta(days=1), "", "", "birth_date"),
        ("김영희", None, "강남동", "", "dong"),
        ("김영희", None, "", "02-123-4567", "phone"),
    ],
)
def test_each_bad_field_is_named(name: str, born: date | None, dong: str, phone: str, field: str) -> None:
    with pytest.raises(IdentityError) as caught:
        parse_identity(name, born, "", dong, phone)
    assert caught.value.field == field


def test_phone_forms() -> None:
    assert parse_phone("+82 10-1234-5678") == "01012345678"
    assert parse_phone("") == ""


def test_staff_search_finds_a_part_of_the_name_ignoring_spaces() -> None:
    kim = Identity(name="김영희")
    assert name_matches(kim, "김 영") and name_matches(kim, "영희")
    assert not name_matches(kim, "") and not name_matches(kim, "박")
    assert name_matches(Identity(name="Nguyen Van An"), "nguyen")


def test_the_sign_in_number_stands_in_for_a_missing_phone() -> None:
    assert with_phone_fallback(Identity(name="김영희"), "01012345678").phone == "01012345678"
    assert with_phone_fallback(Identity(name="김영희"), "kim@example.com").phone == ""
    assert (
        with_phone_fallback(Identity(name="김영희", phone="01099998888"), "01012345678").phone
        == "01099998888"
    )
