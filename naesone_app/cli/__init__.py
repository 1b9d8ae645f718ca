"""The `naesone` command: database, catalogue, facilities, accounts and eligibility from the shell.

Bad input exits 1 with one line naming the problem, and changes nothing: every import validates
everything first and stores in one transaction.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.exc import NoSuchModuleError, SQLAlchemyError

from naesone_app.actions import OutboundError
from naesone_app.cli import accounts, ask, catalog, classes, facilities, notify, reminders
from naesone_app.cli.common import ROOT, CommandError, read_json, redacted, require_schema
from naesone_app.core.catalog.gov24 import Gov24FormatError
from naesone_app.core.catalog.native import CatalogError
from naesone_app.core.dates import parse_iso_date, seoul_today
from naesone_app.core.eligibility import ProgramResult, evaluate
from naesone_app.core.facilities import FacilityFormatError
from naesone_app.core.i18n import LOCALES, format_date, render
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.core.program import value_to_data

STATUS_ORDER = {"eligible": 0, "maybe": 1, "closed": 2, "ineligible": 3}


def cmd_db_upgrade(_: argparse.Namespace) -> None:
    from alembic.config import Config

    from alembic import command
    from naesone_app.db.engine import database_url

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    command.upgrade(config, "head")
    print(f"database up to date ({redacted(database_url())})")


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _result_json(result: ProgramResult, locale: str) -> dict[str, Any]:
    program, change, window = result.program, result.next_change, result.window
    return {
        "program_id": program.key,
        "source": program.source,
        "source_id": program.source_id,
        "title": program.text(locale).title,
        "status": result.status,
        "window": {
            "opens": _iso(window.opens),
            "closes": _iso(window.closes),
            "next_opens": _iso(window.next_opens),
        },
        "stale": result.stale,
        "categories": list(program.categories),
        "value": value_to_data(program.value),  # {amount_krw, period, per, form[, months]} or null
        "criteria": [
            {
                "name": v.name,
                "status": v.status,
                "detail": render(v.detail, locale),
                "requirement": render(v.requirement, locale),
            }
            for v in result.criteria
        ],
        "nearest_miss": [{"name": v.name, "detail": render(v.detail, locale)} for v in result.nearest_miss],
        "next_change": None
        if change is None
        else {
            "date": change.on.isoformat(),
            "status": change.status,
            "because": [render(e, locale) for e in change.events],
        },
    }


def cmd_eligibility(args: argparse.Namespace) -> None:
    from naesone_app.db.catalog import load_programs
    from naesone_app.db.engine import transaction

    try:
        as_of = parse_iso_date(args.as_of) if args.as_of else seoul_today()
    except ValueError as exc:
        raise CommandError(f"--as-of: {exc}") from None
    profile = parse_profile(read_json(args.profile))
    require_schema()
    with transaction() as session:
        programs = load_programs(session)
    facts = facts_on(profile, as_of)
    results = sorted((evaluate(p, facts) for p in programs),
                     key=lambda r: (STATUS_ORDER[r.status], r.program.key))  # fmt: skip
    if args.json:
        payload = {"as_of": as_of.isoformat(), "results": [_result_json(r, args.locale) for r in results]}
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return
    for result in results:
        print(f"[{result.status}] {result.program.text(args.locale).title} ({result.program.key})")
        for v in result.criteria:
            print(f"    {v.status:>7}  {render(v.detail, args.locale)}")
        if result.next_change:
            change = result.next_change
            print(f"    → {format_date(change.on, args.locale)}: {change.status}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="naesone", description="내손에ON 중구 command line")
    commands = parser.add_subparsers(dest="command", required=True)
    db = commands.add_parser("db", help="database schema").add_subparsers(dest="action", required=True)
    db.add_parser("upgrade", help="apply every migration").set_defaults(func=cmd_db_upgrade)
    catalog.add_commands(commands)
    facilities.add_commands(commands)
    elig = commands.add_parser("eligibility", help="decide every programme for one profile")
    elig.add_argument("--profile", required=True, metavar="F")
    elig.add_argument("--as-of", metavar="YYYY-MM-DD")
    elig.add_argument("--json", action="store_true")
    elig.add_argument("--locale", choices=LOCALES, default="ko")
    elig.set_defaults(func=cmd_eligibility)
    accounts.add_commands(commands)
    reminders.add_commands(commands)
    notify.add_commands(commands)
    classes.add_commands(commands)
    ask.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except (CommandError, ProfileError, CatalogError, Gov24FormatError, FacilityFormatError) as exc:
        print(f"naesone: error: {exc}", file=sys.stderr)
        return 1
    except OutboundError as exc:
        print(f"naesone: error: {exc}", file=sys.stderr)
        return 1
    except (SQLAlchemyError, NoSuchModuleError) as exc:  # unreachable or unknown database: one line
        from naesone_app.db.engine import database_url

        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
        print(f"naesone: error: database {redacted(database_url())}: {reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
