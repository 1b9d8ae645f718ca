"""The safety map in Chromium, with the browser placed in 명동: the nearest shelter is the right one and its
distance is shown; the guidance arrow follows the compass; with the network off after one visit the
nearest shelters still answer; the map draws markers and the 15 동 without any tiles; axe-core is clean.

The expected answers are computed here from the served database with the core functions the page's
JavaScript mirrors (nearest, bearing, relative bearing), so the two implementations are checked
against each other.
"""

from __future__ import annotations

import json
import random
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from naesone_app.core.facilities.geo import (
    Nearby,
    bearing_deg,
    compass_point,
    distance_m,
    nearest,
    relative_bearing,
    walking_minutes,
)
from naesone_app.core.facilities.model import SHELTER_KINDS
from tests.e2e.conftest import SCREENSHOTS, RestartableApp, ServedApp, screenshot, wait_hydrated

MYEONGDONG = {"latitude": 37.5637, "longitude": 126.9844}
STORAGE_KEY = "naesone.facilities.v1"


def expected_shelters(db_url: str, limit: int = 5) -> list[Nearby]:
    from naesone_app.db.engine import transaction
    from naesone_app.db.facilities import load_facilities

    with transaction(db_url) as session:
        facilities = load_facilities(session)
    return nearest(
        facilities, MYEONGDONG["latitude"], MYEONGDONG["longitude"], limit=limit, kinds=SHELTER_KINDS
    )


def distance_text(metres: float) -> str:
    """As the page writes it: whole metres under a kilometre (JavaScript rounds halves up), no-break space."""
    return f"{int(metres + 0.5)}\u00a0m" if metres < 999.5 else f"{metres / 1000:.1f}\u00a0km"


