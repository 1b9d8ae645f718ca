"""The resident's public-MyData consents and imported documents, as the account page manages them, and
which documents went with which application.

Decision (issue 6): withdrawing a consent stops every further import under it at once
(`applications.active_evidence_consent` looks only at consents neither withdrawn nor expired). A document
already imported stays attached to the applications it was submitted with — officials decided on it — and
the resident may delete any imported document that no application was submitted with.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, select

from naesone_app.core.evidence import consent_status
from naesone_app.db.application_models import (
    Application,
    ApplicationEvidence,
    EvidenceConsent,
    EvidenceDocument,
)  # fmt: skip
from naesone_app.db.applications import Forbidden, NotFound, _aware, utc_now


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
        ConsentView(row, json.loads(row.document_kinds), consent_status(_aware(row.expires_at), row.withdrawn_at,
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
