"""The decision beside the evidence, on SQLite and PostgreSQL: the verdict kept at submission and the one
on today's profile, approving with documents missing (refused without an override reason, recorded with
one), duplicates refused at submission after approval but not after rejection, and existing duplicates
flagged."""

from __future__ import annotations

import pytest
from sqlmodel import select

from naesone_app.actions import applications as actions
from naesone_app.core.decision import OverrideNeeded
from naesone_app.db.account_models import AuditEntry
from naesone_app.db.application_access import AlreadyApplied, utc_now
from naesone_app.db.application_models import Application, ApplicationEvent
from naesone_app.db.application_reads import duplicate_ids, duplicates_of, submitted_verdict
from naesone_app.db.applications import application_form
from naesone_app.db.engine import transaction
from naesone_app.db.resident_data import save_profile
from naesone_app.state.staff_applications import StaffApplicationState
from tests.integration.test_actions import _actor
from tests.integration.test_application_handlers import LUNCH, PROFILE, _account, _page


@pytest.fixture
def app_db(database: str, naesone, tmp_path, monkeypatch) -> str:
    """The schema and the sample catalogue (the 경로식당 form asks for 등본 and 신분증)."""
    result = naesone("catalog", "load-samples")
    assert result.code == 0, result.err
    monkeypatch.setenv("NAESONE_UPLOAD_DIR", str(tmp_path / "private-uploads"))
    return database


ANSWERS = {"birth_date": "1955-06-01", "dong": "신당동", "phone": "010-2345-6789", "meal": "delivery"}


def _submit(url: str, account_id: int, key: str = "view-0001") -> int:
    with transaction(url) as session:
        form = application_form(session, LUNCH)
    assert form is not None
    return actions.submit(_actor(url, account_id), LUNCH, form, ANSWERS, key).id


def _audits(url: str) -> list[AuditEntry]:
    with transaction(url) as session:
        return list(session.exec(select(AuditEntry).order_by(AuditEntry.id)))


def test_the_verdict_is_kept_at_submission_and_staff_see_it_beside_todays(app_db: str) -> None:
    resident, _ = _account(app_db, "halmoni@example.com", profile=PROFILE)
    officer, _ = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    application_id = _submit(app_db, resident)
    with transaction(app_db) as session:
        stored = session.get(Application, application_id)
        assert stored.verdict_sealed and "eligible" not in stored.verdict_sealed  # sealed, like the answers
        then = submitted_verdict(stored)
    assert then is not None and then.status == "eligible"
    assert {c.status for c in then.criteria} == {"met"} and then.catalogue == "2026-10-01"

    with transaction(app_db) as session:  # she moves out of Jung-gu after applying
        save_profile(
            session, resident, {k: v for k, v in PROFILE.items() if k != "dong"} | {"lives_in_junggu": False}
        )
    before = len(_audits(app_db))
    case = actions.review_application(_actor(app_db, officer), application_id)
    assert case is not None and case.verdict_then == then
    assert case.verdict_now is not None and case.verdict_now.status == "ineligible"
    moved = [c.key for c in case.verdict_now.criteria if c.status == "unmet"]
    assert moved == [then.criteria[0].key]
    assert [e.action for e in _audits(app_db)[before:]] == ["application.read"]  # the one audited read


def test_approving_with_missing_documents_needs_an_override_reason_which_is_recorded(app_db: str) -> None:
    resident, _ = _account(app_db, "halmoni@example.com", profile=PROFILE)
    officer, _ = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    application_id = _submit(app_db, resident)
    before = len(_audits(app_db))

    for reason in ("", "   "):
        with pytest.raises(OverrideNeeded) as refused:
            actions.decide(_actor(app_db, officer), application_id, "approved", override_reason=reason)
        assert set(refused.value.missing) == {"resident_copy", "id_card"}
    with transaction(app_db) as session:
        assert session.get(Application, application_id).status == "submitted"
    assert len(_audits(app_db)) == before  # nothing decided, nothing audited

    secret = "김영희 님 신분증은 창구에서 원본 확인"
    done = actions.decide(_actor(app_db, officer), application_id, "approved", override_reason=secret)
    assert done.application.status == "approved"
    with transaction(app_db) as session:
        event = session.get(ApplicationEvent, done.event_id)
        assert (event.to_status, event.override_reason, event.reason) == ("approved", secret, "")
    [entry] = [e for e in _audits(app_db)[before:] if e.action == "application.decided"]
    assert (
        "resident_copy" in entry.detail
        and "id_card" in entry.detail
        and f"event {done.event_id}" in entry.detail
    )
    assert "김영희" not in entry.detail and "창구" not in entry.detail  # the reason's free text stays out

    resident_view = actions.own_application(_actor(app_db, resident), application_id)
    assert resident_view is not None and resident_view.verdict_then is None  # verdicts are for reviewers


