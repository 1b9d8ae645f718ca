"""The eligibility engine: per-criterion verdicts, status, nearest miss and next change date.

One engine for every catalogue format: native YAML and Gov24 rows both become `Criterion` trees.
Status: ineligible if any criterion is unmet; else closed if the application window closed before the
evaluation date (a "yes" one can no longer act on is not a yes); else maybe if any is unknown; else
eligible.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from naesone_app.core.criteria import MET, STATUS_NAMES, UNKNOWN, UNMET, AllOf, AnyOf, Criterion
from naesone_app.core.i18n import N_, Message
from naesone_app.core.profile import Facts, moved_forward
from naesone_app.core.program import Program

ELIGIBLE, MAYBE, INELIGIBLE, CLOSED = "eligible", "maybe", "ineligible", "closed"
CLOSED_CODE = 3  # a programme-level code beside the criteria's MET / UNKNOWN / UNMET
PROGRAM_STATUS = {MET: ELIGIBLE, UNKNOWN: MAYBE, UNMET: INELIGIBLE, CLOSED_CODE: CLOSED}
HORIZON_YEARS = 100


@dataclass(frozen=True, slots=True)
class Window:
    """When one can apply: the stored window and, when known, when the next one opens."""

    opens: date | None
    closes: date | None
    next_opens: date | None = None


def is_closed(program: Program, on: date) -> bool:
    """The application window closed before `on` (the closing day itself still counts as open)."""
    return program.closes_on is not None and program.closes_on < on


def is_stale(program: Program, on: date) -> bool:
    """The stored window is from a past year: it closed in a year before `on`'s, or, for a programme
    that opens every year, it opened in a past year and has closed — its department owes this year's dates.
    """
    closes, opens = program.closes_on, program.opens_on
    if closes is not None and closes.year < on.year:
        return True
    return bool(program.recurs) and opens is not None and opens.year < on.year and is_closed(program, on)


def _next_yearly(opens: date, after: date) -> date:
    """The first anniversary of `opens` after `after` (29 February falls back to the 28th)."""
    year = max(opens.year + 1, after.year)
    while True:
        try:
            candidate = opens.replace(year=year)
        except ValueError:
            candidate = date(year, 2, 28)
        if candidate > after:
            return candidate
        year += 1


def application_window(program: Program, on: date) -> Window:
    """The window as of `on`, with the next opening when published or when the programme recurs yearly."""
    upcoming = program.next_opens_on if program.next_opens_on and program.next_opens_on > on else None
    if upcoming is None and program.recurs == "yearly" and program.opens_on and is_closed(program, on):
        upcoming = _next_yearly(program.opens_on, on)
    return Window(program.opens_on, program.closes_on, upcoming)


def with_window(code: int, program: Program, on: date) -> int:
    """A criteria code turned into the programme code: not unmet but past the window → closed."""
    if code != UNMET and is_closed(program, on):
        return CLOSED_CODE
    return code


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
    window: Window = Window(None, None)
    stale: bool = False


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
    """Every criterion's verdict, the status (with the window), the nearest miss and the next change date."""
    code = status_code(program.criteria, facts)
    return ProgramResult(
        program=program,
        status=PROGRAM_STATUS[with_window(code, program, facts.as_of)],
        criteria=tuple(verdict(c, facts) for c in program.criteria),
        nearest_miss=tuple(verdict(c, facts) for c in nearest_miss(program.criteria, facts)),
        next_change=next_change(program.criteria, facts, code, program),
        window=application_window(program, facts.as_of),
        stale=is_stale(program, facts.as_of),
    )


