"""Staff administration queries: the list of officers, disabling one, changing a role or department.

Every change is audited in the caller's transaction; the rules that protect the desk (an admin cannot
disable or demote themselves, the last active admin stays) are checked here, where the rows are.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from naesone_app.core.accounts import AccountError
from naesone_app.core.actor import STAFF_ROLES
from naesone_app.core.i18n import N_, Message
from naesone_app.db.account_models import Account
from naesone_app.db.accounts import end_all_sessions, utc_now
from naesone_app.db.audit import audit


def staff_accounts(session: Session) -> list[Account]:
    """Every officer's account (staff, editors, admins), admins first, then by login."""
    rows = session.exec(select(Account).where(Account.role.in_(STAFF_ROLES))).all()
    order = {role: i for i, role in enumerate(reversed(STAFF_ROLES))}
    return sorted(rows, key=lambda a: (order.get(a.role, 9), a.login))


def _officer(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id, with_for_update=True)
    if account is None or account.role not in STAFF_ROLES:
        raise AccountError("account", Message(N_("직원 계정이 아닙니다.")))
    return account


def _active_admins(session: Session) -> int:
    return len(
        session.exec(select(Account.id).where(Account.role == "admin", Account.disabled_at.is_(None))).all()
    )


def _keeps_an_admin(session: Session, target: Account, admin_id: int) -> None:
    """Refuse a change that would take the admin's own rights away, or leave no active admin."""
    if target.id == admin_id:
        raise AccountError("account", Message(N_("자기 계정은 중지하거나 역할을 바꿀 수 없습니다.")))
    if target.role == "admin" and target.disabled_at is None and _active_admins(session) <= 1:
        raise AccountError("account", Message(N_("마지막 관리자 계정은 중지하거나 역할을 바꿀 수 없습니다.")))


def set_disabled(session: Session, admin_id: int, account_id: int, disabled: bool,
                 now: datetime | None = None) -> Account:  # fmt: skip
    """Disable (its sessions end now; it cannot sign in) or enable an officer's account; audited."""
    target = _officer(session, account_id)
    if disabled:
        if target.disabled_at is not None:
            return target
        _keeps_an_admin(session, target, admin_id)
        target.disabled_at = now or utc_now()
        session.add(target)
        ended = end_all_sessions(session, target.id)
        audit(session, admin_id, "admin.disabled_staff", target.id, f"sessions ended: {ended}")
    elif target.disabled_at is not None:
        target.disabled_at = None
        target.failures, target.locked_until = 0, None
        session.add(target)
        audit(session, admin_id, "admin.enabled_staff", target.id)
    return target


def change_officer(session: Session, admin_id: int, account_id: int, role: str, department: str) -> Account:
    """Change an officer's role and department (already checked against the departments file); audited."""
    if role not in STAFF_ROLES:
        raise AccountError("role", Message(N_("역할을 고르세요.")))
    target = _officer(session, account_id)
    if role != target.role and target.role == "admin":
        _keeps_an_admin(session, target, admin_id)
    if role == target.role and department == target.department:
        return target
    before = f"{target.role}/{target.department}"
    target.role, target.department = role, department
    session.add(target)
    audit(session, admin_id, "admin.changed_staff", target.id, f"{before} -> {role}/{department}")
    return target
