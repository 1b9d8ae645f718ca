"""Offices as data: the shipped file, `tel:` links in contact texts, which office a programme names."""

from __future__ import annotations

from pathlib import Path

import pytest

from naesone_app.core.catalog.native import CatalogError, load_program_file
from naesone_app.core.offices import (
    DISTRICT_OFFICE,
    DONG_CENTRE,
    OfficeError,
    centre_of,
    dong_centres,
    office_key_of,
    offices,
    parse_offices,
    phone_parts,
    resolve_office,
    tel_href,
)

PROGRAMS = Path(__file__).resolve().parents[2] / "data" / "programs"


def test_the_shipped_file_has_the_district_office_and_fifteen_centres() -> None:
    district = offices()[DISTRICT_OFFICE]
    assert district.address and district.address["ko"] == "서울특별시 중구 창경궁로 17"
    assert district.phone == "02-3396-4114" and district.verified
    centres = dong_centres()
    assert len(centres) == 15 and len({c.dong for c in centres}) == 15
    # addresses not yet checked are left empty, never invented; the phone is the main line
    assert all(c.address is None and not c.verified and c.phone_via_main_line for c in centres)


def test_own_dong_centre_by_name_or_code() -> None:
    assert centre_of("신당동").name["ko"] == "신당동 주민센터"
    assert centre_of("1114054000").name["en"] == "Hoehyeon-dong Community Service Centre"
    assert centre_of(None) is None and centre_of("강남동") is None
    assert resolve_office(DONG_CENTRE, "회현동").name["ko"] == "회현동 주민센터"
    assert resolve_office(DONG_CENTRE, None) is None


def test_office_of_a_programme_is_the_one_it_names_never_a_guess() -> None:
    assert office_key_of("visit", DONG_CENTRE) == DONG_CENTRE
    assert office_key_of("district", DISTRICT_OFFICE) == DISTRICT_OFFICE
    assert office_key_of("visit", None) is None  # e.g. 보건소: its contact numbers are the way in
    assert office_key_of("none", DONG_CENTRE) is None


def test_the_district_programmes_name_an_office_that_exists() -> None:
    from naesone_app.core.catalog.native import load_program_file

    named = {}
    for path in sorted(PROGRAMS.glob("junggu-*.yaml")):
        program, _cases = load_program_file(path)
        named[program.source_id] = program.extra.get("office")
    assert named["junggu-fire-safety-kit"] == named["junggu-senior-lunch"] == DONG_CENTRE
    assert named["junggu-youth-cert-fee"] == DISTRICT_OFFICE
    assert named["junggu-sindang-ai-checkin"] == "dong-1114061500"


def test_every_number_in_a_contact_becomes_a_tel_link() -> None:
    parts = phone_parts("중구청 가족정책과 02-3396-4300 (예시 번호) / 보건복지상담센터 129, 1566-0313")
    assert [href for _text, href in parts if href] == ["tel:0233964300", "tel:129", "tel:15660313"]
    assert "".join(text for text, _href in parts).startswith("중구청 가족정책과 02-3396-4300")
    assert phone_parts("첫째 100만원") == [("첫째 100만원", "")]
    assert tel_href("02-3396-4114") == "tel:0233964114"
    with pytest.raises(ValueError, match="phone"):
        tel_href("없음")


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ({"key": "x-office", "name": {"ko": "가"}, "hours": {"ko": "a", "en": "b"}, "phone": "02-1234-5678"}, "name"),
        ({"key": "x-office", "name": {"ko": "가", "en": "A"}, "hours": {"ko": "a", "en": "b"}, "phone": "123"}, "phone"),
        ({"key": "x-office", "name": {"ko": "가", "en": "A"}, "hours": {"ko": "a", "en": "b"},
          "phone": "02-1234-5678", "dong": "9999999999"}, "dong"),
    ],
)  # fmt: skip
def test_a_bad_office_names_its_field(entry: dict, field: str) -> None:
    with pytest.raises(OfficeError, match=rf"offices\[0\]\.{field}"):
        parse_offices({"offices": [entry]})


def test_a_programme_naming_an_unknown_office_is_refused(tmp_path) -> None:
    source = (PROGRAMS / "junggu-birth-support.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(source.replace("office: dong-centre", "office: nowhere"))
    with pytest.raises(CatalogError, match=r"apply\.office"):
        load_program_file(tmp_path / "a.yaml")
