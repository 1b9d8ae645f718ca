"""The 동 boundaries shipped with the app: Jung-gu's 15 행정동, small, in place, with their licence."""

from __future__ import annotations

import copy
import json
from itertools import pairwise

import pytest

from naesone_app.core.dong_boundaries import BOUNDARY_FILE, BoundaryError, check_boundaries, dong_boundaries
from naesone_app.core.dongs import DONGS


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Ray casting: whether the point lies inside the ring."""
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _outer_rings(feature: dict) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [polygon[0] for polygon in polygons]


def test_the_file_holds_the_15_dongs_in_order() -> None:
    features = dong_boundaries()["features"]
    assert [(f["properties"]["code"], f["properties"]["name"]) for f in features] == [
        (d.code, d.name) for d in DONGS
    ]


def test_each_dong_centre_lies_in_its_own_outline_and_in_no_other() -> None:
    features = dong_boundaries()["features"]
    for dong in DONGS:
        holders = [
            f["properties"]["name"]
            for f in features
            if any(_inside(dong.lon, dong.lat, ring) for ring in _outer_rings(f))
        ]
        assert holders == [dong.name], (dong.name, holders)


def test_it_is_small_enough_to_ship_in_the_page() -> None:
    assert BOUNDARY_FILE.stat().st_size < 60_000


def test_the_notice_names_the_source_and_the_licence() -> None:
    notice = (BOUNDARY_FILE.parent / "NOTICE").read_text(encoding="utf-8")
    for needed in ("통계청", "SGIS", "공공누리 제1유형", "kogl.or.kr", "scripts/extract_dong_boundaries.py"):
        assert needed in notice


def test_swapped_coordinates_are_refused_with_the_dong_named() -> None:
    collection = copy.deepcopy(json.loads(BOUNDARY_FILE.read_text(encoding="utf-8")))
    ring = collection["features"][2]["geometry"]["coordinates"][0]
    ring[:] = [[lat, lon] for lon, lat in ring]
    with pytest.raises(BoundaryError, match="명동: a point lies outside Jung-gu"):
        check_boundaries(collection)


def test_a_missing_dong_is_refused() -> None:
    collection = copy.deepcopy(json.loads(BOUNDARY_FILE.read_text(encoding="utf-8")))
    del collection["features"][-1]
    with pytest.raises(BoundaryError, match="not Jung-gu's 15 행정동"):
        check_boundaries(collection)


def test_an_open_ring_is_refused() -> None:
    collection = copy.deepcopy(json.loads(BOUNDARY_FILE.read_text(encoding="utf-8")))
    collection["features"][0]["geometry"]["coordinates"][0].pop()
    with pytest.raises(BoundaryError, match="소공동: a ring is not closed"):
        check_boundaries(collection)
