"""Applications: drafts, submission, status changes, the review queue, uploads and MyData evidence.

Every function takes the session it works in (callers wrap a user action in one `transaction()`), and
every function that reads personal data takes the id of the account asking and checks it: the owner,
staff of the responsible department, or an admin. Anyone else gets `NotFound` — the same answer as
for an id that does not exist, so ids cannot be probed.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from naesone_app.core.applications import (
    ACTIVE_STATUSES,
    EVIDENCE_KINDS,
    EXTENSIONS,
    FINAL,
    NAME_PATTERN,
    ApplicationForm,
    Checklist,
    check_transition,
    check_upload,
    checklist,
    clean_answers,
    form_of,
    receipt_number,
    validate,
    validate_draft,
)  # fmt: skip
from naesone_app.core.dates import KST
from naesone_app.core.evidence import facts_from_document
from naesone_app.core.i18n import Message
from naesone_app.core.profile import parse_profile
from naesone_app.db.account_models import Account
from naesone_app.db.application_models import (
    Application,
    ApplicationDraft,
    ApplicationEvent,
    EvidenceConsent,
    EvidenceDocument,
    Upload,
)  # fmt: skip
from naesone_app.integrations.mydata import EvidenceProvider
from naesone_app.security.crypto import seal, unseal

DEFAULT_UPLOAD_DIR = ".naesone/uploads"
OPEN_STATUSES = ("submitted", "in_review", "more_documents")
MAX_CONSENT_DAYS = 365
MAX_UPLOADS_PER_TARGET = 20


class NotFound(LookupError):
    """No such record for the account asking (it may exist but belong to someone else)."""


class Forbidden(PermissionError):
    """The account asking may not do this (e.g. a resident changing a status)."""


class ApplicationInvalid(ValueError):
    """Answers that cannot be submitted or saved; `errors` maps field names to Messages."""

    def __init__(self, errors: Mapping[str, Message]) -> None:
        super().__init__(", ".join(sorted(errors)))
        self.errors = dict(errors)


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """What a page says of an application without its answers (usable after the session is closed)."""

    id: int
    program_key: str
    status: str
    receipt_no: str
    submitted_at: datetime

    @classmethod
    def of(cls, application: Application) -> ApplicationSummary:
        return cls(int(application.id or 0), application.program_key, application.status,
                   application.receipt_no or "", application.submitted_at)  # fmt: skip


class AlreadyApplied(ValueError):
    """The resident already has an active application for this programme (see core ACTIVE_STATUSES);
    `application` summarises that one, so the page can show it instead of a blank form."""

    def __init__(self, application: Application) -> None:
        super().__init__(f"application {application.id} for {application.program_key} is still active")
        self.application = ApplicationSummary.of(application)


class EvidenceConsentMissing(PermissionError):
    """No active consent covers importing this document kind from this provider; `reason` says whether the
    one that did was `withdrawn` or has `expired` (or `none` ever did), so the page can say which."""

    def __init__(self, message: str, reason: str = "none") -> None:
        super().__init__(message)
        self.reason = reason


def utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)  # SQLite hands back naive datetimes
    return moment


def _seal_json(value: Any) -> str:
    return seal(json.dumps(value, ensure_ascii=False, sort_keys=True))


def _unseal_json(value: str) -> Any:
    return json.loads(unseal(value))


def _account(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound("account")
    return account


def _is_reviewer(account: Account, department: str) -> bool:
    return account.role == "admin" or (account.role == "staff" and account.department == department)


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
) -> Application:
    """Submit once: the same idempotency key (a double click, a retry) returns the first application.

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
                active_key=program_key,
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
    from naesone_app.db.evidence import attach_evidence

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
    session: Session, staff_id: int, application_id: int, new_status: str, reason: str = ""
) -> Application:
    """A reviewer moves an application on (reason required to reject or ask for documents)."""
    staff = _account(session, staff_id)
    application = session.get(Application, application_id, with_for_update=True)
    if application is None or not (_is_reviewer(staff, application.department)):
        if application is not None and (
            staff.role in ("staff", "admin") or application.account_id == staff_id
        ):
            raise Forbidden("only the responsible department decides")
        raise NotFound("application")
    return _move(session, application, staff_id, new_status, reason)


