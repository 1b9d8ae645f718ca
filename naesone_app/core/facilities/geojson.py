"""Facilities as a GeoJSON FeatureCollection (RFC 7946): for partners, the map and the offline copy.

Properties are what a map or list shows; the raw source fields stay in the database, so the offline copy
stays small. Sample data says it is a sample.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from naesone_app.core.facilities.model import KIND_LABELS, SHELTER_KINDS, Facility


def feature(facility: Facility) -> dict[str, Any]:
    """One Point feature; coordinates are [lon, lat] as GeoJSON requires."""
    properties: dict[str, Any] = {
        "kind": facility.kind,
        "kind_label": KIND_LABELS.get(facility.kind, facility.kind),
        "shelter": facility.kind in SHELTER_KINDS,
        "name": facility.name,
        "address": facility.address,
        "capacity": facility.capacity,
        "hours": facility.hours,
        "phone": facility.phone,
        "source": facility.source,
        "is_sample": facility.is_sample,
    }
    return {
        "type": "Feature",
        "id": facility.key,
        "geometry": {"type": "Point", "coordinates": [facility.lon, facility.lat]},
        "properties": properties,
    }


def feature_collection(facilities: Iterable[Facility]) -> dict[str, Any]:
    """A FeatureCollection of the facilities, in the order given."""
    return {"type": "FeatureCollection", "features": [feature(f) for f in facilities]}


# --- the public, compact form: the API's answer and what the browser keeps for offline use ---------------

PUBLIC_PROPERTIES = ("id", "kind", "name", "address", "capacity", "hours", "phone", "is_sample")
OPTIONAL_PROPERTIES = ("address", "capacity", "hours", "phone")
COORDINATE_DECIMALS = 6  # 0.11 m: far finer than any source, and shorter than a float's repr


def public_feature(facility: Facility) -> dict[str, Any]:
    """One Point feature with only what a map, a list and shelter guidance need.

    Compact because the browser keeps every facility for offline use: the id is given once (as the
    `id` property), an unknown address, capacity, hours or phone is left out (absent means unknown,
    as in the resident profile), and the kind's label is left to the page, which shows it in the
    reader's language. `is_sample` is always there: sample data says it is a sample.
    """
    properties: dict[str, Any] = {"id": facility.key, "kind": facility.kind, "name": facility.name}
    for name in OPTIONAL_PROPERTIES:
        value = getattr(facility, name)
        if value is not None and value != "":
            properties[name] = value
    properties["is_sample"] = facility.is_sample
    lon, lat = round(facility.lon, COORDINATE_DECIMALS), round(facility.lat, COORDINATE_DECIMALS)
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def public_feature_collection(facilities: Iterable[Facility], version: str | None = None) -> dict[str, Any]:
    """A compact FeatureCollection; `version` (a foreign member, RFC 7946 §6.1) lets a copy tell it is stale."""
    collection: dict[str, Any] = {"type": "FeatureCollection"}
    if version is not None:
        collection["version"] = version
    collection["features"] = [public_feature(f) for f in facilities]
    return collection
