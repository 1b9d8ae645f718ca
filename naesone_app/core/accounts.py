"""Account rules: who may sign up with what, how strong a password must be, when an account locks.

Pure rules with their messages; hashing, storage and sessions live elsewhere. Every rejection names
the form field it belongs next to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from naesone_app.core.actor import ROLES as ROLES  # the roles are core.actor's
from naesone_app.core.i18n import N_, Message

MAX_EMAIL = 254
MIN_PASSWORD, MAX_PASSWORD = 10, 128
MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_PHONE = re.compile(r"^01[016789]\d{7,8}$")
# the passwords every guessing list starts with (NIST SP 800-63B: check against known-bad values)
COMMON_PASSWORDS = frozenset({
    "password", "password1", "password12", "password123", "1234567890", "12345678910", "0123456789",
    "qwertyuiop", "1q2w3e4r5t", "1qaz2wsx3edc", "qwer1234!!", "asdfghjkl1", "iloveyou12", "abcd123456",
    "a123456789", "passw0rd12", "1234qwer!@", "qwerty1234", "aaaaaaaaaa", "1111111111", "korea12345",
    "sarang1234", "dlrtjdgh12", "abc1234567", "admin12345", "welcome123", "seoul12345", "junggu1234",
})  # fmt: skip


class AccountError(ValueError):
    """A sign-up or sign-in value that cannot be used; `field` is where to show `message`."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(field)
        self.field, self.message = field, message


def normalize_login(value: str) -> str:
    """An email (lower-cased) or a Korean mobile number (digits only); AccountError otherwise."""
    text = (value or "").strip()
    if len(text) > MAX_EMAIL:
        raise AccountError("login", Message(N_("너무 깁니다. {n}자 이하로 입력하세요."), {"n": MAX_EMAIL}))
    if "@" in text:
        if not _EMAIL.match(text):
            raise AccountError("login", Message(N_("이메일 주소 형식이 올바르지 않습니다.")))
        local, domain = text.rsplit("@", 1)
        return f"{local}@{domain.lower()}".lower()
    digits = re.sub(r"[\s-]", "", text)
    if _PHONE.match(digits):
        return digits
    raise AccountError("login", Message(N_("이메일 주소나 휴대전화 번호(010-1234-5678)를 입력하세요.")))


def check_password(password: str, login: str) -> None:
    """Length, a list of known-bad passwords, and not the login itself; AccountError otherwise."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(
            "password", Message(N_("비밀번호는 {n}자 이상이어야 합니다."), {"n": MIN_PASSWORD})
        )
    if len(password) > MAX_PASSWORD:
        raise AccountError("password", Message(N_("비밀번호는 {n}자 이하여야 합니다."), {"n": MAX_PASSWORD}))
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or len(set(lowered)) < 4:
        raise AccountError(
            "password", Message(N_("너무 흔하거나 단순한 비밀번호입니다. 다른 비밀번호를 고르세요."))
        )
    name = login.split("@", 1)[0].lower()
    if len(name) >= 4 and name in lowered:
        raise AccountError("password", Message(N_("비밀번호에 아이디(이메일·전화번호)를 넣지 마세요.")))


@dataclass(frozen=True, slots=True)
class Lockout:
    """An account's failed sign-ins and, once there were too many, until when it is locked."""

    failures: int = 0
    locked_until: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> Lockout:
        """One more wrong password: the fifth in a row locks the account for 15 minutes."""
        failures = 1 if self.locked_until is not None and now >= self.locked_until else self.failures + 1
        return Lockout(failures, now + LOCK_FOR if failures >= MAX_FAILURES else None)

    def after_success(self) -> Lockout:
        return Lockout()


SESSION_IDLE = timedelta(hours=12)
SESSION_ABSOLUTE = timedelta(days=14)
RESET_VALID_FOR = timedelta(minutes=30)


def session_expired(created: datetime, last_seen: datetime, now: datetime) -> bool:
    """A session ends 12 hours after its last use or 14 days after sign-in, whichever comes first."""
    return now >= last_seen + SESSION_IDLE or now >= created + SESSION_ABSOLUTE
