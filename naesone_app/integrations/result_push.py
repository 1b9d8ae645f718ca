"""Tell a resident at once, by web push, that staff moved one of their applications on.

Called after the staff action has committed (integrations/instant_push.py: never fails the decision,
nothing at night, sent once). A change made at night, or one no browser accepted, is left for the hourly
reminder job (`naesone reminders send`), which offers it again through `application_results`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import httpx
from sqlmodel import Session

from naesone_app.core.applications import STATUS_LABELS
from naesone_app.core.program import Program
from naesone_app.core.reminders import Reminder, application_result_reminder
from naesone_app.integrations.instant_push import push_at_once

RECENT = timedelta(days=7)  # an older change is no longer news worth a push


def application_results(
    session: Session, account_id: int, now: datetime, program: Callable[[str], Program | None]
) -> list[Reminder]:
    """Reminders for staff status changes of the resident's applications in the last week."""
    from naesone_app.db.application_reads import status_changes_for

    return [
        application_result_reminder(
            application.id, change.id, STATUS_LABELS[change.to_status], program(application.program_key)
        )
        for application, change in status_changes_for(session, account_id, now - RECENT)
        if change.to_status in STATUS_LABELS
    ]


def push_status_change(
    application_id: int,
    event_id: int,
    now: datetime,
    program: Callable[[str], Program | None],
    client: httpx.Client | None = None,
) -> int:
    """Push one status change to the resident's browsers that opted in; returns how many accepted it."""
    from naesone_app.db.application_models import Application
    from naesone_app.db.engine import transaction

    try:
        with transaction() as session:
            application = session.get(Application, application_id)
            owner = application.account_id if application is not None else None
    except Exception:  # the decision is made; the morning job offers it again
        return 0
    if owner is None:
        return 0
    key = f"application_result:{application_id}:{event_id}"
    return push_at_once(
        owner, "application_result", now,
        lambda session: [r for r in application_results(session, owner, now, program) if r.dedupe_key == key],
        client,
    )  # fmt: skip
