"""Safety and convenience facilities: the model, coordinate handling, one importer per source format,
nearest-facility search and GeoJSON. Pure Python (pyproj for coordinates): no Reflex, database or HTTP.
"""

from naesone_app.core.facilities.formats import FORMATS, read_files
from naesone_app.core.facilities.geo import Nearby, distance_m, nearest, walking_minutes
from naesone_app.core.facilities.geojson import feature_collection
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
    "distance_m",
    "feature_collection",
    "nearest",
    "read_files",
    "walking_minutes",
]
