"""Seoul TbPublicWifiInfo: LAT and LNT swapped by the API, detected per row from the values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naesone_app.core.facilities import FacilityFormatError, read_files
from naesone_app.core.facilities.model import PUBLIC_WIFI

ROW = {"X_SWIFI_MGR_NO": "JG-000001", "X_SWIFI_WRDOFC": "중구", "X_SWIFI_MAIN_NM": "명동 관광특구",
       "X_SWIFI_ADRES1": "명동길 14", "X_SWIFI_ADRES2": "입구", "X_SWIFI_INSTL_TY": "6. 주요거리",
       "X_SWIFI_INOUT_DOOR": "실외", "LAT": "126.9853", "LNT": "37.5636",
       "WORK_DTTM": "2026-10-01 10:41:22.0"}  # fmt: skip


def load(tmp_path: Path, rows: list[dict]):
    payload = {
        "TbPublicWifiInfo": {"list_total_count": len(rows), "RESULT": {"CODE": "INFO-000"}, "row": rows}
    }
    path = tmp_path / "wifi.json"
    path.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
    return read_files("wifi", [path])


def test_swapped_axes_are_detected_and_recorded(tmp_path: Path) -> None:
    [point] = load(tmp_path, [ROW]).facilities
    assert (point.lat, point.lon) == (37.5636, 126.9853)
    assert point.extra["position"] == {"crs": "EPSG:4326", "axes": "swapped"}
    assert (point.kind, point.name, point.address) == (PUBLIC_WIFI, "명동 관광특구", "명동길 14 입구")


def test_rows_labelled_correctly_are_read_as_labelled(tmp_path: Path) -> None:
    [point] = load(tmp_path, [ROW | {"LAT": "37.5636", "LNT": "126.9853"}]).facilities
    assert (point.lat, point.lon) == (37.5636, 126.9853) and "axes" not in point.extra["position"]


def test_other_districts_outside_points_and_broken_pairs(tmp_path: Path) -> None:
    rows = [ROW | {"X_SWIFI_MGR_NO": "1", "X_SWIFI_WRDOFC": "종로구"},
            ROW | {"X_SWIFI_MGR_NO": "2", "LAT": "127.0500", "LNT": "37.5600"},
            ROW | {"X_SWIFI_MGR_NO": "3", "LAT": "126.9853", "LNT": "3.7561"}]  # fmt: skip
    batch = load(tmp_path, rows)
    assert not batch.facilities and batch.skipped == {"other_district": 1}
    assert [r.where.rsplit(": ", 1)[1] for r in batch.out_of_box] == [
        "row 2 (X_SWIFI_MGR_NO 2)", "row 3 (X_SWIFI_MGR_NO 3)"]  # fmt: skip
    assert "lon 127.05000" in batch.out_of_box[0].detail
    assert "not a coordinate pair" in batch.out_of_box[1].detail


def test_malformed_row(tmp_path: Path) -> None:
    with pytest.raises(FacilityFormatError, match="row 2, column X_SWIFI_MGR_NO: blank"):
        load(tmp_path, [ROW, ROW | {"X_SWIFI_MGR_NO": " "}])
