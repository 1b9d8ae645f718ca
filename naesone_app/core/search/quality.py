"""Measuring search quality on a labelled question set: recall@5, MRR@10, per language, no-answer rate.

A question is *found* when one of the results a case worker would accept is among the first five
(success@5, reported as recall@5 as the issue names it). A question labelled with nothing must get an
empty answer. Shared by the quality test and `make bench`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from naesone_app.core.search.answer import Result, SearchAnswer


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    lang: str
    expect: tuple[str, ...]  # accepted ids; empty: nothing should be found


@dataclass
class Quality:
    """The figures, and the questions that missed (for reading, not for tuning to)."""

    recall_at_5: float = 0.0
    mrr_at_10: float = 0.0
    by_lang: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    no_answer_ok: int = 0
    no_answer_total: int = 0
    missed: list[tuple[str, list[str]]] = field(default_factory=list)
    false_nothing: int = 0  # answerable questions that got an empty answer


def load_questions(path: Path) -> list[Question]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Question(q["q"], q["lang"], tuple(q.get("expect") or ())) for q in data["questions"]]


def accepts(
    expected: str, result: Result, course_titles: dict[str, str], facility_kinds: dict[str, str]
) -> bool:
    """Whether a result is the expected one: an exact id, any facility of a kind, any course of a title."""
    if expected.startswith("facility-kind:"):
        return facility_kinds.get(result.id) == expected.split(":", 1)[1]
    if expected.startswith("course-title:"):
        return course_titles.get(result.id) == expected.split(":", 1)[1]
    return result.id == expected


def measure(
    questions: Sequence[Question],
    ask: Callable[[str, str], SearchAnswer],
    course_titles: dict[str, str],
    facility_kinds: dict[str, str],
) -> Quality:
    """Ask every question and score the answers."""
    quality = Quality()
    found_by_lang: dict[str, int] = {}
    reciprocal = 0.0
    answerable = [q for q in questions if q.expect]
    for question in questions:
        answer = ask(question.text, question.lang)
        if not question.expect:
            quality.no_answer_total += 1
            quality.no_answer_ok += not answer.results
            if answer.results:
                quality.missed.append((question.text, [r.id for r in answer.results[:3]]))
            continue
        quality.counts[question.lang] = quality.counts.get(question.lang, 0) + 1
        rank = next(
            (
                i
                for i, r in enumerate(answer.results[:10], 1)
                if any(accepts(e, r, course_titles, facility_kinds) for e in question.expect)
            ),
            None,
        )
        quality.false_nothing += not answer.results
        if rank is not None:
            reciprocal += 1 / rank
        if rank is not None and rank <= 5:
            found_by_lang[question.lang] = found_by_lang.get(question.lang, 0) + 1
        else:
            quality.missed.append((question.text, [r.id for r in answer.results[:5]]))
    total = len(answerable) or 1
    quality.recall_at_5 = sum(found_by_lang.values()) / total
    quality.mrr_at_10 = reciprocal / total
    quality.by_lang = {lang: found_by_lang.get(lang, 0) / n for lang, n in quality.counts.items()}
    return quality
