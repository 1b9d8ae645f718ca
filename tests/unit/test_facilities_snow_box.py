"""서울시 제설함 JSON: millimetre TM, EPSG:5186 told from 5181 by the northing, Jung-gu's 중구-… boxes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.geo import distance_m
from naesone_app.core.facilities.model import SNOW_BOX

DESCRIPTION = {"sbox_num": "제설함번호", "detl_cn": "위치상세정보", "mgc_nm": "관리기관명", "g2_xmin": "X 좌표 최소값",
               "g2_ymin": "Y 좌표 최소값"}  # fmt: skip
# 중구청 in EPSG:5186 and EPSG:5181 (reference §3.8), in millimetres.
BOX = {"sbox_num": "중구-012", "detl_cn": "창경궁로 17 중구청 앞", "mgc_nm": "서울특별시 중구", "g2_xmin": 199_796_795,
       "g2_ymin": 551_585_137}  # fmt: skip


def load(tmp_path: Path, rows: list[dict]):
    path = tmp_path / "snow.json"
    path.write_text(json.dumps({"DESCRIPTION": DESCRIPTION, "DATA": rows}, ensure_ascii=False), "utf-8")
    return read_files("snow-box", [path])


@pytest.mark.parametrize(("northing", "crs"), [(551_585_137, "EPSG:5186"), (451_585_137, "EPSG:5181")])
def test_millimetres_in_either_belt(tmp_path: Path, northing: int, crs: str) -> None:
    [box] = load(tmp_path, [BOX | {"g2_ymin": northing}]).facilities
    assert box.kind == SNOW_BOX and box.source_id == "중구-012" and box.name == "창경궁로 17 중구청 앞"
    assert box.extra["position"] == {"crs": crs, "unit": "mm"}
    assert distance_m(box.lat, box.lon, 37.5638, 126.9977) < 5


def test_other_districts_and_outside_points(tmp_path: Path) -> None:
    geumcheon = BOX | {"sbox_num": "금천-133", "mgc_nm": "서울특별시 금천구"}
    south = BOX | {"sbox_num": "중구-099", "g2_ymin": 548_000_000}  # ~3.6 km south
    batch = load(tmp_path, [BOX, geumcheon, south])
    assert len(batch.facilities) == 1 and batch.skipped == {"other_district": 1}
    assert batch.out_of_box[0].where.endswith("row 3 (sbox_num 중구-099)")


def test_malformed(tmp_path: Path) -> None:
    with pytest.raises(FacilityFormatError, match="row 1, column g2_ymin: expected a number"):
        load(tmp_path, [BOX | {"g2_ymin": "551,585,137mm"}])
    path = tmp_path / "flat.json"
    path.write_text(json.dumps([BOX]), "utf-8")
    with pytest.raises(FacilityFormatError, match=r'expected \{"DESCRIPTION": …, "DATA": \[…\]\}'):
        read_files("snow-box", [path])
