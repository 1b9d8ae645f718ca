"""`naesone classes …`: load the sample 자치회관 courses (marked as sample); run the jobs that fall due."""

from __future__ import annotations

import argparse

from naesone_app.cli.common import ROOT, CommandError, read_json, require_schema

SAMPLE_CLASSES = ROOT / "data" / "samples" / "classes" / "courses.json"


def cmd_load_samples(_: argparse.Namespace) -> None:
    from naesone_app.db.class_loading import load_courses
    from naesone_app.db.engine import transaction

    require_schema("course")
    document = read_json(str(SAMPLE_CLASSES))
    try:
        with transaction() as session:
            centres, courses = load_courses(session, document, sample=True)
    except ValueError as exc:
        raise CommandError(f"{SAMPLE_CLASSES.name}: {exc}") from None
    print(f"loaded {courses} sample courses at {centres} centres (sample data, not real classes)")


def cmd_run_due(_: argparse.Namespace) -> None:
    from naesone_app.actions.class_jobs import run_due

    require_schema("course")
    report = run_due()
    print(report.summary())
    if report.failed:
        raise CommandError(f"the jobs failed for {', '.join(report.failed)} (see the log)")


def add_commands(commands: argparse._SubParsersAction) -> None:
    classes = commands.add_parser("classes", help="자치회관 classes").add_subparsers(
        dest="action", required=True
    )
    classes.add_parser("load-samples", help="load the sample courses (marked as sample)").set_defaults(
        func=cmd_load_samples
    )
    classes.add_parser(
        "run-due",
        help="draw closed lotteries, pass lapsed holds and unpaid seats on, decide 폐강 (run every few minutes)",
    ).set_defaults(func=cmd_run_due)
