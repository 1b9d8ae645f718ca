"""Safety and convenience facilities: the model, coordinate handling, one importer per source format,
nearest-facility search and GeoJSON. Pure Python (pyproj for coordinates): no Reflex, database or HTTP.
"""

from naesone_app.core.facilities.formats import FORMATS, read_files
from naesone_app.core.facilities.geo import (
    Nearby,
    bearing_deg,
    compass_point,
    distance_m,
    nearest,
    relative_bearing,
    walking_minutes,
)
from naesone_app.core.facilities.geojson import feature_collection, public_feature_collection
from naesone_app.core.facilities.model import (
    KIND_LABELS,
    KINDS,
    SHELTER_KINDS,
    SKIP_REASONS,
    Batch,
    Facility,
    FacilityFormatError,
    OutOfBox,
)

__all__ = [
    "FORMATS",
    "KINDS",
    "KIND_LABELS",
    "SHELTER_KINDS",
    "SKIP_REASONS",
    "Batch",
    "Facility",
    "FacilityFormatError",
    "Nearby",
    "OutOfBox",
    "bearing_deg",
    "compass_point",
    "distance_m",
    "feature_collection",
    "nearest",
    "public_feature_collection",
    "read_files",
    "relative_bearing",
    "walking_minutes",
]