def documents_supplied(session: Session, account_id: int, application_id: int) -> Application:
    """The resident says the requested documents are in: more_documents → in_review."""
    application = session.get(Application, application_id, with_for_update=True)
    if application is None or application.account_id != account_id:
        raise NotFound("application")
    return _move(session, application, account_id, "in_review", "")


def _move(
    session: Session, application: Application, actor_id: int, new_status: str, reason: str
) -> Application:
    if application.account_id == actor_id and new_status != "in_review":
        raise Forbidden("a resident cannot decide their own application")
    if application.account_id == actor_id and application.status != "more_documents":
        raise Forbidden("nothing was asked of the resident")
    reason = check_transition(application.status, new_status, reason)
    now = utc_now()
    session.add(ApplicationEvent(application_id=application.id, at=now, actor_id=actor_id,
                                 from_status=application.status, to_status=new_status, reason=reason))  # fmt: skip
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


def review_queue(
    session: Session, requester_id: int, department: str, statuses: Iterable[str] = OPEN_STATUSES
) -> list[Application]:
    """Applications of a department in `statuses` (open ones by default), oldest first; only its staff
    (or an admin) may look."""
    if not _is_reviewer(_account(session, requester_id), department):
        raise Forbidden("not staff of this department")
    return list(
        session.exec(
            select(Application)
            .where(Application.department == department, Application.status.in_(list(statuses)))
            .order_by(Application.submitted_at, Application.id)
        )
    )


def departments_with_applications(session: Session) -> list[str]:
    """Every department that has applications (what an admin's queue covers)."""
    return sorted(session.exec(select(Application.department).distinct()).all())


def my_applications(session: Session, account_id: int) -> list[Application]:
    """The resident's own applications, newest first (status and dates; answers via get_application)."""
    return list(
        session.exec(
            select(Application).where(Application.account_id == account_id).order_by(Application.id.desc())
        )
    )


def status_changes_for(
    session: Session, account_id: int, since: datetime
) -> list[tuple[Application, ApplicationEvent]]:
    """Status changes of the resident's applications made by someone else (staff) since `since`."""
    rows = session.exec(
        select(Application, ApplicationEvent)
        .join(ApplicationEvent, ApplicationEvent.application_id == Application.id)
        .where(Application.account_id == account_id, ApplicationEvent.from_status != "",
               (ApplicationEvent.actor_id.is_(None)) | (ApplicationEvent.actor_id != account_id))
        .order_by(ApplicationEvent.id)
    ).all()  # fmt: skip
    # compared here, not in SQL: SQLite hands back naive datetimes (see `_aware`)
    return [(application, change) for application, change in rows if _aware(change.at) >= since]


def unread_ids(session: Session, account_id: int) -> set[int]:
    """The resident's applications whose status changed since they last opened them."""
    rows = session.exec(
        select(Application.id, Application.updated_at, Application.owner_seen_at, Application.submitted_at)
        .where(Application.account_id == account_id)
    ).all()  # fmt: skip
    return {i for i, updated, seen, submitted in rows if _aware(updated) > _aware(seen or submitted)}


def mark_seen(session: Session, account_id: int, application_id: int) -> None:
    """The resident has looked at their application: its changes are no longer unread."""
    application = session.get(Application, application_id)
    if application is None or application.account_id != account_id:
        raise NotFound("application")
    application.owner_seen_at = utc_now()
    session.add(application)


@dataclass(frozen=True, slots=True)
class ApplicationView:
    """One application as its owner or a reviewer sees it."""

    application: Application
    answers: dict[str, Any]
    history: list[ApplicationEvent]
    uploads: list[Upload]