def test_other_decisions_are_not_blocked_by_missing_documents(app_db: str) -> None:
    resident, _ = _account(app_db, "halmoni@example.com", profile=PROFILE)
    officer, _ = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    application_id = _submit(app_db, resident)
    actions.decide(_actor(app_db, officer), application_id, "in_review")
    actions.decide(_actor(app_db, officer), application_id, "rejected", "소득 기준을 넘어요")
    with transaction(app_db) as session:
        assert session.get(Application, application_id).status == "rejected"


def test_a_duplicate_is_refused_after_approval_and_allowed_after_rejection(app_db: str) -> None:
    resident, _ = _account(app_db, "halmoni@example.com", profile=PROFILE)
    officer, _ = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    first = _submit(app_db, resident, "view-0001")
    actions.decide(_actor(app_db, officer), first, "approved", override_reason="원본 확인")
    with pytest.raises(AlreadyApplied) as refused:
        _submit(app_db, resident, "view-0002")
    assert refused.value.application.id == first and refused.value.application.status == "approved"

    neighbour, _ = _account(app_db, "neighbour@example.com", profile=PROFILE)
    rejected = _submit(app_db, neighbour, "view-0003")
    actions.decide(_actor(app_db, officer), rejected, "rejected", "서류가 맞지 않아요")
    again = _submit(app_db, neighbour, "view-0004")
    assert again != rejected
    with transaction(app_db) as session:
        assert duplicate_ids(session, [first, rejected, again]) == set()


def test_duplicates_made_before_the_rule_are_flagged(app_db: str) -> None:
    resident, _ = _account(app_db, "halmoni@example.com", profile=PROFILE)
    officer, _ = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    neighbour, _ = _account(app_db, "neighbour@example.com", profile=PROFILE)
    first = _submit(app_db, resident, "view-0001")
    alone = _submit(app_db, neighbour, "view-0002")
    with transaction(app_db) as session:  # as the old code let through (migration 0012 kept it keyless)
        old = session.get(Application, first)
        now = utc_now()
        copy = Application(account_id=resident, program_key=LUNCH, department=old.department, status="in_review",
                           answers_sealed=old.answers_sealed, idempotency_key="old-duplicate", submitted_at=now,
                           updated_at=now, receipt_no="중구-2026-999999")  # fmt: skip
        session.add(copy)
        session.flush()
        second = copy.id
    with transaction(app_db) as session:
        assert duplicate_ids(session, [first, second, alone]) == {first, second}
        assert duplicate_ids(session, []) == set()
        assert [a.id for a in duplicates_of(session, session.get(Application, first))] == [second]
    case = actions.review_application(_actor(app_db, officer), first)
    assert case is not None and [a.receipt_no for a in case.duplicates] == ["중구-2026-999999"]

    actions.decide(_actor(app_db, officer), second, "rejected", "중복 신청")
    with transaction(app_db) as session:  # a rejected copy no longer makes a duplicate
        assert duplicate_ids(session, [first, second]) == set()
        assert duplicates_of(session, session.get(Application, second)) == []


async def test_the_case_page_blocks_approval_until_an_override_reason_then_confirms(app_db: str) -> None:
    resident, _ = _account(app_db, "halmoni@example.com", profile=PROFILE)
    _, officer = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    application_id = _submit(app_db, resident)
    page = _page(StaffApplicationState, officer, "/staff/application", {"id": str(application_id)})
    await StaffApplicationState.open_review.fn(page)
    assert page.verdict.then_label == "자격 충족" and page.verdict.now_label == "자격 충족"
    assert page.verdict_rows and not any(r.changed for r in page.verdict_rows)
    assert page.missing_docs == ["신분증 사본", "주민등록표등본"]
    assert {d.key: d.how_text for d in page.staff_docs}["id_card"] == "없음 (미제출)"

    await StaffApplicationState.ask_confirm.fn(page, "approved")
    assert page.confirming == "" and "신분증 사본, 주민등록표등본" in page.field_errors["override"]
    StaffApplicationState.set_override_reason.fn(page, "창구에서 원본 확인")  # a reason, but not ticked
    await StaffApplicationState.ask_confirm.fn(page, "approved")
    assert page.confirming == "" and "override" in page.field_errors
    await StaffApplicationState.decide.fn(page, "approved")  # straight to the handler: refused too
    assert page.status == "submitted" and "override" in page.field_errors

    StaffApplicationState.set_override.fn(page, True)
    await StaffApplicationState.ask_confirm.fn(page, "approved")
    assert page.confirming == "approved" and page.field_errors == {}
    assert "경로식당" in page.confirm_text and "알림이 갑니다" in page.confirm_text
    await StaffApplicationState.decide.fn(page, "approved")
    assert page.status == "approved" and page.confirming == ""
    assert [h.override for h in page.history] == ["", "창구에서 원본 확인"]

    await StaffApplicationState.ask_confirm.fn(page, "rejected")  # decided: the rules refuse, no dialog
    assert page.confirming == "" and "reason" in page.field_errors
