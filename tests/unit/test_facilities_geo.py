"""Nearest facilities (straight-line distance, walking time at ~4 km/h) and the GeoJSON FeatureCollection."""

from __future__ import annotations

import json

import pytest

from naesone_app.core.facilities import Facility, distance_m, feature_collection, nearest, walking_minutes
from naesone_app.core.facilities.model import CIVIL_DEFENCE_SHELTER, FIRE_EXTINGUISHER, SHELTER_KINDS

MYEONGDONG_STATION = (37.5609, 126.9863)


def facility(source_id: str, lat: float, lon: float, kind: str = CIVIL_DEFENCE_SHELTER, **more) -> Facility:
    return Facility(kind=kind, source="test", source_id=source_id, name=f"시설 {source_id}", address="", lat=lat,
                    lon=lon, **more)  # fmt: skip


def test_distance_on_the_mean_sphere() -> None:
    assert distance_m(37.0, 127.0, 38.0, 127.0) == pytest.approx(111_195, abs=1)
    assert distance_m(*MYEONGDONG_STATION, *MYEONGDONG_STATION) == 0
    # 서울시청 (37.5663, 126.9779) to 명동역: about 0.95 km as the crow flies
    assert distance_m(37.5663, 126.9779, *MYEONGDONG_STATION) == pytest.approx(955, abs=15)


@pytest.mark.parametrize(("metres", "minutes"), [(0, 0), (1, 1), (1000, 15), (1001, 16), (4000, 60)])
def test_walking_minutes_at_4_km_per_hour(metres: float, minutes: int) -> None:
    assert walking_minutes(metres) == minutes


def test_nearest_orders_filters_and_limits() -> None:
    near = facility("near", 37.5612, 126.9866)  # ~40 m
    far = facility("far", 37.5700, 126.9900)
    extinguisher = facility("ext", 37.5609, 126.9864, kind=FIRE_EXTINGUISHER)
    found = nearest([far, extinguisher, near], *MYEONGDONG_STATION, limit=2, kinds=SHELTER_KINDS)
    assert [n.facility.source_id for n in found] == ["near", "far"]
    assert found[0].metres == pytest.approx(distance_m(*MYEONGDONG_STATION, 37.5612, 126.9866))
    assert found[0].minutes == 1
    assert [
        n.facility.source_id for n in nearest([far, extinguisher, near], *MYEONGDONG_STATION, limit=1)
    ] == ["ext"]


def test_ties_are_broken_by_key_so_answers_are_stable() -> None:
    a, b = facility("b", 37.5612, 126.9863), facility("a", 37.5606, 126.9863)  # both ~33 m
    assert [n.facility.source_id for n in nearest([a, b], *MYEONGDONG_STATION)] == ["a", "b"]
    assert nearest([], *MYEONGDONG_STATION) == []


def test_feature_collection_is_rfc7946_geojson() -> None:
    shelter = facility("1", 37.5612, 126.9866, capacity=300, hours="24시간", phone="02-0000-0001", is_sample=True,
                       extra={"source_fields": {"big": "x" * 100}})  # fmt: skip
    collection = feature_collection([shelter])
    assert json.loads(json.dumps(collection, ensure_ascii=False)) == collection
    [feature] = collection["features"]
    assert collection["type"] == "FeatureCollection" and feature["type"] == "Feature"
    assert feature["id"] == "test:1"
    assert feature["geometry"] == {"type": "Point", "coordinates": [126.9866, 37.5612]}
    assert feature["properties"] == {
        "kind": CIVIL_DEFENCE_SHELTER, "kind_label": "민방위 대피시설", "shelter": True, "name": "시설 1",
        "address": "", "capacity": 300, "hours": "24시간", "phone": "02-0000-0001", "source": "test",
        "is_sample": True,
    }  # fmt: skip
    assert feature_collection([]) == {"type": "FeatureCollection", "features": []}
