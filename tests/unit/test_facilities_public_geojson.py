"""The public, compact GeoJSON: what partners read and what the browser keeps for offline use."""

from __future__ import annotations

import json

from naesone_app.core.facilities import Facility
from naesone_app.core.facilities.geojson import PUBLIC_PROPERTIES, public_feature_collection
from naesone_app.core.facilities.model import CIVIL_DEFENCE_SHELTER, SNOW_BOX


def _facility(source_id: str, **more) -> Facility:
    fields = {"kind": CIVIL_DEFENCE_SHELTER, "source": "test", "source_id": source_id, "name": "명동 대피소",
              "address": "서울특별시 중구 명동길 1", "lat": 37.56370123456, "lon": 126.98440987654} | more  # fmt: skip
    return Facility(**fields)


def test_properties_are_the_small_set_and_coordinates_are_rounded() -> None:
    shelter = _facility("1", capacity=300, hours="24시간", phone="02-0000-0001", is_sample=True,
                        extra={"source_fields": {"big": "x" * 500}}, provenance="sample")  # fmt: skip
    collection = public_feature_collection([shelter], version="v1")
    assert collection["type"] == "FeatureCollection" and collection["version"] == "v1"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [126.98441, 37.563701]}
    assert feature["properties"] == {
        "id": "test:1", "kind": CIVIL_DEFENCE_SHELTER, "name": "명동 대피소", "address": "서울특별시 중구 명동길 1",
        "capacity": 300, "hours": "24시간", "phone": "02-0000-0001", "is_sample": True,
    }  # fmt: skip
    assert set(feature["properties"]) == set(PUBLIC_PROPERTIES)
    assert "x" * 500 not in json.dumps(collection)


def test_unknown_details_are_left_out_but_sample_flag_and_zero_capacity_stay() -> None:
    box = _facility("2", kind=SNOW_BOX, address="", capacity=None)
    empty_room = _facility("3", capacity=0)
    props = [f["properties"] for f in public_feature_collection([box, empty_room])["features"]]
    assert props[0] == {"id": "test:2", "kind": SNOW_BOX, "name": "명동 대피소", "is_sample": False}
    assert props[1]["capacity"] == 0
    assert "version" not in public_feature_collection([])
