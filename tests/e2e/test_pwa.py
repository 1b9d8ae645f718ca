"""The installable, offline-capable app: manifest, service worker, offline pages, update notice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, ServedApp, screenshot, wait_hydrated

BUILT = ROOT / ".web" / "build" / "client"


def _controlled(page: Page) -> None:
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null",
                           timeout=30_000)  # fmt: skip


def test_manifest_is_installable_with_every_icon(browser: Browser, app: ServedApp, tmp_path: Path) -> None:
    # a real profile: Chromium reports every incognito context as not installable
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    try:
        page = context.new_page()
        page.goto(app.url)
        wait_hydrated(page)
        _controlled(page)
        session = context.new_cdp_session(page)
        errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == [], errors
    finally:
        context.close()
    manifest = httpx.get(f"{app.url}/manifest.webmanifest").json()
    assert manifest["name"] == "내손에ON 중구" and manifest["display"] == "standalone"
    assert {"any", "maskable"} <= {icon["purpose"] for icon in manifest["icons"]}
    assert {s["url"].split("?")[0] for s in manifest["shortcuts"]} == {"/check", "/safety", "/feed"}
    for image in [*manifest["icons"], *manifest["screenshots"]]:
        response = httpx.get(app.url + image["src"])
        assert response.status_code == 200 and response.headers["content-type"] == "image/png", image["src"]


def test_security_and_cache_headers(app: ServedApp) -> None:
    page = httpx.get(f"{app.url}/check", follow_redirects=True)
    assert page.headers["cache-control"] == "no-cache"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    asset = re.search(r'src="(/assets/[^"]+\.js)"', page.text) or re.search(
        r'href="(/assets/[^"]+)"', page.text
    )
    assert asset
    assert (
        httpx.get(app.url + asset.group(1)).headers["cache-control"] == "public, max-age=31536000, immutable"
    )
    assert httpx.get(f"{app.url}/sw.js").headers["cache-control"] == "no-cache"


def test_offline_after_one_visit_even_pages_never_visited(browser: Browser, app: ServedApp) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(app.url)
    wait_hydrated(page)
    _controlled(page)
    context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("나에게 맞는 중구의 혜택을 한 번에")
    page.goto(f"{app.url}/en/programs?category=청년")  # never visited
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("header .brand")).to_have_text("Naesone ON Jung-gu")
    page.goto(f"{app.url}/offline")
    expect(page.locator("h1")).to_have_text("오프라인에서 볼 수 있는 정보")
    expect(page.locator("#offline-banner")).to_be_visible()
    screenshot(page, "ko-offline-page")
    context.close()


def test_offline_page_shows_the_saved_programmes(browser: Browser, app: ServedApp) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{app.url}/signup")
    wait_hydrated(page)
    page.fill("#login", "offline-reader@example.com")
    page.fill("#password", "Train-Without-Signal-7")
    page.fill("#password2", "Train-Without-Signal-7")
    page.check("#consent_account")
    page.click("#signup-submit")
    expect(page).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)
    page.goto(f"{app.url}/program?id=native:junggu-senior-lunch")
    wait_hydrated(page)
    page.locator("#save-program").click()
    expect(page.locator("#save-program")).to_have_attribute("aria-pressed", "true")
    page.goto(f"{app.url}/feed")
    expect(page.locator("#feed-saved article")).to_have_count(1, timeout=20_000)
    page.wait_for_function("() => !!localStorage.getItem('naesone.offline.v1')")
    _controlled(page)
    context.set_offline(True)
    page.goto(f"{app.url}/offline")
    expect(page.locator("#offline-saved li")).to_have_text(
        [re.compile(r"^경로식당 무료 점심 급식")], timeout=10_000
    )
    expect(page.locator("#offline-when")).to_be_visible()
    screenshot(page, "ko-offline-saved")
    context.set_offline(False)
    page.goto(f"{app.url}/feed")
    wait_hydrated(page)
    page.locator("#sign-out").click()
    page.wait_for_url(re.compile(r":\d+/?$"))
    assert page.evaluate("() => localStorage.getItem('naesone.offline.v1')") is None  # cleared on sign-out
    context.close()


def test_a_new_build_shows_the_update_notice(browser: Browser, app: ServedApp) -> None:
    worker, sidecar = BUILT / "sw.js", BUILT / "sw.js.gz"
    original, original_gz = worker.read_text(), sidecar.read_bytes() if sidecar.exists() else None
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(app.url)
        wait_hydrated(page)
        _controlled(page)
        expect(page.locator("#update-banner")).to_be_hidden()
        # a new deploy: the build writes a worker with another version
        worker.write_text(re.sub(r'const VERSION = "\w+"', 'const VERSION = "newbuild0001"', original))
        sidecar.unlink(missing_ok=True)
        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        expect(page.locator("#update-banner")).to_be_visible(timeout=30_000)
        screenshot(page, "ko-update-ready")
        page.locator("#update-button").click()
        page.wait_for_function(
            "() => navigator.serviceWorker.controller && caches.keys().then(() => true)", timeout=30_000
        )
    finally:
        worker.write_text(original)
        if original_gz is not None:
            sidecar.write_bytes(original_gz)
        context.close()


def test_the_worker_never_caches_the_event_channel_or_sessions() -> None:
    source = (BUILT / "sw.js").read_text()
    network_only = json.loads(re.search(r"const NETWORK_ONLY = (\[.*?\]);", source).group(1))
    assert {"/_event", "/api/session"} <= set(network_only)
    assert Path(ROOT / "naesone_app" / "pwa.py").exists()
