"""`naesone accounts …` and `naesone keys …`: the first admin, and rotating the data keys."""

from __future__ import annotations

import argparse
import getpass
import os

from naesone_app.cli.common import CommandError, require_schema
from naesone_app.core.accounts import AccountError
from naesone_app.core.actor import Actor
from naesone_app.core.i18n import render


def cmd_create_admin(args: argparse.Namespace) -> None:
    from naesone_app.actions.accounts import create_admin

    require_schema()
    password = os.environ.get("NAESONE_ADMIN_PASSWORD") or getpass.getpass("password: ")
    try:
        account = create_admin(Actor.for_job("accounts create-admin"), args.login, password, args.department)
    except AccountError as exc:
        raise CommandError(f"--{exc.field}: {render(exc.message, 'en')}") from None
    print(f"admin account {account.login} created")


def cmd_departments(_: argparse.Namespace) -> None:
    """Report officers whose department (typed before data/departments.yaml) is not in the file; exit 1
    if any, so an operator's check fails until an admin chooses one from the list. Nothing is changed."""
    from naesone_app.actions.staff import unknown_departments

    require_schema()
    unknown = unknown_departments(Actor.for_job("accounts departments"))
    for login, department in unknown:
        print(f"{login}\t{department}")
    if unknown:
        raise CommandError(f"{len(unknown)} staff account(s) name a department not in data/departments.yaml")
    print("every staff account names a department of data/departments.yaml")


def cmd_rotate_keys(_: argparse.Namespace) -> None:
    from naesone_app.actions.accounts import rotate_keys

    require_schema()
    count = rotate_keys(Actor.for_job("keys rotate"))
    print(f"{count} profiles re-encrypted with the newest key")


def add_commands(commands: argparse._SubParsersAction) -> None:
    accounts = commands.add_parser("accounts", help="accounts").add_subparsers(dest="action", required=True)
    admin = accounts.add_parser("create-admin", help="create an admin (password from NAESONE_ADMIN_PASSWORD)")
    admin.add_argument("--login", required=True)
    admin.add_argument("--department", default="")
    admin.set_defaults(func=cmd_create_admin)
    accounts.add_parser(
        "departments", help="report staff accounts whose department is not in the file"
    ).set_defaults(func=cmd_departments)
    keys = commands.add_parser("keys", help="data keys").add_subparsers(dest="action", required=True)
    keys.add_parser("rotate", help="re-encrypt stored profiles with the first key").set_defaults(
        func=cmd_rotate_keys
    )
