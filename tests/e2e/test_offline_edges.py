"""The edges a resident meets: no network, a lost connection, a wrong address, a slow page.

- /offline lists the shelters that /safety stored in this browser (it used to say none were stored);
- a programme page offline says it needs the internet and links to what works, never an endless spinner;
- the "connection lost" notice speaks the page's language, Korean on /, English on /en;
- an unknown address is a translated 404 inside the app's frame;
- a programme page never shows another programme than its address names, even while the load of the
  one it names is slow (the server's answer is held back here to make the old race certain).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, WebSocketRoute, expect

from tests.e2e.conftest import ServedApp, screenshot, wait_hydrated

MYEONGDONG = {"latitude": 37.5637, "longitude": 126.9844}
TOY_LIBRARY = "native:junggu-toy-library"
SENIOR_LUNCH = "native:junggu-senior-lunch"
EVENT_CHANNEL = re.compile(r"/_event")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    errors: list[str] = []
    context.on("page", lambda page: page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}")))
    yield context
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _controlled(page: Page) -> None:
    page.wait_for_function(
        "() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=60_000
    )


def _axe_clean(page: Page, name: str) -> None:
    """No serious or critical axe-core violation, at the phone width and again at 200 % text."""
    for zoom in ("100%", "200%"):
        page.evaluate(f"() => {{ document.documentElement.style.fontSize = '{zoom}'; }}")
        results = Axe().run(page)
        bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, f"{name} at {zoom}: " + "; ".join(
            f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]} {v['nodes'][0].get('failureSummary', '')}"
            for v in bad
        )
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at {zoom} text"
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")


@pytest.mark.parametrize(("prefix", "stored"), [("", "대피소 96곳"), ("/en", "96 shelters")])
def test_the_offline_page_lists_the_shelters_the_safety_page_stored(
    context: BrowserContext, app: ServedApp, prefix: str, stored: str
) -> None:
    context.grant_permissions(["geolocation"], origin=app.url)
    context.set_geolocation(MYEONGDONG)
    page = context.new_page()
    page.goto(f"{app.url}{prefix}/safety")
    wait_hydrated(page)
    _controlled(page)
    page.wait_for_function("() => !!localStorage.getItem('naesone.facilities.v1')", timeout=30_000)
    context.set_offline(True)
    page.goto(f"{app.url}{prefix}/offline")
    expect(page.locator("#guide-data")).to_contain_text(stored, timeout=15_000)
    # the position is allowed, so the nearest five are listed at once, nearest first
    items = page.locator("#guide-list li")
    expect(items).to_have_count(5, timeout=15_000)
    metres = [float(items.nth(i).get_attribute("data-metres") or "inf") for i in range(5)]
    assert metres == sorted(metres)
    screenshot(page, f"{prefix.strip('/') or 'ko'}-offline-shelters")
    _axe_clean(page, f"{prefix}/offline")


@pytest.mark.parametrize(
    ("prefix", "heading", "loading"),
    [("", "인터넷 연결이 필요해요", "불러오는"), ("/en", "This page needs the internet", "Loading")],
)
def test_a_programme_page_offline_says_it_needs_the_network(
    context: BrowserContext, app: ServedApp, prefix: str, heading: str, loading: str
) -> None:
    page = context.new_page()
    page.goto(f"{app.url}{prefix}/")
    wait_hydrated(page)
    _controlled(page)
    context.set_offline(True)
    page.goto(f"{app.url}{prefix}/program?id={TOY_LIBRARY}")
    notice = page.locator("#needs-network")
    expect(notice.locator("h1")).to_have_text(heading, timeout=20_000)
    expect(notice.locator(f'a[href="{prefix}/offline"]')).to_be_visible()
    expect(notice.locator(f'a[href="{prefix}/safety"]')).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(loading)
    screenshot(page, f"{prefix.strip('/') or 'ko'}-program-offline")
    _axe_clean(page, f"{prefix}/program offline")
    # and the shelter guidance it points to answers offline
    notice.locator(f'a[href="{prefix}/offline"]').click()
    expect(page.locator("#shelter-guide")).to_be_attached(timeout=15_000)


def test_my_applications_offline_say_they_need_the_network(context: BrowserContext, app: ServedApp) -> None:
    page = context.new_page()
    page.goto(f"{app.url}/")
    wait_hydrated(page)
    _controlled(page)
    context.set_offline(True)
    page.goto(f"{app.url}/applications")
    expect(page.locator("#needs-network h2")).to_have_text("인터넷 연결이 필요해요", timeout=20_000)
    expect(page.locator("h1")).to_have_count(1)  # the page's own heading stays the only h1
    screenshot(page, "ko-applications-offline")


@pytest.mark.parametrize(
    ("prefix", "said", "not_said"),
    [("", "서버와 연결이 끊겼어요", "connection"), ("/en", "Connection to the server lost", "서버")],
)
def test_the_connection_notice_speaks_the_page_language(
    context: BrowserContext, app: ServedApp, prefix: str, said: str, not_said: str
) -> None:
    page = context.new_page()
    page.goto(f"{app.url}{prefix}/")
    wait_hydrated(page)
    _controlled(page)
    context.set_offline(True)  # the server is unreachable: the page comes from the worker's cache
    page.reload()
    notice = page.locator("#connection-notice")
    expect(notice).to_be_visible(timeout=30_000)
    expect(notice).to_contain_text(said)
    assert not_said not in notice.inner_text()
    assert notice.get_attribute("lang") == ("en" if prefix else "ko")
    screenshot(page, f"{prefix.strip('/') or 'ko'}-connection-notice")


@pytest.mark.parametrize(
    ("prefix", "title", "home", "check"),
    [("", "페이지를 찾을 수 없어요", "홈으로 가기", "나에게 맞는 혜택 찾기"),
     ("/en", "Page not found", "Go to the home page", "Find benefits for you")],
)  # fmt: skip
def test_an_unknown_address_is_a_translated_page_in_the_layout(
    context: BrowserContext, app: ServedApp, prefix: str, title: str, home: str, check: str
) -> None:
    assert httpx.get(f"{app.url}{prefix}/no-such-page").status_code == 404
    page = context.new_page()
    page.goto(f"{app.url}{prefix}/no-such-page")
    expect(page.locator("h1")).to_have_text(title, timeout=20_000)
    expect(page.locator("header .brand")).to_be_visible()
    expect(page.locator("nav.site-nav")).to_be_visible()
    expect(page.locator("#not-found-home")).to_have_text(home)
    expect(page.locator("#not-found-home")).to_have_attribute("href", prefix or "/")
    expect(page.locator("#not-found-check")).to_have_text(check)
    expect(page.locator("#not-found-check")).to_have_attribute("href", f"{prefix}/check")
    expect(page.locator("#not-found-safety")).to_have_attribute("href", f"{prefix}/safety")
    assert page.evaluate("() => document.querySelector('.page').lang") == ("en" if prefix else "ko")
    screenshot(page, f"{prefix.strip('/') or 'ko'}-404")
    _axe_clean(page, f"{prefix}/no-such-page")


class HeldBack:
    """Forwards the event channel both ways, but holds the server's frames from the first one that
    carries `marker` until released: the load of the page that `marker` belongs to is 'slow'."""

    def __init__(self, marker: str) -> None:
        self.marker = marker
        self.holding = False
        self.held: list[str | bytes] = []
        self.routes: list[WebSocketRoute] = []

    def route(self, ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()
        self.routes.append(ws)
        ws.on_message(server.send)
        server.on_message(lambda message: self._from_server(ws, message))

    def _from_server(self, ws: WebSocketRoute, message: str | bytes) -> None:
        text = message if isinstance(message, str) else message.decode("utf-8", "replace")
        if self.marker in text:
            self.holding = True
        if self.holding:
            self.held.append(message)
        else:
            ws.send(message)

    def release(self) -> None:
        self.holding = False
        for message in self.held:
            self.routes[-1].send(message)
        self.held.clear()


def test_a_programme_page_never_shows_another_programme_than_its_address(
    context: BrowserContext, app: ServedApp
) -> None:
    page = context.new_page()
    slow = HeldBack("Free lunch at senior community cafeterias")  # the English title of B
    page.route_web_socket(EVENT_CHANNEL, slow.route)
    page.goto(f"{app.url}/en/program?id={TOY_LIBRARY}")
    expect(page.locator("#program-title")).to_have_text("Jung-gu Toy Library", timeout=30_000)

    # same tab, same server state: until B's load answers, the state still holds A
    page.goto(f"{app.url}/en/program?id={SENIOR_LUNCH}")
    page.wait_for_function("() => !!window.sessionStorage.getItem('token')")
    page.wait_for_timeout(3000)  # the hydration has answered; B's own load is being held back
    assert slow.held, "the load of the named programme was never held back"
    assert "Jung-gu Toy Library" not in page.locator("main").inner_text()
    expect(page.locator("#page-loading")).to_be_visible()
    screenshot(page, "en-program-while-loading")

    slow.release()
    expect(page.locator("#program-title")).to_have_text(
        "Free lunch at senior community cafeterias", timeout=20_000
    )
