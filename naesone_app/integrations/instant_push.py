"""Tell a resident at once, by web push, of something that just happened to them — and the one loop
that hands a reminder to a resident's browsers, shared with the hourly job (`naesone reminders send`).

A producer (a staff decision on an application, a class operation) calls `push_at_once` after its own
commit. It never raises: the change is made and recorded whatever a push service says (the resident also
sees it in the app). Nothing goes out at night (core.reminders.is_quiet) or to a browser not opted into
the kind; a reminder that reached no browser is released. What was held back stays due, and the job,
which gathers the same producers' reminders, sends it on its next run after 08:00 — once, because every
delivery is recorded in `sent_reminder` under the reminder's key before it is sent.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

import httpx
from sqlmodel import Session

from naesone_app.core.reminders import Reminder, is_quiet, render_notification
from naesone_app.db.push_models import PushSubscription
from naesone_app.integrations import webpush

log = logging.getLogger(__name__)
Due = Callable[[Session], list[Reminder]]  # the producer's reminders for the resident, read in the session


@dataclass
class Delivered:
    """What handing one reminder to a resident's browsers did."""

    sent: int = 0  # browsers whose push service accepted it
    gone: int = 0  # subscriptions the push service reported gone (now forgotten)
    failed: int = 0  # refusals and silences (the reminder is tried again later)


def deliver(
    session: Session, account_id: int, reminder: Reminder, browsers: Iterable[PushSubscription],
    keys: webpush.VapidKeys, client: httpx.Client, *, gone: set[int], retries: int = webpush.RETRIES,
) -> Delivered:  # fmt: skip
    """Send one claimed reminder to each browser (not in `gone`); forget gone ones, release it when none
    accepted it so that a later run tries again. Logs name the push service, never the person."""
    from naesone_app.db.push import forget_endpoint, release

    done = Delivered()
    for row in browsers:
        if row.id in gone:
            continue
        subscription = {"endpoint": row.endpoint, "keys": {"p256dh": row.p256dh, "auth": row.auth}}
        data = render_notification(reminder, row.locale).payload()
        try:
            outcome = webpush.send(client, subscription, data, keys, retries=retries,
                                   urgency="high" if reminder.urgent else "normal")  # fmt: skip
        except webpush.PushError as exc:
            done.failed += 1
            log.warning("reminder not delivered: %s", exc)
            continue
        if outcome == webpush.GONE:
            gone.add(row.id or 0)
            forget_endpoint(session, row.endpoint)
            done.gone += 1
        else:
            done.sent += 1
    if not done.sent:
        release(session, account_id, reminder.dedupe_key)
    return done


def push_at_once(
    account_id: int, kind: str, now: datetime, due: Due, client: httpx.Client | None = None,
    url: str | None = None,
) -> int:  # fmt: skip
    """Push the resident's due, unsent reminders of `kind` now; returns how many deliveries were accepted."""
    try:
        keys = webpush.VapidKeys.from_env()
    except webpush.PushConfigError as exc:
        log.warning("%s not pushed: %s", kind, exc)
        return 0
    if keys is None or is_quiet(now):
        return 0
    own_client = client is None
    client = client or httpx.Client(timeout=webpush.TIMEOUT, follow_redirects=False)
    try:
        return _push(account_id, kind, now, due, keys, client, url)
    except Exception as exc:  # a push problem must never undo or fail what the resident was told of
        log.warning("%s not pushed: %s", kind, exc.__class__.__name__)
        return 0
    finally:
        if own_client:
            client.close()


def _push(account_id: int, kind: str, now: datetime, due: Due, keys: webpush.VapidKeys,
          client: httpx.Client, url: str | None) -> int:  # fmt: skip
    from naesone_app.db.accounts import has_consent
    from naesone_app.db.engine import transaction
    from naesone_app.db.push import claim, row_kinds, sent_keys, subscriptions_of

    sent = 0
    with transaction(url) as session:
        if not has_consent(session, account_id, "notifications"):
            return 0
        browsers = [row for row in subscriptions_of(session, account_id) if kind in row_kinds(row)]
        if not browsers:
            return 0
        wanted = sorted((r for r in due(session) if r.kind == kind), key=lambda r: not r.urgent)
        already = sent_keys(session, account_id, [r.dedupe_key for r in wanted])
        fresh = [r for r in wanted if r.dedupe_key not in already]
        if not fresh:
            return 0
        claim(session, account_id, [r.dedupe_key for r in fresh], now)
        gone: set[int] = set()
        for reminder in fresh:
            sent += deliver(session, account_id, reminder, browsers, keys, client, gone=gone, retries=1).sent
    return sent


def in_background(work: Callable[..., object], *args: object) -> None:
    """Run a push without holding up the page of whoever caused it."""
    threading.Thread(target=work, args=args, daemon=True).start()
