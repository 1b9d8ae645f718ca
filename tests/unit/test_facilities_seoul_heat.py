"""Seoul 무더위쉼터 OA-21065 (TbGtnHwcwP): Jung-gu by AREA_CD prefix, key without the year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.model import HEAT_SHELTER

ROW = {"YEAR": "2026", "AREA_CD": "1114055000", "R_AREA_NM": "명동경로당", "R_DETL_ADD": "서울특별시 중구 명동길 1",
       "LOTNO_ADDR": "서울특별시 중구 명동2가 1", "USE_PRNB": 25, "LAT": 37.5637, "LON": 126.9843}  # fmt: skip


def load(tmp_path: Path, rows: list[dict], code: str = "INFO-000"):
    payload = {
        "TbGtnHwcwP": {"list_total_count": len(rows), "RESULT": {"CODE": code, "MESSAGE": ""}, "row": rows}
    }
    path = tmp_path / "heat.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    return read_files("seoul-heat-shelter", [path])


def test_jung_gu_rows_by_area_code(tmp_path: Path) -> None:
    jongno = ROW | {"AREA_CD": "1111051500", "LAT": 37.5730, "LON": 126.9794}
    batch = load(tmp_path, [ROW, jongno])
    [shelter] = batch.facilities
    assert (shelter.kind, shelter.capacity, shelter.source_id) == (HEAT_SHELTER, 25, "1114055000:명동경로당")
    assert batch.skipped == {"other_district": 1}


def test_next_years_list_has_the_same_key(tmp_path: Path) -> None:
    this_year = load(tmp_path, [ROW]).facilities[0]
    next_year = load(tmp_path, [ROW | {"YEAR": "2027", "USE_PRNB": 30}]).facilities[0]
    assert this_year.key == next_year.key and next_year.capacity == 30


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(FacilityFormatError, match="row 1, column USE_PRNB: expected a number"):
        load(tmp_path, [ROW | {"USE_PRNB": "많음"}])
    with pytest.raises(FacilityFormatError, match="the API answered ERROR-336"):
        load(tmp_path, [], "ERROR-336")
