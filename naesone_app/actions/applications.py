"""What residents and officers do with in-app applications, each in one transaction.

A resident drafts, uploads, submits, supplies asked-for documents and reads their own applications;
an officer reads the queue and one application (the read audited by db) and decides (audited). The
rules of who may are core's (`core.actor`, `core.applications.check_transition`); db checks again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlmodel import Session, select

from naesone_app.actions.application_notices import record_status_change
from naesone_app.core.actor import Actor, require_account, require_staff
from naesone_app.core.application_forms import ApplicationForm, Checklist
from naesone_app.core.dates import seoul_today
from naesone_app.core.decision import BLOCKED_BY_MISSING_DOCUMENTS, VerdictRecord, check_override, record_of
from naesone_app.core.identity import Identity, with_phone_fallback
from naesone_app.db import application_reads, applications, uploads
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import ApplicationSummary, Forbidden
from naesone_app.db.application_models import Application, ApplicationEvent, EvidenceConsent, Upload
from naesone_app.db.application_reads import ApplicationView
from naesone_app.db.audit import audit
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.db.engine import transaction
from naesone_app.db.evidence import active_evidence_consent, evidence_for, evidence_kinds_held
from naesone_app.db.identity import load_identity
from naesone_app.db.outbound import external_applications_of
from naesone_app.db.outbound_models import ExternalApplication
from naesone_app.db.resident_data import load_profile
from naesone_app.delivery import deliver_in_background

# --- what a resident reads ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MyApplications:
    applications: list[Application]
    unread: set[int]  # ids whose status changed since the resident last opened them
    elsewhere: list[ExternalApplication]  # programmes applied for on another site


def my_applications(actor: Actor) -> MyApplications:
    """The resident's applications here and elsewhere, and which have unread changes."""
    account_id = require_account(actor)
    with transaction() as session:
        return MyApplications(
            application_reads.my_applications(session, account_id),
            application_reads.unread_ids(session, account_id),
            external_applications_of(session, account_id),
        )


@dataclass(frozen=True, slots=True)
class ApplicationPage:
    """One application with what its page shows beside it."""

    view: ApplicationView
    form: ApplicationForm | None
    checklist: Checklist | None
    documents: list[tuple[Any, dict[str, Any]]]  # imported evidence submitted with it, decrypted
    owner: Account | None
    identity: Identity | None = None  # who applied, as they said (phone: the sign-in number if none)
    # for its reviewers only (review_application): the engine's verdict at submission and on the
    # resident's profile today, and the resident's other active or approved applications for it
    verdict_then: VerdictRecord | None = None
    verdict_now: VerdictRecord | None = None
    duplicates: tuple[Application, ...] = ()


def _page(session: Session, requester_id: int, application_id: int) -> ApplicationPage:
    """The application with its form, checklist, documents and owner (a reviewer's read audited)."""
    view = application_reads.get_application(session, requester_id, application_id)
    application = view.application
    form = applications.application_form(session, application.program_key)
    listed = (
        application_reads.application_checklist(session, requester_id, application.id, form) if form else None
    )
    documents = evidence_for(session, requester_id, application.id)
    owner = session.get(Account, application.account_id)
    identity = load_identity(session, application.account_id)  # inside the read audited above
    if identity is not None and owner is not None:
        identity = with_phone_fallback(identity, owner.login)
    return ApplicationPage(view, form, listed, documents, owner, identity)


def own_application(actor: Actor, application_id: int) -> ApplicationPage | None:
    """The resident's own application, or None when it is not theirs (staff read on the staff pages)."""
    account_id = require_account(actor)
    with transaction() as session:
        stored = session.get(Application, application_id)
        if stored is None or stored.account_id != account_id:
            return None
        return _page(session, account_id, application_id)


def mark_seen(actor: Actor, application_id: int) -> None:
    """The resident opened their application: its changes are no longer unread."""
    account_id = require_account(actor)
    with transaction() as session:
        application_reads.mark_seen(session, account_id, application_id)


# --- what a resident does -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Start:
    """Where a resident starts on a programme's form: their active application, or profile and draft."""

    active: ApplicationSummary | None
    profile: dict[str, Any]
    draft: dict[str, Any] | None


def start(actor: Actor, program_key: str) -> Start:
    account_id = require_account(actor)
    with transaction() as session:
        stored = applications.active_application(session, account_id, program_key)
        return Start(
            None if stored is None else ApplicationSummary.of(stored),
            load_profile(session, account_id),
            applications.load_draft(session, account_id, program_key),
        )


def save_draft(actor: Actor, program_key: str, form: ApplicationForm, answers: Mapping[str, Any]) -> None:
    """Keep the resident's answers so far (`ApplicationInvalid` says which cannot be kept)."""
    account_id = require_account(actor)
    with transaction() as session:
        applications.save_draft(session, account_id, program_key, form, answers)


@dataclass(frozen=True, slots=True)
class DraftDocuments:
    files: list[Upload]
    held: frozenset[str]  # evidence kinds the resident has imported
    consent: EvidenceConsent | None  # a consent in force covering every MyData kind of the form, if any


def draft_documents(
    actor: Actor, program_key: str, provider: str | None, kinds: Sequence[str]
) -> DraftDocuments:
    """The draft's files, the documents already imported, and the consent to import `kinds` (the one
    that covers the first of them, when every one of them is covered; else None: ask again for all)."""
    account_id = require_account(actor)
    with transaction() as session:
        found = [active_evidence_consent(session, account_id, provider, k) for k in kinds] if provider else []
        return DraftDocuments(
            uploads.draft_uploads(session, account_id, program_key),
            evidence_kinds_held(session, account_id),
            found[0] if found and all(found) else None,
        )


