"""The reminder job (`naesone reminders send`, hourly from cron): its own notices, then the deliverer.

Its own notices: a saved programme's deadline is near, a programme newly matches.

Unlike a decision or a class change, nothing happens to the resident's data that could record these at
the moment: they fall due with time. So the job (`naesone reminders send`, hourly from cron) walks the
residents who have the notifications consent, decides what is due (core.reminders), and records each as
a notice in the outbox (db/notices.py) — once per key, for the 알림 page and the deliverer alike.
A deadline notice says how many days are left, so it is worded (and recorded) in the day: at night the
job records nothing of its own, and the first run after 08:00 does. Then it runs the one deliverer
(naesone_app/delivery.py) for everything due. It counts only: nothing about who got what.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime

import httpx
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from naesone_app.core.catalog.merge import resident_catalogue
from naesone_app.core.criteria import MET
from naesone_app.core.notices import reminder_words
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.reminders import due_reminders, is_quiet, new_matches, seoul_date
from naesone_app.core.screening import compile_catalog
from naesone_app.db.account_models import Consent
from naesone_app.db.catalog import load_programs
from naesone_app.db.engine import transaction
from naesone_app.db.notice_models import Notice
from naesone_app.db.notices import record_notice
from naesone_app.db.push import has_seen_matches, sent_keys, subscribed_accounts
from naesone_app.db.resident_data import has_consent, load_profile, note_matches, saved_programs
from naesone_app.delivery import deliver_due
from naesone_app.integrations.webpush import VapidKeys

JOB_KINDS = ("deadline", "new_match")


@dataclass
class Counts:
    """What one run did, in numbers (the only thing it reports)."""

    sent: int = 0  # notices a push service accepted (on at least one of the resident's browsers)
    deduplicated: int = 0  # due reminders already sent earlier
    quiet: int = 0  # due reminders held back for the night; the first run after 08:00 sends them
    gone: int = 0  # subscriptions the push service reported gone, now forgotten
    failed: int = 0  # notices no push service accepted now (tried again later, with backoff)
    no_consent: int = 0  # subscribed residents without the notifications consent (nothing sent)

    def line(self) -> str:
        return (
            f"sent {self.sent}, deduplicated {self.deduplicated}, quiet {self.quiet}, gone {self.gone}, "
            f"failed {self.failed}, without consent {self.no_consent}"
        )


@dataclass
class Gathered:
    """What gathering did, in numbers."""

    recorded: int = 0  # new notices in the outbox
    deduplicated: int = 0  # due reminders already told (their notice settled, or sent before the outbox)
    quiet: int = 0  # due at night: recorded (and worded) by the first run after 08:00
    no_consent: int = 0  # subscribed residents without the notifications consent (nothing recorded)


def gather_reminders(now: datetime, url: str | None = None) -> Gathered:
    """Record every resident's due deadline and new-match notices at `now`; see the module docstring."""
    with transaction(url) as session:
        catalog = compile_catalog(resident_catalogue(load_programs(session)))
        consenting = set(
            session.exec(
                select(Consent.account_id).where(
                    Consent.purpose == "notifications", col(Consent.withdrawn_at).is_(None)
                )
            )
        )
        accounts = sorted(consenting | set(subscribed_accounts(session)))
    done = Gathered()
    for account_id in accounts:
        # a concurrent run recorded this resident's first-seen matches first: the unique constraint
        # stops this one, its transaction rolls back, and the other run records the notices
        with contextlib.suppress(IntegrityError), transaction(url) as session:
            _gather_one(session, account_id, catalog, now, done)
    return done


def _gather_one(session: Session, account_id: int, catalog, now: datetime, done: Gathered) -> None:
    if not has_consent(session, account_id, "notifications"):
        done.no_consent += 1
        return
    today = seoul_date(now)
    facts = facts_on(parse_profile(load_profile(session, account_id)), today)
    codes = catalog.statuses(facts)  # the fast pass over the whole catalogue, no per-criterion detail
    matching = [p for p, code in zip(catalog.programs, codes, strict=True) if code == MET]
    baseline = not has_seen_matches(session, account_id)  # no baseline yet: today's matches are not news
    first_seen = note_matches(session, account_id, [p.key for p in matching], at_sign_up=baseline, now=now)
    by_key = {p.key: p for p in catalog.programs}
    saved = [by_key[k] for k in saved_programs(session, account_id) if k in by_key]
    due = due_reminders(JOB_KINDS, today, saved=saved, new=new_matches(matching, first_seen, now))
    keys = [r.dedupe_key for r in due]
    told = sent_keys(session, account_id, keys) | _settled(session, account_id, keys)
    fresh = [r for r in due if r.dedupe_key not in told]
    done.deduplicated += len(due) - len(fresh)
    if is_quiet(now):  # worded for the day it is told: recorded by the first run after 08:00
        done.quiet += len(fresh)
        return
    for reminder in fresh:
        title, body = reminder_words(reminder)
        done.recorded += record_notice(
            session, account_id=account_id, kind=reminder.kind, key=reminder.dedupe_key, title=title,
            body=body, url=reminder.path, urgent=reminder.urgent, now=now,
        )  # fmt: skip


def _settled(session: Session, account_id: int, keys: list[str]) -> set[str]:
    """Which of `keys` the deliverer is done with for this account."""
    if not keys:
        return set()
    query = select(Notice.key).where(
        Notice.account_id == account_id, col(Notice.key).in_(keys), col(Notice.settled_at).is_not(None)
    )
    return set(session.exec(query))


def send_reminders(now: datetime, keys: VapidKeys, client: httpx.Client | None = None) -> Counts:
    """One run of the job at `now`: record the due deadline and new-match notices in the outbox, then
    deliver everything due (theirs, and what the night or a busy push service held back)."""
    gathered = gather_reminders(now)
    delivered = deliver_due(now, keys=keys, client=client)
    return Counts(
        sent=delivered.sent, deduplicated=gathered.deduplicated, quiet=gathered.quiet + delivered.quiet,
        gone=delivered.gone, failed=delivered.retrying + delivered.failed, no_consent=gathered.no_consent,
    )  # fmt: skip
