"""The `naesone` command: database, catalogue imports and eligibility from the shell.

Bad input exits 1 with one line naming the problem, and changes nothing: every import validates
everything first and stores in one transaction.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from naesone_app.cli_accounts import add_commands as add_account_commands
from naesone_app.core.catalog.gov24 import SKIP_REASONS, Gov24FormatError, plan_import, rows_of
from naesone_app.core.catalog.native import CatalogError, load_catalog
from naesone_app.core.dates import parse_iso_date, seoul_today
from naesone_app.core.eligibility import ProgramResult, evaluate
from naesone_app.core.facilities import FORMATS, KINDS, SHELTER_KINDS, Batch, FacilityFormatError, read_files
from naesone_app.core.facilities import SKIP_REASONS as FACILITY_SKIP_REASONS
from naesone_app.core.facilities.formats import mark_sample
from naesone_app.core.i18n import LOCALES, format_date, render
from naesone_app.core.profile import ProfileError, facts_on, parse_profile
from naesone_app.core.program import Program

ROOT = Path(__file__).resolve().parent.parent
NATIVE_DIR = ROOT / "data" / "programs"
SAMPLE_GOV24_DIR = ROOT / "data" / "samples" / "gov24"
SAMPLE_FACILITIES_DIR = ROOT / "data" / "samples" / "facilities"
STATUS_ORDER = {"eligible": 0, "maybe": 1, "ineligible": 2}


class CommandError(Exception):
    """A problem to report in one line and exit non-zero."""


def _read_json(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise CommandError(f"{path}: not valid JSON ({where}: {exc.msg})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"{path}: cannot read ({exc})") from None


def _rows_from_files(paths: Sequence[str]) -> list[tuple[dict, str]]:
    rows = []
    for path in paths:
        for i, row in enumerate(rows_of(_read_json(path), path)):
            rows.append((row, f"{path}: row {i + 1} ({row.get('서비스ID')})"))
    return rows


def _rows_from_api(endpoint: str) -> list[tuple[dict, str]]:
    from naesone_app.integrations.gov24 import Gov24Client

    rows = Gov24Client(os.environ.get("NAESONE_GOV24_SERVICE_KEY", "")).fetch_all(endpoint)
    where = f"Gov24 API {endpoint}"
    return [
        (row, f"{where}: row {i + 1} ({row.get('서비스ID')})") for i, row in enumerate(rows_of(rows, where))
    ]


def _store(programs: list[Program], keep_detail_for: set[str] = frozenset()) -> Any:
    from naesone_app.db.catalog import upsert_programs
    from naesone_app.db.engine import transaction

    _require_schema()
    with transaction() as session:
        return upsert_programs(session, programs, keep_detail_for)


def _require_schema(table: str = "program") -> None:
    from sqlalchemy import inspect

    from naesone_app.db.engine import engine

    if not inspect(engine()).has_table(table):
        raise CommandError("the database has no schema yet: run `naesone db upgrade`")


def cmd_db_upgrade(_: argparse.Namespace) -> None:
    from alembic.config import Config

    from alembic import command

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "alembic"))
    command.upgrade(config, "head")
    from naesone_app.db.engine import database_url

    print(f"database up to date ({_redacted(database_url())})")


def _redacted(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_import_gov24(args: argparse.Namespace) -> None:
    if args.from_api:
        if args.service_list or args.support_conditions or args.service_detail:
            raise CommandError("--from-api cannot be combined with files")
        lists, conditions = _rows_from_api("serviceList"), _rows_from_api("supportConditions")
        details = _rows_from_api("serviceDetail") if args.with_detail else []
    else:
        if not args.service_list or not args.support_conditions:
            raise CommandError("give --service-list and --support-conditions files, or --from-api")
        lists = _rows_from_files(args.service_list)
        conditions = _rows_from_files(args.support_conditions)
        details = _rows_from_files(args.service_detail or [])
    plan = plan_import(lists, conditions, details)
    if args.sample:
        from dataclasses import replace

        note = "샘플 데이터: Gov24 v3 응답 형식의 예시 (조건 값은 합성) / sample rows in the Gov24 v3 shape"
        plan.programs = [replace(p, is_sample=True, provenance=note) for p in plan.programs]
    counts = _store(plan.programs, plan.without_detail)
    skipped = sum(plan.skipped.values())
    print(f"Gov24 import: {counts.created} imported, {counts.updated} updated, "
          f"{counts.unchanged} unchanged, {skipped} skipped")  # fmt: skip
    for reason, n in sorted(plan.skipped.items()):
        print(f"  skipped {n}: {reason} ({SKIP_REASONS[reason]})")


def cmd_load_native(args: argparse.Namespace) -> None:
    loaded = load_catalog(Path(args.dir))
    counts = _store([program for program, _ in loaded])
    print(f"native catalogue ({args.dir}): {counts.created} imported, {counts.updated} updated, "
          f"{counts.unchanged} unchanged")  # fmt: skip


def cmd_load_samples(_: argparse.Namespace) -> None:
    cmd_load_native(argparse.Namespace(dir=str(NATIVE_DIR)))
    files = {name: sorted(str(p) for p in SAMPLE_GOV24_DIR.glob(f"{name}*.json"))
             for name in ("serviceList", "supportConditions", "serviceDetail")}  # fmt: skip
    cmd_import_gov24(argparse.Namespace(
        from_api=False, with_detail=False, sample=True, service_list=files["serviceList"],
        support_conditions=files["supportConditions"], service_detail=files["serviceDetail"],
    ))  # fmt: skip


def _sample_note(format_name: str) -> str:
    title = FORMATS[format_name].title
    return f"샘플 데이터: {title} 형식의 예시 위치·이름 / sample positions and names in the {format_name} format"  # fmt: skip


def _report_facilities(label: str, counts: Any, batch: Batch) -> None:
    skipped = sum(batch.skipped.values())
    print(f"facilities import ({label}): {counts.created} imported, {counts.updated} updated, "
          f"{counts.unchanged} unchanged, {len(batch.out_of_box)} out of box, {skipped} skipped")  # fmt: skip
    for report in batch.out_of_box:
        print(f"  out of box: {report.where}: {report.detail}")
    for reason, n in sorted(batch.skipped.items()):
        print(f"  skipped {n}: {reason} ({FACILITY_SKIP_REASONS[reason]})")


def _store_facility_batches(batches: Sequence[tuple[str, Batch]]) -> None:
    """Store every batch in one transaction (a failure stores none of them), then report each."""
    from naesone_app.db.engine import transaction
    from naesone_app.db.facilities import upsert_facilities

    _require_schema("facility")
    with transaction() as session:
        results = [(label, upsert_facilities(session, batch.facilities), batch) for label, batch in batches]
    for label, counts, batch in results:
        _report_facilities(label, counts, batch)


def cmd_facilities_import(args: argparse.Namespace) -> None:
    batch = read_files(args.format, args.files, args.kind)
    if args.sample:
        mark_sample(batch, _sample_note(args.format))
    _store_facility_batches([(args.format, batch)])


def cmd_facilities_load_samples(_: argparse.Namespace) -> None:
    from naesone_app.db.engine import transaction
    from naesone_app.db.facilities import count_by_kind

    manifest = _read_json(str(SAMPLE_FACILITIES_DIR / "manifest.json"))
    batches = []
    for entry in manifest["imports"]:
        files = [str(SAMPLE_FACILITIES_DIR / name) for name in entry["files"]]
        batch = read_files(entry["format"], files, entry.get("kind"))
        mark_sample(batch, _sample_note(entry["format"]))
        batches.append((entry["format"] + (f" --kind {entry['kind']}" if entry.get("kind") else ""), batch))
    _store_facility_batches(batches)
    with transaction() as session:
        per_kind = count_by_kind(session)
    shelters = sum(n for kind, n in per_kind.items() if kind in SHELTER_KINDS)
    print(f"facilities stored: {shelters} shelters, {sum(per_kind.values()) - shelters} other facilities "
          f"({', '.join(f'{kind} {n}' for kind, n in sorted(per_kind.items()))})")  # fmt: skip


def _result_json(result: ProgramResult, locale: str) -> dict[str, Any]:
    program, change = result.program, result.next_change
    return {
        "program_id": program.key,
        "source": program.source,
        "source_id": program.source_id,
        "title": program.text(locale).title,
        "status": result.status,
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
    profile = parse_profile(_read_json(args.profile))
    _require_schema()
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
    catalog = commands.add_parser("catalog", help="programme catalogue").add_subparsers(
        dest="action", required=True
    )
    gov24 = catalog.add_parser("import-gov24", help="import Gov24 v3 files or the live API")
    gov24.add_argument("--service-list", nargs="+", metavar="F")
    gov24.add_argument("--support-conditions", nargs="+", metavar="F")
    gov24.add_argument("--service-detail", nargs="+", metavar="F")
    gov24.add_argument("--from-api", action="store_true", help="key from NAESONE_GOV24_SERVICE_KEY")
    gov24.add_argument("--with-detail", action="store_true", help="with --from-api: also serviceDetail")
    gov24.add_argument("--sample", action="store_true", help="mark what is imported as sample data")
    gov24.set_defaults(func=cmd_import_gov24)
    native = catalog.add_parser("load-native", help="load the YAML catalogue")
    native.add_argument("--dir", default=str(NATIVE_DIR))
    native.set_defaults(func=cmd_load_native)
    samples = catalog.add_parser("load-samples", help="native catalogue + the Gov24 sample files")
    samples.set_defaults(func=cmd_load_samples)
    facilities = commands.add_parser("facilities", help="safety and convenience facilities").add_subparsers(
        dest="action", required=True
    )
    fac_import = facilities.add_parser("import", help="import facility files of one source format")
    fac_import.add_argument("--format", required=True, choices=sorted(FORMATS), metavar="F",
                            help=f"one of: {', '.join(FORMATS)}")  # fmt: skip
    fac_import.add_argument("files", nargs="+", metavar="FILE")
    fac_import.add_argument("--kind", choices=KINDS, help="smartmap-theme only: the kind of another theme")
    fac_import.add_argument("--sample", action="store_true", help="mark what is imported as sample data")
    fac_import.set_defaults(func=cmd_facilities_import)
    fac_samples = facilities.add_parser("load-samples", help="the sample facilities, through the importers")
    fac_samples.set_defaults(func=cmd_facilities_load_samples)
    elig = commands.add_parser("eligibility", help="decide every programme for one profile")
    elig.add_argument("--profile", required=True, metavar="F")
    elig.add_argument("--as-of", metavar="YYYY-MM-DD")
    elig.add_argument("--json", action="store_true")
    elig.add_argument("--locale", choices=LOCALES, default="ko")
    elig.set_defaults(func=cmd_eligibility)
    add_account_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except (CommandError, ProfileError, CatalogError, Gov24FormatError, FacilityFormatError) as exc:
        print(f"naesone: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # an outbound or database failure: one line, never a traceback
        from naesone_app.integrations.http import OutboundError

        if isinstance(exc, OutboundError):
            print(f"naesone: error: {exc}", file=sys.stderr)
            return 1
        raise
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
