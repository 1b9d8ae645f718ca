"""Issue 10: staff of the responsible department see, on /staff, the programmes whose application window is
from a past year (residents see them as closed), in Korean and English, with no serious axe violation."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import ServedApp, db_account, screenshot, signed_in_context, wait_hydrated

PASSWORD = "Long-Enough-Pass-1"
HEATING = (
    "중구 취약가구 냉난방비 지원"  # Gov24 sample, 서울특별시 중구 복지정책과, 신청기한 2025.11.3. ~ 11.28.
)


def _serious(page) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_department_sees_its_stale_windows(browser: Browser, app: ServedApp) -> None:
    _, token = db_account(
        app.db_url, "stale-clerk@junggu.test", PASSWORD, role="staff", department="복지정책과"
    )
    context = signed_in_context(browser, app.url, token)
    page = context.new_page()
    page.goto(f"{app.url}/staff")
    wait_hydrated(page)
    row = page.locator("#stale-windows li", has_text=HEATING)
    expect(row).to_be_visible(timeout=20_000)
    expect(row).to_contain_text("2025. 11. 3. ~ 2025. 11. 28.")
    expect(page.get_by_text("신청 기간이 지난 해 것이에요 — 새 기간을 입력해 주세요")).to_be_visible()
    row.scroll_into_view_if_needed()
    screenshot(page, "ko-staff-stale-windows")
    assert not _serious(page)
    context.close()

    _, other = db_account(app.db_url, "flood-clerk@junggu.test", PASSWORD, role="staff", department="치수과")
    context = signed_in_context(browser, app.url, other, locale="en-US")
    page = context.new_page()
    page.goto(f"{app.url}/en/staff")
    wait_hydrated(page)
    expect(page.locator("#no-stale-windows")).to_have_text(
        "No programme has a past year's application period."
    )
    context.close()

    _, admin = db_account(app.db_url, "stale-admin@junggu.test", PASSWORD, role="admin", department="")
    context = signed_in_context(browser, app.url, admin, locale="en-US")
    page = context.new_page()
    page.goto(f"{app.url}/en/staff")
    wait_hydrated(page)
    row = page.locator("#stale-windows li", has_text=HEATING)
    expect(row).to_contain_text("Nov 3, 2025 ~ Nov 28, 2025")
    expect(page.get_by_role("heading", name="Programmes that need new application dates")).to_be_visible()
    row.scroll_into_view_if_needed()
    screenshot(page, "en-staff-stale-windows")
    assert not _serious(page)
    context.close()
