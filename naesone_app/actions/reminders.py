"""The reminder job (`naesone reminders send`, run by cron): walk every subscribed resident who has the
notifications consent, decide what is due (core.reminders), skip the night and what was already sent,
deliver, and record it in the same transaction as the decision; endpoints the push service reports gone
are forgotten. It counts only: nothing about who got what goes to the terminal or the logs.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime

import httpx
from sqlalchemy.exc import IntegrityError

from naesone_app.core.catalog.merge import resident_catalogue
from naesone_app.core.criteria import MET
from naesone_app.core.profile import facts_on, parse_profile
from naesone_app.core.reminders import due_reminders, is_quiet, new_matches, seoul_date
from naesone_app.core.screening import compile_catalog
from naesone_app.db.accounts import has_consent, load_profile, note_matches, saved_programs
from naesone_app.db.catalog import load_programs
from naesone_app.db.engine import transaction
from naesone_app.db.push import (
    claim,
    has_seen_matches,
    row_kinds,
    sent_keys,
    subscribed_accounts,
    subscriptions_of,
)
from naesone_app.integrations.class_push import class_updates
from naesone_app.integrations.instant_push import deliver
from naesone_app.integrations.result_push import application_results
from naesone_app.integrations.webpush import TIMEOUT, VapidKeys


@dataclass
class Counts:
    """What one run did, in numbers (the only thing it reports)."""

    sent: int = 0  # deliveries accepted by a push service (one reminder on one browser)
    deduplicated: int = 0  # due reminders already sent earlier
    quiet: int = 0  # due reminders held back for the night; the first run after 08:00 sends them
    gone: int = 0  # subscriptions the push service reported gone, now forgotten
    failed: int = 0  # deliveries that failed for another reason (tried again next run)
    no_consent: int = 0  # subscribed residents without the notifications consent (nothing sent)

    def line(self) -> str:
        return (
            f"sent {self.sent}, deduplicated {self.deduplicated}, quiet {self.quiet}, gone {self.gone}, "
            f"failed {self.failed}, without consent {self.no_consent}"
        )


def send_reminders(now: datetime, keys: VapidKeys, client: httpx.Client | None = None) -> Counts:
    """One run of the job at `now`; see the module docstring."""
    with transaction() as session:
        catalog = compile_catalog(resident_catalogue(load_programs(session)))
        accounts = subscribed_accounts(session)
    counts = Counts()
    own_client = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
    try:
        for account_id in accounts:
            # a concurrent run recorded this resident's reminders (or first-seen matches) first: the
            # unique constraints stop this one, its transaction rolls back, and the other run reports them
            with contextlib.suppress(IntegrityError):
                _remind_one(account_id, catalog, now, keys, client, counts)
    finally:
        if own_client:
            client.close()
    return counts


def _remind_one(account_id: int, catalog, now: datetime, keys: VapidKeys, client: httpx.Client,
                counts: Counts) -> None:  # fmt: skip
    """Decide, send and record for one resident, in one transaction."""
    today = seoul_date(now)
    with transaction() as session:
        subscriptions = [(row, row_kinds(row)) for row in subscriptions_of(session, account_id)]
        subscriptions = [(row, kinds) for row, kinds in subscriptions if kinds]
        if not subscriptions:
            return
        if not has_consent(session, account_id, "notifications"):
            counts.no_consent += 1
            return
        facts = facts_on(parse_profile(load_profile(session, account_id)), today)
        codes = catalog.statuses(facts)  # the fast pass over the whole catalogue, no per-criterion detail
        matching = [p for p, code in zip(catalog.programs, codes, strict=True) if code == MET]
        baseline = not has_seen_matches(session, account_id)  # no baseline yet: today's matches are not news
        first_seen = note_matches(
            session, account_id, [p.key for p in matching], at_sign_up=baseline, now=now
        )
        by_key = {p.key: p for p in catalog.programs}
        saved = [by_key[k] for k in saved_programs(session, account_id) if k in by_key]
        wanted = {kind for _, kinds in subscriptions for kind in kinds}
        # what the producers pushed at once, or held back for the night or a failed delivery
        pending = application_results(session, account_id, now, by_key.get) + class_updates(
            session, account_id, now
        )
        due = due_reminders(
            wanted, today, saved=saved, new=new_matches(matching, first_seen, now), pending=pending
        )
        already = sent_keys(session, account_id, [r.dedupe_key for r in due])
        fresh = [r for r in due if r.dedupe_key not in already]
        counts.deduplicated += len(due) - len(fresh)
        if not fresh:
            return
        if is_quiet(now):
            counts.quiet += len(fresh)
            return
        claim(session, account_id, [r.dedupe_key for r in fresh], now)
        gone: set[int] = set()
        for reminder in fresh:
            browsers = [row for row, kinds in subscriptions if reminder.kind in kinds]
            done = deliver(session, account_id, reminder, browsers, keys, client, gone=gone)
            counts.sent, counts.gone, counts.failed = (
                counts.sent + done.sent,
                counts.gone + done.gone,
                counts.failed + done.failed,
            )
