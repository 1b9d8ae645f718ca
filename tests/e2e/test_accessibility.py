"""axe-core finds no serious or critical violation on any page, in Korean and in English."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.e2e.conftest import ServedApp, screenshot, wait_hydrated

PAGES = {
    "home": "/",
    "questionnaire": "/check",
    "results": "/results",
    "program": "/program?id=native:junggu-senior-lunch",
    "browse": "/programs?category=어르신",
    "classes": "/classes",
    "course": "/course?id=sample-2027Q1-1114052000-2",
}


@pytest.mark.parametrize("locale", ["ko", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_violation(page: Page, app: ServedApp, name: str, locale: str) -> None:
    prefix = "" if locale == "ko" else "/en"
    path = PAGES[name]
    page.goto(f"{app.url}{prefix}{path if path != '/' or not prefix else ''}")
    wait_hydrated(page)
    if name == "program":
        page.locator("#program-title").wait_for()
    if name == "course":
        page.locator("#course-title").wait_for()
    screenshot(page, f"{locale}-{name}")
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("name", list(PAGES))
def test_fits_a_360px_phone_at_200_percent_text(page: Page, app: ServedApp, name: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{app.url}{PAGES[name]}")
    wait_hydrated(page)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    if name in ("home", "questionnaire"):
        screenshot(page, f"ko-{name}-360px-200pct")
    assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at 360px and 200% text"
