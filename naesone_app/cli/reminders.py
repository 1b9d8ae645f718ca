"""`naesone reminders …`: the reminder job cron runs (e.g. hourly), and a fresh VAPID key pair.

`send` records the notices that fall due with time (a saved programme's deadline, a new match:
actions/reminders.py) in the outbox, then delivers whatever is due (naesone_app/delivery.py — the same
deliverer as `naesone notify deliver` and the app's own loop). It prints counts only: nothing about who
got what goes to the terminal or the logs.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from naesone_app.cli.common import CommandError, require_schema
from naesone_app.core.dates import KST
from naesone_app.integrations.webpush import PushConfigError, VapidKeys

log = logging.getLogger(__name__)


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
    """One run of the job at `now`: record the due deadline and new-match notices in the outbox, then
    deliver everything due (theirs, and what the night or a busy push service held back)."""
    from naesone_app.actions.reminders import gather_reminders
    from naesone_app.delivery import deliver_due

    gathered = gather_reminders(now)
    delivered = deliver_due(now, keys=keys, client=client)
    return Counts(
        sent=delivered.sent, deduplicated=gathered.deduplicated, quiet=gathered.quiet + delivered.quiet,
        gone=delivered.gone, failed=delivered.retrying + delivered.failed, no_consent=gathered.no_consent,
    )  # fmt: skip


def push_keys() -> VapidKeys:
    """The configured VAPID keys; a command error naming what to set when push is off or misconfigured."""
    try:
        keys = VapidKeys.from_env()
    except PushConfigError as exc:
        raise CommandError(str(exc)) from None
    if keys is None:
        raise CommandError(
            "push is not configured: set NAESONE_VAPID_PRIVATE_KEY and NAESONE_VAPID_SUBJECT "
            "(`naesone reminders vapid-keys` prints a key pair)"
        )
    return keys


def cmd_send(args: argparse.Namespace) -> None:
    now = parse_now(args.now)
    keys = push_keys()
    require_schema("notice")
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
