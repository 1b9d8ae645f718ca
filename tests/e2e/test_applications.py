"""One-stop application in the browser (issue 6 acceptance): a resident the engine finds eligible opens
the programme, applies with fields visibly prefilled from their stored profile, reloads mid-draft and
finds it back, imports a document with MyData, uploads a file, submits (a double click makes one
application) and sees it submitted; staff of the responsible department approve it; the resident sees
"승인" and the unread mark. Screenshots go to artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import (
    SESSION_COOKIE,
    ServedApp,
    db_account,
    screenshot,
    signed_in_context,
    sqlite_rows,
    wait_hydrated,
)  # fmt: skip
from tests.e2e.test_classes import serious_violations

PASSWORD = "Sindang-Spring-2026"
LUNCH = "native:junggu-senior-lunch"
# eligible for the senior lunch: 60+, in Jung-gu, on basic livelihood support (the facts the sample 등본 proves)
PROFILE = {"birth_date": "1959-04-02", "lives_in_junggu": True, "dong": "신당동", "household_size": 2,
           "livelihood": "recipient"}  # fmt: skip
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _open(page: Page, url: str) -> None:
    page.goto(url)
    wait_hydrated(page)


def _draft_saved(app: ServedApp, account_id: int) -> bool:
    return bool(sqlite_rows(app.db_url, "SELECT id FROM application_draft WHERE account_id = ?", account_id))


def test_a_resident_applies_with_prefilled_fields_and_staff_approve(
    browser: Browser, app: ServedApp, tmp_path
) -> None:
    tag = uuid.uuid4().hex[:8]
    resident_id, token = db_account(app.db_url, f"apply{tag}@example.com", PASSWORD, profile=PROFILE)
    context = signed_in_context(browser, app.url, token)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    # the programme page says "eligible" and offers the online form
    _open(page, f"{app.url}/program?id={LUNCH}")
    page.locator("#program-title").wait_for()
    page.locator("#apply-online").click()
    page.wait_for_url(re.compile(r"/apply\?id="))
    wait_hydrated(page)
    expect(page.locator("#apply-title")).to_contain_text("경로식당 무료 점심 급식")
    expect(page.get_by_text("저장된 내 정보로 보면 신청 대상이에요.")).to_be_visible()
    dong = page.locator("#field-dong")
    expect(dong).to_have_value("신당동")
    expect(dong).to_have_class(re.compile("prefilled"))
    expect(page.locator("#field-birth_date")).to_have_value("1959-04-02")
    expect(page.locator("#field-dong-hint")).to_contain_text("내 정보에서 가져왔어요")
    expect(page.locator("#docs-official")).to_contain_text("공무원이 확인해요")
    screenshot(page, "ko-apply-prefilled")

    # typing is saved as a draft on the server; a reload brings it back
    page.locator("#field-phone").fill("010-2345-6789")
    page.locator("#field-note").fill("계단이 힘들어요")
    page.locator("#field-meal").select_option("delivery")
    page.wait_for_timeout(1500)  # the typing pauses: the debounced saves have gone out
    expect(page.locator("#draft-note")).to_contain_text("저장되었어요", timeout=10_000)
    assert _draft_saved(app, resident_id)
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#field-phone")).to_have_value("010-2345-6789")
    expect(page.locator("#field-note")).to_have_value("계단이 힘들어요")
    expect(page.locator("#field-meal")).to_have_value("delivery")
    expect(page.locator("#draft-note")).to_contain_text("불러왔어요")

    # MyData: consent (scope and expiry shown), then import ticks the checklist
    expect(page.locator("#docs-evidence")).to_contain_text("오늘부터 30일")
    page.locator("#mydata-consent").click()
    expect(page.locator("#mydata-consented")).to_contain_text("동의함")
    page.locator("#mydata-import").click()
    expect(page.locator("#mydata-notice")).to_contain_text("주민등록표등본", timeout=15_000)
    expect(page.locator("#doc-resident_copy")).to_contain_text("마이데이터로 가져옴")

    # a wrong file is refused and named; a PNG is stored and listed
    wrong = tmp_path / "id.gif"
    wrong.write_bytes(b"GIF89a" + b"\0" * 40)
    page.locator("#apply-upload input[type=file]").set_input_files(str(wrong))
    page.locator("#apply-upload-send").click()
    expect(page.locator("#apply-upload-error")).to_contain_text(
        "id.gif: PDF, JPG, PNG 파일만", timeout=15_000
    )
    good = tmp_path / "id-card.png"
    good.write_bytes(PNG)
    page.locator("#apply-upload-kind").select_option("id_card")
    page.locator("#apply-upload input[type=file]").set_input_files(str(good))
    page.locator("#apply-upload-send").click()
    expect(page.locator("#uploads")).to_contain_text("신분증 사본", timeout=15_000)
    expect(page.locator("#doc-id_card")).to_contain_text("올림")
    screenshot(page, "ko-apply-documents")

    # a double click submits once
    page.locator("#submit-application").dblclick()
    expect(page.locator("#submitted-title")).to_have_text("제출되었어요", timeout=15_000)
    screenshot(page, "ko-apply-submitted")
    [(application_id, status)] = sqlite_rows(
        app.db_url, "SELECT id, status FROM application WHERE account_id = ?", resident_id
    )
    assert status == "submitted"
    page.locator("#view-application").click()
    page.wait_for_url(re.compile(r"/application\?id="))
    wait_hydrated(page)
    expect(page.locator("#application-status")).to_have_text("접수됨")
    expect(page.locator("#uploads")).to_contain_text("신분증 사본")

    # staff of the responsible department approve it
    _, staff_token = db_account(app.db_url, f"senior{tag}@junggu.example", PASSWORD, role="staff",
                                department="어르신복지과")  # fmt: skip
    staff_context = signed_in_context(browser, app.url, staff_token)
    staff = staff_context.new_page()
    _open(staff, f"{app.url}/staff/applications")
    row = staff.locator("#review-queue a", has_text="경로식당 무료 점심 급식").last
    row.click()
    staff.wait_for_url(re.compile(r"/staff/application\?id="))
    wait_hydrated(staff)
    expect(staff.locator("#answers")).to_contain_text("010-2345-6789")
    expect(staff.locator("#evidence")).to_contain_text("주민등록표등본")
    expect(staff.locator("#evidence")).to_contain_text(
        "서울특별시 중구 신당동장 (예시)"
    )  # as the issuer wrote
    expect(staff.locator("#evidence tbody tr")).to_have_count(2)  # the household members
    staff.locator("#action-more_documents").click()
    expect(staff.locator("#reason-error")).to_contain_text("사유를 적어야")
    staff.locator("#reason").fill("신분증 앞면이 잘 보이게 다시 올려 주세요.")
    staff.locator("#action-more_documents").click()
    expect(staff.locator("#review-status")).to_have_text("서류 보완 필요")

    # the resident sees what is asked, adds a file and resubmits
    _open(page, f"{app.url}/application?id={application_id}")
    expect(page.locator("#asked")).to_contain_text("신분증 앞면이 잘 보이게")
    page.locator("#more-documents-upload-kind").select_option("id_card")
    page.locator("#more-documents-upload input[type=file]").set_input_files(str(good))
    page.locator("#more-documents-upload-send").click()
    expect(page.locator("#uploads li")).to_have_count(2, timeout=15_000)
    screenshot(page, "ko-application-more-documents")
    page.locator("#resubmit").click()
    expect(page.locator("#application-status")).to_have_text("검토 중")

    staff.reload()
    wait_hydrated(staff)
    expect(staff.locator("#review-status")).to_have_text("검토 중")
    staff.locator("#action-approved").click()
    staff.locator("#confirm-yes").click()  # every document is in: no override, the dialog confirms
    expect(staff.locator("#review-status")).to_have_text("승인")
    screenshot(staff, "ko-staff-application-approved")
    _open(staff, f"{app.url}/staff/applications")
    staff.locator("#queue-status").select_option("approved")  # the queue's filter form (issue 12)
    staff.locator("#queue-apply").click()
    expect(staff.locator("#review-queue")).to_contain_text("경로식당 무료 점심 급식")
    screenshot(staff, "ko-staff-queue")
    staff_context.close()

    # the resident sees "approved", marked as news until they open it
    _open(page, f"{app.url}/applications")
    item = page.locator(f"#application-{application_id}")
    expect(item).to_contain_text("승인")
    expect(item).to_contain_text("새 소식")
    expect(page.locator("#unread-applications")).to_have_text("1")
    screenshot(page, "ko-my-applications")
    item.locator("a").click()
    page.wait_for_url(re.compile(r"/application\?id="))
    wait_hydrated(page)
    expect(page.locator("#application-status")).to_have_text("승인")
    expect(page.locator("#history")).to_contain_text("신분증 앞면이 잘 보이게")
    screenshot(page, "ko-application-approved")
    _open(page, f"{app.url}/applications")
    expect(page.locator("#unread-applications")).to_have_count(0)

    # without push (none is configured here), the decision waits on 알림, counted in the menu until seen
    expect(page.locator("#unread-notices")).to_be_visible()
    page.locator("#unread-notices").click()
    page.wait_for_url(re.compile(r"/notices$"))
    wait_hydrated(page)
    newest = page.locator("#my-notices li").first
    expect(newest).to_contain_text("신청 상태가 바뀌었어요")
    expect(newest).to_contain_text("경로식당 무료 점심 급식: 승인")
    expect(newest).to_contain_text("새 알림")
    expect(page.locator("#unread-notices")).to_have_count(0)  # seen: the count goes at once
    screenshot(page, "ko-notices")
    assert serious_violations(page) == []
    _open(page, f"{app.url}/en/notices")
    newest = page.locator("#my-notices li").first
    expect(newest).to_contain_text("Free lunch at senior community cafeterias: Approved")
    expect(newest).not_to_contain_text("new")  # read on the visit before
    screenshot(page, "en-notices")
    assert serious_violations(page) == []
    newest.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/en/application\?id="))

    # the imported 등본 as submitted: what it states; then the resident withdraws the consent on /account
    _open(page, f"{app.url}/application?id={application_id}")
    expect(page.locator("#evidence")).to_contain_text("김*순")
    page.locator("#evidence").scroll_into_view_if_needed()
    screenshot(page, "ko-application-evidence")
    _open(page, f"{app.url}/account")
    consents = page.locator("#mydata-consents")
    expect(consents).to_contain_text("신청서 작성 증빙: 경로식당 무료 점심 급식")
    expect(consents.locator(".consent").first).to_contain_text("유효")
    consents.get_by_role("button", name=re.compile("^동의 철회")).click()
    expect(page.locator("#evidence-notice")).to_contain_text("동의를 철회했어요")
    expect(consents.locator(".consent").first).to_contain_text("철회함")
    expect(consents.get_by_role("button", name=re.compile("^동의 철회"))).to_have_count(0)
    expect(consents).to_contain_text("지울 수 없어요")  # the 등본 went with the application
    screenshot(page, "ko-account-mydata-withdrawn")
    [(withdrawn,)] = sqlite_rows(
        app.db_url, "SELECT withdrawn_at FROM evidence_consent WHERE account_id = ?", resident_id
    )
    assert withdrawn is not None
    context.close()
    assert not errors, errors


def test_uploads_are_only_served_to_their_owner(app: ServedApp, monkeypatch) -> None:
    """The download route of the served app answers the owner only, never another resident or anyone."""
    import httpx

    from naesone_app.db.engine import transaction
    from naesone_app.db.uploads import store_upload

    # the served app's private upload directory (conftest: beside its database)
    monkeypatch.setenv(
        "NAESONE_UPLOAD_DIR", str(Path(app.db_url.removeprefix("sqlite:///")).parent / "uploads")
    )
    tag = uuid.uuid4().hex[:8]
    owner_id, owner_token = db_account(app.db_url, f"own{tag}@example.com", PASSWORD, profile=PROFILE)
    _, other_token = db_account(app.db_url, f"oth{tag}@example.com", PASSWORD, profile=PROFILE)
    with transaction(app.db_url) as session:
        upload_id = store_upload(session, owner_id, "id_card", PNG, program_key=LUNCH).id
    url = f"{app.url}/api/uploads/{upload_id}"
    assert httpx.get(url).status_code == 404
    assert httpx.get(url, cookies={SESSION_COOKIE: other_token}).status_code == 404
    own = httpx.get(url, cookies={SESSION_COOKIE: owner_token})
    assert own.status_code == 200 and own.content == PNG
    assert own.headers["content-disposition"].startswith("attachment")
    assert own.headers["x-content-type-options"] == "nosniff" and "no-store" in own.headers["cache-control"]
    assert httpx.get(f"{app.url}/_upload/{upload_id}").status_code in (404, 405)  # nothing public
