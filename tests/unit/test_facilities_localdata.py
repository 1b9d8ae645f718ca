"""The national 민방위대피시설 LOCALDATA CSV: both header spellings, CP949, TM EPSG:5174, and bad files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.geo import distance_m
from naesone_app.core.facilities.localdata_csv import SOURCE
from naesone_app.core.facilities.model import CIVIL_DEFENCE_SHELTER

# Reference §2.6, in order.
HEADER = ["번호", "개방서비스명", "개방서비스아이디", "개방자치단체코드", "관리번호", "인허가일자", "인허가취소일자",
          "영업상태구분코드", "영업상태명", "상세영업상태코드", "상세영업상태명", "폐업일자", "휴업시작일자", "휴업종료일자",
          "재개업일자", "소재지전화", "소재지면적", "소재지우편번호", "소재지전체주소", "도로명전체주소", "도로명우편번호",
          "사업장명", "최종수정시점", "데이터갱신구분", "데이터갱신일자", "업태구분명", "좌표정보(x)", "좌표정보(y)",
          "비상시설위치", "시설구분명", "시설명건물명", "해제일자"]  # fmt: skip
OFFICE_TM = ("199727.182804143", "451279.927051354")  # 중구청 in EPSG:5174 (reference §3.8)


def row(**values: str) -> dict[str, str]:
    base = {"번호": "1", "개방서비스명": "민방위대피시설", "개방자치단체코드": "3010000", "관리번호": "3010000-114-2010-00001",
            "영업상태명": "사용중", "소재지전체주소": "서울특별시 중구 예관동 120-1", "도로명전체주소": "서울특별시 중구 창경궁로 17",
            "사업장명": "중구청 지하1층", "좌표정보(x)": OFFICE_TM[0], "좌표정보(y)": OFFICE_TM[1], "비상시설위치": "지하1층",
            "소재지전화": "02-0000-0001"}  # fmt: skip
    return base | values


def write(path: Path, rows: list[dict[str, str]], upper: bool = False, encoding: str = "cp949") -> Path:
    header = [h.replace("(x)", "(X)").replace("(y)", "(Y)") for h in HEADER] if upper else HEADER
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for r in rows:
        writer.writerow([r.get(h.replace("(X)", "(x)").replace("(Y)", "(y)"), "") for h in header])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize(("upper", "encoding"), [(False, "cp949"), (True, "utf-8-sig"), (True, "utf-8")])
def test_both_header_spellings_and_encodings(tmp_path: Path, upper: bool, encoding: str) -> None:
    batch = read_files("localdata-shelter-csv", [write(tmp_path / "s.csv", [row()], upper, encoding)])
    [shelter] = batch.facilities
    assert (shelter.kind, shelter.source, shelter.source_id) == (
        CIVIL_DEFENCE_SHELTER, SOURCE, "3010000:3010000-114-2010-00001")  # fmt: skip
    assert shelter.name == "중구청 지하1층" and shelter.address == "서울특별시 중구 창경궁로 17"
    assert distance_m(shelter.lat, shelter.lon, 37.5638, 126.9977) < 5
    assert shelter.extra["position"] == {"crs": "EPSG:5174"}
    assert shelter.extra["source_fields"]["비상시설위치"] == "지하1층"


def test_inactive_and_other_districts_are_counted_not_placed(tmp_path: Path) -> None:
    rows = [row(), row(관리번호="2", 영업상태명="사용중지"), row(관리번호="3", 개방자치단체코드="3000000")]
    batch = read_files("localdata-shelter-csv", [write(tmp_path / "s.csv", rows)])
    assert len(batch.facilities) == 1
    assert batch.skipped == {"inactive": 1, "other_district": 1}


def test_a_jung_gu_row_placed_elsewhere_is_reported_with_its_row(tmp_path: Path) -> None:
    rows = [row(), row(관리번호="X-2", **{"좌표정보(y)": "454000"})]  # ~2.7 km north of the office
    batch = read_files("localdata-shelter-csv", [write(tmp_path / "s.csv", rows)])
    assert len(batch.facilities) == 1
    [report] = batch.out_of_box
    assert report.where == f"{tmp_path / 's.csv'}: row 2 (관리번호 X-2)"
    assert "outside Jung-gu" in report.detail


def test_blank_coordinates_are_skipped(tmp_path: Path) -> None:
    batch = read_files("localdata-shelter-csv", [write(tmp_path / "s.csv", [row(**{"좌표정보(x)": ""})])])
    assert not batch.facilities and batch.skipped == {"no_coordinates": 1}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([row(), row(**{"좌표정보(x)": "19972x.5"})], "s.csv: row 2, column 좌표정보(x): expected a number"),
        ([row(관리번호="")], "s.csv: row 1, column 관리번호: blank"),
    ],
)
def test_malformed_rows_name_file_row_and_column(tmp_path: Path, rows: list[dict], message: str) -> None:
    with pytest.raises(FacilityFormatError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_files("localdata-shelter-csv", [write(tmp_path / "s.csv", rows)])


def test_missing_coordinate_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(
        "개방자치단체코드,관리번호,영업상태명,사업장명,좌표정보(x)\n3010000,1,사용중,A,1\n", "utf-8"
    )
    with pytest.raises(
        FacilityFormatError, match=r"header, column 좌표정보\(y\) or 좌표정보\(Y\): missing column"
    ):
        read_files("localdata-shelter-csv", [path])


def test_a_row_with_the_wrong_number_of_cells(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", [row()])
    path.write_bytes(path.read_bytes() + "2,민방위대피시설,too,few\r\n".encode("cp949"))
    with pytest.raises(FacilityFormatError, match=r"s\.csv: row 2: 4 cells where the header has 32"):
        read_files("localdata-shelter-csv", [path])


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(FacilityFormatError, match="no such file"):
        read_files("localdata-shelter-csv", [tmp_path / "missing.csv"])
    (tmp_path / "bin.csv").write_bytes(b"\xff\xfe\x00\x81\x00")
    with pytest.raises(FacilityFormatError, match="neither UTF-8 nor CP949"):
        read_files("localdata-shelter-csv", [tmp_path / "bin.csv"])
