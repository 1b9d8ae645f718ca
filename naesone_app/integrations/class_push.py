"""Tell residents at once, by web push, what happened to their class registrations (issue 6).

The class operations (db/classes.py and its neighbours) record a ClassNotice in the same transaction as
the change — a seat held after a cancellation, a lottery result, 폐강, a payment deadline near — and
actions/classes.py calls `push_class_updates` after the commit (instant_push: never fails the operation,
nothing at night, sent once). The hourly reminder job offers whatever is still due through `class_updates`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import httpx
from sqlmodel import Session

from naesone_app.core.reminders import Reminder, class_update_reminder
from naesone_app.integrations.instant_push import in_background, push_at_once

RECENT = timedelta(days=7)  # a lottery result or 폐강 older than this is no longer news worth a push


def class_updates(session: Session, account_id: int, now: datetime) -> list[Reminder]:
    """The resident's class notices still worth telling: a seat still held, a payment still owed and not
    yet late, a lottery result or 폐강 of the last week."""
    from naesone_app.db.class_listing import notices_of

    due = []
    for notice, row, course in notices_of(session, account_id):
        until = notice.until
        if notice.kind == "held":
            current = row.status == "held" and until is not None and until > now
        elif notice.kind == "payment_due":
            current = row.status == "confirmed" and row.paid_at is None and until is not None and until > now
        else:
            current = now - notice.created_at <= RECENT
        if current:
            titles = {"ko": course.title_ko, "en": course.title_en or course.title_ko}
            due.append(class_update_reminder(notice.id or 0, notice.kind, titles, until=until,
                                             position=notice.position, amount_krw=notice.amount_krw))  # fmt: skip
    return due


def push_class_updates(
    account_ids: Sequence[int], now: datetime, client: httpx.Client | None = None, url: str | None = None
) -> int:
    """Push each resident's due class updates now (in the database at `url`, the class operation's);
    returns how many deliveries were accepted."""
    sent = 0
    for account_id in account_ids:
        due = lambda session, a=account_id: class_updates(session, a, now)  # noqa: E731
        sent += push_at_once(account_id, "class_update", now, due, client, url)
    return sent


def push_in_background(account_ids: Sequence[int], now: datetime, url: str | None = None) -> None:
    """The same, without holding up the page of the resident (or staff member) who caused it."""
    in_background(push_class_updates, list(account_ids), now, None, url)
