"""The audit log: who did what to whose record (never personal data in the entry itself)."""

from __future__ import annotations

from sqlmodel import Session, select

from naesone_app.db.account_models import (
    AuditEntry,
)  # fmt: skip


def audit(
    session: Session, actor_id: int | None, action: str, subject_id: int | None, detail: str = ""
) -> None:
    """Write one audit entry (never personal data in `detail`)."""
    session.add(AuditEntry(actor_id=actor_id, action=action, subject_id=subject_id, detail=detail[:200]))


def audit_entries(session: Session, limit: int = 200) -> list[AuditEntry]:
    return list(session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))
