"""Seoul LOCALDATA_114602: v1 (TM EPSG:5174) and v2 (XCRD = latitude) rows, the API envelope, bad rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.geo import distance_m

V1 = {"MGTNO": "3010000-114-2010-00001", "OPNSFTEAMCODE": "3010000", "BPLCNM": "중구청 지하1층", "TRDSTATENM": "사용중",
      "TRDSTATEGBN": "01", "RDNWHLADDR": "서울특별시 중구 창경궁로 17", "SITEWHLADDR": "서울특별시 중구 예관동 120-1",
      "X": "199727.182804143", "Y": "451279.927051354", "SITETEL": "02-0000-0001"}  # fmt: skip
V2 = {"MNG_NO": "3010000-114-2010-00002", "OGDP_INST_CD": "3010000", "BPLC_NM": "명동역 지하2층", "SALS_STTS_NM": "사용중",
      "ROAD_NM_ADDR": "서울특별시 중구 퇴계로 지하 126", "LOTNO_ADDR": "서울특별시 중구 충무로2가 65-1",
      "XCRD": "37.5609", "YCRD": "126.9863", "TELNO": ""}  # fmt: skip


def response(rows: list[dict], code: str = "INFO-000") -> dict:
    return {
        "LOCALDATA_114602": {
            "list_total_count": len(rows),
            "RESULT": {"CODE": code, "MESSAGE": "…"},
            "row": rows,
        }
    }


def load(tmp_path: Path, payload: object):
    path = tmp_path / "localdata.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    return read_files("seoul-localdata", [path])


def test_v1_and_v2_rows_in_one_file(tmp_path: Path) -> None:
    batch = load(tmp_path, response([V1, V2]))
    office, myeongdong = batch.facilities
    assert distance_m(office.lat, office.lon, 37.5638, 126.9977) < 5
    assert office.extra["position"] == {"crs": "EPSG:5174"}
    assert (myeongdong.lat, myeongdong.lon) == (37.5609, 126.9863)
    assert myeongdong.extra["position"] == {"crs": "EPSG:4326", "axes": "swapped"}
    assert myeongdong.name == "명동역 지하2층" and myeongdong.source_id == "3010000:3010000-114-2010-00002"


def test_same_register_and_key_as_the_national_csv(tmp_path: Path) -> None:
    [shelter] = load(tmp_path, response([V1])).facilities
    assert shelter.key == "civil-defence-localdata:3010000:3010000-114-2010-00001"


def test_other_districts_and_closed_shelters(tmp_path: Path) -> None:
    rows = [V1, V2 | {"OGDP_INST_CD": "3000000"}, V2 | {"MNG_NO": "9", "SALS_STTS_NM": "사용중지"}]
    batch = load(tmp_path, response(rows))
    assert len(batch.facilities) == 1 and batch.skipped == {"other_district": 1, "inactive": 1}


def test_v2_point_outside_is_reported(tmp_path: Path) -> None:
    batch = load(tmp_path, response([V2 | {"XCRD": "37.6", "YCRD": "126.9863"}]))
    assert not batch.facilities
    assert batch.out_of_box[0].where.endswith("row 1 (MNG_NO 3010000-114-2010-00002)")


def test_no_data_is_an_empty_answer(tmp_path: Path) -> None:
    assert not load(
        tmp_path, {"RESULT": {"CODE": "INFO-200", "MESSAGE": "해당하는 데이터가 없습니다."}}
    ).facilities
    assert not load(tmp_path, response([], "INFO-200")).facilities


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            {"RESULT": {"CODE": "INFO-100", "MESSAGE": "인증키가 유효하지 않습니다."}},
            "the API answered INFO-100",
        ),
        ({"TbPublicWifiInfo": {}}, 'expected the service "LOCALDATA_114602", found TbPublicWifiInfo'),
        (response([V1, {"BPLCNM": "?"}]), r"row 2, column MGTNO: neither a v1 \(MGTNO\) nor a v2"),
        (response([V1 | {"X": "abc"}]), "row 1, column X: expected a number, got 'abc'"),
        (response([V1, "not a row"]), "row 2: expected a JSON object"),
    ],
)
def test_malformed_responses(tmp_path: Path, payload: object, message: str) -> None:
    with pytest.raises(FacilityFormatError, match=message):
        load(tmp_path, payload)


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"LOCALDATA_114602": {\n  "row": [,]}}', "utf-8")
    with pytest.raises(FacilityFormatError, match=r"bad\.json: not valid JSON \(line 2, column 11"):
        read_files("seoul-localdata", [path])
