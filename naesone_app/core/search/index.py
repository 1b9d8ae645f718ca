"""The search index: BM25F over analysed fields (title > tags > summary > body), in memory.

Documents are analysed once, when the index is built; a question only looks up its terms' postings,
whose per-document BM25F impacts are precomputed (numpy arrays), so asking costs a few array operations
whatever the catalogue's size.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from naesone_app.core.search.text import compact, terms

FIELD_WEIGHTS = {"title": 3.0, "tags": 2.0, "summary": 1.5, "body": 1.0}
K1, B = 1.2, 0.75


@dataclass(frozen=True, slots=True)
class Document:
    """One thing that can be found. `texts` holds each field's text per locale ({"title": {"ko": …}})."""

    id: str
    kind: str  # program | course | partner_offer | facility | help
    source: str
    href: str
    texts: dict[str, dict[str, str]]
    extra: dict = field(default_factory=dict)

    def text(self, name: str, locale: str) -> str:
        """A field in `locale`, falling back to Korean."""
        values = self.texts.get(name, {})
        return values.get(locale) or values.get("ko", "")


@dataclass(frozen=True, slots=True)
class Posting:
    docs: np.ndarray  # int32 document numbers
    impacts: np.ndarray  # float32 BM25F saturation tf~/(k1+tf~) * (k1+1), without idf


class SearchIndex:
    """BM25F postings over a list of documents."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents: list[Document] = list(documents)
        self.size = len(self.documents)
        per_field: dict[str, list[Counter]] = {name: [] for name in FIELD_WEIGHTS}
        for doc in self.documents:
            for name in FIELD_WEIGHTS:
                counted: Counter = Counter()
                for text in doc.texts.get(name, {}).values():
                    counted.update(terms(text))
                per_field[name].append(counted)
        average = {
            name: max(1.0, sum(sum(c.values()) for c in counts) / max(1, self.size))
            for name, counts in per_field.items()
        }
        weighted: dict[str, dict[int, float]] = defaultdict(dict)
        for name, weight in FIELD_WEIGHTS.items():
            for number, counted in enumerate(per_field[name]):
                length = sum(counted.values())
                norm = 1 - B + B * length / average[name]
                for term, tf in counted.items():
                    slot = weighted[term]
                    slot[number] = slot.get(number, 0.0) + weight * tf / norm
        self.postings: dict[str, Posting] = {}
        self.idf: dict[str, float] = {}
        for term, by_doc in weighted.items():
            docs = np.fromiter(by_doc.keys(), dtype=np.int32, count=len(by_doc))
            tf = np.fromiter(by_doc.values(), dtype=np.float32, count=len(by_doc))
            order = np.argsort(docs)  # sorted postings: membership by binary search
            docs, tf = docs[order], tf[order]
            self.postings[term] = Posting(docs, (tf * (K1 + 1) / (K1 + tf)).astype(np.float32))
            self.idf[term] = self.idf_of(len(by_doc))
        self.max_idf = self.idf_of(0)
        self.compact_titles = [
            tuple(compact(t) for t in doc.texts.get("title", {}).values()) for doc in self.documents
        ]
        # facilities come by the hundred with alike texts; the rest (programmes, courses, help topics)
        # is kept apart so that many alike facilities never crowd it out of the candidates (rank.py)
        self.not_facility = np.array([doc.kind != "facility" for doc in self.documents], dtype=bool)

    def idf_of(self, df: int) -> float:
        """BM25's idf for a term (or a concept) found in `df` documents."""
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def contains(self, term: str, numbers: np.ndarray) -> np.ndarray:
        """For each document number, whether that document holds `term` (postings are sorted)."""
        posting = self.postings.get(term)
        if posting is None or not len(numbers):
            return np.zeros(len(numbers), dtype=bool)
        at = np.minimum(np.searchsorted(posting.docs, numbers), len(posting.docs) - 1)
        return posting.docs[at] == numbers
