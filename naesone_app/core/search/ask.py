"""A question answered: checked, understood (lexicon facts), ranked, thresholded, decided per programme.

Pure: the index, the lexicon and a way to find a programme by key are given, so the state, the API,
the CLI and the tests all answer the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from naesone_app.core.eligibility import INELIGIBLE, ProgramResult, evaluate
from naesone_app.core.i18n import render
from naesone_app.core.profile import Facts, ProfileError, facts_on, parse_profile
from naesone_app.core.program import Program
from naesone_app.core.results import why
from naesone_app.core.search.answer import Fact, Result, SearchAnswer, merge_profiles
from naesone_app.core.search.index import SearchIndex
from naesone_app.core.search.lexicon import Hit, Lexicon, resolve_dates
from naesone_app.core.search.rank import THRESHOLD, Ranked, highlights, rank
from naesone_app.core.search.text import MAX_QUESTION, normalise

ANSWER_LOCALES = ("ko", "en", "zh")
MAX_LIMIT = 50
TEXT_LOCALES = ("ko", "en")  # the catalogue's locales; zh texts fall back to Korean


def stated_facts(hits: list[Hit], locale: str, on: date, dropped: frozenset[str] = frozenset()) -> list[Fact]:
    """The facts the question states, one chip each (the first entry stating a key wins)."""
    facts: dict[str, Fact] = {}
    label_locale = locale if locale in TEXT_LOCALES else "ko"
    for hit in hits:
        for rule in hit.entry.facts:
            if rule.key in facts or rule.key in dropped:
                continue
            label = rule.label.get(label_locale) or rule.label["ko"]
            facts[rule.key] = Fact(
                rule.key, resolve_dates(rule.profile, on), hit.trigger, f"{hit.trigger} → {label}"
            )
    return list(facts.values())


def _facts_for(
    profile: dict[str, Any] | None, inferred: dict[str, Any], on: date
) -> tuple[Facts, Facts | None]:
    """The resident's facts: the given profile first (it wins on single values), plus what the question
    states; and the same without a stated age, when the age is only the question's lower bound
    ("할머니" → 65 or older), to decide programmes that the bound alone would rule out."""
    given = profile or {}
    try:
        parse_profile(given)
    except ProfileError:  # a broken tab profile: decide on what the question states alone
        given = {}
    merged = merge_profiles(given, inferred)
    facts = facts_on(parse_profile(merged), on)
    if "age" in inferred and not {"age", "birth_date"} & set(given):
        return facts, facts_on(parse_profile({k: v for k, v in merged.items() if k != "age"}), on)
    return facts, None


def _decide(program: Program, facts: Facts, unbounded: Facts | None) -> tuple[ProgramResult, Facts]:
    """The engine's verdict; a stated age is a lower bound, so it never alone makes a programme ineligible."""
    decided = evaluate(program, facts)
    if decided.status == INELIGIBLE and unbounded is not None:
        without = evaluate(program, unbounded)
        if without.status != INELIGIBLE:
            return without, unbounded
    return decided, facts


def _result(found: Ranked, text_locale: str, program: Program | None, resident) -> Result:
    doc = found.document
    status = reason = ""
    if program is not None:
        decided, facts = _decide(program, *resident)
        status = decided.status
        reason = render(why(decided, facts), text_locale)
    return Result(
        id=doc.id,
        kind=doc.kind,
        source=doc.source,
        title=doc.text("title", text_locale),
        summary=doc.text("summary", text_locale),
        score=found.score,
        status=status,
        why=reason,
        href=doc.href,
        matched=highlights(doc, text_locale, found.matched),
    )


def answer(
    index: SearchIndex,
    lexicon: Lexicon,
    question: Any,
    *,
    locale: str = "ko",
    limit: int = 10,
    profile: dict[str, Any] | None = None,
    dropped: frozenset[str] = frozenset(),
    program_of: Callable[[str], Program | None] = lambda _key: None,
    on: date,
) -> SearchAnswer:
    """The whole answer to one question; bad text gives an answer with `problem` set, never an error."""
    locale = locale if locale in ANSWER_LOCALES else "ko"
    text = question if isinstance(question, str) else ""
    limit = max(1, min(int(limit or 10), MAX_LIMIT))
    if len(text) > MAX_QUESTION:
        return SearchAnswer(text[:MAX_QUESTION], locale, (), THRESHOLD, (), True, "too_long")
    cleaned = normalise(text)
    if not cleaned:
        return SearchAnswer(cleaned, locale, (), THRESHOLD, (), True, "empty")
    ranked, hits = rank(index, lexicon, cleaned, limit)
    facts = tuple(stated_facts(hits, locale, on, dropped))
    inferred = merge_profiles(*(f.profile for f in facts))
    resident = _facts_for(profile, inferred, on)
    text_locale = locale if locale in TEXT_LOCALES else "ko"
    results = tuple(
        _result(
            r,
            text_locale,
            program_of(r.document.id) if r.document.kind == "program" else None,
            resident,
        )
        for r in ranked
        if r.score >= THRESHOLD
    )
    return SearchAnswer(cleaned, locale, facts, THRESHOLD, results, not results)
