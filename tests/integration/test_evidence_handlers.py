"""Public-MyData consents and documents through the handlers a browser calls, on SQLite and PostgreSQL:
withdrawal on /account (owner only), expiry, imports refused afterwards with the reason, what an imported
document states on the application pages (owner and the responsible department only, staff reads
audited), deleting documents not submitted with an application, export and account deletion."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from naesone_app.actions.evidence import import_evidence
from naesone_app.db.application_access import EvidenceConsentMissing, utc_now
from naesone_app.db.application_models import ApplicationEvidence, EvidenceConsent, EvidenceDocument
from naesone_app.db.engine import transaction
from naesone_app.db.evidence import active_evidence_consent, record_evidence_consent
from naesone_app.db.personal_data import delete_account, export_account
from naesone_app.integrations.mydata import HttpEvidenceProvider
from naesone_app.integrations.mydata_standin import SAMPLE_COPY, SAMPLE_TOKEN, running
from naesone_app.state.applications import ApplicationState
from naesone_app.state.apply import ApplyState
from naesone_app.state.evidence import EvidenceConsentState
from naesone_app.state.staff_applications import StaffApplicationState
from tests.integration.test_application_handlers import (  # noqa: F401
    PROFILE,
    _account,
    _apply,
    _page,
    app_db,
)
from tests.integration.test_push import _rows as rows

COPY = "resident_registration_copy"
ONLY_COPY = {SAMPLE_TOKEN: {COPY: SAMPLE_COPY}}  # a provider with her 등본 and no 수급자·차상위 증명
FORM_KINDS = "기초생활수급자 증명서·차상위계층 확인서, 주민등록표등본"  # what the lunch form can use


async def _import_and_submit(url: str, token: str, monkeypatch) -> tuple[ApplyState, int]:
    """Consent, import the 주민등록표등본 from the stand-in (which has no 차상위 확인서 for her: named, the
    등본 still comes), fill in the rest and submit."""
    with running(ONLY_COPY) as base_url:
        monkeypatch.setenv("NAESONE_MYDATA_URL", base_url)
        page = _apply(token)
        await ApplyState.open_apply.fn(page)
        await ApplyState.give_evidence_consent.fn(page)
        await ApplyState.import_document.fn(page)
        assert "주민등록표등본" in page.evidence_notice
        assert page.evidence_error.startswith(
            "기초생활수급자 증명서·차상위계층 확인서은(는) 지금 가져올 수 없어요."
        )
        await ApplyState.save_field.fn(page, "phone", "010-2345-6789")
        await ApplyState.save_field.fn(page, "meal", "delivery")
        await ApplyState.submit_application.fn(page)
    assert page.submitted_id
    return page, page.submitted_id


async def _account_page(token: str) -> EvidenceConsentState:
    page = _page(EvidenceConsentState, token, "/account")
    await EvidenceConsentState.open_evidence.fn(page)
    return page


async def test_only_the_owner_withdraws_and_no_import_follows(app_db: str, monkeypatch) -> None:  # noqa: F811
    owner_id, owner = _account(app_db, "owner@example.com", profile=PROFILE)
    _, other = _account(app_db, "other@example.com", profile=PROFILE)
    apply_page, _application_id = await _import_and_submit(app_db, owner, monkeypatch)

    mine = await _account_page(owner)
    [consent] = mine.consents
    assert (consent.documents, consent.status, consent.status_label) == (FORM_KINDS, "active", "유효")
    assert consent.scope.startswith("신청서 작성 증빙: ") and consent.granted and consent.expires
    theirs = await _account_page(other)
    assert theirs.consents == [] and theirs.documents == []
    await EvidenceConsentState.withdraw.fn(theirs, consent.id)  # another resident's id does nothing
    await EvidenceConsentState.withdraw.fn(theirs, "1 OR 1=1")
    with transaction(app_db) as session:
        assert session.get(EvidenceConsent, consent.id).withdrawn_at is None
    assert theirs.consents == [] and theirs.notice == ""

    await EvidenceConsentState.withdraw.fn(mine, consent.id)
    assert [(c.status, c.status_label) for c in mine.consents] == [("withdrawn", "철회함")]
    assert mine.consents[0].withdrawn and "이 동의로는 서류를 가져오지 않아요" in mine.notice
    assert ("evidence_consent.withdrawn", owner_id) in [
        (r.action, r.actor_id) for r in rows(app_db, "audit_log")
    ]

    # the lunch is applied for (its form now shows that application), so the import is tried on another
    # form asking for the same 등본: refused, says why; nothing is fetched or stored
    apply_page = _page(ApplyState, owner, "/apply", {"id": "native:junggu-fire-safety-kit"})
    with running() as base_url:
        monkeypatch.setenv("NAESONE_MYDATA_URL", base_url)
        await ApplyState.open_apply.fn(apply_page)
        assert apply_page.consent_until == ""
        await ApplyState.import_document.fn(apply_page)
    assert (
        apply_page.evidence_error
        == "가져오기 동의를 철회해서 가져올 수 없어요. 가져오려면 다시 동의해 주세요."
    )
    with transaction(app_db) as session:
        assert len(session.exec(select(EvidenceDocument)).all()) == 1


@pytest.mark.parametrize("days_ago, expect", [(31, None), (29, "active")])
def test_an_expired_consent_allows_no_import(app_db: str, days_ago: int, expect: str | None) -> None:  # noqa: F811
    account_id, _ = _account(app_db, "late@example.com")
    granted = utc_now() - timedelta(days=days_ago)
    with running() as base_url, transaction(app_db) as session:
        provider = HttpEvidenceProvider(base_url)
        record_evidence_consent(
            session, account_id, provider.name, [COPY], "증빙", timedelta(days=30), granted
        )
        found = active_evidence_consent(session, account_id, provider.name, COPY)
        assert (found is not None) == (expect == "active")
        if expect is None:
            with pytest.raises(EvidenceConsentMissing) as refused:
                import_evidence(session, account_id, provider, SAMPLE_TOKEN, COPY)
            assert refused.value.reason == "expired"
            assert session.exec(select(EvidenceDocument)).all() == []
        else:
            import_evidence(session, account_id, provider, SAMPLE_TOKEN, COPY)
    with transaction(app_db) as session:
        from naesone_app.db.evidence import consents_of

        assert [v.status for v in consents_of(session, account_id)] == [expect or "expired"]


async def test_the_document_shows_what_it_states_to_the_owner_and_the_department_only(
    app_db: str,  # noqa: F811
    monkeypatch,
) -> None:
    owner_id, owner = _account(app_db, "owner@example.com", profile=PROFILE)
    _, other = _account(app_db, "other@example.com", profile=PROFILE)
    _, elsewhere = _account(app_db, "safety@junggu.example", role="staff", department="안전총괄과")
    reviewer_id, reviewer = _account(app_db, "senior@junggu.example", role="staff", department="어르신복지과")
    _, application_id = await _import_and_submit(app_db, owner, monkeypatch)
    query = {"id": str(application_id)}

    mine = _page(ApplicationState, owner, "/application", query)
    await ApplicationState.open_application.fn(mine)
    [document] = mine.evidence
    assert document.name == "주민등록표등본" and document.sample
    assert [(s.label, s.value) for s in document.statements][:2] == [
        ("발급 기관", "서울특별시 중구 신당동장 (예시)"), ("발급일", "2026-11-20")]  # fmt: skip
    assert [(m.relation, m.name, m.birth_date, m.sex) for m in document.members] == [
        ("본인", "김*순", "1959-04-02", "여"), ("자녀", "이*민", "2015-03-01", "남")]  # fmt: skip
    assert [r.action for r in rows(app_db, "audit_log") if r.action == "evidence.read"] == []

    for token in (other, elsewhere):
        page = _page(ApplicationState, token, "/application", query)
        await ApplicationState.open_application.fn(page)
        staff_page = _page(StaffApplicationState, token, "/staff/application", query)
        await StaffApplicationState.open_review.fn(staff_page)
        assert page.evidence == [] and staff_page.evidence == [] and not staff_page.found
    assert [r.action for r in rows(app_db, "audit_log") if r.action == "evidence.read"] == []

    review = _page(StaffApplicationState, reviewer, "/staff/application", query)
    await StaffApplicationState.open_review.fn(review)
    assert [d.members for d in review.evidence] == [document.members]
    reads = [(r.actor_id, r.subject_id) for r in rows(app_db, "audit_log") if r.action == "evidence.read"]
    assert reads == [(reviewer_id, owner_id)]


async def test_documents_not_submitted_can_be_deleted_submitted_ones_stay(
    app_db: str,  # noqa: F811
    monkeypatch,
) -> None:
    owner_id, owner = _account(app_db, "owner@example.com", profile=PROFILE)
    _, other = _account(app_db, "other@example.com", profile=PROFILE)
    apply_page, application_id = await _import_and_submit(app_db, owner, monkeypatch)
    with running(ONLY_COPY) as base_url:  # a second import after submitting: not attached to anything
        monkeypatch.setenv("NAESONE_MYDATA_URL", base_url)
        await ApplyState.open_apply.fn(apply_page)
        await ApplyState.import_document.fn(apply_page)
    mine = await _account_page(owner)
    newer, submitted = mine.documents
    assert (newer.deletable, submitted.deletable, submitted.submitted_with) == (True, False, 1)

    theirs = await _account_page(other)
    await EvidenceConsentState.delete.fn(theirs, newer.id)
    await EvidenceConsentState.delete.fn(mine, submitted.id)  # a forged click on the submitted one
    assert mine.notice == "신청서와 함께 제출한 서류는 지울 수 없어요."
    with transaction(app_db) as session:
        assert len(session.exec(select(EvidenceDocument)).all()) == 2
    await EvidenceConsentState.delete.fn(mine, newer.id)
    assert [d.id for d in mine.documents] == [submitted.id] and mine.notice == "가져온 서류를 지웠어요."

    with transaction(app_db) as session:
        exported = export_account(session, owner_id)
    assert [c["kinds"] for c in exported["evidence_consents"]] == [["livelihood_certificate", COPY]]
    [held] = exported["evidence_documents"]
    assert held["document"]["members"][0]["name"] == "김*순"
    assert held["submitted_with"] == ["native:junggu-senior-lunch"]
    with transaction(app_db) as session:
        delete_account(session, owner_id)
    with transaction(app_db) as session:
        for model in (EvidenceConsent, EvidenceDocument, ApplicationEvidence):
            assert session.exec(select(model)).all() == []
    assert application_id
