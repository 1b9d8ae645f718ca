"""Tables of accounts and what they hold: sessions, encrypted profiles, consents, saved programmes, audit.

Everything personal hangs off `account` with ON DELETE CASCADE, so deleting an account deletes it all;
the audit log keeps what happened but loses who it happened to (SET NULL).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from naesone_app.db.models import _now
from naesone_app.db.types import when as _when


def _owner(nullable: bool = False, on_delete: str = "CASCADE") -> Column:
    return Column(Integer, ForeignKey("account.id", ondelete=on_delete), nullable=nullable, index=True)


class Account(SQLModel, table=True):
    """A person who signs in: resident, staff (of a department) or admin."""

    __tablename__ = "account"

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(max_length=254, unique=True, index=True)  # normalised email or mobile number
    password_hash: str = Field(max_length=255)
    role: str = Field(default="resident", max_length=16)
    department: str = Field(default="", max_length=100)
    created_at: datetime = Field(default_factory=_now, sa_column=_when())
    failures: int = 0
    locked_until: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    disabled_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))  # cannot sign in
    last_sign_in_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    must_change_password: bool = False  # a temporary password an admin gave: set one's own first


class ResidentProfile(SQLModel, table=True):
    """The resident's profile (income, disability, household…), encrypted as a whole at rest."""

    __tablename__ = "resident_profile"

    account_id: int = Field(
        sa_column=Column(Integer, ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    )
    ciphertext: str = Field(sa_type=Text)
    updated_at: datetime = Field(default_factory=_now, sa_column=_when())


class ResidentIdentity(SQLModel, table=True):
    """Who the resident is (name, 생년월일, address, phone: core.identity), encrypted as a whole at rest."""

    __tablename__ = "resident_identity"

    account_id: int = Field(
        sa_column=Column(Integer, ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    )
    ciphertext: str = Field(sa_type=Text)
    updated_at: datetime = Field(default_factory=_now, sa_column=_when())


class LoginSession(SQLModel, table=True):
    """A signed-in browser. Only the SHA-256 of its token is stored."""

    __tablename__ = "login_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    account_id: int = Field(sa_column=_owner())
    created_at: datetime = Field(default_factory=_now, sa_column=_when())
    last_seen_at: datetime = Field(default_factory=_now, sa_column=_when())
    revoked_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))
    kind: str = Field(
        default="browser", max_length=16
    )  # browser, or handoff (one use, exchanged for a cookie)


class Consent(SQLModel, table=True):
    """A consent given for one purpose in one version of its text; withdrawn_at once withdrawn."""

    __tablename__ = "consent"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    purpose: str = Field(max_length=40)
    version: str = Field(max_length=20)
    granted_at: datetime = Field(default_factory=_now, sa_column=_when())
    withdrawn_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))


class SavedProgram(SQLModel, table=True):
    """A programme a resident keeps an eye on."""

    __tablename__ = "saved_program"
    __table_args__ = (UniqueConstraint("account_id", "program_key", name="uq_saved_program"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    program_key: str = Field(max_length=140)
    saved_at: datetime = Field(default_factory=_now, sa_column=_when())


class SeenMatch(SQLModel, table=True):
    """When a programme was first seen matching a resident: the feed's "new for you"."""

    __tablename__ = "seen_match"
    __table_args__ = (UniqueConstraint("account_id", "program_key", name="uq_seen_match"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    program_key: str = Field(max_length=140)
    first_seen_at: datetime = Field(default_factory=_now, sa_column=_when())
    at_sign_up: bool = False


class PasswordReset(SQLModel, table=True):
    """A one-time reset link; only the SHA-256 of its token is stored."""

    __tablename__ = "password_reset"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=_owner())
    token_hash: str = Field(max_length=64, unique=True, index=True)
    created_at: datetime = Field(default_factory=_now, sa_column=_when())
    expires_at: datetime = Field(sa_column=_when())
    used_at: datetime | None = Field(default=None, sa_column=_when(nullable=True))


class AuditEntry(SQLModel, table=True):
    """Who read or changed whose data, when. Holds no personal data itself."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=_now, sa_column=_when())
    actor_id: int | None = Field(default=None, sa_column=_owner(nullable=True, on_delete="SET NULL"))
    action: str = Field(max_length=60)
    subject_id: int | None = Field(default=None, sa_column=_owner(nullable=True, on_delete="SET NULL"))
    detail: str = Field(default="", max_length=200)
