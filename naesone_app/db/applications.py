"""Applications: the in-app form, drafts, submission and the status changes that follow.

Every function takes the session it works in (an action wraps a person's step in one `transaction()`),
and every function that reads personal data takes the id of the account asking and checks it (see
`application_access`). The review queue and reads are in `application_reads`, files in `uploads`,
MyData documents in `evidence`, the data download and deletion in `application_export`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from naesone_app.core.actor import STAFF_ROLES
from naesone_app.core.application_forms import (
    ApplicationForm,
    clean_answers,
    form_of,
    validate,
    validate_draft,
)
from naesone_app.core.applications import ACTIVE_STATUSES, FINAL, check_transition, receipt_number
from naesone_app.core.dates import KST
from naesone_app.db.application_access import (
    AlreadyApplied,
    ApplicationInvalid,
    Forbidden,
    NotFound,
    _account,
    _is_reviewer,
    _seal_json,
    _unseal_json,
    utc_now,
)  # fmt: skip
from naesone_app.db.application_models import (
    Application,
    ApplicationDraft,
    ApplicationEvent,
    Upload,
)  # fmt: skip
from naesone_app.db.evidence import attach_evidence


def application_form(session: Session, program_key: str) -> ApplicationForm | None:
    """The in-app form of a stored programme (`native:<id>`), or None if it is applied for elsewhere."""
    from naesone_app.db.catalog import find_program

    source, _, source_id = program_key.partition(":")
    program = find_program(session, source, source_id) if source_id else None
    return None if program is None else form_of(program.extra)


# --- drafts ----------------------------------------------------------------------------------------------


def save_draft(
    session: Session, account_id: int, program_key: str, form: ApplicationForm, answers: Mapping[str, Any]
) -> ApplicationDraft:
    """Create or replace the resident's draft for a programme (incomplete answers are fine)."""
    errors = validate_draft(form, answers)
    if errors:
        raise ApplicationInvalid(errors)
    sealed = _seal_json(clean_answers(form, answers))
    row = _draft(session, account_id, program_key)
    if row is None:
        try:
            with session.begin_nested():
                row = ApplicationDraft(account_id=account_id, program_key=program_key, answers_sealed=sealed)
                session.add(row)
                session.flush()
            return row
        except IntegrityError:  # saved at the same moment from another tab: update that one
            row = _draft(session, account_id, program_key)
            assert row is not None
    row.answers_sealed, row.updated_at = sealed, utc_now()
    session.add(row)
    return row


def _draft(session: Session, account_id: int, program_key: str) -> ApplicationDraft | None:
    return session.exec(
        select(ApplicationDraft).where(
            ApplicationDraft.account_id == account_id, ApplicationDraft.program_key == program_key
        )
    ).first()


def load_draft(session: Session, account_id: int, program_key: str) -> dict[str, Any] | None:
    """The resident's saved answers for a programme, or None."""
    row = _draft(session, account_id, program_key)
    return None if row is None else _unseal_json(row.answers_sealed)


# --- submission and status -----------------------------------------------------------------------------


def _by_key(session: Session, account_id: int, idempotency_key: str) -> Application | None:
    return session.exec(
        select(Application).where(
            Application.account_id == account_id, Application.idempotency_key == idempotency_key
        )
    ).first()


def active_application(session: Session, account_id: int, program_key: str) -> Application | None:
    """The resident's active (not rejected) application for a programme, newest first, or None."""
    return session.exec(
        select(Application)
        .where(Application.account_id == account_id, Application.program_key == program_key,
               Application.status.in_(sorted(ACTIVE_STATUSES)))
        .order_by(Application.id.desc())
    ).first()  # fmt: skip


