"""Applications on SQLite and PostgreSQL: idempotent submission, drafts, who may read what, uploads,
status history, evidence consent and import through the stand-in MyData provider on 127.0.0.1."""

from __future__ import annotations

import re
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from naesone_app.actions.evidence import import_evidence
from naesone_app.core.application_forms import parse_application
from naesone_app.core.uploads import UploadRefused
from naesone_app.db.accounts import create_account
from naesone_app.db.application_access import (
    AlreadyApplied,
    ApplicationInvalid,
    EvidenceConsentMissing,
    Forbidden,
    NotFound,
    utc_now,
)
from naesone_app.db.application_models import Application, ApplicationEvent, EvidenceConsent, Upload
from naesone_app.db.application_reads import (
    application_checklist,
    get_application,
    my_applications,
    review_queue,
)
from naesone_app.db.applications import (
    active_application,
    application_form,
    documents_supplied,
    load_draft,
    save_draft,
    submit,
    transition,
)
from naesone_app.db.engine import transaction
from naesone_app.db.evidence import active_evidence_consent, record_evidence_consent
from naesone_app.db.personal_data import delete_account, export_account
from naesone_app.db.resident_data import grant_consent, load_profile
from naesone_app.db.uploads import UnsafeUploadDir, read_upload, store_upload, upload_dir
from naesone_app.integrations.mydata import EvidenceError, HttpEvidenceProvider
from naesone_app.integrations.mydata_standin import SAMPLE_TOKEN, running

PASSWORD = "Sindang-Spring-2026"
KEY = "native:junggu-senior-lunch"
OTHER = "native:junggu-longevity-gift"
FORM = parse_application({
    "department": "어르신복지과",
    "fields": [
        {"name": "dong", "type": "text", "required": True, "prefill": "dong", "label": {"ko": "동", "en": "Dong"}},
        {"name": "phone", "type": "phone", "required": True, "label": {"ko": "연락처", "en": "Phone"}},
    ],
    "documents": [
        {"key": "resident_copy", "checked_by": "evidence", "evidence": "resident_registration_copy",
         "label": {"ko": "등본", "en": "Copy"}},
        {"key": "id_card", "checked_by": "resident", "label": {"ko": "신분증", "en": "ID"}},
    ],
})  # fmt: skip
ANSWERS = {"dong": "신당동", "phone": "010-1234-5678"}
PDF = b"%PDF-1.7\n% sample\n" + b"0" * 100


