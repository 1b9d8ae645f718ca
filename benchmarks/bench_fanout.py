"""Budget: one new programme against 20,000 stored profiles (notification fan-out), < 200 ms in total.

20,000 parsed profiles are in memory; deciding the programme for all of them (facts on the day, then
the status) is timed as one run, several times. The programme is a native one in the rule language
with five criteria, one of them an any_of.
"""

from __future__ import annotations

from collections import Counter

from benchmarks.catalogs import AS_OF, profiles
from benchmarks.common import Figure, figure, heading, time_calls
from naesone_app.core.catalog.rules import parse_rules
from naesone_app.core.eligibility import PROGRAM_STATUS, status_code
from naesone_app.core.profile import facts_on
from naesone_app.core.program import Program, ProgramText

BUDGET_MS = 200.0
PROFILES = 20_000
ROUNDS = 7

# Modelled on data/programs/junggu-midlife-single-care.yaml, with a residence requirement added.
RULES = [
    {"lives_in_junggu": True},
    {"residence_months": 6},
    {"age": {"min": 40, "max": 64}},
    {"household": ["single_person"]},
    {"any_of": [{"livelihood": ["recipient", "near_poor"]}, {"income": {"max_percent": 100}}]},
]
PROGRAM = Program(
    source="native",
    source_id="bench-midlife-single-care",
    texts={"ko": ProgramText(title="중장년 1인가구 돌봄 지원 (벤치마크용)")},
    criteria=parse_rules(RULES),
)


def decide_all(program: Program, people: list) -> list[int]:
    """The fan-out as the app would do it: each stored profile resolved on the day, then decided."""
    criteria = program.criteria
    return [status_code(criteria, facts_on(p, AS_OF)) for p in people]


def run() -> list[Figure]:
    heading("3. one new programme against 20,000 stored profiles (notification fan-out)")
    people = profiles(PROFILES)
    outcome = Counter(PROGRAM_STATUS[c] for c in decide_all(PROGRAM, people))
    print(
        f"  programme: {PROGRAM.text('ko').title}, {len(PROGRAM.criteria)} criteria; "
        f"outcome: {dict(sorted(outcome.items()))}"
    )
    total = figure(
        "fan-out 20,000: facts_on + status",
        time_calls(lambda: decide_all(PROGRAM, people), ROUNDS),
        BUDGET_MS,
    )
    facts = [facts_on(p, AS_OF) for p in people]
    criteria = PROGRAM.criteria
    only = figure(
        "fan-out 20,000: status only (facts cached)",
        time_calls(lambda: [status_code(criteria, f) for f in facts], ROUNDS),
    )
    for f in (total, only):
        print(f.line())
    return [total, only]
