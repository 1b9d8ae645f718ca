"""Ranking a question over the index: concepts from the question and the lexicon, BM25F, boosts.

Each word of the question is a *concept*; a lexicon entry the question mentions makes one concept of
the words that triggered it and the catalogue words it means (query expansion), so "할머니" counts once,
by its best match among 할머니 / 어르신 / 노인. A document's score is the sum over concepts of the best
term's BM25F score, divided by the best score the question could reach (each concept's rarest term in
a title-like match). That normalised score is comparable across questions, so one threshold can say
"nothing relevant": a question whose key words appear nowhere ("여권 재발급") stays below it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from naesone_app.core.search.index import Document, SearchIndex
from naesone_app.core.search.lexicon import Hit, Lexicon
from naesone_app.core.search.text import STOP, compact, normalise, terms

EXPANSION_WEIGHT = 0.9  # a catalogue word the lexicon supplies counts a little less than a typed one
PHRASE_BOOST = 0.12  # the title holds a phrase of the question (spacing ignored)
TITLE_BOOST = 0.3  # the resident typed a whole title
MIN_PHRASE = 3  # characters, so "지원" alone is no phrase
CANDIDATES = 200
THRESHOLD = 0.3  # set from the question set (see tests/search and `make bench`)


@dataclass(frozen=True, slots=True)
class Concept:
    """One idea of the question: its terms with weights, and the phrases it can match in a title."""

    weights: dict[str, float]
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Ranked:
    """A document found, its normalised score and the terms that matched it."""

    document: Document
    score: float
    matched: frozenset[str]


def concepts(question: str, hits: list[Hit]) -> list[Concept]:
    """The question's concepts: one per lexicon hit (trigger + meanings), one per other content word."""
    found: list[Concept] = []
    absorbed: set[str] = set()
    for hit in hits:
        trigger = compact(hit.trigger)
        weights = {t: 1.0 for t in terms(hit.trigger)}
        for meaning in hit.entry.means:
            for term in terms(meaning):
                weights.setdefault(term, EXPANSION_WEIGHT)
        absorbed.update(weights)
        absorbed.add(trigger)
        if hit.entry.means:
            found.append(Concept(weights, tuple(compact(m) for m in hit.entry.means if len(compact(m)) >= 2)))
    squeezed_triggers = [compact(h.trigger) for h in hits]
    for term in dict.fromkeys(terms(question)):
        if term in absorbed or term in STOP or any(term in t for t in squeezed_triggers):
            continue
        found.append(Concept({term: 1.0}, (term,) if len(term) >= MIN_PHRASE else ()))
    return found


def rank(index: SearchIndex, lexicon: Lexicon, question: str, limit: int) -> tuple[list[Ranked], list[Hit]]:
    """The best `limit` documents for the question, best first, with their normalised scores."""
    hits = lexicon.find(question)
    ideas = concepts(question, hits)
    if not ideas or index.size == 0:
        return [], hits
    total = np.zeros(index.size, dtype=np.float32)
    best_possible = 0.0
    query_terms: set[str] = set()
    for idea in ideas:
        best = np.zeros(index.size, dtype=np.float32)
        seen = [t for t in idea.weights if t in index.postings]
        for term in seen:
            docs, scores = index.term_scores(term)
            weighted = scores * idea.weights[term]
            best[docs] = np.maximum(best[docs], weighted)
        best_possible += max(
            (index.best_possible(t) * idea.weights[t] for t in seen), default=index.best_possible("")
        )
        total += best
        query_terms.update(seen)
    if best_possible <= 0:
        return [], hits
    total /= best_possible
    count = min(CANDIDATES, int(np.count_nonzero(total)))
    if count == 0:
        return [], hits
    top = np.argpartition(-total, count - 1)[:count]
    squeezed = compact(question)
    phrases = [p for idea in ideas for p in idea.phrases]
    scored = sorted(
        ((float(total[n]) + _boost(index.compact_titles[n], squeezed, phrases), int(n)) for n in top),
        key=lambda item: (-item[0], index.documents[item[1]].id),
    )[:limit]
    ranked = [
        Ranked(index.documents[n], round(score, 4), frozenset(t for t in query_terms if index.has(t, n)))
        for score, n in scored
    ]
    return ranked, hits


def _boost(titles: tuple[str, ...], squeezed: str, phrases: list[str]) -> float:
    """Exact-phrase boosts: the whole title typed, or a question phrase inside the title."""
    boost = 0.0
    if any(len(t) >= MIN_PHRASE and t in squeezed for t in titles):
        boost += TITLE_BOOST
    if any(p in t for p in phrases for t in titles):
        boost += PHRASE_BOOST
    return boost


def highlights(document: Document, locale: str, matched: frozenset[str]) -> tuple[str, ...]:
    """The words of the title and summary (as written) whose analysis shares a matched term."""
    words: list[str] = []
    for name in ("title", "summary"):
        for word in document.text(name, locale).split():
            clean = word.strip(".,;:!?()[]{}\"'·")
            if clean and clean not in words and set(terms(normalise(clean))) & matched:
                words.append(clean)
    return tuple(words)
