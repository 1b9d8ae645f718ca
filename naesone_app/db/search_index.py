"""The search index kept in each server process, rebuilt when what it indexes changes.

Documents come from a registry of *sources*; each source says what it holds now (a cheap version) and
yields its documents. Programmes come through the catalogue cache (db.catalog_cache.CATALOG, which
rechecks the stored catalogue every 30 s), courses from the classes tables, facilities from the
facilities table, help topics from data/search/help.yaml. A later source (partner offers) registers
itself with `register_source` and the ranking does not change.

Every RECHECK_SECONDS the sources' versions are compared; a change rebuilds the index in a background
thread while questions keep using the previous one, so every worker notices within a minute and no
question waits for a rebuild (except the very first, which builds it).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import select

from naesone_app.core.search.documents import (
    course_document,
    facility_document,
    help_documents,
    program_document,
)
from naesone_app.core.search.index import Document, SearchIndex
from naesone_app.core.search.lexicon import Lexicon, load_lexicon
from naesone_app.db.catalog_cache import CATALOG
from naesone_app.db.class_models import ClassCentre, Course
from naesone_app.db.engine import database_url, transaction
from naesone_app.db.models import FacilityRow

RECHECK_SECONDS = 20.0  # plus the catalogue cache's 30 s: a change shows within a minute


@dataclass(frozen=True, slots=True)
class Source:
    """One kind of record in the index: a cheap `version()` and the `documents()` it holds."""

    name: str
    version: Callable[[], Hashable]
    documents: Callable[[], Iterable[Document]]


def _programme_version() -> Hashable:
    return id(CATALOG.get())  # a new compiled catalogue whenever the stored one changed


def _programme_documents() -> Iterable[Document]:
    return [program_document(p) for p in CATALOG.get().programs]


def _course_version() -> Hashable:
    with transaction() as session:
        return tuple(
            session.exec(select(func.count(Course.id), func.max(Course.id), func.max(Course.status))).one()
        )


def _course_documents() -> Iterable[Document]:
    with transaction() as session:
        rows = session.exec(
            select(Course, ClassCentre)
            .join(ClassCentre, ClassCentre.id == Course.centre_id)
            .order_by(Course.id)
        ).all()
        return [
            course_document(
                c.code, c.title_ko, c.title_en, c.category, centre.name_ko, centre.name_en, c.schedule
            )
            for c, centre in rows
            if c.status != "cancelled"
        ]


def _facility_version() -> Hashable:
    with transaction() as session:
        count, latest = session.exec(
            select(func.count(FacilityRow.id), func.max(FacilityRow.imported_at))
        ).one()
        return int(count), str(latest)


def _facility_documents() -> Iterable[Document]:
    with transaction() as session:
        rows = session.exec(
            select(FacilityRow.id, FacilityRow.kind, FacilityRow.name, FacilityRow.address).order_by(
                FacilityRow.id
            )
        ).all()
        return [facility_document(*row) for row in rows]


SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> None:
    """Add (or replace) a kind of record in the index; the next recheck rebuilds with it."""
    SOURCES[source.name] = source
    SEARCH.invalidate()


class _SearchCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._versions: tuple | None = None
        self._url = ""
        self._checked_at = 0.0
        self._building = False
        self._lexicon: Lexicon | None = None

    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon(load_lexicon())
        return self._lexicon

    def index(self) -> SearchIndex:
        """The current index; built now if there is none, rebuilt in the background when stale."""
        with self._lock:
            url = database_url()
            if self._index is None or url != self._url:
                self._build(url, self._current_versions())
                return self._index  # type: ignore[return-value]
            if time.monotonic() - self._checked_at >= RECHECK_SECONDS and not self._building:
                self._checked_at = time.monotonic()
                versions = self._current_versions()
                if versions != self._versions:
                    self._building = True
                    threading.Thread(target=self._rebuild, args=(url, versions), daemon=True).start()
            return self._index

    def _current_versions(self) -> tuple:
        return tuple((name, source.version()) for name, source in sorted(SOURCES.items()))

    def _build(self, url: str, versions: tuple) -> None:
        documents = [doc for source in SOURCES.values() for doc in source.documents()]
        self._index, self._versions, self._url = SearchIndex(documents), versions, url
        self._checked_at = time.monotonic()

    def _rebuild(self, url: str, versions: tuple) -> None:
        try:
            documents = [doc for source in SOURCES.values() for doc in source.documents()]
            index = SearchIndex(documents)
            with self._lock:
                if url == self._url:
                    self._index, self._versions = index, versions
        finally:
            self._building = False

    def warm(self) -> None:
        """Build the index in a background thread (at server start), so the first question does not wait."""
        threading.Thread(target=self.index, daemon=True, name="search-index-warm").start()

    def rebuild_now(self) -> SearchIndex:
        """Rebuild at once, in this thread (after an import, in tests)."""
        CATALOG.invalidate()
        with self._lock:
            self._build(database_url(), self._current_versions())
            return self._index  # type: ignore[return-value]

    def invalidate(self) -> None:
        with self._lock:
            self._checked_at = 0.0
            self._versions = None


SEARCH = _SearchCache()

for _source in (
    Source("programmes", _programme_version, _programme_documents),
    Source("courses", _course_version, _course_documents),
    Source("facilities", _facility_version, _facility_documents),
    Source("help", lambda: "help", help_documents),
):
    SOURCES[_source.name] = _source
