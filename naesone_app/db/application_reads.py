"""Reading applications: the review queue, a resident's list and unread changes, one application with
its history and files (a staff read audited), and its document checklist."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from naesone_app.core.application_forms import ApplicationForm, Checklist, checklist
from naesone_app.core.applications import ACTIVE_STATUSES
from naesone_app.core.decision import VerdictRecord, record_from_data
from naesone_app.db.application_access import (
    Forbidden,
    NotFound,
    _account,
    _is_reviewer,
    _readable,
    _unseal_json,
    utc_now,
)  # fmt: skip
from naesone_app.db.application_models import (
    Application,
    ApplicationEvent,
    Upload,
)  # fmt: skip
from naesone_app.db.evidence import evidence_kinds_held

OPEN_STATUSES = ("submitted", "in_review", "more_documents")


def review_queue(
    session: Session, requester_id: int, department: str, statuses: Iterable[str] = OPEN_STATUSES
) -> list[Application]:
    """Applications of a department in `statuses` (open ones by default), oldest first; only its staff
    (or an admin) may look."""
    if not _is_reviewer(_account(session, requester_id), department):
        raise Forbidden("not staff of this department")
    return list(
        session.exec(
            select(Application)
            .where(Application.department == department, Application.status.in_(list(statuses)))
            .order_by(Application.submitted_at, Application.id)
        )
    )


def departments_with_applications(session: Session) -> list[str]:
    """Every department that has applications (what an admin's queue covers)."""
    return sorted(session.exec(select(Application.department).distinct()).all())


def my_applications(session: Session, account_id: int) -> list[Application]:
    """The resident's own applications, newest first (status and dates; answers via get_application)."""
    return list(
        session.exec(
            select(Application).where(Application.account_id == account_id).order_by(Application.id.desc())
        )
    )


def unread_ids(session: Session, account_id: int) -> set[int]:
    """The resident's applications whose status changed since they last opened them."""
    rows = session.exec(
        select(Application.id, Application.updated_at, Application.owner_seen_at, Application.submitted_at)
        .where(Application.account_id == account_id)
    ).all()  # fmt: skip
    return {i for i, updated, seen, submitted in rows if updated > (seen or submitted)}


def mark_seen(session: Session, account_id: int, application_id: int) -> None:
    """The resident has looked at their application: its changes are no longer unread."""
    application = session.get(Application, application_id)
    if application is None or application.account_id != account_id:
        raise NotFound("application")
    application.owner_seen_at = utc_now()
    session.add(application)


@dataclass(frozen=True, slots=True)
class ApplicationView:
    """One application as its owner or a reviewer sees it."""

    application: Application
    answers: dict[str, Any]
    history: list[ApplicationEvent]
    uploads: list[Upload]


def get_application(session: Session, requester_id: int, application_id: int) -> ApplicationView:
    """The application for its owner or a reviewer of its department; a staff read is audited."""
    from naesone_app.db.audit import audit

    requester, application = _readable(session, requester_id, application_id)
    if requester.id != application.account_id:
        audit(
            session, requester.id, "application.read", application.account_id, f"application {application.id}"
        )
    history = session.exec(
        select(ApplicationEvent)
        .where(ApplicationEvent.application_id == application.id)
        .order_by(ApplicationEvent.at, ApplicationEvent.id)
    ).all()
    uploads = session.exec(
        select(Upload).where(Upload.application_id == application.id).order_by(Upload.id)
    ).all()
    return ApplicationView(
        application, _unseal_json(application.answers_sealed), list(history), list(uploads)
    )


def application_checklist(
    session: Session, requester_id: int, application_id: int, form: ApplicationForm
) -> Checklist:
    """The document checklist of an application, with uploads and imported evidence counted."""
    _requester, application = _readable(session, requester_id, application_id)
    uploaded = frozenset(
        session.exec(select(Upload.document_key).where(Upload.application_id == application.id)).all()
    )
    return checklist(form, uploaded, evidence_kinds_held(session, application.account_id))


def submitted_verdict(application: Application) -> VerdictRecord | None:
    """The engine's verdict kept at submission (None before it was kept). The caller has read the
    application through `get_application`, which checked and audited the read."""
    if not application.verdict_sealed:
        return None
    return record_from_data(_unseal_json(application.verdict_sealed))


# --- duplicates: the same resident and programme, more than one active or approved --------------------


def duplicates_of(session: Session, application: Application) -> list[Application]:
    """The resident's other active or approved applications for the same programme (made before the
    database refused them, migration 0012), oldest first; empty when this one is rejected."""
    if application.status not in ACTIVE_STATUSES:
        return []
    return list(
        session.exec(
            select(Application)
            .where(Application.account_id == application.account_id,
                   Application.program_key == application.program_key,
                   Application.status.in_(sorted(ACTIVE_STATUSES)), Application.id != application.id)
            .order_by(Application.id)
        )
    )  # fmt: skip


def duplicate_ids(session: Session, ids: Iterable[int]) -> set[int]:
    """Which of `ids` are active or approved while the same resident has another active or approved
    application for the same programme (the queue's flag). Reads only ids, accounts and programme keys:
    the caller shows applications it may already show."""
    wanted = set(ids)
    if not wanted:
        return set()
    active = sorted(ACTIVE_STATUSES)
    mine = session.exec(
        select(Application.id, Application.account_id, Application.program_key)
        .where(Application.id.in_(sorted(wanted)), Application.status.in_(active))
    ).all()  # fmt: skip
    if not mine:
        return set()
    pairs = {(account, key) for _id, account, key in mine}
    counts: dict[tuple[int, str], int] = {}
    rows = session.exec(
        select(Application.account_id, Application.program_key)
        .where(Application.account_id.in_(sorted({a for a, _k in pairs})),
               Application.program_key.in_(sorted({k for _a, k in pairs})),
               Application.status.in_(active))
    ).all()  # fmt: skip
    for pair in rows:
        counts[tuple(pair)] = counts.get(tuple(pair), 0) + 1
    return {i for i, account, key in mine if counts.get((account, key), 0) > 1}
