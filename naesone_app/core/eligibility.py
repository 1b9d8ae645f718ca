"""The eligibility engine: per-criterion verdicts, status, nearest miss and next change date.

One engine for every catalogue format: native YAML and Gov24 rows both become `Criterion` trees.
Status: ineligible if any criterion is unmet, else maybe if any is unknown, else eligible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from naesone_app.core.criteria import MET, STATUS_NAMES, UNKNOWN, UNMET, AllOf, AnyOf, Criterion
from naesone_app.core.i18n import Message
from naesone_app.core.profile import Facts, moved_forward
from naesone_app.core.program import Program

ELIGIBLE, MAYBE, INELIGIBLE = "eligible", "maybe", "ineligible"
PROGRAM_STATUS = {MET: ELIGIBLE, UNKNOWN: MAYBE, UNMET: INELIGIBLE}
HORIZON_YEARS = 100


@dataclass(frozen=True, slots=True)
class Verdict:
    """One criterion decided for one resident: met / unmet / unknown, and why."""

    criterion: Criterion
    status: str
    detail: Message
    requirement: Message
    parts: tuple[Verdict, ...] = ()  # an any_of's options, each decided, shown one per line

    @property
    def name(self) -> str:
        return self.criterion.kind


@dataclass(frozen=True, slots=True)
class NextChange:
    """The first date on which the programme's status changes by time alone."""

    on: date
    status: str
    events: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class ProgramResult:
    """A programme decided for one resident on one date."""

    program: Program
    status: str
    criteria: tuple[Verdict, ...]
    nearest_miss: tuple[Verdict, ...]
    next_change: NextChange | None


def verdict(criterion: Criterion, facts: Facts) -> Verdict:
    """Decide and explain one criterion; an any_of also decides each of its options."""
    code = criterion.status(facts)
    parts = tuple(verdict(p, facts) for p in criterion.parts) if isinstance(criterion, AnyOf) else ()
    return Verdict(
        criterion, STATUS_NAMES[code], criterion.explain(facts, code), criterion.requirement(), parts
    )


def status_code(criteria: tuple[Criterion, ...], facts: Facts) -> int:
    """MET / UNKNOWN / UNMET for a list of top-level criteria (all must hold)."""
    worst = MET
    for criterion in criteria:
        code = criterion.status(facts)
        if code == UNMET:
            return UNMET
        worst = max(worst, code)
    return worst


def evaluate(program: Program, facts: Facts) -> ProgramResult:
    """Every criterion's verdict, the status, the nearest miss and the next change date."""
    code = status_code(program.criteria, facts)
    return ProgramResult(
        program=program,
        status=PROGRAM_STATUS[code],
        criteria=tuple(verdict(c, facts) for c in program.criteria),
        nearest_miss=tuple(verdict(c, facts) for c in nearest_miss(program.criteria, facts)),
        next_change=next_change(program.criteria, facts, code),
    )


def _unmet_leaves(criterion: Criterion, facts: Facts) -> list[Criterion]:
    if criterion.status(facts) != UNMET:
        return []
    if isinstance(criterion, AllOf):
        return [leaf for part in criterion.parts for leaf in _unmet_leaves(part, facts)]
    if isinstance(criterion, AnyOf):
        options = [_unmet_leaves(part, facts) for part in criterion.parts]
        return min(options, key=len) if options else []
    return [criterion]


def nearest_miss(criteria: tuple[Criterion, ...], facts: Facts) -> tuple[Criterion, ...]:
    """The unmet conditions that alone keep the resident out (the cheapest branch of an any_of).

    Met, they would lift the programme out of "ineligible"; empty when nothing is unmet.
    """
    return tuple(leaf for c in criteria for leaf in _unmet_leaves(c, facts))


def next_change(criteria: tuple[Criterion, ...], facts: Facts, code: int | None = None) -> NextChange | None:
    """The first date after facts.as_of on which the status changes as the resident ages or stays.

    Income and other facts are held as assessed today; only time moves.
    """
    if code is None:
        code = status_code(criteria, facts)
    changes = sorted((c for crit in criteria for c in crit.changes(facts)), key=lambda c: c.on)
    limit = date(min(facts.as_of.year + HORIZON_YEARS, 9999), 1, 1)
    for on in sorted({c.on for c in changes if c.on < limit}):
        later = status_code(criteria, moved_forward(facts, on))
        if later != code:
            events = tuple(c.event for c in changes if c.on == on)
            return NextChange(on, PROGRAM_STATUS[later], events)
    return None
