"""Bearing, heading and compass point: what the guidance arrow shows (mirrored in assets/shelter_guide.js)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naesone_app.core.facilities.geo import (
    SEOUL_DECLINATION_DEG,
    bearing_deg,
    compass_point,
    relative_bearing,
    true_heading,
)

MYEONGDONG = (37.5637, 126.9844)
lat_in_seoul = st.floats(37.4, 37.7)
lon_in_seoul = st.floats(126.8, 127.2)
degrees = st.floats(0, 360, exclude_max=True)


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ((37.5737, 126.9844), 0.0),
        ((37.5637, 126.9944), 90.0),
        ((37.5537, 126.9844), 180.0),
        ((37.5637, 126.9744), 270.0),
    ],
)
def test_bearing_of_the_four_cardinal_directions(to: tuple[float, float], expected: float) -> None:
    # due east/west along a parallel is off 90°/270° by the meridians' convergence: ~0.003° at 900 m
    assert bearing_deg(*MYEONGDONG, *to) == pytest.approx(expected, abs=0.01)


def test_bearing_between_two_known_places_matches_a_flat_map() -> None:
    # 서울시청 (37.5663, 126.9779) → 명동역 (37.5609, 126.9863): 600 m south, 741 m east. Over a kilometre a
    # local flat (equirectangular) map gives the same direction to well under a tenth of a degree.
    a, b = (37.5663, 126.9779), (37.5609, 126.9863)
    north = b[0] - a[0]
    east = (b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    flat = math.degrees(math.atan2(east, north)) % 360
    assert flat == pytest.approx(129.0, abs=0.1)
    assert bearing_deg(*a, *b) == pytest.approx(flat, abs=0.05)


@given(lat_in_seoul, lon_in_seoul, lat_in_seoul, lon_in_seoul)
def test_bearing_is_in_range_and_reverses_within_the_district(lat1, lon1, lat2, lon2) -> None:
    forward = bearing_deg(lat1, lon1, lat2, lon2)
    assert 0 <= forward < 360
    if (lat1, lon1) != (lat2, lon2) and abs(lat1 - lat2) + abs(lon1 - lon2) > 1e-6:
        back = bearing_deg(lat2, lon2, lat1, lon1)
        # over a few tens of km the back bearing is the forward one turned by 180° (to within 0.5°)
        assert abs(((back - forward) % 360) - 180) < 0.5


def test_true_heading_corrects_magnetic_north() -> None:
    assert SEOUL_DECLINATION_DEG < 0  # magnetic north lies west of true north in Seoul
    assert true_heading(0) == pytest.approx(360 + SEOUL_DECLINATION_DEG)
    assert true_heading(90, declination=0) == 90
    assert true_heading(350, declination=20) == pytest.approx(10)


def test_relative_bearing_is_how_far_to_turn_clockwise() -> None:
    assert relative_bearing(90, 90, declination=0) == 0  # facing the shelter: straight ahead
    assert relative_bearing(90, 0, declination=0) == 90  # facing north, shelter east: turn right
    assert relative_bearing(0, 90, declination=0) == 270  # facing east, shelter north: turn left
    assert relative_bearing(10, 350, declination=0) == pytest.approx(20)
    # a compass reading 8.8° too far east: the arrow turns by the declination
    assert relative_bearing(0, 0) == pytest.approx(-SEOUL_DECLINATION_DEG)


@given(degrees, degrees)
def test_relative_bearing_plus_true_heading_is_the_bearing(bearing, heading) -> None:
    turn = relative_bearing(bearing, heading)
    assert 0 <= turn < 360
    assert (true_heading(heading) + turn - bearing) % 360 == pytest.approx(0, abs=1e-6) or (
        true_heading(heading) + turn - bearing
    ) % 360 == pytest.approx(360, abs=1e-6)


@pytest.mark.parametrize(
    ("degrees_", "point"),
    [
        (0, 0),
        (22.4, 0),
        (22.6, 1),
        (45, 1),
        (90, 2),
        (180, 4),
        (269, 6),
        (337.4, 7),
        (337.6, 0),
        (359.9, 0),
        (-45, 7),
        (405, 1),
    ],
)
def test_compass_point_is_the_nearest_of_eight(degrees_: float, point: int) -> None:
    assert compass_point(degrees_) == point
