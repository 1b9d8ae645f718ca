"""스마트서울맵 theme responses: 보이는 소화기 (theme 11103379), other themes with an explicit kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.model import FIRE_EXTINGUISHER, HAZARDOUS_FACILITY

ROW = {"COT_CONTS_ID": "ext_00001", "COT_CONTS_NAME": "을지로 골목 보이는 소화기", "COT_COORD_X": "126.9915",
       "COT_COORD_Y": "37.5660", "COT_ADDR_FULL_NEW": "서울특별시 중구 을지로 100", "COT_ADDR_FULL_OLD": "",
       "COT_REG_DATE": "2025-03-02 10:00:00", "COT_CONTS_STAT": "1", "COT_THEME_ID": "11103379"}  # fmt: skip


def response(rows: list[dict], code: str = "200") -> dict:
    return {"header": {"resultCode": code, "TOTAL_COUNT": len(rows), "PAGE_COUNT": 1}, "body": rows}


def load(tmp_path: Path, payload: object, kind: str | None = None):
    path = tmp_path / "theme.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    return read_files("smartmap-theme", [path], kind)


def test_extinguishers_with_the_district_from_the_address(tmp_path: Path) -> None:
    jongno = ROW | {"COT_CONTS_ID": "2", "COT_ADDR_FULL_NEW": "서울특별시 종로구 종로 1"}
    removed = ROW | {"COT_CONTS_ID": "3", "COT_CONTS_STAT": "0"}
    batch = load(tmp_path, response([ROW, jongno, removed]))
    [extinguisher] = batch.facilities
    assert (extinguisher.kind, extinguisher.source_id) == (FIRE_EXTINGUISHER, "11103379:ext_00001")
    assert (extinguisher.lat, extinguisher.lon) == (37.566, 126.9915)
    assert batch.skipped == {"other_district": 1, "inactive": 1}


def test_x_and_y_swapped_by_the_source_are_still_read(tmp_path: Path) -> None:
    [extinguisher] = load(
        tmp_path, response([ROW | {"COT_COORD_X": "37.5660", "COT_COORD_Y": "126.9915"}])
    ).facilities
    assert (extinguisher.lat, extinguisher.lon) == (37.566, 126.9915)
    assert extinguisher.extra["position"]["axes"] == "swapped"


def test_another_theme_needs_its_kind(tmp_path: Path) -> None:
    other = response([ROW | {"COT_THEME_ID": "sample-hazardous", "COT_CONTS_NAME": "한빛주유소"}])
    with pytest.raises(FacilityFormatError, match="row 1, column COT_THEME_ID: theme sample-hazardous"):
        load(tmp_path, other)
    [station] = load(tmp_path, other, HAZARDOUS_FACILITY).facilities
    assert station.kind == HAZARDOUS_FACILITY and station.source_id == "sample-hazardous:ext_00001"


def test_answers_that_are_not_rows(tmp_path: Path) -> None:
    assert not load(tmp_path, response([], "100")).facilities  # an empty theme
    with pytest.raises(FacilityFormatError, match="resultCode 400"):
        load(tmp_path, response([], "400"))
    with pytest.raises(FacilityFormatError, match="a kind can only be given for smartmap-theme"):
        read_files("wifi", [tmp_path / "theme.json"], HAZARDOUS_FACILITY)