def submit(
    session: Session,
    account_id: int,
    program_key: str,
    form: ApplicationForm,
    answers: Mapping[str, Any],
    idempotency_key: str,
    verdict: Mapping[str, Any] | None = None,
) -> Application:
    """Submit once: the same idempotency key (a double click, a retry) returns the first application.

    `verdict` is the engine's verdict at submission (`core.decision.VerdictRecord.to_data`), kept sealed
    with the application so its officer sees what the resident was told.

    A resident with an active application for the programme gets `AlreadyApplied` (checked first, and
    enforced by the unique `active_key` in the database, so two tabs submitting at once make one).
    The draft's uploads move to the application and the draft is removed, in the caller's transaction.
    """
    if not isinstance(idempotency_key, str) or not 8 <= len(idempotency_key) <= 80:
        raise ValueError("idempotency_key: expected 8 to 80 characters")
    existing = _by_key(session, account_id, idempotency_key)
    if existing is not None:
        return existing
    _account(session, account_id)
    active = active_application(session, account_id, program_key)
    if active is not None:
        if active.idempotency_key == idempotency_key:  # the same click, committed a moment ago
            return active
        raise AlreadyApplied(active)
    errors = validate(form, answers)
    if errors:
        raise ApplicationInvalid(errors)
    now = utc_now()
    try:
        with session.begin_nested():
            application = Application(
                account_id=account_id, program_key=program_key, department=form.department,
                status="submitted", answers_sealed=_seal_json(clean_answers(form, answers)),
                idempotency_key=idempotency_key, submitted_at=now, updated_at=now, owner_seen_at=now,
                active_key=program_key, verdict_sealed=None if verdict is None else _seal_json(dict(verdict)),
            )  # fmt: skip
            session.add(application)
            session.flush()
            application.receipt_no = receipt_number(int(application.id), now.astimezone(KST).date())
            session.add(application)
            session.flush()
    except IntegrityError:  # submitted concurrently: the same key, or another view of the same form
        existing = _by_key(session, account_id, idempotency_key)
        if existing is not None:
            return existing
        active = active_application(session, account_id, program_key)
        if active is None:
            raise
        raise AlreadyApplied(active) from None
    session.add(ApplicationEvent(application_id=application.id, at=now, actor_id=account_id,
                                 from_status="", to_status="submitted"))  # fmt: skip
    attach_evidence(session, application, [d.evidence for d in form.documents if d.evidence])
    draft = _draft(session, account_id, program_key)
    if draft is not None:
        for upload in session.exec(select(Upload).where(Upload.draft_id == draft.id)):
            upload.draft_id, upload.application_id = None, application.id
            session.add(upload)
        session.flush()
        session.delete(draft)
    return application


def transition(
    session: Session,
    staff_id: int,
    application_id: int,
    new_status: str,
    reason: str = "",
    override_reason: str = "",
) -> Application:
    """A reviewer moves an application on (reason required to reject or ask for documents;
    `override_reason`, already checked by `core.decision.check_override`, is kept with the event)."""
    staff = _account(session, staff_id)
    application = session.get(Application, application_id, with_for_update=True)
    if application is None or not (_is_reviewer(staff, application.department)):
        if application is not None and (staff.role in STAFF_ROLES or application.account_id == staff_id):
            raise Forbidden("only the responsible department decides")
        raise NotFound("application")
    return _move(session, application, staff_id, new_status, reason, override_reason)


def documents_supplied(session: Session, account_id: int, application_id: int) -> Application:
    """The resident says the requested documents are in: more_documents → in_review."""
    application = session.get(Application, application_id, with_for_update=True)
    if application is None or application.account_id != account_id:
        raise NotFound("application")
    return _move(session, application, account_id, "in_review", "")


def _move(
    session: Session,
    application: Application,
    actor_id: int,
    new_status: str,
    reason: str,
    override_reason: str = "",
) -> Application:
    if application.account_id == actor_id and new_status != "in_review":
        raise Forbidden("a resident cannot decide their own application")
    if application.account_id == actor_id and application.status != "more_documents":
        raise Forbidden("nothing was asked of the resident")
    reason = check_transition(application.status, new_status, reason)
    now = utc_now()
    session.add(ApplicationEvent(application_id=application.id, at=now, actor_id=actor_id,
                                 from_status=application.status, to_status=new_status, reason=reason,
                                 override_reason=override_reason))  # fmt: skip
    application.status, application.updated_at = new_status, now
    if application.account_id == actor_id:
        application.owner_seen_at = now  # the resident's own step is not news to them
    if new_status == "rejected":
        application.active_key = None  # the resident may apply again (core ACTIVE_STATUSES)
    if new_status in FINAL:
        application.decided_at, application.reason = now, reason
    elif reason:
        application.reason = reason
    session.add(application)
    return application
