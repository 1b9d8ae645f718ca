"""Importing a public-MyData document: the one step that reaches a provider (integrations.mydata)."""

from __future__ import annotations

from sqlmodel import Session

from naesone_app.db.evidence import EvidenceImport, consent_to_import, keep_evidence
from naesone_app.integrations.mydata import EvidenceProvider


def import_evidence(
    session: Session, account_id: int, provider: EvidenceProvider, token: str, kind: str
) -> EvidenceImport:
    """Fetch a document under an active consent, keep it (encrypted) and fill the profile's facts.

    The consent is checked before the provider is asked, so nothing is fetched without one."""
    consent = consent_to_import(session, account_id, provider.name, kind)
    return keep_evidence(session, account_id, consent, kind, provider.fetch(token, kind))
