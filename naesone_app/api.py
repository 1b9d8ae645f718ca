"""HTTP routes beside the Reflex app: the session cookie handshake and health.

The session cookie is HttpOnly, so page script never sees a session token: after a sign-in the state
hands the page a one-use token (valid 60 s) which the page exchanges here for the cookie.
"""

from __future__ import annotations

import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from naesone_app.core.accounts import SESSION_ABSOLUTE
from naesone_app.db.accounts import claim_handoff, end_session
from naesone_app.db.engine import transaction

SESSION_COOKIE = "naesone_session"
MAX_BODY = 2_000


def allowed_origins() -> set[str]:
    """Origins allowed to post here (the same list as the event socket's CORS)."""
    port = os.environ.get("NAESONE_PORT", "3000")
    configured = {o.strip() for o in os.environ.get("NAESONE_ALLOWED_ORIGINS", "").split(",") if o.strip()}
    return configured or {f"http://localhost:{port}", f"http://127.0.0.1:{port}"}


def _same_site(request: Request) -> bool:
    """A cross-site form or fetch never reaches the handlers (defence beside SameSite=Strict)."""
    origin = request.headers.get("origin")
    if origin is None:
        return False
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    return origin == own or origin in allowed_origins()


def _secure(request: Request) -> bool:
    return request.url.scheme == "https" or os.environ.get("NAESONE_COOKIE_SECURE") == "1"


async def claim(request: Request) -> Response:
    """Exchange a handoff token for the HttpOnly session cookie."""
    if not _same_site(request):
        return JSONResponse({"error": "origin not allowed"}, status_code=403)
    body = await request.body()
    if len(body) > MAX_BODY:
        return JSONResponse({"error": "too large"}, status_code=413)
    try:
        handoff = (await request.json()).get("handoff", "")
    except (ValueError, AttributeError):
        return JSONResponse({"error": 'expected {"handoff": …}'}, status_code=400)
    if not isinstance(handoff, str) or not handoff or len(handoff) > 100:
        return JSONResponse({"error": "bad handoff"}, status_code=400)
    with transaction() as session:
        token = claim_handoff(session, handoff)
    if token is None:
        return JSONResponse({"error": "expired or unknown"}, status_code=401)
    response = Response(status_code=204)
    response.set_cookie(
        SESSION_COOKIE, token, max_age=int(SESSION_ABSOLUTE.total_seconds()), path="/", httponly=True,
        samesite="strict", secure=_secure(request),
    )  # fmt: skip
    response.headers["Cache-Control"] = "no-store"
    return response


async def clear(request: Request) -> Response:
    """End this browser's session and remove its cookie."""
    if not _same_site(request):
        return JSONResponse({"error": "origin not allowed"}, status_code=403)
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        with transaction() as session:
            end_session(session, token)
    response = Response(status_code=204)
    response.delete_cookie(
        SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=_secure(request)
    )
    response.headers["Cache-Control"] = "no-store"
    return response


async def health(_: Request) -> Response:
    return JSONResponse({"status": "ok"})


api = Starlette(
    routes=[
        Route("/api/session/claim", claim, methods=["POST"]),
        Route("/api/session/clear", clear, methods=["POST"]),
        Route("/api/health", health, methods=["GET"]),
    ]
)
