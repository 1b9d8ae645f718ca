"""The applicant, verified as far as the app can (issue 12): a resident signs up with her name, applies
and imports her MyData documents; the officer sees her name, 생년월일 (and age), 동 and phone beside what
the documents state, with the birth date she typed marked as differing from them."""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import (
    ServedApp,
    db_account,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)
from tests.e2e.test_applying import PASSWORD, serious

LUNCH = "native:junggu-senior-lunch"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_hydrated(page)


def _sign_up_with_name(page: Page, app: ServedApp, login: str) -> None:
    _open(page, f"{app.url}/signup?next=" + quote(f"/apply?id={LUNCH}", safe=""))
    page.locator("#login").fill(login)
    page.locator("#password").fill(PASSWORD)
    page.locator("#password2").fill(PASSWORD)
    page.locator("#name").fill("김영순")
    page.locator("#birth_date").fill("1954-03-02")  # the documents say 1959-04-02
    page.locator("#address").fill("중구 다산로 000, 000호")
    page.locator("#dong").select_option("신당동")
    page.locator("#phone").fill("010-2222-7272")
    page.locator("#consent_account").check()
    page.locator("#consent_sensitive_profile").check()
    page.locator("#identity-fields").scroll_into_view_if_needed()
    screenshot(page, "applicant-ko-signup-390")
    assert serious(page) == [], serious(page)
    page.locator("#signup-submit").click()


