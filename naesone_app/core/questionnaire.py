"""Which question to ask next, and which choices to offer in it.

A question is worth asking only if some programme is "maybe" because of a fact that question
supplies; questions are ordered by how many such programmes they would decide, except where one
answer can settle another question (수급 status before income, household size before household
types, whether there are children before their birth dates, 신규 전입 before the move-in date).
A choice is offered only if it is plausible for this resident and could decide a programme, so a
72-year-old is not asked about pregnancy or school, and nobody in Jung-gu about fishing unless a
programme in the catalogue needs it. A condition the app cannot check (`declared`) is never asked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from naesone_app.core.criteria import UNKNOWN, UNMET, AllOf, AnyOf, Criterion, Household, Situation
from naesone_app.core.profile import HOUSEHOLD_CODES, SITUATION_CODES, Facts
from naesone_app.core.screening import CompiledCatalog

# the questions, in the usual order of a conversation about one's situation (ties keep this order)
QUESTIONS: tuple[str, ...] = (
    "birth_date",
    "residence",
    "household_size",
    "livelihood",
    "income",
    "household",
    "moved_in_on",
    "has_children",
    "children",
    "situations",
    "housing",
    "sex",
)
# criterion kind → the question whose answer decides it (household and situation are refined below)
_QUESTION_OF_KIND: dict[str, str] = {
    "age": "birth_date",
    "region": "residence",
    "dong": "residence",
    "household_size": "household_size",
    "income": "income",
    "livelihood": "livelihood",
    "residence": "moved_in_on",
    "children": "has_children",
    "sex": "sex",
    "housing": "housing",
}
# a question waits while one of these is still to be asked: their answer may settle it
_ASKED_AFTER: dict[str, tuple[str, ...]] = {
    "income": ("livelihood", "household_size"),
    "household": ("household_size",),
    "situations": ("birth_date",),
}
# the youngest and oldest age at which a situation is plausible (None: no bound)
_SITUATION_AGES: dict[str, tuple[int | None, int | None]] = {
    "pregnant": (14, 55),
    "prospective_parent": (18, 55),
    "birth_or_adoption": (16, 65),
    "elementary_student": (5, 13),
    "middle_school_student": (11, 17),
    "high_school_student": (14, 20),
    "university_student": (16, 45),
    "employed": (15, None),
    "job_seeker": (15, None),
}
# household types that need someone else in the household
_SHARED_HOUSEHOLD = frozenset({"single_parent_or_grandparent", "multi_child", "extended_family"})


def plausible_situations(facts: Facts) -> frozenset[str]:
    """Personal situations that could apply to this resident (age and sex as far as known)."""
    out = set()
    for code in SITUATION_CODES:
        low, high = _SITUATION_AGES.get(code, (None, None))
        if facts.age is not None and (
            (low is not None and facts.age < low) or (high is not None and facts.age > high)
        ):
            continue
        if code == "pregnant" and facts.sex == "male":
            continue
        out.add(code)
    return frozenset(out)


def plausible_household(facts: Facts) -> frozenset[str]:
    """Household types still worth asking: 1인 가구 follows from the household size once it is known."""
    out = set(HOUSEHOLD_CODES)
    if facts.household_size is not None:
        out.discard("single_person")
        if facts.household_size == 1:
            out -= _SHARED_HOUSEHOLD
    return frozenset(out)


def _deciders(criterion: Criterion, facts: Facts) -> set[str]:
    """The questions whose answer could decide this (unknown, simple) criterion."""
    if isinstance(criterion, Household):
        found = {"household"} if criterion.any_of & plausible_household(facts) else set()
        if "single_person" in criterion.any_of and facts.household_size is None:
            found.add("household_size")
        return found
    if isinstance(criterion, Situation):
        return {"situations"} if criterion.any_of & plausible_situations(facts) else set()
    question = _QUESTION_OF_KIND.get(criterion.kind)
    return {question} if question else set()


def _unknown_parts(criterion: Criterion, facts: Facts) -> Iterable[Criterion]:
    """The simple criteria inside `criterion` that are still unknown."""
    if criterion.status(facts) != UNKNOWN:
        return
    if isinstance(criterion, AllOf | AnyOf):
        for part in criterion.parts:
            yield from _unknown_parts(part, facts)
    else:
        yield criterion


def _open_criteria(catalog: CompiledCatalog, facts: Facts) -> Iterable[list[Criterion]]:
    """For each undecided programme, its unknown simple criteria."""
    statuses = catalog.statuses(facts)
    for program, code in zip(catalog.programs, statuses, strict=True):
        if code != UNKNOWN:
            continue
        yield [
            part
            for criterion in program.criteria
            if criterion.status(facts) != UNMET
            for part in _unknown_parts(criterion, facts)
        ]


def question_impact(catalog: CompiledCatalog, facts: Facts) -> Counter[str]:
    """For each question, how many still-undecided programmes its answer would help decide."""
    impact: Counter[str] = Counter()
    for parts in _open_criteria(catalog, facts):
        questions: set[str] = set()
        for part in parts:
            questions |= _deciders(part, facts)
        impact.update(questions)
    return impact


def offered_choices(
    catalog: CompiledCatalog, facts: Facts, question: str, also: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """The codes worth offering in the household or situations question: plausible and decisive.

    `also`: codes already chosen, offered too when plausible (so an answer can be changed). Order
    follows the contract's list. Any other question has no such list (an empty tuple).
    """
    kind, plausible, codes = {
        "household": (Household, plausible_household(facts), HOUSEHOLD_CODES),
        "situations": (Situation, plausible_situations(facts), SITUATION_CODES),
    }.get(question, (None, frozenset(), {}))
    if kind is None:
        return ()
    wanted: set[str] = set(also & plausible)
    for parts in _open_criteria(catalog, facts):
        for part in parts:
            if isinstance(part, kind):
                wanted |= part.any_of & plausible
    return tuple(code for code in codes if code in wanted)


def _wants_move_in_date(catalog: CompiledCatalog, facts: Facts) -> bool:
    """After ticking 신규 전입, the move-in date comes next if any programme counts months in Jung-gu."""
    if facts.moved_in_on is not None or "new_move_in" not in (facts.household or ()):
        return False
    return any(
        part.kind == "residence"
        for program in catalog.programs
        for criterion in program.criteria
        for part in _unknown_parts(criterion, facts)
    )


def next_questions(catalog: CompiledCatalog, facts: Facts, settled: set[str]) -> list[str]:
    """Questions not yet answered or skipped, most decisive first; questions that decide nothing are left out.

    The birth dates of children are asked only after the one-tap "any children?" question said yes
    (the caller settles "children" together with a "no" or a skipped gate).
    """
    impact = question_impact(catalog, facts)
    if impact["has_children"] and "has_children" in settled:
        impact["children"] = impact.pop("has_children")
    if _wants_move_in_date(catalog, facts) and "moved_in_on" not in settled:
        impact["moved_in_on"] = max(impact["moved_in_on"], 1)
        first = ["moved_in_on"]
    else:
        first = []
    pending = [q for q in QUESTIONS if q not in settled and impact[q] > 0 and q not in first]
    ordered = first + _in_order(pending, impact)
    return ordered


def _in_order(pending: list[str], impact: Counter[str]) -> list[str]:
    """Most decisive first, but never before a question whose answer may settle it."""
    left = sorted(pending, key=lambda q: (-impact[q], QUESTIONS.index(q)))
    ordered: list[str] = []
    while left:
        ready = next(q for q in left if not any(p in left for p in _ASKED_AFTER.get(q, ())))
        ordered.append(ready)
        left.remove(ready)
    return ordered


def askable(catalog: CompiledCatalog, facts: Facts) -> list[str]:
    """Every question that could still change a result, answered or not.

    Empty means "결과를 바꿀 질문이 더 없어요" is true: no unknown criterion is left that a question decides
    (what remains unknown is a condition the app cannot check).
    """
    return next_questions(catalog, facts, set())
