"""Public-MyData evidence: the resident consents, imports a document (the one step that reaches a
provider, integrations.mydata), withdraws a consent and deletes a document — each in one transaction,
the withdrawal and the deletion audited with the change."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from sqlmodel import Session

from naesone_app.core.actor import Actor, require_account
from naesone_app.db import evidence
from naesone_app.db.application_models import EvidenceConsent
from naesone_app.db.audit import audit
from naesone_app.db.engine import transaction
from naesone_app.db.evidence import (
    ConsentView,
    EvidenceImport,
    HeldDocument,
    consent_to_import,
    keep_evidence,
)
from naesone_app.db.resident_data import load_profile
from naesone_app.integrations.mydata import (  # noqa: F401 - EvidenceError, configured_name: for states
    EvidenceError,
    EvidenceProvider,
    configured_name,
    configured_provider,
)


def import_evidence(
    session: Session, account_id: int, provider: EvidenceProvider, token: str, kind: str
) -> EvidenceImport:
    """Fetch a document under an active consent, keep it (encrypted) and fill the profile's facts, in
    the caller's transaction. The consent is checked before the provider is asked: nothing is fetched
    without one (`EvidenceConsentMissing` says why)."""
    consent = consent_to_import(session, account_id, provider.name, kind)
    return keep_evidence(session, account_id, consent, kind, provider.fetch(token, kind))


@dataclass(frozen=True, slots=True)
class Imported:
    document: EvidenceImport
    profile: dict  # the resident's profile after the facts were filled in


def import_document(actor: Actor, kind: str) -> Imported | None:
    """The resident imports a document of `kind` from the configured provider under their consent;
    None when no provider is configured. `EvidenceError` when the provider fails."""
    account_id = require_account(actor)
    configured = configured_provider()
    if configured is None:
        return None
    provider, token = configured
    try:
        with transaction() as session:
            imported = import_evidence(session, account_id, provider, token, kind)
            return Imported(imported, load_profile(session, account_id))
    finally:
        provider.close()


def consent(
    actor: Actor, provider: str, kinds: Iterable[str], scope: str, valid_for: timedelta
) -> EvidenceConsent:
    """The resident consents to importing `kinds` from `provider` for `scope`, until it expires."""
    account_id = require_account(actor)
    with transaction() as session:
        return evidence.record_evidence_consent(session, account_id, provider, kinds, scope, valid_for)


def withdraw_consent(actor: Actor, consent_id: int) -> None:
    """동의 철회 (audited): no further import under it; imported documents stay until deleted."""
    account_id = require_account(actor)
    with transaction() as session:
        evidence.withdraw_evidence_consent(session, account_id, consent_id)
        audit(session, account_id, "evidence_consent.withdrawn", account_id, f"consent {consent_id}")


def delete_document(actor: Actor, document_id: int) -> None:
    """The resident deletes an imported document no application went with (audited)."""
    account_id = require_account(actor)
    with transaction() as session:
        evidence.delete_document(session, account_id, document_id)
        audit(session, account_id, "evidence.deleted", account_id, f"document {document_id}")


def held(actor: Actor) -> tuple[list[ConsentView], list[HeldDocument]]:
    """The resident's consents and imported documents, as /account lists them."""
    account_id = require_account(actor)
    with transaction() as session:
        return evidence.consents_of(session, account_id), evidence.documents_of(session, account_id)
