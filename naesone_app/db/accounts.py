"""Accounts, sessions, profiles, consents, saved programmes and the audit log: the queries and their rules.

Every function takes the session it works in; callers wrap a user action in one `transaction()`, so an
action either happens whole or not at all.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, update
from sqlmodel import Session, select

from naesone_app.core.accounts import (
    RESET_VALID_FOR,
    ROLES,
    AccountError,
    Lockout,
    check_password,
    normalize_login,
    session_expired,
)  # fmt: skip
from naesone_app.core.consent import PURPOSE_BY_KEY
from naesone_app.core.i18n import N_, Message, render
from naesone_app.core.notices import message_from_json
from naesone_app.core.profile import parse_profile
from naesone_app.db.account_models import (
    Account,
    AuditEntry,
    Consent,
    LoginSession,
    PasswordReset,
    ResidentProfile,
    SavedProgram,
    SeenMatch,
)  # fmt: skip
from naesone_app.db.application_export import delete_applications, export_applications, reseal_applications
from naesone_app.db.class_loading import export_registrations
from naesone_app.db.class_models import ClassAttendance, Registration
from naesone_app.db.notice_models import Notice
from naesone_app.db.notices import notices_of
from naesone_app.db.outbound import export_external_applications
from naesone_app.db.outbound_models import ExternalApplication
from naesone_app.db.push import row_kinds, sent_reminders, subscriptions_of, unsubscribe_all
from naesone_app.db.push_models import PushSubscription, SentReminder
from naesone_app.security.crypto import (
    DUMMY_HASH,
    hash_password,
    needs_rehash,
    new_token,
    password_matches,
    reseal,
    seal,
    token_digest,
    unseal,
)  # fmt: skip

HANDOFF_VALID_FOR = timedelta(seconds=60)
TOUCH_EVERY = timedelta(minutes=5)
WRONG_LOGIN = Message(N_("이메일·전화번호 또는 비밀번호가 맞지 않습니다."))


def utc_now() -> datetime:
    return datetime.now(UTC)


# --- accounts -----------------------------------------------------------------------------------


def find_account(session: Session, login: str) -> Account | None:
    return session.exec(select(Account).where(Account.login == login)).first()


def create_account(
    session: Session, login: str, password: str, role: str = "resident", department: str = ""
) -> Account:
    """A new account; AccountError names the field when the login or password cannot be used."""
    normalized = normalize_login(login)
    check_password(password, normalized)
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if len(department) > 100:
        raise AccountError("department", Message(N_("너무 깁니다. {n}자 이하로 입력하세요."), {"n": 100}))
    if find_account(session, normalized) is not None:
        raise AccountError(
            "login", Message(N_("이미 가입된 이메일·전화번호입니다. 로그인하거나 비밀번호를 재설정하세요."))
        )
    account = Account(
        login=normalized, password_hash=hash_password(password), role=role, department=department
    )
    session.add(account)
    session.flush()
    return account


def authenticate(
    session: Session, login: str, password: str, now: datetime | None = None
) -> Account | AccountError:
    """The account for these credentials, or the error to show (returned, not raised, so that the
    failure count is committed with the caller's transaction); five failures in a row lock it."""
    now = now or utc_now()
    try:
        normalized = normalize_login(login)
    except AccountError:
        password_matches(DUMMY_HASH, password)
        return AccountError("login", WRONG_LOGIN)
    account = find_account(session, normalized)
    if account is None:
        password_matches(DUMMY_HASH, password)  # same time as a real check: no account enumeration
        return AccountError("login", WRONG_LOGIN)
    lockout = Lockout(account.failures, account.locked_until)
    if lockout.is_locked(now):
        minutes = max(1, int((lockout.locked_until - now).total_seconds() // 60) + 1)
        return AccountError(
            "login",
            Message(N_("로그인 시도가 너무 많아 잠겼습니다. {n}분 뒤에 다시 시도하세요."), {"n": minutes}),
        )
    if not password_matches(account.password_hash, password):
        lockout = lockout.after_failure(now)
        account.failures, account.locked_until = lockout.failures, lockout.locked_until
        session.add(account)
        return AccountError("login", WRONG_LOGIN)
    account.failures, account.locked_until = 0, None
    if needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    session.add(account)
    return account


def change_password(session: Session, account: Account, password: str) -> None:
    """Set a new password and end every session (whoever knew the old one is signed out)."""
    check_password(password, account.login)
    account.password_hash = hash_password(password)
    account.failures, account.locked_until = 0, None
    session.add(account)
    end_all_sessions(session, account.id)


# --- sessions -----------------------------------------------------------------------------------


def start_session(session: Session, account_id: int, kind: str = "browser") -> str:
    """A new session token (only its digest is stored)."""
    token = new_token()
    session.add(LoginSession(token_hash=token_digest(token), account_id=account_id, kind=kind))
    session.flush()
    return token


def claim_handoff(session: Session, handoff: str, now: datetime | None = None) -> str | None:
    """Exchange a one-use handoff token (seen by page script) for a browser session token (cookie only)."""
    now = now or utc_now()
    row = session.exec(
        select(LoginSession).where(
            LoginSession.token_hash == token_digest(handoff), LoginSession.kind == "handoff"
        )
    ).first()
    if row is None:
        return None
    session.delete(row)
    if row.revoked_at is not None or now >= row.created_at + HANDOFF_VALID_FOR:
        return None
    return start_session(session, row.account_id)


def account_for_token(session: Session, token: str | None, now: datetime | None = None) -> Account | None:
    """The signed-in account for a browser session token, or None if unknown, ended or expired."""
    if not token or len(token) > 100:
        return None
    now = now or utc_now()
    row = session.exec(
        select(LoginSession).where(
            LoginSession.token_hash == token_digest(token), LoginSession.kind == "browser"
        )
    ).first()
    if row is None or row.revoked_at is not None:
        return None
    if session_expired(row.created_at, row.last_seen_at, now):
        row.revoked_at = now
        session.add(row)
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        session.add(row)
    return session.get(Account, row.account_id)


def end_session(session: Session, token: str) -> None:
    session.exec(
        update(LoginSession)
        .where(LoginSession.token_hash == token_digest(token))
        .values(revoked_at=utc_now())
    )


def end_all_sessions(session: Session, account_id: int) -> int:
    """Log out everywhere: every session of the account ends now."""
    result = session.exec(
        update(LoginSession)
        .where(LoginSession.account_id == account_id, LoginSession.revoked_at.is_(None))
        .values(revoked_at=utc_now())
    )
    return result.rowcount or 0


# --- password reset -------------------------------------------------------------------------------


def request_reset(session: Session, login: str, now: datetime | None = None) -> tuple[Account, str] | None:
    """A one-time reset token for the account, or None when no such account (the caller says the same)."""
    now = now or utc_now()
    try:
        account = find_account(session, normalize_login(login))
    except AccountError:
        return None
    if account is None:
        return None
    return account, _issue_reset(session, account, now)


def _issue_reset(session: Session, account: Account, now: datetime) -> str:
    token = new_token()
    session.add(
        PasswordReset(account_id=account.id, token_hash=token_digest(token), expires_at=now + RESET_VALID_FOR)
    )
    return token


STAFF_ROLES = ("staff", "admin")


def staff_reset(
    session: Session, staff_id: int, phone: str, id_checked: bool, now: datetime | None = None
) -> tuple[Account, str]:
    """A reset issued at the 주민센터 counter for a phone-number account, after staff checked the resident's
    ID: the same one-time, 30-minute token as a mailed link (using it ends every session). Only staff or
    an admin may issue one; the issue is audited with who did it. PermissionError for anyone else,
    AccountError (naming the field) when the ID check is not confirmed or no resident has that number."""
    staff = session.get(Account, staff_id)
    if staff is None or staff.role not in STAFF_ROLES:
        raise PermissionError("only staff reset a resident's password at the counter")
    if id_checked is not True:
        raise AccountError("id_checked", Message(N_("신분증으로 본인인지 확인한 뒤에 발급할 수 있어요.")))
    login = normalize_login(phone)
    if "@" in login:
        raise AccountError(
            "login",
            Message(N_("휴대전화 번호로 가입한 계정만 여기서 재설정해요. 이메일 계정은 메일로 재설정해요.")),
        )
    account = find_account(session, login)
    if account is None or account.role != "resident":
        raise AccountError("login", Message(N_("이 번호로 가입한 주민 계정이 없어요.")))
    now = now or utc_now()
    token = _issue_reset(session, account, now)
    audit(session, staff.id, "account.reset_by_staff", account.id, "ID checked at the counter")
    return account, token


def complete_reset(session: Session, token: str, password: str, now: datetime | None = None) -> Account:
    """Use a reset token once to set a new password; AccountError if it is unknown, used or expired."""
    now = now or utc_now()
    row = session.exec(
        select(PasswordReset).where(PasswordReset.token_hash == token_digest(token or ""))
    ).first()
    if row is None or row.used_at is not None or now >= row.expires_at:
        raise AccountError(
            "token", Message(N_("재설정 링크가 만료되었거나 이미 사용되었습니다. 다시 요청하세요."))
        )
    account = session.get(Account, row.account_id)
    change_password(session, account, password)
    row.used_at = now
    session.add(row)
    return account


# --- profile, consents, saved programmes ------------------------------------------------------------


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


# --- audit, export, deletion, rotation ----------------------------------------------------------------


def audit(
    session: Session, actor_id: int | None, action: str, subject_id: int | None, detail: str = ""
) -> None:
    """Write one audit entry (never personal data in `detail`)."""
    session.add(AuditEntry(actor_id=actor_id, action=action, subject_id=subject_id, detail=detail[:200]))


def audit_entries(session: Session, limit: int = 200) -> list[AuditEntry]:
    return list(session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))


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
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def delete_account(session: Session, account_id: int) -> None:
    """Delete the account and, by cascade, everything personal; audit entries keep no link to it."""
    delete_applications(session, account_id)  # applications, drafts, uploads (files too), evidence
    mine = select(Registration.id).where(Registration.account_id == account_id)
    session.exec(delete(ClassAttendance).where(ClassAttendance.registration_id.in_(mine)))
    for table in (
        ResidentProfile, LoginSession, Consent, SavedProgram, SeenMatch, PasswordReset, PushSubscription,
        SentReminder, Notice, Registration, ExternalApplication,
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
    return len(rows) + reseal_applications(session, reseal)


def count_accounts(session: Session) -> dict[str, int]:
    return dict(session.exec(select(Account.role, func.count(Account.id)).group_by(Account.role)).all())
