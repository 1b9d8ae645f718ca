"""`naesone classes …`: load the sample 자치회관 courses (marked as sample); pass lapsed seat holds on."""

from __future__ import annotations

import argparse

from naesone_app.cli.common import ROOT, CommandError, read_json, require_schema

SAMPLE_CLASSES = ROOT / "data" / "samples" / "classes" / "courses.json"


def cmd_load_samples(_: argparse.Namespace) -> None:
    from naesone_app.db.classes import load_courses
    from naesone_app.db.engine import transaction

    require_schema("course")
    document = read_json(str(SAMPLE_CLASSES))
    try:
        with transaction() as session:
            centres, courses = load_courses(session, document, sample=True)
    except ValueError as exc:
        raise CommandError(f"{SAMPLE_CLASSES.name}: {exc}") from None
    print(f"loaded {courses} sample courses at {centres} centres (sample data, not real classes)")


def cmd_expire_holds(_: argparse.Namespace) -> None:
    from datetime import UTC, datetime

    from naesone_app.db.classes import courses_with_lapsed_holds, expire_holds

    require_schema("course")
    now = datetime.now(UTC)
    courses = courses_with_lapsed_holds(now)
    for course_id in courses:
        expire_holds(course_id, now)
    print(f"passed lapsed holds on in {len(courses)} courses")


def add_commands(commands: argparse._SubParsersAction) -> None:
    classes = commands.add_parser("classes", help="자치회관 classes").add_subparsers(
        dest="action", required=True
    )
    classes.add_parser("load-samples", help="load the sample courses (marked as sample)").set_defaults(
        func=cmd_load_samples
    )
    classes.add_parser(
        "expire-holds", help="pass lapsed seat holds to the next waitlisted (run hourly)"
    ).set_defaults(func=cmd_expire_holds)
