"""Budget: one profile against the Jung-gu-relevant catalogue (~2,500 programmes), median < 3 ms.

Two catalogues: the native one as shipped (data/programs, loaded by `load_catalog`), and a synthetic
2,500-programme Jung-gu-relevant catalogue: every native programme plus a seeded sample of what
`plan_import` keeps from the 11,000 Gov24 rows (national, 서울특별시, 서울특별시 중구; for residents).
"""

from __future__ import annotations

import random

from benchmarks.catalogs import AS_OF, gov24_scale, native_catalog, profiles
from benchmarks.common import SEED, Figure, figure, heading, time_each
from naesone_app.core.eligibility import evaluate, status_code, with_window
from naesone_app.core.profile import facts_on
from naesone_app.core.screening import CompiledCatalog, compile_catalog

BUDGET_MS = 3.0
JUNGGU_SIZE = 2_500
PROFILES = 200
ROUNDS = 5


def _check(catalog: CompiledCatalog, people: list) -> int:
    mismatches = 0
    for profile in people:
        facts = facts_on(profile, AS_OF)
        fast = catalog.statuses(facts)
        mismatches += sum(
            int(code) != with_window(status_code(p.criteria, facts), p, AS_OF)
            for p, code in zip(catalog.programs, fast, strict=True)
        )
    return mismatches


def run() -> list[Figure]:
    heading("2. one profile against the native and the Jung-gu-relevant catalogues")
    native = native_catalog()
    for problem in native.problems:
        print(f"  note: skipped a native file that does not load: {problem}")
    people = profiles(PROFILES)
    figures = []

    catalog = compile_catalog(native.programs)
    print(
        f"  native catalogue: {len(native.programs)} programmes, {len(catalog.criteria)} distinct criteria; "
        f"mismatches vs status_code: {_check(catalog, people[:20])}"
    )
    samples = time_each(people, lambda p: catalog.statuses(facts_on(p, AS_OF)), rounds=ROUNDS)
    figures.append(figure(f"native {len(native.programs)}: statuses(facts_on)", samples))
    samples = time_each(people, lambda p: [evaluate(q, facts_on(p, AS_OF)) for q in native.programs])
    figures.append(figure(f"native {len(native.programs)}: evaluate() every programme", samples))

    gov24 = gov24_scale().plan.programs
    take = min(len(gov24), JUNGGU_SIZE - len(native.programs))
    mixed = list(native.programs) + random.Random(SEED).sample(gov24, take)
    catalog = compile_catalog(mixed)
    levels = {level: sum(p.level == level for p in mixed) for level in ("national", "city", "district")}
    print(
        f"  Jung-gu-relevant: {len(mixed):,} programmes ({len(native.programs)} native + {take:,} Gov24; "
        f"national {levels['national']:,}, city {levels['city']:,}, district {levels['district']:,}), "
        f"{len(catalog.criteria):,} distinct criteria; mismatches: {_check(catalog, people[:20])}"
    )
    samples = time_each(people, lambda p: catalog.statuses(facts_on(p, AS_OF)), rounds=ROUNDS)
    figures.append(figure(f"jung-gu {len(mixed):,}: statuses(facts_on)", samples, BUDGET_MS))
    for f in figures:
        print(f.line())
    return figures