def _readable(session: Session, requester_id: int, application_id: int) -> tuple[Account, Application]:
    requester = _account(session, requester_id)
    application = session.get(Application, application_id)
    if application is None:
        raise NotFound("application")
    if application.account_id != requester_id and not _is_reviewer(requester, application.department):
        raise NotFound("application")
    return requester, application


def get_application(session: Session, requester_id: int, application_id: int) -> ApplicationView:
    """The application for its owner or a reviewer of its department; a staff read is audited."""
    from naesone_app.db.accounts import audit

    requester, application = _readable(session, requester_id, application_id)
    if requester.id != application.account_id:
        audit(
            session, requester.id, "application.read", application.account_id, f"application {application.id}"
        )
    history = session.exec(
        select(ApplicationEvent)
        .where(ApplicationEvent.application_id == application.id)
        .order_by(ApplicationEvent.at, ApplicationEvent.id)
    ).all()
    uploads = session.exec(
        select(Upload).where(Upload.application_id == application.id).order_by(Upload.id)
    ).all()
    return ApplicationView(
        application, _unseal_json(application.answers_sealed), list(history), list(uploads)
    )


def application_checklist(
    session: Session, requester_id: int, application_id: int, form: ApplicationForm
) -> Checklist:
    """The document checklist of an application, with uploads and imported evidence counted."""
    _requester, application = _readable(session, requester_id, application_id)
    uploaded = frozenset(
        session.exec(select(Upload.document_key).where(Upload.application_id == application.id)).all()
    )
    return checklist(form, uploaded, evidence_kinds_held(session, application.account_id))


# --- uploads ---------------------------------------------------------------------------------------------


class UnsafeUploadDir(RuntimeError):
    """NAESONE_UPLOAD_DIR points somewhere a browser could fetch files from."""


def upload_dir() -> Path:
    """The private upload directory (`NAESONE_UPLOAD_DIR`, default `.naesone/uploads`), created 0700.

    Refused under `assets/`, `.web/` or Reflex's upload directory, which are served publicly.
    """
    directory = Path(os.environ.get("NAESONE_UPLOAD_DIR") or DEFAULT_UPLOAD_DIR).resolve()
    public = [
        Path("assets"),
        Path(".web"),
        Path(os.environ.get("REFLEX_UPLOADED_FILES_DIR") or "uploaded_files"),
    ]
    for place in public:
        place = place.resolve()
        if directory == place or place in directory.parents:
            raise UnsafeUploadDir(f"NAESONE_UPLOAD_DIR must not be under the public directory {place}")
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return directory


def _forget_on_rollback(session: Session, path: Path) -> None:
    def _remove(_session: Session, _previous=None) -> None:
        path.unlink(missing_ok=True)

    event.listen(session, "after_soft_rollback", _remove, once=True)

    def _keep(_session: Session) -> None:
        if event.contains(session, "after_soft_rollback", _remove):
            event.remove(session, "after_soft_rollback", _remove)

    event.listen(session, "after_commit", _keep, once=True)


