"""A poster's QR on a phone: the landing page, checking benefits, signing up — and the anonymous counts.

The QR is written by `naesone campaigns qr` and decoded with a real decoder; the browser opens what the
code says. The staff page creates a campaign with programmes and hands out the same print files.
"""

from __future__ import annotations

import io
import re
import subprocess
import uuid
from pathlib import Path

import pytest
import zxingcpp
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import (
    BIN,
    ROOT,
    ServedApp,
    _env,
    db_account,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)
from tests.e2e.test_accounts import PASSWORD, _answer_a_few_questions
from tests.e2e.test_applying import FIRE_KIT

RUNNING, ENDED = "sindang-2027", "summer-event-2026"
DESKTOP = {"width": 1280, "height": 900}


def _naesone(app: ServedApp, *args: str) -> subprocess.CompletedProcess:
    env = _env(app.db_url, 0) | {"NAESONE_PUBLIC_URL": app.url}
    return subprocess.run([str(BIN / "naesone"), *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)  # fmt: skip


@pytest.fixture(scope="module")
def campaigns(app: ServedApp) -> None:
    """A running campaign and one that ended in June, made with the CLI as the district would."""
    for args in (("--slug", RUNNING, "--title", "신당동 주민 혜택 지도", "--from", "2026-01-01"),
                 ("--slug", ENDED, "--title", "6월 이용자 행사", "--from", "2026-06-01", "--until", "2026-06-30")):  # fmt: skip
        done = _naesone(app, "campaigns", "create", *args)
        assert done.returncode == 0 or "already" in done.stderr, done.stderr


def _qr_url(app: ServedApp, tmp_path: Path, src: str) -> str:
    out = tmp_path / f"{src}.png"
    done = _naesone(app, "campaigns", "qr", RUNNING, "--format", "png", "--out", str(out), "--src", src)
    assert done.returncode == 0, done.stderr
    [code] = zxingcpp.read_barcodes(Image.open(out))
    return code.text


def _steps(app: ServedApp, slug: str, placement: str) -> dict[str, int]:
    rows = sqlite_rows(app.db_url, "SELECT step, SUM(count) FROM campaign_count JOIN campaign ON campaign.id = "
                       "campaign_count.campaign_id WHERE slug = ? AND placement = ? GROUP BY step", slug, placement)  # fmt: skip
    return dict(rows)


def _sign_up(page: Page, url: str, login: str, found_via: bool) -> None:
    page.goto(f"{url}/signup")
    wait_hydrated(page)
    page.locator("#login").fill(login)
    page.locator("#password").fill(PASSWORD)
    page.locator("#password2").fill(PASSWORD)
    page.locator("#name").fill("최신당")  # who applies: asked once, here, so the first application need not
    page.locator("#birth_date").fill("1980-05-06")
    page.locator("#consent_account").check()
    page.locator("#consent_campaign_source").set_checked(found_via)
    page.locator("#signup-submit").click()
    expect(page).to_have_url(re.compile(r"/feed/?$"), timeout=20_000)


def _arrival(app: ServedApp, login: str) -> list[tuple]:
    return sqlite_rows(app.db_url, "SELECT campaign_slug, placement FROM campaign_arrival JOIN account ON "
                       "account.id = campaign_arrival.account_id WHERE login = ?", login)  # fmt: skip


def test_scan_check_and_sign_up_on_a_phone(
    page: Page, app: ServedApp, campaigns: None, tmp_path: Path
) -> None:
    url = _qr_url(app, tmp_path, "sindang-centre")
    assert url == f"{app.url}/c/{RUNNING}?src=sindang-centre"
    page.goto(url)
    wait_hydrated(page)
    expect(page.locator("#campaign-title")).to_have_text("신당동 주민 혜택 지도")
    expect(page.locator("#campaign-action")).to_have_text("내 혜택 확인하기")
    screenshot(page, "ko-campaign-landing-phone")
    page.reload()  # never another visit of this tab; another scan only if the server is asked
    wait_hydrated(page)
    expect(page.locator("#campaign-title")).to_be_visible()
    scans = _steps(app, RUNNING, "sindang-centre")["scan"]
    # the reload reaches the server (a scan) unless the service worker, installed by the first load,
    # already serves the page from its cache: which one depends on when it took control
    assert scans in (1, 2) and _steps(app, RUNNING, "sindang-centre") == {"scan": scans, "visit": 1}

    page.locator("#campaign-action").click()
    expect(page).to_have_url(re.compile(r"/check/?$"))
    _answer_a_few_questions(page, app.url)
    page.goto(f"{app.url}/results")
    wait_hydrated(page)
    expect(page.locator("#results-eligible article").first).to_be_visible(timeout=20_000)
    login = f"scan{uuid.uuid4().hex[:8]}@example.com"
    _sign_up(page, app.url, login, found_via=True)

    steps = _steps(app, RUNNING, "sindang-centre")
    assert steps == {"scan": scans, "visit": 1, "screening": 1, "signup": 1}, steps
    assert _arrival(app, login) == [(RUNNING, "sindang-centre")]

    page.goto(f"{app.url}/apply?id={FIRE_KIT}")  # and applies, in the same tab
    wait_hydrated(page)
    page.locator("#field-dong").select_option("신당동")
    page.locator("#field-household_size").fill("1")
    page.locator("#field-phone").fill("010-2345-6789")
    page.locator("#field-phone").blur()
    page.wait_for_timeout(1200)
    page.locator("#submit-application").click()
    expect(page.locator("#submitted-title")).to_have_text("제출되었어요", timeout=15_000)
    steps = _steps(app, RUNNING, "sindang-centre")
    assert steps == {"scan": scans, "visit": 1, "screening": 1, "signup": 1, "application": 1}, steps
    # the count table names no one: campaign, placement, day, step and a number
    assert [c[1] for c in sqlite_rows(app.db_url, "PRAGMA table_info(campaign_count)")] == [
        "id", "campaign_id", "placement", "day", "step", "count"
    ]  # fmt: skip


def test_a_resident_who_did_not_consent_is_counted_never_named(
    page: Page, app: ServedApp, campaigns: None, tmp_path: Path
) -> None:
    page.goto(_qr_url(app, tmp_path, "danurim-map-p3"))
    wait_hydrated(page)
    expect(page.locator("#campaign-title")).to_be_visible()
    login = f"quiet{uuid.uuid4().hex[:8]}@example.com"
    _sign_up(page, app.url, login, found_via=False)
    assert _steps(app, RUNNING, "danurim-map-p3") == {"scan": 1, "visit": 1, "signup": 1}
    assert _arrival(app, login) == []


def test_an_ended_campaign_says_so_and_leads_to_the_benefit_check(
    page: Page, app: ServedApp, campaigns: None
) -> None:
    page.goto(f"{app.url}/c/{ENDED}")
    wait_hydrated(page)
    expect(page.locator("#campaign-ended")).to_contain_text("끝났어요")
    expect(page.locator("#campaign-action")).to_have_attribute("href", "/check")
    screenshot(page, "ko-campaign-ended-phone")
    page.goto(f"{app.url}/en/c/{ENDED}")
    wait_hydrated(page)
    expect(page.locator("#campaign-ended")).to_contain_text("ended")
    expect(page.locator("#campaign-action")).to_have_attribute("href", "/en/check")


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_an_unknown_campaign_is_the_translated_404(page: Page, app: ServedApp, prefix: str) -> None:
    page.goto(f"{app.url}{prefix}/c/no-such-campaign")
    wait_hydrated(page)
    expect(page.locator("#not-found-title")).to_have_text(
        "Page not found" if prefix else "페이지를 찾을 수 없어요"
    )


def test_staff_create_a_campaign_with_programmes_and_download_its_qr(
    browser: Browser, app: ServedApp, tmp_path: Path
) -> None:
    _, token = db_account(app.db_url, f"editor{uuid.uuid4().hex[:8]}@example.com", PASSWORD, role="admin")
    context = signed_in_context(browser, app.url, token)
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        page.set_viewport_size(DESKTOP)
        page.goto(f"{app.url}/staff/campaigns")
        wait_hydrated(page)
        form = page.locator("#campaign-form")
        form.locator("#slug").fill("Bad Slug")
        form.locator("#title").fill("어르신 혜택")
        form.locator("#campaign-create").click()
        expect(page.locator("#slug-error")).to_be_visible()
        form.locator("#slug").fill("seniors-2027")
        form.locator("#text").fill("65세 이상 어르신이 받을 수 있는 혜택을 모았어요.")
        form.locator("#programmes").fill("native:junggu-senior-lunch, native:junggu-longevity-gift")
        form.locator("#action").select_option("signup")
        form.locator("#campaign-create").click()
        expect(page.locator("#campaign-notice")).to_contain_text("seniors-2027")
        expect(page.locator("#campaign-seniors-2027")).to_be_visible()
        screenshot(page, "ko-staff-campaigns-desktop")
        download = page.request.get(
            f"{app.url}/api/campaigns/qr?slug=seniors-2027&format=png&src=jung-gu-office"
        )
        assert download.ok, download.text()
        [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(download.body())))
        assert code.text.endswith("/c/seniors-2027?src=jung-gu-office")

        page.goto(f"{app.url}/c/seniors-2027")
        wait_hydrated(page)
        expect(page.locator("#campaign-programmes article")).to_have_count(2)
        page.set_viewport_size({"width": 390, "height": 844})
        screenshot(page, "ko-campaign-programmes-phone")
        expect(page.locator("#campaign-action")).to_have_attribute("href", "/check")  # signed in already
    finally:
        context.close()
    resident = browser.new_context()
    try:
        assert resident.request.get(f"{app.url}/api/campaigns/qr?slug=seniors-2027&format=png").status == 403
    finally:
        resident.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("locale", ["ko", "en"])
def test_the_landing_has_no_serious_accessibility_violation(
    page: Page, app: ServedApp, campaigns: None, locale: str, size: str
) -> None:
    if size == "desktop":
        page.set_viewport_size(DESKTOP)
    page.goto(f"{app.url}{'/en' if locale == 'en' else ''}/c/{RUNNING}")
    wait_hydrated(page)
    page.locator("#campaign-title").wait_for()
    screenshot(page, f"{locale}-campaign-landing-{size}")
    results = Axe().run(page)
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]  # fmt: skip
    assert not serious, "\n".join(serious)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    screenshot(page, f"{locale}-campaign-landing-{size}-200pct")
    assert overflow <= 1, f"the landing scrolls sideways by {overflow}px at 200% text"
    at_200 = [
        v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert not at_200, at_200
