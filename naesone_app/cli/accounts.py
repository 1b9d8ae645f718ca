"""`naesone accounts …` and `naesone keys …`: the first admin, and rotating the data keys."""

from __future__ import annotations

import argparse
import getpass
import os

from naesone_app.cli.common import CommandError, require_schema
from naesone_app.core.accounts import AccountError
from naesone_app.core.i18n import render


def cmd_create_admin(args: argparse.Namespace) -> None:
    from naesone_app.db.accounts import audit, create_account, grant_consent
    from naesone_app.db.engine import transaction

    require_schema()
    password = os.environ.get("NAESONE_ADMIN_PASSWORD") or getpass.getpass("password: ")
    try:
        with transaction() as session:
            account = create_account(session, args.login, password, role="admin", department=args.department)
            grant_consent(session, account.id, "account")
            audit(session, None, "admin.created_by_cli", account.id, "admin")
    except AccountError as exc:
        raise CommandError(f"--{exc.field}: {render(exc.message, 'en')}") from None
    print(f"admin account {account.login} created")


def cmd_rotate_keys(_: argparse.Namespace) -> None:
    from naesone_app.db.accounts import rotate_keys
    from naesone_app.db.engine import transaction

    require_schema()
    with transaction() as session:
        count = rotate_keys(session)
    print(f"{count} profiles re-encrypted with the newest key")


def add_commands(commands: argparse._SubParsersAction) -> None:
    accounts = commands.add_parser("accounts", help="accounts").add_subparsers(dest="action", required=True)
    admin = accounts.add_parser("create-admin", help="create an admin (password from NAESONE_ADMIN_PASSWORD)")
    admin.add_argument("--login", required=True)
    admin.add_argument("--department", default="")
    admin.set_defaults(func=cmd_create_admin)
    keys = commands.add_parser("keys", help="data keys").add_subparsers(dest="action", required=True)
    keys.add_parser("rotate", help="re-encrypt stored profiles with the first key").set_defaults(
        func=cmd_rotate_keys
    )