def part_screenshot(page: Page, selector: str, name: str) -> None:
    """A screenshot of one part of the page (the full page is long: the facility list has 50 items)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(selector).screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def kind_counts(db_url: str) -> dict[str, int]:
    from naesone_app.db.engine import transaction
    from naesone_app.db.facilities import load_facilities

    with transaction(db_url) as session:
        facilities = load_facilities(session)
    counts: dict[str, int] = {}
    for facility in facilities:
        counts[facility.kind] = counts.get(facility.kind, 0) + 1
    return counts


def open_safety(page: Page, app: ServedApp | RestartableApp, prefix: str = "") -> None:
    page.context.grant_permissions(["geolocation"], origin=app.url)
    page.context.set_geolocation(MYEONGDONG)
    page.goto(f"{app.url}{prefix}/safety")
    wait_hydrated(page)
    expect(page.locator("#guide-list li")).to_have_count(5, timeout=20_000)


def arrow_angle(page: Page) -> int:
    arrow = page.locator("#guide-arrow")
    angle = int(arrow.get_attribute("data-angle"))
    assert f"rotate({angle}deg)" in (arrow.get_attribute("style") or "")
    return angle


def assert_angle(actual: int, expected: float) -> None:
    difference = (actual - expected) % 360
    assert min(difference, 360 - difference) <= 1, (actual, expected)


def test_the_nearest_shelter_in_myeongdong_is_the_right_one(page: Page, app: ServedApp) -> None:
    expected = expected_shelters(app.db_url)
    open_safety(page, app)
    items = page.locator("#guide-list li")
    assert [items.nth(i).get_attribute("data-id") for i in range(5)] == [n.facility.key for n in expected]
    first, near = items.first, expected[0]
    expect(first.locator("h3")).to_have_text(near.facility.name)
    expect(first.locator(".shelter-distance")).to_have_text(distance_text(near.metres))
    expect(first.locator(".shelter-minutes")).to_have_text(f"걸어서 약 {near.minutes}분")
    # the page works from the published coordinates (6 decimals, ±0.11 m), the test from the stored ones
    assert float(first.get_attribute("data-metres")) == pytest.approx(near.metres, abs=0.3)
    expect(page.locator("#guide-status")).to_contain_text("현재 위치에서 가까운 대피소 5곳")
    screenshot(page, "ko-safety-nearest")


def test_the_guidance_arrow_turns_with_the_compass(page: Page, app: ServedApp) -> None:
    near = expected_shelters(app.db_url, limit=1)[0]
    bearing = bearing_deg(
        MYEONGDONG["latitude"], MYEONGDONG["longitude"], near.facility.lat, near.facility.lon
    )
    open_safety(page, app)
    page.locator("#guide-choose-0").click()
    expect(page.locator("#guide-view")).to_be_visible()
    expect(page.locator("#guide-title")).to_be_focused()
    expect(page.locator("#guide-title")).to_contain_text(near.facility.name)
    expect(page.locator("#guide-summary")).to_contain_text(distance_text(near.metres))
    # no compass reading yet: the arrow is drawn with north up and points along the bearing
    assert_angle(arrow_angle(page), bearing)
    label_before = page.locator("#guide-arrow").get_attribute("aria-label")

    # Android Chrome: an absolute orientation, alpha counter-clockwise from north (alpha 90 = facing west)
    page.evaluate(
        "() => window.dispatchEvent(new DeviceOrientationEvent('deviceorientationabsolute',"
        " {alpha: 90, beta: 0, gamma: 0, absolute: true}))"
    )
    expected = relative_bearing(bearing, 270)
    page.wait_for_function(
        "(want) => { const a = +document.querySelector('#guide-arrow').dataset.angle;"
        " const d = ((a - want) % 360 + 360) % 360; return Math.min(d, 360 - d) <= 1; }",
        arg=expected,
    )
    assert_angle(arrow_angle(page), expected)
    label_after = page.locator("#guide-arrow").get_attribute("aria-label")
    assert label_after != label_before
    expect(page.locator("#guide-direction")).to_have_text(label_after)
    screenshot(page, "ko-safety-guidance")
    part_screenshot(page, "#guide-view", "ko-safety-guidance-part")

    # iOS Safari: webkitCompassHeading, clockwise from magnetic north
    page.evaluate(
        "() => { const e = new Event('deviceorientation');"
        " Object.defineProperty(e, 'webkitCompassHeading', {value: 45}); window.dispatchEvent(e); }"
    )
    expected = relative_bearing(bearing, 45)
    page.wait_for_function(
        "(want) => { const a = +document.querySelector('#guide-arrow').dataset.angle;"
        " const d = ((a - want) % 360 + 360) % 360; return Math.min(d, 360 - d) <= 1; }",
        arg=expected,
    )
    assert_angle(arrow_angle(page), expected)

    # held upright (as for the camera picture): the heading is where the back of the phone faces
    page.evaluate(
        "() => window.dispatchEvent(new DeviceOrientationEvent('deviceorientationabsolute',"
        " {alpha: 0, beta: 90, gamma: 0, absolute: true}))"
    )
    expected = relative_bearing(bearing, 0)
    page.wait_for_function(
        "(want) => { const a = +document.querySelector('#guide-arrow').dataset.angle;"
        " const d = ((a - want) % 360 + 360) % 360; return Math.min(d, 360 - d) <= 1; }",
        arg=expected,
    )

    page.locator("#guide-back").click()
    expect(page.locator("#guide-list")).to_be_visible()
    expect(page.locator("#guide-choose-0")).to_be_focused()


def test_the_page_computes_distance_and_bearing_like_core(page: Page, app: ServedApp) -> None:
    rng = random.Random(2026)
    pairs = [[rng.uniform(37.54, 37.58), rng.uniform(126.95, 127.03), rng.uniform(37.54, 37.58),
              rng.uniform(126.95, 127.03)] for _ in range(200)]  # fmt: skip
    open_safety(page, app)
    browser = page.evaluate(
        "(pairs) => pairs.map(([a, b, c, d]) => [NaesoneSafety.distanceM(a, b, c, d),"
        " NaesoneSafety.bearingDeg(a, b, c, d), NaesoneSafety.walkingMinutes(NaesoneSafety.distanceM(a, b, c, d)),"
        " NaesoneSafety.relativeBearing(NaesoneSafety.bearingDeg(a, b, c, d), 123.4),"
        " NaesoneSafety.compassPoint(NaesoneSafety.bearingDeg(a, b, c, d))])",
        pairs,
    )
    for (a, b, c, d), (metres, bearing, minutes, turn, point) in zip(pairs, browser, strict=True):
        assert metres == pytest.approx(distance_m(a, b, c, d), abs=1e-6)
        assert bearing == pytest.approx(bearing_deg(a, b, c, d), abs=1e-9)
        assert minutes == walking_minutes(distance_m(a, b, c, d))
        assert turn == pytest.approx(relative_bearing(bearing_deg(a, b, c, d), 123.4), abs=1e-9)
        assert point == compass_point(bearing_deg(a, b, c, d))


def test_nearest_shelters_still_answer_offline_after_one_visit(page: Page, app: ServedApp) -> None:
    expected = expected_shelters(app.db_url)
    open_safety(page, app)
    page.wait_for_function(
        "() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller", timeout=60_000
    )
    page.wait_for_function(f"() => !!localStorage.getItem({STORAGE_KEY!r})")
    stored = page.evaluate(f"() => JSON.parse(localStorage.getItem({STORAGE_KEY!r})).data.features.length")
    assert stored == 772

    page.context.set_offline(True)
    try:
        page.reload()
        items = page.locator("#guide-list li")
        expect(items).to_have_count(5, timeout=20_000)
        assert [items.nth(i).get_attribute("data-id") for i in range(5)] == [n.facility.key for n in expected]
        expect(items.first.locator(".shelter-distance")).to_have_text(distance_text(expected[0].metres))
        expect(page.locator("#guide-status")).to_contain_text("저장된 자료로 안내해요")
        # and the guidance works with no server at all
        page.locator("#guide-choose-0").click()
        expect(page.locator("#guide-summary")).to_contain_text(distance_text(expected[0].metres))
        screenshot(page, "ko-safety-offline")
    finally:
        page.context.set_offline(False)


def test_the_map_also_answers_offline_after_one_visit(page: Page, app: ServedApp) -> None:
    open_safety(page, app)
    page.wait_for_function(
        "() => !!navigator.serviceWorker && !!navigator.serviceWorker.controller", timeout=60_000
    )
    expect(page.locator("#facility-count")).to_have_text("선택한 종류의 시설 96곳", timeout=20_000)
    page.context.set_offline(True)
    try:
        page.reload()
        # the map and its list come from the same stored copy as the guidance; the outlines ship with it
        expect(page.locator("#facility-count")).to_have_text("선택한 종류의 시설 96곳", timeout=15_000)
        assert page.locator(".fac-marker, .fac-cluster").count() > 0
        expect(page.locator(".dong-label")).to_have_count(15)
        expect(page.locator(".leaflet-dong-lines-pane path")).to_have_count(15)
        screenshot(page, "ko-safety-map-offline")
    finally:
        page.context.set_offline(False)


def test_the_map_draws_facilities_and_dongs_without_tiles(page: Page, app: ServedApp) -> None:
    open_safety(page, app)
    expect(page.locator(".dong-label")).to_have_count(15)
    expect(page.locator(".dong-label").filter(has_text="명동")).to_have_count(1)
    # once the position is known the map shows the streets around it, where the labels do not crowd
    page.wait_for_function(
        "() => document.querySelectorAll('.dong-label span:not(.is-crowded)').length >= 12"
    )
    expect(page.locator(".dong-label span").filter(has_text="명동")).to_be_visible()
    assert page.locator("img.leaflet-tile").count() == 0  # no tile source configured: nothing downloaded
    expect(page.locator("#map-note")).to_contain_text("배경 지도 없이")

    def drawn() -> int:
        """Facilities on the map: single markers plus the counts on cluster markers."""
        counts = page.locator(".fac-cluster span").all_text_contents()
        return page.locator(".fac-marker").count() + sum(int(c) for c in counts)

    # it opens on the shelters; every toggle still says how many of its kind there are
    expect(page.locator("#facility-count")).to_have_text("선택한 종류의 시설 96곳")
    assert drawn() == 96
    counts = kind_counts(app.db_url)
    for kind, n in counts.items():
        toggle = page.locator(f"#layer-{kind}")
        assert toggle.is_checked() == (kind in SHELTER_KINDS), kind
        expect(page.locator(f"label:has(#layer-{kind})")).to_contain_text(f"({n})")
    # the 15 동 outlines, from the boundary file that ships with the app
    expect(page.locator(".leaflet-dong-lines-pane path")).to_have_count(15)
    expect(page.locator("#map-attribution")).to_contain_text("공공누리 제1유형")
    part_screenshot(page, "#map-section .safety-map-frame", "ko-safety-map-opening-part")
    page.locator("#layers-all").click()
    expect(page.locator("#facility-count")).to_have_text("선택한 종류의 시설 772곳")
    assert drawn() == 772
    part_screenshot(page, "#map-section", "ko-safety-map-all-part")
    page.locator("#layer-public_wifi").uncheck()
    expect(page.locator("#facility-count")).to_have_text("선택한 종류의 시설 632곳")
    assert drawn() == 632
    page.locator("#layers-shelters").click()
    expect(page.locator("#facility-count")).to_have_text("선택한 종류의 시설 96곳")
    assert drawn() == 96
    kinds = set(page.locator("#facility-list li").evaluate_all("(els) => els.map((e) => e.dataset.kind)"))
    assert kinds <= SHELTER_KINDS
    assert page.locator("#layer-civil_defence_shelter").is_checked()
    assert not page.locator("#layer-snow_box").is_checked()
    screenshot(page, "ko-safety-map-shelters")
    part_screenshot(page, "#map-section .safety-map-frame", "ko-safety-map-shelters-part")

    # the list is sorted by distance from the person; "show on the map" opens the facility's popup
    first = page.locator("#facility-list li").first
    assert first.get_attribute("data-id") == expected_shelters(app.db_url, 1)[0].facility.key
    first.get_by_role("button", name=re.compile("지도에서 보기")).click()
    popup = page.locator(".leaflet-popup .fac-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("주소")
    expect(popup).not_to_contain_text("정보 없음")  # a field the data lacks is left out
    screenshot(page, "ko-safety-map-popup")
    part_screenshot(page, "#map-section .safety-map-frame", "ko-safety-map-popup-part")


def test_the_list_is_short_nearest_first_and_a_page_at_a_time(page: Page, app: ServedApp) -> None:
    # no position given: nearest to the district office first, and the page says so
    page.goto(f"{app.url}/safety")
    wait_hydrated(page)
    items = page.locator("#facility-list li")
    expect(items).to_have_count(20, timeout=20_000)
    expect(page.locator(".leaflet-dong-lines-pane path")).to_have_count(15)
    part_screenshot(page, "#map-section .safety-map-frame", "ko-safety-map-district-part")
    expect(page.locator("#facility-order")).to_contain_text("중구청에서 가까운 순서")
    metres = [float(m) for m in items.evaluate_all("(els) => els.map((e) => e.dataset.metres)")]
    assert metres == sorted(metres)
    assert {k for k in items.evaluate_all("(els) => els.map((e) => e.dataset.kind)")} <= SHELTER_KINDS
    # nothing is said for a field the data lacks (it used to repeat "정보 없음")
    expect(page.locator("#facility-list")).not_to_contain_text("정보 없음")
    more = page.locator("#facility-more")
    expect(more).to_have_text("20곳 더 보기 (76곳 남음)")
    height = page.locator("#facility-list").evaluate("(el) => el.getBoundingClientRect().height")
    print(f"\nfacility list on opening: {items.count()} of 96 shown, {height:.0f} px")
    screenshot(page, "ko-safety-list-office")
    page.locator("#facility-list-title").scroll_into_view_if_needed()
    page.evaluate("() => document.getElementById('facility-list-title').scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "ko-safety-list-first-screen.png"))  # one phone screen
    assert height < 3500, f"the list is {height:.0f} px tall at 390 px (it was ~15,800)"
    more.click()
    expect(items).to_have_count(40)

    # with the person's position: nearest to them first
    page.context.grant_permissions(["geolocation"], origin=app.url)
    page.context.set_geolocation(MYEONGDONG)
    page.locator("#guide-locate").click()
    expect(page.locator("#facility-order")).to_contain_text("현재 위치에서 가까운 순서")
    expected = expected_shelters(app.db_url, 3)
    expect(items.first).to_have_attribute("data-id", expected[0].facility.key)
    assert [items.nth(i).get_attribute("data-id") for i in range(3)] == [n.facility.key for n in expected]


def test_english_page_speaks_english(page: Page, app: ServedApp) -> None:
    near = expected_shelters(app.db_url, limit=1)[0]
    page.context.set_extra_http_headers({"Accept-Language": "en"})
    open_safety(page, app, "/en")
    expect(page.locator("h1")).to_have_text("Safety map and shelter guidance")
    expect(page.locator("#guide-list li").first.locator(".shelter-minutes")).to_have_text(
        f"about {near.minutes} min on foot"
    )
    expect(page.locator("#layer-toggles legend")).to_have_text(
        "Facilities to show on the map and in the list"
    )
    expect(page.locator(".dong-label").filter(has_text="Myeong-dong")).to_have_count(1)
    expect(page.locator("#facility-order")).to_have_text("Nearest to where you are first.")
    expect(page.locator("#facility-more")).to_have_text("Show 20 more (76 left)")
    expect(page.locator("#map-attribution")).to_contain_text("Korea Open Government License Type 1")
    screenshot(page, "en-safety")
    page.evaluate("() => document.getElementById('facility-list-title').scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "en-safety-list-first-screen.png"))
    part_screenshot(page, "#map-section .safety-map-frame", "en-safety-map-part")


def test_fits_a_360px_phone_at_200_percent_text(page: Page, app: ServedApp) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    open_safety(page, app)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"/safety scrolls sideways by {overflow}px at 360px and 200% text"
    page.locator("#guide-choose-0").click()
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
    part_screenshot(page, "#guide-view", "ko-safety-guidance-360px-200pct")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_serious_accessibility_violation_on_the_safety_page(
    page: Page, app: ServedApp, prefix: str
) -> None:
    open_safety(page, app, prefix)
    expect(page.locator(".dong-label")).to_have_count(15)
    for size in ("100%", "200%"):  # at the phone width, and again with the text doubled
        page.evaluate(f"() => {{ document.documentElement.style.fontSize = '{size}'; }}")
        results = Axe().run(page)
        serious = [
            f"{size} {v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, "\n".join(serious)
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
    # the guidance view too
    page.locator("#guide-choose-0").click()
    expect(page.locator("#guide-view")).to_be_visible()
    results = Axe().run(page)
    serious = [
        f"{v['id']}: {v['help']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


# --- a server with a tile source that does not answer and a routing engine that does ---------------------


class _FakeOsrm(BaseHTTPRequestHandler):
    """An OSRM `route` answer: an L-shaped walk between the two points asked for."""

    calls: list[str] = []

    def log_message(self, *_args) -> None:
        pass

    def do_GET(self) -> None:
        _FakeOsrm.calls.append(self.path)
        a, b = self.path.split("?")[0].rsplit("/", 1)[-1].split(";")
        (lon1, lat1), (lon2, lat2) = (tuple(map(float, p.split(","))) for p in (a, b))
        path = [[lon1, lat1], [lon2, lat1], [lon2, lat2]]
        body = json.dumps(
            {
                "code": "Ok",
                "routes": [
                    {
                        "distance": 171.0,
                        "duration": 123.0,
                        "geometry": {"type": "LineString", "coordinates": path},
                    }
                ],
            }
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())


@pytest.fixture(scope="module")
def configured_app(app: ServedApp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RestartableApp]:
    """The same build and database, with NAESONE_TILE_URL unreachable and NAESONE_ROUTING_URL set."""
    osrm = ThreadingHTTPServer(("127.0.0.1", 0), _FakeOsrm)
    thread = threading.Thread(target=osrm.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    server = RestartableApp(tmp_path_factory.mktemp("safety-configured"), app.db_url)
    server.env |= {
        "NAESONE_TILE_URL": "http://127.0.0.1:9/{z}/{x}/{y}.png",  # nothing listens on port 9
        "NAESONE_TILE_ATTRIBUTION": "test tiles",
        "NAESONE_ROUTING_URL": f"http://127.0.0.1:{osrm.server_address[1]}",
    }
    try:
        server.start()
        yield server
    finally:
        server.stop()
        osrm.shutdown()
        osrm.server_close()
        thread.join(timeout=5)


def test_unreachable_tiles_fall_back_and_a_routing_engine_draws_the_walk(
    page: Page, configured_app: RestartableApp
) -> None:
    near = expected_shelters(configured_app.db_url, limit=1)[0]
    open_safety(page, configured_app)
    # the tile server never answers: the map drops it and keeps the facilities and the 동 on a plain background
    expect(page.locator("#map-note")).to_contain_text("배경 지도를 불러올 수 없어", timeout=15_000)
    expect(page.locator(".dong-label")).to_have_count(15)
    assert page.locator(".fac-marker, .fac-cluster").count() > 0
    assert page.locator("img.leaflet-tile").count() == 0

    _FakeOsrm.calls.clear()
    page.locator("#guide-choose-0").click()
    expect(page.locator("#guide-route")).to_contain_text("도보 경로 171 m", timeout=15_000)
    assert len(_FakeOsrm.calls) == 1 and "/route/v1/foot/" in _FakeOsrm.calls[0]
    assert _FakeOsrm.calls[0].split("?")[0].endswith(f"{near.facility.lon:.6f},{near.facility.lat:.6f}")
    page.locator("#guide-map").click()
    route = page.locator(".leaflet-overlay-pane path.leaflet-interactive")
    expect(route).to_have_count(1)
    assert route.get_attribute("stroke-dasharray") is None  # a walking route, not the dashed straight line
    part_screenshot(page, "#map-section .safety-map-frame", "ko-safety-route-no-tiles")
