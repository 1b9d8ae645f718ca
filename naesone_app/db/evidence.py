"""The resident's public-MyData consents and imported documents, as the account page manages them, and
which documents went with which application.

Decision (issue 6): withdrawing a consent stops every further import under it at once
(`active_evidence_consent` looks only at consents neither withdrawn nor expired). A document
already imported stays attached to the applications it was submitted with — officials decided on it — and
the resident may delete any imported document that no application was submitted with.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, select

from naesone_app.core.application_forms import EVIDENCE_KINDS
from naesone_app.core.evidence import consent_status, facts_from_document, merge_facts
from naesone_app.core.profile import parse_profile
from naesone_app.db.application_access import (
    EvidenceConsentMissing,
    Forbidden,
    NotFound,
    _readable,
    _seal_json,
    _unseal_json,
    utc_now,
)  # fmt: skip
from naesone_app.db.application_models import (
    Application,
    ApplicationEvidence,
    EvidenceConsent,
    EvidenceDocument,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ConsentView:
    consent: EvidenceConsent
    kinds: list[str]
    status: str  # core.evidence.CONSENT_STATUSES


def consents_of(session: Session, account_id: int, now: datetime | None = None) -> list[ConsentView]:
    """Every evidence consent the resident gave, newest first, with whether it is in force."""
    now = now or utc_now()
    rows = session.exec(
        select(EvidenceConsent)
        .where(EvidenceConsent.account_id == account_id)
        .order_by(EvidenceConsent.granted_at.desc(), EvidenceConsent.id.desc())
    ).all()
    return [
        ConsentView(row, json.loads(row.document_kinds), consent_status(row.expires_at, row.withdrawn_at,
                                                                         now))
        for row in rows
    ]  # fmt: skip


def refusal_reason(session: Session, account_id: int, provider: str, kind: str, now: datetime) -> str:
    """Why no consent covers an import: `withdrawn` or `expired` (the newest that covered it), or `none`."""
    for view in consents_of(session, account_id, now):
        if view.consent.provider == provider and kind in view.kinds:
            return view.status if view.status != "active" else "none"
    return "none"


@dataclass(frozen=True, slots=True)
class HeldDocument:
    document: EvidenceDocument
    application_ids: list[int]  # the applications it was submitted with (then it cannot be deleted)


def documents_of(session: Session, account_id: int) -> list[HeldDocument]:
    """The resident's imported documents, newest first, with the applications each went with."""
    rows = session.exec(
        select(EvidenceDocument)
        .where(EvidenceDocument.account_id == account_id)
        .order_by(EvidenceDocument.id.desc())
    ).all()
    links = session.exec(
        select(ApplicationEvidence.document_id, ApplicationEvidence.application_id).where(
            ApplicationEvidence.document_id.in_([r.id for r in rows])
        )
    ).all()
    attached: dict[int, list[int]] = {}
    for document_id, application_id in links:
        attached.setdefault(document_id, []).append(application_id)
    return [HeldDocument(row, sorted(attached.get(row.id, []))) for row in rows]


def delete_document(session: Session, account_id: int, document_id: int) -> None:
    """The resident deletes an imported document no application was submitted with."""
    row = session.get(EvidenceDocument, document_id)
    if row is None or row.account_id != account_id:
        raise NotFound("evidence document")
    if session.exec(select(ApplicationEvidence.id).where(ApplicationEvidence.document_id == row.id)).first():
        raise Forbidden("submitted with an application")
    session.delete(row)


def attach_evidence(session: Session, application: Application, kinds: Iterable[str]) -> list[int]:
    """At submission: the applicant's newest imported document of each kind the form asks for goes with
    the application. Returns the documents' ids."""
    attached = []
    for kind in sorted(set(kinds)):
        document_id = session.exec(
            select(EvidenceDocument.id)
            .where(EvidenceDocument.account_id == application.account_id, EvidenceDocument.kind == kind)
            .order_by(EvidenceDocument.id.desc())
        ).first()
        if document_id is not None:
            session.add(ApplicationEvidence(application_id=application.id, document_id=document_id))
            attached.append(document_id)
    return attached


def attached_documents(session: Session, application_id: int) -> list[EvidenceDocument]:
    """The documents submitted with an application (callers check who may read them)."""
    return list(
        session.exec(
            select(EvidenceDocument)
            .join(ApplicationEvidence, ApplicationEvidence.document_id == EvidenceDocument.id)
            .where(ApplicationEvidence.application_id == application_id)
            .order_by(EvidenceDocument.id)
        )
    )


def delete_attachments(session: Session, account_id: int) -> None:
    """With the account: the links of its documents (the rows themselves go in delete_applications)."""
    ids = select(EvidenceDocument.id).where(EvidenceDocument.account_id == account_id)
    session.exec(delete(ApplicationEvidence).where(ApplicationEvidence.document_id.in_(ids)))


MAX_CONSENT_DAYS = 365


# --- consents, imports and reads ----------------------------------------------------------------------------


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
    return next((r for r in rows if r.expires_at > now and kind in json.loads(r.document_kinds)), None)


@dataclass(frozen=True, slots=True)
class EvidenceImport:
    kind: str
    facts: dict[str, Any]  # profile facts the document proves
    saved_to_profile: bool  # False when the resident has not agreed to keep a profile


def consent_to_import(
    session: Session, account_id: int, provider: str, kind: str, now: datetime | None = None
) -> EvidenceConsent:
    """The consent an import of `kind` from `provider` goes under; `EvidenceConsentMissing` (saying why)
    when none is in force."""
    now = now or utc_now()
    consent = active_evidence_consent(session, account_id, provider, kind, now)
    if consent is None:
        raise EvidenceConsentMissing(
            f"no active consent to import {kind} from {provider}",
            refusal_reason(session, account_id, provider, kind, now),
        )
    return consent


def keep_evidence(
    session: Session, account_id: int, consent: EvidenceConsent, kind: str, document: dict[str, Any]
) -> EvidenceImport:
    """Keep a fetched document (encrypted) under its consent and fill the profile's facts from it."""
    from naesone_app.db.resident_data import has_consent, load_profile, save_profile

    facts = facts_from_document(document)
    session.add(EvidenceDocument(account_id=account_id, consent_id=consent.id, kind=kind,
                                 content_sealed=_seal_json(document)))  # fmt: skip
    saved = False
    if facts and has_consent(session, account_id, "sensitive_profile"):
        merged = merge_facts(load_profile(session, account_id), facts)
        parse_profile(merged)
        save_profile(session, account_id, merged)
        saved = True
    return EvidenceImport(kind, facts, saved)


def evidence_for(
    session: Session, requester_id: int, application_id: int
) -> list[tuple[EvidenceDocument, dict[str, Any]]]:
    """The imported documents submitted with the application, decrypted, for its owner or a reviewer of
    its department only; a reviewer's read is audited like a file download."""
    from naesone_app.db.audit import audit

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
