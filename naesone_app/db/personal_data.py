"""Everything held about one account, as one list of tables: the resident's export, the deletion that
removes it all (audit entries keep no link), and re-encryption under a new key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, select

from naesone_app.core.i18n import render
from naesone_app.core.notices import message_from_json
from naesone_app.db.account_models import (
    Account,
    AuditEntry,
    Consent,
    LoginSession,
    PasswordReset,
    ResidentIdentity,
    ResidentProfile,
    SavedProgram,
    SeenMatch,
)  # fmt: skip
from naesone_app.db.application_export import delete_applications, export_applications, reseal_applications
from naesone_app.db.campaign_models import CampaignArrival
from naesone_app.db.campaigns import export_arrival
from naesone_app.db.class_loading import export_registrations
from naesone_app.db.class_models import ClassAttendance, Registration
from naesone_app.db.identity import load_identity, reseal_identities
from naesone_app.db.notice_models import Notice
from naesone_app.db.notices import notices_of
from naesone_app.db.outbound import export_external_applications
from naesone_app.db.outbound_models import ExternalApplication
from naesone_app.db.push import row_kinds, sent_reminders, subscriptions_of
from naesone_app.db.push_models import PushSubscription, SentReminder
from naesone_app.db.resident_data import load_profile, saved_programs
from naesone_app.security.crypto import (
    reseal,
)  # fmt: skip


def export_account(session: Session, account_id: int) -> dict[str, Any]:
    """Everything held about the account, as the resident downloads it."""
    account = session.get(Account, account_id)
    consents = session.exec(
        select(Consent).where(Consent.account_id == account_id).order_by(Consent.id)
    ).all()
    sessions = session.exec(
        select(LoginSession).where(LoginSession.account_id == account_id, LoginSession.kind == "browser")
    ).all()
    reads = session.exec(
        select(AuditEntry).where(AuditEntry.subject_id == account_id).order_by(AuditEntry.id)
    ).all()
    return {
        "account": {"login": account.login, "role": account.role, "created_at": _iso(account.created_at)},
        "profile": load_profile(session, account_id),
        "identity": identity.as_dict() if (identity := load_identity(session, account_id)) else None,
        "consents": [
            {
                "purpose": c.purpose,
                "version": c.version,
                "granted_at": _iso(c.granted_at),
                "withdrawn_at": _iso(c.withdrawn_at),
            }
            for c in consents
        ],
        "saved_programs": saved_programs(session, account_id),
        "sessions": [
            {
                "started_at": _iso(s.created_at),
                "last_seen_at": _iso(s.last_seen_at),
                "ended_at": _iso(s.revoked_at),
            }
            for s in sessions
        ],
        "staff_access": [{"at": _iso(r.at), "action": r.action} for r in reads],
        "push_subscriptions": [
            {
                "push_service_endpoint": p.endpoint,
                "locale": p.locale,
                "kinds": list(row_kinds(p)),
                "created_at": _iso(p.created_at),
            }
            for p in subscriptions_of(session, account_id)
        ],  # the browser's encryption keys are not the resident's data to download; they stay out
        "sent_reminders": [
            {"reminder": r.dedupe_key, "sent_at": _iso(r.sent_at)}
            for r in sent_reminders(session, account_id)
        ],
        "notices": [
            {
                "kind": n.kind,
                "title": render(message_from_json(n.title)),
                "body": render(message_from_json(n.body)),
                "page": n.url,
                "at": _iso(n.created_at),
                "pushed": n.outcome == "sent",
                "read_at": _iso(n.read_at),
            }
            for n in notices_of(session, account_id)
        ],
        "class_registrations": export_registrations(session, account_id),
        **export_applications(session, account_id),
        "applied_elsewhere": export_external_applications(session, account_id),
        "how_you_found_us": export_arrival(session, account_id),  # campaign and placement, with consent
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def delete_account(session: Session, account_id: int) -> None:
    """Delete the account and, by cascade, everything personal; audit entries keep no link to it."""
    delete_applications(session, account_id)  # applications, drafts, uploads (files too), evidence
    mine = select(Registration.id).where(Registration.account_id == account_id)
    session.exec(delete(ClassAttendance).where(ClassAttendance.registration_id.in_(mine)))
    for table in (
        ResidentProfile, ResidentIdentity, LoginSession, Consent, SavedProgram, SeenMatch, PasswordReset, PushSubscription,
        SentReminder, Notice, Registration, ExternalApplication, CampaignArrival,
    ):  # fmt: skip
        session.exec(delete(table).where(table.account_id == account_id))
    session.exec(update(AuditEntry).where(AuditEntry.subject_id == account_id).values(subject_id=None))
    session.exec(update(AuditEntry).where(AuditEntry.actor_id == account_id).values(actor_id=None))
    session.exec(delete(Account).where(Account.id == account_id))


def rotate_keys(session: Session) -> int:
    """Re-encrypt every stored profile, application answer and evidence document; returns how many."""
    rows = session.exec(select(ResidentProfile)).all()
    for row in rows:
        row.ciphertext = reseal(row.ciphertext)
        session.add(row)
    return len(rows) + reseal_identities(session, reseal) + reseal_applications(session, reseal)
