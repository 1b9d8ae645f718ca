"""Walking routes from an OSRM-compatible routing engine (`NAESONE_ROUTING_URL`), through httpx.

Optional by design: shelter guidance works without it (straight line, computed in the browser). When an
operator runs a routing engine, the map can draw the walking route instead. The call is short and bounded
(a few seconds, one retry) because a person is waiting for directions; failure is an answer ("no route,
use the straight line"), never a hang. Coordinates are a resident's position: they are never put into an
error message, so they cannot end up in a log.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Any

import httpx

from naesone_app.integrations.http import OutboundError, get_json

SERVICE = "routing engine"
DEFAULT_PROFILE = "foot"
MAX_POINTS = 5_000  # a walk inside one district; more means the engine answered something else


class RoutingError(OutboundError):
    """The routing engine gave no usable route; the message says why, without any coordinates."""


@dataclass(frozen=True, slots=True)
class WalkingRoute:
    """A route: its length in metres, the engine's duration in seconds and the path as (lat, lon) points."""

    distance_m: float
    duration_s: float
    points: list[tuple[float, float]]


def routing_url() -> str | None:
    """The configured engine's base URL (e.g. http://127.0.0.1:5000), or None when routing is off."""
    return (os.environ.get("NAESONE_ROUTING_URL") or "").strip().rstrip("/") or None


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RoutingError(f"{SERVICE}: the answer's {what} is not a number")
    return float(value)


def parse_route(payload: Any) -> WalkingRoute:
    """The first route of an OSRM `route` answer (`geometries=geojson`); anything else is a RoutingError."""
    if not isinstance(payload, dict):
        raise RoutingError(f"{SERVICE}: the answer is not a JSON object")
    code = payload.get("code")
    if code != "Ok":
        message = str(payload.get("message") or "")[:200]
        raise RoutingError(f"{SERVICE}: no route ({code}{': ' + message if message else ''})")
    routes = payload.get("routes")
    if not isinstance(routes, list) or not routes or not isinstance(routes[0], dict):
        raise RoutingError(f"{SERVICE}: the answer has no routes")
    route = routes[0]
    geometry = route.get("geometry")
    coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if not isinstance(coordinates, list) or len(coordinates) < 2 or len(coordinates) > MAX_POINTS:
        raise RoutingError(
            f"{SERVICE}: the route has no usable GeoJSON geometry (ask for geometries=geojson)"
        )
    points = []
    for pair in coordinates:
        if not isinstance(pair, list) or len(pair) < 2:
            raise RoutingError(f"{SERVICE}: a route point is not [lon, lat]")
        lon, lat = _number(pair[0], "longitude"), _number(pair[1], "latitude")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise RoutingError(f"{SERVICE}: a route point is outside the globe")
        points.append((lat, lon))
    return WalkingRoute(_number(route.get("distance"), "distance"), _number(route.get("duration"), "duration"),
                        points)  # fmt: skip


class RoutingClient:
    """One engine; `walk()` asks it for a walking route between two WGS84 points."""

    def __init__(
        self,
        base_url: str,
        profile: str | None = None,
        timeout_seconds: float = 4.0,
        retries: int = 1,
        backoff_seconds: float = 0.3,
    ) -> None:
        self._base = base_url.rstrip("/")
        self._profile = profile or os.environ.get("NAESONE_ROUTING_PROFILE") or DEFAULT_PROFILE
        self._timeout = httpx.Timeout(timeout_seconds)
        self._retries, self._backoff = retries, backoff_seconds

    def walk(self, from_lat: float, from_lon: float, to_lat: float, to_lon: float) -> WalkingRoute:
        """The engine's walking route; RoutingError (no coordinates in its message) when there is none."""
        where = f"{from_lon:.6f},{from_lat:.6f};{to_lon:.6f},{to_lat:.6f}"
        url = f"{self._base}/route/v1/{self._profile}/{where}"
        try:
            with httpx.Client(timeout=self._timeout) as client:
                payload = get_json(
                    client, url, service=SERVICE, retries=self._retries, backoff_seconds=self._backoff,
                    params={"overview": "full", "geometries": "geojson", "steps": "false", "alternatives": "false"},
                )  # fmt: skip
        except RoutingError:
            raise
        except OutboundError as exc:
            # get_json names the URL, and this URL holds the resident's position: name the engine instead
            raise RoutingError(str(exc).replace(url, f"{self._base}/route/v1/{self._profile}/…")) from None
        return parse_route(payload)
