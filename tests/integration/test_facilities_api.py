"""The public facility routes on a real database loaded by the CLI, and the walking route through a real
OSRM-shaped HTTP server on 127.0.0.1: GeoJSON, nearest, validation, caching, routing and its failures."""

from __future__ import annotations

import json
import threading
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from naesone_app.core.facilities.geo import bearing_deg, nearest
from naesone_app.core.facilities.model import KINDS, SHELTER_KINDS
from naesone_app.db.engine import transaction
from naesone_app.db.facilities import load_facilities
from naesone_app.integrations.routing import RoutingClient, RoutingError

with warnings.catch_warnings():  # starlette warns that its TestClient will move to httpx2
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

MYEONGDONG = (37.5637, 126.9844)


@pytest.fixture
def client(database, naesone) -> TestClient:
    """The API app against a database with the sample facilities loaded through the importers."""
    run = naesone("facilities", "load-samples")
    assert run.code == 0, run.err
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from naesone_app.api import api

        return TestClient(api)


def _facilities(url: str):
    with transaction(url) as session:
        return load_facilities(session)


def test_geojson_has_every_facility_with_small_properties(client, database) -> None:
    response = client.get("/api/facilities.geojson")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/geo+json"
    assert response.headers["cache-control"] == "public, max-age=300"
    collection = response.json()
    stored = _facilities(database)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(stored) == 772
    allowed = {"id", "kind", "name", "address", "capacity", "hours", "phone", "is_sample"}
    by_id = {f.key: f for f in stored}
    for feature in collection["features"]:
        props = feature["properties"]
        assert {"id", "kind", "name", "is_sample"} <= set(props) <= allowed
        facility = by_id[props["id"]]
        lon, lat = feature["geometry"]["coordinates"]
        assert abs(lat - facility.lat) < 1e-6 and abs(lon - facility.lon) < 1e-6
        assert props["is_sample"] is True  # the samples say they are samples
    assert sum(f["properties"]["kind"] in SHELTER_KINDS for f in collection["features"]) == 96


def test_geojson_is_sent_gzipped_to_clients_that_accept_it(client) -> None:
    plain = client.get("/api/facilities.geojson", headers={"Accept-Encoding": "identity"})
    zipped = client.get("/api/facilities.geojson", headers={"Accept-Encoding": "gzip, br"})
    assert "content-encoding" not in plain.headers
    assert zipped.headers["content-encoding"] == "gzip" and zipped.headers["vary"] == "Accept-Encoding"
    assert int(zipped.headers["content-length"]) * 5 < int(plain.headers["content-length"])
    assert zipped.json() == plain.json()  # the client decodes it
    some = client.get("/api/facilities.geojson?kind=shelter", headers={"Accept-Encoding": "gzip"})
    assert some.headers["content-encoding"] == "gzip" and len(some.json()["features"]) == 96


def test_geojson_filters_by_kind_and_by_the_shelter_alias(client) -> None:
    snow = client.get("/api/facilities.geojson?kind=snow_box").json()["features"]
    assert len(snow) == 120 and {f["properties"]["kind"] for f in snow} == {"snow_box"}
    two = client.get("/api/facilities.geojson?kind=snow_box, public_toilet").json()["features"]
    assert len(two) == 120 + 90
    shelters = client.get("/api/facilities.geojson?kind=shelter").json()["features"]
    assert len(shelters) == 96 and {f["properties"]["kind"] for f in shelters} <= SHELTER_KINDS


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("kind=bogus", "kind"), ("kind=", "kind"), ("kind=,,", "kind"), ("kind=" + "a" * 600, "kind")],
)
def test_geojson_rejects_a_bad_kind_naming_the_parameter(client, query: str, parameter: str) -> None:
    response = client.get(f"/api/facilities.geojson?{query}")
    assert response.status_code == 400
    assert response.json()["error"].startswith(f"{parameter}: ")
    assert response.headers["cache-control"] == "no-store"


def test_geojson_etag_answers_304_and_changes_with_an_import(client, database, naesone, tmp_path) -> None:
    first = client.get("/api/facilities.geojson")
    etag = first.headers["etag"]
    assert client.get("/api/facilities.geojson", headers={"If-None-Match": etag}).status_code == 304
    filtered = client.get("/api/facilities.geojson?kind=snow_box").headers["etag"]
    assert filtered != etag
    # a changed facility is a new version: the cache is rebuilt and the ETag changes
    path = tmp_path / "one-box.json"
    path.write_text(json.dumps({"DATA": [{
        "sbox_num": "중구-999", "detl_cn": "시험용 제설함", "mgc_nm": "서울특별시 중구",
        "g2_xmin": 198692564, "g2_ymin": 551730077,
    }]}, ensure_ascii=False), "utf-8")  # fmt: skip
    run = naesone("facilities", "import", "--format", "snow-box", str(path))
    assert run.code == 0 and "1 imported" in run.out, run.out + run.err
    second = client.get("/api/facilities.geojson", headers={"If-None-Match": etag})
    assert second.status_code == 200
    assert second.headers["etag"] != etag
    assert len(second.json()["features"]) == 773


