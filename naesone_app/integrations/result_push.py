"""Tell a resident at once, by web push, that staff moved one of their applications on.

Called after the staff action has committed, and it never raises: the decision is made and recorded
whatever a push service says (the resident also sees the change as unread in the app). A change made
at night, or one no browser accepted, is left unclaimed for the hourly reminder job
(`naesone reminders send`), which offers it again through `application_results`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import httpx
from sqlmodel import Session

from naesone_app.core.applications import STATUS_LABELS
from naesone_app.core.program import Program
from naesone_app.core.reminders import Reminder, application_result_reminder, is_quiet, render_notification
from naesone_app.integrations import webpush

log = logging.getLogger(__name__)
RECENT = timedelta(days=7)  # an older change is no longer news worth a push


def application_results(
    session: Session, account_id: int, now: datetime, program: Callable[[str], Program | None]
) -> list[Reminder]:
    """Reminders for staff status changes of the resident's applications in the last week."""
    from naesone_app.db.applications import status_changes_for

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
    try:
        keys = webpush.VapidKeys.from_env()
    except webpush.PushConfigError as exc:
        log.warning("application result not pushed: %s", exc)
        return 0
    if keys is None or is_quiet(now):
        return 0
    own_client = client is None
    client = client or httpx.Client(timeout=webpush.TIMEOUT, follow_redirects=False)
    try:
        return _push(application_id, event_id, now, program, keys, client)
    except Exception as exc:  # a push problem must never undo or fail a decision
        log.warning("application result not pushed: %s", exc.__class__.__name__)
        return 0
    finally:
        if own_client:
            client.close()


def _push(
    application_id: int,
    event_id: int,
    now: datetime,
    program: Callable[[str], Program | None],
    keys: webpush.VapidKeys,
    client: httpx.Client,
) -> int:
    from naesone_app.db.accounts import has_consent
    from naesone_app.db.application_models import Application
    from naesone_app.db.engine import transaction
    from naesone_app.db.push import claim, forget_endpoint, release, row_kinds, sent_keys, subscriptions_of

    delivered = 0
    with transaction() as session:
        application = session.get(Application, application_id)
        if application is None or not has_consent(session, application.account_id, "notifications"):
            return 0
        owner = application.account_id
        wanted = [
            r
            for r in application_results(session, owner, now, program)
            if r.dedupe_key.endswith(f":{application_id}:{event_id}")
        ]
        rows = [row for row in subscriptions_of(session, owner) if "application_result" in row_kinds(row)]
        if not wanted or not rows or sent_keys(session, owner, [wanted[0].dedupe_key]):
            return 0
        reminder = wanted[0]
        claim(session, owner, [reminder.dedupe_key], now)
        for row in rows:
            subscription = {"endpoint": row.endpoint, "keys": {"p256dh": row.p256dh, "auth": row.auth}}
            try:
                outcome = webpush.send(
                    client, subscription, render_notification(reminder, row.locale).payload(), keys, retries=1
                )
            except webpush.PushError as exc:
                log.warning("application result not delivered: %s", exc)  # names the service, not the person
                continue
            if outcome == webpush.GONE:
                forget_endpoint(session, row.endpoint)
            else:
                delivered += 1
        if not delivered:
            release(session, owner, reminder.dedupe_key)
    return delivered
