"""전국공중화장실표준데이터 CSV: Jung-gu by 개방자치단체코드, WGS84 columns, older files without them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.model import PUBLIC_TOILET

# Reference §3.6 (current header).
HEADER = ["개방자치단체코드", "관리번호", "구분명", "근거법령명", "화장실명", "소재지도로명주소", "소재지지번주소",
          "남성용-대변기수", "남성용-소변기수", "남성용-장애인용대변기수", "남성용-장애인용소변기수", "남성용-어린이용대변기수",
          "남성용-어린이용소변기수", "여성용-대변기수", "여성용-장애인용대변기수", "여성용-어린이용대변기수", "관리기관명",
          "전화번호", "개방시간", "개방시간상세", "설치연월", "화장실소유구분명", "오물처리방식", "안전관리시설설치대상여부",
          "비상벨설치여부", "비상벨설치장소", "화장실입구CCTV설치유무", "기저귀교환대유무", "기저귀교환대장소", "리모델링연월",
          "WGS84위도", "WGS84경도", "데이터기준일자", "데이터갱신구분", "데이터갱신시점", "최종수정시점"]  # fmt: skip
# Shaped like the reference's 종로구 fixture row, moved to Jung-gu.
ROW = {"개방자치단체코드": "3010000", "관리번호": "202530100000100814", "구분명": "공중화장실", "근거법령명": "법제3조제16호",
       "화장실명": "남산공원 화장실", "소재지도로명주소": "서울특별시 중구 퇴계로 1", "관리기관명": "중구청 청소행정과",
       "전화번호": "0200000000", "개방시간": "정시", "개방시간상세": "9시간", "설치연월": "198701",
       "화장실소유구분명": "공공기관-지방자치단체", "오물처리방식": "수세식", "안전관리시설설치대상여부": "Y",
       "WGS84위도": "37.5560", "WGS84경도": "126.9820"}  # fmt: skip


def write(path: Path, rows: list[dict], header: list[str] = HEADER) -> Path:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[r.get(h, "") for h in header] for r in rows])
    path.write_bytes(out.getvalue().encode("cp949"))
    return path


def test_jung_gu_toilets(tmp_path: Path) -> None:
    jongno = ROW | {"개방자치단체코드": "3000000", "관리번호": "1"}
    batch = read_files("toilet-standard-csv", [write(tmp_path / "t.csv", [ROW, jongno])])
    [toilet] = batch.facilities
    assert (toilet.kind, toilet.source_id, toilet.hours) == (
        PUBLIC_TOILET,
        "3010000:202530100000100814",
        "정시 (9시간)",
    )
    assert batch.skipped == {"other_district": 1}


def test_older_file_without_wgs84_columns_places_nothing_but_says_so(tmp_path: Path) -> None:
    old = [h.replace("구분명", "구분") for h in HEADER if not h.startswith("WGS84")]
    batch = read_files("toilet-standard-csv", [write(tmp_path / "t.csv", [ROW], old)])
    assert not batch.facilities and batch.skipped == {"no_coordinates": 1}


def test_outside_and_malformed(tmp_path: Path) -> None:
    batch = read_files("toilet-standard-csv", [write(tmp_path / "t.csv", [ROW | {"WGS84경도": "127.04"}])])
    assert batch.out_of_box[0].where.endswith("row 1 (관리번호 202530100000100814)")
    with pytest.raises(FacilityFormatError, match="row 1, column WGS84위도: expected a number"):
        read_files("toilet-standard-csv", [write(tmp_path / "t.csv", [ROW | {"WGS84위도": "북위37"}])])
    with pytest.raises(FacilityFormatError, match="header, column 화장실명: missing column"):
        read_files(
            "toilet-standard-csv", [write(tmp_path / "t.csv", [ROW], [h for h in HEADER if h != "화장실명"])]
        )
