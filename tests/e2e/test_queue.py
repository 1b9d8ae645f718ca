"""The officer's working day in the browser (issue 12, point 3): finds a case by part of the resident's
name, narrows by 동, reloads and keeps the filters, takes the case, writes an internal memo the resident
never sees, exports the department's cases as CSV and reads the file. axe finds nothing serious on the
queue and the case page (ko, en; desktop and 390 px; 200 % text). Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import UTC, date, datetime, timedelta

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import (
    SESSION_COOKIE,
    ServedApp,
    db_account,
    screenshot,
    sqlite_rows,
    wait_hydrated,
)  # fmt: skip
from tests.e2e.test_classes import serious_violations

PASSWORD = "Sindang-Spring-2026"
LUNCH = "native:junggu-senior-lunch"
SYLLABLES = "가나다라마바사아자차카타파하영순희철수민지현"


def _name(tag: str) -> str:
    """A Korean name unique to this run (names hold no digits)."""
    return "김" + "".join(SYLLABLES[int(c, 16) % len(SYLLABLES)] for c in tag[:3])


def _case(db_url: str, account_id: int, department: str, *, name: str = "", dong: str = "",
          phone: str = "", days_ago: int = 3) -> tuple[int, str]:  # fmt: skip
    """An application in the served database (and the resident's identity); returns (id, 접수번호)."""
    from naesone_app.core.applications import receipt_number
    from naesone_app.core.dates import KST
    from naesone_app.core.identity import Identity
    from naesone_app.db.application_models import Application
    from naesone_app.db.engine import transaction
    from naesone_app.db.identity import save_identity
    from naesone_app.security.crypto import seal

    submitted = datetime.now(UTC) - timedelta(days=days_ago)
    with transaction(db_url) as session:
        if name:
            save_identity(
                session, account_id, Identity(name, date(1950, 3, 1), "서울 중구 다산로 1", dong, phone)
            )
        application = Application(
            account_id=account_id, program_key=LUNCH, department=department, answers_sealed=seal("{}"),
            idempotency_key=uuid.uuid4().hex, submitted_at=submitted,
        )  # fmt: skip
        session.add(application)
        session.flush()
        application.receipt_no = receipt_number(int(application.id), submitted.astimezone(KST).date())
        session.add(application)
        return int(application.id), application.receipt_no


def _context(browser: Browser, app: ServedApp, token: str, width: int = 1280, locale: str = "ko-KR"):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale=locale, accept_downloads=True
    )
    context.add_cookies(
        [{"name": SESSION_COOKIE, "value": token, "url": app.url, "httpOnly": True, "sameSite": "Strict"}]
    )
    return context


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_hydrated(page)


def _fits(page: Page, name: str) -> None:
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(300)
    screenshot(page, f"{name}-200pct")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{name} scrolls sideways by {overflow}px at 200% text"
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")


