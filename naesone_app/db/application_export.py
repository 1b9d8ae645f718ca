"""An account's applications in the data download, their deletion with the account, and key rotation."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import delete, event, update
from sqlmodel import Session, select

from naesone_app.db.application_access import (
    _unseal_json,
)  # fmt: skip
from naesone_app.db.application_models import (
    Application,
    ApplicationDraft,
    ApplicationEvent,
    ApplicationMemo,
    EvidenceConsent,
    EvidenceDocument,
    Upload,
)  # fmt: skip
from naesone_app.db.application_reads import get_application, my_applications
from naesone_app.db.evidence import delete_attachments, documents_of
from naesone_app.db.uploads import upload_paths_of
from naesone_app.security.crypto import unseal

DECIDED = ("approved", "rejected")


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


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
            "staff_memos": _decided_memos(session, application),
        })  # fmt: skip
    for draft in session.exec(select(ApplicationDraft).where(ApplicationDraft.account_id == account_id)):
        out["application_drafts"].append({"program_key": draft.program_key, "updated_at": _iso(draft.updated_at),
                                          "answers": _unseal_json(draft.answers_sealed)})  # fmt: skip
    for c in session.exec(select(EvidenceConsent).where(EvidenceConsent.account_id == account_id)):
        out["evidence_consents"].append({"provider": c.provider, "kinds": json.loads(c.document_kinds),
                                         "scope": c.scope, "granted_at": _iso(c.granted_at),
                                         "expires_at": _iso(c.expires_at), "withdrawn_at": _iso(c.withdrawn_at)})  # fmt: skip
    keys = {a.id: a.program_key for a in my_applications(session, account_id)}
    for held in documents_of(session, account_id):
        d = held.document
        out["evidence_documents"].append({"kind": d.kind, "received_at": _iso(d.received_at),
                                          "document": _unseal_json(d.content_sealed),
                                          "submitted_with": [keys[i] for i in held.application_ids if i in keys]})  # fmt: skip
    return out


def _decided_memos(session: Session, application: Application) -> list[dict[str, Any]]:
    """Officers' internal memos about the resident's case, once it is decided. They are the resident's
    personal data, so the download (their right of access, 개인정보 보호법 제35조) includes them; while
    the case is being assessed they are withheld, as 제35조제4항 allows for an assessment in progress.
    Who wrote them is the officer's own data and is left out."""
    if application.status not in DECIDED:
        return []
    rows = session.exec(
        select(ApplicationMemo)
        .where(ApplicationMemo.application_id == application.id)
        .order_by(ApplicationMemo.id)
    )
    return [{"at": _iso(m.at), "text": unseal(m.text_sealed)} for m in rows]


def delete_applications(session: Session, account_id: int) -> None:
    """Delete the account's application rows; their upload files go once the transaction commits."""
    paths = upload_paths_of(session, account_id)

    def _remove(_session: Session) -> None:
        for path in paths:
            path.unlink(missing_ok=True)

    event.listen(session, "after_commit", _remove, once=True)
    delete_attachments(session, account_id)
    ids = select(Application.id).where(Application.account_id == account_id)
    session.exec(delete(Upload).where(Upload.account_id == account_id))
    session.exec(delete(ApplicationEvent).where(ApplicationEvent.application_id.in_(ids)))
    session.exec(delete(ApplicationMemo).where(ApplicationMemo.application_id.in_(ids)))
    session.exec(
        update(ApplicationMemo).where(ApplicationMemo.author_id == account_id).values(author_id=None)
    )
    session.exec(update(Application).where(Application.assigned_to == account_id).values(assigned_to=None))
    session.exec(
        update(ApplicationEvent).where(ApplicationEvent.actor_id == account_id).values(actor_id=None)
    )
    for table in (Application, EvidenceDocument, EvidenceConsent, ApplicationDraft):
        session.exec(delete(table).where(table.account_id == account_id))


def reseal_applications(session: Session, reseal: Any) -> int:
    """Re-encrypt answers and evidence with the newest key; returns how many rows."""
    count = 0
    for model, column in ((Application, "answers_sealed"), (ApplicationDraft, "answers_sealed"),
                          (EvidenceDocument, "content_sealed"), (ApplicationMemo, "text_sealed")):  # fmt: skip
        for row in session.exec(select(model)):
            setattr(row, column, reseal(getattr(row, column)))
            session.add(row)
            count += 1
    return count