def test_a_resident_signs_up_with_her_name_and_the_officer_sees_who_applied(
    browser: Browser, app: ServedApp
) -> None:
    login = f"applicant{uuid.uuid4().hex[:8]}@example.com"
    context = browser.new_context(locale="ko-KR", viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # a wrong phone at sign-up is named, and the rest is kept to correct
    _open(page, f"{app.url}/signup")
    page.locator("#login").fill(login)
    page.locator("#password").fill(PASSWORD)
    page.locator("#password2").fill(PASSWORD)
    page.locator("#phone").fill("12345")
    page.locator("#consent_account").check()
    page.locator("#signup-submit").click()
    expect(page.locator("#name-error")).to_contain_text("이름")  # a phone without a name: the name first
    assert not sqlite_rows(app.db_url, "SELECT id FROM account WHERE login = ?", login)

    _sign_up_with_name(page, app, login)
    page.wait_for_url(re.compile(r"/apply/?\?id=native"), timeout=30_000)
    wait_hydrated(page)
    # asked once: the form does not ask again, it says who applies
    expect(page.locator("#applicant-summary")).to_have_text("김영순 · 1954-03-02", timeout=15_000)
    expect(page.locator("#identity-form")).to_have_count(0)

    page.locator("#field-birth_date").fill("1954-03-02")
    page.locator("#field-dong").select_option("신당동")
    page.locator("#field-phone").fill("010-2222-7272")
    page.locator("#field-meal").select_option("cafeteria")
    page.locator("#field-meal").blur()
    page.wait_for_timeout(1200)

    # MyData: one consent names every document this form can use; one import brings them
    expect(page.locator("#docs-evidence")).to_contain_text("기초생활수급자 증명서·차상위계층 확인서")
    page.locator("#mydata-consent").click()
    expect(page.locator("#mydata-consented")).to_contain_text("동의함")
    page.locator("#mydata-import").click()
    expect(page.locator("#mydata-notice")).to_contain_text("주민등록표등본", timeout=15_000)
    expect(page.locator("#mydata-notice")).to_contain_text("차상위계층 확인서")
    expect(page.locator("#doc-livelihood_proof")).to_contain_text("마이데이터로 가져옴")
    expect(page.locator("#field-birth_date")).to_have_value("1954-03-02")  # what she typed stays hers
    page.locator("#docs-evidence").scroll_into_view_if_needed()
    screenshot(page, "applicant-ko-apply-imported-390")
    assert serious(page) == [], serious(page)
    page.locator("#submit-application").click()
    expect(page.locator("#submitted-title")).to_have_text("제출되었어요", timeout=15_000)
    [(application_id,)] = sqlite_rows(
        app.db_url,
        "SELECT application.id FROM application JOIN account ON account.id = application.account_id "
        "WHERE account.login = ?",
        login,
    )

    # the officer of the department: who applied, and where the documents disagree
    _, staff_token = db_account(app.db_url, f"senior{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD,
                                role="staff", department="어르신복지과")  # fmt: skip
    staff_context = signed_in_context(browser, app.url, staff_token)
    staff = staff_context.new_page()
    staff.set_viewport_size(DESKTOP)
    _open(staff, f"{app.url}/staff/application?id={application_id}")
    block = staff.locator("#applicant")
    expect(block).to_contain_text("신청한 분", timeout=15_000)
    expect(staff.locator("#applicant-name")).to_contain_text("김영순")
    expect(staff.locator("#applicant-name")).to_contain_text("서류로 확인됨 (주민등록표등본)")
    birth = staff.locator("#applicant-birth_date")
    expect(birth).to_contain_text(re.compile(r"1954-03-02 \(만 7\d세\)"))
    expect(birth.locator(".identity-differs").first).to_have_text(
        "⚠ 서류와 다름: 서류 1959-04-02 (주민등록표등본)"
    )
    expect(staff.locator("#applicant-dong")).to_contain_text("신당동")
    expect(staff.locator("#applicant-dong")).to_contain_text("서류로 확인됨")
    expect(staff.locator("#applicant-phone a")).to_have_attribute("href", "tel:01022227272")
    expect(staff.locator("#applicant-moved_in_on")).to_contain_text("주민등록표등본: 2025-11-01")
    expect(staff.locator("#evidence")).to_contain_text("차상위계층")
    screenshot(staff, "applicant-ko-staff-desktop")
    assert serious(staff) == [], serious(staff)
    staff.set_viewport_size(PHONE)
    block.scroll_into_view_if_needed()
    screenshot(staff, "applicant-ko-staff-390")
    overflow = staff.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the staff page scrolls sideways by {overflow}px at 390px"
    _open(staff, f"{app.url}/en/staff/application?id={application_id}")
    expect(staff.locator("#applicant-birth_date")).to_contain_text(
        "⚠ Differs from the document: document says 1959-04-02", timeout=15_000
    )
    screenshot(staff, "applicant-en-staff-390")
    assert serious(staff) == [], serious(staff)

    # she sees and corrects it on her account; a bad value is named
    page.set_viewport_size(PHONE)
    _open(page, f"{app.url}/account")
    form = page.locator("#identity-form")
    expect(form.locator("#name")).to_have_value("김영순", timeout=15_000)
    expect(form.locator("#phone")).to_have_value("010-2222-7272")
    form.locator("#birth_date").fill("1959-04-02")
    form.locator("#phone").fill("02-123")
    page.locator("#identity-save").click()
    expect(page.locator("#phone-error")).to_contain_text("010-1234-5678")
    form.locator("#phone").fill("010-2222-7373")
    page.locator("#identity-save").click()
    expect(page.locator("#identity-notice")).to_have_text("내 정보를 저장했어요.", timeout=15_000)
    expect(form.locator("#phone")).to_have_value("010-2222-7373")
    form.scroll_into_view_if_needed()
    screenshot(page, "applicant-ko-account-390")
    assert serious(page) == [], serious(page)
    _open(staff, f"{app.url}/staff/application?id={application_id}")
    expect(staff.locator("#applicant-birth_date")).to_contain_text("서류로 확인됨", timeout=15_000)
    assert errors == []


def test_the_first_application_asks_who_applies_in_english_at_200_percent(
    browser: Browser, app: ServedApp
) -> None:
    _, token = db_account(app.db_url, f"noname{uuid.uuid4().hex[:8]}@example.com", PASSWORD,
                          profile={"birth_date": "1948-10-09"}, identity=None)  # fmt: skip
    context = signed_in_context(browser, app.url, token, locale="en-US")
    page = context.new_page()
    page.set_viewport_size(PHONE)
    _open(page, f"{app.url}/en/apply?id={LUNCH}")
    form = page.locator("#identity-form")
    expect(form).to_contain_text("Your name and date of birth are required", timeout=15_000)
    expect(form.locator("#birth_date")).to_have_value("1948-10-09")  # from her profile
    page.locator("#submit-application").click()
    expect(page.get_by_text("Please save the applicant’s name and date of birth first.")).to_be_visible()
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(200)
    form.scroll_into_view_if_needed()
    screenshot(page, "applicant-en-apply-identity-390-200pct")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the apply page scrolls sideways by {overflow}px"
    assert serious(page) == [], serious(page)
    form.locator("#name").fill("Nguyen Thi Lan")
    page.locator("#identity-save").click()
    expect(page.locator("#applicant-summary")).to_have_text("Nguyen Thi Lan · 1948-10-09", timeout=15_000)