def store_upload(
    session: Session,
    account_id: int,
    document_key: str,
    data: bytes,
    *,
    application_id: int | None = None,
    program_key: str | None = None,
) -> Upload:
    """Keep a document for the resident's own application, or for their draft of `program_key`.

    Checked before anything is written: type by content (PDF, JPEG, PNG), size ≤ 10 MB; an
    `UploadRefused` carries the message to show. The file is removed again if the transaction rolls back.
    """
    content_type = check_upload(data)
    if not isinstance(document_key, str) or not NAME_PATTERN.match(document_key):
        raise ValueError("document_key: expected lowercase letters, digits and _")
    if (application_id is None) == (program_key is None):
        raise ValueError("give exactly one of application_id and program_key")
    target: dict[str, int | None] = {}
    if application_id is not None:
        application = session.get(Application, application_id)
        if application is None or application.account_id != account_id:
            raise NotFound("application")
        if application.status in FINAL:
            raise Forbidden("the application has been decided")
        target["application_id"] = application.id
        where = Upload.application_id == application.id
    else:
        draft = _draft(session, account_id, str(program_key))
        if draft is None:
            draft = ApplicationDraft(
                account_id=account_id, program_key=str(program_key), answers_sealed=_seal_json({})
            )
            session.add(draft)
            session.flush()
        target["draft_id"] = draft.id
        where = Upload.draft_id == draft.id
    if len(session.exec(select(Upload.id).where(where)).all()) >= MAX_UPLOADS_PER_TARGET:
        raise Forbidden("too many files")
    name = f"{secrets.token_hex(16)}.{EXTENSIONS[content_type]}"
    path = upload_dir() / name
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        row = Upload(account_id=account_id, document_key=document_key, stored_name=name,
                     sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type=content_type,
                     **target)  # fmt: skip
        session.add(row)
        session.flush()
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    _forget_on_rollback(session, path)
    return row


def draft_uploads(session: Session, account_id: int, program_key: str) -> list[Upload]:
    """The files the resident has added to their draft for a programme."""
    draft = _draft(session, account_id, program_key)
    if draft is None:
        return []
    return list(session.exec(select(Upload).where(Upload.draft_id == draft.id).order_by(Upload.id)))


def removable(application: Application | None, upload: Upload) -> bool:
    """A draft's file, or one added to an application after documents were asked for (until re-submitted)."""
    if upload.draft_id is not None:
        return True
    return (
        application is not None
        and application.status == "more_documents"
        and _aware(upload.created_at) >= _aware(application.updated_at)
    )


def remove_upload(session: Session, account_id: int, upload_id: int) -> None:
    """The resident takes back one of their files before it is submitted; the file goes on commit."""
    row = session.get(Upload, upload_id)
    if row is None or row.account_id != account_id:
        raise NotFound("upload")
    application = session.get(Application, row.application_id) if row.application_id else None
    if not removable(application, row):
        raise Forbidden("the file was submitted with the application")
    path = upload_dir() / row.stored_name
    session.delete(row)
    event.listen(session, "after_commit", lambda _session: path.unlink(missing_ok=True), once=True)


def read_upload(session: Session, requester_id: int, upload_id: int) -> tuple[Upload, bytes]:
    """An uploaded file for its owner or a reviewer of its application's department (audited)."""
    from naesone_app.db.accounts import audit

    row = session.get(Upload, upload_id)
    if row is None:
        raise NotFound("upload")
    if row.account_id != requester_id:
        if row.application_id is None:
            raise NotFound("upload")  # a draft's files are the resident's alone
        requester, _application = _readable(session, requester_id, row.application_id)
        audit(session, requester.id, "upload.read", row.account_id, f"upload {row.id}")
    data = (upload_dir() / row.stored_name).read_bytes()
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise OSError(f"upload {row.id}: the stored file does not match its checksum")
    return row, data


def upload_paths_of(session: Session, account_id: int) -> list[Path]:
    """The files on disk of an account's uploads (to remove them with the account)."""
    names = session.exec(select(Upload.stored_name).where(Upload.account_id == account_id)).all()
    directory = upload_dir()
    return [directory / name for name in names]


# --- MyData evidence -------------------------------------------------------------------------------------


