"""Walking routes to a shelter: the one place the app asks a routing engine (integrations.routing).

Routing is optional (NAESONE_ROUTING_URL): without it the guidance is a straight line drawn in the
browser. Entry points (the API route, the map component deciding whether to offer routes) ask here, so
only the action layer speaks to the engine.
"""

from __future__ import annotations

from naesone_app.integrations.routing import RoutingClient, RoutingError, WalkingRoute, routing_url

__all__ = ["RoutingError", "WalkingRoute", "routing_enabled", "walking_route"]


def routing_enabled() -> bool:
    """Whether a routing engine is configured, so the map may offer walking routes."""
    return routing_url() is not None


def walking_route(from_lat: float, from_lon: float, to_lat: float, to_lon: float) -> WalkingRoute:
    """The engine's walking route; RoutingError (no coordinates in its message) when none is usable."""
    base = routing_url()
    if base is None:
        raise RoutingError("routing: not configured on this server (NAESONE_ROUTING_URL)")
    return RoutingClient(base).walk(from_lat, from_lon, to_lat, to_lon)
