"""The one deliverer: sends the outbox's due notices by web push, each once, never at night.

Every producer records its notice in the transaction of its change (db/notices.py); this is the only
code that sends. Run inside the app every NAESONE_NOTIFY_SECONDS (`deliver_periodically`, a lifespan
task like the class jobs) and from cron (`naesone notify deliver`); two runs at once are safe, because
each notice is claimed by a conditional UPDATE that only one of them wins, and the claim is committed
before anything is sent.

For each claimed notice: nothing goes out from 22:00 to 08:00 KST (the run then claims nothing, and the
first run after 08:00 sends what the night held); a notice older than a week or past its `expires_at`
is no longer worth a push; a resident without the notifications consent, or without a browser opted
into the notice's kind, waits (looked at again every NO_BROWSER_RECHECK until it is a week old): a
browser subscribed meanwhile still gets it, and the 알림 page shows it either way. Each browser gets it
in its own locale; 404/410 forgets the endpoint; a 5xx, 429 or a silence leaves it to be tried again
later with backoff (core.notices.retry_at) until MAX_ATTEMPTS, after which it is settled as `failed`.
A push problem never touches the change that caused the notice: that was committed long before.
Logs name push services and counts, never a person.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from naesone_app.core.notices import message_from_json, notification, retry_at
from naesone_app.core.periodic import repeat
from naesone_app.core.reminders import is_quiet, push_service
from naesone_app.db.engine import transaction
from naesone_app.db.notice_models import Notice
from naesone_app.db.notices import claim, due_ids, retry, settle
from naesone_app.db.push import forget_endpoint, row_kinds, subscriptions_of
from naesone_app.db.resident_data import has_consent
from naesone_app.integrations import webpush

log = logging.getLogger("naesone.notices")
MAX_AGE = timedelta(days=7)  # an older notice is no longer news worth a push (the inbox keeps it)
NO_BROWSER_RECHECK = timedelta(minutes=15)  # how often a notice nobody can receive yet is looked at again
PERIOD_ENV, PERIOD_DEFAULT = "NAESONE_NOTIFY_SECONDS", 60.0
VapidKeys, PushConfigError = webpush.VapidKeys, webpush.PushConfigError  # the push configuration


def public_key() -> str | None:
    """The VAPID public key browsers subscribe with, or None when push is not configured."""
    return webpush.configured_public_key()


def new_key_pair() -> list[str]:
    """A fresh VAPID key pair as the configuration lines to set (`naesone reminders vapid-keys`)."""
    private, public = webpush.generate_keys()
    return [f"{webpush.ENV_PRIVATE}={private}", f"{webpush.ENV_PUBLIC}={public}"]


@dataclass
class Counts:
    """What one run did, in numbers (the only thing it reports)."""

    sent: int = 0  # notices at least one browser's push service accepted
    quiet: int = 0  # due notices held back for the night; the first run after 08:00 sends them
    gone: int = 0  # subscriptions the push service reported gone, now forgotten
    retrying: int = 0  # notices no browser accepted for now (5xx, 429, timeouts): tried again later
    failed: int = 0  # notices given up on after MAX_ATTEMPTS (still on the 알림 page)
    no_browser: int = 0  # notices waiting: no consent, no browser opted into their kind, or all gone
    expired: int = 0  # notices too old or past their moment by the time they could go out

    def line(self) -> str:
        return (
            f"sent {self.sent}, quiet {self.quiet}, gone {self.gone}, retrying {self.retrying}, "
            f"failed {self.failed}, without a browser {self.no_browser}, expired {self.expired}"
        )

    def any(self) -> bool:
        return any(vars(self).values())


@dataclass(frozen=True)
class _Browser:
    endpoint: str
    p256dh: str
    auth: str
    locale: str


@dataclass(frozen=True)
class _Claimed:
    notice: Notice
    browsers: tuple[_Browser, ...]


def deliver_due(
    now: datetime | None = None, *, url: str | None = None, keys: webpush.VapidKeys | None = None,
    client: httpx.Client | None = None,
) -> Counts:  # fmt: skip
    """One run at `now`: send every due notice once. Without VAPID keys (push off) nothing is sent and
    nothing is settled, so the notices wait for a server that can push."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    keys = keys or webpush.VapidKeys.from_env()
    counts = Counts()
    if keys is None:
        return counts
    with transaction(url) as session:
        due = due_ids(session, now)
    if is_quiet(now):
        counts.quiet = len(due)
        return counts
    own_client = client is None
    client = client or httpx.Client(timeout=webpush.TIMEOUT, follow_redirects=False)
    try:
        for notice_id in due:
            claimed = _claim(notice_id, now, url, counts)
            if claimed is not None:
                _send(claimed, now, url, keys, client, counts)
    finally:
        if own_client:
            client.close()
    return counts


