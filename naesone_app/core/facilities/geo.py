"""Nearest facilities by straight-line (great-circle) distance, with a walking time.

This is what works with no server and no routing engine (issue 4, shelter guidance): distance is the
haversine distance, so a walking route is at least this long; the time assumes about 4 km/h, a pace
that allows for older residents and crowds in an evacuation. The bearing and compass helpers are what the
guidance arrow shows; assets/shelter_guide.js computes the same formulas in the browser (offline), and the
browser test checks the two agree.
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


# --- direction: what the guidance arrow shows ------------------------------------------------------------

# A phone compass reports magnetic north; bearings are from true north. In Seoul magnetic north lies about
# 9° west of true north (NOAA World Magnetic Model, 2025; it varies by well under 1° across Jung-gu), so
# an uncorrected arrow would point 9° off — a whole building at 100 m. East is positive, west negative.
SEOUL_DECLINATION_DEG = -8.8

COMPASS_POINTS = 8  # N, NE, E, SE, S, SW, W, NW: what a person can act on; degrees are also shown


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial great-circle bearing from point 1 to point 2, degrees clockwise from true north, [0, 360).

    The direction to start walking in; over a walk of a few hundred metres it does not change measurably.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    y = math.sin(dl) * math.cos(p2)
    x = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(y, x)) % 360.0


def true_heading(magnetic_heading: float, declination: float = SEOUL_DECLINATION_DEG) -> float:
    """The device's heading from true north, given the compass's magnetic heading, in [0, 360)."""
    return (magnetic_heading + declination) % 360.0


def relative_bearing(
    bearing: float, magnetic_heading: float, declination: float = SEOUL_DECLINATION_DEG
) -> float:
    """How far to turn, clockwise, from where the phone points to the target: [0, 360), 0 = straight ahead.

    This is the arrow's rotation: the bearing to the shelter minus the device's true heading.
    """
    return (bearing - true_heading(magnetic_heading, declination)) % 360.0


def compass_point(degrees: float) -> int:
    """The nearest of the eight compass points to a bearing: 0 = N, 1 = NE, … 7 = NW."""
    return round((degrees % 360.0) / (360 / COMPASS_POINTS)) % COMPASS_POINTS
