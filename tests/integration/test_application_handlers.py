"""The application pages' handlers as a browser calls them, on SQLite and PostgreSQL: prefill, the draft
back in a fresh state, one application from a double submit, refused uploads, who may read and decide,
the download route, unread status changes, the MyData import through the stand-in and the result push.

Handlers find the account from the session cookie of the event socket's handshake; here the router data
carries that cookie exactly as Reflex builds it from the handshake headers.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from reflex.istate.data import RouterData
from reflex.state import State
from sqlmodel import select
from starlette.testclient import TestClient

from naesone_app.actions import applications as application_actions
from naesone_app.api import SESSION_COOKIE, api
from naesone_app.core.dates import age_on, seoul_today
from naesone_app.core.identity import Identity
from naesone_app.core.uploads import MAX_UPLOAD_BYTES
from naesone_app.db.accounts import create_account, start_session
from naesone_app.db.application_models import Application, ApplicationDraft, Upload
from naesone_app.db.engine import transaction
from naesone_app.db.identity import save_identity
from naesone_app.db.push import subscribe
from naesone_app.db.resident_data import grant_consent, load_profile, save_profile
from naesone_app.integrations.mydata_standin import running
from naesone_app.state.applications import ApplicationState, MyApplicationsState
from naesone_app.state.apply import ApplyState
from naesone_app.state.session import SessionState
from naesone_app.state.staff_applications import StaffApplicationState
from naesone_app.state.staff_queue import StaffQueueState
from tests.integration.test_push import Browser, PushService, push_service, vapid  # noqa: F401
from tests.integration.test_push import _rows as rows

PASSWORD = "Sindang-Spring-2026"
LUNCH = "native:junggu-senior-lunch"
PROFILE = {"birth_date": "1955-06-01", "lives_in_junggu": True, "dong": "신당동", "household_size": 1,
           "livelihood": "recipient"}  # fmt: skip
PDF = b"%PDF-1.7\n% sample\n" + b"0" * 200
GIF = b"GIF89a" + b"\0" * 64


@pytest.fixture
def app_db(database: str, naesone, tmp_path, monkeypatch) -> str:
    """The schema, the sample catalogue (three programmes with forms) and a private upload directory."""
    result = naesone("catalog", "load-samples")
    assert result.code == 0, result.err
    monkeypatch.setenv("NAESONE_UPLOAD_DIR", str(tmp_path / "private-uploads"))
    monkeypatch.delenv("NAESONE_MYDATA_URL", raising=False)
    return database


def _account(url: str, login: str, role: str = "resident", department: str = "",
             profile: dict | None = None) -> tuple[int, str]:  # fmt: skip
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD, role=role, department=department)
        grant_consent(session, account.id, "account")
        grant_consent(session, account.id, "sensitive_profile")
        grant_consent(session, account.id, "notifications")
        if profile is not None:
            save_profile(session, account.id, profile)
        if role == "resident":  # applying needs a name and 생년월일 (core.identity)
            save_identity(session, account.id, Identity("시험 주민", date(1958, 1, 1)))
        return account.id, start_session(session, account.id)


def _page(cls, token: str | None, path: str, query: dict | None = None):
    root = State()
    cookie = f"{SESSION_COOKIE}={token}" if token else ""
    as_path = path + ("?" + urlencode(query) if query else "")
    root.router = RouterData.from_router_data(
        {"pathname": path, "asPath": as_path, "query": query or {}, "headers": {"cookie": cookie}}
    )
    return root.get_substate(cls.get_full_name().split(".")[1:])


def _apply(token: str | None) -> ApplyState:
    return _page(ApplyState, token, "/apply", {"id": LUNCH})


def _file(data: bytes, name: str):
    import reflex as rx

    return rx.UploadFile(file=io.BytesIO(data), path=Path(name), size=len(data))


def _override(page: StaffApplicationState) -> None:
    """Tick "누락 서류가 있어도 승인" with a reason (the sample lunch form asks for 등본 and 신분증)."""
    StaffApplicationState.set_override.fn(page, True)
    StaffApplicationState.set_override_reason.fn(page, "창구에서 원본 확인")


def _field(state: ApplyState, name: str):
    return next(f for f in state.fields if f.name == name)


def _count(url: str, model) -> int:
    with transaction(url) as session:
        return len(session.exec(select(model)).all())


async def _fill_and_submit(token: str) -> ApplyState:
    page = _apply(token)
    await ApplyState.open_apply.fn(page)
    await ApplyState.save_field.fn(page, "phone", "010-2345-6789")
    await ApplyState.save_field.fn(page, "meal", "delivery")
    await ApplyState.submit_application.fn(page)
    return page


async def test_the_form_is_prefilled_and_a_double_submit_makes_one_application(app_db: str) -> None:
    _, token = _account(app_db, "halmoni@example.com", profile=PROFILE)
    page = _apply(token)
    await ApplyState.open_apply.fn(page)
    assert page.found and page.eligibility == "eligible"
    assert _field(page, "birth_date").value == "1955-06-01" and _field(page, "birth_date").prefilled
    assert _field(page, "dong").value == "신당동" and _field(page, "household_size").value == "1"
    assert not _field(page, "phone").prefilled and _field(page, "phone").value == ""
    assert [o.label for o in _field(page, "meal").choices] == ["경로식당에서 식사", "도시락 배달"]
    assert {d.key for d in page.official_docs} == {"livelihood_certificate"}
    assert {d.key for d in page.resident_docs} == {"id_card"}

    await ApplyState.submit_application.fn(page)  # phone and meal missing: nothing is stored
    assert not page.submitted and set(e.name for e in page.fields if e.error) == {"phone", "meal"}
    assert _count(app_db, Application) == 0
    await ApplyState.save_field.fn(page, "phone", "010-2345-6789")
    await ApplyState.save_field.fn(page, "meal", "delivery")
    await ApplyState.submit_application.fn(page)
    await ApplyState.submit_application.fn(page)  # the double click
    assert page.submitted and page.submitted_id
    with transaction(app_db) as session:
        [application] = session.exec(select(Application)).all()
        assert application.id == page.submitted_id and application.status == "submitted"
        assert application.department == "어르신복지과"
    assert _count(app_db, ApplicationDraft) == 0


async def test_the_draft_is_back_in_a_fresh_state_and_a_bad_value_is_named(app_db: str) -> None:
    _, token = _account(app_db, "halmoni@example.com", profile=PROFILE)
    page = _apply(token)
    await ApplyState.open_apply.fn(page)
    await ApplyState.save_field.fn(page, "dong", "회현동")  # the resident corrects a prefilled value
    await ApplyState.save_field.fn(page, "note", "계단이 힘들어요")
    await ApplyState.save_field.fn(page, "household_size", "둘")
    assert _field(page, "household_size").error == "숫자로 입력해 주세요."
    assert _field(page, "household_size").value == "둘"  # what they typed stays, with the message

    reloaded = _apply(token)  # a reload, or a reconnect that hands the tab a new state
    await ApplyState.open_apply.fn(reloaded)
    assert _field(reloaded, "dong").value == "회현동" and not _field(reloaded, "dong").prefilled
    assert _field(reloaded, "note").value == "계단이 힘들어요"
    assert _field(reloaded, "birth_date").prefilled and reloaded.draft_note
    fresh = _apply(token)  # no on_load at all: handlers still find the programme from the URL
    await ApplyState.save_field.fn(fresh, "phone", "010-1111-2222")
    again = _apply(token)
    await ApplyState.open_apply.fn(again)
    assert _field(again, "phone").value == "010-1111-2222" and _field(again, "dong").value == "회현동"


async def test_anonymous_visitors_are_sent_to_sign_in_and_back(app_db: str) -> None:
    page = _apply(None)
    result = await ApplyState.open_apply.fn(page)
    assert "/login?next=%2Fapply%3Fid%3Dnative%253Ajunggu-senior-lunch" in str(result)
    assert page.fields == []
    await ApplyState.save_field.fn(page, "phone", "010-1111-2222")
    await ApplyState.submit_application.fn(page)
    assert _count(app_db, ApplicationDraft) == 0 and _count(app_db, Application) == 0


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (GIF, "id.gif", "id.gif: PDF, JPG, PNG 파일만 올릴 수 있습니다."),
        (
            b"%PDF-" + b"0" * MAX_UPLOAD_BYTES,
            "big.pdf",
            "big.pdf: 파일이 너무 큽니다. 10MB 이하만 올릴 수 있습니다.",
        ),
        (b"", "empty.png", "empty.png: 빈 파일은 올릴 수 없습니다."),
    ],
)
async def test_a_refused_upload_says_why_and_stores_nothing(
    app_db: str, tmp_path, data, name, message
) -> None:
    _, token = _account(app_db, "halmoni@example.com", profile=PROFILE)
    page = _apply(token)
    await ApplyState.open_apply.fn(page)
    await ApplyState.upload_document.fn(page, [_file(data, name)], "id_card")
    assert page.upload_error == message and page.uploads == []
    assert _count(app_db, Upload) == 0
    assert not list((tmp_path / "private-uploads").glob("*"))


async def test_uploads_are_listed_removable_and_tick_the_checklist(app_db: str, tmp_path) -> None:
    _, token = _account(app_db, "halmoni@example.com", profile=PROFILE)
    page = _apply(token)
    await ApplyState.open_apply.fn(page)
    await ApplyState.upload_document.fn(page, [_file(PDF, "id.pdf")], "id_card")
    assert page.upload_error == "" and [u.document for u in page.uploads] == ["신분증 사본"]
    assert [d.satisfied for d in page.resident_docs] == [True]
    await ApplyState.upload_document.fn(page, [_file(PDF, "x.pdf")], "livelihood_certificate")  # official's
    assert page.upload_error == "어떤 서류인지 골라 주세요." and len(page.uploads) == 1
    await ApplyState.remove_file.fn(page, page.uploads[0].id)
    assert page.uploads == [] and [d.satisfied for d in page.resident_docs] == [False]
    assert _count(app_db, Upload) == 0 and not list((tmp_path / "private-uploads").glob("*"))


async def test_residents_cannot_reach_each_others_applications_or_files(app_db: str) -> None:
    _, owner = _account(app_db, "owner@example.com", profile=PROFILE)
    _, other = _account(app_db, "other@example.com", profile=PROFILE)
    page = _apply(owner)
    await ApplyState.open_apply.fn(page)
    await ApplyState.upload_document.fn(page, [_file(PDF, "id.pdf")], "id_card")
    upload_id = page.uploads[0].id
    page = await _fill_and_submit(owner)
    application_id = page.submitted_id

    snooper = _page(ApplicationState, other, "/application", {"id": str(application_id)})
    await ApplicationState.open_application.fn(snooper)
    assert not snooper.found and snooper.answers == [] and snooper.history == [] and snooper.uploads == []
    await ApplicationState.supply_documents.fn(snooper)
    await ApplicationState.remove_file.fn(snooper, upload_id)
    await ApplicationState.upload_document.fn(snooper, [_file(PDF, "evil.pdf")], "id_card")
    snoop_apply = _apply(other)
    await ApplyState.open_apply.fn(snoop_apply)
    await ApplyState.remove_file.fn(snoop_apply, upload_id)
    assert snoop_apply.uploads == []
    with transaction(app_db) as session:
        assert [u.id for u in session.exec(select(Upload)).all()] == [upload_id]
        assert session.get(Application, application_id).status == "submitted"

    url = f"/api/uploads/{upload_id}"
    assert TestClient(api, cookies={SESSION_COOKIE: other}).get(url).status_code == 404
    assert TestClient(api).get(url).status_code == 404
    owners = TestClient(api, cookies={SESSION_COOKIE: owner})
    assert owners.get("/api/uploads/../../etc/passwd").status_code == 404
    own = owners.get(url)
    assert own.status_code == 200 and own.content == PDF
    assert own.headers["content-disposition"].startswith("attachment;")
    assert own.headers["x-content-type-options"] == "nosniff" and "no-store" in own.headers["cache-control"]

    mine = _page(ApplicationState, owner, "/application", {"id": str(application_id)})
    await ApplicationState.open_application.fn(mine)
    assert mine.found and mine.status == "submitted" and [h.status for h in mine.history] == ["submitted"]
    assert ("연락처", "010-2345-6789") in [(a.label, a.value) for a in mine.answers]


async def test_only_staff_of_the_department_open_and_decide_and_the_resident_sees_it(app_db: str) -> None:
    resident_id, resident = _account(app_db, "owner@example.com", profile=PROFILE)
    application_id = (await _fill_and_submit(resident)).submitted_id
    _, elsewhere = _account(app_db, "safety@junggu.example", role="staff", department="안전총괄과")
    reviewer_id, reviewer = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    query = {"id": str(application_id)}

    for token in (elsewhere, resident):
        page = _page(StaffApplicationState, token, "/staff/application", query)
        await StaffApplicationState.open_review.fn(page)
        assert not page.found and page.answers == [] and page.applicant == ""
        page.application_id = application_id  # a forged page state changes nothing either
        page.reason_text = "forged"
        await StaffApplicationState.decide.fn(page, "approved")
        queue = _page(StaffQueueState, token, "/staff/applications")
        await StaffQueueState.open_queue.fn(queue)
        assert queue.rows == []
    with transaction(app_db) as session:
        assert session.get(Application, application_id).status == "submitted"
    assert [r.action for r in rows(app_db, "audit_log") if r.action.startswith("application")] == []

    queue = _page(StaffQueueState, reviewer, "/staff/applications")
    await StaffQueueState.open_queue.fn(queue)
    assert [r.id for r in queue.rows] == [application_id]
    page = _page(StaffApplicationState, reviewer, "/staff/application", query)
    await StaffApplicationState.open_review.fn(page)
    assert (
        page.found and page.applicant == "시험 주민" and page.status == "submitted"
    )  # the name, not the login
    assert [(r.key, r.typed) for r in page.applicant_rows[:2]] == [("name", "시험 주민"),
                                                                    ("birth_date", f"1958-01-01 (만 {age_on(date(1958, 1, 1), seoul_today())}세)")]  # fmt: skip
    await StaffApplicationState.decide.fn(page, "more_documents")  # no reason: refused, named
    assert page.field_errors == {"reason": "반려하거나 보완을 요청할 때는 사유를 적어야 합니다."}
    StaffApplicationState.set_reason.fn(page, "신분증 사본을 올려 주세요.")
    await StaffApplicationState.decide.fn(page, "more_documents")
    assert page.status == "more_documents" and page.field_errors == {}

    listing = _page(MyApplicationsState, resident, "/applications")
    await MyApplicationsState.open_applications.fn(listing)
    assert [(r.status, r.unread) for r in listing.rows] == [("more_documents", True)]
    session_state = _page(SessionState, resident, "/applications")
    SessionState.load_session.fn(session_state)
    assert session_state.unread_applications == 1
    mine = _page(ApplicationState, resident, "/application", query)
    await ApplicationState.open_application.fn(mine)
    assert mine.asked == "신분증 사본을 올려 주세요." and mine.status_label == "서류 보완 필요"
    await ApplicationState.upload_document.fn(mine, [_file(PDF, "id.pdf")], "id_card")
    assert [u.removable for u in mine.uploads] == [True]
    await ApplicationState.supply_documents.fn(mine)
    assert mine.status == "in_review" and [u.removable for u in mine.uploads] == [False]
    SessionState.load_session.fn(session_state)
    assert session_state.unread_applications == 0

    await StaffApplicationState.open_review.fn(page)
    _override(page)  # required documents are still missing: approved with a stated reason
    await StaffApplicationState.decide.fn(page, "approved")
    assert page.status == "approved" and page.notice
    await ApplicationState.open_application.fn(mine)
    assert mine.status_label == "승인" and [h.status for h in mine.history] == [
        "submitted", "more_documents", "in_review", "approved"]  # fmt: skip
    actions = [
        (r.action, r.actor_id, r.subject_id) for r in rows(app_db, "audit_log") if r.actor_id == reviewer_id
    ]
    assert ("application.decided", reviewer_id, resident_id) in actions
    assert ("application.read", reviewer_id, resident_id) in actions


async def test_mydata_import_with_consent_ticks_the_checklist_and_fills_the_form(
    app_db: str, monkeypatch
) -> None:
    account_id, token = _account(app_db, "halmoni@example.com", profile={"age": 67})
    with running() as base_url:
        monkeypatch.setenv("NAESONE_MYDATA_URL", base_url)
        page = _apply(token)
        await ApplyState.open_apply.fn(page)
        assert page.mydata_available and page.consent_until == ""
        assert page.evidence_name == "주민등록표등본, 기초생활수급자 증명서·차상위계층 확인서"
        await ApplyState.import_document.fn(page)  # no consent yet: nothing fetched
        assert page.evidence_error == "먼저 가져오기에 동의해 주세요."
        await ApplyState.give_evidence_consent.fn(page)
        assert page.consent_until.startswith("동의함 · ")
        await ApplyState.import_document.fn(page)
    assert page.evidence_error == "" and page.evidence_notice
    assert [(d.key, d.satisfied, d.how) for d in page.evidence_docs] == [
        ("resident_copy", True, "evidence"), ("livelihood_proof", True, "evidence")]  # fmt: skip
    assert _field(page, "dong").value == "신당동" and _field(page, "dong").prefilled
    assert _field(page, "birth_date").value == "1959-04-02"
    with transaction(app_db) as session:
        assert load_profile(session, account_id)["dong"] == "신당동"


async def test_a_decision_is_pushed_to_the_residents_browser_and_a_dead_push_service_fails_nothing(
    app_db: str,
    push_service: PushService,  # noqa: F811
    vapid: str,  # noqa: F811
    monkeypatch,
) -> None:
    from datetime import UTC, datetime

    from naesone_app.core.reminders import parse_subscription
    from naesone_app.delivery import deliver_due

    resident_id, resident = _account(app_db, "owner@example.com", profile=PROFILE)
    browser = Browser(push_service.origin + "/push/phone")
    with transaction(app_db) as session:
        subscribe(session, resident_id, parse_subscription(browser.subscription(), allow_loopback=True), "en",
                  ["application_result"])  # fmt: skip
    application_id = (await _fill_and_submit(resident)).submitted_id
    _, reviewer = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    handed_over: list[tuple] = []
    monkeypatch.setattr(application_actions, "notify_in_background", lambda *ids: handed_over.append(ids))
    page = _page(StaffApplicationState, reviewer, "/staff/application", {"id": str(application_id)})
    await StaffApplicationState.open_review.fn(page)
    await StaffApplicationState.decide.fn(page, "in_review")
    with transaction(app_db) as session:
        from naesone_app.db.application_models import ApplicationEvent

        event_id = session.exec(select(ApplicationEvent.id).order_by(ApplicationEvent.id.desc())).first()
    assert handed_over == [()]  # the decision, committed with its notice, hands over to the deliverer
    daytime = datetime.now(UTC).replace(hour=2)  # 11:00 in Seoul, the day of the decision
    push_service.deliveries.clear()
    assert deliver_due(daytime, url=app_db).sent == 1
    [delivery] = [d for d in push_service.deliveries if d.path == "/push/phone"]
    assert browser.read(delivery.body) == {
        "title": "Your application status changed",
        "body": "Free lunch at senior community cafeterias: In review",
        "url": f"/en/application?id={application_id}",
        "tag": f"application_result:{application_id}:{event_id}",
        "lang": "en",
    }
    assert deliver_due(daytime, url=app_db).sent == 0  # once
    night = daytime.replace(hour=14)  # 23:00 in Seoul: waits for the morning
    push_service.close()  # and a push service that is gone never fails the decision
    _override(page)  # required documents are still missing: approved with a stated reason
    await StaffApplicationState.decide.fn(page, "approved")
    assert page.status == "approved"
    assert deliver_due(night, url=app_db).sent == 0


async def test_a_change_held_back_at_night_goes_out_with_the_morning_job(
    app_db: str,
    naesone,
    push_service: PushService,  # noqa: F811
    vapid: str,  # noqa: F811
    monkeypatch,
) -> None:
    from naesone_app.core.reminders import parse_subscription

    resident_id, resident = _account(app_db, "owner@example.com", profile=PROFILE)
    browser = Browser(push_service.origin + "/push/phone")
    with transaction(app_db) as session:
        subscribe(session, resident_id, parse_subscription(browser.subscription(), allow_loopback=True), "ko",
                  ["application_result"])  # fmt: skip
    application_id = (await _fill_and_submit(resident)).submitted_id
    _, reviewer = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    monkeypatch.setattr(application_actions, "notify_in_background", lambda *ids: None)  # as if it were night
    page = _page(StaffApplicationState, reviewer, "/staff/application", {"id": str(application_id)})
    await StaffApplicationState.open_review.fn(page)
    _override(page)  # required documents are still missing: approved with a stated reason
    await StaffApplicationState.decide.fn(page, "approved")
    from datetime import datetime, timedelta

    morning = (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%dT09:00")  # Seoul time, within the week
    sent = naesone("reminders", "send", "--now", morning)
    assert sent.code == 0, sent.err
    [delivery] = [d for d in push_service.deliveries if d.path == "/push/phone"]
    assert browser.read(delivery.body)["body"] == "경로식당 무료 점심 급식: 승인"
    again = naesone("reminders", "send", "--now", morning)
    assert "sent 0" in again.out and len(push_service.deliveries) == 1


def test_sign_in_returns_to_the_page_that_asked_and_never_to_another_site(app_db: str) -> None:
    from naesone_app.state.account_forms import AccountFormsState, local_path

    _account(app_db, "halmoni@example.com", profile=PROFILE)
    back = "/apply?id=native:junggu-senior-lunch"
    page = _page(AccountFormsState, None, "/login", {"next": back})
    result = AccountFormsState.sign_in.fn(page, {"login": "halmoni@example.com", "password": PASSWORD})
    assert back in str(result) and "/feed" not in str(result)
    for hostile in (
        "//evil.example/x",
        "https://evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "/a\nb",
    ):
        assert local_path(hostile) == "", hostile
    page = _page(AccountFormsState, None, "/login", {"next": "//evil.example"})
    result = AccountFormsState.sign_in.fn(page, {"login": "halmoni@example.com", "password": PASSWORD})
    assert "evil.example" not in str(result) and "/feed" in str(result)


async def test_after_approval_the_form_shows_the_application_and_a_new_view_cannot_submit(
    app_db: str,
) -> None:
    _, token = _account(app_db, "halmoni@example.com", profile=PROFILE)
    staff, _ = _account(app_db, "clerk@junggu.example", "staff", "어르신복지과")
    first = await _fill_and_submit(token)
    assert first.submitted and re.fullmatch(r"중구-20\d\d-\d{6}", first.receipt_no)
    assert "근무일 7일" in first.processing
    with transaction(app_db) as session:
        from naesone_app.db.applications import transition

        transition(session, staff, first.submitted_id, "approved")
    again = _apply(token)
    await ApplyState.open_apply.fn(again)
    assert again.existing_id == first.submitted_id and again.existing_receipt == first.receipt_no
    assert again.existing_label == "승인" and again.fields == []
    stale = _apply(token)  # a tab opened before: its own key, the form still on screen
    stale._submit_key = "another-view-of-the-form"
    await ApplyState.submit_application.fn(stale)
    assert not stale.submitted and stale.existing_id == first.submitted_id
    assert _count(app_db, Application) == 1


async def test_sign_up_begun_on_the_form_returns_to_it_and_errors_take_focus(app_db: str) -> None:
    from naesone_app.state.account_forms import AccountFormsState

    back = "/apply?id=native:junggu-senior-lunch"
    login_page = _page(AccountFormsState, None, "/login", {"next": back})
    AccountFormsState.clear.fn(login_page)
    assert login_page.next_query == "?next=%2Fapply%3Fid%3Dnative%3Ajunggu-senior-lunch"
    signup = _page(AccountFormsState, None, "/signup", {"next": back})
    form = {
        "login": "new@example.com",
        "password": PASSWORD,
        "password2": PASSWORD + "x",
        "consent_account": True,
    }
    refused = await AccountFormsState.sign_up.fn(signup, form)
    assert set(signup.field_errors) == {"password2"} and 'getElementById("password2")' in str(refused)
    result = await AccountFormsState.sign_up.fn(signup, {**form, "password2": PASSWORD})
    assert back in str(result) and "/feed" not in str(result)


async def test_the_residents_inbox_shows_the_decision_marks_it_read_and_only_ever_her_own(
    app_db: str, monkeypatch
) -> None:
    from naesone_app.state.notices import NoticesState
    from naesone_app.state.session import SessionState

    _, resident = _account(app_db, "owner@example.com", profile=PROFILE)
    _, neighbour = _account(app_db, "neighbour@example.com", profile=PROFILE)
    application_id = (await _fill_and_submit(resident)).submitted_id
    _, reviewer = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    monkeypatch.setattr(application_actions, "notify_in_background", lambda: None)  # no push configured
    page = _page(StaffApplicationState, reviewer, "/staff/application", {"id": str(application_id)})
    await StaffApplicationState.open_review.fn(page)
    _override(page)  # required documents are still missing: approved with a stated reason
    await StaffApplicationState.decide.fn(page, "approved")

    inbox = _page(NoticesState, resident, "/en/notices")
    session = await inbox.get_state(SessionState)
    SessionState.load_session.fn(session)
    assert session.unread_notices == 1
    await NoticesState.open_notices.fn(inbox)
    [row] = inbox.rows
    assert (row.title, row.body) == ("Your application status changed",
                                     "Free lunch at senior community cafeterias: Approved")  # fmt: skip
    assert row.href == f"/en/application?id={application_id}" and row.new
    assert session.unread_notices == 0
    again = _page(NoticesState, resident, "/notices")
    await NoticesState.open_notices.fn(again)
    assert [(r.title, r.new) for r in again.rows] == [("신청 상태가 바뀌었어요", False)]  # seen: read now

    other = _page(NoticesState, neighbour, "/notices")
    await NoticesState.open_notices.fn(other)
    assert other.rows == [] and other.loaded
    anonymous = _page(NoticesState, None, "/notices")
    assert await NoticesState.open_notices.fn(anonymous) is not None and anonymous.rows == []
