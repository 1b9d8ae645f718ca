"""Issue 12's acceptance, as one journey: 김영희 applies for 경로식당 on her phone without her 신분증; an
어르신복지과 officer at a desktop finds the case by part of her name, sees who applied, the verdict at
submission and now and the checklist with what is missing; 승인 is blocked until the override is ticked
with a reason, then confirmed in the dialog. Her second application is refused; she sees the decision on
her application and in 알림; the officer's CSV export holds the case; a 안전총괄과 officer can neither
open it, find it in the queue nor export it. Screenshots in artifacts/screenshots/officer-desk-*.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import date
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import (
    SCREENSHOTS,
    SESSION_COOKIE,
    ServedApp,
    db_account,
    screenshot,
    sqlite_rows,
    wait_hydrated,
)
from tests.e2e.test_classes import serious_violations

PASSWORD = "Sindang-Spring-2026"
LUNCH = "native:junggu-senior-lunch"
NAME = "김영희"
PROFILE = {"birth_date": "1952-03-04", "lives_in_junggu": True, "dong": "신당동", "household_size": 1,
           "livelihood": "recipient"}  # fmt: skip
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
REASON = "신분증 원본을 창구에서 확인함"


def _context(browser: Browser, app: ServedApp, token: str, viewport: dict) -> BrowserContext:
    context = browser.new_context(viewport=viewport, locale="ko-KR", accept_downloads=True)
    context.add_cookies(
        [{"name": SESSION_COOKIE, "value": token, "url": app.url, "httpOnly": True, "sameSite": "Strict"}]
    )
    return context


def _watched(context: BrowserContext, errors: list[str]) -> Page:
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return page


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_hydrated(page)


def _shot(page: Page, name: str) -> None:
    screenshot(page, f"officer-desk-{name}")
    assert serious_violations(page) == [], name


def _export_csv(page: Page, path: Path) -> list[list[str]]:
    with page.expect_download() as download:
        page.locator("#export-csv").click()
    download.value.save_as(path)
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _search(page: Page, query: str) -> None:
    """All statuses (approved cases too), part of the name."""
    page.locator("#queue-status").select_option("all")
    page.locator("#queue-q").fill(query)
    page.locator("#queue-apply").click()
    page.wait_for_url(re.compile(r"q="))


def test_an_officer_decides_a_case_safely_and_only_her_department_sees_it(
    browser: Browser, app: ServedApp, tmp_path: Path
) -> None:
    from naesone_app.core.identity import Identity

    tag = uuid.uuid4().hex[:8]
    errors: list[str] = []
    identity = Identity(NAME, date(1952, 3, 4), "서울 중구 다산로 000", "신당동", "01034567890")
    resident_id, resident_token = db_account(
        app.db_url, f"younghee{tag}@example.com", PASSWORD, profile=PROFILE, identity=identity
    )

    # 1. she applies on her phone, uploading nothing (신분증 is required)
    resident = _watched(_context(browser, app, resident_token, PHONE), errors)
    _open(resident, f"{app.url}/apply?id={LUNCH}")
    expect(resident.locator("#applicant-summary")).to_contain_text(NAME)
    resident.locator("#field-phone").fill("010-3456-7890")
    resident.locator("#field-meal").select_option("cafeteria")
    resident.wait_for_timeout(1200)  # the debounced draft saves
    _shot(resident, "resident-apply-390px")
    resident.locator("#submit-application").click()
    expect(resident.locator("#submitted-title")).to_have_text("제출되었어요", timeout=15_000)
    _shot(resident, "resident-submitted-390px")
    [(case_id, receipt)] = sqlite_rows(
        app.db_url, "SELECT id, receipt_no FROM application WHERE account_id = ?", resident_id
    )

    # 2. the 어르신복지과 officer finds the case by part of the name in the queue
    _, officer_token = db_account(app.db_url, f"senior-desk{tag}@junggu.example", PASSWORD, role="staff",
                                  department="어르신복지과")  # fmt: skip
    officer = _watched(_context(browser, app, officer_token, DESKTOP), errors)
    _open(officer, f"{app.url}/staff/applications")
    officer.locator("#queue-q").fill(NAME[1:])
    officer.locator("#queue-apply").click()
    row = officer.locator(f"#case-{case_id}")
    expect(row).to_contain_text(NAME)
    expect(row).to_contain_text(receipt)
    expect(row).to_contain_text("신당동")
    expect(row).to_contain_text("경로식당")
    _shot(officer, "queue-found-desktop")
    row.get_by_role("link").first.click()
    officer.wait_for_url(re.compile(rf"/staff/application\?id={case_id}"))
    wait_hydrated(officer)

    # who applied, the verdict at submission and now, what is missing
    expect(officer.locator("#applicant-name")).to_contain_text(NAME, timeout=15_000)
    expect(officer.locator("#applicant-birth_date")).to_contain_text("1952-03-04")
    expect(officer.locator("#applicant-dong")).to_contain_text("신당동")
    expect(officer.locator("#verdict-then")).to_have_text("자격 충족")
    expect(officer.locator("#verdict-now")).to_have_text("자격 충족")
    expect(officer.locator("#verdict-table")).to_contain_text("중구")
    expect(officer.locator("#missing-docs")).to_contain_text("신분증 사본")
    expect(officer.locator("#staff-doc-id_card")).to_contain_text("없음 (미제출)")
    _shot(officer, "case-desktop")

    # 3. 승인 is blocked, the missing document named; override with a reason, confirm
    officer.locator("#action-approved").click()
    expect(officer.locator("#override-error")).to_contain_text("신분증 사본")
    expect(officer.locator("#confirm-dialog")).not_to_be_visible()
    expect(officer.locator("#review-status")).to_have_text("접수됨")
    officer.locator("#decision").scroll_into_view_if_needed()
    _shot(officer, "approve-blocked-desktop")
    officer.locator("#override").check()
    officer.locator("#override-reason").fill(REASON)
    officer.locator("#action-approved").click()
    dialog = officer.locator("#confirm-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#confirm-title")).to_have_text("승인할까요?")
    expect(dialog).to_contain_text("신분증 사본")
    box = dialog.bounding_box()
    assert box is not None and abs(box["x"] + box["width"] / 2 - DESKTOP["width"] / 2) <= 2, box  # centred
    officer.screenshot(path=str(SCREENSHOTS / "officer-desk-approve-confirm-desktop.png"))
    assert serious_violations(officer) == []
    officer.locator("#confirm-yes").click()
    expect(officer.locator("#review-status")).to_have_text("승인")
    expect(dialog).not_to_be_visible()
    expect(officer.locator("#history")).to_contain_text(REASON)
    _shot(officer, "approved-desktop")
    assert sqlite_rows(app.db_url, "SELECT status FROM application WHERE id = ?", case_id) == [("approved",)]

    # 4. her second application to the same programme is refused, with the first one's 접수번호
    _open(resident, f"{app.url}/apply?id={LUNCH}")
    expect(resident.locator("#existing-title")).to_have_text("이미 신청했어요")
    expect(resident.locator("#existing-receipt")).to_have_text(receipt)
    expect(resident.locator("#submit-application")).to_have_count(0)
    _shot(resident, "resident-duplicate-refused-390px")

    # 5. she sees the decision: 내 신청, the application page, 알림 (but never the staff-only reason)
    _open(resident, f"{app.url}/applications")
    expect(resident.locator(f"#application-{case_id}")).to_contain_text("승인")
    _shot(resident, "resident-applications-390px")
    _open(resident, f"{app.url}/application?id={case_id}")
    expect(resident.locator("#application-status")).to_have_text("승인")
    expect(resident.locator("main")).not_to_contain_text(REASON)
    _shot(resident, "resident-application-390px")
    _open(resident, f"{app.url}/notices")
    expect(resident.locator("#my-notices")).to_contain_text("경로식당")
    expect(resident.locator("#my-notices")).to_contain_text("승인")
    _shot(resident, "resident-notices-390px")

    # 6. the officer's export (all statuses, so the approved case too) holds the case
    _open(officer, f"{app.url}/staff/applications")
    _search(officer, NAME[1:])
    expect(row).to_contain_text("승인")
    lines = _export_csv(officer, tmp_path / "senior.csv")
    assert lines[0][:5] == ["접수번호", "신청일", "사업", "상태", "이름"]
    [case] = [line for line in lines[1:] if line[0] == receipt]
    assert case[2:7] == ["경로식당 무료 점심 급식", "승인", NAME, "1952-03-04", "신당동"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", case[1])

    # 7. a 안전총괄과 officer: no case page, not in the queue, not in the export
    _, other_token = db_account(app.db_url, f"safety-desk{tag}@junggu.example", PASSWORD, role="staff",
                                department="안전총괄과")  # fmt: skip
    other = _watched(_context(browser, app, other_token, DESKTOP), errors)
    _open(other, f"{app.url}/staff/application?id={case_id}")
    expect(other.locator("main h1")).to_have_text("신청을 찾을 수 없어요")
    for secret in (NAME, receipt, "1952-03-04", "010-3456-7890", "경로식당"):
        expect(other.locator("main")).not_to_contain_text(secret)
    _shot(other, "other-department-case-desktop")
    _open(other, f"{app.url}/staff/applications")
    _search(other, NAME[1:])
    expect(other.locator("#queue-empty")).to_be_visible()
    expect(other.locator(f"#case-{case_id}")).to_have_count(0)
    _shot(other, "other-department-queue-desktop")
    other.locator("#queue-q").fill("")
    other.locator("#queue-apply").click()
    expect(other.locator(f"#case-{case_id}")).to_have_count(0)
    exported = _export_csv(other, tmp_path / "safety.csv")
    assert exported[0][0] == "접수번호"
    assert not any(receipt in cell or NAME in cell for line in exported for cell in line)
    assert errors == []
