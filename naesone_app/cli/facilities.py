"""`naesone facilities …`: import the safety and convenience facility sources, and the samples."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from naesone_app.cli.common import SAMPLE_FACILITIES_DIR, read_json, require_schema
from naesone_app.core.facilities import FORMATS, KINDS, SHELTER_KINDS, Batch, read_files
from naesone_app.core.facilities import SKIP_REASONS as FACILITY_SKIP_REASONS
from naesone_app.core.facilities.formats import mark_sample


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

    require_schema("facility")
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

    manifest = read_json(str(SAMPLE_FACILITIES_DIR / "manifest.json"))
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


def add_commands(commands: argparse._SubParsersAction) -> None:
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
