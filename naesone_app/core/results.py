"""The results page's content: every programme grouped by status, closest first, shown in pages.

The whole catalogue is screened (cheap); only the programmes a page shows are fully evaluated with
their explanations, so a Gov24-sized catalogue costs no more than a small one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from naesone_app.core.criteria import MET, UNKNOWN
from naesone_app.core.eligibility import ProgramResult, evaluate, nearest_miss
from naesone_app.core.profile import Facts
from naesone_app.core.screening import CompiledCatalog

SHOWN = {"eligible": 100, "maybe": 50, "ineligible": 30}


@dataclass
class Grouped:
    """Decided programmes by status (the shown ones, in order) and how many there are in all."""

    shown: dict[str, list[ProgramResult]] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)


def _miss_order(miss: tuple, key: str) -> tuple[int, int, str]:
    """Programmes one can act on (a nearest miss) first, fewest changes first."""
    return (0 if miss else 1, len(miss), key)


def group_results(catalog: CompiledCatalog, facts: Facts, shown: dict[str, int] | None = None) -> Grouped:
    """Eligible by title; maybe by fewest unknown conditions; ineligible by the smallest nearest miss.

    A closed programme (window over) is grouped with the ineligible: nothing to do about it today.
    """
    limits = shown or SHOWN
    codes = catalog.statuses(facts)
    groups: dict[str, list] = {"eligible": [], "maybe": [], "ineligible": []}
    for program, code in zip(catalog.programs, codes, strict=True):
        groups["eligible" if code == MET else "maybe" if code == UNKNOWN else "ineligible"].append(program)
    order = {
        "eligible": lambda p: (0, p.key),
        "maybe": lambda p: (sum(c.status(facts) == UNKNOWN for c in p.criteria), p.key),
        "ineligible": lambda p: _miss_order(nearest_miss(p.criteria, facts), p.key),
    }
    grouped = Grouped()
    for status, programs in groups.items():
        chosen = sorted(programs, key=order[status])[: limits[status]]
        grouped.shown[status] = [evaluate(p, facts) for p in chosen]
        grouped.total[status] = len(programs)
    return grouped