def _claim(notice_id: int, now: datetime, url: str | None, counts: Counts) -> _Claimed | None:
    """Take the notice (committed before sending) and read who it goes to; settle it when nobody."""
    with transaction(url) as session:
        notice = claim(session, notice_id, now)
        if notice is None:
            return None  # another deliverer won it
        if _expired(notice, now):
            settle(session, notice_id, "expired", now)
            counts.expired += 1
            return None
        browsers: tuple[_Browser, ...] = ()
        if has_consent(session, notice.account_id, "notifications"):
            browsers = tuple(
                _Browser(row.endpoint, row.p256dh, row.auth, row.locale)
                for row in subscriptions_of(session, notice.account_id)
                if notice.kind in row_kinds(row)
            )
        if not browsers:  # looked at again later: a browser subscribed this week still gets it
            retry(session, notice_id, notice.attempts, now + NO_BROWSER_RECHECK)
            counts.no_browser += 1
            return None
        session.expunge(notice)
    return _Claimed(notice, browsers)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite hands back naive UTC


def _expired(notice: Notice, now: datetime) -> bool:
    if notice.expires_at is not None and _aware(notice.expires_at) <= now:
        return True
    return now - _aware(notice.created_at) > MAX_AGE


def _send(claimed: _Claimed, now: datetime, url: str | None, keys: webpush.VapidKeys,
          client: httpx.Client, counts: Counts) -> None:  # fmt: skip
    """Hand the notice to each browser, then record how it went (and forget gone browsers)."""
    notice = claimed.notice
    title, body = message_from_json(notice.title), message_from_json(notice.body)
    accepted, gone = 0, []
    for browser in claimed.browsers:
        data = notification(notice.key, title, body, notice.url, browser.locale).payload()
        subscription = {
            "endpoint": browser.endpoint,
            "keys": {"p256dh": browser.p256dh, "auth": browser.auth},
        }
        try:
            outcome = webpush.send(client, subscription, data, keys, retries=1,
                                   urgency="high" if notice.urgent else "normal")  # fmt: skip
        except webpush.PushError as exc:
            log.warning("notice not delivered: %s", exc)
            continue
        except Exception as exc:  # an unreadable subscription must not stop the run
            log.warning(
                "notice not delivered via %s: %s", push_service(browser.endpoint), exc.__class__.__name__
            )
            continue
        if outcome == webpush.GONE:
            gone.append(browser.endpoint)
        else:
            accepted += 1
    with transaction(url) as session:
        for endpoint in gone:
            forget_endpoint(session, endpoint)
        counts.gone += len(gone)
        if accepted:
            settle(session, notice.id or 0, "sent", now)
            counts.sent += 1
        elif len(gone) == len(claimed.browsers):  # every browser gone: wait for another device
            retry(session, notice.id or 0, notice.attempts, now)
            counts.no_browser += 1
        else:
            attempts = notice.attempts + 1
            later = retry_at(attempts, now)
            if later is None:
                settle(session, notice.id or 0, "failed", now)
                counts.failed += 1
            else:
                retry(session, notice.id or 0, attempts, later)
                counts.retrying += 1


def deliver_now(now: datetime | None = None, url: str | None = None) -> Counts:
    """Deliver what is due right after a change committed (a class job, a staff decision), so the
    resident hears of it at once rather than at the next period. Never raises: the change is made
    whatever a push service or the push configuration says, and the loop tries again."""
    try:
        return deliver_due(now, url=url)
    except Exception as exc:
        log.warning("notices not delivered at once: %s", exc.__class__.__name__)
        return Counts()


def deliver_in_background(now: datetime | None = None, url: str | None = None) -> None:
    """The same, without holding up the page of whoever caused the change."""
    threading.Thread(target=deliver_now, args=(now, url), daemon=True).start()


def _deliver_if_configured() -> Counts:
    try:
        return deliver_due()
    except webpush.PushConfigError as exc:
        log.warning("notices not delivered: %s", exc)
        return Counts()


async def deliver_periodically(every_seconds: float | None = None) -> None:
    """The app's own deliverer (a Reflex lifespan task): deliver_due every NAESONE_NOTIFY_SECONDS
    (default 60; 0 turns it off, when cron runs `naesone notify deliver`)."""

    def report(counts: Counts) -> None:
        if counts.sent or counts.gone or counts.retrying or counts.failed:
            log.info("notices: %s", counts.line())

    await repeat(lambda: _deliver_if_configured(), PERIOD_ENV, PERIOD_DEFAULT, report, log, every_seconds)
