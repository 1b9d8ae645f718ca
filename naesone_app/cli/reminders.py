"""`naesone reminders …`: the reminder job cron runs (e.g. hourly), and a fresh VAPID key pair.

`send` walks every subscribed resident who has the notifications consent, decides what is due
(core.reminders), skips the night and what was already sent, delivers, and records it in the same
transaction as the decision; endpoints the push service reports gone are forgotten. It prints counts
only: nothing about who got what goes to the terminal or the logs.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from naesone_app.cli.common import CommandError, require_schema
from naesone_app.core.dates import KST
from naesone_app.integrations.webpush import TIMEOUT, PushConfigError, VapidKeys

log = logging.getLogger(__name__)


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


def parse_now(text: str | None) -> datetime:
    """`YYYY-MM-DDTHH:MM` in Seoul time (an explicit offset is honoured); now when absent."""
    if not text:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--now: expected YYYY-MM-DDTHH:MM (Seoul time), got {text[:40]!r}") from None
    return moment.replace(tzinfo=KST) if moment.tzinfo is None else moment


def send_reminders(now: datetime, keys: VapidKeys, client: httpx.Client | None = None) -> Counts:
    """One run of the job at `now`; see the module docstring."""
    from sqlalchemy.exc import IntegrityError

    from naesone_app.core.catalog.merge import resident_catalogue
    from naesone_app.core.screening import compile_catalog
    from naesone_app.db.catalog import load_programs
    from naesone_app.db.engine import transaction
    from naesone_app.db.push import subscribed_accounts

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
    from naesone_app.core.criteria import MET
    from naesone_app.core.profile import facts_on, parse_profile
    from naesone_app.core.reminders import due_reminders, is_quiet, new_matches, seoul_date
    from naesone_app.db.accounts import has_consent, load_profile, note_matches, saved_programs
    from naesone_app.db.engine import transaction
    from naesone_app.db.push import claim, has_seen_matches, row_kinds, sent_keys, subscriptions_of
    from naesone_app.integrations.class_push import class_updates
    from naesone_app.integrations.instant_push import deliver
    from naesone_app.integrations.result_push import application_results

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


def cmd_send(args: argparse.Namespace) -> None:
    now = parse_now(args.now)
    try:
        keys = VapidKeys.from_env()
    except PushConfigError as exc:
        raise CommandError(str(exc)) from None
    if keys is None:
        raise CommandError(
            "push is not configured: set NAESONE_VAPID_PRIVATE_KEY and NAESONE_VAPID_SUBJECT "
            "(`naesone reminders vapid-keys` prints a key pair)"
        )
    require_schema("push_subscription")
    print(send_reminders(now, keys).line())


def cmd_vapid_keys(_: argparse.Namespace) -> None:
    from naesone_app.integrations.webpush import ENV_PRIVATE, ENV_PUBLIC, ENV_SUBJECT, generate_keys

    private, public = generate_keys()
    print(f"{ENV_PRIVATE}={private}")
    print(f"{ENV_PUBLIC}={public}")
    print(f"# and {ENV_SUBJECT}=mailto:<a contact address push services can write to>")
    print("# keep the private key secret; changing it later makes every browser subscribe again")


def add_commands(commands: argparse._SubParsersAction) -> None:
    reminders = commands.add_parser("reminders", help="web push reminders").add_subparsers(
        dest="action", required=True
    )
    send = reminders.add_parser("send", help="send due reminders (run by cron, e.g. hourly)")
    send.add_argument("--now", metavar="YYYY-MM-DDTHH:MM", help="the time to act at, in Seoul time")
    send.set_defaults(func=cmd_send)
    reminders.add_parser("vapid-keys", help="print a fresh VAPID key pair").set_defaults(func=cmd_vapid_keys)
