"""The personal feed: what newly fits, deadlines coming up, saved programmes, and the life timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from naesone_app.core.criteria import MET, UNKNOWN
from naesone_app.core.eligibility import ELIGIBLE, ProgramResult, evaluate
from naesone_app.core.profile import Facts
from naesone_app.core.screening import CompiledCatalog

NEW_FOR = timedelta(days=14)
DEADLINE_WITHIN = timedelta(days=30)
TIMELINE_YEARS = 10
TIMELINE_MAX = 20


@dataclass
class Feed:
    """Everything the feed shows, decided for one resident on one day."""

    new_matches: list[ProgramResult] = field(default_factory=list)
    deadlines: list[ProgramResult] = field(default_factory=list)
    saved: list[ProgramResult] = field(default_factory=list)
    timeline: list[ProgramResult] = field(default_factory=list)
    eligible: list[ProgramResult] = field(default_factory=list)

    @property
    def eligible_keys(self) -> list[str]:
        return [r.program.key for r in self.eligible]


def build_feed(
    catalog: CompiledCatalog, facts: Facts, saved: list[str], first_seen: dict[str, datetime], now: datetime
) -> Feed:
    """Decide the catalogue once and sort what matters to this resident into the feed's sections.

    `first_seen` says when each currently matching programme was first seen matching (see
    db.resident_data.note_matches); one first seen within the last two weeks is "new for you".
    """
    today: date = facts.as_of
    codes = catalog.statuses(facts)
    saved_set = set(saved)
    feed = Feed()
    horizon = date(today.year + TIMELINE_YEARS, today.month, min(today.day, 28))
    for program, code in zip(catalog.programs, codes, strict=True):
        interesting = code in (MET, UNKNOWN) or program.key in saved_set
        result = evaluate(program, facts)  # every programme: an ineligible one may become eligible later
        if code == MET:
            feed.eligible.append(result)
            seen = first_seen.get(program.key)
            if seen is not None and now - seen <= NEW_FOR:
                feed.new_matches.append(result)
        if interesting and program.closes_on and today <= program.closes_on <= today + DEADLINE_WITHIN:
            feed.deadlines.append(result)
        if program.key in saved_set:
            feed.saved.append(result)
        change = result.next_change
        if change and change.on <= horizon and (change.status == ELIGIBLE or result.status == ELIGIBLE):
            feed.timeline.append(result)
    feed.deadlines.sort(key=lambda r: r.program.closes_on)
    feed.timeline.sort(key=lambda r: r.next_change.on)
    feed.timeline = feed.timeline[:TIMELINE_MAX]
    feed.saved.sort(key=lambda r: saved.index(r.program.key))
    return feed


def compare(catalog: CompiledCatalog, before: Facts, after: Facts) -> tuple[list, list]:
    """Programmes the resident would gain and lose (as eligible) if `before` became `after`."""
    old, new = catalog.statuses(before), catalog.statuses(after)
    gained = [p for p, a, b in zip(catalog.programs, old, new, strict=True) if a != MET and b == MET]
    lost = [p for p, a, b in zip(catalog.programs, old, new, strict=True) if a == MET and b != MET]
    return gained, lost