def record_evidence_consent(
    session: Session,
    account_id: int,
    provider: str,
    kinds: Iterable[str],
    scope: str,
    valid_for: timedelta = timedelta(days=30),
    now: datetime | None = None,
) -> EvidenceConsent:
    """Record the resident's consent to import `kinds` from `provider`, for `scope`, until it expires."""
    kinds = sorted(set(kinds))
    if not kinds or any(k not in EVIDENCE_KINDS for k in kinds):
        raise ValueError(f"kinds: expected some of {', '.join(EVIDENCE_KINDS)}")
    if not isinstance(scope, str) or not scope.strip() or len(scope) > 200:
        raise ValueError("scope: say what the documents will be used for (at most 200 characters)")
    if not timedelta(0) < valid_for <= timedelta(days=MAX_CONSENT_DAYS):
        raise ValueError(f"valid_for: between a moment and {MAX_CONSENT_DAYS} days")
    now = now or utc_now()
    row = EvidenceConsent(account_id=account_id, provider=provider, document_kinds=json.dumps(kinds),
                          scope=scope.strip(), granted_at=now, expires_at=now + valid_for)  # fmt: skip
    session.add(row)
    session.flush()
    return row


def withdraw_evidence_consent(session: Session, account_id: int, consent_id: int) -> EvidenceConsent:
    """The resident withdraws their own consent: no import under it from now on (documents already
    imported stay, see db/evidence.py). Someone else's consent id is `NotFound`."""
    row = session.get(EvidenceConsent, consent_id)
    if row is None or row.account_id != account_id:
        raise NotFound("consent")
    if row.withdrawn_at is None:
        row.withdrawn_at = utc_now()
        session.add(row)
    return row


def active_evidence_consent(
    session: Session, account_id: int, provider: str, kind: str, now: datetime | None = None
) -> EvidenceConsent | None:
    """The newest consent covering `kind` from `provider` that is neither withdrawn nor expired."""
    now = now or utc_now()
    rows = session.exec(
        select(EvidenceConsent).where(
            EvidenceConsent.account_id == account_id, EvidenceConsent.provider == provider,
            EvidenceConsent.withdrawn_at.is_(None),
        ).order_by(EvidenceConsent.id.desc())
    ).all()  # fmt: skip
    return next(
        (r for r in rows if _aware(r.expires_at) > now and kind in json.loads(r.document_kinds)), None
    )


@dataclass(frozen=True, slots=True)
class EvidenceImport:
    kind: str
    facts: dict[str, Any]  # profile facts the document proves
    saved_to_profile: bool  # False when the resident has not agreed to keep a profile


def import_evidence(
    session: Session, account_id: int, provider: EvidenceProvider, token: str, kind: str
) -> EvidenceImport:
    """Fetch a document under an active consent, keep it (encrypted) and fill the profile's facts."""
    from naesone_app.db.accounts import has_consent, load_profile, save_profile
    from naesone_app.db.evidence import refusal_reason

    now = utc_now()
    consent = active_evidence_consent(session, account_id, provider.name, kind, now)
    if consent is None:
        raise EvidenceConsentMissing(
            f"no active consent to import {kind} from {provider.name}",
            refusal_reason(session, account_id, provider.name, kind, now),
        )
    document = provider.fetch(token, kind)
    facts = facts_from_document(document)
    session.add(EvidenceDocument(account_id=account_id, consent_id=consent.id, kind=kind,
                                 content_sealed=_seal_json(document)))  # fmt: skip
    saved = False
    if facts and has_consent(session, account_id, "sensitive_profile"):
        merged = {**load_profile(session, account_id), **facts}
        if merged.get("birth_date"):
            merged.pop("age", None)
        parse_profile(merged)
        save_profile(session, account_id, merged)
        saved = True
    return EvidenceImport(kind, facts, saved)


def evidence_for(
    session: Session, requester_id: int, application_id: int
) -> list[tuple[EvidenceDocument, dict[str, Any]]]:
    """The imported documents submitted with the application, decrypted, for its owner or a reviewer of
    its department only; a reviewer's read is audited like a file download."""
    from naesone_app.db.accounts import audit
    from naesone_app.db.evidence import attached_documents

    requester, application = _readable(session, requester_id, application_id)
    rows = attached_documents(session, application.id)
    if rows and requester.id != application.account_id:
        audit(session, requester.id, "evidence.read", application.account_id,
              f"application {application.id}: documents {', '.join(str(r.id) for r in rows)}")  # fmt: skip
    return [(row, _unseal_json(row.content_sealed)) for row in rows]


