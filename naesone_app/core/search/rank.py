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
from functools import lru_cache

import numpy as np

from naesone_app.core.search.index import K1, Document, SearchIndex
from naesone_app.core.search.lexicon import Hit, Lexicon
from naesone_app.core.search.text import GENERIC, STOP, compact, normalise, terms, unknown_chinese

EXPANSION_WEIGHT = 0.9  # a catalogue word the lexicon supplies counts a little less than a typed one
PHRASE_BOOST = 0.12  # the title holds a phrase of the question as typed (spacing ignored)
LEXICON_BOOST = 0.08  # the title holds a catalogue word the lexicon gave for the question
TITLE_BOOST = 0.3  # the resident typed a whole title
MIN_PHRASE = 3  # characters, so "지원" alone is no phrase
UNSEEN_FACTOR = 1.5  # a word the catalogue never uses: strong sign the question is about something else
CANDIDATES = 60  # the best by BM25F that the phrase boosts may reorder
# Measured on both sets of tests/search (questions.yaml, heldout.yaml), on the sample catalogue and with
# the bench's 11,000 synthetic Gov24 rows added: no-answer questions top at 0.19 / 0.212, the weakest
# accepted answers score 0.241 / 0.240. Between the two at both sizes.
THRESHOLD = 0.225


@dataclass(frozen=True, slots=True)
class Alternative:
    """One way of saying a concept: all its terms together (a phrase counts by how much of it matches)."""

    terms: tuple[str, ...]
    weight: float
    catalogue: bool  # a catalogue word the lexicon gave (else: the words as typed)


@dataclass(frozen=True, slots=True)
class Concept:
    """One idea of the question: its alternatives (the typed words, the lexicon's catalogue words),
    and the phrases it can match in a title."""

    alternatives: tuple[Alternative, ...]
    phrases: tuple[str, ...]  # as typed
    meanings: tuple[str, ...] = ()  # the lexicon's catalogue words, as phrases
    generic: bool = False  # "지원", "money", "免费": wanted, but not what (never enough on its own)
    compound: bool = False  # a typed compound (its first alternative), the others its parts

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(t for alternative in self.alternatives for t in alternative.terms)


@dataclass(frozen=True, slots=True)
class Ranked:
    """A document found, its normalised score and the terms that matched it."""

    document: Document
    score: float
    matched: frozenset[str]


def concepts(question: str, hits: list[Hit], uncovered: str = "") -> list[Concept]:
    """The question's concepts: one per lexicon hit (the words as typed, or any of the catalogue words
    the entry means; an `outside` entry's words match nothing), one per other content word (with the
    parts of a compound: 과태료 → 과태), and one per Chinese word the lexicon left `uncovered` (no
    analyser knows it here: it matches nothing)."""
    found: list[Concept] = []
    absorbed: set[str] = set()
    for hit in hits:
        typed = Alternative(terms(hit.trigger), 1.0, False)
        meant = tuple(Alternative(terms(m), EXPANSION_WEIGHT, True) for m in hit.entry.means if terms(m))
        absorbed.update(typed.terms, *(m.terms for m in meant))
        if hit.entry.outside:  # an errand no programme is about: a word the catalogue never uses
            found.append(Concept((Alternative((f"outside:{compact(hit.trigger)}",), 1.0, False),), ()))
        elif meant:
            trigger = compact(hit.trigger)
            phrases = (trigger,) if len(trigger) >= 2 else ()
            meanings = tuple(compact(m) for m in hit.entry.means if len(compact(m)) >= 2)
            found.append(Concept((typed, *meant), phrases, meanings, hit.entry.generic))
    squeezed_triggers = [compact(h.trigger) for h in hits]
    words: list[list[str]] = []
    for term in dict.fromkeys(terms(question)):
        if term in absorbed or term in STOP or any(term in t for t in squeezed_triggers):
            continue
        if words and term in words[-1][0]:
            words[-1].append(term)  # a part of the compound just before it
        else:
            words.append([term])
    for word in words:
        phrases = (word[0],) if len(word[0]) >= MIN_PHRASE else ()
        found.append(
            Concept(
                (Alternative((word[0],), 1.0, False), *(Alternative((p,), 1.0, False) for p in word[1:])),
                phrases,
                generic=all(w in GENERIC for w in word),
                compound=len(word) > 1,
            )
        )
    found += [Concept((Alternative((w,), 1.0, False),), ()) for w in unknown_chinese(uncovered)]
    return found


