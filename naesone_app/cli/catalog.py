"""`naesone catalog …`: the native YAML catalogue and the Gov24 import (files or the live API)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from naesone_app.cli.common import NATIVE_DIR, SAMPLE_GOV24_DIR, CommandError, read_json, require_schema
from naesone_app.core.catalog.gov24 import SKIP_REASONS, ImportPlan, plan_import, rows_of
from naesone_app.core.catalog.native import load_catalog
from naesone_app.core.program import Program

GOV24_SAMPLE_NOTE = (
    "샘플 데이터: Gov24 v3 응답 형식의 예시 (조건 값은 합성) / sample rows in the Gov24 v3 shape"
)


def _rows_from_files(paths: Sequence[str]) -> list[tuple[dict, str]]:
    rows = []
    for path in paths:
        for i, row in enumerate(rows_of(read_json(path), path)):
            rows.append((row, f"{path}: row {i + 1} ({row.get('서비스ID')})"))
    return rows


def _rows_from_api(endpoint: str) -> list[tuple[dict, str]]:
    from naesone_app.actions.gov24 import fetch_rows

    rows = fetch_rows(endpoint)
    where = f"Gov24 API {endpoint}"
    return [
        (row, f"{where}: row {i + 1} ({row.get('서비스ID')})") for i, row in enumerate(rows_of(rows, where))
    ]


def _gov24_plan(args: argparse.Namespace) -> ImportPlan:
    """Read and validate every row (nothing is stored yet)."""
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
        plan.programs = [replace(p, is_sample=True, provenance=GOV24_SAMPLE_NOTE) for p in plan.programs]
    return plan


def _store(
    native: list[Program] | None = None, plan: ImportPlan | None = None, replace_gov24: bool = False
) -> None:
    """Store what was read in ONE transaction, then report; a failure stores nothing."""
    from naesone_app.db.catalog import retire_missing, upsert_programs
    from naesone_app.db.engine import transaction

    require_schema()
    with transaction() as session:
        native_counts = upsert_programs(session, native) if native is not None else None
        gov24_counts = (
            upsert_programs(session, plan.programs, plan.without_detail) if plan is not None else None
        )
        retired = (
            retire_missing(session, "gov24", {p.source_id for p in plan.programs}) if replace_gov24 else 0
        )
    if native_counts is not None:
        print(f"native catalogue: {native_counts.created} imported, {native_counts.updated} updated, "
              f"{native_counts.unchanged} unchanged")  # fmt: skip
    if gov24_counts is not None:
        skipped = sum(plan.skipped.values())
        print(f"Gov24 import: {gov24_counts.created} imported, {gov24_counts.updated} updated, "
              f"{gov24_counts.unchanged} unchanged, {skipped} skipped" + (f", {retired} retired" if replace_gov24 else ""))  # fmt: skip
        for reason, n in sorted(plan.skipped.items()):
            print(f"  skipped {n}: {reason} ({SKIP_REASONS[reason]})")


def cmd_import_gov24(args: argparse.Namespace) -> None:
    _store(plan=_gov24_plan(args), replace_gov24=args.replace or args.from_api)


def cmd_load_native(args: argparse.Namespace) -> None:
    _store(native=[program for program, _ in load_catalog(Path(args.dir))])


def cmd_load_samples(_: argparse.Namespace) -> None:
    files = {name: sorted(str(p) for p in SAMPLE_GOV24_DIR.glob(f"{name}*.json"))
             for name in ("serviceList", "supportConditions", "serviceDetail")}  # fmt: skip
    plan = _gov24_plan(argparse.Namespace(
        from_api=False, with_detail=False, sample=True, service_list=files["serviceList"],
        support_conditions=files["supportConditions"], service_detail=files["serviceDetail"],
    ))  # fmt: skip
    _store(native=[program for program, _ in load_catalog(NATIVE_DIR)], plan=plan)


def add_commands(commands: argparse._SubParsersAction) -> None:
    catalog = commands.add_parser("catalog", help="programme catalogue").add_subparsers(
        dest="action", required=True
    )
    gov24 = catalog.add_parser("import-gov24", help="import Gov24 v3 files or the live API")
    gov24.add_argument("--service-list", nargs="+", metavar="F")
    gov24.add_argument("--support-conditions", nargs="+", metavar="F")
    gov24.add_argument("--service-detail", nargs="+", metavar="F")
    gov24.add_argument(
        "--from-api", action="store_true", help="key from NAESONE_GOV24_SERVICE_KEY; implies --replace"
    )
    gov24.add_argument("--with-detail", action="store_true", help="with --from-api: also serviceDetail")
    gov24.add_argument(
        "--replace",
        action="store_true",
        help="the import is the whole catalogue: retire Gov24 programmes it no longer lists",
    )
    gov24.add_argument("--sample", action="store_true", help="mark what is imported as sample data")
    gov24.set_defaults(func=cmd_import_gov24)
    native = catalog.add_parser("load-native", help="load the YAML catalogue")
    native.add_argument("--dir", default=str(NATIVE_DIR))
    native.set_defaults(func=cmd_load_native)
    samples = catalog.add_parser("load-samples", help="native catalogue + the Gov24 sample files")
    samples.set_defaults(func=cmd_load_samples)
