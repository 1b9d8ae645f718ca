"""Security and caching headers on every response (the README shows the same for a reverse proxy).

- Built files under /assets/ carry a content hash in their name: cached for a year, immutable.
- Pages, the service worker and the manifest are revalidated on every load (a deploy is seen at once).
- CSP: everything from this origin only; 'unsafe-inline' and 'unsafe-eval' are needed by the Reflex
  runtime (its hydration data is inline and `call_script` evaluates script); frames are refused.
- HSTS only when the request arrived over HTTPS (directly or through a proxy that says so).
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any

ASGIApp = Callable[[dict, Callable, Callable], Awaitable[None]]
IMMUTABLE = b"public, max-age=31536000, immutable"
REVALIDATE = b"no-cache"


def content_security_policy() -> str:
    tiles = os.environ.get("NAESONE_TILE_URL", "")
    tile_origin = ""
    if tiles.startswith(("https://", "http://")):
        scheme, rest = tiles.split("://", 1)
        tile_origin = f" {scheme}://{rest.split('/', 1)[0].replace('{s}', '*')}"
    return (
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: blob:{tile_origin}; font-src 'self' data:; connect-src 'self' ws: wss:; "
        "media-src 'self' blob:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def cache_control(path: str) -> bytes | None:
    """The caching rule for a path, or None to leave the response's own."""
    if path.startswith("/assets/"):
        return IMMUTABLE
    if path in ("/", "/sw.js", "/manifest.webmanifest") or path.endswith((".html", "/")) or "." not in path:
        return REVALIDATE if not path.startswith(("/api/", "/_event", "/ping", "/_health")) else None
    return None


def _https(scope: dict) -> bool:
    if scope.get("scheme") == "https":
        return True
    headers = dict(scope.get("headers") or [])
    return headers.get(b"x-forwarded-proto", b"").split(b",")[0].strip() == b"https"


def with_security_headers(app: ASGIApp) -> ASGIApp:
    """ASGI middleware adding the headers above to every HTTP response."""
    csp = content_security_policy().encode()

    async def middleware(scope: dict, receive: Callable, send: Callable) -> None:
        if scope.get("type") != "http":
            await app(scope, receive, send)
            return
        path = scope.get("path", "")
        caching = cache_control(path)
        secure = _https(scope)

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message.get("type") == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() != b"cache-control" or not caching
                ]
                present = {k.lower() for k, _ in headers}
                headers += [
                    (k, v)
                    for k, v in (
                        (b"content-security-policy", csp),
                        (b"x-content-type-options", b"nosniff"),
                        (b"referrer-policy", b"strict-origin-when-cross-origin"),
                        (b"permissions-policy", b"geolocation=(self), camera=(self), microphone=()"),
                        (b"x-frame-options", b"DENY"),
                    )
                    if k not in present  # a route that sets one itself (a download's nosniff) keeps it once
                ]
                if caching:
                    headers.append((b"cache-control", caching))
                if secure:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_headers)

    return middleware
