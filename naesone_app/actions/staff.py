"""What staff and admins do on the staff desk: find residents, read one resident's profile (the read
audited first), read the audit log and the outbound summary (admins), create staff accounts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import select

from naesone_app.core.actor import Actor, require_admin, require_staff
from naesone_app.db.account_models import Account, AuditEntry, ResidentProfile
from naesone_app.db.accounts import create_account
from naesone_app.db.audit import audit, audit_entries
from naesone_app.db.engine import transaction
from naesone_app.db.outbound import OutboundSummary, outbound_summary
from naesone_app.db.resident_data import load_profile


@dataclass(frozen=True, slots=True)
class Residents:
    accounts: list[Account]
    profiled: set[int]  # which of them keep a profile


def residents(actor: Actor, login: str = "", limit: int = 50) -> Residents:
    """The newest resident accounts, or the one with exactly `login`."""
    require_staff(actor)
    with transaction() as session:
        statement = select(Account).where(Account.role == "resident").order_by(Account.id.desc()).limit(limit)
        if login:
            statement = statement.where(Account.login == login)
        rows = list(session.exec(statement).all())
        return Residents(rows, set(session.exec(select(ResidentProfile.account_id)).all()))


def read_profile(actor: Actor, account_id: int) -> tuple[Account, dict[str, Any]] | None:
    """One resident's profile; the read is audited in the same transaction. None if no such resident."""
    staff_id = require_staff(actor)
    with transaction() as session:
        resident = session.get(Account, account_id)
        if resident is None or resident.role != "resident":
            return None
        audit(session, staff_id, "staff.read_profile", resident.id, actor.department)
        return resident, load_profile(session, resident.id)


def audit_log(actor: Actor, limit: int = 100) -> tuple[list[AuditEntry], dict[int, str]]:
    """The newest audit entries and the logins of the accounts they name (admins only)."""
    require_admin(actor)
    with transaction() as session:
        return audit_entries(session, limit), {a.id: a.login for a in session.exec(select(Account)).all()}


def outbound(actor: Actor, since: date) -> list[OutboundSummary]:
    """How many went from here to apply elsewhere since `since`, by programme."""
    require_staff(actor)
    with transaction() as session:
        return outbound_summary(session, since)


def create_staff(actor: Actor, login: str, password: str, role: str, department: str) -> Account:
    """An admin creates a staff (or admin) account (audited); `AccountError` names the field at fault."""
    admin_id = require_admin(actor)
    with transaction() as session:
        created = create_account(session, login, password, role, department)
        audit(session, admin_id, "admin.created_staff", created.id, role)
        return created
