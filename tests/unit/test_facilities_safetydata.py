"""safetydata.go.kr DSSP-IF-10942 / 10804 / 10943 / 10941: rows, hours, keys, types and error answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.model import (
    COLD_SHELTER,
    EARTHQUAKE_OUTDOOR,
    HEAT_SHELTER,
    TSUNAMI_SHELTER,
)

HEAT = {"RSTR_FCLTY_NO": 41001, "RSTR_NM": "필동경로당", "RN_DTL_ADRES": "서울특별시 중구 필동로 10",
        "DTL_ADRES": "서울특별시 중구 필동2가 1", "LA": 37.5590, "LO": 126.9960, "FCLTY_TY": "003",
        "USE_PSBL_NMPR": 30, "AR": 82, "COLR_HOLD_ARCNDTN": 2, "COLR_HOLD_ELEFN": 3,
        "WKDAY_OPER_BEGIN_TIME": "0900", "WKDAY_OPER_END_TIME": "1800", "WKEND_HDAY_OPER_BEGIN_TIME": "1000",
        "WKEND_HDAY_OPER_END_TIME": "1600", "CHCK_MATTER_NIGHT_OPN_AT": "N"}  # fmt: skip
COLD = {"REARE_FCLT_NO": "C1", "REARE_NM": "신당경로당", "RONA_DADDR": "서울특별시 중구 다산로 100",
        "DADDR": "서울특별시 중구 신당동 1", "LAT": "37.5650", "LOT": "127.0120", "UTZTN_PSBLTY_TNOP": 20,
        "WKDY_OPER_BGNG_HR": "0900", "WKDY_OPER_END_HR": "1800", "STDY_OPER_BGNG_HR": "090000",
        "STDY_OPER_END_HR": "130000", "SNDY_OPER_BGNG_HR": "", "SNDY_OPER_END_HR": ""}  # fmt: skip
# Shaped like the recorded 2026-10-09 call (reference §2.4), moved into Jung-gu.
QUAKE = {"VT_ACMDFCLTY_NM": "장충초등학교 운동장", "LO": "127.0050", "LA": "37.5570", "VT_ACMD_PSBL_NMPR": 6060,
         "FCLTY_AR": 5000, "USE_SE_CD": "1", "ARCD": "1114000000", "ACMDFCLTY_SN": 13, "TELNO": "02-0000-4500",
         "RN_DTL_ADRES": "서울특별시 중구 동호로 1"}  # fmt: skip
COMBINED = {"REARE_NM": "회현경로당", "RONA_DADDR": "서울특별시 중구 소월로 1", "LAT": 37.5570, "LOT": 126.9770,
            "SHLT_SE_CD": "2", "SHLT_SE_NM": "무더위쉼터", "MNG_SN": 7, "OPNNG_CLSE_HR": "09:00~18:00"}  # fmt: skip


def page(rows: list[dict], code: str = "00") -> dict:
    header = {"resultCode": code, "resultMsg": "NORMAL SERVICE", "errorMsg": None}
    return {"header": header, "numOfRows": 1000, "pageNo": 1, "totalCount": len(rows), "body": rows}


def load(tmp_path: Path, format_name: str, payload: object):
    path = tmp_path / f"{format_name}.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    return read_files(format_name, [path])


def test_10942_heat_shelter(tmp_path: Path) -> None:
    busan = HEAT | {
        "RSTR_FCLTY_NO": 9,
        "RN_DTL_ADRES": "부산광역시 중구 중앙대로 1",
        "DTL_ADRES": "",
        "LA": 35.1,
        "LO": 129.03,
    }
    batch = load(tmp_path, "dssp-10942", page([HEAT, busan]))
    [shelter] = batch.facilities
    assert (shelter.kind, shelter.source_id, shelter.capacity) == (HEAT_SHELTER, "41001", 30)
    assert shelter.hours == "09:00–18:00"
    assert shelter.extra["hours_by_day"] == {"weekday": "09:00–18:00", "weekend_holiday": "10:00–16:00"}
    assert batch.skipped == {"other_district": 1}


def test_10942_plain_list_of_rows(tmp_path: Path) -> None:
    assert len(load(tmp_path, "dssp-10942", [HEAT]).facilities) == 1


def test_10804_cold_shelter_reads_hhmm_and_hhmmss(tmp_path: Path) -> None:
    [shelter] = load(tmp_path, "dssp-10804", page([COLD])).facilities
    assert shelter.kind == COLD_SHELTER and shelter.capacity == 20
    assert shelter.extra["hours_by_day"] == {"weekday": "09:00–18:00", "saturday": "09:00–13:00", "sunday": "",
                                             "holiday": ""}  # fmt: skip


def test_10943_keys_on_area_and_serial_and_skips_sites_not_in_use(tmp_path: Path) -> None:
    gangnam = QUAKE | {"ARCD": "1168000000", "LO": "127.0546", "LA": "37.4990"}
    closed = QUAKE | {"ACMDFCLTY_SN": 14, "USE_SE_CD": "0"}
    batch = load(tmp_path, "dssp-10943", page([QUAKE, gangnam, closed]))
    [site] = batch.facilities
    assert (site.kind, site.source_id, site.capacity, site.phone) == (
        EARTHQUAKE_OUTDOOR, "1114000000:13", 6060, "02-0000-4500")  # fmt: skip
    assert batch.skipped == {"other_district": 1, "inactive": 1}


@pytest.mark.parametrize(
    ("code", "name", "kind"),
    [("1", "한파쉼터", COLD_SHELTER), ("2", "무더위쉼터", HEAT_SHELTER), ("3", "지진옥외대피장소", EARTHQUAKE_OUTDOOR),
     ("4", "지진해일긴급대피장소", TSUNAMI_SHELTER), ("1", "무더위쉼터", HEAT_SHELTER), ("3", "", EARTHQUAKE_OUTDOOR)],
)  # fmt: skip
def test_10941_type_from_name_then_code(tmp_path: Path, code: str, name: str, kind: str) -> None:
    [shelter] = load(
        tmp_path, "dssp-10941", page([COMBINED | {"SHLT_SE_CD": code, "SHLT_SE_NM": name}])
    ).facilities
    assert shelter.kind == kind and shelter.hours == "09:00~18:00"


def test_10941_unknown_type_is_skipped(tmp_path: Path) -> None:
    batch = load(tmp_path, "dssp-10941", page([COMBINED | {"SHLT_SE_CD": "9", "SHLT_SE_NM": "기타"}]))
    assert not batch.facilities and batch.skipped == {"unknown_type": 1}


def test_swapped_and_outside_points(tmp_path: Path) -> None:
    swapped = HEAT | {"LA": 126.9960, "LO": 37.5590}
    outside = HEAT | {"RSTR_FCLTY_NO": 2, "LA": 37.5800}
    batch = load(tmp_path, "dssp-10942", page([swapped, outside]))
    assert batch.facilities[0].extra["position"]["axes"] == "swapped"
    assert batch.out_of_box[0].where.endswith("row 2 (RSTR_FCLTY_NO 2)")


@pytest.mark.parametrize(
    ("format_name", "payload", "message"),
    [
        ("dssp-10942", page([], "22"), r"resultCode 22 \(daily quota exceeded\)"),
        ("dssp-10942", {"items": []}, 'expected a safetydata response with "header" and "body"'),
        ("dssp-10942", page([HEAT, HEAT | {"LA": "삼십칠"}]), "row 2, column LA: expected a number"),
        (
            "dssp-10942",
            page([HEAT | {"WKDAY_OPER_END_TIME": "25:00"}]),
            "column WKDAY_OPER_END_TIME: expected a time",
        ),
        (
            "dssp-10942",
            page([HEAT | {"USE_PSBL_NMPR": 2.5}]),
            "column USE_PSBL_NMPR: expected a whole number",
        ),
        ("dssp-10804", page([HEAT]), "row 1, column REARE_FCLT_NO: blank"),
        ("dssp-10943", page([QUAKE | {"VT_ACMDFCLTY_NM": None}]), "column VT_ACMDFCLTY_NM: blank"),
        ("dssp-10941", page([COMBINED | {"LAT": [37.5]}]), r"column LAT: expected a number, got \[37.5\]"),
    ],
)
def test_malformed_pages(tmp_path: Path, format_name: str, payload: object, message: str) -> None:
    with pytest.raises(FacilityFormatError, match=message):
        load(tmp_path, format_name, payload)