def test_an_officer_finds_takes_notes_and_exports_a_case(browser: Browser, app: ServedApp, tmp_path) -> None:
    tag = uuid.uuid4().hex[:8]
    name = _name(tag)
    resident_id, resident_token = db_account(app.db_url, f"q{tag}@example.com", PASSWORD)
    case_id, receipt = _case(app.db_url, resident_id, "어르신복지과", name=name, dong="신당동",
                             phone="01098761234", days_ago=5)  # fmt: skip
    other_id, _ = db_account(app.db_url, f"010{int(tag, 16) % 10**8:08d}", PASSWORD, identity=None)
    _case(app.db_url, other_id, "어르신복지과", days_ago=2)  # a resident who has not given a name
    officer_login = f"officer{tag}@junggu.example"
    _, token = db_account(app.db_url, officer_login, PASSWORD, role="staff", department="어르신복지과")
    context = _context(browser, app, token)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    _open(page, f"{app.url}/staff/applications")
    expect(page.locator("#review-queue")).to_be_visible()
    expect(page.locator("#review-queue")).to_contain_text("010****")  # the nameless resident, masked
    screenshot(page, "ko-staff-queue-desktop")

    # part of the name finds the case; the address keeps the search, so a reload shows the same
    page.locator("#queue-q").fill(name[1:])
    page.locator("#queue-apply").click()
    row = page.locator(f"#case-{case_id}")
    expect(row).to_contain_text(name)
    expect(page.locator("#review-queue tbody tr")).to_have_count(1)
    expect(row).to_contain_text(receipt)
    expect(row).to_contain_text("신당동")
    expect(row).to_contain_text("6일째")
    page.wait_for_url(re.compile(r"q="))
    page.locator("#queue-dong").select_option("신당동")
    page.locator("#queue-apply").click()
    page.wait_for_url(re.compile(r"dong="))
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#queue-q")).to_have_value(name[1:])
    expect(page.locator("#queue-dong")).to_have_value("신당동")
    expect(page.locator("#review-queue tbody tr")).to_have_count(1)

    # the 접수번호 finds it too; 내가 맡기 takes it
    page.locator("#queue-q").fill(receipt)
    page.locator("#queue-apply").click()
    expect(page.locator("#review-queue tbody tr")).to_have_count(1)
    row.get_by_role("button", name=re.compile("내가 맡기")).click()
    expect(page.locator("#queue-notice")).to_contain_text("신청을 맡았어요")
    expect(row).to_contain_text(officer_login)
    page.locator("#queue-assigned").select_option("me")
    page.locator("#queue-apply").click()
    expect(page.locator("#review-queue tbody tr")).to_have_count(1)
    screenshot(page, "ko-staff-queue-filtered")
    assert not serious_violations(page)

    # an internal memo on the case page, with author and time
    row.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/staff/application\?id="))
    wait_hydrated(page)
    expect(page.locator("#case-assignee")).to_have_text(officer_login)
    page.locator("#memo-text").fill("전화로 등본 안내함")
    page.locator("#memo-add").click()
    expect(page.locator("#case-memos")).to_contain_text("전화로 등본 안내함")
    expect(page.locator("#case-memos")).to_contain_text(officer_login)
    screenshot(page, "ko-staff-case-desk")
    assert not serious_violations(page)
    assert [r[0] for r in sqlite_rows(app.db_url, "SELECT action FROM audit_log WHERE actor_id IS NOT NULL "
                                      "AND action = 'application.memo' AND subject_id = ?", resident_id)] == [
        "application.memo"
    ]  # fmt: skip

    # the export of the filtered cases, read back from the downloaded file
    _open(page, f"{app.url}/staff/applications?q={name[1:]}")
    expect(page.locator("#review-queue tbody tr")).to_have_count(1)
    with page.expect_download() as download:
        page.locator("#export-csv").click()
    path = tmp_path / "export.csv"
    download.value.save_as(path)
    lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert lines[0] == [
        "접수번호",
        "신청일",
        "사업",
        "상태",
        "이름",
        "생년월일",
        "동",
        "연락처",
        "담당",
        "처리일",
    ]
    assert lines[1:] == [[receipt, lines[1][1], "경로식당 무료 점심 급식", "접수됨", name, "1950-03-01", "신당동",
                          "010-9876-1234", officer_login, ""]]  # fmt: skip
    [(detail,)] = sqlite_rows(
        app.db_url,
        "SELECT detail FROM audit_log WHERE action = 'application.exported' ORDER BY id DESC LIMIT 1",
    )
    assert detail.startswith("1 rows") and name not in detail and "q=yes" in detail
    with page.expect_download() as workbook:
        page.locator("#export-xlsx").click()
    assert workbook.value.suggested_filename.endswith(".xlsx")
    assert errors == []
    context.close()

    # the resident's own page shows no memo and no officer
    mine = _context(browser, app, resident_token, width=390).new_page()
    _open(mine, f"{app.url}/application?id={case_id}")
    expect(mine.locator("main")).to_contain_text("경로식당")
    assert "전화로 등본 안내함" not in mine.content() and officer_login not in mine.content()
    mine.context.close()


def test_the_queue_reads_on_a_phone_and_in_english(browser: Browser, app: ServedApp) -> None:
    tag = uuid.uuid4().hex[:8]
    resident_id, _ = db_account(app.db_url, f"p{tag}@example.com", PASSWORD)
    case_id, _ = _case(app.db_url, resident_id, "어르신복지과", name=_name(tag), dong="명동")
    _, token = db_account(app.db_url, f"phone{tag}@junggu.example", PASSWORD, role="staff",
                          department="어르신복지과")  # fmt: skip
    for locale, prefix in (("ko-KR", ""), ("en-US", "/en")):
        for width in (390, 1280):
            context = _context(browser, app, token, width=width, locale=locale)
            page = context.new_page()
            _open(page, f"{app.url}{prefix}/staff/applications")
            expect(page.locator(f"#case-{case_id}")).to_be_visible()
            name = f"{prefix.strip('/') or 'ko'}-staff-queue-{width}px"
            screenshot(page, name)
            assert not serious_violations(page), name
            _fits(page, name)
            _open(page, f"{app.url}{prefix}/staff/application?id={case_id}")
            expect(page.locator("#case-desk")).to_be_visible()
            assert not serious_violations(page), name + " case"
            if width == 390:
                _fits(page, f"{prefix.strip('/') or 'ko'}-staff-case-390px")
            context.close()
