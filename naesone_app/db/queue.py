"""The queue's reads and writes: a department's cases with who applied (identities decrypted in memory),
the officers a case may be assigned to, the assignment, and internal memos (encrypted).

Who may is decided by the action (actions/queue.py) before these run; each takes the action's session
so the change and its audit row commit together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from naesone_app.core.actor import STAFF_ROLES, may_review
from naesone_app.core.queue import Case
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import utc_now
from naesone_app.db.application_models import Application, ApplicationMemo
from naesone_app.db.identity import identities
from naesone_app.db.resident_data import load_profile
from naesone_app.security.crypto import seal, unseal

MAX_MEMO = 2000


def department_cases(
    session: Session, departments: Iterable[str] | None, statuses: Iterable[str] | None
) -> list[Case]:
    """The cases of `departments` (None: every department) in `statuses` (None: every status), each
    with the resident's identity, or the profile's 동 when the identity gives none."""
    query = select(Application, Account.login).join(Account, Account.id == Application.account_id)
    if departments is not None:
        query = query.where(Application.department.in_(list(departments)))
    if statuses is not None:
        query = query.where(Application.status.in_(list(statuses)))
    rows = session.exec(query.order_by(Application.submitted_at, Application.id)).all()
    known = identities(session, (application.account_id for application, _ in rows))
    dongs: dict[int, str] = {}
    cases = []
    for application, login in rows:
        identity = known.get(application.account_id)
        if not (identity and identity.dong) and application.account_id not in dongs:
            dongs[application.account_id] = str(
                load_profile(session, application.account_id).get("dong") or ""
            )
        cases.append(
            Case(
                id=int(application.id or 0),
                receipt_no=application.receipt_no or "",
                program_key=application.program_key,
                department=application.department,
                status=application.status,
                submitted_at=application.submitted_at,
                login=login,
                identity=identity,
                profile_dong=dongs.get(application.account_id, ""),
                assigned_to=application.assigned_to,
                decided_at=application.decided_at,
            )
        )
    return cases


def departments_of_cases(session: Session) -> list[str]:
    return sorted(session.exec(select(Application.department).distinct()).all())


def officers(session: Session, department: str | None) -> list[Account]:
    """Who may take cases of `department` (every officer when None): its staff and editors, and admins,
    never a disabled account."""
    query = select(Account).where(Account.role.in_(STAFF_ROLES), Account.disabled_at.is_(None))
    rows = session.exec(query.order_by(Account.login)).all()
    return [a for a in rows if department is None or may_review(a.role, a.department, department)]


def logins(session: Session, account_ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in account_ids if i is not None})
    if not wanted:
        return {}
    return dict(session.exec(select(Account.id, Account.login).where(Account.id.in_(wanted))).all())


def set_assignee(session: Session, application: Application, assignee_id: int | None) -> None:
    application.assigned_to = assignee_id
    session.add(application)


@dataclass(frozen=True, slots=True)
class Memo:
    id: int
    at: datetime
    author_id: int | None
    author: str  # the author's sign-in, "" when that account is gone
    text: str


def add_memo(session: Session, application_id: int, author_id: int, text: str) -> ApplicationMemo:
    memo = ApplicationMemo(application_id=application_id, author_id=author_id, at=utc_now(),
                           text_sealed=seal(text[:MAX_MEMO]))  # fmt: skip
    session.add(memo)
    session.flush()
    return memo


def memos_of(session: Session, application_ids: Iterable[int]) -> list[tuple[int, Memo]]:
    """The memos on these applications, oldest first, as (application id, memo)."""
    wanted = sorted(set(application_ids))
    if not wanted:
        return []
    rows = session.exec(
        select(ApplicationMemo)
        .where(ApplicationMemo.application_id.in_(wanted))
        .order_by(ApplicationMemo.at, ApplicationMemo.id)
    ).all()
    names = logins(session, (row.author_id for row in rows))
    return [
        (row.application_id,
         Memo(int(row.id or 0), row.at, row.author_id, names.get(row.author_id, ""), unseal(row.text_sealed)))
        for row in rows
    ]  # fmt: skip
