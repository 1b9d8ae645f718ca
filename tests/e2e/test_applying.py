"""Applying, as residents walk it at 390×844 (issue 10): the 34-year-old mother finds how to apply for
district programmes (the office with address, hours, a tel: phone and a map; the in-app mark), signs up
from 온라인 신청 and comes back to the form, submits and gets a 접수번호 and processing time, and finds
her application instead of a blank form afterwards; sign-up errors are in view and focused; the
72-year-old on 기초생활수급 registers for a class and reads what she pays, by when, and where."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from sqlmodel import select

from naesone_app.db.class_models import ClassCentre, Course
from naesone_app.db.engine import transaction
from tests.e2e.conftest import (
    ServedApp,
    db_account,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)

PASSWORD = "Sindang-Spring-2026"
MOTHER = {"birth_date": "1992-05-14", "sex": "female", "lives_in_junggu": True, "dong": "신당동",
          "household_size": 3, "children": [{"birth_date": "2025-10-02"}]}  # fmt: skip
ELDER = {"birth_date": "1954-03-09", "lives_in_junggu": True, "dong": "회현동", "household_size": 1,
         "livelihood": "recipient"}  # fmt: skip
FIRE_KIT = "native:junggu-fire-safety-kit"


def serious(page: Page) -> list[str]:
    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in found
            if v["impact"] in ("serious", "critical")]  # fmt: skip


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_hydrated(page)


def test_district_programmes_show_their_office_and_every_number_dials(
    browser: Browser, app: ServedApp
) -> None:
    for locale, prefix in (("ko", ""), ("en", "/en")):
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale=f"{locale}-KR")
        page = context.new_page()
        _open(page, f"{app.url}{prefix}/program?id=native:junggu-youth-cert-fee")  # 중구청, no in-app form
        office = page.locator("#office")
        expect(office).to_contain_text("중구청" if locale == "ko" else "Jung-gu Office")
        expect(office).to_contain_text("창경궁로 17" if locale == "ko" else "Changgyeonggung-ro")
        expect(office).to_contain_text("09:00")
        expect(office.locator("a[href='tel:0233964114']")).to_have_text("02-3396-4114")
        expect(office.locator("a[href^='https://map.kakao.com/?q=']")).to_be_visible()
        expect(page.locator(".contact-text a[href^='tel:']").first).to_be_visible()  # 문의: the number dials
        expect(page.locator("#apply-online")).to_have_count(0)
        expect(page.locator(".site-footer a[href='tel:120']")).to_have_text(
            "120"
        )  # the footer's lines dial too
        office.scroll_into_view_if_needed()
        screenshot(page, f"{locale}-applying-office-district")
        assert serious(page) == []

        # 주소지 동 주민센터 while the 동 is unknown: the 15 centres, addresses honestly not yet recorded
        _open(page, f"{app.url}{prefix}/program?id=native:junggu-birth-support")
        centres = page.locator("#office details")
        centres.locator("summary").click()
        expect(centres.locator(".office-card")).to_have_count(15)
        expect(centres).to_contain_text("예시 데이터" if locale == "ko" else "Sample data")
        screenshot(page, f"{locale}-applying-office-dong-list")
        assert serious(page) == []
        context.close()

    # signed in with her 동 stored: just her own centre
    _, token = db_account(app.db_url, f"mom{uuid.uuid4().hex[:8]}@example.com", PASSWORD, profile=MOTHER)
    context = signed_in_context(browser, app.url, token)
    page = context.new_page()
    _open(page, f"{app.url}/program?id=native:junggu-birth-support")
    expect(page.locator("#office-name")).to_have_text("신당동 주민센터")
    expect(page.locator("#office details")).to_have_count(0)
    context.close()


def test_the_mother_signs_up_from_the_form_applies_once_and_gets_a_receipt(
    browser: Browser, app: ServedApp
) -> None:
    login = f"mom{uuid.uuid4().hex[:8]}@example.com"
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    page = context.new_page()
    _open(page, f"{app.url}/program?id={FIRE_KIT}")
    expect(page.locator(".badge-in-app")).to_have_text("앱에서 신청")
    expect(page.locator("#prefill-hint")).to_be_visible()  # signed out: the promise is for her
    screenshot(page, "ko-applying-program-signed-out")
    page.locator("#apply-online").click()
    page.wait_for_url(re.compile(r"/login/?\?next="))
    wait_hydrated(page)
    expect(page.locator("#signup-link")).to_have_attribute("href", re.compile(r"^/signup\?next=%2Fapply"))
    page.locator("#signup-link").click()
    page.wait_for_url(re.compile(r"/signup/?\?next=%2Fapply"))
    wait_hydrated(page)

    # a mistake: the message is on screen and the field has focus
    page.locator("#login").fill(login)
    page.locator("#password").fill(PASSWORD)
    page.locator("#password2").fill(PASSWORD + "x")
    page.locator("#consent_account").check()
    page.locator("#signup-submit").click()
    error = page.locator("#password2-error")
    expect(error).to_have_attribute("role", "alert")
    expect(error).to_be_in_viewport()
    expect(page.locator("#password2")).to_be_focused()
    screenshot(page, "ko-applying-signup-error")
    page.locator("#consent_account").uncheck()
    page.locator("#password2").fill(PASSWORD)
    page.locator("#signup-submit").click()
    expect(page.locator("#consent_account-error")).to_be_in_viewport()
    expect(page.locator("#consent_account")).to_be_focused()
    page.locator("#consent_account").check()
    page.locator("#signup-submit").click()

    # back on the form, not the feed
    page.wait_for_url(re.compile(r"/apply/?\?id=native"), timeout=30_000)
    wait_hydrated(page)
    expect(page.locator("#apply-title")).to_contain_text("온라인 신청")
    # the first application asks who applies (a name and 생년월일 at least), once
    page.locator("#identity-form #name").fill("홍길순")
    page.locator("#identity-save").click()
    expect(page.locator("#birth_date-error")).to_contain_text("생년월일")
    page.locator("#identity-form #birth_date").fill("1980-05-06")
    page.locator("#identity-save").click()
    expect(page.locator("#applicant-summary")).to_have_text("홍길순 · 1980-05-06", timeout=15_000)
    page.locator("#field-dong").select_option("신당동")
    page.locator("#field-household_size").fill("3")
    page.locator("#field-phone").fill("010-2345-6789")
    page.locator("#field-phone").blur()
    page.wait_for_timeout(1200)
    page.locator("#submit-application").click()
    expect(page.locator("#submitted-title")).to_have_text("제출되었어요", timeout=15_000)
    receipt = page.locator("#receipt-no")
    expect(receipt).to_have_text(re.compile(r"^중구-20\d\d-\d{6}$"))
    expect(page.locator("#processing-note")).to_contain_text("근무일 10일")
    screenshot(page, "ko-applying-submitted-receipt")
    number = receipt.inner_text()
    assert serious(page) == []

    # opening the form again shows her application, not a blank form
    _open(page, f"{app.url}/apply?id={FIRE_KIT}")
    expect(page.locator("#existing-title")).to_have_text("이미 신청했어요")
    expect(page.locator("#existing-receipt")).to_have_text(number)
    expect(page.locator("#apply-form")).to_have_count(0)
    screenshot(page, "ko-applying-already-applied")
    assert serious(page) == []
    page.locator("#view-existing").click()
    page.wait_for_url(re.compile(r"/application/?\?id="))
    wait_hydrated(page)
    expect(page.locator("#application-receipt")).to_have_text(number)
    expect(page.locator("#application-processing")).to_contain_text("예상일")
    screenshot(page, "ko-applying-application-receipt")
    [(count,)] = sqlite_rows(app.db_url, "SELECT count(*) FROM application a JOIN account c ON c.id = a.account_id "
                                         "WHERE c.login = ?", login)  # fmt: skip
    assert count == 1

    # signed in, the programme page no longer promises to fill the form after sign-in
    _open(page, f"{app.url}/program?id={FIRE_KIT}")
    expect(page.locator("#apply-online")).to_be_visible()
    expect(page.locator("#prefill-hint")).to_have_count(0)
    context.close()


def test_the_english_form_and_receipt_read_in_english(browser: Browser, app: ServedApp) -> None:
    _, token = db_account(app.db_url, f"mom{uuid.uuid4().hex[:8]}@example.com", PASSWORD, profile=MOTHER)
    context = signed_in_context(browser, app.url, token, locale="en-US")
    page = context.new_page()
    _open(page, f"{app.url}/en/program?id={FIRE_KIT}")
    expect(page.locator(".badge-in-app")).to_have_text("Apply in the app")
    screenshot(page, "en-applying-program")
    _open(page, f"{app.url}/en/apply?id={FIRE_KIT}")
    page.locator("#field-phone").fill("010-2345-6789")
    page.locator("#field-phone").blur()
    page.wait_for_timeout(1200)
    page.locator("#submit-application").click()
    expect(page.locator("#receipt-no")).to_have_text(re.compile(r"^중구-20\d\d-\d{6}$"), timeout=15_000)
    expect(page.locator("#processing-note")).to_contain_text("within 10 working days")
    screenshot(page, "en-applying-submitted-receipt")
    assert serious(page) == []
    _open(page, f"{app.url}/en/apply?id={FIRE_KIT}")
    expect(page.locator("#existing-title")).to_have_text("You have already applied")
    screenshot(page, "en-applying-already-applied")
    context.close()


def _course_in_hoehyeon(db_url: str) -> str:
    """A first-come course in 회현동 with a ₩5,000 materials fee, open now."""
    code = f"e2e-{uuid.uuid4().hex[:8]}"
    now = datetime.now(UTC)
    with transaction(db_url) as session:
        centre = session.exec(select(ClassCentre).where(ClassCentre.dong == "1114054000")).first()
        if centre is None:
            centre = ClassCentre(
                dong="1114054000", name_ko="회현동 자치회관", name_en="Hoehyeon-dong Community Centre"
            )
            session.add(centre)
            session.flush()
        session.add(Course(
            code=code, centre_id=centre.id, title_ko="건강 체조", title_en="Gentle exercise", category="건강·스포츠",
            quarter=f"{now.year}Q{(now.month - 1) // 3 + 1}", schedule="월·수 10:00–11:00", instructor="시험 강사",
            capacity=20, minimum_enrolment=0, fee_krw=20000, materials_fee_krw=5000,
            opens_at=now - timedelta(hours=1), closes_at=now + timedelta(days=7),
            starts_on=(now + timedelta(days=20)).date(), ends_on=(now + timedelta(days=80)).date(), sessions=12,
            mode="first_come", priority_rules="[]", sample=True,
        ))  # fmt: skip
    return code


def test_the_72_year_old_reads_what_she_pays_by_when_and_where(browser: Browser, app: ServedApp) -> None:
    code = _course_in_hoehyeon(app.db_url)
    _, token = db_account(app.db_url, f"elder{uuid.uuid4().hex[:8]}@example.com", PASSWORD, profile=ELDER)
    for locale, prefix in (("ko", ""), ("en", "/en")):
        context = signed_in_context(browser, app.url, token, locale=f"{locale}-KR")
        page = context.new_page()
        _open(page, f"{app.url}{prefix}/course?id={code}")
        if locale == "ko":
            page.locator("#register").click()
            expect(page.locator("#my-status")).to_have_text("확정 · 납부 대기")
        mine = page.locator("#my-registration")
        breakdown = mine.locator(".fee-breakdown")
        expect(breakdown).to_contain_text("₩0")  # 수강료 after the 100 % reduction
        expect(breakdown).to_contain_text("₩5,000")
        expect(breakdown).to_contain_text("재료비" if locale == "ko" else "Materials")
        # the deadline has its weekday and the counter's closing time, never an odd minute
        weekday = r"\((월|화|수|목|금)\) 18:00" if locale == "ko" else r"(Mon|Tue|Wed|Thu|Fri), .* 18:00"
        expect(mine).to_contain_text(re.compile(weekday))
        centre = page.locator("#centre-office")
        expect(centre).to_contain_text("회현동 주민센터" if locale == "ko" else "Hoehyeon-dong")
        expect(centre.locator("a[href^='tel:']")).to_be_visible()
        expect(centre.locator("a[href^='https://map.kakao.com/?q=']")).to_be_visible()
        screenshot(page, f"{locale}-applying-course-fee")
        assert serious(page) == []
        _open(page, f"{app.url}{prefix}/my-classes")
        item = page.locator("#my-registrations")
        expect(item.locator(".fee-breakdown").first).to_contain_text("₩5,000")
        expect(page.locator(".pay-at a[href^='tel:']").first).to_be_visible()
        screenshot(page, f"{locale}-applying-my-classes")
        assert serious(page) == []
        context.close()


def test_staff_reset_a_phone_account_at_the_counter_after_an_id_check(
    browser: Browser, app: ServedApp
) -> None:
    phone = f"010{uuid.uuid4().int % 10**8:08d}"
    resident_id, _ = db_account(app.db_url, phone, PASSWORD, profile=ELDER)
    _, token = db_account(app.db_url, f"clerk{uuid.uuid4().hex[:8]}@junggu.example", PASSWORD, role="staff")
    context = signed_in_context(browser, app.url, token)
    page = context.new_page()
    _open(page, f"{app.url}/staff")
    section = page.locator("#counter-reset")
    section.locator("#reset_login").fill(phone)
    section.locator("#counter-reset-submit").click()
    expect(section.locator("#reset_id_checked-error")).to_contain_text("신분증")  # no ID check, no link
    section.locator("#reset_login").fill(phone)
    section.locator("#reset_id_checked").check()
    section.locator("#counter-reset-submit").click()
    expect(section.locator("#counter-reset-link")).to_have_text(re.compile(r"/reset/confirm\?token="))
    section.scroll_into_view_if_needed()
    screenshot(page, "ko-applying-staff-counter-reset")
    assert serious(page) == []
    assert sqlite_rows(app.db_url, "SELECT action FROM audit_log WHERE subject_id = ?", resident_id) == [
        ("account.reset_by_staff",)
    ]
    context.close()
