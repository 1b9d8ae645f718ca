"""What officers and admins do on the staff desk: read one resident's profile (only through a case of
their department; the read, or the refusal, audited), find residents (admins, with a stated purpose),
read the audit log and the outbound summary, administer staff accounts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import select

from naesone_app.core.accounts import AccountError
from naesone_app.core.actor import STAFF_ROLES, Actor, NotAllowed, require_admin, require_staff
from naesone_app.core.audit import SEARCH_PURPOSES
from naesone_app.core.departments import departments
from naesone_app.core.i18n import N_, Message
from naesone_app.db.account_models import Account, AuditEntry, ResidentProfile
from naesone_app.db.accounts import change_password, create_account, password_is, start_session
from naesone_app.db.audit import audit, audit_entries
from naesone_app.db.engine import transaction
from naesone_app.db.outbound import OutboundSummary, outbound_summary
from naesone_app.db.resident_cases import has_case
from naesone_app.db.resident_data import load_profile
from naesone_app.db.staff_accounts import change_officer, set_disabled, staff_accounts

MIN_PURPOSE_TEXT = 4


@dataclass(frozen=True, slots=True)
class Residents:
    accounts: list[Account]
    profiled: set[int]  # which of them keep a profile


def _purpose(purpose: str, words: str) -> str:
    """The audit detail of a stated purpose; `AccountError` naming the field when it is not stated."""
    if purpose not in SEARCH_PURPOSES:
        raise AccountError("purpose", Message(N_("찾는 목적을 고르세요.")))
    words = " ".join(words.split())
    if len(words) < MIN_PURPOSE_TEXT:
        raise AccountError("purpose_text", Message(N_("무엇 때문에 찾는지 {n}자 이상 적어 주세요."),
                                                   {"n": MIN_PURPOSE_TEXT}))  # fmt: skip
    return f"{purpose}: {words}"[:200]


def residents(actor: Actor, login: str, purpose: str, words: str, limit: int = 50) -> Residents:
    """Admins only: the newest resident accounts, or the one with exactly `login`, for a stated purpose
    (a select and its words, recorded in the audit log with the search)."""
    admin_id = require_admin(actor)
    detail = _purpose(purpose, words)
    with transaction() as session:
        statement = select(Account).where(Account.role == "resident").order_by(Account.id.desc()).limit(limit)
        if login:
            statement = statement.where(Account.login == login)
        rows = list(session.exec(statement).all())
        audit(session, admin_id, "admin.searched_residents", rows[0].id if login and rows else None, detail)
        return Residents(rows, set(session.exec(select(ResidentProfile.account_id)).all()))


def _centre_dong(department: str) -> str:
    found = departments().by_name(department)
    return found.dong if found else ""


def read_profile(actor: Actor, account_id: int) -> tuple[Account, dict[str, Any]] | None:
    """One resident's profile; the read is audited in the same transaction. None if no such resident.
    Staff and editors read only a resident with a case in their department (else `NotAllowed`, the
    attempt audited); an admin reads any resident."""
    staff_id = require_staff(actor)
    with transaction() as session:
        resident = session.get(Account, account_id)
        if resident is None or resident.role != "resident":
            return None
        allowed = actor.role == "admin" or has_case(session, resident.id, actor.department,
                                                     _centre_dong(actor.department))  # fmt: skip
        if allowed:
            audit(session, staff_id, "staff.read_profile", resident.id, actor.department)
            return resident, load_profile(session, resident.id)
        audit(session, staff_id, "staff.read_profile_refused", resident.id, actor.department)
    raise NotAllowed("no case of this resident in the department")


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


# --- staff administration ------------------------------------------------------------------------------


def _department(name: str) -> str:
    """A department of data/departments.yaml (its name, as stored), else `AccountError` on the select."""
    found = departments().by_name(name)
    if found is None:
        raise AccountError("department", Message(N_("목록에서 부서를 고르세요.")))
    return found.name


def create_staff(actor: Actor, login: str, password: str, role: str, department: str) -> Account:
    """An admin creates an officer's account with a temporary password, which the officer must replace
    at first sign-in (audited); `AccountError` names the field at fault."""
    admin_id = require_admin(actor)
    if role not in STAFF_ROLES:
        raise AccountError("role", Message(N_("역할을 고르세요.")))
    name = _department(department)
    with transaction() as session:
        created = create_account(session, login, password, role, name)
        created.must_change_password = True
        session.add(created)
        audit(session, admin_id, "admin.created_staff", created.id, f"{role}/{name}")
        return created


def officers(actor: Actor) -> list[Account]:
    """Every officer's account, for the admins' staff list."""
    require_admin(actor)
    with transaction() as session:
        return staff_accounts(session)


def unknown_departments(actor: Actor) -> list[tuple[str, str]]:
    """(login, department) of officers whose free-text department is not in the departments file: shown
    to the admins (or the operator's `naesone accounts departments`) to correct by hand, never changed
    silently."""
    if not actor.is_job:
        require_admin(actor)
    with transaction() as session:
        known = departments()
        return [(a.login, a.department) for a in staff_accounts(session)
                if a.department and known.by_name(a.department) is None]  # fmt: skip


def disable_officer(actor: Actor, account_id: int, disabled: bool) -> Account:
    """Disable (every session ends at once) or enable an officer's account; audited. Not oneself, and
    never the last active admin (`AccountError`)."""
    admin_id = require_admin(actor)
    with transaction() as session:
        return set_disabled(session, admin_id, account_id, disabled)


def change_staff(actor: Actor, account_id: int, role: str, department: str) -> Account:
    """Change an officer's role and department (from the file); audited."""
    admin_id = require_admin(actor)
    name = _department(department)
    with transaction() as session:
        return change_officer(session, admin_id, account_id, role, name)


def change_own_password(actor: Actor, current: str, password: str) -> str:
    """An officer sets their own password (first of all in place of the admin's temporary one): every
    session ends and a fresh handoff token signs this browser back in. `AccountError` names the field."""
    if actor.account_id is None or not actor.is_staff:
        raise NotAllowed("officers only")
    with transaction() as session:
        account = session.get(Account, actor.account_id)
        if account is None or account.disabled_at is not None:
            raise NotAllowed("no such officer")
        if not password_is(account, current):
            raise AccountError("current", Message(N_("지금 비밀번호가 맞지 않습니다.")))
        if password == current:
            raise AccountError("password", Message(N_("지금 비밀번호와 다른 비밀번호를 정하세요.")))
        temporary = account.must_change_password
        change_password(session, account, password)
        action = "account.changed_temporary_password" if temporary else "account.changed_password"
        audit(session, account.id, action, account.id)
        return start_session(session, account.id, kind="handoff")