@pytest.fixture
def uploads(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "private-uploads"
    monkeypatch.setenv("NAESONE_UPLOAD_DIR", str(directory))
    return directory


def _account(url: str, login: str, role: str = "resident", department: str = "") -> int:
    with transaction(url) as session:
        account = create_account(session, login, PASSWORD, role=role, department=department)
        grant_consent(session, account.id, "account")
        if role == "resident":
            grant_consent(session, account.id, "sensitive_profile")
        return account.id


def _files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*")) if directory.exists() else []


def test_double_submit_makes_one_application(database: str) -> None:
    resident = _account(database, "a@example.com")
    with transaction(database) as session:
        first = submit(session, resident, KEY, FORM, ANSWERS, "click-0001")
    with transaction(database) as session:
        again = submit(session, resident, KEY, FORM, ANSWERS, "click-0001")
    assert again.id == first.id

    results, errors = [], []

    def attempt() -> None:
        try:
            with transaction(database) as session:
                results.append(submit(session, resident, OTHER, FORM, ANSWERS, "click-0002").id)
        except Exception as exc:  # any error fails the test below
            errors.append(exc)

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(set(results)) == 1
    with transaction(database) as session:
        assert len(my_applications(session, resident)) == 2
        events = session.exec(select(ApplicationEvent)).all()
        assert sorted(e.to_status for e in events) == ["submitted", "submitted"]


def test_second_active_application_is_refused_until_rejected(database: str) -> None:
    """After approval, another view of the form (a new key) is refused and names the one that stands;
    a rejection lets the resident apply again."""
    resident = _account(database, "a@example.com")
    staff = _account(database, "staff@example.com", "staff", "어르신복지과")
    with transaction(database) as session:
        first = submit(session, resident, KEY, FORM, ANSWERS, "view-0001")
        first_id = first.id
    with transaction(database) as session:
        transition(session, staff, first_id, "approved")
    with pytest.raises(AlreadyApplied) as refused, transaction(database) as session:
        submit(session, resident, KEY, FORM, ANSWERS, "view-0002")
    assert refused.value.application.id == first_id
    with transaction(database) as session:
        assert len(my_applications(session, resident)) == 1
        assert active_application(session, resident, KEY).id == first_id
        second = submit(session, resident, OTHER, FORM, ANSWERS, "view-0003")
        transition(session, staff, second.id, "rejected", "서류 미비")
    with transaction(database) as session:  # rejected: a new application is accepted
        again = submit(session, resident, OTHER, FORM, ANSWERS, "view-0004")
        assert again.id != second.id and again.status == "submitted"


def test_concurrent_views_of_one_form_make_one_application(database: str) -> None:
    """Eight tabs, each with its own key, submitting at once: one application, seven refusals."""
    resident = _account(database, "a@example.com")
    made, refused, errors = [], [], []

    def attempt(n: int) -> None:
        try:
            with transaction(database) as session:
                made.append(submit(session, resident, KEY, FORM, ANSWERS, f"tab-{n:04d}").id)
        except AlreadyApplied as exc:
            refused.append(exc.application.id)
        except Exception as exc:  # any other error fails the test below
            errors.append(exc)

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(made) == 1 and len(refused) == 7
    assert set(refused) == set(made)
    with transaction(database) as session:
        assert len(my_applications(session, resident)) == 1


def test_receipt_number_is_readable_and_unique(database: str) -> None:
    first, second = _account(database, "a@example.com"), _account(database, "b@example.com")
    with transaction(database) as session:
        one = submit(session, first, KEY, FORM, ANSWERS, "view-0001")
        two = submit(session, second, KEY, FORM, ANSWERS, "view-0002")
        numbers = [one.receipt_no, two.receipt_no]
    year = utc_now().year
    assert all(re.fullmatch(rf"중구-({year}|{year + 1})-\d{{6}}", n) for n in numbers), numbers
    assert numbers[0] != numbers[1]


def test_invalid_answers_store_nothing(database: str) -> None:
    resident = _account(database, "a@example.com")
    with pytest.raises(ApplicationInvalid) as caught, transaction(database) as session:
        submit(session, resident, KEY, FORM, {"dong": "신당동", "phone": "12"}, "click-0001")
    assert set(caught.value.errors) == {"phone"}
    with transaction(database) as session:
        assert my_applications(session, resident) == []


def test_draft_is_restored_and_cleared_on_submit(database: str, uploads: Path) -> None:
    resident = _account(database, "a@example.com")
    with transaction(database) as session:
        save_draft(session, resident, KEY, FORM, {"dong": "신당동"})
    with transaction(database) as session:  # a reload: a fresh session finds it
        assert load_draft(session, resident, KEY) == {"dong": "신당동"}
        save_draft(session, resident, KEY, FORM, {"dong": "신당동", "phone": "010-1234-5678"})
        store_upload(session, resident, "id_card", PDF, program_key=KEY)
    with transaction(database) as session:
        assert load_draft(session, resident, KEY) == ANSWERS
        application = submit(session, resident, KEY, FORM, load_draft(session, resident, KEY), "click-0003")
    with transaction(database) as session:
        assert load_draft(session, resident, KEY) is None
        view = get_application(session, resident, application.id)
        assert view.answers == ANSWERS and [u.document_key for u in view.uploads] == ["id_card"]
        assert application_checklist(session, resident, application.id, FORM).missing == ("resident_copy",)


def test_residents_cannot_read_each_others_applications_or_uploads(database: str, uploads: Path) -> None:
    owner = _account(database, "owner@example.com")
    other = _account(database, "other@example.com")
    staff = _account(database, "staff@example.com", "staff", "어르신복지과")
    elsewhere = _account(database, "road@example.com", "staff", "도로과")
    with transaction(database) as session:
        application = submit(session, owner, KEY, FORM, ANSWERS, "click-0001")
        upload = store_upload(session, owner, "id_card", PDF, application_id=application.id)
        draft_upload = store_upload(
            session, owner, "id_card", PDF, program_key="native:junggu-longevity-gift"
        )
    with transaction(database) as session:
        for intruder in (other, elsewhere):
            with pytest.raises(NotFound):
                get_application(session, intruder, application.id)
            with pytest.raises(NotFound):
                read_upload(session, intruder, upload.id)
            with pytest.raises(NotFound):
                store_upload(session, intruder, "id_card", PDF, application_id=application.id)
        with pytest.raises(NotFound):
            read_upload(session, staff, draft_upload.id)  # a draft's files are the resident's alone
        with pytest.raises(Forbidden):
            review_queue(session, other, "어르신복지과")
        with pytest.raises(NotFound):
            transition(session, other, application.id, "approved")
        with pytest.raises(Forbidden):
            transition(session, elsewhere, application.id, "approved")
        assert read_upload(session, owner, upload.id)[1] == PDF
        assert read_upload(session, staff, upload.id)[1] == PDF
        assert get_application(session, staff, application.id).answers == ANSWERS
        assert [a.id for a in review_queue(session, staff, "어르신복지과")] == [application.id]


@pytest.mark.parametrize(
    "data", [b"MZ\x90\x00 not really a pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)], ids=["type", "size"]
)
def test_bad_upload_is_refused_and_nothing_stored(database: str, uploads: Path, data: bytes) -> None:
    resident = _account(database, "a@example.com")
    with transaction(database) as session:
        application = submit(session, resident, KEY, FORM, ANSWERS, "click-0001")
    with pytest.raises(UploadRefused) as caught, transaction(database) as session:
        store_upload(session, resident, "id_card", data, application_id=application.id)
    assert caught.value.message.msgid
    with transaction(database) as session:
        assert session.exec(select(Upload)).all() == []
    assert _files(uploads) == []


def test_rolled_back_upload_leaves_no_file(database: str, uploads: Path) -> None:
    resident = _account(database, "a@example.com")
    with pytest.raises(RuntimeError), transaction(database) as session:
        store_upload(session, resident, "id_card", PDF, program_key=KEY)
        assert len(_files(uploads)) == 1
        raise RuntimeError("the request failed later")
    assert _files(uploads) == []


def test_upload_dir_is_never_public(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    for public in ("assets/uploads", "uploaded_files", ".web/public"):
        monkeypatch.setenv("NAESONE_UPLOAD_DIR", public)
        with pytest.raises(UnsafeUploadDir):
            upload_dir()
    monkeypatch.delenv("NAESONE_UPLOAD_DIR")
    assert upload_dir() == (tmp_path / ".naesone" / "uploads").resolve()


def test_status_history_and_decisions(database: str, uploads: Path) -> None:
    resident = _account(database, "a@example.com")
    staff = _account(database, "staff@example.com", "staff", "어르신복지과")
    with transaction(database) as session:
        application = submit(session, resident, KEY, FORM, ANSWERS, "click-0001")
    with transaction(database) as session:
        transition(session, staff, application.id, "in_review")
        transition(session, staff, application.id, "more_documents", "신분증 사본을 올려 주세요")
        with pytest.raises(Forbidden):
            transition(session, resident, application.id, "approved")
    with transaction(database) as session:
        store_upload(session, resident, "id_card", PDF, application_id=application.id)
        documents_supplied(session, resident, application.id)
    with transaction(database) as session:
        with pytest.raises(ValueError):  # TransitionError: a reason is required
            transition(session, staff, application.id, "rejected", "")
        transition(session, staff, application.id, "approved")
    with transaction(database) as session:
        view = get_application(session, resident, application.id)
        assert view.application.status == "approved" and view.application.decided_at is not None
        assert [(e.from_status, e.to_status) for e in view.history] == [
            ("", "submitted"), ("submitted", "in_review"), ("in_review", "more_documents"),
            ("more_documents", "in_review"), ("in_review", "approved"),
        ]  # fmt: skip
        assert [e.actor_id for e in view.history] == [resident, staff, staff, resident, staff]
        assert view.history[2].reason == "신분증 사본을 올려 주세요"
        assert review_queue(session, staff, "어르신복지과") == []
        with pytest.raises(ValueError):
            transition(session, staff, application.id, "rejected", "늦었음")  # decided is final
        with pytest.raises(Forbidden):
            store_upload(session, resident, "id_card", PDF, application_id=application.id)


def test_evidence_consent_and_import_through_the_standin(database: str) -> None:
    resident = _account(database, "a@example.com")
    with running() as base_url:
        provider = HttpEvidenceProvider(base_url, backoff_seconds=0.01)
        with pytest.raises(EvidenceConsentMissing), transaction(database) as session:
            import_evidence(session, resident, provider, SAMPLE_TOKEN, "resident_registration_copy")
        with transaction(database) as session:
            consent = record_evidence_consent(
                session, resident, provider.name, ["resident_registration_copy"],
                "경로식당 무료 점심 급식 신청 (주소·가구원 확인)", valid_for=timedelta(days=30),
            )  # fmt: skip
        with transaction(database) as session:
            result = import_evidence(session, resident, provider, SAMPLE_TOKEN, "resident_registration_copy")
        assert result.saved_to_profile
        with pytest.raises(EvidenceError), transaction(database) as session:
            import_evidence(session, resident, provider, "wrong-token", "resident_registration_copy")
    with transaction(database) as session:
        profile = load_profile(session, resident)
        assert profile["dong"] == "신당동" and profile["household_size"] == 2
        assert profile["moved_in_on"] == "2025-11-01" and profile["children"] == [
            {"birth_date": "2015-03-01"}
        ]
        row = session.get(EvidenceConsent, consent.id)
        assert row.scope.startswith("경로식당") and row.document_kinds == '["resident_registration_copy"]'
        assert active_evidence_consent(session, resident, provider.name, "resident_registration_copy")
        later = utc_now() + timedelta(days=31)
        assert (
            active_evidence_consent(session, resident, provider.name, "resident_registration_copy", later)
            is None
        )
        application = submit(session, resident, KEY, FORM, ANSWERS, "click-0001")
        assert application_checklist(session, resident, application.id, FORM).missing == ("id_card",)
        exported = export_account(session, resident)
        assert (
            exported["evidence_consents"][0]["expires_at"]
            and exported["applications"][0]["answers"] == ANSWERS
        )


def test_http_provider_retries_then_gives_a_clear_error() -> None:
    with running(fail_first=2) as base_url:
        provider = HttpEvidenceProvider(base_url, retries=2, backoff_seconds=0.01)
        assert provider.fetch(SAMPLE_TOKEN, "resident_registration_copy")["address"]["admin_dong"] == "신당동"
    with running(fail_first=10) as base_url:
        provider = HttpEvidenceProvider(base_url, retries=1, backoff_seconds=0.01)
        with pytest.raises(EvidenceError, match="HTTP 503"):
            provider.fetch(SAMPLE_TOKEN, "resident_registration_copy")
    provider = HttpEvidenceProvider("http://127.0.0.1:9", retries=1, backoff_seconds=0.01, timeout_seconds=1)
    with pytest.raises(EvidenceError, match="no answer after 2 attempts"):
        provider.fetch(SAMPLE_TOKEN, "resident_registration_copy")


def test_deleting_the_account_removes_applications_and_files(database: str, uploads: Path) -> None:
    resident = _account(database, "a@example.com")
    with transaction(database) as session:
        application = submit(session, resident, KEY, FORM, ANSWERS, "click-0001")
        store_upload(session, resident, "id_card", PDF, application_id=application.id)
        save_draft(session, resident, OTHER, FORM, {"dong": "신당동"})
    assert len(_files(uploads)) == 1
    with transaction(database) as session:
        delete_account(session, resident)
    with transaction(database) as session:
        assert session.exec(select(Application)).all() == [] and session.exec(select(Upload)).all() == []
    assert _files(uploads) == []


def test_the_form_comes_from_the_stored_catalogue(database: str, naesone) -> None:
    assert naesone("catalog", "load-samples").code == 0
    resident = _account(database, "a@example.com")
    with transaction(database) as session:
        form = application_form(session, KEY)
        assert form is not None and form.department == "어르신복지과"
        assert application_form(session, "native:natl-basic-pension") is None  # applied for elsewhere
        assert application_form(session, "native:no-such-programme") is None
        application = submit(session, resident, KEY, form, {**ANSWERS, "birth_date": "1959-04-02",
                                                           "meal": "delivery"}, "click-0001")  # fmt: skip
        assert application.department == "어르신복지과"
