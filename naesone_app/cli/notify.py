"""`naesone notify deliver`: send the outbox's due notices by web push (cron, when the app's own loop
is off with NAESONE_NOTIFY_SECONDS=0). Prints counts only: nothing about who got what."""

from __future__ import annotations

import argparse

from naesone_app.cli.common import require_schema
from naesone_app.cli.reminders import parse_now, push_keys


def cmd_deliver(args: argparse.Namespace) -> None:
    from naesone_app.delivery import deliver_due

    now = parse_now(args.now)
    keys = push_keys()
    require_schema("notice")
    print(deliver_due(now, keys=keys).line())


def add_commands(commands: argparse._SubParsersAction) -> None:
    notify = commands.add_parser("notify", help="notices to residents (the outbox)").add_subparsers(
        dest="action", required=True
    )
    deliver = notify.add_parser("deliver", help="send due notices by web push (cron, e.g. every minute)")
    deliver.add_argument("--now", metavar="YYYY-MM-DDTHH:MM", help="the time to act at, in Seoul time")
    deliver.set_defaults(func=cmd_deliver)
