"""Which question to ask next: the one whose answer decides the most programmes.

A question is worth asking only if some programme is "maybe" because of a fact that question
supplies; questions are ordered by how many such programmes they would decide.
"""

from __future__ import annotations

from collections import Counter

from naesone_app.core.criteria import UNKNOWN, UNMET, AllOf, AnyOf, Criterion
from naesone_app.core.profile import Facts
from naesone_app.core.screening import CompiledCatalog

# question → the criterion kinds its answer decides
QUESTIONS: dict[str, frozenset[str]] = {
    "birth_date": frozenset({"age"}),
    "residence": frozenset({"region", "dong"}),
    "income": frozenset({"income", "household_size"}),
    "livelihood": frozenset({"livelihood"}),
    "household": frozenset({"household"}),
    "situations": frozenset({"situation"}),
    "children": frozenset({"children"}),
    "moved_in_on": frozenset({"residence"}),
    "sex": frozenset({"sex"}),
}
_QUESTION_OF_KIND = {kind: q for q, kinds in QUESTIONS.items() for kind in kinds}


def _unknown_kinds(criterion: Criterion, facts: Facts, into: set[str]) -> None:
    if criterion.status(facts) != UNKNOWN:
        return
    if isinstance(criterion, AllOf | AnyOf):
        for part in criterion.parts:
            _unknown_kinds(part, facts, into)
    else:
        into.add(criterion.kind)


def question_impact(catalog: CompiledCatalog, facts: Facts) -> Counter[str]:
    """For each question, how many still-undecided programmes its answer would help decide."""
    impact: Counter[str] = Counter()
    statuses = catalog.statuses(facts)
    for program, code in zip(catalog.programs, statuses, strict=True):
        if code != UNKNOWN:
            continue
        kinds: set[str] = set()
        for criterion in program.criteria:
            if criterion.status(facts) != UNMET:
                _unknown_kinds(criterion, facts, kinds)
        for question in {_QUESTION_OF_KIND[k] for k in kinds if k in _QUESTION_OF_KIND}:
            impact[question] += 1
    return impact


def next_questions(catalog: CompiledCatalog, facts: Facts, settled: set[str]) -> list[str]:
    """Questions not yet answered or skipped, most decisive first; questions that decide nothing are left out.

    Ties keep the order of QUESTIONS (the usual order of a conversation about one's situation).
    """
    impact = question_impact(catalog, facts)
    order = list(QUESTIONS)
    pending = [q for q in order if q not in settled and impact[q] > 0]
    return sorted(pending, key=lambda q: (-impact[q], order.index(q)))
