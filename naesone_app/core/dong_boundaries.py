"""Jung-gu's 15 행정동 boundaries, shipped with the app (data/geo/junggu_dongs.geojson, see its NOTICE).

Read once when the pages are compiled and drawn by the safety map: nothing is downloaded at run time,
so the outlines are there offline and without any tile server. The file is checked against
core/dongs.py (the same 15 codes, each polygon a closed ring of [lon, lat] in Jung-gu's box), so a
wrong or truncated file stops the build with a message naming the problem instead of drawing nonsense.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from naesone_app.core.dongs import DONGS
from naesone_app.core.facilities.coords import in_junggu

BOUNDARY_FILE = Path(__file__).resolve().parents[2] / "data" / "geo" / "junggu_dongs.geojson"
ATTRIBUTION = "행정동 경계: 통계청 SGIS 센서스용 행정구역경계(2013), 공공누리 제1유형"


class BoundaryError(ValueError):
    """The boundary file is not the 15 행정동 of Jung-gu as GeoJSON."""


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        return list(coordinates)
    if kind == "MultiPolygon":
        return [ring for polygon in coordinates for ring in polygon]
    raise BoundaryError(f"geometry type {kind!r} is not a Polygon or MultiPolygon")


def check_boundaries(collection: Any) -> dict[str, Any]:
    """The collection itself, once every 행정동 of core/dongs.py has one valid outline in it."""
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        raise BoundaryError("not a GeoJSON FeatureCollection")
    codes = [f.get("properties", {}).get("code") for f in collection.get("features", [])]
    expected = [d.code for d in DONGS]
    if sorted(codes) != sorted(expected):
        raise BoundaryError(f"codes {codes} are not Jung-gu's 15 행정동 {expected}")
    for feature in collection["features"]:
        name = feature["properties"].get("name", "?")
        for ring in _rings(feature.get("geometry") or {}):
            if len(ring) < 4 or ring[0] != ring[-1]:
                raise BoundaryError(f"{name}: a ring is not closed")
            if not all(in_junggu(lat, lon) for lon, lat in ring):
                raise BoundaryError(f"{name}: a point lies outside Jung-gu (is it [lon, lat]?)")
    return collection


@cache
def dong_boundaries(path: Path = BOUNDARY_FILE) -> dict[str, Any]:
    """The checked FeatureCollection (properties: code, name)."""
    try:
        return check_boundaries(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as error:
        raise BoundaryError(f"{path}: {error}") from error