def evidence_kinds_held(session: Session, account_id: int) -> frozenset[str]:
    return frozenset(
        session.exec(select(EvidenceDocument.kind).where(EvidenceDocument.account_id == account_id)).all()
    )


# --- export, deletion, key rotation ----------------------------------------------------------------------


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else _aware(moment).isoformat()


def export_applications(session: Session, account_id: int) -> dict[str, Any]:
    """The account's applications, drafts, uploads (metadata) and evidence, for the data download."""
    out: dict[str, Any] = {"applications": [], "application_drafts": [], "evidence_consents": [],
                           "evidence_documents": []}  # fmt: skip
    for application in my_applications(session, account_id):
        view = get_application(session, account_id, application.id)
        out["applications"].append({
            "program_key": application.program_key, "status": application.status,
            "submitted_at": _iso(application.submitted_at), "decided_at": _iso(application.decided_at),
            "reason": application.reason, "answers": view.answers,
            "history": [{"at": _iso(e.at), "from": e.from_status, "to": e.to_status, "reason": e.reason}
                        for e in view.history],
            "uploads": [{"document": u.document_key, "content_type": u.content_type, "size": u.size,
                         "sha256": u.sha256} for u in view.uploads],
        })  # fmt: skip
    for draft in session.exec(select(ApplicationDraft).where(ApplicationDraft.account_id == account_id)):
        out["application_drafts"].append({"program_key": draft.program_key, "updated_at": _iso(draft.updated_at),
                                          "answers": _unseal_json(draft.answers_sealed)})  # fmt: skip
    for c in session.exec(select(EvidenceConsent).where(EvidenceConsent.account_id == account_id)):
        out["evidence_consents"].append({"provider": c.provider, "kinds": json.loads(c.document_kinds),
                                         "scope": c.scope, "granted_at": _iso(c.granted_at),
                                         "expires_at": _iso(c.expires_at), "withdrawn_at": _iso(c.withdrawn_at)})  # fmt: skip
    from naesone_app.db.evidence import documents_of

    keys = {a.id: a.program_key for a in my_applications(session, account_id)}
    for held in documents_of(session, account_id):
        d = held.document
        out["evidence_documents"].append({"kind": d.kind, "received_at": _iso(d.received_at),
                                          "document": _unseal_json(d.content_sealed),
                                          "submitted_with": [keys[i] for i in held.application_ids if i in keys]})  # fmt: skip
    return out


def delete_applications(session: Session, account_id: int) -> None:
    """Delete the account's application rows; their upload files go once the transaction commits."""
    paths = upload_paths_of(session, account_id)

    def _remove(_session: Session) -> None:
        for path in paths:
            path.unlink(missing_ok=True)

    event.listen(session, "after_commit", _remove, once=True)
    from naesone_app.db.evidence import delete_attachments

    delete_attachments(session, account_id)
    ids = select(Application.id).where(Application.account_id == account_id)
    session.exec(delete(Upload).where(Upload.account_id == account_id))
    session.exec(delete(ApplicationEvent).where(ApplicationEvent.application_id.in_(ids)))
    session.exec(
        update(ApplicationEvent).where(ApplicationEvent.actor_id == account_id).values(actor_id=None)
    )
    for table in (Application, EvidenceDocument, EvidenceConsent, ApplicationDraft):
        session.exec(delete(table).where(table.account_id == account_id))


def reseal_applications(session: Session, reseal: Any) -> int:
    """Re-encrypt answers and evidence with the newest key; returns how many rows."""
    count = 0
    for model, column in ((Application, "answers_sealed"), (ApplicationDraft, "answers_sealed"),
                          (EvidenceDocument, "content_sealed")):  # fmt: skip
        for row in session.exec(select(model)):
            setattr(row, column, reseal(getattr(row, column)))
            session.add(row)
            count += 1
    return count
