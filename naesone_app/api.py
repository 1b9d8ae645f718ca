"""HTTP routes beside the Reflex app: the session cookie handshake, health, the tracked links to
programmes applied for elsewhere (`/api/go`), and the public facility data.

The session cookie is HttpOnly, so page script never sees a session token: after a sign-in the state
hands the page a one-use token (valid 60 s) which the page exchanges here for the cookie.

The facility routes are public (partners, the map, the browser's offline copy): GeoJSON of every
facility, the nearest facilities to a point, and — when a routing engine is configured — a walking route
to one of them. They are read-only and cached in-process per facilities version, so a map full of
visitors costs one database read per import.

`GET /api/search` answers a question in words over the public catalogue (programmes, courses,
facilities, help). It knows no person: a programme's status is decided from the facts the question
itself states and nothing else, so the answer is the same for every caller. Each client may ask a
limited number of questions per second (core/rate_limit.py).
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import logging
import math
import os
import re
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, quote

from sqlalchemy.exc import SQLAlchemyError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from naesone_app.actions.safety import RoutingError, routing_enabled
from naesone_app.actions.safety import walking_route as route_between
from naesone_app.actions.search import ask
from naesone_app.core.accounts import SESSION_ABSOLUTE
from naesone_app.core.campaigns import QR_DOWNLOAD_PATH
from naesone_app.core.facilities.geo import bearing_deg, distance_m, nearest, walking_minutes
from naesone_app.core.facilities.geojson import public_feature, public_feature_collection
from naesone_app.core.facilities.model import KINDS, SHELTER_KINDS, Facility
from naesone_app.core.i18n import render
from naesone_app.core.outbound import destination
from naesone_app.core.rate_limit import RateLimiter
from naesone_app.db.accounts import account_for_token, claim_handoff, end_session
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.db.engine import database_url, transaction
from naesone_app.db.facilities import facilities_version, load_facilities
from naesone_app.db.outbound import record_visit
from naesone_app.delivery import public_key

SESSION_COOKIE = "naesone_session"
MAX_BODY = 2_000
MAX_PROGRAM_KEY = 140

log = logging.getLogger(__name__)
ASGIApp = Callable[[dict, Callable, Callable], Awaitable[None]]


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


def go(request: Request) -> Response:
    """GET /api/go?id=<programme id>: count the visit, then send the resident where they apply.

    The target is the stored programme's (core/outbound.destination), never a URL from the request. A
    programme with nowhere to go, or gone from the catalogue, sends the resident to its page instead.
    Recording never stands between the resident and the application: a failing database only logs.
    """
    key = request.query_params.get("id", "")[:MAX_PROGRAM_KEY]
    program = CATALOG.program(key)
    target = destination(program) if program is not None else None
    if program is None or target is None:
        return RedirectResponse(f"/program?id={quote(key, safe=':')}", 303, {"Cache-Control": "no-store"})
    try:
        with transaction() as session:
            account = account_for_token(session, request.cookies.get(SESSION_COOKIE))
            record_visit(session, program.key, program.apply_channel, account.id if account else None)
    except SQLAlchemyError:
        log.exception("outbound visit to %s not recorded", program.key)
    return RedirectResponse(target, 303, {"Cache-Control": "no-store"})


# --- public facility data -------------------------------------------------------------------------------

PUBLIC_CACHE = "public, max-age=300"
SHELTER_ALIAS = "shelter"  # ?kind=shelter: every kind shelter guidance points to (SHELTER_KINDS)
MAX_NEAREST = 50
MAX_ROUTE_M = 20_000  # guidance is for walking to a shelter nearby, not a routing service for anywhere


class BadParameter(ValueError):
    """A query parameter that cannot be used; the message starts with the parameter's name."""


@dataclass(frozen=True)
class FacilitySnapshot:
    """Every facility as of one facilities version, with the serialised GeoJSON of all of them."""

    key: tuple[str, int, str]
    version: str
    facilities: tuple[Facility, ...]
    geojson: bytes
    geojson_gzip: bytes  # ~10× smaller: what a phone on a weak network actually downloads
    by_id: dict[str, Facility] = field(repr=False)


