"""Budget: one profile against a Gov24-scale catalogue (11,000 programmes), median < 10 ms.

11,000 synthetic rows in the v3 shape go through the importer (`plan_import` for the counts,
`program_from_rows` for every row), are compiled with `compile_catalog`, and
`catalog.statuses(facts_on(profile, as_of))` is timed for 200 varied profiles, facts included.
The full `evaluate()` of the ~50 results a feed shows is timed separately (informational).
"""

from __future__ import annotations

import time

from benchmarks.catalogs import AS_OF, gov24_scale, gov24_scattered, profiles
from benchmarks.common import Figure, figure, heading, time_each
from naesone_app.core.criteria import UNMET
from naesone_app.core.eligibility import evaluate, status_code, with_window
from naesone_app.core.profile import facts_on
from naesone_app.core.screening import compile_catalog

BUDGET_MS = 10.0
PROFILES = 200
ROUNDS = 5
SHOWN = 50
CHECKED = 20


def run() -> list[Figure]:
    heading("1. one profile against a Gov24-scale catalogue (11,000 programmes)")
    start = time.perf_counter()
    scale = gov24_scale()
    built = time.perf_counter() - start
    skipped = ", ".join(f"{k} {v}" for k, v in sorted(scale.plan.skipped.items()) if v)
    print(
        f"  generated and imported {len(scale.every_row):,} rows in {built:.1f} s; "
        f"plan_import keeps {len(scale.plan.programs):,} (skipped: {skipped})"
    )
    start = time.perf_counter()
    catalog = compile_catalog(scale.every_row)
    print(
        f"  compiled in {(time.perf_counter() - start) * 1000:.0f} ms: {len(catalog.criteria):,} distinct "
        f"criteria, index {catalog.index.shape[0]:,} × {catalog.index.shape[1]}"
    )
    people = profiles(PROFILES)

    mismatches = 0
    for profile in people[:CHECKED]:  # the fast path must agree with the engine, programme by programme
        facts = facts_on(profile, AS_OF)
        fast = catalog.statuses(facts)
        mismatches += sum(
            int(code) != with_window(status_code(p.criteria, facts), p, AS_OF)
            for p, code in zip(catalog.programs, fast, strict=True)
        )
    closed = sum(p.closes_on is not None and p.closes_on < AS_OF for p in catalog.programs)
    print(
        f"  checked statuses() against status_code() with windows for {CHECKED} profiles: {mismatches} mismatches"
        f" ({closed:,} programmes with a window closed before {AS_OF})"
    )

    screen = time_each(people, lambda p: catalog.statuses(facts_on(p, AS_OF)), rounds=ROUNDS)
    main = figure("gov24 11,000: statuses(facts_on)", screen, BUDGET_MS)
    print(main.line())

    per_programme, per_profile = [], []
    for profile in people:  # what a feed shows: eligible first, then maybe, at most SHOWN of them
        facts = facts_on(profile, AS_OF)
        codes = catalog.statuses(facts)
        order = sorted((int(c), i) for i, c in enumerate(codes) if c != UNMET)[:SHOWN]
        samples = time_each(
            [catalog.programs[i] for _, i in order], lambda p, f=facts: evaluate(p, f), collect=False
        )
        per_programme += samples
        per_profile.append(sum(samples))
    each = figure("gov24: evaluate() per shown programme", per_programme)
    extra = figure(f"gov24: evaluate() × ≤{SHOWN} shown, per profile", per_profile)
    print(each.line())
    print(extra.line())

    worst = compile_catalog(gov24_scattered())
    samples = time_each(people, lambda p: worst.statuses(facts_on(p, AS_OF)), rounds=2)
    scattered = figure("gov24 11,000 scattered (worst case)", samples)
    print(f"  worst case: every condition group filled at random, {len(worst.criteria):,} distinct criteria")
    print(scattered.line())
    return [main, each, extra, scattered]
