"""What an officer does with the queue: read their department's cases (search, filters, paging), take a
case or hand it to a colleague, write an internal memo, export the department's cases.

Each checks the actor first: staff see and change only their department's cases, admins every
department's. Each read of who applied is audited (one row per queue page or export: how many and with
which filters, never a name); each assignment and memo is audited against the resident it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass

from naesone_app.core.actor import Actor, NotAllowed, may_review, require_staff
from naesone_app.core.applications import STATUS_LABELS
from naesone_app.core.i18n import render
from naesone_app.core.queue import (
    Case,
    ExportLabels,
    QueueFilter,
    QueuePage,
    export_row,
    page_of,
    select_cases,
    with_duplicates,
)  # fmt: skip
from naesone_app.db import queue
from naesone_app.db.account_models import Account
from naesone_app.db.application_access import NotFound
from naesone_app.db.application_models import Application
from naesone_app.db.application_reads import duplicate_ids
from naesone_app.db.audit import audit
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.db.engine import transaction
from naesone_app.db.queue import Memo


def _departments(actor: Actor, department: str | None = None) -> list[str] | None:
    """The departments whose cases the actor may see (None: every one, for an admin), narrowed to
    `department` when given; `NotAllowed` when a staff member names another department."""
    require_staff(actor)
    if actor.role == "admin":
        return None if not department else [department]
    if department and department != actor.department:
        raise NotAllowed("another department's cases")
    return [actor.department]


@dataclass(frozen=True, slots=True)
class QueueView:
    page: QueuePage
    programs: list[str]  # programme keys of the cases in scope (what the programme filter offers)
    officers: list[tuple[int, str]]  # (account id, sign-in) of whom a case may be assigned to
    assignees: dict[int, str]  # sign-in of each assignee on the page
    departments: list[str]  # the departments the actor may choose between (an admin's: every one)


def read_queue(actor: Actor, wanted: QueueFilter, department: str | None = None) -> QueueView:
    """One page of the cases the filter keeps, longest waiting first (the read audited)."""
    staff_id = require_staff(actor)
    departments = _departments(actor, department)
    with transaction() as session:
        cases = queue.department_cases(session, departments, None)
        cases = with_duplicates(cases, duplicate_ids(session, [case.id for case in cases]))
        kept = select_cases(cases, wanted, staff_id)
        shown = page_of(kept, wanted.page)
        staff = queue.officers(session, None if departments is None else departments[0])
        if cases:  # who applied was decrypted to search and show: audited (a name never in the entry)
            audit(session, staff_id, "application.queue_read", None,
                  f"{len(shown.cases)} of {shown.total}; {wanted.audit_text()}")  # fmt: skip
        return QueueView(
            shown,
            sorted({case.program_key for case in cases}),
            [(int(a.id or 0), a.login) for a in staff],
            queue.logins(session, (case.assigned_to for case in shown.cases)),
            queue.departments_of_cases(session) if actor.role == "admin" else [actor.department],
        )


def _case(session, actor: Actor, application_id: int) -> Application:
    """The application the officer may act on; `NotFound` for one of another department (so that its
    existence is not told) and for their own."""
    application = session.get(Application, application_id, with_for_update=True)
    if (
        application is None
        or application.account_id == actor.account_id
        or not actor.reviews(application.department)
    ):
        raise NotFound("application")
    return application


def assign(actor: Actor, application_id: int, assignee_id: int | None) -> Application:
    """Give the case to `assignee_id` (a staff member of its department, or an admin) or to nobody."""
    staff_id = require_staff(actor)
    with transaction() as session:
        application = _case(session, actor, application_id)
        if assignee_id is not None:
            assignee = session.get(Account, assignee_id)
            may_take = (
                assignee is not None
                and assignee.disabled_at is None
                and may_review(assignee.role, assignee.department, application.department)
            )
            if not may_take or assignee_id == application.account_id:
                raise NotAllowed("not an officer of this department")
        queue.set_assignee(session, application, assignee_id)
        audit(session, staff_id, "application.assigned", application.account_id,
              f"application {application.id}: to {assignee_id if assignee_id else 'nobody'}")  # fmt: skip
        return application


def write_memo(actor: Actor, application_id: int, text: str) -> Memo:
    """Add an internal memo (`ValueError` when empty); never shown on a resident's page."""
    staff_id = require_staff(actor)
    text = text.strip()[: queue.MAX_MEMO]
    if not text:
        raise ValueError("memo: empty")
    with transaction() as session:
        application = _case(session, actor, application_id)
        memo = queue.add_memo(session, int(application.id or 0), staff_id, text)
        audit(session, staff_id, "application.memo", application.account_id, f"application {application.id}")
        return next(m for _, m in queue.memos_of(session, [memo.application_id]) if m.id == memo.id)


@dataclass(frozen=True, slots=True)
class Desk:
    """Who has the case, whom it may go to, and the memos on it."""

    assigned_to: int | None
    assignee: str  # their sign-in, "" when nobody
    officers: list[tuple[int, str]]
    memos: list[Memo]


def case_desk(actor: Actor, application_id: int) -> Desk:
    """The case's assignment and memos, for an officer who may see the case (`NotFound` otherwise)."""
    require_staff(actor)
    with transaction() as session:
        application = session.get(Application, application_id)
        if (
            application is None
            or application.account_id == actor.account_id
            or not actor.reviews(application.department)
        ):
            raise NotFound("application")
        staff = [a for a in queue.officers(session, application.department) if a.id != application.account_id]
        if actor.role == "admin" and all(a.id != actor.account_id for a in staff):
            me = session.get(Account, actor.account_id)
            staff.append(me)
        names = queue.logins(session, [application.assigned_to])
        return Desk(
            application.assigned_to,
            names.get(application.assigned_to, "") if application.assigned_to else "",
            [(int(a.id or 0), a.login) for a in staff],
            [memo for _, memo in queue.memos_of(session, [application_id])],
        )


@dataclass(frozen=True, slots=True)
class Export:
    rows: list[list[str]]
    cases: list[Case]


def export_cases(actor: Actor, wanted: QueueFilter, department: str | None = None) -> Export:
    """Every case the filter keeps (no paging), as export rows in Korean; the export is audited with
    the count and the filters (never a name or the search text). Staff export their own department's
    cases only; an admin any department's (`department`) or all."""
    staff_id = require_staff(actor)
    departments = _departments(actor, department)
    with transaction() as session:
        kept = select_cases(queue.department_cases(session, departments, None), wanted, staff_id)
        names = queue.logins(session, (case.assigned_to for case in kept))
        labels = ExportLabels(
            program={key: _title(key) for key in {case.program_key for case in kept}},
            status={status: render(label, "ko") for status, label in STATUS_LABELS.items()},
            assignee=names,
        )
        scope = "all" if departments is None else departments[0]
        audit(session, staff_id, "application.exported", None,
              f"{len(kept)} rows; department={scope}; {wanted.audit_text()}")  # fmt: skip
        return Export([export_row(case, labels) for case in kept], kept)


def _title(program_key: str) -> str:
    program = CATALOG.program(program_key)
    return program.text("ko").title if program else program_key