def test_geojson_is_built_once_per_version(client, monkeypatch) -> None:
    import naesone_app.api as api_module

    client.get("/api/facilities.geojson")
    calls = Counter()
    real = api_module.load_facilities
    monkeypatch.setattr(api_module, "load_facilities", lambda s: calls.update(["load"]) or real(s))
    for _ in range(5):
        assert client.get("/api/facilities.geojson").status_code == 200
        assert client.get("/api/facilities/nearest?lat=37.56&lon=126.99").status_code == 200
    assert calls["load"] == 0


def test_nearest_shelters_agree_with_core(client, database) -> None:
    response = client.get(f"/api/facilities/nearest?lat={MYEONGDONG[0]}&lon={MYEONGDONG[1]}&kind=shelter&n=5")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=300"
    body = response.json()
    expected = nearest(_facilities(database), *MYEONGDONG, limit=5, kinds=SHELTER_KINDS)
    assert [r["id"] for r in body["results"]] == [n.facility.key for n in expected]
    first, near = body["results"][0], expected[0]
    assert first["distance_m"] == pytest.approx(near.metres, abs=0.05)
    assert first["walking_minutes"] == near.minutes
    assert first["bearing_deg"] == pytest.approx(
        bearing_deg(*MYEONGDONG, near.facility.lat, near.facility.lon), abs=0.05
    )
    assert body["kinds"] == sorted(SHELTER_KINDS)
    distances = [r["distance_m"] for r in body["results"]]
    assert distances == sorted(distances)


def test_nearest_defaults_to_five_shelters_and_takes_other_kinds(client) -> None:
    default = client.get("/api/facilities/nearest?lat=37.56&lon=126.99").json()
    assert len(default["results"]) == 5 and {r["kind"] for r in default["results"]} <= SHELTER_KINDS
    toilets = client.get("/api/facilities/nearest?lat=37.56&lon=126.99&kind=public_toilet&n=50").json()
    assert len(toilets["results"]) == 50 and {r["kind"] for r in toilets["results"]} == {"public_toilet"}
    everything = client.get("/api/facilities/nearest?lat=37.56&lon=126.99&kind=" + ",".join(KINDS) + "&n=1")
    assert len(everything.json()["results"]) == 1


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("lon=126.99", "lat"),
        ("lat=&lon=126.99", "lat"),
        ("lat=abc&lon=126.99", "lat"),
        ("lat=nan&lon=126.99", "lat"),
        ("lat=91&lon=126.99", "lat"),
        ("lat=37.56", "lon"),
        ("lat=37.56&lon=inf", "lon"),
        ("lat=37.56&lon=-181", "lon"),
        ("lat=37.56&lon=126.99&n=0", "n"),
        ("lat=37.56&lon=126.99&n=51", "n"),
        ("lat=37.56&lon=126.99&n=2.5", "n"),
        ("lat=37.56&lon=126.99&n=-1", "n"),
        ("lat=37.56&lon=126.99&kind=shelters", "kind"),
    ],
)
def test_nearest_rejects_bad_parameters_by_name(client, query: str, parameter: str) -> None:
    response = client.get(f"/api/facilities/nearest?{query}")
    assert response.status_code == 400, response.text
    assert response.json()["error"].startswith(f"{parameter}: ")


def test_an_empty_database_answers_empty_collections(database) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from naesone_app.api import api

        client = TestClient(api)
    assert client.get("/api/facilities.geojson").json()["features"] == []
    assert client.get("/api/facilities/nearest?lat=37.56&lon=126.99").json()["results"] == []


# --- walking routes through an OSRM-shaped server -------------------------------------------------------


@dataclass
class FakeOsrm:
    """What the engine does: "ok", "fail_once" (503 then ok), "500", "noroute", "garbage", "slow"."""

    mode: str = "ok"
    paths: list[str] = field(default_factory=list)
    queries: list[dict] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _osrm_handler(state: FakeOsrm) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args) -> None:
            pass

        def _json(self, status: int, payload: object) -> None:
            body = json.dumps(payload).encode() if not isinstance(payload, bytes) else payload
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            with state.lock:
                state.paths.append(url.path)
                state.queries.append(parse_qs(url.query))
                first = len(state.paths) == 1
            a, b = url.path.rsplit("/", 1)[-1].split(";")
            (lon1, lat1), (lon2, lat2) = (map(float, a.split(",")), map(float, b.split(",")))
            ok = {"code": "Ok", "routes": [{"distance": 412.5, "duration": 297.0, "geometry": {
                "type": "LineString", "coordinates": [[lon1, lat1], [lon1, lat2], [lon2, lat2]]}}]}  # fmt: skip
            if state.mode == "ok" or (state.mode == "fail_once" and not first):
                self._json(200, ok)
            elif state.mode in ("500", "fail_once"):
                self._json(503 if state.mode == "fail_once" else 500, {"code": "Error"})
            elif state.mode == "noroute":
                self._json(200, {"code": "NoRoute", "message": "Impossible route between points"})
            elif state.mode == "garbage":
                self._json(200, b"<html>not json</html>")
            elif state.mode == "slow":
                time.sleep(1.5)
                self._json(200, ok)

    return Handler


