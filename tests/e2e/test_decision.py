"""The officer's desk (issue 12, "the decision beside the evidence"), in the browser: a resident applies
for 경로식당 without documents; the officer sees the engine's verdict at submission and now (changed since:
she moved out), the checklist in staff words with what is missing; 승인 is blocked until the override is
ticked and a reason given; the dialog says what will happen and Escape cancels it; approving records the
reason for staff only; the resident sees the decision and cannot apply a second time. axe on the case
page (ko, en, 200 % text) and screenshots at 390 px and desktop.
"""

from __future__ import annotations

import uuid

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import (
    SCREENSHOTS,
    ServedApp,
    db_account,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)
from tests.e2e.test_classes import serious_violations

PASSWORD = "Sindang-Spring-2026"
LUNCH = "native:junggu-senior-lunch"
PROFILE = {"birth_date": "1952-03-04", "lives_in_junggu": True, "dong": "신당동", "household_size": 1,
           "livelihood": "recipient"}  # fmt: skip


def _part(page: Page, selector: str, name: str) -> None:
    """A screenshot of one part of the page, at a size a person can read."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(selector).screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_hydrated(page)


def _apply(page: Page, app: ServedApp) -> None:
    _open(page, f"{app.url}/apply?id={LUNCH}")
    page.locator("#field-phone").fill("010-3456-7890")
    page.locator("#field-meal").select_option("cafeteria")
    page.wait_for_timeout(1200)  # the debounced draft saves
    page.locator("#submit-application").click()
    expect(page.locator("#submitted-title")).to_have_text("제출되었어요", timeout=15_000)


def test_the_officer_decides_beside_the_verdict_and_checklist(browser: Browser, app: ServedApp) -> None:
    from naesone_app.db.engine import transaction
    from naesone_app.db.resident_data import save_profile

    tag = uuid.uuid4().hex[:8]
    resident_id, token = db_account(app.db_url, f"desk{tag}@example.com", PASSWORD, profile=PROFILE)
    resident = signed_in_context(browser, app.url, token).new_page()
    _apply(resident, app)
    [(application_id, receipt)] = sqlite_rows(
        app.db_url, "SELECT id, receipt_no FROM application WHERE account_id = ?", resident_id
    )
    with transaction(app.db_url) as session:  # after applying, she moved out of Jung-gu
        save_profile(
            session,
            resident_id,
            {k: v for k, v in PROFILE.items() if k != "dong"} | {"lives_in_junggu": False},
        )

    _, staff_token = db_account(app.db_url, f"desk-officer{tag}@junggu.example", PASSWORD, role="staff",
                                department="어르신복지과")  # fmt: skip
    context = signed_in_context(browser, app.url, staff_token)
    staff = context.new_page()
    errors: list[str] = []
    staff.on("pageerror", lambda exc: errors.append(str(exc)))
    case_url = f"{app.url}/staff/application?id={application_id}"
    _open(staff, case_url)

    # the verdict at submission and now, criterion by criterion, the change marked
    expect(staff.locator("#verdict-then")).to_have_text("자격 충족")
    expect(staff.locator("#verdict-now")).to_have_text("자격 미충족")
    changed = staff.locator("#verdict-table tr.verdict-changed")
    expect(changed).to_have_count(1)
    expect(changed).to_contain_text("중구")
    expect(changed).to_contain_text("바뀜")
    expect(changed.locator("td").nth(0)).to_contain_text("충족")
    expect(changed.locator("td").nth(1)).to_contain_text("미충족")

    # the checklist in staff words, what is missing named
    expect(staff.locator("#missing-docs")).to_contain_text("신분증 사본, 주민등록표등본")
    expect(staff.locator("#staff-doc-id_card")).to_contain_text("없음 (미제출)")
    expect(staff.locator("#staff-doc-livelihood_certificate")).to_contain_text("행정정보 공동이용으로 확인")
    expect(staff.locator("#staff-docs")).not_to_contain_text("파일로 올려도")
    screenshot(staff, "ko-decision-case-390px")
    _part(staff, "#verdict", "ko-decision-verdict-390px")
    _part(staff, "#staff-docs", "ko-decision-checklist-390px")

    # 승인 without the override: blocked, the missing documents named, no dialog
    staff.locator("#action-approved").click()
    expect(staff.locator("#override-error")).to_contain_text("신분증 사본, 주민등록표등본")
    expect(staff.locator("#confirm-dialog")).not_to_be_visible()
    expect(staff.locator("#review-status")).to_have_text("접수됨")
    _part(staff, "#decision", "ko-decision-blocked-390px")

    # ticked with a reason: the dialog says what will happen; Escape cancels
    staff.locator("#override").check()
    staff.locator("#override-reason").fill("신분증·등본 원본을 창구에서 확인함")
    staff.locator("#action-approved").click()
    dialog = staff.locator("#confirm-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-labelledby", "confirm-title")
    expect(dialog.locator("#confirm-title")).to_have_text("승인할까요?")
    expect(dialog).to_contain_text("경로식당 무료 점심 급식 신청을 승인합니다. 신청한 분께 알림이 갑니다.")
    expect(dialog).to_contain_text("빠진 서류(신분증 사본, 주민등록표등본)")
    screenshot(staff, "ko-decision-confirm-390px")
    _part(staff, "#confirm-dialog", "ko-decision-dialog-390px")
    assert serious_violations(staff) == []
    staff.keyboard.press("Escape")
    expect(dialog).not_to_be_visible()
    expect(staff.locator("#review-status")).to_have_text("접수됨")

    staff.locator("#action-approved").click()
    expect(dialog).to_be_visible()
    staff.locator("#confirm-yes").click()
    expect(staff.locator("#review-status")).to_have_text("승인")
    expect(dialog).not_to_be_visible()
    expect(staff.locator("#history")).to_contain_text("신분증·등본 원본을 창구에서 확인함")
    [(override,)] = sqlite_rows(
        app.db_url, "SELECT override_reason FROM application_event WHERE application_id = ? AND to_status = "
        "'approved'", application_id,
    )  # fmt: skip
    assert override == "신분증·등본 원본을 창구에서 확인함"

    # desktop and the English page, and 200 % text
    staff.set_viewport_size({"width": 1280, "height": 900})
    _open(staff, case_url)
    staff.locator("#verdict-table").wait_for()
    screenshot(staff, "ko-decision-case-desktop")
    _part(staff, "#verdict", "ko-decision-verdict-desktop")
    assert serious_violations(staff) == []
    _open(staff, f"{app.url}/en/staff/application?id={application_id}")
    expect(staff.locator("#verdict-then")).to_have_text("Eligible")
    expect(staff.locator("#staff-doc-id_card")).to_contain_text("Missing (not submitted)")
    screenshot(staff, "en-decision-case-desktop")
    assert serious_violations(staff) == []
    staff.set_viewport_size({"width": 390, "height": 844})
    _open(staff, case_url)
    staff.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    staff.wait_for_timeout(200)
    overflow = staff.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    screenshot(staff, "ko-decision-case-390px-200pct")
    assert overflow <= 1, f"the case page scrolls sideways by {overflow}px at 390px and 200% text"
    assert serious_violations(staff) == []
    assert errors == []
    context.close()

    # the resident sees the decision, not the staff-only reason, and cannot apply again
    _open(resident, f"{app.url}/application?id={application_id}")
    expect(resident.locator("#application-status")).to_have_text("승인")
    expect(resident.locator("main")).not_to_contain_text("창구에서 확인함")
    _open(resident, f"{app.url}/apply?id={LUNCH}")
    expect(resident.locator("#existing-title")).to_have_text("이미 신청했어요")
    expect(resident.locator("#existing-receipt")).to_have_text(receipt)
    expect(resident.locator("#submit-application")).to_have_count(0)
    screenshot(resident, "ko-decision-duplicate-refused")


def test_reject_is_confirmed_in_a_dialog_and_a_duplicate_is_flagged(browser: Browser, app: ServedApp) -> None:
    from naesone_app.db.application_models import Application
    from naesone_app.db.applications import application_form, submit
    from naesone_app.db.engine import transaction

    tag = uuid.uuid4().hex[:8]
    resident_id, _ = db_account(app.db_url, f"dup{tag}@example.com", PASSWORD, profile=PROFILE)
    answers = {"birth_date": "1952-03-04", "dong": "신당동", "phone": "010-3456-7890", "meal": "cafeteria"}
    with transaction(app.db_url) as session:
        form = application_form(session, LUNCH)
        first = submit(session, resident_id, LUNCH, form, answers, f"dup-{tag}-1")
        first_id = first.id
        old = Application(account_id=resident_id, program_key=LUNCH, department=first.department,
                          status="submitted", answers_sealed=first.answers_sealed, idempotency_key=f"dup-{tag}-2",
                          receipt_no=f"중구-2025-{tag}")  # fmt: skip
        session.add(old)
        session.flush()
        old_id = old.id
    _, staff_token = db_account(app.db_url, f"dup-officer{tag}@junggu.example", PASSWORD, role="staff",
                                department="어르신복지과")  # fmt: skip
    staff = signed_in_context(browser, app.url, staff_token).new_page()
    _open(staff, f"{app.url}/staff/application?id={first_id}")
    flag = staff.locator("#duplicates")
    expect(flag).to_contain_text("같은 분의 같은 사업 신청이 또 있어요")
    expect(flag.locator("a")).to_have_text(f"중구-2025-{tag}")
    expect(staff.locator("#verdict-then")).to_have_text("기록 없음")  # submitted without a verdict kept
    screenshot(staff, "ko-decision-duplicate-flag")

    staff.locator("#action-rejected").click()  # no reason: named, no dialog
    expect(staff.locator("#reason-error")).to_contain_text("사유를 적어야")
    expect(staff.locator("#confirm-dialog")).not_to_be_visible()
    staff.locator("#reason").fill("같은 신청이 이미 접수되어 있어요.")
    staff.locator("#action-rejected").click()
    expect(staff.locator("#confirm-title")).to_have_text("반려할까요?")
    staff.locator("#confirm-cancel").click()
    expect(staff.locator("#confirm-dialog")).not_to_be_visible()
    staff.locator("#action-rejected").click()
    staff.locator("#confirm-yes").click()
    expect(staff.locator("#review-status")).to_have_text("반려")
    expect(staff.locator("#duplicates")).to_have_count(0)  # a rejected one is no duplicate any more

    flag_link = f"{app.url}/staff/application?id={old_id}"
    _open(staff, flag_link)
    expect(staff.locator("#duplicates")).to_have_count(0)
