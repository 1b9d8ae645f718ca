"""A resident follows the link to apply on 복지로 through the app, tells us they applied, and the district
sees the use of the link. There is no internet here: the test sees the browser set off for 복지로 after the
app's redirect, and the tab then shows Chromium's network error."""

from __future__ import annotations

from playwright.sync_api import Browser, Request, expect

from tests.e2e.conftest import (
    ServedApp,
    db_account,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)

PASSWORD = "Long-Enough-Pass-1"
PENSION = "native:natl-basic-pension"


def test_resident_follows_the_link_and_reports_back(browser: Browser, app: ServedApp) -> None:
    account_id, token = db_account(app.db_url, "outbound@example.com", PASSWORD, profile={"age": 70})
    context = signed_in_context(browser, app.url, token)
    departures: list[Request] = []
    context.on("request", lambda r: departures.append(r) if "bokjiro.go.kr" in r.url else None)
    page = context.new_page()
    page.goto(f"{app.url}/program?id={PENSION}")
    wait_hydrated(page)
    link = page.locator("#apply-elsewhere")
    expect(link).to_contain_text("복지로에서 신청하기")
    assert link.get_attribute("href") == f"/api/go?id={PENSION}"
    with context.expect_page() as opened:
        link.click()
    elsewhere = opened.value
    elsewhere.wait_for_load_state()
    [departure] = departures
    assert departure.url.startswith("https://www.bokjiro.go.kr")
    assert departure.redirected_from is not None and "/api/go?id=" in departure.redirected_from.url
    elsewhere.close()
    ask = page.locator("#applied-elsewhere")
    expect(ask).to_be_visible()
    ask.get_by_role("button", name="신청했어요").click()
    expect(ask.get_by_role("status")).to_contain_text("신청했다고 기록했어요")
    screenshot(page, "ko-program-applied-elsewhere")
    rows = sqlite_rows(app.db_url, "SELECT program_key, reported FROM external_application WHERE account_id = ?",
                       account_id)  # fmt: skip
    assert rows == [(PENSION, "applied")]
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#applied-elsewhere button[aria-pressed='true']")).to_have_text("신청했어요")
    page.goto(f"{app.url}/applications")
    wait_hydrated(page)
    listed = page.locator("#applied-elsewhere-list li", has_text="기초연금")
    expect(listed).to_contain_text("복지로에서 신청")
    expect(listed).to_contain_text("신청했어요")
    screenshot(page, "ko-applications-elsewhere")
    context.close()

    _, staff_token = db_account(app.db_url, "outbound-clerk@junggu.test", PASSWORD, role="staff")
    staff = signed_in_context(browser, app.url, staff_token)
    staff_page = staff.new_page()
    staff_page.goto(f"{app.url}/staff")
    wait_hydrated(staff_page)
    row = staff_page.locator("#outbound-use tr", has_text="기초연금")
    expect(row).to_be_visible()
    screenshot(staff_page, "ko-staff-outbound")
    staff.close()