_snapshot: FacilitySnapshot | None = None
_snapshot_lock = threading.Lock()


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def facility_snapshot() -> FacilitySnapshot:
    """The cached snapshot, rebuilt only when facilities_version changes (an import, an update)."""
    global _snapshot
    url = database_url()
    with transaction(url) as session:
        count, latest = facilities_version(session)
    key = (url, count, latest)
    current = _snapshot
    if current is not None and current.key == key:
        return current
    with _snapshot_lock:  # one rebuild at a time; the others wait for it and reuse it
        if _snapshot is not None and _snapshot.key == key:
            return _snapshot
        with transaction(url) as session:
            facilities = tuple(load_facilities(session))
        version = hashlib.sha256(f"{count}|{latest}".encode()).hexdigest()[:16]
        body = _dumps(public_feature_collection(facilities, version))
        _snapshot = FacilitySnapshot(key, version, facilities, body, gzip.compress(body, 6),
                                     {f.key: f for f in facilities})  # fmt: skip
        return _snapshot


def _error(message: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers={"Cache-Control": "no-store"})


def parse_kinds(raw: str | None, default: str | None = None) -> frozenset[str] | None:
    """`a,b` (or `shelter`) → the set of kinds; None = every kind. Unknown names are a BadParameter."""
    raw = default if raw is None else raw
    if raw is None:
        return None
    if len(raw) > 500:
        raise BadParameter("kind: too long")
    names = [name.strip() for name in raw.split(",") if name.strip()]
    if not names:
        raise BadParameter("kind: empty; give one or more of " + ", ".join((SHELTER_ALIAS, *KINDS)))
    kinds: set[str] = set()
    for name in names:
        if name == SHELTER_ALIAS:
            kinds |= SHELTER_KINDS
        elif name in KINDS:
            kinds.add(name)
        else:
            raise BadParameter(f"kind: unknown kind {name!r}; known: {', '.join((SHELTER_ALIAS, *KINDS))}")
    return frozenset(kinds)


def parse_float(request: Request, name: str, low: float, high: float) -> float:
    """A required finite number in [low, high]."""
    raw = request.query_params.get(name)
    if raw is None or not raw.strip():
        raise BadParameter(f"{name}: required")
    try:
        value = float(raw)
    except ValueError:
        raise BadParameter(f"{name}: not a number ({raw[:30]!r})") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise BadParameter(f"{name}: must be a number between {low:g} and {high:g}")
    return value


def parse_int(request: Request, name: str, default: int, low: int, high: int) -> int:
    """An optional whole number in [low, high]."""
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not raw.strip().isdigit():
        raise BadParameter(f"{name}: must be a whole number between {low} and {high}")
    value = int(raw)
    if not low <= value <= high:
        raise BadParameter(f"{name}: must be a whole number between {low} and {high}")
    return value


def facilities_geojson(request: Request) -> Response:
    """GET /api/facilities.geojson[?kind=a,b]: a compact FeatureCollection (ETag, 5-minute public cache)."""
    try:
        kinds = parse_kinds(request.query_params.get("kind"))
    except BadParameter as exc:
        return _error(str(exc))
    snapshot = facility_snapshot()
    tag = snapshot.version
    if kinds is not None:
        tag += "-" + hashlib.sha256(",".join(sorted(kinds)).encode()).hexdigest()[:8]
    etag = f'"{tag}"'
    headers = {"Cache-Control": PUBLIC_CACHE, "ETag": etag, "Access-Control-Allow-Origin": "*",
               "Vary": "Accept-Encoding"}  # fmt: skip
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    zipped = "gzip" in request.headers.get("accept-encoding", "")
    if kinds is None:
        body = snapshot.geojson_gzip if zipped else snapshot.geojson
    else:
        chosen = [f for f in snapshot.facilities if f.kind in kinds]
        body = _dumps(public_feature_collection(chosen, snapshot.version))
        body = gzip.compress(body, 6) if zipped else body
    if zipped:
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type="application/geo+json", headers=headers)


def facilities_nearest(request: Request) -> Response:
    """GET /api/facilities/nearest?lat=&lon=[&kind=shelter][&n=5]: closest first, straight-line distance."""
    try:
        lat = parse_float(request, "lat", -90, 90)
        lon = parse_float(request, "lon", -180, 180)
        kinds = parse_kinds(request.query_params.get("kind"), default=SHELTER_ALIAS)
        limit = parse_int(request, "n", 5, 1, MAX_NEAREST)
    except BadParameter as exc:
        return _error(str(exc))
    snapshot = facility_snapshot()
    results = []
    for near in nearest(snapshot.facilities, lat, lon, limit=limit, kinds=kinds):
        item = public_feature(near.facility)["properties"]
        item |= {
            "lat": near.facility.lat,
            "lon": near.facility.lon,
            "distance_m": round(near.metres, 1),
            "walking_minutes": near.minutes,
            "bearing_deg": round(bearing_deg(lat, lon, near.facility.lat, near.facility.lon), 1),
        }
        results.append(item)
    body = {"lat": lat, "lon": lon, "kinds": sorted(kinds or KINDS), "version": snapshot.version,
            "results": results}  # fmt: skip
    return JSONResponse(body, headers={"Cache-Control": PUBLIC_CACHE, "Access-Control-Allow-Origin": "*"})


