"""The officer's desk administered (issue 12): an admin creates a staff account with a department from the
select; the new officer signs in, must replace the temporary password before any staff page, then sees the
staff menu (not a resident's); the admin disables the account and the officer's open session stops
working. Every staff page touched here has no serious axe violation (ko, en; desktop; 200 % text)."""

from __future__ import annotations

import re
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import (
    ServedApp,
    db_account,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)

PASSWORD = "Sindang-Spring-2026"
TEMPORARY = "Temporary-Pass-4817"
OWN = "Chungmu-Evening-2026"
KST_MOMENT = re.compile(r"^\d{4}\. \d{1,2}\. \d{1,2}\. \d{2}:\d{2}$")


def _serious(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _menu(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("nav.site-nav li").all_inner_texts()]


def _desktop(browser: Browser, app: ServedApp, token: str | None = None, locale: str = "ko-KR"):
    if token is not None:
        context = signed_in_context(browser, app.url, token, locale=locale)
    else:
        context = browser.new_context(locale=locale)
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    return context, page


def test_admin_creates_an_officer_who_changes_the_password_and_is_disabled(
    browser: Browser, app: ServedApp
) -> None:
    tag = uuid.uuid4().hex[:8]
    admin_id, admin_token = db_account(app.db_url, f"desk-admin{tag}@junggu.example", PASSWORD, role="admin")
    login = f"zq{tag}@junggu.example"  # masked "zq***@…": no other test makes a zq… officer

    # the admin creates the account: the department is a select of the district's departments
    admin_context, admin = _desktop(browser, app, admin_token)
    admin.goto(f"{app.url}/staff/accounts")
    wait_hydrated(admin)
    department = admin.locator("#department")
    expect(department.locator("option", has_text="복지국 · 어르신복지과")).to_have_count(1)
    expect(department.locator("option", has_text="신당동 주민센터")).to_have_count(1)
    admin.locator("#create-staff").click()  # nothing chosen: told next to the select
    expect(admin.locator("#department-error")).to_be_visible()
    admin.locator("#login").fill(login)
    admin.locator("#password").fill(TEMPORARY)
    department.select_option("어르신복지과")
    admin.locator("#role").select_option("staff")
    admin.locator("#create-staff").click()
    expect(admin.locator("#staff-admin-status")).to_contain_text("직원 계정을 만들었습니다")
    row = admin.locator("#officers tbody tr", has_text="zq***@junggu.example")
    expect(row).to_contain_text("어르신복지과")
    expect(row).to_contain_text("임시 비밀번호")
    screenshot(admin, "ko-desk-admin-accounts")
    assert sqlite_rows(app.db_url, "SELECT role, department, must_change_password FROM account WHERE login = ?",
                       login) == [("staff", "어르신복지과", 1)]  # fmt: skip

    # the officer signs in and is sent to set a password before anything else
    officer_context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    officer_context.set_default_timeout(20_000)
    officer = officer_context.new_page()
    officer.goto(f"{app.url}/login")
    wait_hydrated(officer)
    officer.locator("#login").fill(login)
    officer.locator("#password").fill(TEMPORARY)
    officer.locator("#login-submit").click()
    expect(officer).to_have_url(re.compile(r"/staff/password/?$"))
    expect(officer.locator("#password-due")).to_be_visible()
    expect(officer.locator("nav.site-nav")).to_contain_text("비밀번호 변경")
    assert "업무 대기열" not in _menu(officer) and "내 신청" not in " ".join(_menu(officer))
    screenshot(officer, "ko-desk-admin-password-due")
    assert _serious(officer) == []
    officer.goto(f"{app.url}/staff")  # no staff page before the change
    expect(officer).to_have_url(re.compile(r"/staff/password/?$"))
    wait_hydrated(officer)
    officer.locator("#current").fill(TEMPORARY)
    officer.locator("#password").fill(OWN)
    officer.locator("#password2").fill(OWN)
    officer.locator("#staff-password-submit").click()
    expect(officer).to_have_url(re.compile(r"/staff/?$"))
    expect(officer.locator("#my-department")).to_contain_text("어르신복지과")

    # the staff menu: an officer's items, not a resident's
    nav = officer.locator("nav.site-nav")
    for item in ("직원 화면", "업무 대기열", "강좌 관리", "비밀번호 변경", "로그아웃"):
        expect(nav).to_contain_text(item)
    menu = " ".join(_menu(officer))
    for resident_item in ("내 신청", "알림", "내 강좌", "내 피드", "직원 관리", "감사 기록"):
        assert resident_item not in menu, (resident_item, menu)
    expect(nav.locator("a[aria-current='page']")).to_have_text("직원 화면")
    expect(officer.locator("#resident-browser")).to_have_count(0)  # the browser is for admins
    screenshot(officer, "ko-desk-admin-officer-desk")
    assert sqlite_rows(app.db_url, "SELECT must_change_password FROM account WHERE login = ?", login) == [
        (0,)
    ]

    # the admin disables the account: the officer's open page stops working at the next step
    admin.reload()
    wait_hydrated(admin)
    row = admin.locator("#officers tbody tr", has_text="zq***@junggu.example")
    expect(row).to_contain_text("사용 중")
    row.get_by_role("button", name="사용 중지").click()
    expect(admin.locator("#staff-admin-status")).to_contain_text("계정 사용을 중지했습니다")
    expect(row).to_contain_text("중지됨")
    expect(row.locator("td").nth(4)).to_have_text(KST_MOMENT)  # last sign-in, in Seoul time
    officer.locator("nav.site-nav a", has_text="업무 대기열").click()
    expect(officer).not_to_have_url(re.compile(r"/staff"))
    wait_hydrated(officer)
    expect(officer.locator("nav.site-nav")).to_contain_text("로그인")
    officer.goto(f"{app.url}/staff")
    expect(officer).not_to_have_url(re.compile(r"/staff"))
    assert sqlite_rows(app.db_url, "SELECT count(*) FROM login_session s JOIN account a ON a.id = s.account_id "
                                   "WHERE a.login = ? AND s.revoked_at IS NULL AND s.kind = 'browser'", login) == [(0,)]  # fmt: skip
    officer_context.close()

    # the audit log, in Seoul time
    admin.goto(f"{app.url}/staff/audit")
    wait_hydrated(admin)
    log = admin.locator("#audit-log tbody")
    expect(log).to_contain_text("직원 계정 사용 중지")
    expect(log).to_contain_text("임시 비밀번호를 바꿈")
    expect(log).to_contain_text("직원 계정 만듦")
    assert KST_MOMENT.match(log.locator("tr td").first.inner_text().strip())
    screenshot(admin, "ko-desk-admin-audit")
    admin_context.close()
    actions = sqlite_rows(app.db_url, "SELECT action FROM audit_log WHERE actor_id = ? ORDER BY id", admin_id)
    assert [a for (a,) in actions][-2:] == ["admin.created_staff", "admin.disabled_staff"]


PAGES = {
    "accounts": "/staff/accounts",
    "audit": "/staff/audit",
    "password": "/staff/password",
    "desk": "/staff",
}


@pytest.fixture(scope="module")
def admin_token(app: ServedApp) -> str:
    tag = uuid.uuid4().hex[:8]
    db_account(app.db_url, f"axe-clerk{tag}@junggu.example", PASSWORD, role="staff", department="노인복지팀")
    db_account(app.db_url, f"axe-resident{tag}@example.com", PASSWORD, profile={"age": 71})
    _, token = db_account(app.db_url, f"axe-admin{tag}@junggu.example", PASSWORD, role="admin")
    return token


@pytest.mark.parametrize("locale", ["ko", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_staff_admin_pages_have_no_serious_violation_at_desktop_and_200_percent(
    browser: Browser, app: ServedApp, admin_token: str, name: str, locale: str
) -> None:
    context, page = _desktop(browser, app, admin_token, "ko-KR" if locale == "ko" else "en-US")
    prefix = "" if locale == "ko" else "/en"
    page.goto(f"{app.url}{prefix}{PAGES[name]}")
    wait_hydrated(page)
    page.locator("main h1").first.wait_for()
    if name == "accounts":
        expect(page.locator("#unknown-departments")).to_contain_text("노인복지팀")  # reported, not changed
        page.locator("#officers tbody tr", has_text="노인복지팀").get_by_role("button").nth(1).click()
        expect(page.locator("#change-staff-form")).to_be_visible()
    if name == "desk":
        page.locator("#purpose").select_option("error_check")
        page.locator("#purpose_text").fill("screen check")
        page.locator("#resident-search").click()
        expect(page.locator("#residents tbody tr").first).to_be_visible()
    page.wait_for_timeout(300)
    screenshot(page, f"{locale}-desk-admin-{name}")
    serious = _serious(page)
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    serious += [f"at 200 %: {v}" for v in _serious(page)]
    screenshot(page, f"{locale}-desk-admin-{name}-200pct")
    context.close()
    assert not serious, "\n".join(serious)
