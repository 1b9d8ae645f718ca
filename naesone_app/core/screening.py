"""Screening a whole catalogue for one resident fast enough for a feed (11,000 programmes < 10 ms).

Programmes share most of their conditions (the same age bands, income bands, situation sets), and
criteria are frozen dataclasses, so equal conditions are one object here: each distinct criterion is
decided once per resident with the very `status` method the engine uses, and each programme's status
is the worst of its criteria, taken with one NumPy reduction. A programme whose application window
closed before the evaluation date and that is not ineligible is closed, exactly as `evaluate` says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from naesone_app.core.criteria import MET, UNMET, Criterion
from naesone_app.core.eligibility import CLOSED_CODE, PROGRAM_STATUS
from naesone_app.core.profile import Facts
from naesone_app.core.program import Program


@dataclass(frozen=True)
class CompiledCatalog:
    """A catalogue prepared for screening: distinct criteria and a programme × criterion index."""

    programs: tuple[Program, ...]
    criteria: tuple[Criterion, ...]
    index: np.ndarray  # shape (programmes, widest); padding points at the always-met slot
    closes: np.ndarray  # each programme's closing day as a proleptic ordinal; no window → the max

    def statuses(self, facts: Facts) -> np.ndarray:
        """Status code (MET / UNKNOWN / UNMET / CLOSED_CODE) of every programme, in catalogue order."""
        decided = np.fromiter(
            (c.status(facts) for c in self.criteria), dtype=np.int8, count=len(self.criteria)
        )
        decided = np.append(decided, np.int8(MET))  # the padding slot
        if self.index.shape[1] == 0:
            codes = np.zeros(len(self.programs), dtype=np.int8)
        else:
            codes = decided[self.index].max(axis=1)
        closed = (self.closes < facts.as_of.toordinal()) & (codes != UNMET)
        return np.where(closed, np.int8(CLOSED_CODE), codes).astype(np.int8)

    def screen(self, facts: Facts) -> list[tuple[Program, str]]:
        """Every programme with its status name."""
        codes = self.statuses(facts)
        return [(p, PROGRAM_STATUS[int(c)]) for p, c in zip(self.programs, codes, strict=True)]


def compile_catalog(programs: Sequence[Program]) -> CompiledCatalog:
    """Index `programs` by their distinct top-level criteria."""
    slots: dict[Criterion, int] = {}
    rows = [[slots.setdefault(c, len(slots)) for c in p.criteria] for p in programs]
    width = max((len(r) for r in rows), default=0)
    pad = len(slots)
    index = np.full((len(rows), width), pad, dtype=np.int32)
    for i, row in enumerate(rows):
        index[i, : len(row)] = row
    never = date.max.toordinal()
    closes = np.fromiter(
        (p.closes_on.toordinal() if p.closes_on else never for p in programs), dtype=np.int64, count=len(rows)
    )
    return CompiledCatalog(tuple(programs), tuple(slots), index, closes)