# Which unmet conditions a resident can act on, so "이것만 달라지면 받을 수 있어요" is advice, not a taunt.
# Income can change (a job, a raise, a household member's earnings) and is re-assessed; time alone
# brings residence months, a child's age and one's own age, but only within ACTION_HORIZON: telling a
# 34-year-old to turn 65 is no advice. Everything else is a status one does not choose (sex, 장애,
# 국가보훈, 북한이탈주민, 다문화, livelihood status, household type, housing, where one lives) and never
# appears as a nearest miss. The `declared` kind is never unmet, so it needs no entry.
ACTIONABLE_ALWAYS: frozenset[str] = frozenset({"income"})
ACTIONABLE_BY_TIME: frozenset[str] = frozenset({"residence", "age", "children"})
ACTION_HORIZON_DAYS = 366


def actionable(criterion: Criterion, facts: Facts) -> bool:
    """Could this unmet leaf become met by the resident's own doing, or by time within the horizon?"""
    if criterion.kind in ACTIONABLE_ALWAYS:
        return True
    if criterion.kind not in ACTIONABLE_BY_TIME:
        return False
    limit = date.fromordinal(min(facts.as_of.toordinal() + ACTION_HORIZON_DAYS, date.max.toordinal()))
    return any(
        change.on <= limit and criterion.status(moved_forward(facts, change.on)) == MET
        for change in criterion.changes(facts)
    )


def _unmet_leaves(criterion: Criterion, facts: Facts) -> list[Criterion] | None:
    """The unmet leaves to act on, or None when acting cannot lift this criterion."""
    if criterion.status(facts) != UNMET:
        return []
    if isinstance(criterion, AllOf):
        parts = [_unmet_leaves(part, facts) for part in criterion.parts]
        return None if any(p is None for p in parts) else [leaf for p in parts for leaf in p]
    if isinstance(criterion, AnyOf):
        options = [o for o in (_unmet_leaves(part, facts) for part in criterion.parts) if o is not None]
        return min(options, key=len) if options else None
    return [criterion] if actionable(criterion, facts) else None


def nearest_miss(criteria: tuple[Criterion, ...], facts: Facts) -> tuple[Criterion, ...]:
    """The unmet conditions that alone keep the resident out and that the resident can act on.

    Met, they would lift the programme out of "ineligible" (the cheapest actionable branch of an
    any_of). Empty when nothing is unmet, or when some unmet condition is not one a person can change
    (see ACTIONABLE_ALWAYS / ACTIONABLE_BY_TIME).
    """
    leaves = [_unmet_leaves(c, facts) for c in criteria]
    if any(found is None for found in leaves):
        return ()
    return tuple(leaf for found in leaves for leaf in found)


def _closed_on(program: Program, on: date, reopens: date | None) -> bool:
    """The window is closed on a future date `on`: past its closing day and not yet open again."""
    return is_closed(program, on) and (reopens is None or on < reopens)


def next_change(
    criteria: tuple[Criterion, ...], facts: Facts, code: int | None = None, program: Program | None = None
) -> NextChange | None:
    """The first date after facts.as_of on which the status changes as the resident ages or stays.

    Income and other facts are held as assessed today; only time moves. With the `program`, its
    application window counts too: a date on which the window is closed is no "becomes eligible" (one
    cannot apply then), and the day the next window opens is a change of its own.
    """
    if code is None:
        code = status_code(criteria, facts)
    changes = sorted((c for crit in criteria for c in crit.changes(facts)), key=lambda c: c.on)
    limit = date(min(facts.as_of.year + HORIZON_YEARS, 9999), 1, 1)
    reopens = application_window(program, facts.as_of).next_opens if program else None
    now = with_window(code, program, facts.as_of) if program else code
    dates = {c.on for c in changes if c.on < limit} | ({reopens} if reopens and reopens < limit else set())
    for on in sorted(dates):
        later = status_code(criteria, moved_forward(facts, on))
        if program is not None and later != UNMET and _closed_on(program, on, reopens):
            continue  # nothing to apply for that day: not a change the resident can act on
        if later != now:
            events = tuple(c.event for c in changes if c.on == on)
            if on == reopens:
                events += (Message(N_("신청 기간이 시작됩니다")),)
            return NextChange(on, PROGRAM_STATUS[later], events)
    return None
