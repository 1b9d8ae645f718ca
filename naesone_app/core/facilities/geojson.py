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
