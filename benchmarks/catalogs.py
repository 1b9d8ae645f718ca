"""The catalogues the benchmarks screen, built once per run through the app's real importers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from benchmarks.common import SEED
from benchmarks.synthetic import gov24_rows, profile_data, scattered_condition_row
from naesone_app.core.catalog.gov24 import ImportPlan, plan_import, program_from_rows
from naesone_app.core.catalog.native import CatalogError, load_catalog, load_program_file
from naesone_app.core.profile import Profile, parse_profile
from naesone_app.core.program import Program

ROOT = Path(__file__).resolve().parent.parent
NATIVE_DIR = ROOT / "data" / "programs"
AS_OF = date(2026, 11, 25)
GOV24_ROWS = 11_000


@dataclass(frozen=True)
class Gov24Scale:
    """11,000 synthetic Gov24 services: every row as a programme, and what the importer keeps."""

    every_row: tuple[Program, ...]  # each row converted by the importer's own row → programme function
    plan: ImportPlan  # plan_import's result: national + Seoul + Jung-gu, for residents


@cache
def gov24_scale() -> Gov24Scale:
    services, conditions = gov24_rows(GOV24_ROWS, random.Random(SEED))
    where = [f"synthetic row {i + 1}" for i in range(len(services))]
    plan = plan_import(zip(services, where, strict=True), zip(conditions, where, strict=True))
    # The budget is for a Gov24-scale catalogue, so every one of the 11,000 rows is decided, the
    # out-of-scope ones too (they carry no region criterion here; the importer would skip them).
    every_row = tuple(
        program_from_rows(s, c, None, w) for s, c, w in zip(services, conditions, where, strict=True)
    )
    return Gov24Scale(every_row, plan)


@cache
def gov24_scattered() -> tuple[Program, ...]:
    """The same 11,000 services with scattered conditions (a worst case for sharing criteria)."""
    services, _ = gov24_rows(GOV24_ROWS, random.Random(SEED))
    rng = random.Random(SEED)
    return tuple(
        program_from_rows(s, scattered_condition_row(rng, s["서비스ID"], s["서비스명"]), None, f"row {i + 1}")
        for i, s in enumerate(services)
    )


@dataclass(frozen=True)
class Native:
    programs: tuple[Program, ...]
    problems: tuple[str, ...]  # files that did not load (another change may be in progress)


@cache
def native_catalog() -> Native:
    """data/programs/*.yaml through the real loader; a broken file is reported, not fatal."""
    try:
        return Native(tuple(p for p, _ in load_catalog(NATIVE_DIR)), ())
    except CatalogError:
        programs, problems = [], []
        for path in sorted(NATIVE_DIR.glob("*.yaml")):
            try:
                programs.append(load_program_file(path)[0])
            except CatalogError as exc:
                problems.append(str(exc))
        return Native(tuple(programs), tuple(problems))


def profiles(n: int) -> list[Profile]:
    """`n` parsed resident profiles (seeded: the same every run, and a prefix of any longer list)."""
    rng = random.Random(SEED)
    return [parse_profile(profile_data(rng, AS_OF)) for _ in range(n)]
