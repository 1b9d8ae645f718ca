"""서울시 스마트쉼터 현황 (OA-22311) CSV: a title row above the header; columns by name or by position."""

from __future__ import annotations

from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.model import SMART_SHELTER

TITLE = "서울시 스마트쉼터 현황\n"
ROWS = ("1,중구,충무로역 스마트쉼터,버스정류소,서울특별시 중구 퇴계로 199,2023,126.9940,37.5612\n"
        "2,종로구,종로 스마트쉼터,버스정류소,서울특별시 종로구 종로 1,2022,126.9794,37.5730\n")  # fmt: skip


def load(tmp_path: Path, text: str):
    path = tmp_path / "smart.csv"
    path.write_text(text, "utf-8-sig")
    return read_files("smart-shelter-csv", [path])


def test_named_header_under_a_title_row(tmp_path: Path) -> None:
    batch = load(tmp_path, TITLE + "연번,자치구,시설명,설치장소,도로명주소,설치년도,경도,위도\n" + ROWS)
    [shelter] = batch.facilities
    assert (shelter.kind, shelter.name, shelter.lat, shelter.lon) == (
        SMART_SHELTER,
        "충무로역 스마트쉼터",
        37.5612,
        126.994,
    )
    assert batch.skipped == {"other_district": 1}


def test_unknown_header_names_fall_back_to_the_reported_positions(tmp_path: Path) -> None:
    batch = load(tmp_path, TITLE + "순번,자치구,명칭,장소,소재지,연도,X,Y\n" + ROWS)
    assert [f.name for f in batch.facilities] == ["충무로역 스마트쉼터"]


def test_malformed(tmp_path: Path) -> None:
    with pytest.raises(FacilityFormatError, match="no header row naming 자치구"):
        load(tmp_path, TITLE + ROWS)
    with pytest.raises(FacilityFormatError, match="row 1, column 위도: expected a number"):
        load(
            tmp_path,
            "연번,자치구,시설명,설치장소,도로명주소,설치년도,경도,위도\n1,중구,A,B,C,2023,126.99,삼십칠\n",
        )
