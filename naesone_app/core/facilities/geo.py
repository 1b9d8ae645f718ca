"""Nearest facilities by straight-line (great-circle) distance, with a walking time.

This is what works with no server and no routing engine (issue 4, shelter guidance): distance is the
haversine distance, so a walking route is at least this long; the time assumes about 4 km/h, a pace
that allows for older residents and crowds in an evacuation.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from naesone_app.core.facilities.model import Facility

EARTH_RADIUS_M = 6_371_008.8  # mean Earth radius (IUGG)
WALKING_M_PER_MIN = 4000 / 60


@dataclass(frozen=True, slots=True)
class Nearby:
    """A facility with its straight-line distance (metres) and walking time (whole minutes, rounded up)."""

    facility: Facility
    metres: float
    minutes: int


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two WGS84 points (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def walking_minutes(metres: float) -> int:
    """Minutes to walk `metres` at about 4 km/h, rounded up (0 only when already there)."""
    return math.ceil(metres / WALKING_M_PER_MIN - 1e-9) if metres > 0 else 0


def nearest(
    facilities: Iterable[Facility],
    lat: float,
    lon: float,
    limit: int = 5,
    kinds: Collection[str] | None = None,
) -> list[Nearby]:
    """The `limit` facilities (of `kinds`, if given) closest to (lat, lon), closest first; ties by key."""
    pool = (f for f in facilities if kinds is None or f.kind in kinds)
    scored = ((distance_m(lat, lon, f.lat, f.lon), f.key, f) for f in pool)
    best = heapq.nsmallest(limit, scored, key=lambda s: (s[0], s[1]))
    return [Nearby(f, metres, walking_minutes(metres)) for metres, _, f in best]