def rank(index: SearchIndex, lexicon: Lexicon, question: str, limit: int) -> tuple[list[Ranked], list[Hit]]:
    """The best `limit` documents for the question, best first, with their normalised scores.

    Standard BM25F per term (idf × saturated field-weighted tf); per concept a document scores its best
    alternative (see `_concept_scores`). The sum is divided by what the question could score at best
    (each concept's ideal, and each concept's part is capped there), so 1.0 means "every idea of the
    question matched in a title-like way". A word no document has weighs the idf of a word in no
    document and lowers every score: "여권 재발급" stays below the threshold however well "발급" matches.
    """
    hits = lexicon.find(question)
    ideas = concepts(question, hits, lexicon.uncovered(question))
    if not ideas or index.size == 0:
        return [], hits
    total = np.zeros(index.size, dtype=np.float32)
    weight_sum = 0.0
    query_terms: set[str] = set()
    specific = False
    for idea in ideas:
        best, ideal = _concept_scores(index, idea)
        if best is None:
            weight_sum += UNSEEN_FACTOR * index.max_idf  # nothing in the catalogue says this
            continue
        specific = specific or not idea.generic
        total += np.minimum(best, ideal)
        weight_sum += ideal
        query_terms.update(t for t in idea.terms if t in index.postings)
    if not specific:  # only "지원", "돈", "补贴" matched: the catalogue knows nothing of what is wanted
        return [], hits
    total /= weight_sum
    count = min(CANDIDATES, int(np.count_nonzero(total)))
    if count == 0:
        return [], hits
    top = np.argpartition(-total, count - 1)[:count]
    others = np.flatnonzero(index.not_facility & (total > 0))  # see _with_others
    top = _with_others(total, top, others)
    squeezed = compact(question)
    phrases = [p for idea in ideas for p in idea.phrases]
    meanings = [p for idea in ideas for p in idea.meanings]
    scored = sorted(
        (
            (float(total[n]) + _boost(index.compact_titles[n], squeezed, phrases, meanings), int(n))
            for n in top
        ),
        key=lambda item: (-item[0], index.documents[item[1]].id),
    )[:limit]
    numbers = np.fromiter((n for _, n in scored), dtype=np.int32, count=len(scored))
    matched: list[set[str]] = [set() for _ in scored]
    for term in query_terms:  # which of the shown documents hold each term: one binary search per term
        for position in np.flatnonzero(index.contains(term, numbers)):
            matched[position].add(term)
    ranked = [
        Ranked(index.documents[n], round(score, 4), frozenset(found))
        for (score, n), found in zip(scored, matched, strict=True)
    ]
    return ranked, hits


def _with_others(total: np.ndarray, top: np.ndarray, others: np.ndarray) -> np.ndarray:
    """The candidates plus the best non-facility documents: 75 heat shelters that all say 무더위쉼터
    must not push the safety-map help topic, whose title holds the phrase, out of the boosts' reach."""
    if len(others) > CANDIDATES:
        others = others[np.argpartition(-total[others], CANDIDATES - 1)[:CANDIDATES]]
    return np.union1d(top, others)


def _concept_scores(index: SearchIndex, idea: Concept) -> tuple[np.ndarray | None, float]:
    """Every document's score for one concept (its best alternative) and the concept's ideal score.

    An alternative scores the idf-weighted BM25F saturation of its terms, averaged over its terms and
    scaled by the share of them present (a document with half of a two-word phrase gets a quarter); its ideal is its weight × the mean idf of its
    terms. The concept's ideal is that of its best catalogue word (else of the words as typed)."""
    best: np.ndarray | None = None
    ideals: list[tuple[bool, float]] = []
    if idea.compound and not any(t in index.postings for t in idea.alternatives[0].terms):
        # a compound the catalogue never uses ("주민등록증"): its parts may match, but the word
        # weighs as much as any word the catalogue does not know
        ideals.append((False, UNSEEN_FACTOR * index.max_idf))
    for alternative in idea.alternatives:
        seen = [t for t in alternative.terms if t in index.postings]
        if not seen:
            continue
        size = len(alternative.terms)
        scale = alternative.weight / (size * (K1 + 1))
        score = np.zeros(index.size, dtype=np.float32)
        present = np.zeros(index.size, dtype=np.float32) if size > 1 else None
        for term in seen:
            posting = index.postings[term]
            score[posting.docs] += posting.impacts * (index.idf[term] * scale)
            if present is not None:
                present[posting.docs] += 1.0
        if present is not None:  # part of a phrase is less than its share: "요금" is not "전기요금"
            score *= present / size
        best = score if best is None else np.maximum(best, score)
        mean_idf = sum(index.idf.get(t, index.max_idf) for t in alternative.terms) / size
        ideals.append((alternative.catalogue, alternative.weight * mean_idf))
    if best is None:
        return None, 0.0
    anchors = [ideal for catalogue, ideal in ideals if catalogue] or [ideal for _, ideal in ideals]
    return best, max(anchors)


def _boost(titles: tuple[str, ...], squeezed: str, phrases: list[str], meanings: list[str]) -> float:
    """Exact-phrase boosts: the whole title typed; a phrase as typed inside the title; else a catalogue
    word the lexicon gave for the question inside the title (the lexicon boost, smaller)."""
    boost = 0.0
    if any(len(t) >= MIN_PHRASE and t in squeezed for t in titles):
        boost += TITLE_BOOST
    if any(p in t for p in phrases for t in titles):
        boost += PHRASE_BOOST
    elif any(p in t for p in meanings for t in titles):
        boost += LEXICON_BOOST
    return boost


def highlights(document: Document, locale: str, matched: frozenset[str]) -> tuple[str, ...]:
    """The words of the title and summary (as written) whose analysis shares a matched term."""
    words: list[str] = []
    for name in ("title", "summary"):
        for word in document.text(name, locale).split():
            clean, found = _word_terms(word)
            if clean and clean not in words and found & matched:
                words.append(clean)
    return tuple(words)


@lru_cache(maxsize=65536)
def _word_terms(word: str) -> tuple[str, frozenset[str]]:
    clean = word.strip(".,;:!?()[]{}\"'·")
    return clean, frozenset(terms(normalise(clean)))
