"""Accounts, passwords, sessions and password resets: the queries and their rules.

Every function takes the session it works in; callers wrap a user action in one `transaction()`, so an
action either happens whole or not at all.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, update
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
from naesone_app.core.actor import STAFF_ROLES
from naesone_app.core.i18n import N_, Message
from naesone_app.db.account_models import (
    Account,
    LoginSession,
    PasswordReset,
)  # fmt: skip
from naesone_app.db.audit import audit
from naesone_app.security.crypto import (
    DUMMY_HASH,
    hash_password,
    needs_rehash,
    new_token,
    password_matches,
    token_digest,
)  # fmt: skip

HANDOFF_VALID_FOR = timedelta(seconds=60)
TOUCH_EVERY = timedelta(minutes=5)
WRONG_LOGIN = Message(N_("이메일·전화번호 또는 비밀번호가 맞지 않습니다."))
DISABLED = Message(N_("사용이 중지된 계정입니다. 관리자에게 문의하세요."))


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
    if account.disabled_at is not None:  # told only to whoever knows the password
        session.add(account)
        return AccountError("login", DISABLED)
    if needs_rehash(account.password_hash):
        account.password_hash = hash_password(password)
    account.last_sign_in_at = now
    session.add(account)
    return account


def change_password(session: Session, account: Account, password: str) -> None:
    """Set a new password and end every session (whoever knew the old one is signed out); a temporary
    password is no longer due for a change."""
    check_password(password, account.login)
    account.password_hash = hash_password(password)
    account.failures, account.locked_until = 0, None
    account.must_change_password = False
    session.add(account)
    end_all_sessions(session, account.id)


def password_is(account: Account, password: str) -> bool:
    """Whether `password` is the account's (asked again before a change made from a signed-in page)."""
    return password_matches(account.password_hash, password)


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
    account = session.get(Account, row.account_id)
    if account is None or account.disabled_at is not None:  # disabling ended it (belt and braces)
        row.revoked_at = now
        session.add(row)
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
        session.add(row)
    return account


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


def count_accounts(session: Session) -> dict[str, int]:
    return dict(session.exec(select(Account.role, func.count(Account.id)).group_by(Account.role)).all())
