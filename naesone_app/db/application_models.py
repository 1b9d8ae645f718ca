"""Tables of in-app applications: applications and their status history, drafts, uploads, and
public-MyData evidence (consents and imported documents).

Everything hangs off `account` with ON DELETE CASCADE (answers and documents are personal data);
answers and imported documents are encrypted at rest with `security.crypto.seal`. Uploaded files live
on disk under the private upload directory (`db/uploads.upload_dir`), never under a public URL.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from naesone_app.db.models import _now
from naesone_app.db.types import when as _when


def _ref(table: str, nullable: bool = False, on_delete: str = "CASCADE") -> Column:
    return Column(Integer, ForeignKey(f"{table}.id", ondelete=on_delete), nullable=nullable, index=True)


class Application(SQLModel, table=True):
    """One submitted application; one per (account, idempotency key), so a retry makes no second one,
    and one *active* per (account, programme): `active_key` holds the programme key while the application
    is active (not rejected) and is cleared on rejection, so the unique constraint refuses a second active
    application even when two are submitted at the same moment (NULLs never collide, on SQLite or
    PostgreSQL). `receipt_no` is the 접수번호 the resident quotes ("중구-2026-000123")."""

    __tablename__ = "application"
    __table_args__ = (
        UniqueConstraint("account_id", "idempotency_key", name="uq_application_idempotency"),
        UniqueConstraint("account_id", "active_key", name="uq_application_active"),
        UniqueConstraint("receipt_no", name="uq_application_receipt"),
        Index("ix_application_queue", "department", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_ref("account"))
    program_key: str = Field(max_length=140, index=True)
    department: str = Field(max_length=100)
    status: str = Field(default="submitted", max_length=20)
    answers_sealed: str = Field(sa_type=Text)
    idempotency_key: str = Field(max_length=80)
    submitted_at: datetime = Field(default_factory=_now, sa_column=_when())
    updated_at: datetime = Field(default_factory=_now, sa_column=_when())
    decided_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    reason: str = Field(default="", sa_type=Text)
    # when the resident last looked at it: a status change after this is shown as unread
    owner_seen_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    active_key: str | None = Field(default=None, max_length=140)
    receipt_no: str | None = Field(default=None, max_length=30)
    # the engine's verdict at submission (core.decision.VerdictRecord, encrypted: it states the resident's
    # facts); None for applications submitted before it was kept, or when the profile could not be read
    verdict_sealed: str | None = Field(default=None, sa_type=Text)
    # the officer who has taken the case (SET NULL if that account goes): the queue's 담당
    assigned_to: int | None = Field(
        default=None, sa_column=_ref("account", nullable=True, on_delete="SET NULL")
    )


class ApplicationEvent(SQLModel, table=True):
    """One status change: from, to, by whom (SET NULL if that account goes), when and why."""

    __tablename__ = "application_event"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(sa_column=_ref("application"))
    at: datetime = Field(default_factory=_now, sa_column=_when())
    actor_id: int | None = Field(default=None, sa_column=_ref("account", nullable=True, on_delete="SET NULL"))
    from_status: str = Field(default="", max_length=20)
    to_status: str = Field(max_length=20)
    reason: str = Field(default="", sa_type=Text)
    # why an officer approved although required documents were missing (staff only, never shown to the
    # resident; core.decision.check_override)
    override_reason: str = Field(default="", sa_type=Text)


class ApplicationDraft(SQLModel, table=True):
    """A form being filled in, kept server-side so a reload or reconnect restores it."""

    __tablename__ = "application_draft"
    __table_args__ = (UniqueConstraint("account_id", "program_key", name="uq_application_draft"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_ref("account"))
    program_key: str = Field(max_length=140)
    answers_sealed: str = Field(sa_type=Text)
    updated_at: datetime = Field(default_factory=_now, sa_column=_when())


class Upload(SQLModel, table=True):
    """A document file for a draft or an application; the bytes are on disk under the private directory."""

    __tablename__ = "upload"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_ref("account"))
    application_id: int | None = Field(default=None, sa_column=_ref("application", nullable=True))
    draft_id: int | None = Field(default=None, sa_column=_ref("application_draft", nullable=True))
    document_key: str = Field(max_length=40)
    stored_name: str = Field(max_length=100, unique=True)  # a random file name inside the upload directory
    sha256: str = Field(max_length=64)
    size: int
    content_type: str = Field(max_length=40)
    created_at: datetime = Field(default_factory=_now, sa_column=_when())


class EvidenceConsent(SQLModel, table=True):
    """A resident's consent to import documents from an evidence provider, with its scope and expiry."""

    __tablename__ = "evidence_consent"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_ref("account"))
    provider: str = Field(max_length=60)
    document_kinds: str = Field(sa_type=Text)  # JSON list of document kinds
    scope: str = Field(max_length=200)  # what the documents may be used for
    granted_at: datetime = Field(default_factory=_now, sa_column=_when())
    expires_at: datetime = Field(sa_column=_when())
    withdrawn_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))


class EvidenceDocument(SQLModel, table=True):
    """A document imported under a consent (encrypted), which satisfies checklist items of its kind."""

    __tablename__ = "evidence_document"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_ref("account"))
    consent_id: int | None = Field(
        default=None, sa_column=_ref("evidence_consent", nullable=True, on_delete="SET NULL")
    )
    kind: str = Field(max_length=60)
    content_sealed: str = Field(sa_type=Text)
    received_at: datetime = Field(default_factory=_now, sa_column=_when())


class ApplicationEvidence(SQLModel, table=True):
    """An imported document submitted with an application: officials decided on it, so it stays with the
    application even after the consent is withdrawn, and the resident cannot delete it (db/evidence.py)."""

    __tablename__ = "application_evidence"
    __table_args__ = (UniqueConstraint("application_id", "document_id", name="uq_application_evidence"),)

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(sa_column=_ref("application"))
    document_id: int = Field(sa_column=_ref("evidence_document"))


class ApplicationMemo(SQLModel, table=True):
    """An officer's internal note on a case (encrypted): never on a resident's page; in the resident's
    data download once the case is decided (db/application_export.py says why)."""

    __tablename__ = "application_memo"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(sa_column=_ref("application"))
    author_id: int | None = Field(
        default=None, sa_column=_ref("account", nullable=True, on_delete="SET NULL")
    )
    at: datetime = Field(default_factory=_now, sa_column=_when())
    text_sealed: str = Field(sa_type=Text)