def walking_route(request: Request) -> Response:
    """GET /api/route/walk?from_lat=&from_lon=&to=<facility id>: the routing engine's walking route.

    404 when no engine is configured (the page then keeps the straight line), 502 when the engine fails.
    The destination is a stored facility, so this is not an open proxy to the engine; the answer holds
    the resident's position, so nothing caches it.
    """
    if not routing_enabled():
        return _error("routing: not configured on this server (NAESONE_ROUTING_URL)", 404)
    try:
        lat = parse_float(request, "from_lat", -90, 90)
        lon = parse_float(request, "from_lon", -180, 180)
    except BadParameter as exc:
        return _error(str(exc))
    target = facility_snapshot().by_id.get(request.query_params.get("to", ""))
    if target is None:
        return _error("to: no facility with this id", 404)
    if distance_m(lat, lon, target.lat, target.lon) > MAX_ROUTE_M:
        return _error(f"from_lat/from_lon: more than {MAX_ROUTE_M // 1000} km from the facility")
    try:
        route = route_between(lat, lon, target.lat, target.lon)
    except RoutingError as exc:
        return _error(str(exc), 502)
    body = {
        "to": target.key,
        "distance_m": round(route.distance_m, 1),
        "walking_minutes": walking_minutes(route.distance_m),
        "duration_s": round(route.duration_s),
        "points": [[round(a, 6), round(b, 6)] for a, b in route.points],
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


# --- asking in words ------------------------------------------------------------------------------------

MAX_QUESTION = 500
MAX_SEARCH_RESULTS = 50
SEARCH_LOCALES = ("ko", "en", "zh")
# 20 questions at once, then 2 a second, per client address and worker: a person typing never meets it
SEARCH_LIMIT = RateLimiter(capacity=20, per_second=2.0)


def _client(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def search(request: Request) -> Response:
    """GET /api/search?q=&limit=[&locale=]: the answer as `naesone ask --json` prints it.

    Only public fields of public records; statuses come from the facts the question states (no profile).
    """
    wait = SEARCH_LIMIT.allow(_client(request), time.monotonic())
    if wait:
        response = _error(f"too many questions: try again in {wait} s", 429)
        response.headers["Retry-After"] = str(wait)
        return response
    question = request.query_params.get("q")
    if question is None or not question.strip():
        return _error("q: required, the question in words")
    if len(question) > MAX_QUESTION:
        return _error(f"q: at most {MAX_QUESTION} characters")
    locale = request.query_params.get("locale", "ko")
    if locale not in SEARCH_LOCALES:
        return _error(f"locale: one of {', '.join(SEARCH_LOCALES)}")
    try:
        limit = parse_int(request, "limit", 10, 1, MAX_SEARCH_RESULTS)
    except BadParameter as exc:
        return _error(str(exc))
    answer = ask(question, locale=locale, limit=limit, profile={})
    if answer.problem:
        return _error(f"q: {answer.problem.replace('_', ' ')}")
    body = {
        "question": answer.question,
        "inferred": answer.inferred_profile(),
        "threshold": answer.threshold,
        "results": [
            {"program_id": r.id, "kind": r.kind, "source": r.source, "title": r.title, "score": round(r.score, 4),
             "status": r.status, "why": r.why}
            for r in answer.results
        ],
    }  # fmt: skip
    return JSONResponse(
        body, headers={"Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*"}
    )


def uploaded_file(request: Request) -> Response:
    """GET /api/uploads/{id}: a document for its owner or a reviewer of its department (the read is
    audited), found from the session cookie; anyone else gets the same 404 as for a missing file.

    Always a download (never rendered by the browser under this origin), never cached."""
    from naesone_app.db.accounts import account_for_token
    from naesone_app.db.application_access import NotFound
    from naesone_app.db.uploads import read_upload

    raw = request.path_params.get("upload_id", "")
    token = request.cookies.get(SESSION_COOKIE)
    not_found = _error("no such file", 404)
    if not raw.isdigit() or len(raw) > 9 or not token or len(token) > 200:
        return not_found
    try:
        with transaction() as session:
            account = account_for_token(session, token)
            if account is None:
                return not_found
            row, data = read_upload(session, account.id, int(raw))
    except NotFound:
        return not_found
    except OSError:
        return _error("the stored file cannot be read", 500)
    extension = row.stored_name.rsplit(".", 1)[-1]
    return Response(
        data,
        media_type=row.content_type,
        headers={
            "Content-Disposition": f'attachment; filename="document-{row.id}.{extension}"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-store, private",
        },
    )


QR_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}


def campaign_qr(request: Request) -> Response:
    """GET /api/campaigns/qr?slug=&format=png|svg|pdf[&src=]: the print file, for campaign editors only
    (found from the session cookie, like /api/uploads); always a download, never cached."""
    from naesone_app.actions import actor_of
    from naesone_app.actions.campaign_print import PrintError
    from naesone_app.actions.campaigns import qr_file
    from naesone_app.core.actor import NotAllowed
    from naesone_app.core.campaigns import CampaignError

    token = request.cookies.get(SESSION_COOKIE)
    if not token or len(token) > 200:
        return _error("sign in as a campaign editor", 403)
    with transaction() as session:
        account = account_for_token(session, token)
    if account is None:
        return _error("sign in as a campaign editor", 403)
    query = request.query_params
    try:
        made = qr_file(actor_of(account), query.get("slug", "")[:80], query.get("format", "")[:8],
                       query.get("src", "")[:80])  # fmt: skip
    except NotAllowed:
        return _error("campaign editors only", 403)
    except CampaignError as exc:
        return _error(f"{exc.field}: {render(exc.message, 'en')}", 404 if exc.field == "slug" else 400)
    except PrintError as exc:
        return _error(str(exc), 503)
    return Response(made.content, media_type=QR_TYPES[query.get("format", "")], headers={
        "Content-Disposition": f'attachment; filename="{made.filename}"',
        "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store, private",
    })  # fmt: skip


LANDING_PATH = re.compile(r"^(?:/en)?/c/([a-z0-9-]{1,60})/?$")


def _count_scan(slug: str, query: str) -> None:
    from naesone_app.actions.campaigns import count
    from naesone_app.core.campaigns import LABEL_MAX, check_label

    src = parse_qs(query).get("src", [""])[0]
    try:
        placement = check_label(src) if src and len(src) <= LABEL_MAX else ""
    except ValueError:
        placement = ""
    try:
        count(slug, placement, "scan")
    except SQLAlchemyError:  # a count is never worth a failed page
        log.warning("campaign scan not counted", exc_info=True)


def count_scans(app: ASGIApp) -> ASGIApp:
    """Count every load of a campaign's landing address (/c/<slug>[?src=]) — what a QR scan opens — as an
    anonymous number per day and placement, before the page is served. Nothing about the visitor is read
    or kept; a page's own scripts and the browser's prefetches are not counted."""

    async def wrapped(scope: dict, receive: Callable, send: Callable) -> None:
        if scope.get("type") == "http" and scope.get("method") == "GET":
            found = LANDING_PATH.match(scope.get("path", ""))
            headers = dict(scope.get("headers") or [])
            if (
                found
                and headers.get(b"sec-fetch-dest", b"document") == b"document"
                and b"purpose" not in headers
            ):
                query = scope.get("query_string", b"").decode("latin-1")[:300]
                await asyncio.to_thread(_count_scan, found.group(1), query)
        await app(scope, receive, send)

    return wrapped


def push_key(_: Request) -> Response:
    """GET /api/push/key: the VAPID public key the page subscribes with; 404 when push is not configured."""
    key = public_key()
    if key is None:
        return _error("push: not configured on this server (NAESONE_VAPID_PRIVATE_KEY)", 404)
    return JSONResponse({"publicKey": key}, headers={"Cache-Control": "no-cache"})


api = Starlette(
    routes=[
        Route("/api/session/claim", claim, methods=["POST"]),
        Route("/api/session/clear", clear, methods=["POST"]),
        Route("/api/health", health, methods=["GET"]),
        Route("/api/go", go, methods=["GET"]),
        Route("/api/facilities.geojson", facilities_geojson, methods=["GET"]),
        Route("/api/facilities/nearest", facilities_nearest, methods=["GET"]),
        Route("/api/route/walk", walking_route, methods=["GET"]),
        Route("/api/push/key", push_key, methods=["GET"]),
        Route(QR_DOWNLOAD_PATH, campaign_qr, methods=["GET"]),
        Route("/api/search", search, methods=["GET"]),
        Route("/api/uploads/{upload_id}", uploaded_file, methods=["GET"]),
    ]
)
