"""What an application's resident is told when staff move it on (a decision, a request for documents).

Recorded in the decision's own transaction (db.notices.record_notice), keyed by the status-change event,
so the notice exists exactly when the change does; the deliverer sends it (at once after the commit,
or after 08:00 when decided at night) and the 알림 page shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session

from naesone_app.core.applications import STATUS_LABELS
from naesone_app.core.notices import reminder_words
from naesone_app.core.program import Program
from naesone_app.core.reminders import application_result_reminder
from naesone_app.db.application_models import Application
from naesone_app.db.notices import record_notice


def record_status_change(
    session: Session, application: Application, event_id: int, program: Callable[[str], Program | None],
    now: datetime | None = None,
) -> bool:  # fmt: skip
    """Record the notice of the application's new status for its resident; False when there is nothing
    to tell (a status residents are not told of) or it was recorded already."""
    label = STATUS_LABELS.get(application.status)
    if label is None or application.id is None:
        return False
    reminder = application_result_reminder(application.id, event_id, label, program(application.program_key))
    title, body = reminder_words(reminder)
    return record_notice(
        session, account_id=application.account_id, kind=reminder.kind, key=reminder.dedupe_key, title=title,
        body=body, url=reminder.path, now=now,
    )  # fmt: skip
