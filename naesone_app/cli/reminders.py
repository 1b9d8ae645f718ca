"""`naesone reminders …`: the reminder job cron runs (e.g. hourly; actions/reminders.py does the work:
record the notices that fall due with time, then deliver), and a fresh VAPID key pair. `send` prints
counts only: nothing about who got what."""

from __future__ import annotations

import argparse
import logging
from datetime import UTC, datetime

from naesone_app.actions.reminders import send_reminders
from naesone_app.cli.common import CommandError, require_schema
from naesone_app.core.dates import KST
from naesone_app.delivery import PushConfigError, VapidKeys, new_key_pair

log = logging.getLogger(__name__)


def parse_now(text: str | None) -> datetime:
    """`YYYY-MM-DDTHH:MM` in Seoul time (an explicit offset is honoured); now when absent."""
    if not text:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--now: expected YYYY-MM-DDTHH:MM (Seoul time), got {text[:40]!r}") from None
    return moment.replace(tzinfo=KST) if moment.tzinfo is None else moment


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
    for line in new_key_pair():
        print(line)
    print("# and NAESONE_VAPID_SUBJECT=mailto:<a contact address push services can write to>")
    print("# keep the private key secret; changing it later makes every browser subscribe again")


def add_commands(commands: argparse._SubParsersAction) -> None:
    reminders = commands.add_parser("reminders", help="web push reminders").add_subparsers(
        dest="action", required=True
    )
    send = reminders.add_parser("send", help="send due reminders (run by cron, e.g. hourly)")
    send.add_argument("--now", metavar="YYYY-MM-DDTHH:MM", help="the time to act at, in Seoul time")
    send.set_defaults(func=cmd_send)
    reminders.add_parser("vapid-keys", help="print a fresh VAPID key pair").set_defaults(func=cmd_vapid_keys)
