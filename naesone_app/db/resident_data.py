"""What a resident keeps with their account: the (encrypted) profile, consents, saved programmes and the
programmes seen matching. Every function takes the session it works in; the caller's transaction makes
an action whole or nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, select

from naesone_app.core.accounts import (
    AccountError,
)  # fmt: skip
from naesone_app.core.consent import PURPOSE_BY_KEY
from naesone_app.core.i18n import N_, Message
from naesone_app.core.profile import parse_profile
from naesone_app.db.account_models import (
    Consent,
    ResidentProfile,
    SavedProgram,
    SeenMatch,
)  # fmt: skip
from naesone_app.db.accounts import utc_now
from naesone_app.db.campaigns import forget_arrival
from naesone_app.db.push import unsubscribe_all
from naesone_app.security.crypto import (
    seal,
    unseal,
)  # fmt: skip


def save_profile(session: Session, account_id: int, profile: dict[str, Any]) -> None:
    """Validate and store the profile encrypted; requires the sensitive-data consent."""
    if not has_consent(session, account_id, "sensitive_profile"):
        raise AccountError("consent", Message(N_("민감정보 처리에 동의해야 상황을 저장할 수 있습니다.")))
    parse_profile(profile)
    row = session.get(ResidentProfile, account_id) or ResidentProfile(account_id=account_id, ciphertext="")
    row.ciphertext, row.updated_at = seal(json.dumps(profile, ensure_ascii=False, sort_keys=True)), utc_now()
    session.add(row)


def load_profile(session: Session, account_id: int) -> dict[str, Any]:
    row = session.get(ResidentProfile, account_id)
    return json.loads(unseal(row.ciphertext)) if row else {}


def current_consents(session: Session, account_id: int) -> dict[str, Consent]:
    """The consents in force, by purpose."""
    rows = session.exec(
        select(Consent).where(Consent.account_id == account_id, Consent.withdrawn_at.is_(None))
    ).all()
    return {row.purpose: row for row in rows}


def has_consent(session: Session, account_id: int, purpose: str) -> bool:
    consent = current_consents(session, account_id).get(purpose)
    return consent is not None and consent.version == PURPOSE_BY_KEY[purpose].version


def grant_consent(session: Session, account_id: int, purpose: str) -> None:
    if purpose not in PURPOSE_BY_KEY:
        raise ValueError(f"unknown purpose {purpose!r}")
    existing = current_consents(session, account_id).get(purpose)
    if existing is not None and existing.version == PURPOSE_BY_KEY[purpose].version:
        return
    if existing is not None:
        existing.withdrawn_at = utc_now()
        session.add(existing)
    session.add(Consent(account_id=account_id, purpose=purpose, version=PURPOSE_BY_KEY[purpose].version))


def withdraw_consent(session: Session, account_id: int, purpose: str) -> None:
    """Withdraw a consent; withdrawing the sensitive-data consent deletes the stored profile at once, and
    withdrawing the notifications consent forgets every browser that received reminders."""
    if purpose not in PURPOSE_BY_KEY or PURPOSE_BY_KEY[purpose].required:
        raise ValueError(f"consent {purpose!r} cannot be withdrawn separately")
    consent = current_consents(session, account_id).get(purpose)
    if consent is not None:
        consent.withdrawn_at = utc_now()
        session.add(consent)
    if purpose == "sensitive_profile":
        session.exec(delete(ResidentProfile).where(ResidentProfile.account_id == account_id))
    if purpose == "notifications":
        unsubscribe_all(session, account_id)
    if purpose == "campaign_source":
        forget_arrival(session, account_id)


def saved_programs(session: Session, account_id: int) -> list[str]:
    rows = session.exec(
        select(SavedProgram).where(SavedProgram.account_id == account_id).order_by(SavedProgram.saved_at)
    )
    return [row.program_key for row in rows]


def set_saved(session: Session, account_id: int, program_key: str, saved: bool) -> None:
    existing = session.exec(
        select(SavedProgram).where(
            SavedProgram.account_id == account_id, SavedProgram.program_key == program_key
        )
    ).first()
    if saved and existing is None:
        session.add(SavedProgram(account_id=account_id, program_key=program_key))
    elif not saved and existing is not None:
        session.delete(existing)


def note_matches(
    session: Session, account_id: int, keys: list[str], at_sign_up: bool = False, now: datetime | None = None
) -> dict[str, datetime]:
    """Record programmes seen matching and return when each was first seen matching.

    Programmes already matching when the account was made (`at_sign_up`) count as always known, so the
    feed's "new for you" only ever shows what changed after sign-up. `now` is the reminder job's clock
    (`naesone reminders send --now`), so its "new" and its first-seen agree.
    """
    rows = {
        r.program_key: r for r in session.exec(select(SeenMatch).where(SeenMatch.account_id == account_id))
    }
    now = now or utc_now()
    first_seen = {}
    for key in keys:
        row = rows.get(key)
        if row is None:
            row = SeenMatch(account_id=account_id, program_key=key, first_seen_at=now, at_sign_up=at_sign_up)
            session.add(row)
        first_seen[key] = row.first_seen_at if row.at_sign_up is False else datetime.min.replace(tzinfo=UTC)
    return first_seen