@pytest.fixture
def osrm(monkeypatch) -> Iterator[tuple[FakeOsrm, str]]:
    state = FakeOsrm()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _osrm_handler(state))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    try:
        yield state, base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_routing_client_parses_the_route_as_lat_lon(osrm) -> None:
    state, base = osrm
    route = RoutingClient(base, profile="foot").walk(37.5637, 126.9844, 37.5626, 126.9840)
    assert route.distance_m == 412.5 and route.duration_s == 297.0
    assert route.points == [(37.5637, 126.9844), (37.5626, 126.9844), (37.5626, 126.984)]
    assert state.paths == ["/route/v1/foot/126.984400,37.563700;126.984000,37.562600"]
    assert state.queries[0]["geometries"] == ["geojson"] and state.queries[0]["overview"] == ["full"]


def test_routing_client_retries_once_then_fails_clearly_without_coordinates(osrm) -> None:
    state, base = osrm
    state.mode = "fail_once"
    assert (
        RoutingClient(base, backoff_seconds=0).walk(37.5637, 126.9844, 37.5626, 126.984).distance_m == 412.5
    )
    assert len(state.paths) == 2
    state.mode, state.paths[:] = "500", []
    with pytest.raises(RoutingError) as failure:
        RoutingClient(base, retries=1, backoff_seconds=0).walk(37.5637, 126.9844, 37.5626, 126.984)
    assert len(state.paths) == 2  # bounded: one try and one retry
    assert "HTTP 500" in str(failure.value) and "routing engine" in str(failure.value)
    assert "37.56" not in str(failure.value) and "126.98" not in str(failure.value)


@pytest.mark.parametrize(("mode", "words"), [("noroute", "no route (NoRoute"), ("garbage", "not JSON")])
def test_routing_client_names_what_is_wrong_with_the_answer(osrm, mode: str, words: str) -> None:
    state, base = osrm
    state.mode = mode
    with pytest.raises(RoutingError, match=words.replace("(", r"\(")):
        RoutingClient(base, backoff_seconds=0).walk(37.5637, 126.9844, 37.5626, 126.984)


def test_routing_client_times_out(osrm) -> None:
    state, base = osrm
    state.mode = "slow"
    started = time.monotonic()
    with pytest.raises(RoutingError, match="no answer after 2 attempts"):
        RoutingClient(base, timeout_seconds=0.3, retries=1, backoff_seconds=0).walk(
            37.5637, 126.9844, 37.56, 126.98
        )
    assert time.monotonic() - started < 1.5


def test_route_endpoint_without_an_engine_is_404(client) -> None:
    response = client.get("/api/route/walk?from_lat=37.5637&from_lon=126.9844&to=x")
    assert response.status_code == 404
    assert "not configured" in response.json()["error"]


def test_route_endpoint_draws_the_engines_route(client, database, osrm, monkeypatch) -> None:
    state, base = osrm
    monkeypatch.setenv("NAESONE_ROUTING_URL", base + "/")
    target = nearest(_facilities(database), *MYEONGDONG, limit=1, kinds=SHELTER_KINDS)[0].facility
    response = client.get(
        f"/api/route/walk?from_lat={MYEONGDONG[0]}&from_lon={MYEONGDONG[1]}&to={target.key}"
    )
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"  # it holds the resident's position
    body = response.json()
    assert body["to"] == target.key and body["distance_m"] == 412.5 and body["walking_minutes"] == 7
    assert body["points"][0] == [MYEONGDONG[0], MYEONGDONG[1]]
    assert body["points"][-1] == [round(target.lat, 6), round(target.lon, 6)]
    assert len(state.paths) == 1


def test_route_endpoint_validates_and_reports_engine_failure(client, database, osrm, monkeypatch) -> None:
    state, base = osrm
    monkeypatch.setenv("NAESONE_ROUTING_URL", base)
    key = _facilities(database)[0].key
    assert (
        client.get(f"/api/route/walk?from_lat=x&from_lon=126.98&to={key}")
        .json()["error"]
        .startswith("from_lat: ")
    )
    assert client.get(f"/api/route/walk?from_lat=37.5&to={key}").json()["error"].startswith("from_lon: ")
    unknown = client.get("/api/route/walk?from_lat=37.56&from_lon=126.98&to=nope")
    assert unknown.status_code == 404 and unknown.json()["error"].startswith("to: ")
    far = client.get(f"/api/route/walk?from_lat=35.1&from_lon=129.0&to={key}")  # Busan
    assert far.status_code == 400 and far.json()["error"].startswith("from_lat/from_lon: ")
    assert state.paths == []  # nothing invalid reached the engine
    state.mode = "noroute"
    failed = client.get(f"/api/route/walk?from_lat=37.5637&from_lon=126.9844&to={key}")
    assert failed.status_code == 502 and "NoRoute" in failed.json()["error"]