def add_upload(
    actor: Actor, document_key: str, data: bytes, *, application_id: int | None = None,
    program_key: str | None = None,
) -> Upload:  # fmt: skip
    """Keep one file for the resident's draft or application (`UploadRefused` says why not)."""
    account_id = require_account(actor)
    with transaction() as session:
        return uploads.store_upload(
            session, account_id, document_key, data, application_id=application_id, program_key=program_key
        )


def remove_upload(actor: Actor, upload_id: int) -> None:
    """The resident takes back a file not yet submitted."""
    account_id = require_account(actor)
    with transaction() as session:
        uploads.remove_upload(session, account_id, upload_id)


@dataclass(frozen=True, slots=True)
class Submitted:
    id: int
    receipt_no: str
    application: Application


def submit(
    actor: Actor, program_key: str, form: ApplicationForm, answers: Mapping[str, Any], idempotency_key: str
) -> Submitted:
    """Submit once per key (`AlreadyApplied`, `ApplicationInvalid` say why not)."""
    account_id = require_account(actor)
    with transaction() as session:
        verdict = _verdict(session, account_id, program_key)
        application = applications.submit(
            session, account_id, program_key, form, answers, idempotency_key,
            None if verdict is None else verdict.to_data(),
        )  # fmt: skip
        return Submitted(int(application.id or 0), application.receipt_no or "", application)


def _verdict(session: Session, account_id: int, program_key: str) -> VerdictRecord | None:
    """The engine's verdict on the resident's stored profile today (None for a programme no longer in
    the catalogue, or a profile that cannot be read)."""
    program = CATALOG.program(program_key)
    return None if program is None else record_of(program, load_profile(session, account_id), seoul_today())


def supply_documents(actor: Actor, application_id: int) -> Application:
    """The resident says the asked-for documents are in: back to review."""
    account_id = require_account(actor)
    with transaction() as session:
        return applications.documents_supplied(session, account_id, application_id)


# --- what an officer does -------------------------------------------------------------------------------


def review_queue(actor: Actor, statuses: Iterable[str]) -> list[Application]:
    """The open (or `statuses`) applications the officer decides: their department's, every one for an
    admin; oldest first."""
    staff_id = require_staff(actor)
    statuses = tuple(statuses)
    with transaction() as session:
        departments = (
            application_reads.departments_with_applications(session)
            if actor.role == "admin"
            else [actor.department]
        )
        found: list[Application] = []
        for department in departments:
            try:
                found += application_reads.review_queue(session, staff_id, department, statuses)
            except Forbidden:
                continue
    return sorted(found, key=lambda a: (a.submitted_at, a.id))


def review_application(actor: Actor, application_id: int) -> ApplicationPage | None:
    """One application for its reviewers (the read is audited); None for their own or one not theirs."""
    staff_id = require_staff(actor)
    with transaction() as session:
        stored = session.get(Application, application_id)
        if stored is None or stored.account_id == staff_id or not actor.reviews(stored.department):
            return None  # their own application is on /application, never reviewed by themselves
        page = _page(session, staff_id, application_id)  # the audited read; the rest is the same case
        application = page.view.application
        return replace(
            page,
            verdict_then=application_reads.submitted_verdict(application),
            verdict_now=_verdict(session, application.account_id, application.program_key),
            duplicates=tuple(application_reads.duplicates_of(session, application)),
        )


@dataclass(frozen=True, slots=True)
class Decision:
    application: Application
    event_id: int | None  # the status change recorded (what the resident is told of)


def decide(
    actor: Actor, application_id: int, decision: str, reason: str = "", override_reason: str = ""
) -> Decision:
    """검토 시작 / 서류 보완 요청 / 승인 / 반려 by an officer of the responsible department: the status
    change and its audit row commit together, or neither does. `TransitionError` when the rules refuse
    (a reason missing), `OverrideNeeded` when approving with required documents missing and no
    `override_reason`, `Forbidden`/`NotFound`/`NotAllowed` when the actor may not. The resident's
    notice is recorded in the same transaction; once committed, the deliverer sends it at once."""
    staff_id = require_staff(actor)
    with transaction() as session:
        missing = _missing_documents(session, staff_id, application_id) if (
            decision in BLOCKED_BY_MISSING_DOCUMENTS) else ()  # fmt: skip
        override = check_override(decision, missing, override_reason)
        application = applications.transition(session, staff_id, application_id, decision, reason, override)
        session.flush()
        event_id = session.exec(
            select(ApplicationEvent.id)
            .where(ApplicationEvent.application_id == application.id)
            .order_by(ApplicationEvent.id.desc())
        ).first()
        detail = f"application {application.id}: {decision}"
        if override:  # the keys of the documents, never the reason's free text (it is in the history)
            detail += f"; missing documents overridden ({', '.join(missing)}), reason in event {event_id}"
        audit(session, staff_id, "application.decided", application.account_id, detail)
        if event_id is not None:
            record_status_change(session, application, event_id, CATALOG.program)
    notify_in_background()
    return Decision(application, event_id)


def _missing_documents(session: Session, staff_id: int, application_id: int) -> tuple[str, ...]:
    """The keys of the required documents the application still lacks (checked for its reviewer:
    `Forbidden`/`NotFound` otherwise)."""
    stored = session.get(Application, application_id)
    form = applications.application_form(session, stored.program_key) if stored is not None else None
    if form is None:  # no form, no checklist (and `transition` refuses those who may not decide)
        return ()
    return application_reads.application_checklist(session, staff_id, application_id, form).missing


def notify_in_background() -> None:
    """After the commit: have the deliverer send what is due now, without holding up the officer's page
    (a push problem never touches the decision; the app's loop tries again)."""
    deliver_in_background()
