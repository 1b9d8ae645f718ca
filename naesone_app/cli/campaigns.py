"""`naesone campaigns …`: create a campaign and write its QR code as PNG, SVG or an A4 PDF print sheet.

    naesone campaigns create --slug S --title T [--kind print|move-in|event|poster] [--from D] [--until D]
    naesone campaigns qr S --format png|svg|pdf --out FILE [--src LABEL]

The QR encodes NAESONE_PUBLIC_URL/c/S (with ?src=LABEL for one placement). Bad input exits 1 with one
line naming the option, and changes nothing (no row, no file).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from naesone_app.cli.common import CommandError, require_schema
from naesone_app.core.actor import Actor
from naesone_app.core.campaigns import KINDS, CampaignDraft, CampaignError, parse_day
from naesone_app.core.i18n import render

OPTION = {"title": "--title", "slug": "--slug", "kind": "--kind", "starts_on": "--from", "until": "--until",
          "src": "--src", "format": "--format"}  # fmt: skip


def _error(exc: CampaignError) -> CommandError:
    return CommandError(f"{OPTION.get(exc.field, exc.field)}: {render(exc.message, 'en')}")


def cmd_create(args: argparse.Namespace) -> None:
    from naesone_app.actions.campaigns import create_campaign

    try:
        draft = CampaignDraft(
            slug=args.slug, title_ko=args.title, kind=args.kind,
            starts_on=parse_day(args.starts_on, "starts_on"), ends_on=parse_day(args.until, "until"),
        )  # fmt: skip
        require_schema("campaign")
        stored = create_campaign(Actor.for_job("campaigns create"), draft)
    except CampaignError as exc:
        raise _error(exc) from None
    print(f"campaign {stored.draft.slug} created: /c/{stored.draft.slug}")


def cmd_qr(args: argparse.Namespace) -> None:
    from naesone_app.actions.campaign_print import PrintError
    from naesone_app.actions.campaigns import qr_file

    out = Path(args.out)
    if not out.parent.is_dir():
        raise CommandError(f"--out: no such directory {out.parent}")
    require_schema("campaign")
    try:
        made = qr_file(Actor.for_job("campaigns qr"), args.slug, args.format, args.src or "")
    except CampaignError as exc:
        raise _error(exc) from None
    except PrintError as exc:
        raise CommandError(f"--format pdf: {exc}") from None
    out.write_bytes(made.content)
    print(f"{out}: {args.format} QR for {made.encodes}")


def add_commands(commands: argparse._SubParsersAction) -> None:
    campaigns = commands.add_parser("campaigns", help="campaigns and their QR codes").add_subparsers(
        dest="action", required=True
    )
    create = campaigns.add_parser("create", help="create a campaign (its landing page is /c/SLUG)")
    create.add_argument("--slug", required=True, metavar="S", help="a-z, 0-9 and -")
    create.add_argument("--title", required=True, metavar="T")
    create.add_argument("--kind", choices=KINDS, default="print")
    create.add_argument("--from", dest="starts_on", metavar="YYYY-MM-DD")
    create.add_argument("--until", metavar="YYYY-MM-DD")
    create.set_defaults(func=cmd_create)
    qr = campaigns.add_parser("qr", help="write the campaign's QR code (PNG, SVG or an A4 PDF sheet)")
    qr.add_argument("slug", metavar="S")
    qr.add_argument("--format", required=True, choices=("png", "svg", "pdf"))
    qr.add_argument("--out", required=True, metavar="FILE")
    qr.add_argument("--src", metavar="LABEL", help="placement label, e.g. danurim-map-p3 (a-z, 0-9, -)")
    qr.set_defaults(func=cmd_qr)
